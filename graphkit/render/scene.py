"""Turn any NetworkX graph with documented attributes into a :class:`Scene`: what to draw, where.

A scene is plain data (lists of dicts, strings) computed once in Python — positions,
colours, sizes, widths, legend, tooltip lines — and then written as an interactive
HTML page (:mod:`graphkit.render.html`) or a static picture
(:mod:`graphkit.render.static`) from the very same layout. Nothing here knows RDF.

Attributes read from the graph (all optional)
----------------------------------------------
node ``label``
    Text under the dot (default: the node id).
node ``type``
    ``"state"`` (a dot) or ``"act"`` (a square, on the bipartite view), as
    :mod:`graphkit.analysis.projections` sets it.
node ``bloc``, graph ``bloc_labels``
    Bloc id (coloured with ``color_by="bloc"``); ``graph.graph["bloc_labels"]`` maps a
    bloc id to its legend text.
node ``stance``, ``side``
    The state's stance on one act and its side toward the target (+1, -1, 0, None),
    coloured with ``color_by="stance"``.
node ``centrality``
    A number >= 0; the dot's area grows with it.
node or edge ``acts`` (edge ``acts_same`` + ``acts_opposite``, or ``act``)
    Act IRIs behind the node or edge; listed in its tooltip with the labels and dates
    given in ``acts_info``.
node or edge ``tooltip``
    Extra tooltip lines (plain text).
edge ``weight``
    Agreement; the line's width grows with it.
edge ``sign``
    ``-1`` draws the edge as opposition (red, dashed), ``0`` as mixed (grey, dotted:
    as often apart as together); otherwise agreement.
edge ``side`` (bipartite view, when there is no ``sign``)
    The position's side toward the target; the edge takes that side's colour and
    a criticism is dashed.
edge ``positive`` / ``negative``
    On the signed view, how many acts the pair stood together / apart (shown in the
    tooltip; only ``positive`` pulls nodes together in the layout).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import networkx as nx

__all__ = ["Scene", "scene_from_graph", "layout_positions", "BLOC_COLOURS", "SIDE_COLOURS",
           "OPPOSITION_COLOUR"]

#: Categorical colours for blocs (matplotlib's tab10 without its red, kept for opposition).
BLOC_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                "#bcbd22", "#393b79", "#637939", "#8c6d31", "#7b4173"]
UNASSIGNED_COLOUR = "#b0b0b0"
ACT_COLOUR = "#444444"
MIXED_COLOUR = "#8c8c8c"
AGREEMENT_COLOUR = "rgba(90,110,140,0.45)"
OPPOSITION_COLOUR = "rgba(214,39,40,0.6)"
#: Side toward the target -> (colour, legend text).
SIDE_COLOURS = {1: ("#1f77b4", "supports the target"), -1: ("#ff7f0e", "criticises the target"),
                0: ("#bcbd22", "abstains"), None: ("#9467bd", "no side toward the target"),
                "absent": (UNASSIGNED_COLOUR, "not in this act")}
MIN_SIZE, MAX_SIZE = 8.0, 34.0
MAX_TOOLTIP_ACTS = 25


@dataclass
class Scene:
    """Everything a page or a picture draws: positioned, coloured nodes and edges, a legend.

    ``nodes``: dicts with ``id label x y size color shape tip acts``; ``edges``: dicts
    with ``from to width color dashes tip acts``; ``acts``: dicts ``iri label date``
    (``acts`` in nodes and edges index this list); ``legend``: dicts
    ``label color kind`` (``kind`` is ``node``, ``act`` or ``edge``/``opposition``).
    All text is plain text; the writers escape it.
    """

    title: str
    caption: str
    nodes: list[dict]
    edges: list[dict]
    legend: list[dict]
    acts: list[dict] = field(default_factory=list)

    def to_html(self, **kwargs) -> str:
        """The self-contained HTML page (see :func:`graphkit.render.html.html_document`)."""
        from .html import html_document

        return html_document(self, **kwargs)

    def write_html(self, path, **kwargs):
        """Write the page atomically to ``path``; return the path."""
        from .html import write_html

        return write_html(self, path, **kwargs)

    def write_image(self, path, fmt: str | None = None, **kwargs):
        """Write a static PNG or SVG of the same layout; return the path."""
        from .static import write_image

        return write_image(self, path, fmt=fmt, **kwargs)

    def _repr_html_(self) -> str:
        from .html import notebook_html

        return notebook_html(self)


def layout_positions(graph: nx.Graph, seed: int = 0) -> dict:
    """Spring-layout positions in [-1, 1]², pulled by agreement only (opposition does not attract).

    Examples
    --------
    >>> g = nx.Graph([("A", "B", {"weight": 2}), ("B", "C", {"weight": 1, "sign": -1})])
    >>> pos = layout_positions(g)
    >>> sorted(pos), all(-1.0 <= v <= 1.0 for p in pos.values() for v in p)
    (['A', 'B', 'C'], True)
    """
    pull = nx.Graph()
    pull.add_nodes_from(graph.nodes)
    for u, v, data in graph.edges(data=True):
        w = _attraction(data)
        if w > 0 and u != v:
            if pull.has_edge(u, v):
                pull[u][v]["weight"] += w
            else:
                pull.add_edge(u, v, weight=w)
    if pull.number_of_nodes() == 0:
        return {}
    pos = nx.spring_layout(pull, weight="weight", seed=seed)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def _attraction(data: dict) -> float:
    if "positive" in data:
        return float(data["positive"] or 0)
    if (data.get("sign") or 1) < 0:
        return 0.0
    return abs(float(data.get("weight", 1) or 0))


def scene_from_graph(graph: nx.Graph, *, title: str = "", caption: str = "", color_by: str = "bloc",
                     acts_info: dict | None = None, positions: dict | None = None, seed: int = 0) -> Scene:
    """Lay out and style ``graph`` (attributes as in the module docstring) as a :class:`Scene`.

    Parameters
    ----------
    graph : networkx.Graph
        Nodes and edges with the documented attributes; any missing one has a default.
    title, caption : str
        Plain text shown above and below the graph.
    color_by : {"bloc", "stance"}
        Colour states by their ``bloc`` or by their ``side``/``stance`` on one act.
    acts_info : dict, optional
        Act IRI -> ``{"label": ..., "date": ...}`` for tooltips.
    positions : dict, optional
        Node -> (x, y); computed with :func:`layout_positions` when omitted.
    seed : int
        Seed of the layout, so the same graph always gets the same picture.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("AAA", label="Avalon", bloc=0, centrality=1.0)
    >>> g.add_node("CCC", label="Carpania", bloc=1, centrality=0.0)
    >>> g.add_edge("AAA", "CCC", weight=1, sign=-1, acts=["act:x"])
    >>> s = scene_from_graph(g, title="t")
    >>> [(n["id"], n["size"]) for n in s.nodes]
    [('AAA', 34.0), ('CCC', 8.0)]
    >>> s.edges[0]["dashes"], s.edges[0]["color"], s.edges[0]["acts"], s.acts[0]["iri"]
    (True, 'rgba(214,39,40,0.6)', [0], 'act:x')
    >>> [e["label"] for e in s.legend]
    ['bloc 0', 'bloc 1', 'agreement', 'opposition']
    """
    if color_by not in ("bloc", "stance"):
        raise ValueError(f"color_by must be 'bloc' or 'stance', not {color_by!r}")
    acts_info = acts_info or {}
    positions = positions if positions is not None else layout_positions(graph, seed=seed)
    act_index: dict[str, int] = {}
    acts: list[dict] = []

    def index_acts(iris) -> list[int]:
        out = []
        for iri in iris or ():
            iri = str(iri)
            if iri not in act_index:
                info = acts_info.get(iri, {})
                act_index[iri] = len(acts)
                acts.append({"iri": iri, "label": str(info.get("label") or iri.rstrip("/").rsplit("/", 1)[-1]),
                             "date": str(info.get("date") or "")})
            out.append(act_index[iri])
        return out

    n = graph.number_of_nodes()
    scale = max(300.0, 45.0 * math.sqrt(max(n, 1)))
    cents = [float(d.get("centrality") or 0) for _, d in graph.nodes(data=True)]
    lo, hi = (min(cents), max(cents)) if cents else (0.0, 0.0)
    bloc_labels = graph.graph.get("bloc_labels", {})
    bloc_ids = sorted({d.get("bloc") for _, d in graph.nodes(data=True) if d.get("bloc") is not None}, key=str)
    bloc_colour = {b: BLOC_COLOURS[i % len(BLOC_COLOURS)] for i, b in enumerate(bloc_ids)}
    legend: list[dict] = []
    sides_seen: dict = {}

    nodes = []
    for node, data in graph.nodes(data=True):
        label = str(data.get("label") or node)
        is_act = data.get("type") == "act"
        tip = [label]
        if data.get("iso3") and str(data["iso3"]) != label:
            tip[0] = f"{label} ({data['iso3']})"
        if is_act:
            colour = ACT_COLOUR
        elif color_by == "bloc":
            bloc = data.get("bloc")
            colour = bloc_colour.get(bloc, UNASSIGNED_COLOUR)
            tip.append(f"bloc: {bloc_labels.get(bloc, bloc) if bloc is not None else 'none'}")
        else:
            side = data.get("side", "absent") if data.get("stance") is not None else "absent"
            colour = SIDE_COLOURS.get(side, SIDE_COLOURS[None])[0]
            sides_seen.setdefault(side, set()).add(str(data.get("stance") or "absent"))
            tip.append(f"stance: {data.get('stance') or 'not in this act'}")
            if data.get("bloc") is not None:
                tip.append(f"bloc: {bloc_labels.get(data['bloc'], data['bloc'])}")
        if data.get("centrality") is not None:
            tip.append(f"centrality: {float(data['centrality']):.3f}")
        tip.extend(str(line) for line in data.get("tooltip", ()))
        size = MIN_SIZE if hi <= lo else MIN_SIZE + (MAX_SIZE - MIN_SIZE) * (float(data.get("centrality") or 0) - lo) / (hi - lo)
        x, y = positions.get(node, (0.0, 0.0))
        nodes.append({"id": str(node), "label": label, "x": round(x * scale, 1), "y": round(-y * scale, 1),
                      "size": round(size, 1), "color": colour, "shape": "square" if is_act else "dot",
                      "tip": tip, "acts": index_acts(data.get("acts"))})

    weights = [abs(float(d.get("weight", 1) or 0)) for _, _, d in graph.edges(data=True)]
    wmax = max(weights) if weights else 1.0
    any_opposition = any_mixed = False
    edge_sides: set = set()
    edges = []
    labels = {str(n): str(d.get("label") or n) for n, d in graph.nodes(data=True)}
    for (u, v, data), w in zip(graph.edges(data=True), weights):
        sign = data.get("sign", 1)
        opposed, mixed = sign is not None and sign < 0, sign == 0
        any_opposition |= opposed
        any_mixed |= mixed
        colour = OPPOSITION_COLOUR if opposed else MIXED_COLOUR if mixed else AGREEMENT_COLOUR
        dashes = [2, 4] if mixed else opposed
        tip = [f"{labels[str(u)]} — {labels[str(v)]}"]
        if "side" in data and "sign" not in data:
            side = data["side"]
            edge_sides.add(side)
            colour = SIDE_COLOURS.get(side, SIDE_COLOURS[None])[0]
            dashes = side == -1
            tip.append(f"stance: {data.get('stance') or '?'}")
        else:
            tip.append(f"weight: {_fmt(data.get('weight', 1))}")
        if "positive" in data or "negative" in data:
            tip.append(f"together on {_fmt(data.get('positive', 0))}, opposed on {_fmt(data.get('negative', 0))}")
        tip.extend(str(line) for line in data.get("tooltip", ()))
        edges.append({"from": str(u), "to": str(v), "width": round(0.5 + 4.5 * w / wmax, 2) if wmax else 1.0,
                      "color": colour, "dashes": dashes, "tip": tip, "acts": index_acts(_edge_acts(data))})

    if color_by == "bloc":
        for b in bloc_ids:
            legend.append({"label": str(bloc_labels.get(b, f"bloc {b}")), "color": bloc_colour[b], "kind": "node"})
        if any(d.get("bloc") is None and d.get("type") != "act" for _, d in graph.nodes(data=True)):
            legend.append({"label": "no bloc", "color": UNASSIGNED_COLOUR, "kind": "node"})
    else:
        for side in sorted(sides_seen, key=lambda s: (isinstance(s, str), s is None, -(s or 0) if isinstance(s, int) else 0)):
            colour, text = SIDE_COLOURS.get(side, SIDE_COLOURS[None])
            stances = ", ".join(sorted(sides_seen[side] - {"absent"}))
            legend.append({"label": f"{text} ({stances})" if stances else text, "color": colour, "kind": "node"})
    if any(d.get("type") == "act" for _, d in graph.nodes(data=True)):
        legend.append({"label": "act", "color": ACT_COLOUR, "kind": "act"})
    for side in sorted(edge_sides, key=lambda s: -(s if isinstance(s, int) else -2)):
        colour, text = SIDE_COLOURS.get(side, SIDE_COLOURS[None])
        legend.append({"label": f"position: {text}", "color": colour, "kind": "opposition" if side == -1 else "edge"})
    if len(edge_sides) < len(edges):
        legend.append({"label": "agreement", "color": AGREEMENT_COLOUR, "kind": "edge"})
    if any_mixed:
        legend.append({"label": "mixed (as often apart as together)", "color": MIXED_COLOUR, "kind": "mixed"})
    if any_opposition:
        legend.append({"label": "opposition", "color": OPPOSITION_COLOUR, "kind": "opposition"})
    return Scene(title=title, caption=caption, nodes=nodes, edges=edges, legend=legend, acts=acts)


def _edge_acts(data: dict) -> list:
    if data.get("acts") is not None:
        return list(data["acts"])
    if "acts_same" in data or "acts_opposite" in data:
        return list(data.get("acts_same") or ()) + list(data.get("acts_opposite") or ())
    return [data["act"]] if data.get("act") else []


def _fmt(value) -> str:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return str(value)
    return str(int(f)) if f.is_integer() else f"{f:.3f}"
