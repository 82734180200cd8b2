"""The items behind a pair's agreement (``graphkit explain``), for any source.

A pair's indices (share, S, κ, π, N — the numbers ``graphkit compare`` gives)
come from the items both states took part in; :func:`explain_pair` lists them
one by one with both values, and lists the items only one of the two took
part in, and those where one took different sides (not counted). The source
then adds the evidence of each item (:meth:`graphkit.sources.base.Source.add_evidence`):
the acts, sources and excerpts of a statement, the dataset, release and record
of a vote.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..errors import InputError
from .agreement import pairwise_rows
from .matrix import PositionMatrix

__all__ = ["explain_pair", "item_row"]


def _num(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def _value(v: float) -> int | None:
    return None if v != v else int(v)


def _date(day, precision: str) -> str | None:
    if pd.isna(day):
        return None
    day = pd.Timestamp(day)
    return day.strftime("%Y-%m") if precision == "month" else day.strftime("%Y-%m-%d")


def item_row(matrix: PositionMatrix, col: int) -> dict:
    """The metadata of one item (column) as plain values: id, label, date (YYYY-MM when month-precise) ..."""
    r = matrix.items.iloc[col]
    return {"item": r["item"], "item_id": str(r["item"]).rsplit("/", 1)[-1], "label": r["label"],
            "date": _date(r["date"], r["precision"]), "precision": r["precision"],
            "session": None if pd.isna(r["session"]) else int(r["session"]), "symbol": r["symbol"] or "",
            "title": r["title"] or "", "issues": " ".join(r["issues"]), "kind": r["kind"], "forum": r["forum"],
            "occasion": r["occasion"] if isinstance(r["occasion"], str) else None, "acts": list(r["acts"]),
            "source": r["source"]}


def explain_pair(matrix: PositionMatrix, a: str, b: str, *, metric: str = "squared") -> dict:
    """The items behind two states' agreement, each with both values.

    Returns
    -------
    dict
        ``a``, ``b`` (keys), ``name_a``, ``name_b``, the indices ``n``,
        ``share``, ``s``, ``kappa``, ``pi`` (None where undefined), ``items``
        (how many selected), ``note`` (what an item is), and lists of item
        rows (:func:`item_row` plus ``value_a``, ``value_b``, ``agree``):
        ``both`` (counted), ``only_a``, ``only_b``, ``mixed`` (one of them took
        different sides within the item: not counted); ``neither`` counts the
        items neither took part in.

    Examples
    --------
    USA and FRA on the UNGA fixture, by hand: 101 no/yes, 102 yes/yes, 103 yes/yes,
    104 no/abstain — share 2/4, S = 1 − (2 + 0 + 0 + 1)/4:

    >>> from graphkit.sources.votes.matrix import table_matrix
    >>> m = table_matrix(fixture_table(), resolver=fixture_identity())
    >>> x = explain_pair(m, "USA", "France")
    >>> x["n"], x["share"], x["s"]
    (4, 0.5, 0.25)
    >>> [(r["item"], r["date"], r["value_a"], r["value_b"], r["agree"]) for r in x["both"]]
    [('101', '1971-10', -1, 1, False), ('102', '1990-12', 1, 1, True), ('103', '2016-12-21', 1, 1, True), ('104', '2019-12-18', -1, 0, False)]

    USA and CHN: CHN's seat was the ROC's in 1971, so only USA voted in 101:

    >>> x = explain_pair(m, "USA", "CHN")
    >>> x["n"], [r["item"] for r in x["both"]], [(r["item"], r["value_a"], r["value_b"]) for r in x["only_a"]]
    (3, ['102', '103', '104'], [('101', -1, None)])
    """
    key_a, key_b = matrix.key_of(a), matrix.key_of(b)
    if key_a == key_b:
        raise InputError(f"{a!r} and {b!r} are the same state ({key_a})", value=b,
                         hint="name two different states, e.g. graphkit explain USA FRA")
    va, vb = matrix.row(key_a), matrix.row(key_b)
    ix = pairwise_rows(matrix.keys, matrix.values, [key_a, key_b], metric)[0]
    has_a, has_b = ~np.isnan(va), ~np.isnan(vb)
    mixed_items = {item for s, item in matrix.mixed if s in (key_a, key_b)}
    ids = matrix.items["item"].to_numpy()
    is_mixed = np.array([i in mixed_items for i in ids], dtype=bool)

    def rows(mask):
        out = []
        for col in np.flatnonzero(mask):
            row = item_row(matrix, col)
            row.update(value_a=_value(va[col]), value_b=_value(vb[col]),
                       agree=bool(va[col] == vb[col]) if has_a[col] and has_b[col] else None)
            out.append(row)
        return out

    return {"a": key_a, "b": key_b, "name_a": matrix.name(key_a), "name_b": matrix.name(key_b),
            "n": ix["n"], **{k: _num(ix[k]) for k in ("share", "s", "kappa", "pi")},
            "items": len(matrix.items), "note": matrix.note, "source": matrix.source,
            "both": rows(has_a & has_b), "only_a": rows(has_a & ~has_b & ~is_mixed),
            "only_b": rows(has_b & ~has_a & ~is_mixed), "mixed": rows(is_mixed & ~(has_a & has_b)),
            "neither": int((~has_a & ~has_b & ~is_mixed).sum())}
