"""The state × roll-call matrix of UNGA votes, and its selections (session, issue, years).

Every analysis of :mod:`graphkit.analysis.votes` works on one :class:`UngaMatrix`:
rows are entities (graphkit keys: ISO alpha-3 or historic keys), columns roll
calls, values +1 yes / 0 abstain / −1 no and NaN for no vote (absent, not a
member) — the input :func:`graphkit.analysis.agreement.agreement_indices` expects.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from ..errors import DataError, UnknownStateError
from ..graph.states import StateResolver
from ..sources.unga.readers import VoteTable

__all__ = ["UngaMatrix", "vote_matrix"]


@dataclass
class UngaMatrix:
    """Entities × roll calls.

    Attributes
    ----------
    keys : list of str
        Row keys (sorted).
    rcids : list of str
        Column roll-call ids, in date order.
    values : numpy.ndarray
        ``float`` array ``(len(keys), len(rcids))``: +1, 0, −1 or NaN.
    roll_calls : pandas.DataFrame
        One row per column: ``rcid``, ``date``, ``year``, ``precision`` (``day`` or ``month``), ``session``,
        ``symbol``, ``issues``, ``title`` (the short title when the table has one; the store's votes carry it
        in the act's label, read by :func:`graphkit.analysis.explain_votes.roll_call_details`).
    names : dict
        Key → English name, for display.
    identity : StateResolver, optional
        The code table the rows were keyed with (lets :meth:`key_of` resolve names).
    merged : bool
        Whether historic entities were merged into their successors (``merge_successors``).
    """

    keys: list[str]
    rcids: list[str]
    values: np.ndarray
    roll_calls: pd.DataFrame
    names: dict[str, str] = field(default_factory=dict)
    identity: StateResolver | None = None
    merged: bool = False

    def key_of(self, text: str) -> str:
        """The row key for a state code, historic key or English name (SUN → RUS when merged).

        A known entity without votes in the selection keeps its key (its pairs have N = 0);
        an unknown one raises :class:`~graphkit.errors.UnknownStateError` with the closest keys.

        Examples
        --------
        >>> m = vote_matrix(fixture_table(), identity=fixture_identity(), merge_successors=True)
        >>> m.key_of("france"), m.key_of("SUN"), m.key_of("Zimbabwe")
        ('FRA', 'RUS', 'ZWE')
        """
        if self.identity is None:
            code = text.strip().upper()
            if code not in self.keys:
                raise UnknownStateError(f"unknown state code {text.strip()!r}", value=text,
                                        hint="one of " + " ".join(self.keys))
            return code
        key = self.identity.key_of(text)
        return self.identity.merge_key(key) if self.merged else key

    def index(self, key: str) -> int:
        try:
            return self.keys.index(key)
        except ValueError:
            raise DataError(f"no votes of {key!r} in the selection", value=key,
                            hint="ISO alpha-3 (e.g. CHN) or a historic key (SUN, YUG, FRG …); try --merge-successors for SUN → RUS") from None

    def select(self, columns: np.ndarray) -> "UngaMatrix":
        """The matrix restricted to a boolean mask of columns (rows without any vote dropped)."""
        values = self.values[:, columns]
        rows = ~np.isnan(values).all(axis=1)
        return replace(self, keys=[k for k, r in zip(self.keys, rows) if r], rcids=[c for c, m in zip(self.rcids, columns) if m],
                       values=values[rows], roll_calls=self.roll_calls[columns].reset_index(drop=True))

    def groups(self, by: str):
        """Yield ``(group, submatrix)`` per ``year``, ``session``, ``decade``, ``issue`` or ``all``."""
        rc = self.roll_calls
        if by == "all":
            yield "all", self
            return
        if by == "issue":
            for code in sorted({c for issues in rc["issues"] for c in issues}):
                yield code, self.select(rc["issues"].map(lambda t: code in t).to_numpy())
            return
        column = {"year": rc["year"], "session": rc["session"], "decade": rc["year"] // 10 * 10}.get(by)
        if column is None:
            raise DataError(f"cannot group by {by!r}", value=by, hint="year, session, decade, issue or all")
        column = column.to_numpy()
        for value in pd.unique(column[~pd.isna(column)]):
            yield int(value), self.select(column == value)


def vote_matrix(table: VoteTable, *, session: int | None = None, issue: str | None = None,
                since: int | None = None, until: int | None = None, merge_successors: bool = False,
                identity=None, min_votes: int = 0) -> UngaMatrix:
    """Build the matrix from a :class:`~graphkit.sources.unga.readers.VoteTable`, selecting roll calls.

    Parameters
    ----------
    session, issue : optional
        Keep only this GA session / this issue code (``hr``, ``me`` …).
    since, until : int, optional
        Keep only roll calls of these years (inclusive).
    merge_successors : bool
        Merge each historic entity into the one that continued its seat
        (``gk:continuedBy``: SUN → RUS, FRG → DEU, YAR → YEM, ROC → CHN …);
        needs ``identity``.
    min_votes : int
        Drop roll calls with fewer votes (the source has two with 2 and 4 votes).

    Examples
    --------
    >>> m = vote_matrix(fixture_table())
    >>> m.keys, m.rcids
    (['CHN', 'DEU', 'FRA', 'ROC', 'RUS', 'SUN', 'USA'], ['101', '102', '103', '104'])
    >>> m.values[m.index("SUN")].tolist()
    [1.0, -1.0, nan, nan]
    >>> merged = vote_matrix(fixture_table(), merge_successors=True, identity=fixture_identity())
    >>> merged.keys, merged.values[merged.index("RUS")].tolist()
    (['CHN', 'DEU', 'FRA', 'RUS', 'USA'], [1.0, -1.0, -1.0, 1.0])
    >>> vote_matrix(fixture_table(), issue="hr").rcids
    ['103', '104']
    """
    rc = table.roll_calls.copy()
    rc["year"] = rc["raw_date"].dt.year
    keep = pd.Series(True, index=rc.index)
    if session is not None:
        keep &= rc["session"] == session
    if issue is not None:
        keep &= rc["issues"].map(lambda t: issue in t)
    if since is not None:
        keep &= rc["year"] >= since
    if until is not None:
        keep &= rc["year"] <= until
    votes = table.votes
    if min_votes:
        counts = votes["rcid"].value_counts()
        keep &= rc.index.map(lambda r: counts.get(r, 0) >= min_votes)
    rc = rc[keep.fillna(False).astype(bool)].sort_values(["raw_date"], kind="stable")
    if rc.empty:
        raise DataError("no roll call left after the filters", hint="check --session, --issue, --since and --until")
    keys = votes["key"]
    if merge_successors:
        if identity is None:
            raise ValueError("merge_successors needs the identity table")
        keys = keys.map({k: identity.merge_key(k) for k in keys.unique()})
    col_of = pd.Series(np.arange(len(rc)), index=rc.index)
    cols = votes["rcid"].map(col_of)
    chosen = cols.notna().to_numpy()
    if merge_successors and pd.DataFrame({"r": votes["rcid"], "k": keys}).duplicated().any():
        raise DataError("merging successors gives two votes of one seat on one roll call",
                        hint="check gk:continuedBy in data/historic-entities.ttl")
    row_keys = sorted(keys[chosen].unique())
    row_of = {k: i for i, k in enumerate(row_keys)}
    values = np.full((len(row_keys), len(rc)), np.nan)
    values[keys[chosen].map(row_of).to_numpy(), cols[chosen].astype(int).to_numpy()] = votes["value"].to_numpy()[chosen]
    names = dict(identity.names) if identity is not None else {}
    out = pd.DataFrame({"rcid": rc.index, "date": rc["raw_date"].to_numpy(), "year": rc["year"].to_numpy(),
                        "precision": rc["precision"].to_numpy(), "session": rc["session"].to_numpy(),
                        "symbol": rc["symbol"].to_numpy(), "issues": rc["issues"].to_numpy(),
                        "title": (rc["short"].fillna("").astype(str).str.strip() if "short" in rc else pd.Series("", index=rc.index)).to_numpy()})
    return UngaMatrix(row_keys, list(rc.index), values, out, names, identity, merge_successors)
