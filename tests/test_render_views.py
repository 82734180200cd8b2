"""build_view on the tiny world: projections, annotations, caption, --act colouring, errors."""
from __future__ import annotations

import pytest

from graphkit.graph.build import build
from graphkit.errors import DataError, InputError
from graphkit.sources.curated.records import Filters
from graphkit.render.scene import OPPOSITION_COLOUR, SIDE_COLOURS
from graphkit.render.views import build_view
from render_fixtures import (EXPECTED, HOSTILE, OPPOSITION_PAIRS, OPPOSITION_PAIRS_BY_ACT, SIGNED_BY_ACT,  # noqa: F401
                             hostile_world)

SYL = Filters(target="SYL")
ACT = "https://w3id.org/graphkit/id/act/"


@pytest.mark.parametrize("view", sorted(EXPECTED))
def test_views_have_the_hand_derived_shape(world, view):
    v = build_view(world.graph, view, SYL)
    assert (v.graph.number_of_nodes(), v.graph.number_of_edges()) == EXPECTED[view]
    states = [n for n, d in v.graph.nodes(data=True) if d.get("type") != "act"]
    assert sorted(states) == ["AAA", "BBB", "CCC", "DDD", "EEE"]
    for n in states:
        data = v.graph.nodes[n]
        assert 0.0 <= data["centrality"] <= 1.0 and data["acts"], n


def test_signed_view_draws_the_opposition_pairs(world):
    scene = build_view(world.graph, "signed", SYL).scene()
    opposed = {tuple(sorted((e["from"], e["to"]))) for e in scene.edges if e["color"] == OPPOSITION_COLOUR}
    assert opposed == OPPOSITION_PAIRS


def test_signed_view_by_act(world):
    v = build_view(world.graph, "signed", SYL, by_occasion=False)
    assert (v.graph.number_of_nodes(), v.graph.number_of_edges()) == SIGNED_BY_ACT
    scene = v.scene()
    assert {tuple(sorted((e["from"], e["to"]))) for e in scene.edges
            if e["color"] == OPPOSITION_COLOUR} == OPPOSITION_PAIRS_BY_ACT
    assert "per act;" in v.caption


def test_caption_names_sources_and_date_range(world):
    v = build_view(world.graph, "coalition", SYL)
    assert "4 acts from 2020-06-29 to 2022-10-20" in v.caption
    assert "target=SYL" in v.caption
    # every source the world's evidence points to is named
    titles = [str(t) for t in world.graph.objects(None, world.graph.namespace_manager.expand_curie("dcterms:title"))]
    assert titles and all(t in v.caption for t in titles)
    assert v.acts_info[ACT + "w-2021-vote"]["date"] == "2021-03-15"
    assert v.acts_info[ACT + "w-2021-vote"]["sources"] == ["https://w3id.org/graphkit/id/source/herald"]


def test_act_colours_states_by_their_stance(world):
    v = build_view(world.graph, "coalition", SYL, act="w-2021-vote")
    colours = {n["id"]: n["color"] for n in v.scene().nodes}
    # 2021 vote, yes criticises Syldavia: AAA no (+1), BBB abstain (0), CCC/DDD/EEE yes (-1)
    assert colours["AAA"] == SIDE_COLOURS[1][0]
    assert colours["BBB"] == SIDE_COLOURS[0][0]
    assert {colours[s] for s in ("CCC", "DDD", "EEE")} == {SIDE_COLOURS[-1][0]}
    assert v.color_by == "stance" and "stance on" in v.caption


def test_unknown_act_suggests_close_ids(world):
    with pytest.raises(InputError, match="w-2021-vot") as info:
        build_view(world.graph, "coalition", SYL, act="w-2021-vot")
    assert "did you mean w-2021-vote" in info.value.hint


def test_unknown_view_and_empty_selection_are_errors(world):
    with pytest.raises(InputError, match="unknown view"):
        build_view(world.graph, "radial", SYL)
    with pytest.raises(DataError, match="no state positions"):
        build_view(world.graph, "coalition", Filters(target="SYL", since=__import__("datetime").date(2030, 1, 1)))


def test_hostile_label_is_kept_as_plain_text(hostile_world):
    g = build(hostile_world).graph
    v = build_view(g, "coalition", SYL)
    assert v.graph.nodes["AAA"]["label"] == HOSTILE
    assert {n["id"]: n["label"] for n in v.scene().nodes}["AAA"] == HOSTILE
