"""The Human Rights Council's recorded votes: reading (CSV and SQLite), the graph, every analysis, the audit, the errors.

The fixture and its hand-derived answers are drawn in tests/hrc_support.py.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.errors import DataError, InputError, UnknownStateError
from graphkit.graph.states import load_states
from graphkit.sources.hrc import DATASET, read_hrc
from graphkit.sources.hrc.curated import curated_votes
from graphkit.store.embedded import open_store
from hrc_support import HRC_CSV, HRC_DIR, make_sqlite
from sparql_support import empty_store

GK = "https://w3id.org/graphkit/ontology#"
ID = "https://w3id.org/graphkit/id/"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def hrc_store(tmp_path_factory):
    """The fixture imported by `graphkit import hrc` from its CSV files, as a user would."""
    store = tmp_path_factory.mktemp("hrc") / "store"
    result = run("import", "hrc", *HRC_CSV, "--store", store, "--quiet")
    assert result.exit_code == 0, result.output
    return store


# ---------------------------------------------------------------- reading

def test_csv_and_sqlite_give_the_same_table(tmp_path):
    states = load_states()
    from_csv = read_hrc(*HRC_CSV, identity=states)
    from_db = read_hrc(make_sqlite(tmp_path / "votes.sqlite3"), identity=states)
    key = ["rcid", "key"]
    assert from_csv.votes.sort_values(key)[key + ["value"]].values.tolist() == \
        from_db.votes.sort_values(key)[key + ["value"]].values.tolist()
    assert list(from_csv.roll_calls.index) == list(from_db.roll_calls.index)
    assert from_db.roll_calls.loc["A-HRC-RES-40-1", "locator"] == "table resolutions, rowid 2"
    assert from_csv.roll_calls.loc["A-HRC-RES-40-1", "locator"] == "hrc_resolutions.csv line 3"


def test_each_record_has_session_kind_outcome_title_and_item():
    rc = read_hrc(*HRC_CSV, identity=load_states()).roll_calls
    got = {r: (None if str(x.session) == "<NA>" else int(x.session), x.record_kind, bool(x.adopted), x.issues)
           for r, x in rc.iterrows()}
    assert got == {
        "A-HRC-DEC-1-106": (1, "decision", True, ()),             # 2006: item 4 was not yet "situations"
        "A-HRC-RES-40-1": (40, "resolution", True, ("item4",)),
        "A-HRC-41-L.5": (41, "amendment", False, ("item3",)),
        "A-HRC-RES-S-30-1": (None, "resolution", True, ()),       # a special session: no regular session
        "A-HRC-50-L.40": (50, "amendment", False, ("item3",)),
        "A-HRC-RES-51-1": (51, "resolution", True, ("item2",)),
        "A-HRC-RES-51-25": (51, "resolution", True, ("item4",)),
    }
    assert rc.loc["A-HRC-RES-40-1", "short"] == "Situation of human rights in Myanmar"
    assert rc.loc["A-HRC-RES-S-30-1", "special"] == 30


def test_no_vote_is_kept_apart_not_a_position():
    t = read_hrc(*HRC_CSV, identity=load_states())
    assert t.non_votes[["rcid", "key"]].values.tolist() == [["A-HRC-RES-51-1", "PAK"]]
    assert not ((t.votes["rcid"] == "A-HRC-RES-51-1") & (t.votes["key"] == "PAK")).any()
    assert len(t.votes) == 33


def test_the_curated_vote_of_6_october_2022_is_named_as_missing():
    t = read_hrc(*HRC_CSV, identity=load_states(), curated=curated_votes_shipped())
    assert any("hrc51-2022-10-06-xinjiang-debate-vote (A/HRC/51/L.6, 2022-10-06) has no record in this file" in n
               for n in t.notes)
    assert not [q for q in t.extra_quads if q.predicate.value == GK + "sameVoteAs"]


def curated_votes_shipped():
    from graphkit.resources import DEFAULT_DATA
    return curated_votes(DEFAULT_DATA)


# ---------------------------------------------------------------- the graph

def test_import_writes_provenance_no_votes_and_subjects(hrc_store):
    s = open_store(hrc_store, read_only=True)
    g = f"<{DATASET.graph}>"
    ask = lambda body: s.query(f"PREFIX gk: <{GK}> ASK {{ GRAPH {g} {{ {body} }} }}")  # noqa: E731
    assert ask(f"<{ID}position/hrc-A-HRC-RES-51-1/noVote> gk:stance gk:noVote ; gk:participant <{ID}state/PAK> ; "
               f"gk:act <{ID}act/hrc-A-HRC-RES-51-1> ; gk:role gk:voter")
    assert ask(f"<{ID}act/hrc-A-HRC-RES-51-25> gk:concerns <{ID}state/RUS> ; gk:adopted true ; "
               "gk:recordKind \"resolution\" ; gk:symbol \"A/HRC/RES/51/25\"")
    assert ask(f"<{ID}act/hrc-A-HRC-RES-40-1> gk:topic <{ID}topic/un-subject-myanmar> ; gk:topic <{ID}topic/hrc-item4>")
    assert ask(f"<{ID}act/hrc-A-HRC-RES-S-30-1> gk:specialSession 30")
    comments = [c.value for (c,) in s.query(f"SELECT ?c WHERE {{ GRAPH {g} {{ <{DATASET.dataset_iri}> "
                                            "<http://www.w3.org/2000/01/rdf-schema#comment> ?c } }")]
    assert any("tsujamin/unhrc-nominate" in c and "9c7d142b8889a18f11b1dfe7e1530000e7c2b90f" in c for c in comments)
    assert any("Licence: none stated" in c for c in comments)
    excerpt = next(iter(s.query(f"PREFIX gk: <{GK}> SELECT ?e WHERE {{ GRAPH {g} {{ <{ID}act/hrc-A-HRC-41-L.5> gk:evidence/gk:excerpt ?e }} }}")))[0]
    assert "symbol A/HRC/41/L.5" in excerpt.value and "hrc_resolutions.csv line 4" in excerpt.value


def test_reimport_replaces_the_graph(tmp_path):
    store = tmp_path / "store"
    first = run("import", "hrc", *HRC_CSV, "--store", store, "--quiet")
    db = make_sqlite(tmp_path / "v.sqlite3")
    second = run("import", "hrc", db, "--store", store, "--quiet")
    assert first.exit_code == second.exit_code == 0
    assert "imported 33 votes on 7 records" in second.output and "1 non-votes kept as gk:noVote" in second.output
    s = open_store(store, read_only=True)
    n = len(list(s.quads_for_pattern(None, ox.NamedNode(GK + "participant"), None, ox.NamedNode(DATASET.graph))))
    assert n == 34                                                   # 33 votes + 1 NO_VOTE, once


# ---------------------------------------------------------------- the analyses

def test_compare_counts_only_votes_both_cast_as_members(hrc_store):
    r = run("compare", "FRA", "CHN", "PAK", "RUS", "--source", "hrc", "--store", hrc_store, "--format", "csv")
    assert r.exit_code == 0, r.output
    pairs = {(x["a"], x["b"]): x for x in rows(r.output)}
    assert pairs[("FRA", "CHN")]["n"] == "6" and float(pairs[("FRA", "CHN")]["share"]) == 0.0
    assert float(pairs[("FRA", "CHN")]["s"]) == pytest.approx(-5 / 6, abs=1e-3)
    assert pairs[("CHN", "RUS")]["n"] == "2" and float(pairs[("CHN", "RUS")]["share"]) == 1.0
    assert pairs[("FRA", "PAK")]["n"] == "5" and float(pairs[("FRA", "PAK")]["s"]) == pytest.approx(-0.4)
    text = run("compare", "CHN", "RUS", "--source", "hrc", "--store", hrc_store).output
    assert "47 members change every year" in text and "as members in the same vote" in text


def test_state_lists_the_votes_with_symbols(hrc_store):
    r = run("state", "CHN", "--source", "hrc", "--store", hrc_store)
    assert r.exit_code == 0, r.output
    assert "China (CHN): voted on 6 of 6 recorded votes — 3 yes, 3 no, 0 abstaining" in r.output
    for symbol in ("A/HRC/DEC/1/106", "A/HRC/RES/40/1", "A/HRC/41/L.5", "A/HRC/RES/S-30/1", "A/HRC/RES/51/1", "A/HRC/RES/51/25"):
        assert symbol in r.output


def test_explain_gives_each_vote_with_symbol_and_provenance(hrc_store):
    r = run("explain", "FRA", "CHN", "--source", "hrc", "--store", hrc_store, "--format", "json")
    assert r.exit_code == 0, r.output
    pair = json.loads(r.output)
    assert pair["n"] == 6 and pair["provenance"]["dataset"].startswith("UN Human Rights Council recorded votes")
    row = next(x for x in pair["both"] if x["symbol"] == "A/HRC/RES/40/1")
    assert (row["vote_a"], row["vote_b"], row["agree"]) == ("yes", "no", False)
    assert row["excerpt"].startswith("rcid A-HRC-RES-40-1; session 40; date 2019-03-22; symbol A/HRC/RES/40/1")
    assert row["position_a"] == f"{ID}position/hrc-A-HRC-RES-40-1/yes"          # France's side of the vote
    assert row["position_b"] == f"{ID}position/hrc-A-HRC-RES-40-1/no"


def test_blocs_camps_and_render_on_the_council(hrc_store, tmp_path):
    r = run("blocs", "--source", "hrc", "--since", "2018", "--store", hrc_store, "--min-n", "1", "--format", "csv")
    assert r.exit_code == 0, r.output
    blocs = rows(r.output)
    assert blocs and {m for b in blocs for m in b["members"].split()} <= {"CHN", "CUB", "FRA", "GBR", "PAK", "USA", "RUS"}
    out = tmp_path / "x.html"
    r = run("render", "--source", "hrc", "--since", "2020", "-o", out, "--store", hrc_store)
    assert r.exit_code == 0 and out.stat().st_size > 10_000, r.output
    r = run("camps", "--camps-of", "CHN", "--source", "hrc", "--store", hrc_store, "--min-votes", "0", "--format", "json")
    assert r.exit_code == 0, r.output


def test_all_sources_together(hrc_store):
    r = run("compare", "FRA", "CHN", "--source", "all", "--store", hrc_store, "--format", "json")
    assert r.exit_code == 0, r.output
    text = run("compare", "FRA", "CHN", "--source", "all", "--store", hrc_store).output
    assert "hrc: an item is one recorded vote of the Human Rights Council" in text
    assert "unga left out" in text and "unsc left out" in text


# ---------------------------------------------------------------- the same vote twice

@pytest.fixture
def with_l6(tmp_path):
    """The fixture plus a record of A/HRC/51/L.6 on 6 October 2022: the curated act's vote, as if the file had it."""
    d = tmp_path / "hrc"
    shutil.copytree(HRC_DIR, d)
    with (d / "hrc_resolutions.csv").open("a", encoding="utf-8") as fh:
        fh.write('A/HRC/51/L.6,2022/10/06,"Debate on the situation of human rights in Xinjiang :decision /Human Rights '
                 'Council at its 51st session","A/HRC/51/2 -2.Annual report of the United Nations High Commissioner for '
                 'Human Rights and reports of the Office of the High Commissioner and the Secretary-General -CHINA",0,decision\n')
    with (d / "hrc_votes.csv").open("a", encoding="utf-8") as fh:
        fh.write("A/HRC/51/L.6,CHN,NO\nA/HRC/51/L.6,CUB,NO\nA/HRC/51/L.6,FRA,YES\nA/HRC/51/L.6,GBR,YES\n"
                 "A/HRC/51/L.6,PAK,NO\nA/HRC/51/L.6,USA,YES\n")
    return d


