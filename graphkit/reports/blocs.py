"""``graphkit blocs``: blocs by signed modularity and, for statements, camps per act, sides, swing states and balance."""
from __future__ import annotations

import pandas as pd

from .base import Report
from .output import render_frame, render_rows

__all__ = ["BlocsReport", "StatementBlocsReport", "VoteBlocsReport", "PARTS", "PART_COLUMNS"]

#: The parts of the statements' report (``--part``).
PARTS = ("camps", "sides", "blocs", "swing", "triads", "bridges")
PART_COLUMNS = {
    "camps": ["act", "date", "forum", "kind", "target", "camp", "listed", "reported", "differs", "members"],
    "sides": ["category", "state", "name", "supports", "criticises", "abstains"],
    "blocs": ["bloc", "size", "stance", "mean_side", "cohesion", "core", "members"],
    "swing": ["state", "name", "reasons", "split", "bloc", "lean", "evidence"],
    "triads": ["states", "strength", "negative", "ties"],
    "bridges": ["state", "name", "bloc", "participation", "betweenness", "outside"],
}


class BlocsReport(Report):
    """Common ground of the two blocs reports: the bloc search's seed, weight and scope."""


class LazyParts(dict):
    """Part name → rows, each computed on first use (bridges need betweenness centrality: only when asked)."""

    def __init__(self, makers: dict):
        super().__init__()
        self.makers = makers

    def __missing__(self, name):
        value = self[name] = self.makers[name]()
        return value

    def all(self) -> dict:
        return {name: self[name] for name in self.makers}


class StatementBlocsReport(BlocsReport):
    """Blocs of statements (acts with a target): the six parts of :data:`PARTS` and the balance.

    Attributes
    ----------
    parts : LazyParts
        Part name → rows (computed when first asked for).
    blocs : BlocResult
        The partition (membership, blocs, modularity).
    balance : BalanceReport
        Frustration and unbalanced triads.
    """

    def __init__(self, parts: dict, blocs, balance, seed: int, scope: str, note: str, by_act: bool = False,
                 part: str | None = None):
        parts = parts if isinstance(parts, LazyParts) else LazyParts({k: (lambda v=v: v) for k, v in parts.items()})
        self.parts, self.blocs, self.balance, self.seed = parts, blocs, balance, seed
        self.scope, self.note, self.by_act, self.part = scope, note, by_act, part
        self.title = f"Blocs by signed modularity; {scope}"
        self.columns = PART_COLUMNS[part or "camps"]

    def rows(self) -> list[dict]:
        return self.parts[self.part or "camps"]

    def bloc_rows(self) -> list[dict]:
        return self.parts["blocs"]

    def to_dict(self) -> dict:
        if self.part:
            return {self.part: self.parts[self.part]}
        b = self.balance
        return {**self.parts.all(), "balance": {
            "frustration": b.frustration, "ties": b.ties, "exact": b.exact, "method": b.method,
            "bloc_frustration": b.partition_frustration, "unbalanced_triads": b.unbalanced_triads,
            "triads": b.triads_total, "modularity": self.blocs.modularity, "seed": self.seed,
            "items": "acts" if self.by_act else "occasions"}}

    def text(self) -> str:
        if self.part:
            return render_rows(self.parts[self.part], "table", PART_COLUMNS[self.part])
        p = self.parts
        lines = [render_rows(p["camps"], "table", ["date", "act", "forum", "camp", "listed", "reported"],
                             title="Camps per act (listed vs reported counts)"), ""]
        lines.append(render_rows([{**r, "acts": f"{r['supports']}+ {r['criticises']}- {r['abstains']}="} for r in p["sides"]],
                                 "table", ["category", "state", "name", "acts"],
                                 title="Sides toward the target across acts (+ supports, - criticises, = abstains)"))
        lines.append("")
        lines.append(render_rows(p["blocs"], "table", ["bloc", "size", "stance", "cohesion", "core"],
                                 title=f"Blocs by signed modularity (Q = {self.blocs.modularity:.3f}, seed {self.seed}); "
                                       "cohesion = share of member pairs with a positive tie; ties counted per "
                                       + ("act" if self.by_act else "item (rival acts of one occasion are one item)")))
        for row in p["blocs"]:
            lines.append(f"  bloc {row['bloc']}: {' '.join(row['members'])}")
        lines.append("")
        lines.append(render_rows([{**s, "reasons": ", ".join(s["reasons"]), "evidence": "; ".join(s["evidence"])}
                                  for s in p["swing"]], "table", ["state", "name", "reasons", "split", "evidence"],
                                 title="Swing states (both sides, abstained, near a bloc boundary)"))
        b = self.balance
        lines += ["", f"Structural balance: {b.frustration} of {b.ties} ties violate the best two-camp split "
                      f"({b.method}); {b.partition_frustration} violate the blocs; "
                      f"{b.unbalanced_triads} of {b.triads_total} triads unbalanced."]
        return "\n".join(lines)


class VoteBlocsReport(BlocsReport):
    """Voting blocs, group by group (:func:`graphkit.analysis.blocs.blocs_by_group`): one row per bloc and group."""

    def __init__(self, frame: pd.DataFrame, by: str, weight: str, min_n: int, seed: int, scope: str, note: str):
        self.frame, self.by, self.weight, self.min_n, self.seed, self.scope, self.note = frame, by, weight, min_n, seed, scope, note
        from ..analysis.blocs import BLOC_COLUMNS

        self.columns = BLOC_COLUMNS if by != "all" else [c for c in BLOC_COLUMNS if c != "group"]
        self.title = (f"Voting blocs by signed modularity on {weight} (seed {seed}, ties between pairs with "
                      f"≥ {min_n} items in common){'' if by == 'all' else f', by {by}'}; {scope}")

    def rows(self) -> list[dict]:
        frame = self.frame if self.by != "all" else self.frame.drop(columns="group")
        return frame.to_dict(orient="records")

    def to_frame(self) -> pd.DataFrame:
        return self.frame

    def render(self, fmt: str = "table") -> str:
        if fmt == "json":
            import json

            from .output import to_jsonable
            return json.dumps(to_jsonable(self.rows()), ensure_ascii=False, indent=2)
        if fmt == "csv":
            return render_frame(self.frame if self.by != "all" else self.frame.drop(columns="group"), "csv")
        return super().render(fmt)

    def text(self) -> str:
        frame = self.frame if self.by != "all" else self.frame.drop(columns="group")
        lines = [render_frame(frame.drop(columns="members").round(4), "table", title=self.title)]
        for row in frame.itertuples(index=False):
            group = "" if self.by == "all" else f"{row.group} "
            lines.append(f"  {group}bloc {row.bloc}: {row.members}")
        return "\n".join(lines)
