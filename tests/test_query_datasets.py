"""Query datasets (graphkit.store.datasets): which graphs a query reads, chosen by its header, --graph or dataset=.

The guard of issue 13: every curated library query gives the same rows on the tiny world with a synthetic
vote graph of more than 500,000 quads beside it as without it, and its dataset never includes that graph.
The synthetic votes are built to mislead (they target the world's Syldavia, vote as its states, carry counts,
an occasion, withdrawals): a query that read them would answer differently.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.errors import QueryError
from graphkit.store.backends import StoreBackend
from graphkit.store.embedded import CURATED_GRAPH, ONTOLOGY_GRAPH, open_store
from graphkit.store.library import MAX_PAIR_VOTES, list_queries, query_columns, run_query
from tests.sparql_support import (SYNTHETIC_ROLL_CALLS, make_synthetic_votes_store, synthetic_votes_store,  # noqa: F401
                                  votes_store, world_store)
from world_support import WORLD_DIR

from test_queries import CURATED_ONLY, _norm, golden_params

VOTES = "https://w3id.org/graphkit/id/graph/unga-voeten"


def test_the_synthetic_vote_graph_is_large(synthetic_votes_store):
    store = open_store(synthetic_votes_store, read_only=True)
    (n,), = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=[ox.NamedNode(VOTES)])
    assert int(n.value) >= 500_000


@pytest.mark.parametrize("name", CURATED_ONLY)
def test_curated_queries_never_read_the_votes(name, world_store, synthetic_votes_store):
    params = golden_params(name)
    backend = StoreBackend(synthetic_votes_store)
    backend.use_dataset(["curated"])
    assert VOTES not in backend.default_graphs
    with_votes = run_query(name, params, store=synthetic_votes_store)
    assert _norm(with_votes) == _norm(run_query(name, params, store=world_store))


def test_the_synthetic_votes_would_change_the_answers_if_read(world_store, tmp_path):
    # the guard can fail: read with every graph, the curated questions answer differently (20 synthetic roll calls
    # of the same shape suffice to show it; reading the 500,000 votes would take minutes, which is the point)
    small = make_synthetic_votes_store(tmp_path / "store", roll_calls=20)
    changed = []
    for name in CURATED_ONLY:
        try:
            rows = run_query(name, golden_params(name), store=small, dataset="all")
        except QueryError as exc:  # refused because it would read the votes
            assert "compare --all-pairs" in str(exc)
            changed.append(name)
            continue
        if _norm(rows) != _norm(run_query(name, golden_params(name), store=world_store)):
            changed.append(name)
    assert len(changed) >= len(CURATED_ONLY) - 3, sorted(set(CURATED_ONLY) - set(changed))


def test_every_library_query_names_a_known_dataset():
    for q in list_queries():
        assert q.datasets and all(d in ("curated", "votes", "all") or d.startswith("votes:") for d in q.datasets), q.name


def test_dataset_names_resolve_from_the_manifest(synthetic_votes_store):
    b = StoreBackend(synthetic_votes_store)
    for names, want in ((["curated"], [CURATED_GRAPH, ONTOLOGY_GRAPH]), (["votes:unga"], [VOTES]), (["votes"], [VOTES]),
                        (["votes:unga-voeten"], [VOTES]), (["votes:unga", "curated"], sorted([CURATED_GRAPH, ONTOLOGY_GRAPH, VOTES])),
                        ([VOTES], [VOTES]), (["all"], None)):
        b.use_dataset(names)
        assert (sorted(b.default_graphs) if b.default_graphs is not None else None) == (sorted(want) if want else None)
    for names, words in ((["votes:hrc"], "holds no graph"), (["bogus"], "unknown dataset"),
                         (["https://example.org/g"], "no graph")):
        with pytest.raises(QueryError, match=words):
            b.use_dataset(names)


def test_a_pairwise_query_over_many_votes_is_refused_unless_narrowed(synthetic_votes_store):
    assert SYNTHETIC_ROLL_CALLS * 200 > MAX_PAIR_VOTES
    with pytest.raises(QueryError, match="compare --all-pairs") as err:
        run_query("never-same-side", {"state": "AAA"}, store=synthetic_votes_store, dataset="votes:unga")
    assert "--param session=" in str(err.value)
    run_query("never-same-side", {"state": "AAA", "session": "3"}, store=synthetic_votes_store, dataset="votes:unga")


def test_never_same_side_on_votes_takes_the_vote_as_the_side(votes_store):
    # the fixture's session 71 is roll call 103: USA, FRA and DEU yes; RUS and CHN no
    rows = run_query("never-same-side", {"state": "USA", "session": "71"}, store=votes_store, dataset="votes:unga")
    assert sorted((r["other"].rsplit("/", 1)[1], r["opposed"]) for r in rows) == [("CHN", 1), ("RUS", 1)]
    # on the curated data, with no session, the imported votes are not read
    curated = run_query("never-same-side", {"state": "USA"}, store=votes_store)
    assert curated == run_query("never-same-side", {"state": "USA"}, store=votes_store, dataset="curated")


def test_vote_agreement_on_a_session(votes_store):
    # session 74 is roll call 104: USA no, FRA abstain; session 71 (103): both yes
    assert run_query("vote-agreement", {"a": "USA", "b": "FRA", "session": "74"}, store=votes_store) == [
        {"a": "https://w3id.org/graphkit/id/state/USA", "b": "https://w3id.org/graphkit/id/state/FRA", "n": 1, "alike": 0,
         "share": 0.0}]
    assert run_query("vote-agreement", {"a": "USA", "b": "FRA", "session": "71"}, store=votes_store)[0]["share"] == 1.0


def test_cli_graph_option_and_the_note_for_queries_without_a_dataset(votes_store, tmp_path):
    q = tmp_path / "votes.rq"
    q.write_text("# title: votes of the USA\nPREFIX gk: <https://w3id.org/graphkit/ontology#>\n"
                 "SELECT (COUNT(*) AS ?n) WHERE { ?p gk:participant <https://w3id.org/graphkit/id/state/USA> ; "
                 "gk:act ?a ; gk:stance ?s }\n")
    runner = CliRunner()
    base = ["query", str(q), "--store", str(votes_store), "--format", "csv"]
    default = runner.invoke(main, base)
    assert default.exit_code == 0 and "no '# dataset:' line: it reads the curated graphs" in default.output
    # the curated graphs: the USA's positions in the shipped acts; the votes: its 4 votes in the fixture
    curated = int(default.stdout.splitlines()[-1])
    votes = runner.invoke(main, base + ["--graph", "votes:unga"])
    assert votes.exit_code == 0 and votes.stdout.splitlines()[-1] == "4"
    both = runner.invoke(main, base + ["--graph", "votes:unga", "--graph", "curated"])
    assert int(both.stdout.splitlines()[-1]) == curated + 4
    bad = runner.invoke(main, base + ["--graph", "votes:hrc"])
    assert bad.exit_code == 2 and "holds no graph" in bad.output


def test_python_api_chooses_the_dataset(votes_store):
    import graphkit
    g = graphkit.open(store=votes_store)
    columns, rows = g.query("vote-agreement", {"a": "USA", "b": "FRA"})
    assert rows[0]["n"] == 4
    columns, rows = g.query("shared-acts", {"a": "USA", "b": "FRA"}, dataset="votes:unga")
    assert len(rows) == 4                      # the four roll calls both voted in
    columns, curated = g.query("shared-acts", {"a": "USA", "b": "FRA"})
    assert all("unga-voeten" not in r["act"] for r in curated)


def test_a_roll_call_linked_to_a_curated_act_counts_once_with_its_sides(world_copy, tmp_path):
    # a curated act of the fixture's roll call 103 (A/RES/71/9003, 2016-12-21): a yes criticises Syldavia
    (world_copy / "acts" / "w-unga.ttl").write_text("""