def test_a_record_of_the_curated_vote_is_linked_and_counted_once(with_l6, tmp_path):
    store = tmp_path / "store"
    assert run("build", "--store", store).exit_code == 0          # the curated act the record is linked to
    r = run("import", "hrc", *(with_l6 / p.name for p in HRC_CSV), "--store", store, "--quiet")
    assert r.exit_code == 0, r.output
    assert "record A-HRC-51-L.6 (A/HRC/51/L.6) is the same vote as the curated act hrc51-2022-10-06-xinjiang-debate-vote" in r.output
    s = open_store(store, read_only=True)
    assert s.query(f"ASK {{ GRAPH ?g {{ <{ID}act/hrc-A-HRC-51-L.6> <{GK}sameVoteAs> <{ID}act/hrc51-2022-10-06-xinjiang-debate-vote> }} }}")
    alone = json.loads(run("explain", "FRA", "PAK", "--source", "hrc", "--store", store, "--format", "json").output)
    both = run("explain", "FRA", "PAK", "--source", "all", "--store", store, "--format", "json")
    pair = json.loads(both.output)
    symbols = [x["symbol"] for x in pair["both"]]
    assert "A/HRC/51/L.6" in [x["symbol"] for x in alone["both"]] and "A/HRC/51/L.6" not in symbols
    assert "counted once, as the curated act: A/HRC/51/L.6" in pair["note"]
    audit = rows(run("audit", "--store", store, "--format", "csv").output)
    tallies = {(f["what"], f["votes_say"], f["reported"]) for f in audit if f["kind"] == "tally" and f["act"]}
    assert tallies == {("yes", "3", "17"), ("no", "3", "19"), ("abstain", "0", "11")}   # curated: 17 / 19 / 11
    assert not [f for f in audit if f["kind"] == "missing"]


