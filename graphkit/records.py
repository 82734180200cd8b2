"""Read positions out of the RDF graph as plain records, each with its side toward the target.

This is the one place where analyses meet RDF: :func:`position_records` runs a
single SPARQL query and returns :class:`PositionRecord` objects; everything
downstream (camps, projections, indices, pictures) works on those records.

The *side* of a position is its direction toward the act's target: ``+1`` for
support, ``-1`` for criticism, ``0`` for an abstention, ``None`` for a stance with no
direction toward the target (a rejection answers an act, it does not back or
criticise a state). For a recorded vote, ``gk:yesImplies`` says what a
yes means (a yes on a Xinjiang debate criticises China): yes takes that side,
no the opposite, abstain 0. Without ``gk:yesImplies`` a vote's side is
unknown (``None``) and only same-choice comparisons make sense.

The *occasion* of a position is its act's ``gk:occasion`` (the session or
debate where rival acts answered one another on the same target), or
``None``; analyses use it as the item two states are compared on (see
:mod:`graphkit.agreement`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rdflib import Graph

from .namespaces import BINDINGS, GK, iri_key

__all__ = ["PositionRecord", "Filters", "position_records", "SIDE_OF_STANCE"]

SIDE_OF_STANCE = {"supports": 1, "criticises": -1, "rejects": None, "abstain": 0}


@dataclass(frozen=True)
class PositionRecord:
    """One participant's position in one act, flattened for analysis."""

    act: str            # act IRI
    act_id: str         # last segment of the act IRI
    act_label: str
    kind: str           # JointStatement, RecordedVote, ...
    date: dt.date | None
    precision: str | None
    forum: str | None   # forum IRI
    forum_label: str | None
    topics: tuple[str, ...]   # topic slugs
    target: str | None        # ISO3 of the target
    participant: str          # ISO3 for states, else the actor's IRI key
    participant_label: str
    is_state: bool
    stance: str               # supports, criticises, rejects, yes, no, abstain
    roles: tuple[str, ...]
    side: int | None          # +1, -1, 0 toward the target; None when unknown
    withdrawn: dt.date | None = None
    occasion: str | None = None        # occasion IRI (gk:occasion of the act), None when the act has none
    occasion_label: str | None = None


@dataclass(frozen=True)
class Filters:
    """The selection every analysis accepts: time window, forum, topic, target, act kind.

    ``forum`` and ``topic`` match an IRI's last segment or its label, case-insensitively
    (``un-hrc``, ``Human Rights Council``, ``xinjiang``); ``target`` is an ISO3 code;
    ``kind`` a class name such as ``JointStatement`` or ``RecordedVote``.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    forum: str | None = None
    topic: str | None = None
    target: str | None = None
    kind: str | None = None
    include_withdrawn: bool = False

    def describe(self) -> str:
        parts = [f"{k}={v}" for k, v in self.__dict__.items() if v not in (None, False)]
        return ", ".join(parts) or "no filter"

    def keeps(self, r: PositionRecord) -> bool:
        if self.since and (r.date is None or r.date < self.since):
            return False
        if self.until and (r.date is None or r.date > self.until):
            return False
        if self.forum and not _matches(self.forum, [r.forum or "", r.forum_label or ""]):
            return False
        if self.topic and not any(_matches(self.topic, [t]) for t in r.topics):
            return False
        if self.target and (r.target or "").upper() != self.target.upper():
            return False
        if self.kind and r.kind.lower() != self.kind.lower():
            return False
        if r.withdrawn and not self.include_withdrawn:
            return False
        return True


def _matches(wanted: str, candidates: list[str]) -> bool:
    w = wanted.casefold()
    return any(w == c.casefold() or w == iri_key(c).casefold() for c in candidates if c)


QUERY = """
SELECT ?act ?kind ?label ?date ?precision ?forum ?forumLabel ?target ?participant ?plabel ?iso3
       ?stance ?yesImplies ?withdrawn ?occasion ?occasionLabel
       (GROUP_CONCAT(DISTINCT STR(?role); separator=" ") AS ?roles)
       (GROUP_CONCAT(DISTINCT STR(?topic); separator=" ") AS ?topics)
