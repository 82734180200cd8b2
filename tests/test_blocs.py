"""Signed blocs and structural balance: literal graphs, the tiny world and the shipped data."""
from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from graphkit.analysis.blocs import modularity, signed_blocs, signed_modularity_matrix, structural_balance
from graphkit.analysis.projections import signed_graph
from graphkit.sources.curated.records import Filters, position_records


def two_camps():
    g = nx.Graph()
    g.add_weighted_edges_from([("A", "B", 2), ("B", "C", 1), ("A", "C", 1), ("D", "E", 1), ("E", "F", 1),
                               ("D", "F", 1), ("A", "D", -1), ("C", "F", -1), ("B", "E", -2)])
    return g


def test_modularity_by_hand_on_two_pairs():
    # A–B +1, C–D +1, A–C −1. Positive layer: m+ = 1 per pair... 2m+ = 4, k+ = 1 each;
    # split {A,B},{C,D}: Q+ = Σ_in (A − kk/4)/4 = [2·(1 − 1/4) + 2·(1 − 1/4)... over ordered pairs incl. i=j]
    # ordered pairs inside {A,B}: (A,A) −1/4, (A,B) 3/4, (B,A) 3/4, (B,B) −1/4 → 1; same for {C,D}: Q+ = 2/4 = 0.5
    # negative layer: 2m− = 2, k−: A 1, C 1; inside blocs only (A,A) and (C,C): −1/2 each → Q− = −1/2 → Q = 0.5 + 0.5
    g = nx.Graph()
    g.add_weighted_edges_from([("A", "B", 1), ("C", "D", 1), ("A", "C", -1)])
    b = signed_modularity_matrix(g, ["A", "B", "C", "D"])
    assert modularity(b, np.array([0, 0, 1, 1])) == pytest.approx(1.0)
    assert signed_blocs(g).modularity == pytest.approx(1.0)


def test_negative_ties_separate_camps():
    r = signed_blocs(two_camps(), seed=3)
    assert [b.members for b in r.blocs] == [["A", "B", "C"], ["D", "E", "F"]]
    assert r.membership["A"] != r.membership["D"]
    # a negative tie inside a bloc lowers cohesion and is counted
    g = two_camps()
    g["A"]["C"]["weight"] = -1
    bloc = signed_blocs(g, seed=3).bloc_of("B")
    assert bloc.members == ["A", "B", "C"]
    assert bloc.internal_negative == 1 and bloc.cohesion == pytest.approx(2 / 3)   # AB, BC positive; AC not


def test_same_seed_same_blocs_and_every_seed_finds_the_camps():
    g = two_camps()
    assert signed_blocs(g, seed=5).membership == signed_blocs(g, seed=5).membership
    for seed in range(5):
        assert sorted(map(sorted, ([m for m, b in signed_blocs(g, seed=seed).membership.items() if b == k]
                                   for k in (0, 1)))) == [["A", "B", "C"], ["D", "E", "F"]]


def test_world_blocs(world):
    r = signed_blocs(signed_graph(position_records(world.graph, Filters(target="SYL"))))
    assert [(b.members, b.stance) for b in r.blocs] == [(["CCC", "DDD", "EEE"], "criticises"),
                                                        (["AAA", "BBB"], "supports")]
    # cohesion: all three critic pairs have a positive tie; AAA–BBB too
    assert [b.cohesion for b in r.blocs] == [1.0, 1.0]
    # core of the critics: CCC and DDD have +4 inside, EEE +4 too → ties broken by code
    assert r.blocs[0].core == ["CCC", "DDD", "EEE"]


def test_empty_graph():
    r = signed_blocs(nx.Graph())
    assert r.blocs == [] and r.membership == {}


def test_frustration_exact_by_act_by_hand(world):
    # one item per act — world ties (net sign): AB+ BE+ CD+ CE+ DE+ AC− AD− (AE nets 0, left out): 7 ties.
    # The cycle A+B+E+C−A has one negative tie, so at least one tie breaks; {A} | {B,C,D,E} breaks only AB.
    rep = structural_balance(signed_graph(position_records(world.graph, Filters(target="SYL")), by_occasion=False))
    assert rep.exact and rep.ties == 7 and rep.frustration == 1
    # triangles: CDE (+++) and ACD (−−+) are balanced; no other triangle has three ties
    assert (rep.triads_total, rep.unbalanced_triads) == (2, 0)


def test_unbalanced_triads_ranked_by_weakest_tie():
    g = nx.Graph()
    g.add_weighted_edges_from([("A", "B", 3), ("B", "C", 3), ("A", "C", -2),   # weakest |tie| 2
                               ("C", "D", 1), ("B", "D", -1)])                 # B,C,D: + + − → weakest 1
    rep = structural_balance(g, top=5)
    assert [t["states"] for t in rep.triads] == [["A", "B", "C"], ["B", "C", "D"]]
    assert rep.triads[0]["strength"] == 2 and rep.triads[0]["negative"] == 1


def test_heuristic_matches_exact_on_a_planted_split():
    rng = np.random.default_rng(0)
    nodes = [f"S{i:02d}" for i in range(24)]
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for i in range(24):
        for j in range(i + 1, 24):
            if rng.random() < 0.5:
                g.add_edge(nodes[i], nodes[j], weight=1 if (i < 12) == (j < 12) else -1)
    g.add_edge("S00", "S01", weight=-1)   # same camp, but a negative tie: the one violation
    rep = structural_balance(g, exact_limit=16)
    assert not rep.exact and "heuristic" in rep.method
    assert rep.frustration == 1          # planted: one tie flipped inside a perfect split


def test_shipped_china_blocs(shipped):
    """Done-when: France, Germany, Japan, the UK in one bloc; the supporting signatories in another."""
    recs = position_records(shipped.graph, Filters(target="CHN"))
    r = signed_blocs(signed_graph(recs), seed=0)
    critics = {r.membership[s] for s in ("FRA", "DEU", "JPN", "GBR")}
    assert len(critics) == 1
    supporters = {x.participant for x in recs if x.is_state and x.side == 1 and x.participant != "CHN"}
    critics_ever = {x.participant for x in recs if x.side == -1}
    firm = supporters - critics_ever          # Somalia signed on both sides: a swing state
    assert len(firm) > 40
    blocs_of_firm = {r.membership[s] for s in firm}
    assert len(blocs_of_firm) == 1 and blocs_of_firm != critics
    assert r.blocs[blocs_of_firm.pop()].stance == "supports"
    assert r.bloc_of("FRA").stance == "criticises"
