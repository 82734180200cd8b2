"""The evidence behind acts and positions: sources, titles, links and quoted excerpts.

One parameterised SPARQL query per act (the act IRI is bound, never pasted):
the act's own evidence and the evidence of the chosen participants' positions
(the signatory lists they were read from).
"""
from __future__ import annotations

from rdflib import Graph, URIRef

from ..namespaces import BINDINGS, iri_key

__all__ = ["act_evidence", "EVIDENCE_QUERY"]

EVIDENCE_QUERY = """
SELECT DISTINCT ?about ?source ?title ?url ?symbol ?excerpt WHERE {
  { ?act gk:evidence ?ev . BIND("act" AS ?about) }
  UNION
  { ?pos gk:act ?act ; gk:participant ?participant ; gk:evidence ?ev .
    ?participant gk:iso3 ?iso3 . BIND(STR(?iso3) AS ?about) }
  ?ev prov:wasDerivedFrom ?source .
  OPTIONAL { ?ev gk:excerpt ?excerpt }
  OPTIONAL { ?source dcterms:title ?title }
  OPTIONAL { ?source gk:url ?url }
  OPTIONAL { ?source gk:symbol ?symbol }
} ORDER BY ?about ?source ?excerpt
"""


def act_evidence(graph: Graph, act: str, states: list[str] | None = None) -> list[dict]:
    """Evidence for one act and, optionally, for the positions of some states in it.

    Each row: ``about`` ("act" or an ISO3 code), ``source`` (IRI key),
    ``title``, ``url``, ``symbol``, ``excerpt``. Sources are deduplicated per
    ``about``.

    Examples
    --------
    >>> rows = act_evidence(tiny_world_graph(), "https://w3id.org/graphkit/id/act/w-2021-vote", ["AAA"])
    >>> [(r["about"], r["source"], r["excerpt"]) for r in rows]
    [('AAA', 'herald', 'Adopted by 3 votes to 1, with 1 abstention.'), ('act', 'herald', 'Adopted by 3 votes to 1, with 1 abstention.')]
    """
    wanted = set(states or [])
    rows = []
    seen = set()
    for row in graph.query(EVIDENCE_QUERY, initNs=BINDINGS, initBindings={"act": URIRef(act)}):
        about = str(row.about)
        if about != "act" and about not in wanted:
            continue
        key = (about, str(row.source), str(row.excerpt))
        if key in seen:
            continue
        seen.add(key)
        rows.append({"about": about, "source": iri_key(row.source),
                     "title": str(row.title) if row.title is not None else None,
                     "url": str(row.url) if row.url is not None else None,
                     "symbol": str(row.symbol) if row.symbol is not None else None,
                     "excerpt": str(row.excerpt) if row.excerpt is not None else None})
    return rows