@prefix gk: <https://w3id.org/graphkit/ontology#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix act: <https://w3id.org/graphkit/id/act/> . @prefix ev: <https://w3id.org/graphkit/id/evidence/> .
@prefix state: <https://w3id.org/graphkit/id/state/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
act:w-unga a gk:RecordedVote ; gk:actorKind gk:byStates ; rdfs:label "A fictional GA vote"@en ;
    gk:symbol "A/RES/71/9003" ; gk:date "2016-12-21"^^xsd:date ; gk:datePrecision gk:day ; gk:target state:SYL ;
    gk:yesImplies gk:criticises ; gk:evidence ev:w-2021-vote .
""")
    from graphkit.graph.build import build
    from graphkit.store.embedded import load_build
    from graphkit.store.votes import import_table
    from unga_support import fixture_table
    store = tmp_path / "store"
    load_build(build(world_copy), store, data_dir=world_copy)
    assert import_table(fixture_table(), store, release="fixture").links == 1
    rows = run_query("states-by-bloc", {"target": "SYL", "session": "71"}, store=store, dataset=["votes:unga", "curated"])
    # roll call 103: USA, FRA and DEU yes (criticise Syldavia, as the linked act says a yes does); RUS and CHN no
    assert sorted((r["state"].rsplit("/", 1)[1], r["bloc"]) for r in rows) == [
        ("CHN", "backs the target"), ("DEU", "criticises the target"), ("FRA", "criticises the target"),
        ("RUS", "backs the target"), ("USA", "criticises the target")]
    # the curated graphs alone: the tiny world's answer, without the roll call
    alone = run_query("states-by-bloc", {"target": "SYL"}, store=store)
    assert {r["state"].rsplit("/", 1)[1] for r in alone} == {"AAA", "BBB", "CCC", "DDD", "EEE"}
