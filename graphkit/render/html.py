"""Write a :class:`~graphkit.render.scene.Scene` as ONE self-contained, offline, safe HTML page.

Why not pyvis' own ``Network.write_html``: even with ``cdn_resources="in_line"`` its
template links bootstrap from a CDN and ``../node_modules/vis/...`` files that do not
exist, and ``from_nx``/``add_edge`` is quadratic in the number of edges. This page
uses its own template and embeds vis-network's JS and CSS (read from pyvis' bundled
copy, see :mod:`graphkit.render.assets`), so it opens with no network, years later.

Safety: every piece of text reaches the page either through :func:`html.escape`
(title, caption, legend) or as data inside a ``<script type="application/json">``
block whose ``<``, ``>`` and ``&`` are written as ``\\u003c`` etc., then set with
``textContent`` (labels are drawn on the canvas; tooltips are DOM elements built
with ``textContent``, never HTML strings). A Content-Security-Policy forbids every
network request (``default-src 'none'``).

Layout: positions are computed in Python and physics is off, so the page is still
as soon as it has drawn; it then sets ``window.graphkitReady = true``.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from ..graph.writing import atomic_write
from .assets import VIS_LICENCE, VIS_VERSION, vis_assets
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the Scene calls these writers; importing it here at run time would make a cycle
    from .scene import Scene

__all__ = ["html_document", "write_html", "notebook_html", "embed_json"]

#: Above this many edges, edges are hidden while dragging/zooming to keep interaction smooth.
BIG_GRAPH_EDGES = 3000

CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")

PAGE_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #222; background: #fff; }
header, footer, .gk-legend, .gk-caption { padding: 0.4rem 1rem; }
h1 { font-size: 1.25rem; margin: 0.5rem 0 0.2rem; }
#gk-graph { width: 100%; height: 74vh; min-height: 420px; border-top: 1px solid #ddd; border-bottom: 1px solid #ddd; }
.gk-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font-size: 0.85rem; list-style: none; margin: 0.4rem 0; }
.gk-legend li { display: flex; align-items: center; gap: 0.35rem; }
.gk-swatch { display: inline-block; width: 0.85rem; height: 0.85rem; border-radius: 50%; }
.gk-swatch.act { border-radius: 1px; }
.gk-swatch.edge, .gk-swatch.opposition, .gk-swatch.mixed { width: 1.6rem; height: 0; border-radius: 0; border-top: 3px solid; }
.gk-swatch.opposition { border-top-style: dashed; }
.gk-swatch.mixed { border-top-style: dotted; }
.gk-caption { font-size: 0.85rem; color: #444; margin: 0; }
footer { font-size: 0.72rem; color: #777; }
div.vis-tooltip { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.gk-tip { max-width: 28rem; white-space: normal; font-size: 0.8rem; line-height: 1.3; }
.gk-tip .gk-tip-head { font-weight: 600; margin-bottom: 0.15rem; }
.gk-tip ul { margin: 0.15rem 0 0; padding-left: 1.1rem; }
"""

PAGE_JS = """
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("graphkit-data").textContent);
  var MAX_ACTS = %(max_acts)d;
  function tip(lines, actIdx) {
    var box = document.createElement("div");
    box.className = "gk-tip";
    lines.forEach(function (line, i) {
      var el = document.createElement("div");
      if (i === 0) { el.className = "gk-tip-head"; }
      el.textContent = line;
      box.appendChild(el);
    });
    if (actIdx.length) {
      var head = document.createElement("div");
      head.textContent = actIdx.length + (actIdx.length === 1 ? " act:" : " acts:");
      box.appendChild(head);
      var ul = document.createElement("ul");
      actIdx.slice(0, MAX_ACTS).forEach(function (i) {
        var act = data.acts[i], li = document.createElement("li");
        li.textContent = (act.date ? act.date + " \\u00b7 " : "") + act.label;
        li.title = act.iri;
        ul.appendChild(li);
      });
      if (actIdx.length > MAX_ACTS) {
        var more = document.createElement("li");
        more.textContent = "\\u2026 and " + (actIdx.length - MAX_ACTS) + " more";
        ul.appendChild(more);
      }
      box.appendChild(ul);
    }
    return box;
  }
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, shape: n.shape,
             color: { background: n.color, border: "#333333", highlight: { background: n.color, border: "#000000" },
                      hover: { background: n.color, border: "#000000" } },
             title: tip(n.tip, n.acts) };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return { id: i, from: e.from, to: e.to, width: e.width, dashes: e.dashes,
             color: { color: e.color, highlight: e.dashes ? e.color : "#333333", hover: e.dashes ? e.color : "#333333", inherit: false },
             title: tip(e.tip, e.acts) };
  }));
  var big = data.edges.length > %(big)d;
  var options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 0 },
    nodes: { borderWidth: 1, font: { size: 14, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, selectionWidth: 1, hoverWidth: 0.5 },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                   navigationButtons: false, keyboard: false }
  };
  var network = new vis.Network(document.getElementById("gk-graph"), { nodes: nodes, edges: edges }, options);
  window.graphkit = { network: network, nodes: nodes, edges: edges, data: data, timings: { built: performance.now() - t0 } };
  network.once("afterDrawing", function () {
    window.graphkit.timings.drawn = performance.now() - t0;
    window.graphkitReady = true;
    document.documentElement.setAttribute("data-graphkit-ready", "1");
  });
}());
"""


