"""The Security Council's vetoes: reading, members by date, the standing facts, the analyses, the audit, the errors.

The fixture and its hand-derived answers are drawn in tests/hrc_support.py.
"""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.graph.states import load_states
from graphkit.resources import DEFAULT_DATA
from graphkit.sources.unsc import DATASET, read_vetoes, veto_memberships
from graphkit.store.embedded import open_store
from hrc_support import UNSC_FILE

GK = "https://w3id.org/graphkit/ontology#"
ID = "https://w3id.org/graphkit/id/"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def unsc_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("unsc") / "store"
    r = run("import", "unsc-vetoes", UNSC_FILE, "--store", store, "--quiet")
    assert r.exit_code == 0, r.output
    assert "imported 14 votes on 9 records" in r.output
    assert "2 record(s) where the file's 0/1 columns and its member_veto columns disagree" in r.output
    return store


def test_members_resolve_by_date_and_physical_lines_are_kept():
    t = read_vetoes(UNSC_FILE, identity=load_states())
    per_member = t.votes.groupby("key").size().to_dict()
    assert per_member == {"SUN": 3, "FRA": 2, "USA": 2, "GBR": 1, "CHN": 3, "RUS": 3}
    assert list(t.roll_calls.index[:3]) == ["1946-02-16", "1946-06-26-1", "1946-06-26-2"]
    assert t.roll_calls.loc["2022-05-26", "line"] == 10            # after the record spanning lines 8–9
    assert t.roll_calls.loc["2020-07-07", "symbol"] == "S/2020/654"
    assert t.roll_calls["no"].tolist() == [1, 1, 1, 0, 2, 2, 2, 2, 1]   # the 0/1 columns' count per draft


def test_vetoes_are_positions_with_role_veto_linked_to_the_standing_facts(unsc_store):
    s = open_store(unsc_store, read_only=True)
    g = f"<{DATASET.graph}>"

    def select(q, variables="*"):
        return [tuple(t.value for t in r) for r in s.query(f"PREFIX gk: <{GK}> SELECT {variables} WHERE {{ GRAPH {g} {{ {q} }} }}")]
    linked = select("?p gk:role gk:veto ; gk:stance gk:no ; gk:participant ?who ; gk:underMembership ?m", "?p ?who ?m")
    by_state = {}
    for p, who, m in linked:
        by_state.setdefault(who.rsplit("/", 1)[1], set()).add(m)
    assert by_state == {"CHN": {f"{ID}membership/CHN-unsc"}, "RUS": {f"{ID}membership/RUS-unsc"},
                        "FRA": {f"{ID}membership/FRA-unsc"}, "GBR": {f"{ID}membership/GBR-unsc"},
                        "USA": {f"{ID}membership/USA-unsc"}}          # the USSR's vetoes have no membership node
    assert len(select("?p gk:role gk:veto")) == 14
    assert select(f"<{ID}act/unsc-vetoes-2020-07-07> gk:meetingRecord ?m ; gk:agendaItem ?a ; gk:symbol ?s ; gk:adopted ?x",
                  "?m ?a ?s ?x")[0] == \
        ("S/2020/661 S/2020/657", "Humanitarian access to Syria", "S/2020/654", "false")


def test_veto_memberships_come_from_the_standing_file():
    assert veto_memberships(DEFAULT_DATA)["CHN"] == f"{ID}membership/CHN-unsc"


def test_state_reports_chinas_vetoes_with_dates_and_drafts(unsc_store):
    r = run("state", "CHN", "--source", "unsc", "--store", unsc_store)
    assert r.exit_code == 0, r.output
    assert "China (CHN): vetoed 3 of the 9 vetoed drafts, 2011-10-04 to 2022-05-26" in r.output
    for day, draft in (("2011-10-04", "S/2011/612"), ("2020-07-07", "S/2020/654"), ("2022-05-26", "S/2022/431")):
        assert any(day in line and draft in line and "veto" in line for line in r.output.splitlines())
    data = json.loads(run("state", "CHN", "--source", "unsc", "--store", unsc_store, "--format", "json").output)
    assert [(p["date"], p["symbol"], p["vote"]) for p in data["positions"]] == [
        ("2011-10-04", "S/2011/612", "veto"), ("2020-07-07", "S/2020/654", "veto"), ("2022-05-26", "S/2022/431", "veto")]


def test_compare_and_successors(unsc_store):
    r = run("compare", "CHN", "RUS", "USA", "--source", "unsc", "--store", unsc_store, "--format", "csv")
    pairs = {(x["a"], x["b"]): x for x in rows(r.output)}
    assert pairs[("CHN", "RUS")]["n"] == "3" and float(pairs[("CHN", "RUS")]["share"]) == 1.0
    assert pairs[("CHN", "USA")]["n"] == "0"
    merged = json.loads(run("state", "RUS", "--source", "unsc", "--merge-successors", "--store", unsc_store,
                            "--format", "json").output)
    assert merged["no"] == 6                                       # USSR 3 + Russia 3


def test_audit_lists_the_drafts_where_the_two_codings_disagree(unsc_store):
    found = rows(run("audit", "--store", unsc_store, "--format", "csv").output)
    assert [(f["symbol"], f["what"], f["votes_say"], f["reported"]) for f in found if f["kind"] == "tally"] == [
        ("S/11967", "no", "1", "0"), ("S/14459", "no", "3", "2")]


@pytest.mark.parametrize("old,new,message,line", [
    ("1981,4/30/1981", "1981,4/31/1981", "date '4/31/1981' is not a date — write M/D/YYYY", 6),
    ("Namibia,Africa,USA,UK,France", "Namibia,Africa,USA,UK,Frankreich", "unknown member 'Frankreich' — valid: China", 6),
    ("Namibia,Africa,USA,UK,France", "Namibia,Africa,USA,UK,Russia", "member 'Russia' denotes no entity on 1981-04-30", 6),
    ("Namibia,Africa,USA,UK,France", "Namibia,Africa,USA,UK,USA", "duplicated vote: USA vetoes draft 'S/14459' twice", 6),
    ("DPRK,Asia,China,Russia,,0,1,1", "DPRK,Asia,China,Russia,,0,1,yes", "column China: 'yes' is not a 0/1 flag", 10),
    ("Israel-Palestine,Middle East,USA,,,1,0,0,0,0,0,1", "Israel-Palestine,Middle East,,,,1,0,0,0,0,0,0",
     "draft 'S/2018/516' names no vetoing member", 11),
])
def test_bad_input_names_file_and_physical_line_and_imports_nothing(tmp_path, old, new, message, line):
    text = UNSC_FILE.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "vetoes.csv"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    store = tmp_path / "store"
    r = run("import", "unsc-vetoes", bad, "--store", store, "--quiet")
    assert r.exit_code == 2, r.output
    assert f"vetoes.csv:{line}: " in r.output and message in r.output and "Traceback" not in r.output
    assert not store.exists() or ox.NamedNode(DATASET.graph) not in set(open_store(store, read_only=True).named_graphs())


def test_a_missing_column_is_named(tmp_path):
    bad = tmp_path / "v.csv"
    bad.write_text(UNSC_FILE.read_text(encoding="utf-8").replace("member_veto1", "member1", 1), encoding="utf-8")
    r = run("import", "unsc-vetoes", bad, "--store", tmp_path / "s")
    assert r.exit_code == 2 and "v.csv:1: missing column(s) member_veto1" in r.output