WHERE {
  ?pos a gk:Position ; gk:act ?act ; gk:participant ?participant ; gk:stance ?stance .
  OPTIONAL { ?pos gk:role ?role }
  OPTIONAL { ?pos gk:withdrawnOn ?withdrawn }
  ?act a ?kind . FILTER(STRSTARTS(STR(?kind), STR(gk:)))
  OPTIONAL { ?act rdfs:label ?label . FILTER(LANG(?label) = "en") }
  OPTIONAL { ?act gk:date ?date }
  OPTIONAL { ?act gk:datePrecision ?precision }
  OPTIONAL { ?act gk:forum ?forum . OPTIONAL { ?forum rdfs:label ?forumLabel . FILTER(LANG(?forumLabel) = "en") } }
  OPTIONAL { ?act gk:target ?target }
  OPTIONAL { ?act gk:topic ?topic }
  OPTIONAL { ?act gk:yesImplies ?yesImplies }
  OPTIONAL { ?act gk:occasion ?occasion .
             OPTIONAL { ?occasion rdfs:label ?occasionLabel . FILTER(LANG(?occasionLabel) = "en") } }
  OPTIONAL { ?participant gk:iso3 ?iso3 }
  OPTIONAL { ?participant skos:prefLabel ?pl . FILTER(LANG(?pl) = "en") }
  OPTIONAL { ?participant rdfs:label ?rl . FILTER(LANG(?rl) = "en" || LANG(?rl) = "") }
  BIND(COALESCE(?pl, ?rl) AS ?plabel)
}
GROUP BY ?act ?kind ?label ?date ?precision ?forum ?forumLabel ?target ?participant ?plabel ?iso3 ?stance ?yesImplies ?withdrawn
         ?occasion ?occasionLabel
"""

#: More specific act classes win when an act has two types (a vote that creates a mechanism).
KIND_ORDER = ["RecordedVote", "JointStatement", "JointLetter", "OpenLetter", "OwnStatement",
              "ExpertCall", "Call", "MechanismCreation", "Act"]


def _side(stance: str, yes_implies: str | None) -> int | None:
    if stance in SIDE_OF_STANCE:
        return SIDE_OF_STANCE[stance]
    if yes_implies is None:
        return None
    base = SIDE_OF_STANCE.get(yes_implies)
    if base is None:
        return None
    return {"yes": base, "no": -base}.get(stance, 0)


def position_records(graph: Graph, filters: Filters | None = None) -> list[PositionRecord]:
    """All positions in ``graph`` that pass ``filters``, sorted by date, act and participant.

    Examples
    --------
    >>> from graphkit.testing import tiny_world_graph
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> sorted({(r.participant, r.side) for r in recs if r.act_id == "w-2020-support"})
    [('AAA', 1), ('BBB', 1)]
    """
    filters = filters or Filters()
    by_key: dict[tuple, dict] = {}
    for row in graph.query(QUERY, initNs=BINDINGS):
        kind = iri_key(row.kind).split("#")[-1]
        if kind not in KIND_ORDER:
            continue
        key = (str(row.act), str(row.participant))
        current = by_key.get(key)
        if current is not None and KIND_ORDER.index(current["kind"]) <= KIND_ORDER.index(kind):
            current["topics"] |= set(str(row.topics).split()) if row.topics else set()
            continue
        stance = iri_key(row.stance).split("#")[-1]
        yes = iri_key(row.yesImplies).split("#")[-1] if row.yesImplies is not None else None
        by_key[key] = dict(
            act=str(row.act), act_id=iri_key(row.act), act_label=str(row.label or iri_key(row.act)), kind=kind,
            date=row.date.toPython() if row.date is not None else None,
            precision=iri_key(row.precision).split("#")[-1] if row.precision is not None else None,
            forum=str(row.forum) if row.forum is not None else None,
            forum_label=str(row.forumLabel) if row.forumLabel is not None else None,
            topics=set(str(row.topics).split()) if row.topics else set(),
            target=iri_key(row.target) if row.target is not None else None,
            participant=str(row.iso3) if row.iso3 is not None else iri_key(row.participant),
            participant_label=str(row.plabel) if row.plabel is not None else iri_key(row.participant),
            is_state=row.iso3 is not None, stance=stance,
            roles=tuple(sorted(iri_key(r).split("#")[-1] for r in str(row.roles).split())) if row.roles else (),
            side=_side(stance, yes),
            withdrawn=row.withdrawn.toPython() if row.withdrawn is not None else None,
            occasion=str(row.occasion) if row.occasion is not None else None,
            occasion_label=str(row.occasionLabel) if row.occasionLabel is not None else None,
        )
    records = []
    for rec in by_key.values():
        rec["topics"] = tuple(sorted(iri_key(t) for t in rec["topics"]))
        r = PositionRecord(**rec)
        if filters.keeps(r):
            records.append(r)
    records.sort(key=lambda r: (r.date or dt.date.min, r.act_id, r.participant))
    return records
