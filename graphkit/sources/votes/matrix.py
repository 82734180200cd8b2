"""A vote table as the position matrix every analysis takes: records selected, voters keyed.

:func:`table_matrix` turns a :class:`~graphkit.sources.votes.table.VoteTable`
(read from files, or from the store by :func:`graphkit.store.votes.read_votes`)
into a :class:`~graphkit.analysis.matrix.PositionMatrix`: one row per voter,
one column per record (roll call), +1 yes / 0 abstain / −1 no, NaN for no vote
(absent, not voting, not a member of the body).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...analysis.matrix import PositionMatrix, item_frame
from ...errors import DataError
from ...graph.states import StateResolver
from .table import VoteTable

__all__ = ["table_matrix", "VOTE_NOTE"]

#: What an item and N are for every vote source.
VOTE_NOTE = ("an item is one recorded vote; N counts the votes both states cast (yes, no or abstain); "
             "absent, not voting and not a member of the body count as no position")


def table_matrix(table: VoteTable, *, session: int | None = None, issue: str | None = None,
                 since: int | None = None, until: int | None = None, merge_successors: bool = False,
                 resolver: StateResolver | None = None, min_votes: int = 0) -> PositionMatrix:
    """Build the matrix from a vote table, selecting records.

    Parameters
    ----------
    session, issue : optional
        Keep only this session / this issue code (``hr``, ``me`` …).
    since, until : int, optional
        Keep only records of these years (inclusive).
    merge_successors : bool
        Merge each historic entity into the one that continued its seat
        (``gk:continuedBy``: SUN → RUS, FRG → DEU, YAR → YEM, ROC → CHN …);
        needs ``resolver``.
    resolver : StateResolver, optional
        Names the voters and resolves state names (:meth:`PositionMatrix.key_of`).
    min_votes : int
        Drop records with fewer votes (the UNGA data has two with 2 and 4).

    Examples
    --------
    >>> m = table_matrix(fixture_table())
    >>> m.keys, m.item_ids
    (['CHN', 'DEU', 'FRA', 'ROC', 'RUS', 'SUN', 'USA'], ['101', '102', '103', '104'])
    >>> m.values[m.index("SUN")].tolist()
    [1.0, -1.0, nan, nan]
    >>> merged = table_matrix(fixture_table(), merge_successors=True, resolver=fixture_identity())
    >>> merged.keys, merged.values[merged.index("RUS")].tolist()
    (['CHN', 'DEU', 'FRA', 'RUS', 'USA'], [1.0, -1.0, -1.0, 1.0])
    >>> table_matrix(fixture_table(), issue="hr").item_ids
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
    rc_codes = np.asarray(pd.Categorical(votes["rcid"], categories=table.roll_calls.index).codes)
    if min_votes:
        counts = np.bincount(rc_codes[rc_codes >= 0], minlength=len(table.roll_calls))
        keep &= pd.Series(counts >= min_votes, index=table.roll_calls.index).reindex(rc.index, fill_value=False)
    rc = rc[keep.fillna(False).astype(bool)].sort_values(["raw_date"], kind="stable")
    if rc.empty:
        raise DataError("no record left after the filters", hint="check --session, --issue, --since and --until")
    # Codes, not strings: 870,000 votes are placed with integer arrays (mapping them row by row took seconds).
    col_of = np.full(len(table.roll_calls) + 1, -1)
    col_of[table.roll_calls.index.get_indexer(rc.index)] = np.arange(len(rc))
    cols = col_of[rc_codes]                       # code −1 (not a roll call) lands on the last slot: −1
    key_cat = pd.Categorical(votes["key"])
    key_names = np.asarray(key_cat.categories, dtype=object)
    if merge_successors:
        if resolver is None:
            raise ValueError("merge_successors needs the state resolver")
        key_names = np.asarray([resolver.merge_key(k) for k in key_names], dtype=object)
    chosen = cols >= 0
    row_keys = sorted(set(key_names[np.unique(key_cat.codes[chosen])])) if chosen.any() else []
    row_of = {k: i for i, k in enumerate(row_keys)}
    code_row = np.asarray([row_of.get(k, -1) for k in key_names])
    rows = code_row[key_cat.codes[chosen]]
    cols = cols[chosen]
    if merge_successors and len(np.unique(rows.astype(np.int64) * len(rc) + cols)) < len(rows):
        raise DataError("merging successors gives two votes of one seat on one record",
                        hint="check gk:continuedBy in data/historic-entities.ttl")
    values = np.full((len(row_keys), len(rc)), np.nan)
    values[rows, cols] = votes["value"].to_numpy()[chosen]
    dataset = table.dataset
    titles = rc["short"].fillna("").astype(str).str.strip() if "short" in rc else pd.Series("", index=rc.index)
    items = item_frame(item=rc.index.astype(str), label=[f"{dataset.item_label} {r}" for r in rc.index],
                       date=rc["raw_date"].to_numpy(), precision=rc["precision"].to_numpy(),
                       session=rc["session"].to_numpy(), symbol=rc["symbol"].fillna("").to_numpy(),
                       issues=rc["issues"].to_numpy(), title=titles.to_numpy(), kind="RecordedVote",
                       forum=dataset.forum, acts=[(dataset.act(r),) for r in rc.index], source=dataset.source)
    names = {k: resolver.name(k) for k in row_keys} if resolver is not None else {}
    return PositionMatrix(row_keys, values, items, names, dataset.source, dataset.note or VOTE_NOTE, resolver, merge_successors)
