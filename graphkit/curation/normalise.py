"""Rewrite Turtle files in graphkit's one normalised form (rdflib ``longturtle``).

Committed Turtle is normalised so that diffs stay small and a rebuild is
byte-stable; ``tests/test_normalised.py`` checks it. Run
``python -m graphkit.curation.normalise [FILE_OR_DIR ...]`` (default: the data
folder) after editing by hand; the tests also check ``tests/world/``.
"""
from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph

from ..graph.loading import parse_turtle
from ..namespaces import bind_prefixes
from ..resources import DEFAULT_DATA
from ..graph.writing import atomic_write

__all__ = ["normalised_text", "normalise_file", "turtle_files", "DEFAULT_ROOTS"]

DEFAULT_ROOTS = [DEFAULT_DATA]


def normalised_text(path: Path) -> str:
    """The normalised Turtle for the file at ``path`` (graphkit's prefixes, longturtle)."""
    graph = bind_prefixes(Graph())
    parse_turtle(Path(path), graph)
    return graph.serialize(format="longturtle")


def normalise_file(path: Path) -> bool:
    """Rewrite ``path`` in normal form; return True if it changed."""
    path = Path(path)
    text = normalised_text(path)
    if path.read_text(encoding="utf-8") == text:
        return False
    with atomic_write(path) as fh:
        fh.write(text)
    return True


def turtle_files(roots) -> list[Path]:
    """Every ``*.ttl`` below the given files or folders."""
    out: list[Path] = []
    for root in map(Path, roots):
        out += [root] if root.is_file() else sorted(root.rglob("*.ttl"))
    return out


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    changed = [p for p in turtle_files(argv or DEFAULT_ROOTS) if normalise_file(p)]
    for p in changed:
        print(f"normalised {p}", file=sys.stderr)
    print(f"{len(changed)} file(s) changed")


if __name__ == "__main__":
    main()
