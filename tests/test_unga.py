"""The UN GA votes source on the synthetic fixture (tests/unga/, drawn in tests/unga_support.py).

Expected values are derived by hand from the fixture's table, not copied from output.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import numpy as np
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.errors import DataError, InputError, UnknownStateError
from graphkit.analysis.camps import camp_agreement
from graphkit.analysis.drift import drift
from graphkit.analysis.pairs import agreement_table
from graphkit.sources.votes.audit import audit
from graphkit.graph.states import load_states
from graphkit.sources.votes.matrix import table_matrix
from graphkit.sources.unga.readers import DATASETS, read_undl, read_voeten
from graphkit.store.embedded import open_store
from graphkit.store.votes import cache_path, import_table, read_votes, store_table
from unga_support import FIXTURE_DIR, fixture_identity, fixture_table

VOETEN = FIXTURE_DIR / "voeten"
UNDL = FIXTURE_DIR / "undl" / "votes.csv"
G_VOETEN = ox.NamedNode("https://w3id.org/graphkit/id/graph/unga-voeten")
G_UNDL = ox.NamedNode("https://w3id.org/graphkit/id/graph/unga-undl")


@pytest.fixture
def voeten_copy(tmp_path) -> Path:
    target = tmp_path / "voeten"
    shutil.copytree(VOETEN, target)
    return target


def _read(d: Path):
    return read_voeten(d / "votes.csv", d / "roll_calls.csv", d / "issues.csv", identity=fixture_identity())


def _graph_size(store_dir, graph=G_VOETEN) -> int:
    return sum(1 for _ in open_store(store_dir, read_only=True).quads_for_pattern(None, None, None, graph))


# ---- reading and identity

def test_codes_resolve_to_the_entity_that_voted_at_the_date():
    votes = fixture_table().votes
    key = {(r, c): k for r, c, k in zip(votes.rcid, votes.code, votes.key)}
    assert key[("101", "RU")] == key[("102", "RU")] == "SUN"   # 1971, 1990: the USSR
    assert key[("103", "RU")] == "RUS"                        # 2016: Russia
    assert key[("101", "TW")] == "ROC"                        # the China seat before 2758
    assert key[("102", "FRG")] == "DEU"                       # FRG code after 3 Oct 1990: united Germany


def test_dates_of_old_sessions_are_month_precise():
    rc = fixture_table().roll_calls
    assert (rc.at["101", "precision"], str(rc.at["101", "date"].date())) == ("month", "1971-10-01")
    assert (rc.at["103", "precision"], str(rc.at["103", "date"].date())) == ("day", "2016-12-21")
    assert rc.at["104", "issues"] == ("hr", "me")


def test_undl_layout_skips_non_votes_and_keeps_tallies():
    t = fixture_table("undl")
    assert (len(t.votes), t.skipped) == (10, 2)             # 12 rows, ZWE NV and empty
    assert (t.roll_calls.at["9003", "no"], t.roll_calls.at["9003", "session"]) == (2, 71)


def test_identity_periods_of_one_code_never_overlap():
    ident = load_states()
    by_code: dict = {}
    for a in ident.assignments:
        by_code.setdefault((a.code_list, a.code), []).append(a)
    for periods in by_code.values():
        for before, after in zip(periods, periods[1:]):
            assert before.end is not None and after.start is not None and before.end < after.start
    assert ident.merge_key("SUN") == "RUS" and ident.merge_key("ROC") == "CHN" and ident.merge_key("YUG") == "YUG"


# ---- bad rows: a clear error naming file and line

@pytest.mark.parametrize("name, old, new, error, line, words", [
    ("votes.csv", "103,FR,France,yes", "103,FR,France,maybe", DataError, 12, "unknown vote code 'maybe'"),
    ("votes.csv", "104,DE,Germany,abstain", "105,DE,Germany,abstain", DataError, 20, "roll call '105'"),
    ("votes.csv", "104,DE,Germany,abstain", "104,US,United States,abstain", DataError, 20, "votes twice"),
    ("votes.csv", "103,CN,China,no", "103,XX,Nowhere,no", UnknownStateError, 14, "'XX'"),
    ("votes.csv", "103,CN,China,no", "103,ZAN,Zanzibar,no", UnknownStateError, 14, "no entity on 2016-12-21"),
    ("roll_calls.csv", "104,74,,2019-12-18", "104,74,,2019-13-18", DataError, 5, "not a date"),
    ("issues.csv", "103,hr", "999,hr", DataError, 3, "999"),
])
def test_bad_row_names_file_and_line(voeten_copy, name, old, new, error, line, words):
    f = voeten_copy / name
    text = f.read_text()
    assert old in text
    f.write_text(text.replace(old, new))
    with pytest.raises(error) as err:
        _read(voeten_copy)
    assert err.value.file.endswith(name) and err.value.line == line
    assert words in str(err.value)


@pytest.mark.parametrize("old, new, line, words", [
    ("9004,ZWE,ZIMBABWE,,", "9004,ZWE,ZIMBABWE,Q,", 13, "unknown vote code 'Q'"),
    ("9003,DEU,GERMANY,Y,2016-12-21", "9003,DEU,GERMANY,Y,2016-12-22", 6, "differs from its first row"),
    ("9003,CHN,CHINA,N", "9 003,CHN,CHINA,N", 5, "record id '9 003'"),
    ("9003,CHN,CHINA,N", "9003,CHI,CHINA,N", 5, "'CHI'"),
])
def test_undl_bad_row_names_file_and_line(tmp_path, old, new, line, words):
    f = tmp_path / "undl.csv"
    text = UNDL.read_text()
    assert old in text
    f.write_text(text.replace(old, new, 1))
    with pytest.raises(DataError) as err:
        read_undl(f, identity=fixture_identity())
    assert err.value.file.endswith("undl.csv") and err.value.line == line and words in str(err.value)


def test_gzip_and_plain_read_the_same(voeten_copy):
    import gzip
    plain = _read(voeten_copy)
    data = (voeten_copy / "votes.csv").read_bytes()
    (voeten_copy / "votes.csv").unlink()
    with gzip.open(voeten_copy / "votes.csv.gz", "wb") as fh:
        fh.write(data)
    packed = read_voeten(voeten_copy / "votes.csv.gz", voeten_copy / "roll_calls.csv", voeten_copy / "issues.csv",
                         identity=fixture_identity())
    assert packed.votes[["rcid", "key", "value"]].equals(plain.votes[["rcid", "key", "value"]])


def test_missing_column_is_an_input_error(voeten_copy):
    f = voeten_copy / "votes.csv"
    f.write_text(f.read_text().replace("country_code", "iso"))
    with pytest.raises(InputError, match="country_code"):
        _read(voeten_copy)


# ---- the store: replace one graph, never duplicate, never touch the others

def test_reimport_replaces_the_graph_and_leaves_other_graphs(tmp_path, world):
    from graphkit.store.embedded import load_build
    store_dir = tmp_path / "store"
    load_build(world, store_dir)                       # the curated graphs of the tiny world
    curated = {g.value for g in open_store(store_dir, read_only=True).named_graphs()}
    first = import_table(fixture_table(), store_dir, release="fixture")
    second = import_table(fixture_table(), store_dir, release="fixture")
    assert first.quads == second.quads == _graph_size(store_dir)
    s = open_store(store_dir, read_only=True)
    GK = "https://w3id.org/graphkit/ontology#"
    # one participant quad per vote (19); one position per side of each roll call: 2 + 3 + 2 + 3 sides
    assert len(list(s.quads_for_pattern(None, ox.NamedNode(GK + "participant"), None, G_VOETEN))) == 19
    assert len(list(s.quads_for_pattern(None, ox.NamedNode(GK + "act"), None, G_VOETEN))) == 10
    assert {g.value for g in s.named_graphs()} == curated | {G_VOETEN.value}
    del s
    undl = import_table(fixture_table("undl"), store_dir, release="fixture")
    assert undl.votes == 10 and first.quads == _graph_size(store_dir)
    assert {g.value for g in open_store(store_dir, read_only=True).named_graphs()} == curated | {G_VOETEN.value, G_UNDL.value}


def test_an_open_store_is_written_in_place(tmp_path):
    s = ox.Store()
    first = import_table(fixture_table(), release="fixture", store=s)
    second = import_table(fixture_table(), release="fixture", store=s)
    assert first.quads == second.quads == sum(1 for _ in s.quads_for_pattern(None, None, None, G_VOETEN))


def test_bad_file_imports_nothing(voeten_copy, tmp_path):
    store_dir = tmp_path / "store"
    runner = CliRunner()
    ok = runner.invoke(main, ["import", "unga", *(str(voeten_copy / n) for n in ("votes.csv", "roll_calls.csv", "issues.csv")),
                              "--store", str(store_dir), "--quiet"])
    assert ok.exit_code == 0, ok.output
    before = _graph_size(store_dir)
    f = voeten_copy / "votes.csv"
    f.write_text(f.read_text() + "104,GB,United Kingdom,perhaps,200\n")
    bad = runner.invoke(main, ["import", "unga", *(str(voeten_copy / n) for n in ("votes.csv", "roll_calls.csv")),
                               "--store", str(store_dir), "--quiet"])
    assert bad.exit_code == 2
    assert "votes.csv:21" in bad.output and "perhaps" in bad.output
    assert _graph_size(store_dir) == before          # the earlier import is intact, nothing half-written


def test_votes_stay_queryable_in_sparql(tmp_path):
    import_table(fixture_table(), tmp_path / "store", release="fixture")
    s = open_store(tmp_path / "store", read_only=True)
    q = """PREFIX gk: <https://w3id.org/graphkit/ontology#> PREFIX state: <https://w3id.org/graphkit/id/state/>
    SELECT (COUNT(*) AS ?n) (SUM(IF(?s1 = ?s2, 1, 0)) AS ?agree) WHERE {
      { SELECT ?rc ?s1 WHERE { ?a gk:participant state:USA ; gk:act ?rc ; gk:stance ?s1 } }
      { SELECT ?rc ?s2 WHERE { ?b gk:participant state:FRA ; gk:act ?rc ; gk:stance ?s2 } } }"""
    (n, agree), = [(int(a.value), int(b.value)) for a, b in s.query(q, use_default_graph_as_union=True)]
    assert (n, agree) == (4, 2)                      # fixture table: USA/FRA agree on 102 and 103


def test_store_table_reads_back_what_was_imported(tmp_path):
    table = fixture_table()
    store_dir = tmp_path / "store"
    import_table(table, store_dir, release="fixture")
    s = open_store(store_dir, read_only=True)
    direct = store_table(s, DATASETS["voeten"])                                   # from SPARQL
    assert cache_path(store_dir, DATASETS["voeten"]).exists()
    cached = store_table(s, DATASETS["voeten"], store_dir=store_dir)              # from the array cache
    want = sorted(zip(table.votes.rcid, table.votes.key, table.votes.value.tolist()))
    for got in (direct, cached):
        assert sorted(zip(got.votes.rcid, got.votes.key, got.votes.value.tolist())) == want
    assert direct.roll_calls.at["104", "issues"] == ("hr", "me")


# ---- indices, by hand

def test_pair_indices_by_hand():
    # USA (−1, +1, +1, −1), FRA (+1, +1, +1, 0) on 101–104.
    # share 2/4; S = 1 − mean|d| = 1 − 3/4. Squared distances: D_o = (4+0+0+1)/4 = 5/4;
    # USA mean 0 var 1, FRA mean 3/4 var 3/16: D_e = 1 + 3/16 + 9/16 = 7/4, κ = 1 − 5/7 = 2/7.
    # Pooled: mean 3/8, E[x²] 7/8, var 47/64, D_e = 47/32, π = 1 − 40/47 = 7/47.
    t = agreement_table(table_matrix(fixture_table()), "all")
    row = t[(t.a == "FRA") & (t.b == "USA")].iloc[0]
    assert (row.share, row.s, row.n) == (0.5, 0.25, 4)
    assert row.kappa == pytest.approx(2 / 7) and row.pi == pytest.approx(7 / 47)


def test_agreement_by_issue_by_hand():
    # hr: 103 and 104. USA–CHN: yes/no (|d| 2), no/yes (|d| 2): share 0, S = −1.
    t = agreement_table(table_matrix(fixture_table()), "issue", states=["USA"])
    row = t[(t.group == "hr") & (t.a == "CHN") & (t.b == "USA")].iloc[0]
    assert (row.share, row.s, row.n) == (0.0, -1.0, 2)
    assert set(t.group) == {"co", "hr", "me"}


def test_drift_follows_the_seat_with_merged_successors():
    # RUS merged with SUN: with USA 101 yes/no, 102 no/yes, 103 no/yes, 104 yes/no: S = −1 each year.
    m = table_matrix(fixture_table(), merge_successors=True, resolver=fixture_identity())
    d = drift(m, partners=["USA"], states=["RUS"])
    assert d[["group", "s"]].astype(object).values.tolist() == [[1971, -1.0], [1990, -1.0], [2016, -1.0], [2019, -1.0]]


def test_camps_with_an_unknown_member_are_ignored_not_invented():
    rows, summary = camp_agreement(table_matrix(fixture_table()), {"a": ["USA", "QQQ"], "b": ["CHN"]}, by="all")
    # across: USA–CHN over 102–104: S = 1 − (1+2+2)/3 = −2/3
    assert rows.loc[0, "across"] == pytest.approx(-2 / 3) and rows.loc[0, "members"] == 2


# ---- audit

def test_audit_lists_the_tally_gap_of_roll_call_103(tmp_path):
    s = open_store(tmp_path / "store")
    import_table(fixture_table(), tmp_path / "store", release="fixture", store=s)
    findings, summary = audit(s)
    assert [(f.kind, f.roll_call, f.what, f.votes_say, f.reported) for f in findings] == [("tally", "unga-voeten-103", "no", "2", "3")]


def test_audit_against_a_curated_act(tmp_path, world_copy):
    # A curated act with the fixture's symbol A/RES/71/9003, reporting 3 no, and a list naming GBR as a no voter.
    (world_copy / "acts" / "w-unga.ttl").write_text("""
