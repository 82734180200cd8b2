"""Validate a graph against the SHACL shapes; the verdict is a result, not an exception.

:func:`validate` returns a :class:`Report` with ``conforms`` and one
:class:`Violation` per problem (focus node, path, message, value and the data
file that defined the focus node), in a stable order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from .loading import ONTOLOGY_DIR, parse_turtle
from ..namespaces import RDF, bind_prefixes

__all__ = ["Violation", "Report", "validate", "load_shapes"]


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, in the words of its shape's ``sh:message``."""

    file: str
    focus: str
    path: str
    message: str
    value: str = ""

    def as_dict(self) -> dict:
        return {"file": self.file, "focus": self.focus, "path": self.path, "message": self.message, "value": self.value}


@dataclass
class Report:
    """The verdict: ``conforms`` and the violations (empty when it conforms)."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)


def load_shapes(ontology_dir=ONTOLOGY_DIR) -> Graph:
    """The SHACL shapes graph (``ontology/shapes.ttl``)."""
    return parse_turtle(Path(ontology_dir) / "shapes.ttl", bind_prefixes(Graph()))


def _short(graph: Graph, node) -> str:
    if node is None:
        return ""
    try:
        return node.n3(graph.namespace_manager)
    except Exception:
        return str(node)


def _path_text(graphs, names: Graph, path) -> str:
    """A property path as SPARQL text: ``gk:act``, ``^gk:reportedCount`` for an inverse path."""
    from rdflib import BNode

    if isinstance(path, BNode):
        for g in graphs:
            inverse = g.value(path, SH.inversePath)
            if inverse is not None:
                return "^" + _short(names, inverse)
        return "(complex path)"
    return _short(names, path)


def validate(data: Graph, ontology: Graph, shapes: Graph | None = None, subject_files: dict | None = None) -> Report:
    """Validate ``data`` (with ``ontology`` mixed in for the class hierarchy) against ``shapes``.

    Parameters
    ----------
    data, ontology : rdflib.Graph
        The facts and the ontology.
    shapes : rdflib.Graph, optional
        Defaults to ``ontology/shapes.ttl``.
    subject_files : dict, optional
        Subject IRI → data file, to say where each violation comes from.
    """
    import pyshacl

    shapes = shapes if shapes is not None else load_shapes()
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none",
        advanced=True, allow_warnings=False, abort_on_first=False,
    )
    subject_files = subject_files or {}
    ns = bind_prefixes(Graph()).namespace_manager
    names = Graph(namespace_manager=ns)
    violations = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        violations.add(Violation(
            file=subject_files.get(focus, ""), focus=_short(names, focus), path=_path_text((results, shapes), names, path) if path is not None else "",
            message=str(message or "violates a shape"), value=_short(names, value),
        ))
    return Report(bool(conforms), sorted(violations))
