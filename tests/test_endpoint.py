"""graphkit.store.endpoint on real servers of each engine (Oxigraph, Virtuoso) on 127.0.0.1, and on servers that are down or slow.

Every test that takes ``world_endpoint`` or ``engine_server`` runs once per engine
(:data:`tests.sparql_support.ENGINES`).
"""
from __future__ import annotations

import http.server
import threading
import time

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.store.endpoint import Endpoint
from graphkit.store.endpoint_load import load_build_to_endpoint
from graphkit.errors import EndpointError, QueryError
from graphkit.store.library import list_queries, run_query
from world_support import tiny_world
from tests.sparql_support import (engine_server, free_port, oxigraph_server, virtuoso_server,  # noqa: F401 (fixtures)
                                  votes_endpoint, votes_store, world_endpoint, world_store, world_votes_endpoint,
                                  world_votes_store)
from tests.test_queries import GOLDEN, READS_VOTES, golden_params


def _norm(rows):
    return sorted(repr(sorted(r.items())) for r in rows)


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_endpoint_gives_the_same_rows_as_the_embedded_store(name, engine_server, request):
    params = golden_params(name)
    # where the golden was derived: the world with its Council and veto imports (a .store marker), the shipped data with
    # the UNGA fixture (another query on the votes), or the tiny world
    where = "world_votes" if (GOLDEN / f"{name}.store").exists() else "votes" if name in READS_VOTES else "world"
    votes = where != "world"
    endpoint = request.getfixturevalue(f"{where}_endpoint")
    store = request.getfixturevalue(f"{where}_store")
    rows = run_query(name, params, endpoint=endpoint)
    assert _norm(rows) == _norm(run_query(name, params, store=store))
    assert rows or not votes


def test_put_replaces_each_graph(world_endpoint):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = world_endpoint.select(count)["results"]["bindings"][0]["n"]["value"]
    load_build_to_endpoint(tiny_world(), world_endpoint)
    after = world_endpoint.select(count)["results"]["bindings"][0]["n"]["value"]
    assert before == after and int(after) > 500
    assert len(world_endpoint.graphs()) == 11  # 6 Turtle files, 4 lists, the ontology


