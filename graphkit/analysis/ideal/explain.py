"""Which roll calls placed a state where it stands in a period.

For each vote the state cast in that period, :func:`explain` gives its **shift**:
how far that one vote moved the state's position, to first order,

.. math::
    \\text{shift}_j = \\operatorname{se}^2 \\cdot \\beta_j \\cdot
    \\frac{\\partial \\log P(y_{ij})}{\\partial \\eta_{ij}}

(the Laplace variance times the vote's pull on the position at the estimate; removing
the vote would move the position by about ``-shift``). A positive shift pulled the
state toward the anchor's side. A vote the model expected (a yes where everyone
said yes) barely pulls; a surprising vote on a discriminating roll call pulls most.
The probability of the vote actually cast is given with it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...errors import DataError
from .model import IdealResult
from .numerics import vote_terms

__all__ = ["explain"]

_CHOICE = {1.0: "yes", 0.0: "abstain", -1.0: "no"}


def explain(result: IdealResult, values, state_row: int, period: int, *, top: int | None = 10) -> pd.DataFrame:
    """The roll calls that moved ``state_row`` most in ``period``, strongest first.

    Parameters
    ----------
    result : IdealResult
        From :func:`graphkit.analysis.ideal.model.estimate` on the same ``values``.
    values : array_like
        The vote matrix the result was estimated on.
    state_row : int
        Row of the state.
    period : int
        One of the periods of ``result.points``.
    top : int or None
        How many rows to keep (None: all the state's votes in the period).

    Returns
    -------
    pandas.DataFrame
        ``column`` (index into ``values``' columns), ``vote`` (yes / abstain / no),
        ``shift`` (signed, on the reported scale), ``probability`` (of that vote
        under the model), ``discrimination``, ``bridge``; sorted by ``|shift|``.

    Raises
    ------
    DataError
        The state cast no vote in that period, or ``values`` does not match the result.

    Examples
    --------
    C (row 2) in period 2: its no on column 3 and its yes on column 5 pulled it
    away from A's side; its abstention on column 4 pulled it back a little.

    >>> from graphkit.analysis.ideal.model import estimate
    >>> nan = float("nan")
    >>> votes = [[1, 1, -1, 1, 1, -1], [1, 0, -1, 1, 1, nan], [-1, -1, 1, -1, 0, 1], [-1, -1, 1, -1, -1, 1]]
    >>> res = estimate(votes, [1, 1, 1, 2, 2, 2], anchor_row=0)
    >>> explain(res, votes, 2, 2).round(3)
       column     vote  shift  probability  discrimination  bridge
    0       3       no -0.138        0.609           0.681      -1
    1       5      yes -0.090        0.704          -0.574      -1
    2       4  abstain  0.013        0.457           0.639      -1
    """
    values = np.asarray(values, dtype=float)
    if values.ndim != 2 or values.shape[1] != len(result.items) or not 0 <= state_row < values.shape[0]:
        raise DataError(f"the vote matrix {values.shape} or row {state_row} does not match the estimate "
                        f"({len(result.items)} roll calls)", hint="pass the matrix the estimate was made on")
    pts = result.points
    mine = pts[(pts["state_index"] == state_row) & (pts["period"] == period)]
    if mine.empty:
        voted = pts.loc[pts["state_index"] == state_row, "period"].tolist()
        raise DataError(f"state row {state_row} cast no vote in period {period}", value=period,
                        hint="periods with votes: " + (", ".join(map(str, voted[:12])) + (" …" if len(voted) > 12 else "")
                                                      if voted else "none"))
    ideal, se = float(mine["ideal"].iloc[0]), float(mine["se"].iloc[0])
    items = result.items
    cols = items.loc[(items["period"] == period).to_numpy() & ~np.isnan(values[state_row]), "column"].to_numpy()
    vote = values[state_row, cols]
    order = np.argsort(vote, kind="stable")  # no, abstain, yes: the layout vote_terms expects
    cols, vote = cols[order], vote[order]
    it = items.iloc[cols]
    beta, a, d = (it[c].to_numpy() for c in ("discrimination", "difficulty", "width"))
    bounds = (int(np.searchsorted(vote, -0.5)), int(np.searchsorted(vote, 0.5)))
    terms = vote_terms(beta * ideal - a, d, bounds)
    out = pd.DataFrame({"column": cols, "vote": [_CHOICE[v] for v in vote], "shift": se * se * beta * terms.g_eta,
                        "probability": np.exp(terms.logp), "discrimination": beta, "bridge": it["bridge"].to_numpy()})
    out = out.iloc[np.argsort(-np.abs(out["shift"].to_numpy()), kind="stable")].reset_index(drop=True)
    return out if top is None else out.head(top)
