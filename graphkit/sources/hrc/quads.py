"""What the Council records say beyond a roll call, as quads of their graph: subject headings, the states they name, special sessions.

* each UN subject heading of a record's agenda field (``SYRIAN ARAB REPUBLIC``,
  ``CAPITAL PUNISHMENT``) becomes a topic of the record: ``topic/un-subject-<slug>``,
  a ``gk:Topic`` and SKOS concept in the scheme ``topic/un-subjects``;
* a heading that is exactly a state's name (``SRI LANKA``, ``IRAN (ISLAMIC
  REPUBLIC OF)``) also gives ``gk:concerns state:KEY`` — the state the record
  is about, by the library's own cataloguing, not a stance: a resolution that
  "concerns" a state may support or criticise it;
* a special session's record carries ``gk:specialSession`` (its number), as
  ``gk:session`` counts the regular sessions only.
"""
from __future__ import annotations

import re

import pyoxigraph as ox

from ...graph.states import StateResolver, normalise_name
from ...namespaces import GK, ID, RDF, SKOS, XSD

__all__ = ["record_quads", "subject_state", "subject_slug"]


def subject_slug(subject: str) -> str:
    """The IRI slug of a subject heading.

    Examples
    --------
    >>> subject_slug("IRAN (ISLAMIC REPUBLIC OF)"), subject_slug("HIV/AIDS")
    ('iran-islamic-republic-of', 'hiv-aids')
    """
    return normalise_name(subject).replace(" ", "-") or "unnamed"


def subject_state(identity: StateResolver, subject: str) -> str | None:
    """The state a heading names exactly (a label of the state files, or the UN's "NAME (FORM OF)"), else None.

    No pattern search: "TERRITORIES OCCUPIED BY ISRAEL" names no state.

    Examples
    --------
    >>> r = StateResolver(tiny_world_graph())
    >>> subject_state(r, "BORDURIA"), subject_state(r, "NORTH MARCH"), subject_state(r, "BORDURIA (KINGDOM OF)")
    ('BBB', None, None)
    """
    key = normalise_name(subject)
    if key in identity.labels:
        return identity.labels[key]
    m = re.match(r"^(.*?)\s*\((.*)\)$", subject.strip())
    if m:
        turned = normalise_name(f"{m[2]} {m[1]}")
        if turned in identity.labels:
            return identity.labels[turned]
    return None


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def record_quads(roll_calls, dataset, identity: StateResolver):
    """Quads of the subject headings, the states they name and the special sessions of the records."""
    g = _n(dataset.graph)
    scheme = _n(ID["topic/un-subjects"])
    topic_p, concerns_p = _n(GK.topic), _n(GK.concerns)
    seen: dict[str, ox.NamedNode] = {}
    if len(roll_calls):
        yield ox.Quad(scheme, _n(RDF.type), _n(SKOS.ConceptScheme), g)
        yield ox.Quad(scheme, _n(SKOS.prefLabel), ox.Literal("UN subject headings of the records (UN Library)", language="en"), g)
    for rcid, subjects, special in zip(roll_calls.index, roll_calls["subjects"], roll_calls["special"]):
        act = _n(dataset.act(rcid))
        if special is not None and special == special:
            yield ox.Quad(act, _n(GK.specialSession), ox.Literal(str(int(special)), datatype=_n(XSD.integer)), g)
        for subject in dict.fromkeys(subjects):
            slug = subject_slug(subject)
            topic = seen.get(slug)
            if topic is None:
                topic = seen[slug] = _n(ID[f"topic/un-subject-{slug}"])
                yield ox.Quad(topic, _n(RDF.type), _n(GK.Topic), g)
                yield ox.Quad(topic, _n(RDF.type), _n(SKOS.Concept), g)
                yield ox.Quad(topic, _n(SKOS.inScheme), scheme, g)
                yield ox.Quad(topic, _n(SKOS.prefLabel), ox.Literal(subject, language="en"), g)
            yield ox.Quad(act, topic_p, topic, g)
            state = subject_state(identity, subject)
            if state is not None:
                yield ox.Quad(act, concerns_p, _n(ID[f"state/{state}"]), g)
