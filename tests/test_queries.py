"""The query library: every queries/**/*.rq is checked, parsed, run on the tiny world and compared to its golden CSV.

Golden files live in tests/golden/<query name>.csv (IRIs shortened, as ``graphkit query --format csv``
would print them after shortening); the parameters used on the tiny world, one ``name=value`` a line,
in tests/golden/<query name>.params. A query on imported votes runs on the world with its vote fixtures
imported beside it (``world_votes_store``): its golden folder holds a file <query name>.store. Goldens were derived by hand from the world drawn in
tests/conftest.py. A new query without a golden file fails; GRAPHKIT_WRITE_GOLDEN=1 writes one from the
current output — then check it by hand against the world before committing it.
"""
from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from graphkit.errors import QueryError
from graphkit.store.library import (PARAM_TYPES, QUERIES_DIR, find_query, list_queries, parse_query_file, query_columns,
                              query_dataframe, run_query)
from graphkit.store.embedded import open_store
from tests.sparql_support import rows_as_csv_cells, shipped_store, votes_store, world_store, world_votes_store  # noqa: F401 (fixtures)

GOLDEN = Path(__file__).parent / "golden"
QUERIES = list_queries()
NAMES = [q.name for q in QUERIES]
#: Queries that read only the curated graphs (the tiny world answers them); the others read imported votes.
CURATED_ONLY = [q.name for q in QUERIES if q.datasets == ["curated"]]
READS_VOTES = [q.name for q in QUERIES if any(d.startswith("votes") for d in q.datasets)]


def golden_store(name: str, world_store, world_votes_store, votes_store=None):
    """The store a query's golden was derived on: the world with its Council and veto imports (a .store marker),
    the shipped data with the UNGA fixture (another query on the votes), or the tiny world."""
    if (GOLDEN / f"{name}.store").exists():
        return world_votes_store
    return votes_store if name in READS_VOTES and votes_store is not None else world_store


def golden_params(name: str) -> dict:
    path = GOLDEN / f"{name}.params"
    if not path.exists():
        return {}
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def test_there_are_enough_queries_and_checks():
    assert len([q for q in QUERIES if not q.is_check]) >= 12
    assert len([q for q in QUERIES if q.is_check]) >= 1
    assert "hrc44-2020-two-camps" in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_header_parses_and_declares_what_the_query_uses(name):
    q = find_query(name)
    assert q.title and q.description, f"{q.path}: '# title:' and '# description:' are required"
    for p in q.params:
        assert p.type in PARAM_TYPES
        assert re.search(rf"\?{p.name}\b", q.text.split("\nSELECT", 1)[-1]), f"?{p.name} is declared but not used"
    if q.is_check:
        assert q.problem and q.fix, f"{q.path}: a check needs '# problem:' and '# fix:'"


@pytest.mark.parametrize("name", NAMES)
def test_query_parses_with_rdflib_and_oxigraph(name):
    text = find_query(name).text
    prepareQuery(text)  # raises on a syntax error
    ox.Store().query(text)  # Oxigraph's parser (runs on an empty store)


@pytest.mark.parametrize("name", NAMES)
def test_header_names_the_graphs_the_query_reads(name):
    assert find_query(name).dataset.strip(), f"{name}: say which graphs it reads ('# dataset: curated', 'votes', 'all' ...)"


@pytest.mark.parametrize("name", NAMES)
def test_query_on_tiny_world_equals_golden(name, world_store, world_votes_store, votes_store):
    columns, rows = query_columns(name, golden_params(name), store=golden_store(name, world_store, world_votes_store, votes_store))
    got = rows_as_csv_cells(columns, rows)
    path = GOLDEN / f"{name}.csv"
    if not path.exists():
        if os.environ.get("GRAPHKIT_WRITE_GOLDEN") == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", newline="", encoding="utf-8") as fh:
                csv.writer(fh, lineterminator="\n").writerows(got)
            pytest.fail(f"wrote {path}: check every row by hand against the world in tests/conftest.py, then rerun")
        pytest.fail(f"no golden result for query {name!r}: create {path} (parameters in {name}.params, one name=value "
                    f"a line) by deriving the answer on the tiny world by hand, or run GRAPHKIT_WRITE_GOLDEN=1 "
                    f"python -m pytest tests/test_queries.py and check the written file by hand")
    expected = list(csv.reader(path.open(encoding="utf-8")))
    assert got[0] == expected[0], "columns differ"
    assert sorted(got[1:]) == sorted(expected[1:])


