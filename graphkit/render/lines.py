"""Line charts with uncertainty bands: a static PNG/SVG (matplotlib) or one small self-contained HTML page.

What ``graphkit ideal --figure`` draws: one line per series (a state), each
point with a band (its interval), gaps where a series has no value (a period
the state did not vote in). The chart knows nothing of ideal points: a
:class:`LineChart` is a title, axis labels and :class:`LineSeries` of points
``{x, y, lo, hi, tip}``.

The HTML page is like :mod:`graphkit.render.html`'s: no network (a
Content-Security-Policy forbids every request), the data in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, every text set with ``textContent`` (point tooltips are SVG
``<title>`` elements), and ``window.graphkitReady = true`` once drawn. It
needs no library: the SVG is built by about a hundred lines of script.
"""
from __future__ import annotations

import html
import math
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..graph.writing import atomic_write
from .html import CSP, embed_json

__all__ = ["LineChart", "LineSeries", "write_chart", "chart_html", "draw_chart", "CHART_FORMATS", "PALETTE"]

CHART_FORMATS = ("html", "png", "svg")
#: Series colours, in order (matplotlib's tab10, readable on white).
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")


@dataclass
class LineSeries:
    """One line: ``key`` (a short id), ``label`` (for the legend), ``segments`` (lists of points, drawn apart).

    A point is ``{"x": float, "y": float, "lo": float, "hi": float, "tip": str}``.
    """

    key: str
    label: str
    segments: list = field(default_factory=list)

    def points(self) -> list[dict]:
        return [p for seg in self.segments for p in seg]


@dataclass
class LineChart:
    """A chart: ``title``, ``caption`` (under it), axis labels, ``band`` (what the band means), the series."""

    title: str
    x_label: str
    y_label: str
    series: list
    caption: str = ""
    band: str = ""

    def payload(self) -> dict:
        """The chart as JSON-ready data (what the HTML page draws)."""
        return {"title": self.title, "caption": self.caption, "xLabel": self.x_label, "yLabel": self.y_label,
                "band": self.band, "series": [{"key": s.key, "label": s.label, "color": PALETTE[i % len(PALETTE)],
                                               "segments": s.segments} for i, s in enumerate(self.series)]}


def _check(chart: LineChart) -> None:
    for s in chart.series:
        for p in s.points():
            if not all(math.isfinite(p[k]) for k in ("x", "y", "lo", "hi")):
                raise InputError(f"series {s.key}: a point that is not a finite number ({p})", value=s.key,
                                 hint="drop the point or give x, y, lo and hi as numbers")


def draw_chart(chart: LineChart, *, width: float = 9.0, height: float = 5.0):
    """A matplotlib Figure of ``chart`` (Agg canvas; nothing shown on screen)."""
    from matplotlib.figure import Figure

    _check(chart)
    fig = Figure(figsize=(width, height))
    caption = textwrap.wrap(chart.caption, int(width * 15)) if chart.caption else []
    bottom = 0.12 + 0.035 * len(caption)
    ax = fig.add_axes((0.08, bottom, 0.72, 0.86 - bottom))
    ax.axhline(0, color="#999999", lw=0.6, zorder=0)
    dots = max((len(s.points()) for s in chart.series), default=0) < 40      # markers on short series only, alike for all
    for i, s in enumerate(chart.series):
        colour = PALETTE[i % len(PALETTE)]
        for j, seg in enumerate(s.segments):
            xs = [p["x"] for p in seg]
            ax.fill_between(xs, [p["lo"] for p in seg], [p["hi"] for p in seg], color=colour, alpha=0.18, lw=0)
            ax.plot(xs, [p["y"] for p in seg], color=colour, lw=1.6, marker="o" if dots else None,
                    markersize=3, label=s.label if j == 0 else None)
    if all(float(p["x"]).is_integer() for s in chart.series for p in s.points()):
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(chart.x_label)
    ax.set_ylabel(chart.y_label)
    ax.grid(True, color="#eeeeee", lw=0.6)
    if chart.series:
        legend = ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False,
                           title=chart.band or None, title_fontsize=7)
        for text in legend.get_texts():
            text.set_parse_math(False)
    fig.text(0.01, 0.985, chart.title, fontsize=11, ha="left", va="top", parse_math=False)
    if caption:
        fig.text(0.01, 0.015, "\n".join(caption), fontsize=6.5, ha="left", va="bottom", color="#444444",
                 linespacing=1.35, parse_math=False)
    return fig


