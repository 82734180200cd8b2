"""Projections onto NetworkX, checked against the tiny world drawn in tests/conftest.py.

Expected edges, by hand from the drawing (target SYL, FFF's withdrawal honoured):
same side — AAA–BBB in the 2020 and 2022 supporting statements; AAA–EEE and BBB–EEE
in 2022; CCC–DDD, CCC–EEE, DDD–EEE in the 2020 critical statement and the 2021 vote
(all yes). Opposite sides — in the 2021 vote AAA's no (+1 toward SYL) against the yes
of CCC, DDD, EEE (−1); BBB abstained, so no negative tie for BBB.
"""
from __future__ import annotations

import datetime as dt

import pytest

from graphkit.analysis.projections import bipartite_graph, coalition_graph, signed_graph
from graphkit.sources.curated.records import Filters, position_records

from records_helpers import ACT, rec

W = "https://w3id.org/graphkit/id/act/w-"


def short(acts):
    return [a.rsplit("/", 1)[1] for a in acts]


def test_coalition_edges_by_hand(world):
    g = coalition_graph(position_records(world.graph, Filters(target="SYL")))
    got = {tuple(sorted(e)): d["weight"] for *e, d in g.edges(data=True)}
    assert got == {("AAA", "BBB"): 2, ("AAA", "EEE"): 1, ("BBB", "EEE"): 1,
                   ("CCC", "DDD"): 2, ("CCC", "EEE"): 2, ("DDD", "EEE"): 2}
    assert short(g.edges["CCC", "DDD"]["acts"]) == ["w-2020-critical", "w-2021-vote"]
    assert g.nodes["AAA"] == {"label": "Avalon", "iso3": "AAA", "type": "state", "bipartite": 0,
                              "supports": 3, "criticises": 0, "abstains": 0, "mean_side": 1.0}
    # BBB: supports 2020 and 2022, abstains 2021 → mean (1 + 1 + 0)/3
    assert g.nodes["BBB"]["abstains"] == 1 and g.nodes["BBB"]["mean_side"] == 2 / 3


@pytest.mark.parametrize("by_occasion", [True, False])
def test_every_edge_weight_is_the_number_of_items_listed(world, by_occasion):
    for build in (coalition_graph, signed_graph):
        g = build(position_records(world.graph), by_occasion)
        for _, _, d in g.edges(data=True):
            if "items" in d:
                assert d["weight"] == len(d["items"]) and d["acts"]
                if not by_occasion:                      # one act per item
                    assert d["acts"] == sorted(d["items"])
            else:
                assert d["weight"] == len(d["items_same"]) - len(d["items_opposite"])
                assert (d["positive"], d["negative"]) == (len(d["items_same"]), len(d["items_opposite"]))
                assert bool(d["acts_same"]) == bool(d["items_same"])
                assert bool(d["acts_opposite"]) == bool(d["items_opposite"])


def test_signed_edges_by_act_by_hand(world):
    g = signed_graph(position_records(world.graph, Filters(target="SYL")), by_occasion=False)
    got = {tuple(sorted(e)): (d["positive"], d["negative"], d["sign"]) for *e, d in g.edges(data=True)}
    assert got == {("AAA", "BBB"): (2, 0, 1), ("AAA", "EEE"): (1, 1, 0), ("BBB", "EEE"): (1, 0, 1),
                   ("CCC", "DDD"): (2, 0, 1), ("CCC", "EEE"): (2, 0, 1), ("DDD", "EEE"): (2, 0, 1),
                   ("AAA", "CCC"): (0, 1, -1), ("AAA", "DDD"): (0, 1, -1)}
    assert short(g.edges["AAA", "DDD"]["acts_opposite"]) == ["w-2021-vote"]


def test_withdrawn_positions_count_only_when_asked(world):
    assert "FFF" not in coalition_graph(position_records(world.graph))
    g = coalition_graph(position_records(world.graph, Filters(include_withdrawn=True)))
    assert short(g.edges["AAA", "FFF"]["acts"]) == ["w-2020-support"]


def test_filters_apply(world):
    g = signed_graph(position_records(world.graph, Filters(since=dt.date(2022, 1, 1))))
    assert set(g.nodes) == {"AAA", "BBB", "EEE"} and g.number_of_edges() == 3
    g = coalition_graph(position_records(world.graph, Filters(kind="RecordedVote")))
    assert set(g.nodes) == {"AAA", "BBB", "CCC", "DDD", "EEE"}
    assert {tuple(sorted(e)) for e in g.edges} == {("CCC", "DDD"), ("CCC", "EEE"), ("DDD", "EEE")}


def test_bipartite_keeps_positions(world):
    g = bipartite_graph(position_records(world.graph))
    acts = [n for n, d in g.nodes(data=True) if d["type"] == "act"]
    assert len(acts) == 4
    assert g.degree(W + "2021-vote") == 5      # five voters
    e = g.edges["CCC", W + "2020-critical"]
    assert (e["stance"], e["side"], e["roles"], e["date"]) == ("criticises", -1, ["lead"], "2020-06-29")
    assert g.nodes[W + "2022-support"]["forum"].endswith("un-ga-third-committee")


def test_target_is_left_out_of_state_graphs_only():
    recs = [rec("x", "TGT", "supports", 1), rec("x", "AAA", "supports", 1), rec("x", "BBB", "supports", 1),
            rec("y", "AAA", "criticises", -1), rec("y", "CCC", "rejects", None),
            rec("z", "NGO", "criticises", -1, is_state=False), rec("z", "CCC", "criticises", -1)]
    assert set(coalition_graph(recs).nodes) == {"AAA", "BBB", "CCC"}
    assert not coalition_graph(recs).has_edge("AAA", "CCC")   # a rejection has no side; z: NGO is not a state
    assert set(signed_graph(recs).edges) == {("AAA", "BBB")}
    assert "TGT" in bipartite_graph(recs) and "NGO" not in bipartite_graph(recs)


def test_votes_without_side_compare_raw_choices():
    v = dict(kind="RecordedVote", roles=("voter",))
    recs = [rec("v", "AAA", "yes", None, **v), rec("v", "BBB", "yes", None, **v),
            rec("v", "CCC", "no", None, **v), rec("v", "DDD", "abstain", None, **v),
            rec("v", "EEE", "abstain", None, **v)]
    g = signed_graph(recs)
    assert g.edges["AAA", "BBB"]["sign"] == 1 and g.edges["AAA", "CCC"]["sign"] == -1
    assert g.edges["DDD", "EEE"]["sign"] == 1          # two abstentions: the same choice
    assert not g.has_edge("AAA", "DDD")                # yes against abstain: neither
    assert g.edges["AAA", "CCC"]["acts_opposite"] == [ACT + "v"]
