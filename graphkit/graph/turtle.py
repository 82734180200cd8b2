"""Parse one Turtle file, with errors that name the file and line and say what would be valid.

rdflib keeps ill-typed literals (``"2020-13-01"^^xsd:date``) silently and logs
its own tracebacks while parsing; :func:`parse_turtle` turns both into one
typed error, and is the one way every part of graphkit reads Turtle.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.plugins.parsers.notation3 import BadSyntax

from ..errors import DataError, InputError
from ..namespaces import XSD

__all__ = ["parse_turtle", "quiet_rdflib", "line_of"]


@contextmanager
def quiet_rdflib():
    """Silence rdflib's logging while parsing: an ill-typed literal makes it log a traceback.

    graphkit reports the problem itself, with file and line (:func:`_check_literals`).
    """
    loggers = [logging.getLogger(name) for name in ("rdflib", "rdflib.term")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def parse_turtle(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one Turtle file, turning syntax errors into :class:`InputError` with the line."""
    graph = graph if graph is not None else Graph()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=path,
                         hint="save the file as UTF-8 Turtle") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None
    try:
        with quiet_rdflib():
            graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
    except BadSyntax as exc:
        raise InputError(f"malformed Turtle: {exc.message}", file=path, line=exc.lines + 1,
                         hint="fix the syntax (every statement ends with '.', IRIs in <...>, prefixes declared)") from None
    except Exception as exc:  # rdflib raises several types for bad input
        raise InputError(f"malformed Turtle: {exc}", file=path, hint="fix the syntax") from None
    _check_literals(graph, path, text)
    return graph


def line_of(text: str, needle: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return None


def _check_literals(graph: Graph, path: Path, text: str) -> None:
    """Reject ill-typed dates and numbers, which rdflib would otherwise keep silently."""
    for _, _, o in graph:
        if isinstance(o, Literal) and o.datatype in (XSD.date, XSD.integer, XSD.gYear, XSD.boolean) and o.ill_typed:
            kind = {XSD.date: "an xsd:date like 2020-07-01", XSD.integer: "a whole number",
                    XSD.gYear: "a year like 2016", XSD.boolean: "true or false"}[o.datatype]
            raise DataError(f"{str(o)!r} is not a valid {o.datatype.n3(graph.namespace_manager)}",
                            file=path, line=line_of(text, f'"{o}"'), value=str(o), hint=f"write {kind}")