# ---------------------------------------------------------------- the audit

def test_audit_lists_empty_and_short_records_and_the_missing_curated_vote(hrc_store):
    r = run("audit", "--store", hrc_store, "--format", "csv")
    assert r.exit_code == 0, r.output
    found = rows(r.output)
    assert [(f["symbol"], f["votes_say"]) for f in found if f["kind"] == "no votes"] == [("A/HRC/50/L.40", "0")]
    short = {f["symbol"]: f["votes_say"] for f in found if f["kind"] == "short"}
    assert short == {"A/HRC/41/L.5": "5", "A/HRC/DEC/1/106": "6", "A/HRC/RES/40/1": "5", "A/HRC/RES/51/1": "6",
                     "A/HRC/RES/51/25": "6", "A/HRC/RES/S-30/1": "6"}           # the NO_VOTE counts as a member recorded
    missing = [f for f in found if f["kind"] == "missing"]
    assert [(f["symbol"], f["act"]) for f in missing] == [("A/HRC/51/L.6", "hrc51-2022-10-06-xinjiang-debate-vote")]
    assert "the curated act stays the only record of that vote" in missing[0]["note"]
    text = run("audit", "--store", hrc_store).output
    assert "1 records without votes, 6 with fewer members recorded than the body's seats, 1 curated votes" in text