_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _triples(ep) -> int:
    return int(ep.select(_COUNT)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("name, params", [
    ("co-signers", {"state": "FRA> } ; DROP ALL #"}),
    ("positions-on-target", {"target": "SYL", "topic": "north-march", "since": '2020-01-01" } DROP ALL #'}),
    ("positions-on-target", {"target": "SYL", "topic": "x> } ; DROP ALL #"}),
    ("hrc44-2020-two-camps", {"forum": "un-hrc> } DROP ALL { <a"}),
])
def test_injection_through_the_endpoint_is_rejected_and_changes_nothing(world_endpoint, name, params):
    before = _triples(world_endpoint)
    with pytest.raises(QueryError):
        run_query(name, params, endpoint=world_endpoint)
    assert len(world_endpoint.graphs(refresh=True)) == 11 and _triples(world_endpoint) == before


def test_updates_are_refused_unless_asked_for(world_endpoint, tmp_path):
    graph = world_endpoint.graph_base + "scratch"
    update = tmp_path / "add.rq"
    update.write_text(f"# title: add one triple\nINSERT DATA {{ GRAPH <{graph}> {{ <urn:a> <urn:b> <urn:c> }} }}\n")
    ask = f"ASK {{ GRAPH <{graph}> {{ <urn:a> <urn:b> <urn:c> }} }}"
    with pytest.raises(QueryError, match="updates are refused"):
        run_query(update, endpoint=world_endpoint)
    assert world_endpoint.select(ask, default_graphs=[graph])["boolean"] is False
    result = CliRunner().invoke(main, ["query", str(update), "--endpoint", world_endpoint.url])
    assert result.exit_code == 2 and "--allow-update" in result.output
    try:
        assert run_query(update, endpoint=world_endpoint, allow_update=True) == []
        assert world_endpoint.select(ask, default_graphs=[graph])["boolean"] is True
    finally:
        world_endpoint.delete_graph(graph)


def test_the_engine_is_told_from_the_server(engine_server):
    assert Endpoint(engine_server.url, credentials=False).profile.name == engine_server.engine


def test_stale_graphs_go_and_graphs_of_others_stay(engine_server, world_copy):
    from graphkit.graph.build import build

    ep = engine_server.endpoint()
    foreign = ep.graph_base + "someone-else"
    ep.put_graph(foreign, "<urn:x> <urn:y> <urn:z> .\n")  # under the same base, but not in graphkit's manifest
    try:
        first = load_build_to_endpoint(build(world_copy), ep)
        assert first == {**first, "graphs": 11, "removed": 0}
        (world_copy / "occasions.ttl").unlink()
        second = load_build_to_endpoint(build(world_copy), ep)
        assert second["graphs"] == 10 and second["removed"] == 1
        owned = ep.owned_graphs()
        assert len(owned) == 10 and not any(g.endswith("occasions.ttl") for g in owned)
        assert set(owned.values()) == {"graphkit build"}
        listed = ep._listed_graphs()  # every graph under the base on the server
        assert foreign in listed and not any(g.endswith("occasions.ttl") for g in listed)
        assert ep.graphs() == sorted(owned)  # queries read the owned graphs only
    finally:
        for g in [*ep.owned_graphs(), foreign, ep.manifest_graph]:
            ep.delete_graph(g)


def test_vote_pages_read_back_the_votes_the_store_holds(engine_server, unga_cli_store):
    from graphkit.store.endpoint_load import load_votes
    from graphkit.store.embedded import open_store
    from graphkit.sources.votes.remote import endpoint_table
    from graphkit.store.votes import store_table
    from unga_support import fixture_table

    ep = engine_server.endpoint()
    sent = load_votes(fixture_table(), ep, release="fixture")
    try:
        assert sent["votes"] == 19 and sent["roll_calls"] == 4
        dataset = fixture_table().dataset
        remote = endpoint_table(ep, dataset, page_rows=5)  # 4 roll calls of 4-6 votes: one page per roll call
        store = open_store(unga_cli_store, read_only=True)
        local = store_table(store, dataset)
        del store
        key = ["rcid", "key", "value"]
        as_text = lambda v: v[key].astype({"rcid": str, "key": str}).sort_values(key).values.tolist()  # noqa: E731
        assert as_text(remote.votes) == as_text(local.votes)
        columns = ["date", "precision", "session", "symbol", "issues"]
        assert remote.roll_calls[columns].sort_index().equals(local.roll_calls[columns].sort_index())
    finally:
        for g in [*ep.owned_graphs(), ep.manifest_graph]:
            ep.delete_graph(g)


def test_a_dataset_of_many_graphs_is_answered(engine_server):
    """Virtuoso echoes each graph of the dataset as a response header: 120 graphs (the shipped data has 51) still answer."""
    ep = engine_server.endpoint()
    names = [f"{ep.graph_base}file-{i}" for i in range(120)]
    try:
        for n in names:
            ep.put_graph(n, f"<urn:graphkit-test:s> <urn:graphkit-test:in> <{n}> .\n")
        rows = ep.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graphs=names)["results"]["bindings"]
        assert int(rows[0]["n"]["value"]) == 120
    finally:
        for n in names:
            ep.delete_graph(n)


def test_cli_loads_imports_and_compares_through_the_endpoint(engine_server, unga_cli_store, tmp_path):
    """build, import unga and compare --source unga with --endpoint, credentials from a netrc file only."""
    from world_support import WORLD_DIR
    from unga_support import FIXTURE_DIR

    env = engine_server.env()
    runner = CliRunner()
    url = engine_server.url
    ep = Endpoint(url, credentials=engine_server.credentials())
    try:
        out = runner.invoke(main, ["build", "--data", str(WORLD_DIR), "-o", str(tmp_path / "g.ttl"), "--store",
                                   str(tmp_path / "store"), "--endpoint", url], env=env)
        assert out.exit_code == 0, out.output
        assert f"loaded 11 named graphs into {url} ({engine_server.engine})" in out.output
        voeten = FIXTURE_DIR / "voeten"
        out = runner.invoke(main, ["import", "unga", *(str(voeten / n) for n in ("votes.csv", "roll_calls.csv", "issues.csv")),
                                   "--endpoint", url, "--quiet"], env=env)
        assert out.exit_code == 0, out.output
        assert "imported 19 votes on 4 records" in out.output
        if engine_server.netrc is not None:
            assert engine_server.netrc.read_text().split("password ")[1].strip() not in out.output
        args = ["compare", "USA", "FRA", "CHN", "--source", "unga", "--min-votes", "0", "--format", "json"]
        remote = runner.invoke(main, args + ["--endpoint", url], env=env)
        local = runner.invoke(main, args + ["--store", str(unga_cli_store)])
        assert remote.exit_code == 0 and local.exit_code == 0
        assert remote.stdout == local.stdout and '"n": 4' in remote.stdout
        out = runner.invoke(main, ["query", "co-signers", "--param", "state=CCC", "--endpoint", url, "--format", "csv"], env=env)
        assert out.exit_code == 0 and "Dorvia" in out.output
    finally:
        for g in [*ep.owned_graphs(), ep.manifest_graph]:
            ep.delete_graph(g)