@pytest.mark.parametrize("name", [q.name for q in QUERIES if q.is_check])
def test_checks_find_nothing_in_shipped_data(name, shipped_store):
    assert run_query(name, store=shipped_store) == []


def test_a_check_finds_a_position_without_evidence(world_copy, tmp_path):
    from graphkit.graph.build import build
    from graphkit.store.embedded import load_build
    (world_copy / "acts" / "extra.ttl").write_text(
        "@prefix gk: <https://w3id.org/graphkit/ontology#> .\n"
        "<https://w3id.org/graphkit/id/position/w-2022-support/DDD> a gk:Position ;\n"
        "  gk:act <https://w3id.org/graphkit/id/act/w-2022-support> ;\n"
        "  gk:participant <https://w3id.org/graphkit/id/state/DDD> ; gk:stance gk:supports .\n")
    load_build(build(world_copy, check=False), tmp_path / "s")
    rows = run_query("checks/position-without-evidence-violation", store=tmp_path / "s")
    assert [r["position"].rsplit("/", 2)[-2:] for r in rows] == [["w-2022-support", "DDD"]]


# ---- the issue-2 query on the shipped data

def test_hrc44_two_camps_on_shipped_data(shipped_store):
    rows = run_query("hrc44-2020-two-camps", store=shipped_store)
    gk = "https://w3id.org/graphkit/ontology#"
    backed = [r for r in rows if r["camp"] == gk + "supports"]
    questioned = [r for r in rows if r["camp"] == gk + "criticises"]
    assert {r["act"].rsplit("/", 1)[-1] for r in backed} == {"hrc44-2020-07-01-xinjiang-support"}
    assert {r["count"] for r in backed if r["kind"] == "reported"} == {46}
    assert {r["state"].rsplit("/", 1)[-1] for r in backed if r["kind"] == "named"} == {"BLR", "BHR"}
    assert {r["count"] for r in questioned if r["kind"] == "reported"} == {27, 28}
    assert [r["count"] for r in questioned if r["kind"] == "listed"] == [27]
    named = {r["state"].rsplit("/", 1)[-1] for r in questioned if r["kind"] == "named"}
    assert {"FRA", "DEU", "JPN", "GBR"} <= named and len(named) == 27
    for r in backed + questioned:
        if r["kind"] in ("reported", "named"):
            assert r["source"] and r["excerpt"], r
    dates = [r for r in rows if r["kind"] == "reported date"]
    assert [d["reportedDate"].isoformat() for d in dates] == ["2020-06-29"]  # the seed's "two days earlier"
    assert "deux jours plus tôt" in dates[0]["excerpt"]


def _norm(rows):
    return sorted(repr(sorted(r.items())) for r in rows)


def test_union_duplicates_do_not_change_answers_on_shipped_data(shipped, shipped_store, tmp_path):
    """Oxigraph's union keeps a triple once per named graph holding it (positions named by two lists are in
    two graphs); every query must give the same rows as on a store holding each triple once."""
    single = ox.Store()
    single.extend(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), _ox_term(o), ox.NamedNode("urn:one"))
                  for s, p, o in shipped.graph)
    for q in QUERIES:
        if q.name in CURATED_ONLY:
            assert _norm(run_query(q.name, store=shipped_store)) == _norm(run_query(q.name, store=single)), q.name


def _ox_term(o):
    from rdflib import Literal
    if isinstance(o, Literal):
        if o.language:
            return ox.Literal(str(o), language=o.language)
        return ox.Literal(str(o), datatype=ox.NamedNode(str(o.datatype))) if o.datatype else ox.Literal(str(o))
    return ox.NamedNode(str(o))


@pytest.mark.parametrize("name", CURATED_ONLY + [n for n in NAMES if (GOLDEN / f"{n}.store").exists()])
def test_store_and_rdflib_give_the_same_rows_on_tiny_world(name, world, world_store, world_votes_store):
    params = golden_params(name)
    store = golden_store(name, world_store, world_votes_store)
    graph = world.graph if store == world_store else _union_graph(store)
    assert _norm(run_query(name, params, store=store)) == _norm(run_query(name, params, graph=graph))