_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #222; background: #fff; }
header, footer, .gk-caption, .gk-legend { padding: 0.3rem 1rem; }
h1 { font-size: 1.15rem; margin: 0.5rem 0 0.2rem; }
#gk-chart { width: 100%; height: 70vh; min-height: 360px; display: block; }
#gk-chart text { font-size: 11px; fill: #444; }
.gk-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font-size: 0.85rem; list-style: none; margin: 0.3rem 0; }
.gk-legend li { display: flex; align-items: center; gap: 0.35rem; }
.gk-swatch { display: inline-block; width: 1.4rem; height: 0.7rem; }
.gk-caption { font-size: 0.85rem; color: #444; margin: 0; }
#gk-readout { font-size: 0.85rem; min-height: 1.2em; padding: 0 1rem; color: #000; }
footer { font-size: 0.72rem; color: #777; }
"""

_JS = """
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("graphkit-chart-data").textContent);
  var svg = document.getElementById("gk-chart");
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(e); }
    return e;
  }
  var pts = [];
  data.series.forEach(function (s) { s.segments.forEach(function (seg) { seg.forEach(function (p) { pts.push(p); }); }); });
  var W = svg.clientWidth || 900, H = svg.clientHeight || 480, L = 56, R = 28, T = 12, B = 42;
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  var x0 = Math.min.apply(null, pts.map(function (p) { return p.x; })), x1 = Math.max.apply(null, pts.map(function (p) { return p.x; }));
  var y0 = Math.min(0, Math.min.apply(null, pts.map(function (p) { return p.lo; })));
  var y1 = Math.max(0, Math.max.apply(null, pts.map(function (p) { return p.hi; })));
  if (!pts.length) { x0 = 0; x1 = 1; y0 = -1; y1 = 1; }
  if (x1 === x0) { x0 -= 1; x1 += 1; }
  if (y1 === y0) { y0 -= 1; y1 += 1; }
  var pad = 0.04 * (y1 - y0); y0 -= pad; y1 += pad;
  var whole = pts.every(function (p) { return p.x === Math.round(p.x); });
  function sx(x) { return L + (x - x0) / (x1 - x0) * (W - L - R); }
  function sy(y) { return T + (y1 - y) / (y1 - y0) * (H - T - B); }
  function ticks(a, b, n, least) {
    var step = Math.pow(10, Math.floor(Math.log10((b - a) / n))), out = [];
    [1, 2, 5, 10].some(function (m) { if ((b - a) / (step * m) <= n) { step *= m; return true; } return false; });
    step = Math.max(step, least || 0);
    for (var v = Math.ceil(a / step) * step; v <= b + 1e-9; v += step) { out.push(Math.round(v / step) * step); }
    return out;
  }
  var axes = el("g", { "class": "gk-axes" }, svg);
  ticks(y0, y1, 6).forEach(function (v) {
    el("line", { x1: L, x2: W - R, y1: sy(v), y2: sy(v), stroke: v === 0 ? "#999" : "#eee" }, axes);
    el("text", { x: L - 6, y: sy(v) + 4, "text-anchor": "end" }, axes).textContent = String(+v.toFixed(2));
  });
  ticks(x0, x1, 10, whole ? 1 : 0).forEach(function (v) {
    el("line", { x1: sx(v), x2: sx(v), y1: H - B, y2: H - B + 4, stroke: "#999" }, axes);
    el("text", { x: sx(v), y: H - B + 16, "text-anchor": "middle" }, axes).textContent = String(v);
  });
  el("text", { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle" }, axes).textContent = data.xLabel;
  el("text", { x: 14, y: (T + H - B) / 2, "text-anchor": "middle", transform: "rotate(-90 14 " + (T + H - B) / 2 + ")" }, axes).textContent = data.yLabel;
  var readout = document.getElementById("gk-readout");
  var legend = document.getElementById("gk-legend");
  data.series.forEach(function (s) {
    var g = el("g", { "class": "gk-series", "data-key": s.key }, svg);
    s.segments.forEach(function (seg) {
      var band = seg.map(function (p) { return sx(p.x) + "," + sy(p.hi); }).concat(
        seg.slice().reverse().map(function (p) { return sx(p.x) + "," + sy(p.lo); }));
      el("polygon", { "class": "gk-band", points: band.join(" "), fill: s.color, "fill-opacity": 0.18, stroke: "none" }, g);
      el("polyline", { "class": "gk-line", points: seg.map(function (p) { return sx(p.x) + "," + sy(p.y); }).join(" "),
                       fill: "none", stroke: s.color, "stroke-width": 2 }, g);
      seg.forEach(function (p) {
        var c = el("circle", { "class": "gk-point", cx: sx(p.x), cy: sy(p.y), r: 3.5, fill: s.color,
                               "data-x": p.x, "data-y": p.y }, g);
        el("title", {}, c).textContent = p.tip;
        c.addEventListener("mouseenter", function () { readout.textContent = p.tip; });
      });
    });
    var li = document.createElement("li"), sw = document.createElement("span"), label = document.createElement("span");
    sw.className = "gk-swatch"; sw.style.background = s.color;
    label.textContent = s.label;
    li.appendChild(sw); li.appendChild(label); legend.appendChild(li);
  });
  window.graphkitChart = { series: data.series.length, points: pts.length, data: data };
  window.graphkitReady = true;
  document.documentElement.setAttribute("data-graphkit-ready", "1");
}());
"""


def chart_html(chart: LineChart) -> str:
    """The chart as one self-contained HTML page (no network, no library), as a string.

    Examples
    --------
    >>> s = LineSeries("AAA", "<b>A</b>", [[{"x": 2001, "y": 0.5, "lo": 0.3, "hi": 0.7, "tip": "A 2001: 0.5"}]])
    >>> page = chart_html(LineChart("T & U", "year", "ideal point", [s]))
    >>> "<b>A</b>" in page, "T &amp; U" in page, "http://" in page.replace("http://www.w3.org/2000/svg", "")
    (False, True, False)
    """
    _check(chart)
    title = html.escape(chart.title or "graphkit")
    n = sum(len(s.points()) for s in chart.series)
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="generator" content="graphkit">',
        f"<title>{title}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
        f"<header><h1>{title}</h1></header>",
        f'<svg id="gk-chart" role="img" aria-label="{html.escape(chart.y_label, quote=True)} by '
        f'{html.escape(chart.x_label, quote=True)}"></svg>',
        '<div id="gk-readout" aria-live="polite"></div>',
        '<ul id="gk-legend" class="gk-legend" aria-label="legend"></ul>',
        f'<p class="gk-caption">{html.escape(chart.caption)}</p>',
        f"<footer>{len(chart.series)} series, {n} points. {html.escape(chart.band)}. Drawn by graphkit.</footer>",
        f'<script type="application/json" id="graphkit-chart-data">{embed_json(chart.payload())}</script>',
        f"<script>{_JS}</script>", "</body>", "</html>", ""])


def write_chart(chart: LineChart, path, fmt: str | None = None, *, dpi: int = 150) -> Path:
    """Write ``chart`` to ``path`` as ``html``, ``png`` or ``svg`` (``fmt`` or the suffix), atomically.

    Raises
    ------
    InputError
        A format other than html, png or svg, or a point that is not a number.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt == "htm":
        fmt = "html"
    if fmt not in CHART_FORMATS:
        raise InputError(f"cannot tell the figure's format from {str(path)!r}", file=path,
                         hint="end the file name in .png, .svg or .html")
    if fmt == "html":
        text = chart_html(chart)
        with atomic_write(path) as fh:
            fh.write(text)
        return path
    fig = draw_chart(chart)
    import matplotlib

    with atomic_write(path, "wb") as fh, matplotlib.rc_context({"svg.fonttype": "none"}):  # SVG text stays text
        fig.savefig(fh, format=fmt, dpi=dpi, metadata={"Software": "graphkit"} if fmt == "png" else {"Creator": "graphkit"})
    return path
