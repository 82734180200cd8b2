"""Agreement between pairs of states: the pairs named (``graphkit compare``) and all pairs by group.

Both call :func:`graphkit.analysis.agreement.agreement_indices` (share, S, κ, π
and n for every pair at once, with matrix products) on a
:class:`~graphkit.analysis.matrix.PositionMatrix` of any source — never one
query per pair.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .agreement import agreement_indices, pairwise_rows
from .matrix import PositionMatrix

__all__ = ["compare_pairs", "agreement_table", "INDEX_COLUMNS"]

INDEX_COLUMNS = ["share", "s", "kappa", "pi", "n"]


def _pairs_frame(group, keys, ix, rows, cols, names: pd.Index | None = None) -> pd.DataFrame:
    # the states as codes into one list of names: 800,000 pairs name ~200 states (cheap to write, clean and hold)
    names = pd.Index(keys) if names is None else names
    at = names.get_indexer(keys)
    data = {"group": group, "a": pd.Categorical.from_codes(at[rows], categories=names),
            "b": pd.Categorical.from_codes(at[cols], categories=names)}
    for name in INDEX_COLUMNS:
        data[name] = ix[name][rows, cols]
    return pd.DataFrame(data)


def agreement_table(matrix: PositionMatrix, by: str = "year", *, states=None, min_n: int = 1,
                    metric: str = "squared") -> pd.DataFrame:
    """Agreement indices of every pair of entities in every group (year, session, decade, issue, all).

    Parameters
    ----------
    states : iterable of str, optional
        Only pairs with at least one of these entities.
    min_n : int
        Only pairs with at least this many items in common.

    Returns
    -------
    pandas.DataFrame
        ``group, a, b, share, s, kappa, pi, n``, one row per pair (``a < b``) and group.

    Examples
    --------
    Hand-derived on the fixture (``tests/unga_support.py``): USA and FRA meet on
    four items — no/yes, yes/yes, yes/yes, no/abstain — share 2/4, S =
    1 − mean|d| = 1 − (2+0+0+1)/4 = 0.25 (``dmax = 2``); per year, a single roll
    call each: no/yes S = −1, yes/yes S = 1, no/abstain S = 0.

    >>> from graphkit.sources.votes.matrix import table_matrix
    >>> m = table_matrix(fixture_table())
    >>> t = agreement_table(m, "all", states=["USA"])
    >>> row = t[(t.a == "FRA") & (t.b == "USA")].iloc[0]
    >>> float(row.share), float(row.s), int(row.n)
    (0.5, 0.25, 4)
    >>> t = agreement_table(m, "year", states=["USA"])
    >>> t[(t.a == "FRA") & (t.b == "USA")][["group", "share", "s", "n"]].astype(object).values.tolist()
    [[1971, 0.0, -1.0, 1], [1990, 1.0, 1.0, 1], [2016, 1.0, 1.0, 1], [2019, 0.0, 0.0, 1]]
    """
    frames = []
    names = pd.Index(matrix.keys)
    wanted = set(states) if states is not None else None
    for group, sub in matrix.groups(by):
        if len(sub.keys) < 2:
            continue
        ix = agreement_indices(sub.values, metric)
        rows, cols = np.triu_indices(len(sub.keys), k=1)
        keep = ix["n"][rows, cols] >= max(min_n, 1)
        if wanted is not None:
            mask = np.array([k in wanted for k in sub.keys])
            keep &= mask[rows] | mask[cols]
        frames.append(_pairs_frame(group, sub.keys, ix, rows[keep], cols[keep], names))
    if not frames:
        return pd.DataFrame(columns=["group", "a", "b", *INDEX_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def compare_pairs(matrix: PositionMatrix, states, metric: str = "squared") -> list[dict]:
    """All pairs among ``states`` over the matrix's items: n, share, S, κ, π — as ``graphkit compare``.

    ``states`` may be codes, historic keys or names
    (:meth:`~graphkit.analysis.matrix.PositionMatrix.key_of`); a state without
    positions has N = 0 with everyone.

    Examples
    --------
    By hand on the fixture: USA–FRA no/yes, yes/yes, yes/yes, no/abstain: share
    2/4, S = 1 − 3/4; FRA–CHN yes/abstain, yes/no, abstain/yes: share 0,
    S = 1 − (1 + 2 + 1)/3 = −1/3; USA–CHN share 0, S = 1 − (1 + 2 + 2)/3 = −2/3.

    >>> from graphkit.sources.votes.matrix import table_matrix
    >>> m = table_matrix(fixture_table(), resolver=fixture_identity())
    >>> [(r["a"], r["b"], r["n"], r["share"], round(r["s"], 3)) for r in compare_pairs(m, ["USA", "France", "CHN"])]
    [('USA', 'FRA', 4, 0.5, 0.25), ('USA', 'CHN', 3, 0.0, -0.667), ('FRA', 'CHN', 3, 0.0, -0.333)]
    """
    keys = [matrix.key_of(s) for s in states]
    return pairwise_rows(matrix.keys, matrix.values, keys, metric)