def _union_graph(store_dir):
    """Every quad of a store as one rdflib graph (the union the store's queries read)."""
    from rdflib import Graph, Literal, URIRef

    plain = "http://www.w3.org/2001/XMLSchema#string"

    def term(t):                          # xsd:string is a plain literal in rdflib, as when it parses Turtle
        if isinstance(t, ox.Literal):
            if t.language:
                return Literal(t.value, lang=t.language)
            return Literal(t.value) if t.datatype.value == plain else Literal(t.value, datatype=URIRef(t.datatype.value))
        return URIRef(t.value)
    graph = Graph()
    for q in open_store(store_dir, read_only=True):
        graph.add((term(q.subject), term(q.predicate), term(q.object)))
    return graph


# ---- parameters: typed terms, never text

def test_injection_in_a_state_parameter_is_rejected_and_changes_nothing(world_store):
    before = len(open_store(world_store, read_only=True))
    with pytest.raises(QueryError, match=r"parameter \?state: unknown state 'FRA> } ; DROP ALL #'"):
        run_query("co-signers", {"state": "FRA> } ; DROP ALL #"}, store=world_store)
    assert len(open_store(world_store, read_only=True)) == before


def test_injection_in_other_parameter_types_is_rejected(world_store):
    for name, params in (("positions-on-target", {"target": "SYL", "topic": "north-march", "since": "2020-01-01\" } DROP ALL #"}),
                         ("positions-on-target", {"target": "SYL", "topic": "x> } ; DROP ALL #"}),
                         ("hrc44-2020-two-camps", {"forum": "un-hrc> } DROP ALL { <a"})):
        with pytest.raises(QueryError):
            run_query(name, params, store=world_store)
    assert run_query("shared-acts", {"a": "EEE", "b": "CCC"}, store=world_store)  # the store is intact


def test_string_parameter_is_a_literal_not_text(tmp_path, world_store):
    q = tmp_path / "echo.rq"
    q.write_text("# title: echo\n# description: returns the parameter\n# param: ?text — string: anything\n"
                 "SELECT ?text WHERE { }\n")
    nasty = 'x" } ; DROP ALL ; SELECT * { "'
    assert run_query(q, {"text": nasty}, store=world_store) == [{"text": nasty}]


def test_state_names_and_codes_resolve_and_unknown_ones_suggest(world_store):
    by_name = run_query("co-signers", {"state": "Avalon"}, store=world_store)
    assert by_name == run_query("co-signers", {"state": "aaa"}, store=world_store)
    with pytest.raises(QueryError, match="did you mean"):
        run_query("co-signers", {"state": "Avalonn"}, store=world_store)


def test_bad_dates_unknown_params_and_unknown_queries(world_store):
    with pytest.raises(QueryError, match="not a date"):
        run_query("positions-on-target", {"target": "SYL", "topic": "north-march", "since": "July"}, store=world_store)
    with pytest.raises(QueryError, match="no parameter"):
        run_query("co-signers", {"country": "AAA"}, store=world_store)
    with pytest.raises(QueryError, match="did you mean co-signers"):
        run_query("co-signer", store=world_store)


def test_update_is_refused_unless_allowed(tmp_path, world_copy):
    from graphkit.graph.build import build
    from graphkit.store.embedded import load_build
    store = tmp_path / "s"
    load_build(build(world_copy, check=False), store)
    upd = tmp_path / "wipe.rq"
    upd.write_text("# title: wipe\n# description: removes everything\nDROP ALL\n")
    with pytest.raises(QueryError, match="updates are refused"):
        run_query(upd, store=store)
    assert len(open_store(store, read_only=True)) > 0
    run_query(upd, store=store, allow_update=True)          # written as a new generation of the store
    assert len(open_store(store, read_only=True)) == 0


def test_header_errors_name_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: t\n# param: ?x — colour: a colour\nSELECT ?x {}\n")
    with pytest.raises(QueryError) as err:
        parse_query_file(bad)
    assert err.value.line == 2 and "no known type" in str(err.value)
    bad.write_text("SELECT * {}\n")
    with pytest.raises(QueryError, match="no '# title:'"):
        parse_query_file(bad)


def test_dataframe_helper(world_store):
    df = query_dataframe("states-by-bloc", {"target": "SYL"}, store=world_store)
    assert list(df.columns) == ["bloc", "state", "name", "backed", "criticised", "abstained"]
    assert df.set_index("name").loc["Elbonia", "bloc"] == "both sides"


def test_occasions_query_follows_its_target(world_store):
    # the world's one occasion (w-2020-hrc) has two acts on Syldavia; none targets Avalon
    assert len(run_query("occasions", store=world_store)) == 2
    assert run_query("occasions", {"target": "AAA"}, store=world_store) == []
