"""``graphkit explain``: the items behind a pair's agreement, each with its evidence."""
from __future__ import annotations

from .base import Report
from .output import render_rows

__all__ = ["ExplainReport"]


def _fmt(v):
    return "undefined" if v is None or v != v else f"{v:.3f}"


def _short(row: dict, width: int = 60) -> dict:
    """The row with its title cut to ``width`` characters for the table (CSV and JSON keep it whole)."""
    title = row.get("title") or ""
    return {**row, "title": title if len(title) <= width else title[:width - 1].rstrip() + "…"}


def _evidence(ev: dict) -> dict:
    return {"about": ev.get("about"), "source": ev.get("title") or ev.get("source"), "url": ev.get("url"),
            "excerpt": ev.get("excerpt")}


class ExplainReport(Report):
    """The pair (:func:`graphkit.analysis.explain.explain_pair`) with the source's evidence on every item.

    ``show_all`` lists the items only one of the two took part in (by default
    they are counted, for vote sources, and listed, for statements).
    """

    def __init__(self, pair: dict, scope: str, kind: str, show_all: bool = False, noun: str = "record"):
        self.pair, self.scope, self.kind, self.show_all, self.noun = pair, scope, kind, show_all, noun
        a, b = pair["a"], pair["b"]
        self.title = f"{a}–{b}; {scope}"
        self.columns = (["date", "item", "act", "kind", "forum", a, b, "agree", "about", "source", "url", "excerpt"]
                        if kind == "statements" else ["rcid", "date", "precision", "session", "symbol", "title",
                                                      "issues", a, b, "agree", "voted", "voter_a", "voter_b",
                                                      "position_a", "position_b", "act", "dataset", "release", "excerpt"])

    # ---------------------------------------------------------------- statements: one row per piece of evidence

    def _evidence_rows(self) -> list[dict]:
        p = self.pair
        a, b = p["a"], p["b"]
        rows = []
        for item in p["both"]:
            base = {"date": item["date"], "item": item["item_id"], "agree": "yes" if item["agree"] else "no"}
            for ev in item.get("evidence", []):
                rows.append({**base, "act": "", "kind": "Occasion", "forum": item["forum"],
                             a: item.get("stance_a"), b: item.get("stance_b"), **_evidence(ev)})
            for act in item["acts"]:
                if not isinstance(act, dict):
                    continue
                for ev in act["evidence"] or [{}]:
                    rows.append({**base, "date": act["date"], "act": act["act_id"], "kind": act["kind"],
                                 "forum": act["forum"], a: act["stance_a"] or "-", b: act["stance_b"] or "-",
                                 **_evidence(ev)})
        return rows

    # ---------------------------------------------------------------- votes: one row per record

    def _vote_rows(self, which=("both", "only_a", "only_b")) -> list[dict]:
        p = self.pair
        a, b = p["a"], p["b"]
        labels = {"both": "both", "only_a": f"only {a}", "only_b": f"only {b}"}
        return [{**r, a: r.get("vote_a"), b: r.get("vote_b"), "voted": labels[k],
                 "agree": {True: "yes", False: "no", None: ""}[r["agree"]]} for k in which for r in p[k]]

    def rows(self) -> list[dict]:
        return self._evidence_rows() if self.kind == "statements" else self._vote_rows()

    def to_dict(self) -> dict:
        p = dict(self.pair)
        if self.kind != "statements" and not self.show_all:
            p.update({f"{k}_count": len(p[k]) for k in ("only_a", "only_b")}, only_a=None, only_b=None)
        return p

    def text(self) -> str:
        return self._text_statements() if self.kind == "statements" else self._text_votes()

    def _text_statements(self) -> str:
        p = self.pair
        a, b = p["a"], p["b"]
        lines = []
        noun = self.noun
        if p["n"] == 0:
            lines.append(f"{a} and {b} took part in no {noun} in common (N = 0) under these filters "
                         f"({self.scope}): no index can be computed.")
        else:
            lines.append(f"{a}–{b}: N = {p['n']} {noun}{'s' if p['n'] != 1 else ''} in common; share {_fmt(p['share'])}, "
                         f"S {_fmt(p['s'])}, kappa {_fmt(p['kappa'])}, pi {_fmt(p['pi'])}")
            lines.append(f"({p['note']})")
            lines.append("")
            lines.append(render_rows(self._evidence_rows(), "table", ["date", "item", "act", a, b, "agree", "about", "source", "excerpt"],
                                     title=f"{noun.capitalize()}s counted, with their evidence "
                                           "(about = the occasion, the act itself or a state's listed position; - = did not sign that act)"))
        for key, who in (("only_a", a), ("only_b", b)):
            if p[key]:
                lines.append(f"Only {who} took part in: " + ", ".join(x["item_id"] for x in p[key]))
        for item in p["mixed"]:
            lines.append(f"Not counted: {item['item_id']} — {a} {item.get('stance_a') or '-'}, {b} {item.get('stance_b') or '-'} "
                         "(different sides at one occasion)")
        return "\n".join(lines)

    def _text_votes(self) -> str:
        p = self.pair
        a, b = p["a"], p["b"]
        one, many = self.noun, self.noun + "s"
        plural = lambda n: one if n == 1 else many  # noqa: E731
        head = f"{a}–{b} ({p['name_a']}, {p['name_b']}), {self.scope}: "
        lines = []
        if p["n"] == 0:
            lines.append(head + f"no {one} both voted in (N = 0): no index can be computed.")
        else:
            lines.append(head + f"N = {p['n']} {plural(p['n'])} both voted in; share {_fmt(p['share'])}, "
                         f"S {_fmt(p['s'])}, kappa {_fmt(p['kappa'])}, pi {_fmt(p['pi'])}")
            src = p.get("provenance")
            if src:
                lines.append(f"Source: {src['dataset']}, release {src['release'] or '(none)'}; each row is one {one} "
                             "(rcid = its id there; --format json or csv gives the act, the evidence excerpt and each vote's position)")
            lines.append("")
            lines.append(render_rows([_short(r) for r in self._vote_rows(("both",))], "table",
                                     ["date", "session", "symbol", "title", a, b, "agree", "rcid"],
                                     title=f"{many.capitalize()} both voted in (agree = the same vote; date YYYY-MM = precise to the month only)"))
        for key, who, other in (("only_a", a, b), ("only_b", b, a)):
            rows = p[key]
            if rows and self.show_all:
                lines.append("")
                lines.append(render_rows([_short(r) for r in self._vote_rows((key,))], "table",
                                         ["date", "session", "symbol", "title", who, "rcid"],
                                         title=f"{many.capitalize()} only {who} voted in ({other}: absent, not voting or not a member)"))
            elif rows:
                lines.append(f"Only {who} voted in {len(rows)} {plural(len(rows))} of the selection "
                             f"({other} absent, not voting or not a member; --all lists them).")
        if p["neither"]:
            lines.append(f"Neither voted in {p['neither']} of the {p['items']} {many} selected.")
        return "\n".join(lines)
