"""``graphkit compare``: the agreement of the states named, pair by pair, shown as a grid."""
from __future__ import annotations

from .base import Report, TableReport
from .output import render_rows

__all__ = ["CompareReport", "PairsReport", "COMPARE_COLUMNS"]

COMPARE_COLUMNS = ["a", "b", "n", "share", "s", "kappa", "pi"]


class CompareReport(Report):
    """The pairs among the states named: n, share, S, κ, π (None where undefined).

    Attributes
    ----------
    states : list of str
        The keys, in the order given.
    pairs : list of dict
        One row per pair (``a``, ``b``, ``n``, ``share``, ``s``, ``kappa``, ``pi``).
    scope : str
        The selection in words.
    note : str
        What an item is and what N counts (the source's definition).
    index : str
        The index the grid shows.
    """

    columns = COMPARE_COLUMNS

    def __init__(self, states: list[str], pairs: list[dict], scope: str, note: str, index: str = "share",
                 source: str = "curated", noun: str = "item", kind: str = "statements"):
        self.states, self.pairs, self.scope, self.note, self.index, self.source = states, pairs, scope, note, index, source
        self.noun, self.kind = noun, kind
        self.title = f"{index}; {scope}"

    def rows(self) -> list[dict]:
        return self.pairs

    def to_dict(self) -> dict:
        return {"source": self.source, "scope": self.scope, "items": self.note, "pairs": self.pairs}

    def render(self, fmt: str = "table") -> str:
        if fmt == "json":
            return render_rows(self.pairs, "json", COMPARE_COLUMNS)
        return super().render(fmt)

    def grid(self) -> list[dict]:
        """One row per state, one column per state: the index and N of each pair."""
        cell = {}
        for r in self.pairs:
            v = r[self.index]
            text = "N=0" if r["n"] == 0 else f"{'n/a' if v is None else f'{v:.3f}'} ({r['n']})"
            cell[(r["a"], r["b"])] = cell[(r["b"], r["a"])] = text
        return [{"state": a, **{b: ("—" if a == b else cell[(a, b)]) for b in self.states}} for a in self.states]

    def text(self) -> str:
        verb = "took part in" if self.kind == "statements" else "voted in"
        lines = [render_rows(self.grid(), "table", ["state"] + self.states,
                             title=f"{self.index} (N = {self.noun}s both {verb}); {self.scope}")]
        lines.append(f"Items: {self.note}.")
        empty = [f"{r['a']}–{r['b']}" for r in self.pairs if r["n"] == 0]
        if empty:
            lines.append(f"N = 0 (no {self.noun} in common, indices undefined): {', '.join(empty)}")
        if any(r["n"] and r[self.index] is None for r in self.pairs):
            lines.append("n/a: undefined — both states made one and the same choice throughout, so chance explains it all.")
        return "\n".join(lines)


class PairsReport(TableReport):
    """Every pair's indices in every group (``compare --all-pairs --by year``): ``group, a, b, share, s, kappa, pi, n``."""