def test_endpoint_option_misuse_is_a_usage_error():
    out = CliRunner().invoke(main, ["compare", "FRA", "DEU", "--endpoint", "http://127.0.0.1:1"])
    assert out.exit_code == 2 and "--source unga" in out.output
    out = CliRunner().invoke(main, ["compare", "FRA", "DEU", "--engine", "virtuoso"])
    assert out.exit_code == 2 and "--engine applies to --endpoint only" in out.output


def test_endpoint_down_is_a_clear_error_and_exit_2():
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    start = time.monotonic()
    with pytest.raises(EndpointError, match="cannot reach"):
        Endpoint(url, timeout=2).select("ASK {}")
    assert time.monotonic() - start < 2
    result = CliRunner().invoke(main, ["query", "acts-by-forum-year", "--endpoint", url, "--timeout", "2"])
    assert result.exit_code == 2 and "cannot reach" in result.output


class _Slow(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's naming)
        time.sleep(3)
        self.send_response(200)
        self.end_headers()

    do_GET = do_POST

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_slow_endpoint_times_out_with_a_clear_error_and_exit_2(slow_server):
    start = time.monotonic()
    with pytest.raises(EndpointError, match=r"did not answer within 0\.5 s"):
        Endpoint(slow_server, timeout=0.5).select("ASK {}")
    assert time.monotonic() - start < 2
    result = CliRunner().invoke(main, ["query", "acts-by-forum-year", "--endpoint", slow_server, "--timeout", "0.5"])
    assert result.exit_code == 2 and "did not answer" in result.output


def test_bad_endpoint_url_and_server_errors(world_endpoint):
    with pytest.raises(EndpointError, match="not an endpoint URL"):
        Endpoint("localhost:7878")
    wrong = Endpoint(world_endpoint.url, query_path="nope", graph_base=world_endpoint.graph_base, credentials=False)
    with pytest.raises(EndpointError, match="answered 404"):
        wrong.select("ASK {}")


def test_a_query_can_be_given_its_default_graphs(world_endpoint):
    """The dataset is always named: by default graphkit's graphs, or the graphs a query is given (issue 13)."""
    from graphkit.store.backends import EndpointBackend

    positions = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p gk:act ?a }"
    states_only = EndpointBackend(world_endpoint, default_graphs=[world_endpoint.graph_base + "states.ttl"])
    assert states_only.rows(positions, {})[1] == [{"n": 0}]
    assert EndpointBackend(world_endpoint).rows(positions, {})[1] == [{"n": 14}]  # 3 + 3 + 5 + 3 positions (conftest)
    acts = EndpointBackend(world_endpoint, default_graphs=[world_endpoint.graph_base + "lists/w-2021-vote.csv"])
    assert acts.rows(positions, {})[1] == [{"n": 5}]  # the vote's list: 3 yes, 1 no, 1 abstention


def test_credentials_come_from_the_environment_or_a_netrc_file(tmp_path):
    from graphkit.store.endpoint_auth import credentials_for

    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1:8890 login porty password p1\nmachine 127.0.0.1 login hosty password p2\n")
    netrc.chmod(0o600)
    env = {"GRAPHKIT_NETRC": str(netrc)}
    assert credentials_for("http://127.0.0.1:8890/", env).user == "porty"  # host:port first
    assert credentials_for("http://127.0.0.1:7878", env).user == "hosty"  # then the host
    assert credentials_for("http://example.org", env) is None
    both = {**env, "GRAPHKIT_ENDPOINT_USER": "envy", "GRAPHKIT_ENDPOINT_PASSWORD": "p3"}
    assert credentials_for("http://127.0.0.1:8890", both).user == "envy"  # the environment wins
    with pytest.raises(EndpointError, match="GRAPHKIT_ENDPOINT_PASSWORD is not set"):
        credentials_for("http://127.0.0.1:8890", {"GRAPHKIT_ENDPOINT_USER": "envy"})
    netrc.write_text("host 127.0.0.1 login u password p\n")  # "host" is not a netrc word
    with pytest.raises(EndpointError, match="cannot read the netrc file") as bad:
        credentials_for("http://127.0.0.1:8890", env)
    assert str(netrc) in str(bad.value)


def test_the_engine_can_be_named_and_an_unknown_engine_is_refused():
    assert Endpoint("http://127.0.0.1:1", engine="virtuoso", credentials=False).query_url == "http://127.0.0.1:1/sparql"
    with pytest.raises(EndpointError, match="unknown engine 'fuseki'.*oxigraph, virtuoso, generic"):
        Endpoint("http://127.0.0.1:1", engine="fuseki", credentials=False)
    out = CliRunner().invoke(main, ["query", "acts-by-forum-year", "--endpoint", "http://127.0.0.1:1", "--engine", "qlever"])
    assert out.exit_code == 2 and "qlever" in out.output
