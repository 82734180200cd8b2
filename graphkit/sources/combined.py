"""``--source all``: every source side by side, one matrix with the items of all of them.

An item stays what its source makes it (an occasion or act of the curated
acts, a recorded vote); the matrix joins the sources on the state, so two
states' agreement counts every item either source has where both took a
position. The sources' own options do not apply to all of them, so only
``--since`` and ``--until`` do; a vote source with nothing imported is left
out and the note says so.

A vote that is both a curated act and an imported record (same symbol, same
day: the General Assembly's A/RES/71/248, a Council vote linked by
``gk:sameVoteAs``) is one item, the curated act's (its value is the side toward
the target, as for the statements); the imported record is left out and the
note names it.
"""
from __future__ import annotations

import numpy as np

from ..analysis.matrix import PositionMatrix
from ..errors import DataError, InputError
from ..namespaces import GK
from .base import COMMON_OPTIONS, Selection, Source

__all__ = ["CombinedSource"]


class CombinedSource(Source):
    """Several sources as one (``--source all``)."""

    name = "all"
    label = "all sources"
    kind = "mixed"
    options = COMMON_OPTIONS
    rank_by = "s"
    bloc_weight = "net"
    min_n = 1

    def __init__(self, sources: list[Source]):
        self.sources = sources

    def matrix(self, gk, selection: Selection) -> PositionMatrix:
        self.check(selection)
        parts, left_out = [], []
        for source in self.sources:
            try:
                parts.append(source.matrix(gk, selection))
            except (InputError, DataError) as exc:
                if source.kind != "votes":
                    raise
                left_out.append(f"{source.name} left out ({exc})")
        if not parts:
            raise DataError("no source has positions in this selection", hint="widen --since/--until, or import votes")
        combined = PositionMatrix.concat(parts)
        drop = same_votes(gk.graph, combined)
        if drop.any():
            counted_once = sorted(set(combined.items["symbol"][drop]))
            combined = combined.select(~drop)
            left_out.append(f"counted once, as the curated act: {', '.join(counted_once)} (also an imported record)")
        combined.note = "; ".join([combined.note, *left_out]) if left_out else combined.note
        return combined

    def describe(self, selection: Selection) -> str:
        return "all sources (" + ", ".join(s.name for s in self.sources) + ")" + (
            f": {selection.since or '…'}–{selection.until or '…'}" if selection.since or selection.until else "")

    def add_evidence(self, gk, matrix, pair: dict) -> None:
        for source in self.sources:
            part = {**pair, **{k: [r for r in pair[k] if r["source"] == source.name]
                               for k in ("both", "only_a", "only_b", "mixed")}}
            if any(part[k] for k in ("both", "only_a", "only_b", "mixed")):
                source.add_evidence(gk, matrix, part)
                if "provenance" in part:
                    pair.setdefault("provenance_by_source", {})[source.name] = part["provenance"]

    def positions(self, gk, matrix, key: str) -> list[dict]:
        return [{**row, "source": s.name} for s in self.sources for row in s.positions(gk, matrix, key)]


def _norm(symbol) -> str:
    return "".join(str(symbol).split()).upper()


def same_votes(graph, matrix: PositionMatrix) -> np.ndarray:
    """A mask of the imported records that are the same vote as a curated act of the matrix (same symbol and day)."""
    items = matrix.items
    curated = {a for acts, src in zip(items["acts"], items["source"]) if src == "curated" for a in acts}
    if not curated or graph is None:
        return np.zeros(len(items), dtype=bool)
    keys = set()
    q = "SELECT ?act ?symbol ?date WHERE { ?act a gk:RecordedVote ; gk:symbol ?symbol ; gk:date ?date }"
    for act, symbol, day in graph.query(q, initNs={"gk": GK}):
        if str(act) in curated:
            keys.add((_norm(symbol), str(day)[:10]))
    if not keys:
        return np.zeros(len(items), dtype=bool)
    days = items["date"].dt.strftime("%Y-%m-%d").fillna("")
    return np.array([src != "curated" and (_norm(sym), day) in keys
                     for src, sym, day in zip(items["source"], items["symbol"], days)], dtype=bool)
