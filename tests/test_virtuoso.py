"""What only Virtuoso does, on a real Virtuoso server on 127.0.0.1 (skipped, with the reason, when it is not installed).

Writes need a user with the SPARQL_UPDATE role over HTTP Digest; the anonymous
endpoint is read-only; answers are cut at 10,000 rows; a query text Virtuoso
cannot run is swapped for its variant. The tests shared with Oxigraph are in
tests/test_endpoint.py.
"""
from __future__ import annotations

import pytest

from graphkit.store.endpoint import Endpoint
from graphkit.store.endpoint_auth import Credentials
from graphkit.errors import EndpointError
from graphkit.store.library import find_query, run_query
from tests.sparql_support import virtuoso_server  # noqa: F401 (fixture)


@pytest.fixture
def ep(virtuoso_server):
    e = virtuoso_server.endpoint()
    yield e
    for g in e._listed_graphs():
        e.delete_graph(g)
    e.delete_graph(e.manifest_graph)


def test_virtuoso_is_recognised_and_writes_go_to_the_authenticated_services(ep):
    assert ep.profile.name == "virtuoso"
    assert ep.query_url.endswith("/sparql-auth") and ep.store_url.endswith("/sparql-graph-crud-auth")
    anonymous = Endpoint(ep.url, credentials=False)
    assert anonymous.query_url.endswith("/sparql") and anonymous.store_url.endswith("/sparql-graph-crud")


def test_the_anonymous_endpoint_reads_but_cannot_write(ep):
    graph = ep.graph_base + "g"
    ep.put_graph(graph, "<urn:a> <urn:b> <urn:c> .\n")
    anonymous = Endpoint(ep.url, credentials=False, graph_base=ep.graph_base)
    assert anonymous.select(f"ASK {{ GRAPH <{graph}> {{ <urn:a> <urn:b> <urn:c> }} }}", default_graphs=[graph])["boolean"]
    with pytest.raises(EndpointError, match="SPARQL_UPDATE") as refused:
        anonymous.put_graph(graph, "<urn:a> <urn:b> <urn:d> .\n")
    assert "403" in str(refused.value)
    with pytest.raises(EndpointError):
        anonymous.update(f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:a> <urn:b> <urn:d> }} }}")
    assert not ep.select(f"ASK {{ GRAPH <{graph}> {{ <urn:a> <urn:b> <urn:d> }} }}", default_graphs=[graph])["boolean"]


def test_wrong_or_missing_credentials_are_clear_errors_that_never_show_the_password(ep):
    wrong = Endpoint(ep.url, credentials=Credentials("graphkit", "not-the-password-123"), graph_base=ep.graph_base)
    with pytest.raises(EndpointError, match="refused the credentials of user 'graphkit'") as refused:
        wrong.put_graph(ep.graph_base + "g", "<urn:a> <urn:b> <urn:c> .\n")
    assert "not-the-password-123" not in str(refused.value)
    none = Endpoint(ep.url, credentials=False, store_path="sparql-graph-crud-auth")
    with pytest.raises(EndpointError, match="asks for credentials.*GRAPHKIT_ENDPOINT_USER"):
        none.put_graph(ep.graph_base + "g", "<urn:a> <urn:b> <urn:c> .\n")


def test_a_large_upload_is_signed_before_it_is_sent(ep):
    """Virtuoso drops the connection when a large body meets its 401; graphkit learns the challenge first."""
    graph = ep.graph_base + "big"
    body = "".join(f"<urn:s{i}> <urn:p> \"{i}\" .\n" for i in range(60_000))  # 1.7 MB
    ep.put_graph(graph, body)
    ep.post_graph(graph, "<urn:s-extra> <urn:p> \"x\" .\n")
    n = ep.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graphs=[graph])["results"]["bindings"][0]["n"]["value"]
    assert int(n) == 60_001


