"""Draw a :class:`~graphkit.render.scene.Scene` as a static PNG or SVG (matplotlib, Agg), for papers.

Text is drawn literally (``parse_math=False``): a label with ``$`` is not read as
TeX. The picture uses the scene's own positions, colours, sizes and legend, so it
matches the interactive page. Edges are drawn as two ``LineCollection`` objects
(agreement, then opposition dashed red on top), which keeps 20,000 edges fast.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

from ..errors import InputError
from ..graph.writing import atomic_write
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the Scene calls these writers; importing it here at run time would make a cycle
    from .scene import Scene

__all__ = ["write_image", "draw_figure", "IMAGE_FORMATS"]

IMAGE_FORMATS = ("png", "svg")
#: Label every node up to this many nodes; above it, only the largest ones.
LABEL_ALL_UP_TO = 80


def _colour(value: str):
    """A vis/CSS colour ('#rrggbb' or 'rgba(r,g,b,a)') as something matplotlib accepts.

    >>> _colour("rgba(255,0,0,0.5)")
    (1.0, 0.0, 0.0, 0.5)
    >>> _colour("#123456")
    '#123456'
    """
    m = re.fullmatch(r"rgba?\(([^)]*)\)", value.strip())
    if not m:
        return value
    parts = [float(p) for p in m.group(1).split(",")]
    rgb = tuple(p / 255.0 for p in parts[:3])
    return rgb + ((parts[3],) if len(parts) > 3 else (1.0,))


def _line_style(dashes) -> str:
    if isinstance(dashes, list):
        return "dotted"
    return "dashed" if dashes else "solid"


def draw_figure(scene: Scene, *, width: float = 12.0, height: float = 9.0):
    """A matplotlib Figure of ``scene`` (Agg canvas; nothing is shown on screen)."""
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    caption = textwrap.wrap(scene.caption, int(width * 15)) if scene.caption else []
    line = 6.5 * 1.35 / 72 / height  # one caption line as a fraction of the figure's height
    bottom = 0.02 + line * len(caption) + 0.01
    top = 0.93 if scene.title else 0.98
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((0.01, bottom, 0.77, max(top - bottom, 0.3)))
    ax.set_axis_off()
    ax.set_aspect("equal")
    pos = {n["id"]: (n["x"], -n["y"]) for n in scene.nodes}
    big = len(scene.edges) > 2000
    for z, style in enumerate(("solid", "dotted", "dashed")):
        group = [e for e in scene.edges if _line_style(e["dashes"]) == style]
        if not group:
            continue
        lines = LineCollection([(pos[e["from"]], pos[e["to"]]) for e in group],
                               colors=[_colour(e["color"]) for e in group], alpha=0.3 if big else None,
                               linewidths=[0.3 + 0.5 * e["width"] for e in group], linestyles=style, zorder=1 + z)
        ax.add_collection(lines)
    shrink = 0.9 if len(scene.nodes) <= 40 else 0.45
    for shape, marker in (("dot", "o"), ("square", "s")):
        group = [n for n in scene.nodes if n["shape"] == shape]
        if group:
            ax.scatter([pos[n["id"]][0] for n in group], [pos[n["id"]][1] for n in group],
                       s=[(n["size"] * shrink) ** 2 for n in group], c=[_colour(n["color"]) for n in group],
                       marker=marker, edgecolors="#333333", linewidths=0.5, zorder=3)
    shown = scene.nodes if len(scene.nodes) <= LABEL_ALL_UP_TO else \
        sorted(scene.nodes, key=lambda n: -n["size"])[:LABEL_ALL_UP_TO // 2]
    for n in shown:
        x, y = pos[n["id"]]
        ax.annotate(n["label"], (x, y), xytext=(0, -n["size"] * shrink * 0.55 - 2), textcoords="offset points",
                    ha="center", va="top", fontsize=6 if len(scene.nodes) > 40 else 8, zorder=4, parse_math=False)
    if pos:
        xs, ys = zip(*pos.values())
        pad = 0.06 * max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - pad, max(ys) + pad)
    handles = []
    for entry in scene.legend:
        colour = _colour(entry["color"])
        if entry["kind"] in ("edge", "opposition"):
            handles.append(Line2D([], [], color=colour, lw=2, ls="--" if entry["kind"] == "opposition" else "-",
                                  label=entry["label"]))
        elif entry["kind"] == "mixed":
            handles.append(Line2D([], [], color=colour, lw=2, ls=":", label=entry["label"]))
        else:
            handles.append(Line2D([], [], color="none", marker="s" if entry["kind"] == "act" else "o",
                                  markerfacecolor=colour, markeredgecolor="#333333", markersize=8, label=entry["label"]))
    if handles:
        legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        for text in legend.get_texts():
            text.set_parse_math(False)
    if scene.title:
        fig.text(0.01, 0.985, scene.title, fontsize=12, ha="left", va="top", parse_math=False)
    if caption:
        fig.text(0.01, 0.02, "\n".join(caption), fontsize=6.5, ha="left", va="bottom", color="#444444",
                 linespacing=1.35, parse_math=False)
    return fig


def write_image(scene: Scene, path, fmt: str | None = None, *, dpi: int = 150, width: float = 12.0,
                height: float = 9.0) -> Path:
    """Write ``scene`` as PNG or SVG to ``path`` atomically; ``fmt`` defaults to the suffix.

    Raises
    ------
    InputError
        If the format is neither png nor svg.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "png").lower()
    if fmt not in IMAGE_FORMATS:
        raise InputError(f"unknown image format {fmt!r}", value=fmt, hint="valid: png, svg")
    fig = draw_figure(scene, width=width, height=height)
    import matplotlib

    with atomic_write(path, "wb") as fh, matplotlib.rc_context({"svg.fonttype": "none"}):  # SVG text stays text
        fig.savefig(fh, format=fmt, dpi=dpi, metadata={"Software": "graphkit"} if fmt == "png" else {"Creator": "graphkit"})
    return path
