"""The curated acts as a source: statements, letters, calls and votes of the data folder, with their sides.

Items are occasions (rival acts of one session answering each other) or acts;
a state's value is its side toward the act's target. The evidence of an item
is the evidence of its acts and of the two states' listed positions, and, for
an occasion, the evidence that places its acts together.
"""
from __future__ import annotations

from dataclasses import replace

from ...graph.evidence import act_evidence
from ..base import COMMON_OPTIONS, Selection, Source
from .matrix import curated_matrix
from .pairs import pair_acts
from .records import Filters
from .selection import select_records

__all__ = ["CuratedSource", "CURATED"]


class CuratedSource(Source):
    """The acts and signatory lists of the data folder (``--source curated``, the default)."""

    name = "curated"
    label = "curated acts"
    kind = "statements"
    options = COMMON_OPTIONS | {"forum", "topic", "target", "kind", "by_act", "include_withdrawn"}
    rank_by = "net"
    bloc_weight = "net"
    min_n = 1

    @staticmethod
    def filters(selection: Selection) -> Filters:
        """The record filters of a selection."""
        return Filters(since=selection.since, until=selection.until, forum=selection.forum, topic=selection.topic,
                       target=selection.target, kind=selection.kind, include_withdrawn=selection.include_withdrawn)

    def records(self, gk, selection: Selection):
        """The positions that pass the selection (a DataError names the filter that emptied it)."""
        filters = self.filters(selection)
        graph = gk.graph                  # first: the resolver then comes from the same graph, read once
        if filters.target:
            filters = replace(filters, target=gk.states.key_of(filters.target))
        return select_records(graph, filters)

    def matrix(self, gk, selection: Selection):
        return curated_matrix(self.records(gk, selection), not selection.by_act, gk.states)

    def describe(self, selection: Selection) -> str:
        return self.filters(selection).describe()

    def noun_for(self, selection: Selection) -> str:
        return "act" if selection.by_act else "item"

    def add_evidence(self, gk, matrix, pair: dict) -> None:
        """Each item gains its acts (both states' stances in each) with their evidence, and an occasion its own."""
        pair_acts(matrix, pair)
        for row in pair["both"] + pair["only_a"] + pair["only_b"] + pair["mixed"]:
            row["evidence"] = ([{**e, "about": "occasion"} for e in act_evidence(gk.graph, row["occasion"])]
                               if row["occasion"] else [])
            for act in row["acts"]:
                act["evidence"] = act_evidence(gk.graph, act["act"], [pair["a"], pair["b"]])

    def positions(self, gk, matrix, key: str) -> list[dict]:
        return [{"date": r.date, "act_id": r.act_id, "act": r.act, "label": r.act_label, "kind": r.kind,
                 "forum": r.forum_label, "target": r.target, "stance": r.stance, "side": r.side,
                 "roles": list(r.roles)} for r in matrix.records if r.participant == key]

    def as_target(self, matrix, key: str, top: int = 5) -> dict:
        """When the state is itself the target of acts: the states that most often supported and criticised it."""
        toward: dict[str, dict[str, list[str]]] = {}
        for r in matrix.records:
            if r.target == key and r.is_state and r.participant != key and r.side in (1, -1):
                side = "supporters" if r.side == 1 else "critics"
                toward.setdefault(side, {}).setdefault(r.participant, []).append(r.act_id)
        return {side: [{"state": s, "acts": len(acts), "act_ids": acts}
                       for s, acts in sorted(toward.get(side, {}).items(), key=lambda kv: (-len(kv[1]), kv[0]))][:top]
                for side in ("supporters", "critics")}


#: The one instance the registry holds.
CURATED = CuratedSource()
