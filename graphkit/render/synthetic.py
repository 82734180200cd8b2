"""A synthetic coalition graph of any size, for benchmarks and the large-graph browser test.

Nodes are fictional codes ``S000``, ``S001`` ...; edges are drawn without
replacement from all pairs, two-thirds of them inside one of four blocs
when possible; about one edge in ten is an opposition edge. Nothing here is
real data. A simple graph on 200 nodes holds at most 19,900 edges, so when
more edges are asked for the result is a :class:`networkx.MultiGraph`
(parallel edges, as if a pair were linked once per forum).
"""
from __future__ import annotations

import itertools

import networkx as nx
import numpy as np

__all__ = ["synthetic_graph"]


def synthetic_graph(n_nodes: int = 200, n_edges: int = 20_000, seed: int = 0, blocs: int = 4) -> nx.Graph:
    """A signed graph with ``n_nodes`` states, exactly ``n_edges`` edges, blocs and centralities.

    Examples
    --------
    >>> g = synthetic_graph(10, 20)
    >>> g.number_of_nodes(), g.number_of_edges(), sorted(g.nodes["S000"])
    (10, 20, ['acts', 'bloc', 'centrality', 'iso3', 'label'])
    >>> big = synthetic_graph(200, 20_000)
    >>> big.is_multigraph(), big.number_of_edges()
    (True, 20000)
    """
    pairs = list(itertools.combinations(range(n_nodes), 2))
    multi = n_edges > len(pairs)
    rng = np.random.default_rng(seed)
    bloc = rng.integers(0, blocs, n_nodes)
    inside = np.array([bloc[a] == bloc[b] for a, b in pairs])
    p = np.where(inside, 2.0, 0.5)
    chosen = rng.choice(len(pairs), size=n_edges, replace=multi, p=p / p.sum())
    g = nx.MultiGraph() if multi else nx.Graph()
    for i in range(n_nodes):
        code = f"S{i:03d}"
        g.add_node(code, label=f"State {i}", iso3=code, bloc=int(bloc[i]), acts=[f"urn:synthetic:act/{i % 50}"])
    edges = []
    for k in chosen:
        a, b = pairs[k]
        w = int(rng.integers(1, 8))
        sign = -1 if (bloc[a] != bloc[b] and rng.random() < 0.3) else 1
        edges.append((f"S{a:03d}", f"S{b:03d}", {"weight": w * sign, "sign": sign,
                                                  "acts": [f"urn:synthetic:act/{int(x)}" for x in rng.integers(0, 50, 2)]}))
    g.add_edges_from(edges)
    for node, degree in g.degree(weight=None):
        g.nodes[node]["centrality"] = float(degree)
    return g