@prefix gk: <https://w3id.org/graphkit/ontology#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix act: <https://w3id.org/graphkit/id/act/> . @prefix ev: <https://w3id.org/graphkit/id/evidence/> .
@prefix count: <https://w3id.org/graphkit/id/count/> . @prefix src: <https://w3id.org/graphkit/id/source/> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix org: <https://w3id.org/graphkit/id/org/> .
act:w-unga a gk:RecordedVote ; rdfs:label "A fictional GA vote" ; gk:symbol "A/RES/71/9003" ;
    gk:date "2016-12-21"^^xsd:date ; gk:datePrecision gk:day ; gk:evidence ev:w-unga ; gk:reportedCount count:w-unga-no .
ev:w-unga a gk:Evidence ; prov:wasDerivedFrom src:w-gazette ; gk:excerpt "three against" .
src:w-gazette a gk:Source ; dcterms:title "The Fictional Gazette" ; gk:sourceKind "article" .
count:w-unga-no a gk:ReportedCount ; gk:count 3 ; gk:countScope gk:no ; gk:countQualifier gk:exactly ; gk:evidence ev:w-unga .
""")
    from graphkit.graph.build import build
    s = open_store(tmp_path / "store")
    import_table(fixture_table("undl"), tmp_path / "store", release="fixture", store=s)
    findings, summary = audit(s, build(world_copy, check=False).graph)
    curated = [(f.roll_call, f.what, f.votes_say, f.reported, f.reported_by) for f in findings if f.act]
    assert curated == [("unga-undl-9003", "no", "2", "3", "The Fictional Gazette <https://w3id.org/graphkit/id/source/w-gazette>")]
    assert summary["curated_acts_matched"] == 1
    # through the store as a user builds and imports: the record is linked to the curated act, whichever comes first
    from graphkit.store.embedded import load_build
    from graphkit.store.links import link_votes  # noqa: F401 (the rule: same symbol and date, one record)
    store_dir = tmp_path / "linked"
    load_build(build(world_copy, check=False), store_dir)
    result = import_table(fixture_table(), store_dir, release="fixture")
    assert result.links == 1
    same = "PREFIX gk: <https://w3id.org/graphkit/ontology#> SELECT ?r ?a WHERE { ?r gk:sameVoteAs ?a }"
    want = [("https://w3id.org/graphkit/id/act/unga-voeten-103", "https://w3id.org/graphkit/id/act/w-unga")]
    links = lambda: [(r.value, a.value) for r, a in open_store(store_dir, read_only=True).query(  # noqa: E731
        same, use_default_graph_as_union=True)]
    assert links() == want
    findings, summary = audit(open_store(store_dir, read_only=True), build(world_copy, check=False).graph)
    assert summary["linked"] == 1 and {f.note for f in findings if f.act} == {"linked (gk:sameVoteAs)"}
    load_build(build(world_copy, check=False), store_dir)      # a later build keeps (rewrites) the link
    assert links() == want


# ---- CLI

COMMANDS = [["import", "unga"], ["audit"], ["unga", "agreement"], ["unga", "drift"], ["unga", "blocs"], ["unga", "camps"]]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Example: graphkit " in result.output


@pytest.fixture
def fixture_store(tmp_path):
    store_dir = tmp_path / "store"
    result = CliRunner().invoke(main, ["import", "unga", *(str(VOETEN / n) for n in ("votes.csv", "roll_calls.csv", "issues.csv")),
                                       "--store", str(store_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "imported 19 votes on 4 records" in result.output
    return store_dir


def test_cli_audit_exits_0_with_findings(fixture_store):
    result = CliRunner().invoke(main, ["audit", "--store", str(fixture_store), "--format", "csv"])
    assert result.exit_code == 0
    assert "tally,unga-voeten-103,A/RES/71/9003,,no,2,3" in result.output


def test_cli_agreement_and_drift(fixture_store):
    r = CliRunner().invoke(main, ["unga", "agreement", "--store", str(fixture_store), "--by", "all", "--state", "USA",
                                  "--min-votes", "0", "--format", "csv"])
    assert r.exit_code == 0 and "all,FRA,USA,0.5,0.25,0.2857,0.1489,4" in r.output
    r = CliRunner().invoke(main, ["unga", "drift", "--store", str(fixture_store), "--state", "RUS", "--partner", "USA",
                                  "--merge-successors", "--min-votes", "0", "--format", "json"])
    assert r.exit_code == 0 and r.output.count('"partner": "USA"') == 4


def test_readers_do_not_need_the_write_lock(fixture_store):
    # A writer holding the store (as `oxigraph serve` or an import would) must not block audit or the analyses:
    # they open the store read-only.
    from graphkit.store.generations import StoreWriter
    holder = StoreWriter(fixture_store).__enter__()          # a writer at work on the next generation
    try:
        with pytest.raises(InputError, match="another graphkit process holds its lock"):
            import_table(fixture_table(), fixture_store)       # a second writer is refused ...
        r = CliRunner().invoke(main, ["audit", "--store", str(fixture_store), "--format", "csv"])
        assert r.exit_code == 0 and "tally,unga-voeten-103" in r.output
        r = CliRunner().invoke(main, ["unga", "agreement", "--store", str(fixture_store), "--by", "all", "--state", "USA",
                                      "--min-votes", "0", "--format", "csv"])
        assert r.exit_code == 0 and "all,FRA,USA,0.5," in r.output   # ... readers are not
    finally:
        holder.__exit__(None, None, None)


def test_read_votes_says_what_to_import(tmp_path, world):
    from graphkit.store.embedded import load_build
    store_dir = tmp_path / "store"
    load_build(world, store_dir)                             # a store without any vote graph
    with pytest.raises(InputError) as err:
        read_votes(DATASETS["undl"], store_dir)
    assert "no UNGA votes imported" in str(err.value) and "graphkit import unga VOTES.csv --layout undl" in str(err.value)
    with pytest.raises(InputError, match="no store at .*graphkit import unga"):
        read_votes(DATASETS["voeten"], tmp_path / "nowhere")


def test_cli_filters_and_errors(fixture_store, tmp_path):
    r = CliRunner().invoke(main, ["unga", "agreement", "--store", str(fixture_store), "--session", "99"])
    assert r.exit_code == 2 and "no record left" in r.output
    r = CliRunner().invoke(main, ["audit", "--store", str(tmp_path / "nowhere")])
    assert r.exit_code == 2 and "no store at" in r.output and "graphkit import unga" in r.output
    r = CliRunner().invoke(main, ["import", "unga", str(VOETEN / "votes.csv"), "--store", str(tmp_path / "s")])
    assert r.exit_code == 2 and "ROLL_CALLS" in r.output


# ---- an import never empties a graph unasked; audit needs votes

def test_a_header_only_votes_file_does_not_empty_an_import(voeten_copy, tmp_path):
    store_dir = tmp_path / "store"
    files = [str(voeten_copy / n) for n in ("votes.csv", "roll_calls.csv", "issues.csv")]
    runner = CliRunner()
    assert runner.invoke(main, ["import", "unga", *files, "--store", str(store_dir), "--quiet"]).exit_code == 0
    before = _graph_size(store_dir)
    votes = voeten_copy / "votes.csv"
    votes.write_text(votes.read_text().splitlines()[0] + "\n")           # the header, no row
    refused = runner.invoke(main, ["import", "unga", *files, "--store", str(store_dir), "--quiet"])
    assert refused.exit_code == 2
    assert "votes.csv holds no vote: importing it would replace the 19 votes" in refused.output
    assert "--allow-empty" in refused.output and _graph_size(store_dir) == before
    done = runner.invoke(main, ["import", "unga", *files, "--store", str(store_dir), "--quiet", "--allow-empty"])
    assert done.exit_code == 0, done.output
    s = open_store(store_dir, read_only=True)
    assert not list(s.quads_for_pattern(None, ox.NamedNode("https://w3id.org/graphkit/ontology#participant"), None, G_VOETEN))


def test_audit_without_votes_exits_2_with_the_import_command(tmp_path, world):
    from graphkit.store.embedded import load_build
    load_build(world, tmp_path / "store")
    r = CliRunner().invoke(main, ["audit", "--store", str(tmp_path / "store")])
    assert r.exit_code == 2 and "no votes imported" in r.output and "graphkit import unga VOTES ROLL_CALLS" in r.output


def test_the_array_cache_of_another_import_is_never_used(voeten_copy, tmp_path):
    from graphkit.store.votes import cache_path
    store_dir = tmp_path / "store"
    import_table(_read(voeten_copy), store_dir, release="same label")
    old = tmp_path / "old.npz"
    shutil.copy(cache_path(store_dir, DATASETS["voeten"]), old)
    f = voeten_copy / "votes.csv"
    f.write_text(f.read_text().replace("104,US,United States,no", "104,US,United States,yes"))
    import_table(_read(voeten_copy), store_dir, release="same label")      # same release label, same vote count
    shutil.copy(old, cache_path(store_dir, DATASETS["voeten"]))            # a stale cache put back by hand
    table = read_votes(DATASETS["voeten"], store_dir)
    assert table.files == [f"store graph <{G_VOETEN.value}>"]              # read from the graph, not the cache
    usa_104 = table.votes[(table.votes.rcid == "104") & (table.votes.key == "USA")].value.tolist()
    assert usa_104 == [1]
