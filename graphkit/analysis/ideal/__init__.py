"""Ideal points: where each state stands on one scale, period by period, from its roll-call votes.

Pure numpy: a states × roll-calls matrix in, a table of positions out; nothing
here reads files or RDF. The pieces::

    find_bridges(roll_call_texts(short, descr), periods) -> bridge id per roll call (recurring resolutions)
    estimate(values, periods, bridges=..., anchor_row=...) -> IdealResult (.points: state, period, ideal, se, n_votes)
    explain(result, values, state_row, period) -> the roll calls that moved the state most that period
    ideal_points(matrix, by="session") -> IdealPoints (.frame: state, year, session, ideal, se, n_votes), for any vote source
    explain_state(points, key, year) -> the state's row and the roll calls that moved it, with their metadata
"""
from .bridges import find_bridges, normalise_title, roll_call_texts
from .explain import explain
from .model import IdealResult, Priors, estimate
from .points import WALKS, IdealPoints, explain_state, ideal_points

__all__ = ["estimate", "explain", "IdealResult", "Priors", "find_bridges", "roll_call_texts", "normalise_title",
           "ideal_points", "explain_state", "IdealPoints", "WALKS"]
