"""Camps per act, sides across acts and the camps of the joint statements on a target.

:func:`act_camps` gives, for each act, who stood in which camp (supports /
criticises, or yes / no / abstain) with the listed count beside every count a
source reports. :func:`side_consistency` classifies each state across acts by
its side toward the target: always supporting, always criticising, or on both
sides (abstentions are counted but take no side). :func:`statement_camps`
gives the signatories of the joint statements on a target in a period, by
side, to compare with how they vote (:func:`graphkit.analysis.camps.camp_agreement`).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from rdflib import Graph

from ...namespaces import BINDINGS, iri_key
from .records import Filters, PositionRecord, position_records

__all__ = ["reported_counts", "act_camps", "side_consistency", "statement_camps", "STATEMENT_KINDS"]

COUNTS_QUERY = """
SELECT ?act ?count ?qualifier ?scope ?unit ?source ?title ?excerpt WHERE {
  ?act gk:reportedCount ?c . ?c gk:count ?count ; gk:countQualifier ?qualifier .
  OPTIONAL { ?c gk:countScope ?scope }
  OPTIONAL { ?c gk:countedUnit ?unit }
  OPTIONAL { ?c gk:evidence ?ev . ?ev prov:wasDerivedFrom ?source ; gk:excerpt ?excerpt .
             OPTIONAL { ?source dcterms:title ?title } }
} ORDER BY ?act ?scope ?count ?source
"""

STANCE_ORDER = ["supports", "criticises", "rejects", "yes", "no", "abstain"]


def reported_counts(graph: Graph) -> dict[str, list[dict]]:
    """Every reported count per act IRI: count, qualifier, scope, unit, source and excerpt."""
    out: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    for row in graph.query(COUNTS_QUERY, initNs=BINDINGS):
        key = (str(row.act), int(row["count"]), str(row.scope), str(row.source))
        if key in seen:
            continue
        seen.add(key)
        out[str(row.act)].append({
            "count": int(row["count"]),
            "qualifier": iri_key(row.qualifier).split("#")[-1],
            "scope": iri_key(row.scope).split("#")[-1] if row.scope is not None else "all",
            "unit": str(row.unit) if row.unit is not None else None,
            "source": str(row.source) if row.source is not None else None,
            "source_title": str(row.title) if row.title is not None else None,
            "excerpt": str(row.excerpt) if row.excerpt is not None else None,
        })
    return dict(out)


def act_camps(records: list[PositionRecord], counts: dict[str, list[dict]] | None = None) -> list[dict]:
    """One row per act and camp: listed members and count, and the counts sources report.

    Examples
    --------
    >>> from graphkit.sources.curated.records import position_records
    >>> g = tiny_world_graph()
    >>> rows = act_camps(position_records(g), reported_counts(g))
    >>> [(r["act"], r["camp"], r["listed"], r["reported"]) for r in rows if r["act"] == "w-2020-critical"]
    [('w-2020-critical', 'criticises', 3, '3, 4')]
    """
    counts = counts or {}
    by_act: dict[str, dict[str, list[PositionRecord]]] = defaultdict(lambda: defaultdict(list))
    first: dict[str, PositionRecord] = {}
    for r in records:
        by_act[r.act][r.stance].append(r)
        first.setdefault(r.act, r)
    rows = []
    for act, camps in by_act.items():
        r0 = first[act]
        for stance in sorted(camps, key=STANCE_ORDER.index):
            members = sorted(camps[stance], key=lambda r: r.participant)
            reported = sorted({c["count"] for c in counts.get(act, []) if c["scope"] in (stance, "all")})
            rows.append({
                "act": r0.act_id, "date": r0.date, "forum": r0.forum_label, "kind": r0.kind,
                "target": r0.target, "camp": stance, "listed": len(members),
                "reported": ", ".join(str(c) for c in reported),
                "differs": bool(reported) and any(c != len(members) for c in reported),
                "members": [m.participant for m in members],
            })
    rows.sort(key=lambda row: (row["date"] is None, str(row["date"]), row["act"], STANCE_ORDER.index(row["camp"])))
    return rows


def side_consistency(records: list[PositionRecord]) -> list[dict]:
    """Each state's sides toward the target across acts, and what that makes it.

    Positions of the target itself (China listed among China's supporters)
    are left out. ``category`` says what the counts beside it say: ``always supports`` /
    ``always criticises`` (every position on that side), ``supports or abstains`` /
    ``criticises or abstains`` (never on the other side, but abstained at least once),
    ``both sides`` or ``abstains only``.

    Examples
    --------
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> rows = side_consistency(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> [(r["state"], r["category"]) for r in rows]
    [('AAA', 'always supports'), ('CCC', 'always criticises'), ('DDD', 'always criticises'), ('BBB', 'supports or abstains'), ('EEE', 'both sides')]
    """
    tally: dict[str, dict] = {}
    for r in records:
        if not r.is_state or r.side is None or r.participant == r.target:
            continue  # a state's stance toward itself is not an alignment
        t = tally.setdefault(r.participant, {"state": r.participant, "name": r.participant_label,
                                             "supports": [], "criticises": [], "abstains": []})
        key = {1: "supports", -1: "criticises", 0: "abstains"}[r.side]
        t[key].append(r.act_id)
    rows = []
    for state, t in sorted(tally.items()):
        pro, con, abstain = len(t["supports"]), len(t["criticises"]), len(t["abstains"])
        category = ("both sides" if pro and con else
                    ("supports or abstains" if abstain else "always supports") if pro else
                    ("criticises or abstains" if abstain else "always criticises") if con else "abstains only")
        rows.append({"state": state, "name": t["name"], "category": category,
                     "supports": pro, "criticises": con, "abstains": len(t["abstains"]),
                     "acts_supporting": t["supports"], "acts_criticising": t["criticises"]})
    order = {"always supports": 0, "always criticises": 1, "supports or abstains": 2, "criticises or abstains": 3,
             "both sides": 4, "abstains only": 5}
    rows.sort(key=lambda r: (order[r["category"]], r["state"]))
    return rows


#: Act kinds that define a camp: statements and letters signed by several states.
STATEMENT_KINDS = ("JointStatement", "JointLetter")


def _day(value, end=False) -> dt.date:
    text = str(value)
    if len(text) == 4:
        return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    if len(text) == 7:
        y, m = map(int, text.split("-"))
        return (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)) if end else dt.date(y, m, 1)
    return dt.date.fromisoformat(text)


def statement_camps(graph: Graph, target: str = "CHN", since="2019", until="2022-12-31") -> tuple[dict[str, list[str]], list[str]]:
    """Signatories of the joint statements and letters on ``target`` in a period, by side.

    Returns ``({"supports": [...], "criticises": [...]}, on_both_sides)``: states
    that signed on both sides in the period are left out of both camps and listed.
    Withdrawn signatures do not count.

    Examples
    --------
    In the tiny world, AAA and BBB supported Syldavia, CCC and DDD criticised it,
    and EEE signed on both sides:

    >>> statement_camps(tiny_world_graph(), "SYL", "2020", "2022")
    ({'supports': ['AAA', 'BBB'], 'criticises': ['CCC', 'DDD']}, ['EEE'])
    """
    records = position_records(graph, Filters(since=_day(since), until=_day(until, end=True), target=target))
    sides: dict[str, set[int]] = {}
    for r in records:
        if r.kind in STATEMENT_KINDS and r.is_state and r.side in (1, -1) and r.participant != target:
            sides.setdefault(r.participant, set()).add(r.side)
    both = sorted(k for k, s in sides.items() if len(s) > 1)
    camps = {"supports": sorted(k for k, s in sides.items() if s == {1}),
             "criticises": sorted(k for k, s in sides.items() if s == {-1})}
    return camps, both