def embed_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` block: no ``<``, ``>``, ``&`` or line separators.

    Examples
    --------
    >>> embed_json({"label": "<img src=x onerror=alert(1)></script>"})
    '{"label": "\\\\u003cimg src=x onerror=alert(1)\\\\u003e\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    for raw, safe in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, safe)
    return text


def _legend_html(scene: Scene) -> str:
    items = []
    for entry in scene.legend:
        kind = entry.get("kind", "node")
        colour = html.escape(str(entry["color"]), quote=True)
        style = f"border-color: {colour}" if kind in ("edge", "opposition", "mixed") else f"background: {colour}"
        items.append(f'<li><span class="gk-swatch {html.escape(kind, quote=True)}" style="{style}"></span>'
                     f"{html.escape(str(entry['label']))}</li>")
    return '<ul class="gk-legend" aria-label="legend">' + "".join(items) + "</ul>"


def html_document(scene: Scene, *, max_tooltip_acts: int = 25) -> str:
    """The complete page for ``scene``, as a string (about 0.7 MB of vis-network plus the data).

    Examples
    --------
    >>> from graphkit.render.scene import Scene
    >>> s = Scene(title="<b>T</b>", caption="c & d", nodes=[], edges=[], legend=[])
    >>> page = html_document(s)
    >>> "&lt;b&gt;T&lt;/b&gt;" in page, "<b>T</b>" in page, "https://cdn" in page
    (True, False, False)
    """
    assets = vis_assets()
    title = html.escape(scene.title or "graphkit")
    payload = {"title": scene.title, "nodes": scene.nodes, "edges": scene.edges, "acts": scene.acts}
    js = PAGE_JS % {"max_acts": max_tooltip_acts, "big": BIG_GRAPH_EDGES}
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="graphkit">',
        f"<title>{title}</title>",
        f"<!-- {html.escape(VIS_LICENCE)} -->",
        f"<style>\n{assets.css}\n</style>",
        f"<style>{PAGE_CSS}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{title}</h1></header>",
        '<div id="gk-graph" role="img" aria-label="network graph"></div>',
        _legend_html(scene),
        f'<p class="gk-caption">{html.escape(scene.caption)}</p>',
        f"<footer>{len(scene.nodes)} nodes, {len(scene.edges)} edges. Drawn with {html.escape(VIS_LICENCE)}</footer>",
        f'<script type="application/json" id="graphkit-data">{embed_json(payload)}</script>',
        f"<!-- vis-network {VIS_VERSION}: Apache-2.0 OR MIT, (c) Almende B.V. and visjs contributors -->",
        f"<script>\n{assets.js}\n</script>",
        f"<script>{js}</script>",
        "</body>",
        "</html>",
        "",
    ])


def write_html(scene: Scene, path, **kwargs) -> Path:
    """Write :func:`html_document` to ``path`` atomically; return the path."""
    text = html_document(scene, **kwargs)
    with atomic_write(path) as fh:
        fh.write(text)
    return Path(path)


def notebook_html(scene: Scene, height: int = 640) -> str:
    """An ``<iframe srcdoc>`` holding the page, for Jupyter (``Scene._repr_html_`` returns it).

    The page runs in a sandboxed frame (scripts only, no same-origin access), so its
    scripts and styles cannot clash with the notebook's.

    Examples
    --------
    >>> from graphkit.render.scene import Scene
    >>> s = Scene(title="x", caption="", nodes=[], edges=[], legend=[])
    >>> notebook_html(s).startswith('<iframe sandbox="allow-scripts"')
    True
    """
    doc = html.escape(html_document(scene), quote=True)
    return (f'<iframe sandbox="allow-scripts" srcdoc="{doc}" title="{html.escape(scene.title or "graph", quote=True)}" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd;"></iframe>')
