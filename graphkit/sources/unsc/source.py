"""The vetoes as a source (``--source unsc``): a vote source whose every position is a veto.

The analyses read the vetoes like any recorded votes (a draft is an item, a
veto is −1), with three differences: no record is dropped for having few
votes (a draft has one to three vetoes), a state's record lists its vetoes
("veto", with the draft and the agenda item), and it says "vetoed" rather
than "voted on".
"""
from __future__ import annotations

from ..base import COMMON_OPTIONS, Selection
from ..votes.source import VoteSource, years_of
from .readers import DATASET

__all__ = ["VetoSource", "UNSC"]


class VetoSource(VoteSource):
    """The Security Council's vetoed drafts, one named graph (``graph/unsc-vetoes``)."""

    min_n = 1

    def __init__(self):
        super().__init__("unsc", "UNSC vetoes", {"vetoes": DATASET}, {}, session_note="",
                         import_cli="graphkit.sources.unsc.cli:import_command", noun="vetoed draft")
        self.options = COMMON_OPTIONS | {"merge_successors", "min_votes"}

    @staticmethod
    def _min_votes(selection: Selection) -> Selection:
        """A draft has one to three vetoes: the vote sources' default of 5 votes per record does not apply."""
        from dataclasses import replace

        return selection if "min_votes" in selection.given() else replace(selection, min_votes=0)

    def matrix(self, gk, selection: Selection):
        return super().matrix(gk, self._min_votes(selection))

    def describe(self, selection: Selection) -> str:
        parts = []
        if selection.since is not None or selection.until is not None:
            since, until = years_of(selection.since, selection.until)
            parts.append(f"{since or '…'}–{until or '…'}")
        if selection.merge_successors:
            parts.append("successors merged (USSR → Russia)")
        if "min_votes" in selection.given():
            parts.append(f"drafts with ≥ {selection.min_votes} vetoes")
        return f"{self.label}: " + (", ".join(parts) or "all vetoed drafts")

    def positions(self, gk, matrix, key: str) -> list[dict]:
        return [{**row, "vote": "veto"} for row in super().positions(gk, matrix, key)]

    def state_headline(self, record: dict, positions: list[dict], scope: str) -> str:
        dates = sorted(p["date"] for p in positions if p.get("date"))
        span = f", {dates[0]} to {dates[-1]}" if dates else ""
        return (f"{record['name']} ({record['state']}): vetoed {record['negative']} of the {record['items']} "
                f"vetoed drafts{span} ({scope})")


#: The one instance the registry holds.
UNSC = VetoSource()
