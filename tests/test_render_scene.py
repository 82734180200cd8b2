"""scene_from_graph: layout, colours, sizes, dashes, legend and tooltips from documented attributes."""
from __future__ import annotations

import networkx as nx
import pytest

from graphkit.render.scene import (AGREEMENT_COLOUR, BLOC_COLOURS, MAX_SIZE, MIN_SIZE, MIXED_COLOUR,
                                   OPPOSITION_COLOUR, SIDE_COLOURS, UNASSIGNED_COLOUR, layout_positions,
                                   scene_from_graph)


def tiny_signed() -> nx.Graph:
    """Three states: A and B agree twice, A and C are opposed, B and C are mixed; D has no bloc."""
    g = nx.Graph()
    g.add_node("A", label="Avalon", bloc=0, centrality=2.0, acts=["act:1", "act:2"])
    g.add_node("B", label="Borduria", bloc=0, centrality=1.0, acts=["act:1"])
    g.add_node("C", label="Carpania", bloc=1, centrality=0.0)
    g.add_node("D", label="Dorvia")
    g.add_edge("A", "B", weight=2, positive=2, negative=0, sign=1, acts_same=["act:1", "act:2"], acts_opposite=[])
    g.add_edge("A", "C", weight=-1, positive=0, negative=1, sign=-1, acts_same=[], acts_opposite=["act:3"])
    g.add_edge("B", "C", weight=0, positive=1, negative=1, sign=0, acts_same=["act:1"], acts_opposite=["act:3"])
    return g


def test_nodes_coloured_by_bloc_and_sized_by_centrality():
    s = scene_from_graph(tiny_signed())
    by = {n["id"]: n for n in s.nodes}
    assert by["A"]["color"] == by["B"]["color"] == BLOC_COLOURS[0]
    assert by["C"]["color"] == BLOC_COLOURS[1]
    assert by["D"]["color"] == UNASSIGNED_COLOUR
    # centrality 2 is the largest, 0 the smallest, 1 half-way
    assert by["A"]["size"] == MAX_SIZE and by["C"]["size"] == MIN_SIZE
    assert by["B"]["size"] == pytest.approx((MIN_SIZE + MAX_SIZE) / 2, abs=0.1)
    assert [e["label"] for e in s.legend] == ["bloc 0", "bloc 1", "no bloc", "agreement",
                                              "mixed (as often apart as together)", "opposition"]


def test_edges_styled_by_sign_and_carry_their_acts():
    s = scene_from_graph(tiny_signed(), acts_info={"act:3": {"label": "Vote three", "date": "2021-03-15"}})
    by = {(e["from"], e["to"]): e for e in s.edges}
    assert by["A", "B"]["color"] == AGREEMENT_COLOUR and by["A", "B"]["dashes"] is False
    assert by["A", "C"]["color"] == OPPOSITION_COLOUR and by["A", "C"]["dashes"] is True
    assert by["B", "C"]["color"] == MIXED_COLOUR and by["B", "C"]["dashes"] == [2, 4]
    assert by["A", "B"]["width"] > by["B", "C"]["width"]
    acts = [s.acts[i] for i in by["B", "C"]["acts"]]
    assert [a["iri"] for a in acts] == ["act:1", "act:3"]
    assert acts[1] == {"iri": "act:3", "label": "Vote three", "date": "2021-03-15"}
    assert "together on 1, opposed on 1" in by["B", "C"]["tip"]


def test_stance_colouring_uses_the_side():
    g = nx.Graph()
    g.add_node("A", stance="no", side=1)
    g.add_node("C", stance="yes", side=-1)
    g.add_node("B", stance="abstain", side=0)
    g.add_node("Z")
    s = scene_from_graph(g, color_by="stance")
    colours = {n["id"]: n["color"] for n in s.nodes}
    assert colours == {"A": SIDE_COLOURS[1][0], "C": SIDE_COLOURS[-1][0], "B": SIDE_COLOURS[0][0],
                       "Z": SIDE_COLOURS["absent"][0]}
    assert [e["label"] for e in s.legend] == ["supports the target (no)", "abstains (abstain)",
                                              "criticises the target (yes)", "not in this act"]


def test_bipartite_edges_coloured_by_side_and_acts_are_squares():
    g = nx.Graph()
    g.add_node("A", type="state")
    g.add_node("act:1", type="act", label="Statement")
    g.add_edge("A", "act:1", stance="criticises", side=-1, act="act:1")
    s = scene_from_graph(g)
    assert [n["shape"] for n in s.nodes] == ["dot", "square"]
    assert s.edges[0]["color"] == SIDE_COLOURS[-1][0] and s.edges[0]["dashes"] is True
    assert s.acts[s.edges[0]["acts"][0]]["iri"] == "act:1"


def test_layout_is_deterministic_and_opposition_does_not_attract():
    g = tiny_signed()
    assert layout_positions(g, seed=3) == layout_positions(g, seed=3)
    pos = layout_positions(g)
    dist = lambda a, b: ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5
    assert dist("A", "B") < dist("A", "C")


def test_unknown_colouring_is_refused():
    with pytest.raises(ValueError, match="color_by"):
        scene_from_graph(nx.Graph(), color_by="rainbow")
