"""Swing states, centrality and drift on the tiny world (expected answers from tests/conftest.py)."""
from __future__ import annotations

import datetime as dt
import math

import networkx as nx
import pytest

from graphkit.analysis.blocs import signed_blocs
from graphkit.analysis.centrality import bloc_bridges, centrality
from graphkit.analysis.drift import pair_by_year, side_changes, state_by_year
from graphkit.analysis.projections import coalition_graph, signed_graph
from graphkit.sources.curated.records import Filters, position_records
from graphkit.analysis.swing import boundary_lean, swing_states


@pytest.fixture(scope="module")
def recs(world):
    return position_records(world.graph, Filters(target="SYL"))


def test_swing_both_sides_and_abstention(recs):
    rows = {r["state"]: r for r in swing_states(recs)}
    assert set(rows) == {"BBB", "EEE"}            # EEE on both sides, BBB abstained once
    assert rows["EEE"]["supports"] == ["w-2022-support"]
    assert rows["EEE"]["criticises"] == ["w-2020-critical", "w-2021-vote"]
    assert rows["BBB"]["abstains"] == ["w-2021-vote"]
    assert "over time" in rows["EEE"]["split"]    # criticised 2020–21, supported 2022


def test_boundary_lean_by_act_by_hand(recs):
    signed = signed_graph(recs, by_occasion=False)
    membership = signed_blocs(signed).membership
    # EEE: +2 CCC, +2 DDD in its bloc; AAA 0 and BBB +1 in the other → (4 − 1)/(4 + 1)
    lean, nearest, own, other = boundary_lean(signed, membership, "EEE")
    assert (own, other) == (4.0, 1.0) and lean == pytest.approx(0.6)
    assert nearest == membership["AAA"]
    rows = swing_states(recs, signed, membership, margin=0.6)
    assert "boundary" in {r["state"]: r for r in rows}["EEE"]["reasons"]
    assert "boundary" not in {r["state"]: r for r in swing_states(recs, signed, membership, margin=0.5)}["EEE"]["reasons"]


def test_centrality_by_hand(recs):
    g = coalition_graph(recs)
    rows = {r["state"]: r for r in centrality(g)}
    # EEE: same side with AAA (1), BBB (1), CCC (2), DDD (2)
    assert (rows["EEE"]["degree"], rows["EEE"]["weighted_degree"]) == (4, 6)
    # every shortest path between {AAA, BBB} and {CCC, DDD} runs through EEE: 4 of the 6 pairs
    # not involving EEE (AAA–BBB and CCC–DDD are direct) → normalised 4 / (4·3/2) = 2/3
    assert rows["EEE"]["betweenness"] == pytest.approx(2 / 3, abs=1e-6)
    assert rows["AAA"]["betweenness"] == 0


def test_bridges_name_the_acts(recs):
    g = coalition_graph(recs)
    membership = signed_blocs(signed_graph(recs)).membership
    bridges = {r["state"]: r for r in bloc_bridges(g, membership)}
    assert set(bridges) == {"AAA", "BBB", "EEE"}
    assert bridges["EEE"]["acts"]["AAA"] == ["https://w3id.org/graphkit/id/act/w-2022-support"]
    # EEE's ties: 4 inside, 2 outside → participation 1 − (4/6)² − (2/6)² = 4/9
    assert bridges["EEE"]["participation"] == pytest.approx(4 / 9)


def test_pair_and_state_by_year(recs):
    rows = pair_by_year(recs, "CCC", "EEE")
    assert [(r["year"], r["n"], r["share"]) for r in rows[:2]] == [(2020, 1, 1.0), (2021, 1, 1.0)]
    assert rows[2]["year"] == 2022 and rows[2]["n"] == 0 and math.isnan(rows[2]["share"])
    by = {r["year"]: r for r in state_by_year(recs, "BBB")}
    assert by[2021]["mean_side"] == 0.0          # abstained
    # 2021: BBB abstained, everyone else voted → share 0 with all four
    assert by[2021]["mean_share"] == 0.0 and by[2021]["partners"] == 4


def test_side_changes(recs):
    rows = side_changes(recs, (None, dt.date(2021, 12, 31)), (dt.date(2022, 1, 1), None))
    assert [(r["state"], r["before"], r["after"]) for r in rows] == [("EEE", "criticises", "supports")]
    # 2020 → 2021: BBB supported, then abstained; EEE criticised both years (no change)
    rows = side_changes(recs, (None, dt.date(2020, 12, 31)), (dt.date(2021, 1, 1), dt.date(2021, 12, 31)))
    assert [(r["state"], r["before"], r["after"], r["acts_after"]) for r in rows] == [
        ("BBB", "supports", "abstains", ["2021-03-15 w-2021-vote (abstain)"])]


def test_centrality_of_empty_graph():
    assert centrality(nx.Graph()) == []
