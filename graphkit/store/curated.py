"""The curated data read back from the store, when the store still matches the data folder.

``graphkit build`` writes each data file as a named graph of the store and a
manifest with the data's fingerprint; every later command that needs the
curated graph (``blocs``, ``compare``, ``state`` ...) reads those graphs from
the store — Rust parsing once, at build time — instead of parsing the Turtle
and CSV files again with rdflib. When the store is missing or stale (the data
changed since the build), :func:`curated_graph` returns None and the caller
builds from the files.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import GraphkitError
from ..namespaces import bind_prefixes, graph_iri
from ..resources import DEFAULT_DATA, store_path
from .embedded import ONTOLOGY_GRAPH, is_fresh, open_store, read_manifest

__all__ = ["curated_graph", "state_resolver", "to_rdflib"]


def to_rdflib(term):
    """A pyoxigraph term as the rdflib term of the same value."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def curated_graph(store_dir=None, data_dir=DEFAULT_DATA, files=None) -> Graph | None:
    """The union of the curated data graphs as an rdflib graph, read from a fresh store; None if it is not fresh.

    ``files`` (paths relative to the data folder, such as ``states.ttl``)
    keeps only the graphs of those files.

    Examples
    --------
    >>> import tempfile
    >>> from graphkit.store.embedded import load_build
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = load_build(tiny_world(), d, data_dir=WORLD_DIR)
    ...     g = curated_graph(d, WORLD_DIR)
    >>> len(g) == len(tiny_world().graph), curated_graph("/nonexistent", WORLD_DIR)
    (True, None)
    """
    store_dir = store_path(store_dir)
    try:
        if not store_dir.is_dir() or not is_fresh(store_dir, data_dir):
            return None
        graphs = [g for g in (read_manifest(store_dir) or {}).get("graphs", []) if g != ONTOLOGY_GRAPH]
        if files is not None:
            wanted = {str(graph_iri(f)) for f in files}
            graphs = [g for g in graphs if g in wanted]
        store = open_store(store_dir, read_only=True)
    except (GraphkitError, OSError):
        return None
    graph = bind_prefixes(Graph())
    try:
        for name in graphs:
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
                graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    finally:
        del store
    return graph


def state_resolver(store_dir=None, data_dir=DEFAULT_DATA):
    """The state resolver of a fresh store, kept pickled beside it (None when the store is not fresh).

    Building the resolver means reading 15,000 triples of ``states.ttl``; a
    vote analysis needs nothing else from the curated data, so the resolver
    is kept next to the store, keyed by the data's fingerprint (a derived
    view: rebuilt whenever the data or the store changes).
    """
    import pickle

    from ..graph.states import STATE_FILES, StateResolver
    from .embedded import fingerprint

    store_dir = store_path(store_dir)
    manifest = read_manifest(store_dir) if store_dir.is_dir() else None
    if not manifest:
        return None
    try:
        current = fingerprint(data_dir)
    except GraphkitError:
        return None
    if manifest.get("fingerprint") != current:
        return None
    path = store_dir.parent / f"{store_dir.name}.cache" / f"states-{current[:24]}.pickle"
    try:
        with path.open("rb") as fh:
            resolver = pickle.load(fh)
        if isinstance(resolver, StateResolver):
            return resolver
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        pass
    graph = curated_graph(store_dir, data_dir, files=STATE_FILES)
    if graph is None:
        return None
    resolver = StateResolver(graph)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(resolver, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass                          # only slower next time
    return resolver
