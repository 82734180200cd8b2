"""Centrality and brokerage in the co-alignment graph.

For each state of a :func:`~graphkit.analysis.projections.coalition_graph`:

``degree``
    how many states it took the same side with at least once;
``weighted_degree``
    the sum of edge weights (acts on the same side, counted per partner);
``betweenness``
    weighted betweenness centrality (networkx), with edge length
    ``1 / weight`` so that partners who sided together often are close;
``participation``
    Guimerà–Amaral participation coefficient ``1 − Σ_b (k_ib / k_i)²`` over
    blocs b (k_ib: weight of its ties into bloc b): 0 when all its ties stay in
    one bloc, higher when they spread across blocs;
``outside``
    its ties into other blocs than its own, ``{bloc id: weight}``.

A **bridge** between blocs is a state with ties into at least one other bloc
(:func:`bloc_bridges`), ranked by participation then betweenness.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

__all__ = ["centrality", "bloc_bridges"]


def centrality(coalition: nx.Graph, membership: dict[str, int] | None = None, *, betweenness: bool = True) -> list[dict]:
    """One row per state: degree, weighted degree, betweenness, participation, ties outside its bloc.

    Examples
    --------
    B sided with A twice and with C once; A and C never together:

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_edge("A", "B", weight=2); g.add_edge("B", "C", weight=1)
    >>> rows = centrality(g, {"A": 0, "B": 0, "C": 1})
    >>> [(r["state"], r["degree"], r["weighted_degree"], r["betweenness"], round(r["participation"], 3)) for r in rows]
    [('B', 2, 3, 1.0, 0.444), ('A', 1, 2, 0.0, 0.0), ('C', 1, 1, 0.0, 0.0)]
    """
    g = coalition.copy()
    for _, _, d in g.edges(data=True):
        d["_length"] = 1.0 / d["weight"] if d.get("weight") else float("inf")
    # Betweenness is the costly part (seconds on a few thousand ties); pictures that size
    # states by weighted degree can skip it with betweenness=False (the column is then 0).
    between = nx.betweenness_centrality(g, weight="_length", normalized=True) if len(g) and betweenness else {}
    rows = []
    for state in g.nodes:
        into: dict[int, int] = defaultdict(int)
        total = 0
        for _, other, d in g.edges(state, data=True):
            total += d.get("weight", 0)
            if membership is not None and other in membership:
                into[membership[other]] += d.get("weight", 0)
        participation = None
        outside = {}
        if membership is not None:
            participation = 1.0 - sum((k / total) ** 2 for k in into.values()) if total else 0.0
            outside = {b: w for b, w in sorted(into.items()) if b != membership.get(state)}
        rows.append({"state": state, "name": g.nodes[state].get("label", state), "degree": g.degree(state),
                     "weighted_degree": total, "betweenness": round(between.get(state, 0.0), 6),
                     "participation": participation, "bloc": membership.get(state) if membership else None,
                     "outside": outside})
    rows.sort(key=lambda r: (-r["weighted_degree"], -r["betweenness"], r["state"]))
    return rows


def bloc_bridges(coalition: nx.Graph, membership: dict[str, int]) -> list[dict]:
    """States with same-side ties into another bloc, most spread first, each with the acts.

    Each row adds ``acts``: for every partner in another bloc, the acts they
    sided together on (``{partner: [act IRIs]}``).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_edge("A", "B", weight=2, acts=["x", "y"]); g.add_edge("B", "C", weight=1, acts=["z"])
    >>> [(r["state"], r["outside"], r["acts"]) for r in bloc_bridges(g, {"A": 0, "B": 0, "C": 1})]
    [('B', {1: 1}, {'C': ['z']}), ('C', {0: 1}, {'B': ['z']})]
    """
    rows = [r for r in centrality(coalition, membership) if r["outside"]]
    for r in rows:
        r["acts"] = {other: coalition.edges[r["state"], other].get("acts", [])
                     for other in sorted(coalition.neighbors(r["state"]))
                     if membership.get(other) != membership.get(r["state"])}
    rows.sort(key=lambda r: (-(r["participation"] or 0), -r["betweenness"], r["state"]))
    return rows