# ---------------------------------------------------------------- bad input: file:line, what is valid, exit 2, nothing imported

def _broken(tmp_path, name, old, new):
    d = tmp_path / "hrc"
    if not d.exists():
        shutil.copytree(HRC_DIR, d)
    p = d / name
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [d / q.name for q in HRC_CSV]


@pytest.mark.parametrize("name,old,new,message,line", [
    ("hrc_votes.csv", "A/HRC/RES/40/1,PAK,ABSTAIN", "A/HRC/RES/40/1,PAK,MAYBE",
     "unknown vote code 'MAYBE' — valid: 'YES', 'NO', 'ABSTAIN', 'NO_VOTE'", 12),
    ("hrc_votes.csv", "A/HRC/RES/40/1,PAK,ABSTAIN", "A/HRC/RES/99/1,PAK,ABSTAIN",
     "vote for record 'A/HRC/RES/99/1', which is not in the resolutions table", 12),
    ("hrc_votes.csv", "A/HRC/RES/40/1,PAK,ABSTAIN", "A/HRC/RES/40/1,FRA,ABSTAIN",
     "duplicated vote: FRA (FRA) votes twice on A/HRC/RES/40/1 (first at line 10)", 12),
    ("hrc_votes.csv", "A/HRC/RES/40/1,PAK,ABSTAIN", "A/HRC/RES/40/1,XXX,ABSTAIN",
     "country code 'XXX' is not in the countries table", 12),
    ("hrc_resolutions.csv", "2019/03/22", "2019/13/22", "vote_date '2019/13/22' is not a date — write YYYY/MM/DD", 3),
    ("hrc_resolutions.csv", "MYANMAR\",1,", "MYANMAR\",yes,", "passed 'yes' is neither 0 nor 1 — 1 adopted, 0 rejected", 3),
    ("hrc_countries.csv", "PAK,Pakistan", "PAQ,Pakistan", "country code 'PAQ' denotes no state or historic entity", 6),
])
def test_bad_csv_input_names_file_and_line_and_imports_nothing(tmp_path, name, old, new, message, line):
    files = _broken(tmp_path, name, old, new)
    store = tmp_path / "store"
    r = run("import", "hrc", *files, "--store", store, "--quiet")
    assert r.exit_code == 2, r.output
    assert f"{name}:{line}: " in r.output and message in r.output and "Traceback" not in r.output
    assert not store.exists() or ox.NamedNode(DATASET.graph) not in set(open_store(store, read_only=True).named_graphs())


