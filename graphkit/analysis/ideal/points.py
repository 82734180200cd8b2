"""Ideal points of a position matrix: periods, bridges and direction chosen from the matrix's own items.

:func:`ideal_points` is what ``graphkit ideal`` computes for any vote source:
it takes the states × roll calls :class:`~graphkit.analysis.matrix.PositionMatrix`
(a source's votes, after its selection), groups the roll calls into periods
(``session`` or calendar ``year``), finds the recurring resolutions among their
texts (:func:`~graphkit.analysis.ideal.bridges.find_bridges`), fixes the
direction with an anchor state and runs :func:`~graphkit.analysis.ideal.model.estimate`.
It returns one row per state and period in which the state voted, with
columns ``state, year, session, ideal, se, n_votes``.

Choices, each for a reason:

* **Rows are the matrix's rows**: one per graphkit key (ISO alpha-3 or a
  historic entity: the USSR until 1991 and Russia after are two series,
  Taiwan's seat until 1971 is ``ROC``, not China). Merging successors
  (``merge_successors``) would put the Republic of China's votes into China's
  series; it is refused by :meth:`graphkit.api.Graphkit.ideal`.
* **Both period labels**: with ``by="session"`` the ``year`` column is the
  calendar year holding most of the session's roll calls; with ``by="year"``
  ``session`` is the session holding most of the year's roll calls. "Most"
  means more than half: where no session (year) does, the cell is empty.
* **Roll calls without a period** (no session recorded, with ``by="session"``)
  are left out and counted in :attr:`IdealPoints.notes`.
* **Thin periods**: a period with a single roll call is placed by the walk from
  its neighbours (listed in the notes); a selection in which *no* period has
  two roll calls is refused, as nothing then ties the positions to the votes.
* **Direction**: the first of :data:`ANCHORS` present in the matrix has a
  positive mean position (the United States, as in the published estimates).
* **The walk** (:data:`WALKS`): ``reverting`` (the default, pulled toward the
  centre, ρ = 0.8, σ = 0.6) matched the published General Assembly estimates
  best; ``random`` is the pure random walk of Bailey, Strezhnev and Voeten
  (ρ = 1, with σ = 0.15, the best σ for it). See :mod:`graphkit.analysis.ideal.model`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...errors import DataError, InputError
from ..matrix import PositionMatrix
from .bridges import find_bridges, roll_call_texts
from .explain import explain as explain_votes
from .model import IdealResult, Priors, estimate

__all__ = ["ideal_points", "explain_state", "IdealPoints", "WALKS", "ANCHORS", "POINT_COLUMNS", "PERIODS"]

#: The walks ``--walk`` names, as priors.
WALKS = {"reverting": Priors(), "random": Priors(reversion=1.0, walk_sd=0.15)}
#: Whose mean position is made positive: the first of these with votes in the selection.
ANCHORS = ("USA", "GBR", "CAN", "AUS", "FRA")
#: The columns of :attr:`IdealPoints.frame` (and of ``graphkit ideal --format csv``).
POINT_COLUMNS = ["state", "year", "session", "ideal", "se", "n_votes"]
#: What a period can be.
PERIODS = ("session", "year")


@dataclass
class IdealPoints:
    """What :func:`ideal_points` returns.

    Attributes
    ----------
    frame : pandas.DataFrame
        :data:`POINT_COLUMNS`, one row per state and period it voted in, sorted by state and period.
    result : IdealResult
        The estimate itself (item parameters, iterations, priors ...).
    matrix : PositionMatrix
        The matrix estimated on (roll calls without a period left out).
    by : str
        ``session`` or ``year``.
    periods : numpy.ndarray
        The period of each column of ``matrix``.
    period_labels : pandas.DataFrame
        One row per period: ``period``, ``year``, ``session``, ``roll_calls``.
    anchor : str or None
        The state whose mean position is positive.
    walk : str
        ``reverting``, ``random`` or ``custom`` (priors given).
    notes : list of str
        What a reader should know: roll calls left out, thin periods, the anchor when it is not the United States.
    """

    frame: pd.DataFrame
    result: IdealResult
    matrix: PositionMatrix
    by: str
    periods: np.ndarray
    period_labels: pd.DataFrame
    anchor: str | None
    walk: str
    notes: list = field(default_factory=list)

    def summary(self) -> dict:
        """Counts and settings, JSON-ready."""
        s = self.result.summary()
        return {"by": self.by, "walk": self.walk, "anchor": self.anchor, "states": s["states"],
                "periods": s["periods"], "rows": s["rows"], "roll_calls": s["roll_calls"],
                "bridged_roll_calls": s["bridged_roll_calls"], "iterations": s["iterations"],
                "converged": s["converged"], "thin_periods": self.result.thin_periods,
                "priors": {k: s[k] for k in ("walk_sd", "reversion", "first_sd", "discrimination_sd",
                                             "difficulty_sd", "width_shape", "width_scale")},
                "notes": list(self.notes)}

    def period_of_year(self, year: int) -> int:
        """The period whose ``year`` label is ``year`` (with ``by="year"``, the year itself)."""
        labels = self.period_labels
        hit = labels.loc[labels["year"] == year, "period"] if self.by == "session" else \
            labels.loc[labels["period"] == year, "period"]
        if hit.empty:
            years = sorted({int(y) for y in labels["year"].dropna()})
            raise DataError(f"no {self.by} of the selection is held in {year}", value=year,
                            hint="years with votes: " + _span(years))
        return int(hit.iloc[0])


def _span(values) -> str:
    values = list(values)
    if not values:
        return "none"
    return f"{values[0]}–{values[-1]}" if len(values) > 2 else ", ".join(map(str, values))


def _majority(periods: np.ndarray, other: pd.Series) -> pd.Series:
    """Per period, the value of ``other`` held by more than half of its roll calls (NA when none is)."""
    frame = pd.DataFrame({"period": periods, "other": other.to_numpy()}).dropna()
    if frame.empty:
        return pd.Series(dtype="Int64")
    counts = frame.groupby(["period", "other"]).size().rename("n").reset_index()
    totals = pd.Series(periods).value_counts()
    top = counts.sort_values(["period", "n", "other"], ascending=[True, False, True]).drop_duplicates("period")
    top = top[top["n"] * 2 > top["period"].map(totals)]
    return pd.Series(top["other"].astype("int64").to_numpy(), index=top["period"].to_numpy()).astype("Int64")


def ideal_points(matrix: PositionMatrix, by: str = "session", *, texts=None, walk: str = "reverting",
                 priors: Priors | None = None, anchors=ANCHORS, tol: float = 1e-4) -> IdealPoints:
    """Dynamic ideal points of every state in a vote matrix, period by period.

    Parameters
    ----------
    matrix : PositionMatrix
        States × roll calls (+1 yes, 0 abstain, −1 no, NaN no vote), with the
        items' ``session`` and ``year``.
    by : {"session", "year"}
        What a period is.
    texts : sequence of (str, str), optional
        Per column, the roll call's short title and description, to find the
        recurring resolutions (bridges); default: the items' titles.
    walk : {"reverting", "random"}
        The walk's priors (:data:`WALKS`); ignored when ``priors`` is given.
    priors : Priors, optional
        Prior scales of your own (``walk`` is then reported as ``custom``).
    anchors : sequence of str
        Candidates for the state made positive, in order.

    Returns
    -------
    IdealPoints

    Raises
    ------
    DataError
        No roll call with a period, one choice only in the whole selection (vetoes), no
        period with two roll calls, a single period with fewer than two, or what
        :func:`~graphkit.analysis.ideal.model.estimate` refuses.
    InputError
        An unknown ``by`` or ``walk``.

    Examples
    --------
    Four states, two sessions of three roll calls (A and B against C and D):

    >>> from graphkit.analysis.matrix import item_frame
    >>> nan = float("nan")
    >>> items = item_frame(item=["r1", "r2", "r3", "r4", "r5", "r6"], session=[1, 1, 1, 2, 2, 2],
    ...                    date=["2001-10-01", "2001-11-01", "2002-01-10", "2002-10-01", "2002-11-01", "2002-12-01"])
    >>> votes = [[1, 1, -1, 1, 1, -1], [1, 0, -1, 1, 1, nan], [-1, -1, 1, -1, 0, 1], [-1, -1, 1, -1, -1, 1]]
    >>> m = PositionMatrix(["AAA", "BBB", "CCC", "USA"], np.array(votes, dtype=float), items)
    >>> ip = ideal_points(m, "session")
    >>> ip.frame.round(2)
      state  year  session  ideal    se  n_votes
    0   AAA  2001        1  -1.19  0.57        3
    1   AAA  2002        2  -1.17  0.58        3
    2   BBB  2001        1  -0.80  0.57        3
    3   BBB  2002        2  -0.79  0.59        2
    4   CCC  2001        1   0.90  0.57        3
    5   CCC  2002        2   0.85  0.57        3
    6   USA  2001        1   1.09  0.58        3
    7   USA  2002        2   1.11  0.58        3
    >>> ip.anchor, ip.walk, ip.notes
    ('USA', 'reverting', [])
    >>> ideal_points(m, "year").frame["year"].unique().tolist()   # 2002 holds two sessions' roll calls
    [2001, 2002]
    """
    if by not in PERIODS:
        raise InputError(f"cannot take periods by {by!r}", value=by, hint="by session or by year")
    if priors is None:
        if walk not in WALKS:
            raise InputError(f"unknown walk {walk!r}", value=walk, hint="one of " + ", ".join(WALKS))
        priors = WALKS[walk]
    else:
        walk = "custom"
    notes = []
    period = matrix.items[by].astype("float64").to_numpy()
    dated = ~np.isnan(period)
    if not dated.any():
        raise DataError(f"no roll call of the selection has a {by}", value=by,
                        hint="take periods by year (--by year)" if by == "session" else "check the roll calls' dates")
    if not dated.all():
        notes.append(f"{int((~dated).sum())} roll call(s) without a {by} left out")
        matrix = matrix.select(dated)
        if texts is not None:
            texts = [t for t, keep in zip(texts, dated) if keep]
    periods = matrix.items[by].astype("int64").to_numpy()
    choices = np.unique(matrix.values[~np.isnan(matrix.values)])
    if len(choices) < 2:
        said = {1.0: "yes", 0.0: "abstain", -1.0: "no"}.get(float(choices[0]), choices[0]) if len(choices) else "missing"
        raise DataError(f"every position in the selection is {said!r}: ideal points need roll calls on which states "
                        "chose differently (a record of one choice only, such as vetoes, cannot place anyone)",
                        value=said, hint="use a source of full roll calls (yes, no, abstain), or widen the selection")
    cast = ~np.isnan(matrix.values).all(axis=0)
    per_period = pd.Series(periods[cast]).value_counts().sort_index()
    if len(per_period) == 1 and per_period.iloc[0] < 2:
        raise DataError(f"{by} {per_period.index[0]} has 1 roll call; an ideal point needs at least 2", value=by,
                        hint="widen --since/--until, drop --issue, or lower --min-votes")
    if len(per_period) > 1 and (per_period < 2).all():
        listed = ", ".join(f"{p}: {n}" for p, n in per_period.head(8).items()) + (" …" if len(per_period) > 8 else "")
        raise DataError(f"every {by} of the selection has fewer than two roll calls ({listed}); "
                        "an ideal point needs at least 2 in a period", value=by,
                        hint="widen --since/--until, drop --issue, or lower --min-votes")
    short, descr = zip(*texts) if texts is not None and len(texts) else (matrix.items["title"].tolist(), [""] * len(periods))
    bridges = find_bridges(roll_call_texts(short, descr), periods)
    anchor = next((k for k in anchors if k in matrix.keys), None)
    if anchor != anchors[0]:
        notes.append(f"{anchors[0]} cast no vote in the selection: the direction is fixed by "
                     + (f"{anchor} (positive)" if anchor else "nobody (its sign is arbitrary)"))
    result = estimate(matrix.values, periods, bridges=bridges, states=matrix.keys, priors=priors, tol=tol,
                      anchor_row=matrix.keys.index(anchor) if anchor else None)
    if result.thin_periods:
        notes.append(f"{by}(s) with a single roll call, placed mostly by the walk: "
                     + ", ".join(map(str, result.thin_periods)))
    other = "year" if by == "session" else "session"
    labels = pd.DataFrame({"period": np.unique(periods)})
    labels[by] = labels["period"].astype("Int64")
    labels[other] = labels["period"].map(_majority(periods, matrix.items[other].astype("float64"))).astype("Int64")
    labels["roll_calls"] = labels["period"].map(pd.Series(periods).value_counts()).astype(int)
    pts = result.points.merge(labels[["period", "year", "session"]], on="period", how="left")
    frame = pd.DataFrame({"state": pts["state"].astype(str).astype(object), "year": pts["year"], "session": pts["session"],
                          "ideal": pts["ideal"].astype(float), "se": pts["se"].astype(float),
                          "n_votes": pts["n_votes"].astype("int64")})
    return IdealPoints(frame, result, matrix, by, periods, labels, anchor, walk, notes)


def explain_state(points: IdealPoints, key: str, year: int, *, top: int | None = 10) -> tuple[dict, pd.DataFrame]:
    """The roll calls that moved ``key`` most in the period of ``year`` (:func:`~graphkit.analysis.ideal.explain.explain`).

    Returns
    -------
    (dict, pandas.DataFrame)
        The state's row (``state``, ``year``, ``session``, ``ideal``, ``se``,
        ``n_votes``) and one row per vote it cast in that period, strongest
        pull first: ``item`` (the roll-call id), ``date``, ``session``,
        ``symbol``, ``title``, ``vote``, ``shift`` (how far that vote moved the
        position, + toward the anchor's side), ``probability`` (of that vote
        under the model), ``discrimination``, ``bridge`` (−1: none).

    Raises
    ------
    DataError
        The state has no votes in the selection, or none in that period.

    Examples
    --------
    >>> from graphkit.analysis.matrix import item_frame
    >>> nan = float("nan")
    >>> items = item_frame(item=["r1", "r2", "r3", "r4", "r5", "r6"], session=[1, 1, 1, 2, 2, 2],
    ...                    date=["2001-10-01", "2001-11-01", "2002-01-10", "2002-10-01", "2002-11-01", "2002-12-01"])
    >>> votes = [[1, 1, -1, 1, 1, -1], [1, 0, -1, 1, 1, nan], [-1, -1, 1, -1, 0, 1], [-1, -1, 1, -1, -1, 1]]
    >>> ip = ideal_points(PositionMatrix(["AAA", "BBB", "CCC", "USA"], np.array(votes, dtype=float), items))
    >>> row, table = explain_state(ip, "CCC", 2002)
    >>> row["session"], table[["item", "vote", "shift"]].round(3).values.tolist()
    (2, [['r4', 'no', 0.138], ['r6', 'yes', 0.09], ['r5', 'abstain', -0.013]])
    """
    m = points.matrix
    row_of = m.index(key)
    period = points.period_of_year(year)
    if not ((points.periods == period) & ~np.isnan(m.values[row_of])).any():
        voted = points.frame.loc[points.frame["state"] == key, "year"].dropna().astype(int).tolist()
        raise DataError(f"{key} cast no vote in the {points.by} held in {year}", value=year,
                        hint=f"years with its votes: {_span(voted)}")
    table = explain_votes(points.result, m.values, row_of, period, top=top)
    items = m.items.iloc[table["column"].to_numpy()].reset_index(drop=True)
    out = pd.DataFrame({"item": items["item"].astype(str), "date": items["date"], "precision": items["precision"],
                        "session": items["session"], "symbol": items["symbol"], "title": items["title"],
                        "vote": table["vote"], "shift": table["shift"], "probability": table["probability"],
                        "discrimination": table["discrimination"], "bridge": table["bridge"]})
    mine = points.frame[(points.frame["state"] == key)]
    mine = mine[mine[points.by] == period].iloc[0]
    state = {"state": key, "year": _int(mine["year"]), "session": _int(mine["session"]), "ideal": float(mine["ideal"]),
             "se": float(mine["se"]), "n_votes": int(mine["n_votes"]), "period": period}
    return state, out


def _int(value):
    return None if pd.isna(value) else int(value)
