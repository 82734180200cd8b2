"""Exports parse back with the act IRIs behind every edge: GEXF (with spells), GraphML, Cytoscape JSON, CSV."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from graphkit.errors import InputError
from graphkit.sources.curated.records import Filters
from graphkit.render.files import export_file
from graphkit.render.views import build_view
from render_fixtures import EXPECTED, SIGNED_BY_ACT

ACT = "https://w3id.org/graphkit/id/act/"
SYL = Filters(target="SYL")
# acts behind the AAA-BBB coalition edge: the 2020 and 2022 supporting statements
AB_ACTS = {ACT + "w-2020-support", ACT + "w-2022-support"}


def test_gexf_is_dynamic_with_one_spell_per_dated_act(world, tmp_path):
    [path], _ = export_file(world.graph, tmp_path / "g.gexf", view="coalition", filters=SYL)
    g = nx.read_gexf(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == EXPECTED["coalition"]
    assert g.graph["mode"] == "dynamic"
    ab = g.edges["AAA", "BBB"]
    assert set(ab["acts"].split()) == AB_ACTS
    assert sorted(ab["spells"]) == [("2020-07-01", "2020-07-01"), ("2022-10-20", "2022-10-20")]
    assert 'timeformat="date"' in path.read_text(encoding="utf-8")


def test_graphml_keeps_acts_and_signs(world, tmp_path):
    [path], _ = export_file(world.graph, tmp_path / "g.graphml", view="signed", filters=SYL)
    g = nx.read_graphml(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == EXPECTED["signed"]
    ac = g.edges["AAA", "CCC"]
    # apart at the 2020 session (AAA signed the supporting, CCC the critical statement) and in the 2021 vote
    assert ac["sign"] == -1 and ac["acts_opposite"] == " ".join(
        ACT + a for a in ("w-2020-critical", "w-2020-support", "w-2021-vote"))
    [path], _ = export_file(world.graph, tmp_path / "a.graphml", view="signed", filters=SYL, by_occasion=False)
    g_act = nx.read_graphml(path)
    assert g_act.number_of_edges() == SIGNED_BY_ACT[1] and g_act.edges["AAA", "CCC"]["acts_opposite"] == ACT + "w-2021-vote"
    for _, _, d in g.edges(data=True):
        assert (d.get("acts_same", "") + " " + d.get("acts_opposite", "")).strip().startswith(ACT)


def test_cytoscape_json_lists_acts_and_describes_them(world, tmp_path):
    [path], _ = export_file(world.graph, tmp_path / "g.json", view="bipartite", filters=SYL)
    doc = json.loads(path.read_text(encoding="utf-8"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert (len(nodes), len(edges)) == EXPECTED["bipartite"]
    assert all(e["data"]["act"].startswith(ACT) for e in edges)
    assert doc["data"]["acts"][ACT + "w-2021-vote"]["date"] == "2021-03-15"
    g = nx.cytoscape_graph(doc)
    assert g.has_edge("BBB", ACT + "w-2021-vote")


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_folder_has_three_tables(world, tmp_path):
    written, _ = export_file(world.graph, tmp_path / "tables", fmt="csv", filters=SYL)
    assert [p.name for p in written] == ["edges.csv", "blocs.csv", "years.csv"]
    edges = {(r["source"], r["target"]): r for r in _read(tmp_path / "tables" / "edges.csv")}
    assert len(edges) == EXPECTED["coalition"][1]
    assert set(edges["AAA", "BBB"]["acts"].split()) == AB_ACTS
    assert (edges["AAA", "BBB"]["first"], edges["AAA", "BBB"]["last"]) == ("2020-07-01", "2022-10-20")
    blocs = _read(tmp_path / "tables" / "blocs.csv")
    assert [r["iso3"] for r in blocs] == ["AAA", "BBB", "CCC", "DDD", "EEE"]
    years = _read(tmp_path / "tables" / "years.csv")
    # 2020: AB (support) + CD CE DE (critical); 2021: CD CE DE (yes); 2022: AB AE BE
    by_year = {y: sorted((r["source"], r["target"]) for r in years if r["year"] == y) for y in ("2020", "2021", "2022")}
    assert by_year == {"2020": [("AAA", "BBB"), ("CCC", "DDD"), ("CCC", "EEE"), ("DDD", "EEE")],
                       "2021": [("CCC", "DDD"), ("CCC", "EEE"), ("DDD", "EEE")],
                       "2022": [("AAA", "BBB"), ("AAA", "EEE"), ("BBB", "EEE")]}
    assert all(r["acts"].startswith(ACT) for r in years)


def test_csv_single_table_and_errors(world, tmp_path):
    [path], _ = export_file(world.graph, tmp_path / "e.csv", table="edges", filters=SYL)
    assert len(_read(path)) == EXPECTED["coalition"][1]
    with pytest.raises(InputError, match="only applies to --format csv"):
        export_file(world.graph, tmp_path / "g.gexf", table="edges", filters=SYL)
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        export_file(world.graph, tmp_path / "file.txt", fmt="csv", filters=SYL)
    with pytest.raises(InputError, match="cannot tell the output format"):
        export_file(world.graph, tmp_path / "g.xyz", filters=SYL)
