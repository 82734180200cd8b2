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
:mod:`graphkit.sources.curated.items`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rdflib import Graph

from ...namespaces import GK, RDF, RDFS, SKOS, iri_key

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


def _english_label(graph: Graph, node, *props) -> str | None:
    """The node's English (or untagged) label, trying ``props`` in order."""
    for prop in props:
        fallback = None
        for label in graph.objects(node, prop):
            lang = getattr(label, "language", None)
            if lang == "en":
                return str(label)
            if lang is None and fallback is None:
                fallback = str(label)
        if fallback is not None:
            return fallback
    return None


def _concept(node) -> str | None:
    """``gk:criticises`` → ``criticises``."""
    return None if node is None else str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def position_records(graph: Graph, filters: Filters | None = None) -> list[PositionRecord]:
    """All positions in ``graph`` that pass ``filters``, sorted by date, act and participant.

    The graph is walked directly (no SPARQL): this runs on every analysis and
    is about 30 times faster than the equivalent grouped query in rdflib.

    Examples
    --------
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> sorted({(r.participant, r.side) for r in recs if r.act_id == "w-2020-support"})
    [('AAA', 1), ('BBB', 1)]
    """
    filters = filters or Filters()
    acts: dict = {}
    actors: dict = {}

    def act_info(act):
        info = acts.get(act)
        if info is None:
            kinds = [_concept(k) for k in graph.objects(act, RDF.type) if str(k).startswith(str(GK))]
            kinds = [k for k in kinds if k in KIND_ORDER]
            if not kinds:
                acts[act] = info = False
                return info
            kind = min(kinds, key=KIND_ORDER.index)
            date = graph.value(act, GK.date)
            forum = graph.value(act, GK.forum)
            target = graph.value(act, GK.target)
            yes = graph.value(act, GK.yesImplies)
            occasion = graph.value(act, GK.occasion)
            info = acts[act] = dict(
                act=str(act), act_id=iri_key(act),
                act_label=_english_label(graph, act, RDFS.label) or iri_key(act), kind=kind,
                date=date.toPython() if date is not None else None,
                precision=_concept(graph.value(act, GK.datePrecision)),
                forum=str(forum) if forum is not None else None,
                forum_label=_english_label(graph, forum, RDFS.label) if forum is not None else None,
                topics=tuple(sorted(iri_key(t) for t in graph.objects(act, GK.topic))),
                target=iri_key(target) if target is not None else None,
                yes=_concept(yes),
                occasion=str(occasion) if occasion is not None else None,
                occasion_label=_english_label(graph, occasion, RDFS.label) if occasion is not None else None,
            )
        return info

    def actor_info(actor):
        info = actors.get(actor)
        if info is None:
            iso3 = graph.value(actor, GK.iso3)
            label = _english_label(graph, actor, SKOS.prefLabel, RDFS.label)
            info = actors[actor] = (str(iso3) if iso3 is not None else iri_key(actor),
                                    label or iri_key(actor), iso3 is not None)
        return info

    records = []
    for pos in set(graph.subjects(RDF.type, GK.Position)):
        act, actor, stance = graph.value(pos, GK.act), graph.value(pos, GK.participant), graph.value(pos, GK.stance)
        if act is None or actor is None or stance is None:
            continue
        info = act_info(act)
        if not info:
            continue
        participant, label, is_state = actor_info(actor)
        stance_name = _concept(stance)
        withdrawn = graph.value(pos, GK.withdrawnOn)
        fields = {k: v for k, v in info.items() if k != "yes"}
        r = PositionRecord(
            **fields, participant=participant, participant_label=label, is_state=is_state,
            stance=stance_name, roles=tuple(sorted(_concept(x) for x in graph.objects(pos, GK.role))),
            side=_side(stance_name, info["yes"]),
            withdrawn=withdrawn.toPython() if withdrawn is not None else None,
        )
        if filters.keeps(r):
            records.append(r)
    records.sort(key=lambda r: (r.date or dt.date.min, r.act_id, r.participant))
    return records
