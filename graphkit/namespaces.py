"""IRIs of the graphkit vocabulary and of the things it describes.

Every IRI graphkit mints is deterministic and readable, built from a short key
(an ISO alpha-3 code, an act identifier), so that rebuilding gives the same
graph and diffs stay small.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "GK", "ID", "SEM", "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD",
    "state_iri", "act_iri", "position_iri", "list_iri", "topic_iri", "org_iri", "occasion_iri",
    "graph_iri", "BINDINGS", "iri_key", "bind_prefixes",
]

GK = Namespace("https://w3id.org/graphkit/ontology#")
ID = Namespace("https://w3id.org/graphkit/id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

#: Prefixes bound in every graph graphkit writes and in every query it runs.
BINDINGS = {
    "gk": GK, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "skos": SKOS, "prov": PROV,
    "dcterms": DCTERMS, "owl": OWL, "sem": SEM,
    "state": ID["state/"], "act": ID["act/"], "position": ID["position/"],
    "list": ID["list/"], "topic": ID["topic/"], "org": ID["org/"],
    "person": ID["person/"], "src": ID["source/"], "ev": ID["evidence/"],
    "count": ID["count/"], "membership": ID["membership/"], "claim": ID["claim/"],
    "occasion": ID["occasion/"],
}


def bind_prefixes(graph):
    """Bind :data:`BINDINGS` on ``graph`` (replacing rdflib's defaults such as W3C ``org:``)."""
    for prefix, ns in BINDINGS.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def state_iri(iso3: str):
    """IRI of a state from its ISO 3166-1 alpha-3 code: ``.../id/state/FRA``."""
    return ID[f"state/{iso3}"]


def act_iri(act_id: str):
    """IRI of an act from its identifier: ``.../id/act/hrc44-2020-07-01-xinjiang-support``."""
    return ID[f"act/{act_id}"]


def position_iri(act_id: str, iso3: str):
    """IRI of one participant's position in one act: ``.../id/position/ACT/FRA``."""
    return ID[f"position/{act_id}/{iso3}"]


def list_iri(list_id: str):
    """IRI of a source's signatory list; its rows are in ``data/lists/<list_id>.csv``."""
    return ID[f"list/{list_id}"]


def topic_iri(slug: str):
    """IRI of a topic concept: ``.../id/topic/xinjiang``."""
    return ID[f"topic/{slug}"]


def org_iri(slug: str):
    """IRI of an organisation or body: ``.../id/org/un-hrc``."""
    return ID[f"org/{slug}"]


def occasion_iri(slug: str):
    """IRI of an occasion (a session or debate where rival acts meet): ``.../id/occasion/hrc44-2020-china``."""
    return ID[f"occasion/{slug}"]


def graph_iri(relative_path: str):
    """IRI of the named graph holding one data file: ``.../id/graph/acts/x.ttl``."""
    return ID[f"graph/{relative_path}"]


def iri_key(iri) -> str:
    """The last path segment of a graphkit IRI (``FRA`` for a state, the id for an act)."""
    return str(iri).rstrip("/").rsplit("/", 1)[-1]
