"""``graphkit state``: one state's positions and its closest and most opposed partners."""
from __future__ import annotations

from .base import Report
from .output import render_rows

__all__ = ["StateReport", "PARTNER_COLUMNS"]

PARTNER_COLUMNS = ["partner", "name", "n", "same", "opposite", "share", "s", "kappa", "pi"]


class StateReport(Report):
    """A state's record (:func:`graphkit.analysis.partners.state_record`) with its own positions.

    Attributes
    ----------
    record : dict
        The partners and counts.
    positions : list of dict
        The state's positions in the selection (acts with stances, or votes).
    kind : str
        The source's kind: ``statements`` (sides toward a target) or ``votes``.
    as_target : dict
        For statements: who most often supported and criticised the state as a target.
    headline : str, optional
        The first line, when the source words it its own way (the vetoes: "vetoed 17 of the 214 vetoed drafts").
    """

    def __init__(self, record: dict, positions: list[dict], scope: str, note: str, kind: str, source: str,
                 as_target: dict | None = None, min_n: int = 1, noun: str = "item", headline: str | None = None):
        self.headline = headline
        self.record, self.positions, self.scope, self.note = record, positions, scope, note
        self.kind, self.source, self.as_target, self.min_n, self.noun = kind, source, as_target or {}, min_n, noun
        self.title = f"{record['name']} ({record['state']})"
        self.columns = PARTNER_COLUMNS if kind != "statements" else \
            ["date", "act_id", "kind", "forum", "target", "stance", "side", "roles"]

    def rows(self) -> list[dict]:
        return self.positions if self.kind == "statements" else self.record["ranking"]

    def to_dict(self) -> dict:
        r = self.record
        out = {**{k: v for k, v in r.items()}, "source": self.source, "scope": self.scope, "items_are": self.note,
               "positions": self.positions}
        if self.kind == "statements":
            sides = [p["side"] for p in self.positions if p["side"] is not None and p["target"] != r["state"]]
            out.update(supports=sum(1 for s in sides if s == 1), criticises=sum(1 for s in sides if s == -1),
                       abstains=sum(1 for s in sides if s == 0), as_target=self.as_target)
        else:
            out.update(roll_calls=r["items"], yes=r["positive"], no=r["negative"])
        return out

    def text(self) -> str:
        r = self.record
        d = self.to_dict()
        lines = []
        rank = "items on the same side minus opposite, then share" if r["rank_by"] == "net" else \
            f"highest {r['rank_by']}, then share; ≥ {self.min_n} {self.noun}s in common"
        if self.kind == "statements":
            lines.append(f"{r['name']} ({r['state']}): {len(self.positions)} positions — {d['supports']} supporting, "
                         f"{d['criticises']} criticising, {d['abstains']} abstaining toward the target ({self.scope})")
            if not self.positions:
                lines.append("No position of this state in the selection.")
                return "\n".join(lines)
            lines += ["", render_rows(self.positions, "table", ["date", "act_id", "forum", "target", "stance", "roles"],
                                      title="Positions")]
        else:
            lines.append(self.headline or
                         f"{r['name']} ({r['state']}): voted on {r['items'] - r['absent']} of {r['items']} {self.noun}s — "
                         f"{r['positive']} yes, {r['negative']} no, {r['abstain']} abstaining ({self.scope})")
            if 0 < len(self.positions) <= 40:
                vetoes = all(p.get("vote") == "veto" for p in self.positions)
                short = [{**p, "title": p["title"] if len(p.get("title") or "") <= 70 else p["title"][:69].rstrip() + "…"}
                         for p in self.positions]
                lines += ["", render_rows(short, "table", ["date", "symbol", "title", "vote", "item"],
                                          title="Vetoes (symbol = the draft, title = the agenda item)" if vetoes else "Votes")]
        cols = ["partner", "name", "n", "same", "opposite", "share", "s", "kappa"]
        if r["closest"]:
            lines += ["", render_rows(r["closest"], "table", cols, title=f"Closest partners ({rank})")]
        if r["opposed"]:
            opposed = "net < 0" if r["rank_by"] == "net" else f"{r['rank_by']} < 0"
            lines += ["", render_rows(r["opposed"], "table", cols, title=f"Most opposed ({opposed})")]
        for key, title in (("supporters", "supported"), ("critics", "criticised")):
            if self.as_target.get(key):
                lines += ["", render_rows(self.as_target[key], "table", ["state", "acts", "act_ids"],
                                          title=f"States that most often {title} {r['state']} (as the target of acts)")]
        if not r["partners"]:
            lines.append(f"No other state shares {self.min_n} or more items with it (N = 0 with everyone)."
                         if self.min_n > 1 else "No other state took part in any of these items (N = 0 with everyone).")
        lines.append(f"Items: {self.note}.")
        return "\n".join(lines)
