"""Export a view graph for the tools analysts already use: Gephi (GEXF), yEd (GraphML), Cytoscape (JSON).

Every edge keeps the act IRIs behind it (``acts``, and on the signed view
``acts_same`` / ``acts_opposite``), so a line in Gephi can be traced back to its
evidence. GEXF is *dynamic*: each edge gets one spell per dated act
(``start = end = the act's date``), so Gephi's timeline shows when a pair stood
together; acts with no date add no spell. GEXF and GraphML cannot hold lists,
so list attributes are written as space-separated IRIs; Cytoscape JSON keeps
lists and also carries the acts' labels and dates in its ``data.acts`` table.
For CSV tables (Datawrapper) see :mod:`graphkit.render.tables`.
"""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import networkx as nx

from ..errors import InputError
from ..graph.writing import atomic_write

__all__ = ["EXPORT_FORMATS", "export_graph", "flatten_graph", "gexf_text", "graphml_text", "cytoscape_json"]

EXPORT_FORMATS = ("gexf", "graphml", "cytoscape-json", "csv")
#: Attributes that only steer the picture, left out of exports.
RENDER_ONLY = ("tooltip",)


def _scalar(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        return " ".join(str(v) for v in (sorted(value, key=str) if isinstance(value, (set, frozenset)) else value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool) or isinstance(value, (int, float, str)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


def flatten_graph(graph: nx.Graph, acts_info: dict | None = None, *, spells: bool = False) -> nx.Graph:
    """A copy of ``graph`` whose attributes are scalars (lists -> space-separated text, None dropped).

    With ``spells=True`` each edge gets ``spells`` from its acts' dates (for dynamic GEXF).

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("A", "B", weight=2, acts=["act:1", "act:2"], note=None)
    >>> info = {"act:1": {"date": "2020-07-01"}, "act:2": {"date": None}}
    >>> flatten_graph(g, info, spells=True).edges["A", "B"]
    {'weight': 2, 'acts': 'act:1 act:2', 'spells': [('2020-07-01', '2020-07-01')]}
    """
    acts_info = acts_info or {}
    out = graph.__class__()
    out.graph.update({k: _scalar(v) for k, v in graph.graph.items() if v is not None and not isinstance(v, dict)})
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None and k not in RENDER_ONLY})
    for u, v, data in graph.edges(data=True):
        attrs = {k: _scalar(val) for k, val in data.items() if val is not None}
        if spells:
            dates = sorted({str(acts_info.get(str(a), {}).get("date") or "") for a in data.get("acts", ())} - {""})
            if dates:
                attrs["spells"] = [(d, d) for d in dates]
        out.add_edge(u, v, **attrs)
    return out


def gexf_text(graph: nx.Graph, acts_info: dict | None = None) -> str:
    """Dynamic GEXF 1.2 (one spell per dated act on every edge)."""
    flat = flatten_graph(graph, acts_info, spells=True)
    flat.graph["mode"] = "dynamic"
    buf = io.BytesIO()
    nx.write_gexf(flat, buf, version="1.2draft")
    return buf.getvalue().decode("utf-8")


def graphml_text(graph: nx.Graph, acts_info: dict | None = None) -> str:
    """GraphML with scalar attributes (act IRIs space-separated)."""
    buf = io.BytesIO()
    nx.write_graphml(flatten_graph(graph, acts_info), buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def cytoscape_json(graph: nx.Graph, acts_info: dict | None = None) -> dict:
    """Cytoscape.js / Cytoscape desktop JSON; act IRIs stay lists; ``data.acts`` describes them.

    Examples
    --------
    >>> g = nx.Graph([("A", "B", {"weight": 1, "acts": ["act:1"]})])
    >>> doc = cytoscape_json(g, {"act:1": {"label": "one", "date": "2020-07-01"}})
    >>> doc["elements"]["edges"][0]["data"]["acts"], doc["data"]["acts"]["act:1"]["date"]
    (['act:1'], '2020-07-01')
    """
    clean = graph.__class__()
    clean.graph.update({k: v for k, v in graph.graph.items() if not isinstance(v, dict)})

    def keep(value):
        if isinstance(value, (set, frozenset, tuple)):
            return [keep(v) for v in sorted(value, key=str)] if isinstance(value, (set, frozenset)) else [keep(v) for v in value]
        if isinstance(value, list):
            return [keep(v) for v in value]
        return _scalar(value) if value is not None else None

    for node, data in graph.nodes(data=True):
        clean.add_node(node, **{k: keep(v) for k, v in data.items() if k not in RENDER_ONLY})
    for u, v, data in graph.edges(data=True):
        clean.add_edge(u, v, **{k: keep(val) for k, val in data.items()})
    doc = nx.cytoscape_data(clean)
    doc["data"] = dict(doc["data"])  # networkx gives the graph attributes as a list of pairs
    doc["data"]["acts"] = {iri: {k: _scalar(v) if v is not None else None for k, v in info.items()}
                           for iri, info in sorted((acts_info or {}).items())}
    return doc


def export_graph(graph: nx.Graph, path, fmt: str, acts_info: dict | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically as ``gexf``, ``graphml`` or ``cytoscape-json``.

    Raises
    ------
    InputError
        For any other format (CSV tables are written by :func:`graphkit.render.tables.write_tables`).
    """
    if fmt == "gexf":
        text = gexf_text(graph, acts_info)
    elif fmt == "graphml":
        text = graphml_text(graph, acts_info)
    elif fmt == "cytoscape-json":
        text = json.dumps(cytoscape_json(graph, acts_info), ensure_ascii=False, indent=1) + "\n"
    else:
        raise InputError(f"unknown graph export format {fmt!r}", value=fmt, hint="valid: gexf, graphml, cytoscape-json, csv")
    with atomic_write(path) as fh:
        fh.write(text)
    return Path(path)
