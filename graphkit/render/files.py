"""The two calls the CLI makes: render a view to a file, export a view to a file.

Both take the built RDF graph, a view name, filters and an output path, infer
the format from the path's suffix when none is given, and write atomically.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..sources.curated.records import Filters
from .export import EXPORT_FORMATS, export_graph
from .static import IMAGE_FORMATS
from .tables import write_tables
from .views import View, build_view

__all__ = ["RENDER_FORMATS", "render_file", "export_file", "format_from_path"]

RENDER_FORMATS = ("html",) + IMAGE_FORMATS
SUFFIXES = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg", ".gexf": "gexf",
            ".graphml": "graphml", ".json": "cytoscape-json", ".cyjs": "cytoscape-json", ".csv": "csv"}


def format_from_path(path, fmt: str | None, allowed: tuple[str, ...]) -> str:
    """``fmt`` if given, else the one the suffix names; an InputError if it is not in ``allowed``.

    >>> format_from_path("graph.svg", None, ("html", "png", "svg"))
    'svg'
    >>> format_from_path("graph.html", "png", ("html", "png", "svg"))
    'png'
    """
    chosen = fmt or SUFFIXES.get(Path(path).suffix.lower())
    if chosen is None:
        raise InputError(f"cannot tell the output format from {str(path)!r}", file=path,
                         hint="give --format (" + "|".join(allowed) + ") or a file ending in "
                              + ", ".join(s for s, f in SUFFIXES.items() if f in allowed))
    if chosen not in allowed:
        raise InputError(f"format {chosen!r} is not available here", value=chosen, hint="valid: " + ", ".join(allowed))
    return chosen


def render_file(graph, path, *, view: str = "coalition", filters: Filters | None = None, act: str | None = None,
                fmt: str | None = None, title: str | None = None, seed: int = 0,
                by_occasion: bool = True) -> tuple[Path, View]:
    """Render ``view`` of ``graph`` to ``path`` as html, png or svg; return the path and the view."""
    fmt = format_from_path(path, fmt, RENDER_FORMATS)
    v = build_view(graph, view, filters, act=act, title=title, seed=seed, by_occasion=by_occasion)
    scene = v.scene(seed=seed)
    written = scene.write_html(path) if fmt == "html" else scene.write_image(path, fmt)
    return Path(written), v


def export_file(graph, path, *, fmt: str | None = None, view: str = "coalition", filters: Filters | None = None,
                table: str | None = None, seed: int = 0, by_occasion: bool = True) -> tuple[list[Path], View]:
    """Export ``view`` of ``graph`` as gexf, graphml, cytoscape-json or csv; return the files and the view.

    CSV without ``table`` writes a folder holding ``edges.csv``, ``blocs.csv`` and ``years.csv``.
    """
    if fmt is None and table is None and Path(path).suffix == "":
        fmt = "csv"
    fmt = format_from_path(path, fmt, EXPORT_FORMATS)
    if table is not None and fmt != "csv":
        raise InputError("--table only applies to --format csv", value=table, hint="drop --table or use --format csv")
    v = build_view(graph, view, filters, seed=seed, by_occasion=by_occasion)
    if fmt == "csv":
        return write_tables(v, path, table), v
    return [export_graph(v.graph, path, fmt, v.acts_info)], v
