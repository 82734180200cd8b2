"""Acts as RDF: the curated form of ``data/acts/*.ttl``, with provenance.

:func:`add_act` writes one act (type, label, forum, date, topics, target,
positions, reported counts, evidence derived from the source);
:func:`extraction_graph` puts every act of an extraction in a named graph typed
``gk:ExtractedGraph``, each act with its ``gk:confidence`` — proposals, not
facts. :func:`graphkit.extract.accept` writes reviewed acts without them.
"""
from __future__ import annotations

import re
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from ..namespaces import (DCTERMS, GK, ID, PROV, RDF, RDFS, XSD, act_iri, bind_prefixes, org_iri, position_iri,
                          state_iri, topic_iri)

__all__ = ["add_act", "add_source", "act_slug", "source_slug", "extraction_graph", "FORUM_SLUGS", "KIND_CLASSES"]

FORUM_SLUGS = {"Human Rights Council": "un-hrc", "General Assembly": "un-ga",
               "Third Committee of the General Assembly": "un-ga-third-committee", "Security Council": "un-sc"}
KIND_CLASSES = {"joint_statement": GK.JointStatement, "joint_letter": GK.JointLetter, "open_letter": GK.OpenLetter,
                "vote": GK.RecordedVote, "statement": GK.OwnStatement, "call": GK.Call,
                "mechanism": GK.MechanismCreation}
_KIND_LABELS = {"joint_statement": "Joint statement", "joint_letter": "Joint letter", "open_letter": "Open letter",
                "vote": "Recorded vote", "statement": "Statement", "call": "Call", "mechanism": "Creation of a mechanism"}
#: Who makes each kind of act (gk:actorKind): NGOs write open letters, a call's authors may be unnamed, states do the rest.
_ACTOR_KINDS = {"open_letter": GK.byNGOs, "call": GK.byUnnamed}
_STANCES = {"support": GK.supports, "criticise": GK.criticises, "reject": GK.rejects}
_STANCE_WORDS = {"support": "supporting", "criticise": "criticising", "reject": "rejecting criticism of"}
_QUALIFIERS = {"exactly": GK.exactly, "more_than": GK.moreThan, "at_least": GK.atLeast}
_VOTES = {"yes": GK.yes, "no": GK.no, "abstain": GK.abstain}


def source_slug(path: str) -> str:
    """A readable id for a text file: ``texts/Le Temps 2020.txt`` → ``text-le-temps-2020``."""
    stem = Path(path).stem.lower()
    return "text-" + (re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "unnamed")


def act_slug(act: dict) -> str:
    """A readable act id: forum, date, topic (or target), stance (or kind).

    Examples
    --------
    >>> act_slug({"forum": "Human Rights Council", "date": "2020-07-01", "topics": ["xinjiang"],
    ...           "target": "CHN", "stance": "support", "kind": "joint_statement"})
    'un-hrc-2020-07-01-xinjiang-support'
    """
    parts = [FORUM_SLUGS.get(act.get("forum") or "", act["kind"].replace("_", "-")), act.get("date") or "undated",
             (act.get("topics") or [None])[0] or (act.get("target") or "x").lower(),
             act.get("stance") or act["kind"].replace("_", "-")]
    return "-".join(parts)


def _date(value: str) -> Literal:
    full = value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
    return Literal(full, datatype=XSD.date)


def add_source(graph: Graph, source_id: str, path: str, lang: str, published: str) -> URIRef:
    """Describe the text file as a ``gk:Source``."""
    src = ID[f"source/{source_id}"]
    graph.add((src, RDF.type, GK.Source))
    graph.add((src, DCTERMS.title, Literal(f"Text file {Path(path).name}", lang="en")))
    graph.add((src, DCTERMS.identifier, Literal(path)))
    graph.add((src, GK.sourceKind, Literal("article")))
    graph.add((src, DCTERMS.language, Literal(lang)))
    graph.add((src, DCTERMS.issued, Literal(published, datatype=XSD.date)))
    return src