def test_an_answer_cut_at_the_servers_row_limit_is_an_error_not_a_short_answer(ep):
    graph = ep.graph_base + "many"
    ep.put_graph(graph, "".join(f"<urn:s{i}> <urn:p> <urn:o> .\n" for i in range(10_001)))
    assert len(ep.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 9999", default_graphs=[graph])["results"]["bindings"]) == 9_999
    for limit in ("", "LIMIT 10000"):  # Virtuoso flags a full answer of 10,000 rows as cut too: it may be
        with pytest.raises(EndpointError, match="answered 10000 rows, its result-size limit"):
            ep.select(f"SELECT ?s WHERE {{ ?s ?p ?o }} {limit}", default_graphs=[graph])


def test_queries_read_only_graphkits_graphs_not_every_graph_on_the_server(ep):
    """Virtuoso's default dataset is every graph (its system graphs too); graphkit names its own."""
    ep.put_graph(ep.graph_base + "g", "<urn:a> <urn:b> <urn:c> .\n")
    from graphkit.store.endpoint_load import write_manifest
    write_manifest(ep, {ep.graph_base + "g": {"creator": "graphkit build"}})
    assert ep.graphs(refresh=True) == [ep.graph_base + "g"]
    rows = ep.select("SELECT ?g (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?g")
    counts = {b.get("g", {}).get("value"): int(b["n"]["value"]) for b in rows["results"]["bindings"]}
    assert counts == {None: 1, ep.graph_base + "g": 1}
    anonymous = Endpoint(ep.url, credentials=False)  # without a dataset Virtuoso reads all of it: thousands of triples
    everything = anonymous._post_query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graphs=[], named_graphs=[])
    import json
    assert int(json.loads(everything)["results"]["bindings"][0]["n"]["value"]) > 1000


def test_the_virtuoso_variant_runs_on_virtuoso(ep):
    from graphkit.store.backends import EndpointBackend
    from world_support import tiny_world
    from graphkit.store.endpoint_load import load_build_to_endpoint

    query = find_query("positions-on-target")
    backend = EndpointBackend(ep)
    marker = "FILTER(langMatches(LANG(?name)"
    assert marker in backend.text_for(query) and marker not in query.text
    load_build_to_endpoint(tiny_world(), ep)
    rows = run_query(query, {"target": "SYL", "topic": "north-march"}, endpoint=ep)
    # north-march: the 2020 critical statement (3), the 2020 supporting one (3) and the 2021 vote (5)
    assert len(rows) == 11 and {r["name"] for r in rows} == {"Avalon", "Borduria", "Carpania", "Dorvia", "Elbonia", "Freedonia"}
    avalon = {r["act"].rsplit("/", 1)[1]: r["side"] for r in rows if r["name"] == "Avalon"}
    assert avalon == {"w-2020-support": 1, "w-2021-vote": 1}  # a no on a vote whose yes criticises


def test_an_answer_stopped_at_the_servers_time_limit_is_an_error_not_a_short_answer(ep):
    """Virtuoso's 'anytime' answers: 200 OK, partial rows, and X-SQL-State: S1TAT."""
    graph = ep.graph_base + "join"
    # a three-way join of 10 billion rows: far more than 200 ms of work, so it is stopped (and small enough that the
    # server, which may go on with it in the background, is soon free again)
    ep.put_graph(graph, "".join(f"<urn:s{i}> <urn:p> <urn:o{i % 50}> .\n" for i in range(30_000)))
    slow = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?a ?p ?o . ?b ?p ?o . ?c ?p ?o }} }}"
    import urllib.parse
    headers: dict = {}
    fields = [("query", slow), ("timeout", "200"), ("default-graph-uri", graph), ("named-graph-uri", graph)]
    ep._request(ep.query_url, data=urllib.parse.urlencode(fields).encode(), method="POST",
                headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
                response_headers=headers)
    assert any(k.lower() == "x-sql-state" for k in headers)  # the server's own word that the answer is partial
    with pytest.raises(EndpointError, match="stopped the query and answered only part of it"):
        ep._check_complete(headers)