def test_an_unmapped_code_without_countries_table_says_what_is_valid(tmp_path):
    files = _broken(tmp_path, "hrc_votes.csv", "A/HRC/RES/40/1,PAK,ABSTAIN", "A/HRC/RES/40/1,XXX,ABSTAIN")
    with pytest.raises(UnknownStateError) as err:
        read_hrc(files[0], files[1], identity=load_states())
    assert err.value.line == 12 and "ISO 3166-1 alpha-3" in str(err.value)


def test_bad_sqlite_input_names_table_and_rowid(tmp_path):
    db = make_sqlite(tmp_path / "v.sqlite3")
    con = sqlite3.connect(db)
    con.execute("UPDATE votes SET vote = 'MAYBE' WHERE resolution_name = 'A/HRC/RES/40/1' AND country_short = 'PAK'")
    con.commit()
    con.close()
    r = run("import", "hrc", db, "--store", tmp_path / "store", "--quiet")
    assert r.exit_code == 2
    assert "[table votes, rowid 11]: unknown vote code 'MAYBE'" in r.output


def test_wrong_files_are_refused(tmp_path):
    r = run("import", "hrc", HRC_CSV[0], "--store", tmp_path / "s")
    assert r.exit_code == 2 and "needs its resolutions file" in r.output
    db = make_sqlite(tmp_path / "v.sqlite3")
    r = run("import", "hrc", db, HRC_CSV[1], "--store", tmp_path / "s")
    assert r.exit_code == 2 and "give it alone" in r.output
    bad = tmp_path / "bad.sqlite3"
    con = sqlite3.connect(bad)
    con.execute("CREATE TABLE votes (resolution_name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(InputError, match="table votes has no column"):
        read_hrc(bad, identity=load_states())
    with pytest.raises(DataError):
        read_hrc(*_broken(tmp_path, "hrc_resolutions.csv", "A/HRC/RES/51/25,", "A/HRC/RES/51/1,"), identity=load_states())


def test_source_hrc_before_any_import_says_what_to_run(tmp_path):
    r = run("compare", "FRA", "CHN", "--source", "hrc", "--store", empty_store(tmp_path / "store"))
    assert r.exit_code == 2 and "graphkit import hrc" in r.output
