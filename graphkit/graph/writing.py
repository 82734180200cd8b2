"""Write graphs and text to files atomically, in graphkit's normalised forms.

Everything graphkit writes goes through :func:`atomic_write`: the content is
written to a temporary file beside the target and renamed over it, so a
failure never leaves a half-written output.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph

from ..errors import InputError

__all__ = ["atomic_write", "serialise", "write_graph_atomically", "FORMATS"]

#: CLI format names → rdflib serialiser names. Turtle is rdflib's ``longturtle``,
#: the one normalised form committed files use.
FORMATS = {"turtle": "longturtle", "trig": "trig", "nt": "nt", "json-ld": "json-ld"}


@contextmanager
def atomic_write(path, mode: str = "w", encoding: str | None = "utf-8"):
    """Open a temporary file next to ``path``; rename it over ``path`` on success.

    On any exception the temporary file is removed and ``path`` is untouched.
    """
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"output folder {parent} does not exist", hint="create it or choose another -o path")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def serialise(graph: Graph, fmt: str) -> str:
    """Serialise ``graph`` in one of :data:`FORMATS`; a Dataset flattens for non-quad formats."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}", hint="valid: " + ", ".join(FORMATS))
    target = graph
    if isinstance(graph, Dataset) and fmt in ("turtle", "nt"):
        target = Graph()
        for prefix, ns in graph.namespaces():
            target.bind(prefix, ns)
        for s, p, o, _ in graph.quads((None, None, None, None)):
            target.add((s, p, o))
    if fmt == "nt":
        lines = target.serialize(format="nt").splitlines()
        return "\n".join(sorted(set(l for l in lines if l.strip()))) + "\n"
    return target.serialize(format=FORMATS[fmt])


def write_graph_atomically(graph: Graph, path, fmt: str = "turtle") -> Path:
    """Serialise ``graph`` to ``path`` atomically; return the path."""
    text = serialise(graph, fmt)
    with atomic_write(path) as fh:
        fh.write(text)
    return Path(path)
