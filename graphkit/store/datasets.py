"""Query datasets: which graphs of the store a query reads.

The store holds the curated graphs (one per data file, and the ontology,
written by ``graphkit build``) and one graph per imported vote dataset. A
query reads only the graphs its dataset names, so a question about the
curated acts never scans millions of votes:

===============  =====================================================================
``curated``      the graphs ``graphkit build`` wrote (the default)
``votes``        every imported vote graph
``votes:unga``   the vote graphs of one source (``unga``: ``unga-voeten``, ``unga-undl``)
``votes:KEY``    one imported dataset (``votes:unga-voeten``)
``all``          every graph (their union)
``<IRI>``        one named graph, by its IRI
===============  =====================================================================

A library query names its dataset in its header (``# dataset: curated``;
several names are joined); ``graphkit query --graph NAME`` (repeatable) and
``dataset=`` in :func:`graphkit.store.library.run_query` override it. The
names resolve to graph IRIs (:func:`resolve`) from a catalogue — the store's
manifest, read without touching the graphs, or an endpoint's list of graphs —
and reach the engine as the query's default graph (pyoxigraph's
``default_graph``, the protocol's ``default-graph-uri`` on an endpoint), so a
query text never needs ``GRAPH`` patterns to stay in its dataset.

Examples
--------
>>> catalogue = {"urn:g:acts": "curated", "urn:g:onto": "curated", "urn:g:v": "votes:unga"}
>>> resolve(["curated"], catalogue)
['urn:g:acts', 'urn:g:onto']
>>> resolve(["votes:unga", "curated"], catalogue)
['urn:g:acts', 'urn:g:onto', 'urn:g:v']
>>> resolve(["all"], catalogue) is None
True
>>> resolve(["votes:hrc"], catalogue)
Traceback (most recent call last):
...
graphkit.errors.QueryError: the dataset votes:hrc holds no graph in this store — import it first (graphkit import hrc ...), or choose another --graph: curated, votes, votes:unga, all
"""
from __future__ import annotations

import re

from ..errors import QueryError

__all__ = ["DEFAULT", "ALL", "parse_names", "resolve", "store_catalogue", "graph_catalogue", "vote_dataset_of"]

#: What a query reads when nothing says otherwise.
DEFAULT = "curated"
ALL = "all"
_NAME = re.compile(r"^(curated|votes(:[a-z0-9][a-z0-9_-]*)?|all|<?[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+>?)$", re.I)


def parse_names(text) -> list[str]:
    """Dataset names from a header value or ``--graph`` options: split on spaces and commas, checked.

    Examples
    --------
    >>> parse_names("curated, votes:unga")
    ['curated', 'votes:unga']
    >>> parse_names(["votes:unga-voeten"])
    ['votes:unga-voeten']
    """
    items = text.replace(",", " ").split() if isinstance(text, str) else [t for x in text for t in str(x).replace(",", " ").split()]
    for item in items:
        if len(item) > 1000 or not _NAME.match(item):
            raise QueryError(f"unknown dataset {item[:80]!r}", value=item[:80],
                             hint="curated, votes, votes:SOURCE (votes:unga), votes:KEY (votes:unga-voeten), all, "
                                  "or a graph IRI")
    return [item.strip("<>") if "://" in item or item.startswith("<") else item for item in items]


def vote_dataset_of(graph: str) -> str | None:
    """``votes:SOURCE`` for the graph of a registered vote dataset, else None."""
    from ..sources import vote_sources

    for source in vote_sources():
        for d in source.datasets.values():
            if d.graph == graph:
                return f"votes:{source.name}"
    return None


def store_catalogue(manifest: dict | None) -> dict[str, str]:
    """Graph IRI → dataset name, from a store's manifest (read from disk, no query)."""
    return {g: str(info.get("dataset", "other")) for g, info in ((manifest or {}).get("graphs") or {}).items()}


def graph_catalogue(graphs, base: str | None = None) -> dict[str, str]:
    """Graph IRI → dataset name for a plain list of graphs (an endpoint's): vote graphs by IRI, the rest curated.

    ``base`` is the endpoint's graph base: graphkit writes its graphs there
    under their last segment (``<base>unga-voeten``, see
    :func:`graphkit.store.endpoint_load.graph_name`), so a vote graph is known
    by that segment too.

    Examples
    --------
    >>> graph_catalogue(["urn:t/acts", "urn:t/hrc"], base="urn:t/")
    {'urn:t/acts': 'curated', 'urn:t/hrc': 'votes:hrc'}
    """
    from ..namespaces import ID

    def dataset(g: str) -> str:
        own = f"{ID}graph/{g[len(base):]}" if base and g.startswith(base) else g
        return vote_dataset_of(own) or DEFAULT
    return {g: dataset(g) for g in graphs}


def _keys(graph: str) -> str:
    return graph.rstrip("/").rsplit("/", 1)[-1]


def resolve(names, catalogue: dict[str, str]) -> list[str] | None:
    """The graph IRIs ``names`` denote in ``catalogue`` (sorted), or None for ``all`` (every graph, their union).

    Raises
    ------
    QueryError
        A name that denotes no graph in this store (the message lists those that do).
    """
    names = parse_names(names)
    if not names:
        names = [DEFAULT]
    if ALL in names:
        return None
    out: set[str] = set()
    for name in names:
        if "://" in name or (":" in name and not name.startswith("votes")):
            if name not in catalogue:
                raise QueryError(f"no graph <{name}> in this store", value=name, hint=_available(catalogue))
            out.add(name)
            continue
        if name == "votes":
            found = {g for g, d in catalogue.items() if d.startswith("votes:")}
        elif name.startswith("votes:"):
            found = {g for g, d in catalogue.items() if d == name or (d.startswith("votes:") and _keys(g) == name[6:])}
        else:
            found = {g for g, d in catalogue.items() if d == name}
        if not found:
            source = name.split(":", 1)[1] if ":" in name else ""
            first = f"import it first (graphkit import {source.split('-')[0]} ...), or choose" if source else "choose"
            raise QueryError(f"the dataset {name} holds no graph in this store", value=name,
                             hint=f"{first} another --graph: {', '.join(_available(catalogue, plain=True))}"
                             if source else _available(catalogue))
        out |= found
    return sorted(out)


def _available(catalogue: dict[str, str], plain: bool = False):
    names = sorted({d for d in catalogue.values() if d != "other"} | ({"votes"} if any(
        d.startswith("votes:") for d in catalogue.values()) else set()), key=lambda n: (n != DEFAULT, n))
    names.append(ALL)
    return names if plain else "datasets here: " + ", ".join(names)