def add_act(graph: Graph, act: dict, act_id: str, source: URIRef, lang: str) -> URIRef:
    """Add one act (a JSON act of the extraction schema) to ``graph``; return its IRI."""
    node = act_iri(act_id)
    graph.add((node, RDF.type, KIND_CLASSES[act["kind"]]))
    graph.add((node, GK.actorKind, _ACTOR_KINDS.get(act["kind"], GK.byStates)))
    if act["kind"] == "mechanism" and act.get("tally"):
        graph.add((node, RDF.type, GK.RecordedVote))
    words = [_KIND_LABELS[act["kind"]]]
    if act.get("stance") and act.get("target"):
        words.append(f"{_STANCE_WORDS[act['stance']]} {act['target']}")
    elif act.get("target"):
        words.append(f"on {act['target']}")
    if act.get("forum"):
        words.append(f"at the {act['forum']}")
    if act.get("date"):
        words.append(f"({act['date']})")
    graph.add((node, RDFS.label, Literal(" ".join(words), lang="en")))
    evidence = []
    for n, ev in enumerate(act["evidence"], 1):
        ev_node = ID[f"evidence/{act_id}-{n}"]
        excerpt = ev["text"] if len(ev["text"]) <= 600 else ev["text"][:599] + "…"
        graph.add((ev_node, RDF.type, GK.Evidence))
        graph.add((ev_node, PROV.wasDerivedFrom, source))
        graph.add((ev_node, GK.excerpt, Literal(excerpt, lang=lang)))
        graph.add((node, GK.evidence, ev_node))
        evidence.append(ev_node)
    first = evidence[0]
    if act.get("forum") in FORUM_SLUGS:
        graph.add((node, GK.forum, org_iri(FORUM_SLUGS[act["forum"]])))
    if act.get("date"):
        graph.add((node, GK.date, _date(act["date"])))
        precision = act.get("date_precision") or {10: "day", 7: "month", 4: "year"}[len(act["date"])]
        graph.add((node, GK.datePrecision, GK[precision]))
    for topic in act.get("topics", []):
        graph.add((node, GK.topic, topic_iri(topic)))
    if act.get("target"):
        graph.add((node, GK.target, state_iri(act["target"])))
    if act.get("lead"):
        graph.add((node, GK.deliveredBy, state_iri(act["lead"])))
    stance = _STANCES.get(act.get("stance") or "")
    if act["kind"] == "vote" and act.get("stance") in ("support", "criticise"):
        graph.add((node, GK.yesImplies, stance))
    if act.get("count") is not None:
        count = ID[f"count/{act_id}"]
        graph.add((node, GK.reportedCount, count))
        graph.add((count, RDF.type, GK.ReportedCount))
        graph.add((count, GK["count"], Literal(act["count"], datatype=XSD.integer)))
        graph.add((count, GK.countQualifier, _QUALIFIERS[act.get("count_qualifier") or "exactly"]))
        if act.get("stance") in ("support", "criticise"):
            graph.add((count, GK.countScope, stance))
        graph.add((count, GK.evidence, first))
    for key, value in (act.get("tally") or {}).items():
        if value is None:
            continue
        count = ID[f"count/{act_id}-{key}"]
        graph.add((node, GK.reportedCount, count))
        graph.add((count, RDF.type, GK.ReportedCount))
        graph.add((count, GK["count"], Literal(value, datatype=XSD.integer)))
        graph.add((count, GK.countQualifier, GK.exactly))
        graph.add((count, GK.countScope, _VOTES[key]))
        graph.add((count, GK.evidence, first))
    if act.get("positions"):
        for key, codes in act["positions"].items():
            for code in codes:
                _position(graph, node, act_id, code, _VOTES[key], GK.voter, first)
    elif stance is not None:
        for code in act.get("members", []):
            _position(graph, node, act_id, code, stance, GK.lead if code == act.get("lead") else GK.signatory, first)
    return node


def _position(graph, act_node, act_id, code, stance, role, evidence) -> None:
    pos = position_iri(act_id, code)
    graph.add((pos, RDF.type, GK.Position))
    graph.add((pos, GK.act, act_node))
    graph.add((pos, GK.participant, state_iri(code)))
    graph.add((pos, GK.stance, stance))
    graph.add((pos, GK.role, role))
    graph.add((pos, GK.evidence, evidence))


def extraction_graph(extraction) -> Dataset:
    """All acts of an :class:`~graphkit.extract.model.Extraction` in a named graph marked as extracted.

    Examples
    --------
    >>> from graphkit.extract.model import Act, Evidence, Extraction
    >>> x = Extraction("news/a.txt", "2020-09-10", "fr", [Act("a1", "statement", target="CHN", stance="reject",
    ...     lead="CHN", members=["CHN"], confidence=0.7, evidence=[Evidence("Pékin rejette.", 0, 14)])])
    >>> ds = extraction_graph(x)
    >>> sorted(str(g.identifier).rsplit("/", 2)[-1] for g in ds.graphs() if len(g))
    ['text-a', 'urn:x-rdflib:default']
    >>> [str(o) for _, _, o, _ in ds.quads((None, GK.confidence, None, None))]
    ['0.7']
    """
    doc = extraction.to_dict()
    source_id = source_slug(doc["source"])
    graph_id = ID[f"graph/extracted/{source_id}"]
    ds = Dataset()
    bind_prefixes(ds)
    g = ds.graph(graph_id)
    src = add_source(g, source_id, doc["source"], doc["lang"], doc["published"])
    ds.add((graph_id, RDF.type, GK.ExtractedGraph))
    ds.add((graph_id, PROV.wasDerivedFrom, src))
    ds.add((graph_id, RDFS.comment, Literal("Acts proposed by graphkit extract; not reviewed.", lang="en")))
    seen: set[str] = set()
    for act in doc["acts"]:
        act_id = _unique(f"extracted-{source_id}-{act['id']}", seen)
        node = add_act(g, act, act_id, src, doc["lang"])
        g.add((node, GK.confidence, Literal(act["confidence"], datatype=XSD.decimal)))
    return ds


def _unique(base: str, seen: set[str]) -> str:
    key, n = base, 2
    while key in seen:
        key, n = f"{base}-{n}", n + 1
    seen.add(key)
    return key
