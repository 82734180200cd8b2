"""Write graphs and text to files atomically, in graphkit's normalised forms.

Everything graphkit writes goes through :func:`atomic_write`: the content is
written to a temporary file beside the target and renamed over it, so a
failure never leaves a half-written output. The file gets the permissions a
plain ``open()`` would give it (``0666`` less the process's umask, so ``0644``
usually: readable by a web server or a colleague), not the ``0600`` of a
temporary file. A write the system refuses (disk full, no permission, quota)
becomes an :class:`~graphkit.errors.InputError` naming the file and the reason.
"""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph

from ..errors import InputError

__all__ = ["atomic_write", "serialise", "write_graph_atomically", "FORMATS", "file_mode", "write_error"]

#: CLI format names → rdflib serialiser names. Turtle is rdflib's ``longturtle``,
#: the one normalised form committed files use.
FORMATS = {"turtle": "longturtle", "trig": "trig", "nt": "nt", "json-ld": "json-ld"}


def file_mode() -> int:
    """The mode a new file gets from ``open()``: ``0o666`` less the process's umask.

    >>> old = os.umask(0o022); oct(file_mode()), os.umask(old) == 0o022
    ('0o644', True)
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_HINTS = {errno.ENOSPC: "free some disk space (or write elsewhere with -o) and run the command again",
          errno.EDQUOT: "free some space in your quota and run the command again",
          errno.EACCES: "choose a folder you can write to",
          errno.EPERM: "choose a folder you can write to",
          errno.EROFS: "the file system is read-only: choose another place",
          errno.ENAMETOOLONG: "choose a shorter file name"}


def write_error(path, exc: OSError) -> InputError:
    """The message for a write the system refused: which file, why, and what to do.

    >>> print(write_error("out.html", OSError(errno.ENOSPC, "No space left on device")))
    out.html: cannot write: No space left on device — free some disk space (or write elsewhere with -o) and run the command again
    """
    reason = exc.strerror or str(exc)
    return InputError(f"cannot write: {reason}", file=path, hint=_HINTS.get(exc.errno, "check the path and the disk"))


@contextmanager
def atomic_write(path, mode: str = "w", encoding: str | None = "utf-8"):
    """Open a temporary file next to ``path``; rename it over ``path`` on success.

    On any exception the temporary file is removed and ``path`` is untouched;
    an ``OSError`` of the system (disk full …) becomes an :class:`InputError`
    (:func:`write_error`).
    """
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"output folder {parent} does not exist", hint="create it or choose another -o path")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise write_error(path, exc) from None
    try:
        os.fchmod(fd, file_mode())
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, InputError) and exc.errno is not None:
            raise write_error(path, exc) from None
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
