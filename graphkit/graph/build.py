"""Build the graph: load ontology and data, validate, summarise, write.

:func:`build` is the one function behind ``graphkit build`` and ``graphkit
check``: it returns a :class:`Build` holding the dataset (a named graph per
data file), the validation report and a summary of what is in it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from .loading import ACT_CLASSES, DEFAULT_DATA, ONTOLOGY_DIR, LoadedData, load_data, load_ontology
from ..namespaces import GK, ID, RDF, bind_prefixes
from .validation import Report, load_shapes, validate
from .writing import write_graph_atomically

__all__ = ["Build", "build", "summarise", "write_build"]

ONTOLOGY_GRAPH = ID["graph/ontology"]


@dataclass
class Build:
    """A built graph: its dataset, union graph, validation report and file map."""

    loaded: LoadedData
    ontology: Graph
    graph: Graph
    report: Report | None   # None when built with check=False: not validated, not "conforming"

    @property
    def dataset(self) -> Dataset:
        return self.loaded.dataset

    def summary(self) -> dict:
        return summarise(self.graph)


def build(data_dir=DEFAULT_DATA, ontology_dir=ONTOLOGY_DIR, *, check: bool = True) -> Build:
    """Load and (by default) validate the data in ``data_dir``.

    Returns
    -------
    Build
        ``build.report.conforms`` tells whether the data passes the shapes;
        failing data is a result, not an exception. With ``check=False`` the
        data is not validated and ``report`` is None (not a made-up pass).

    Raises
    ------
    InputError, DataError
        Unreadable or inconsistent input (see :mod:`graphkit.graph.loading`).
    """
    ontology = load_ontology(ontology_dir)
    loaded = load_data(data_dir)
    graph = loaded.union()
    report = validate(graph, ontology, load_shapes(ontology_dir), loaded.subject_files) if check else None
    return Build(loaded, ontology, graph, report)


def summarise(graph: Graph) -> dict:
    """Counts of states, acts, positions, sources and triples in a built graph."""
    def count(query: str) -> int:
        return int(next(iter(graph.query(query, initNs={"gk": GK, "rdf": RDF})))[0])

    return {
        "states": count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a gk:State }"),
        "acts": count("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ?c . VALUES ?c { %s } }"
                      % " ".join(c.n3() for c in ACT_CLASSES)),
        "positions": count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a gk:Position }"),
        "sources": count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a gk:Source }"),
        "triples": len(graph),
    }


def write_build(result: Build, path, fmt: str = "turtle", *, with_ontology: bool = True) -> Path:
    """Write the built graph atomically, with the ontology unless told otherwise.

    TriG keeps one named graph per data file and the ontology in its own
    graph (``.../id/graph/ontology``); the other formats merge them.
    """
    if fmt == "trig":
        ds = bind_prefixes(Dataset())
        for s, p, o, g in result.dataset.quads((None, None, None, None)):
            ds.graph(g).add((s, p, o))
        if with_ontology:
            onto = ds.graph(ONTOLOGY_GRAPH)
            for t in result.ontology:
                onto.add(t)
        return write_graph_atomically(ds, path, "trig")
    graph = result.graph
    if with_ontology:
        graph = bind_prefixes(Graph())
        for t in result.graph:
            graph.add(t)
        for t in result.ontology:
            graph.add(t)
    return write_graph_atomically(graph, path, fmt)
