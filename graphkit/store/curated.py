"""The curated data read back from the store, when the store still matches the data folder.

``graphkit build`` writes the data files into the store's curated graph, with a
manifest holding the data's fingerprint; every later command that needs the
curated graph (``blocs``, ``compare``, ``state`` ...) reads those graphs from
the store — Rust parsing once, at build time — instead of parsing the Turtle
and CSV files again with rdflib. When the store is missing or stale (the data
changed since the build), :func:`curated_graph` returns None and the caller
builds from the files.
"""
from __future__ import annotations

import os

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import GraphkitError
from ..namespaces import bind_prefixes
from ..resources import DEFAULT_DATA, store_path
from .embedded import CURATED_GRAPH, is_fresh, open_store

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


def curated_graph(store_dir=None, data_dir=DEFAULT_DATA) -> Graph | None:
    """The curated data (the store's curated graph) as an rdflib graph, read from a fresh store; None if it is not fresh.

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
        store = open_store(store_dir, read_only=True)
    except (GraphkitError, OSError):
        return None
    graph = bind_prefixes(Graph())
    try:
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(CURATED_GRAPH)):
            graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    finally:
        del store
    return graph


def state_resolver(store_dir=None, data_dir=DEFAULT_DATA):
    """The state resolver of a fresh store, kept pickled in its generation (None when the store is not fresh).

    Building the resolver means reading the 15,000 triples of ``states.ttl``;
    a vote analysis needs nothing else from the curated data, so the resolver
    is kept in the cache folder of the store's current generation (a derived
    view: a new build or import writes a new generation, and the resolver is
    made again from it).
    """
    import pickle

    from ..graph.states import StateResolver
    from .generations import cache_dir, current_dir

    store_dir = store_path(store_dir)
    try:
        if not store_dir.is_dir() or not is_fresh(store_dir, data_dir):
            return None
        path = cache_dir(current_dir(store_dir)) / "states.pickle"
    except (GraphkitError, OSError):
        return None
    try:
        with path.open("rb") as fh:
            resolver = pickle.load(fh)
        if isinstance(resolver, StateResolver):
            return resolver
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        pass
    graph = curated_graph(store_dir, data_dir)
    if graph is None:
        return None
    resolver = StateResolver(graph)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"states.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(resolver, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass                          # only slower next time
    return resolver
