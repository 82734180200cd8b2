"""graphkit.store.endpoint against a real Oxigraph server on 127.0.0.1, and against servers that are down or slow."""
from __future__ import annotations

import http.server
import threading
import time

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.store.endpoint import Endpoint, load_build_to_endpoint
from graphkit.errors import EndpointError
from graphkit.store.library import list_queries, run_query
from world_support import tiny_world
from tests.sparql_support import free_port, oxigraph_server, world_endpoint, world_store  # noqa: F401 (fixtures)
from tests.test_queries import golden_params


def _norm(rows):
    return sorted(repr(sorted(r.items())) for r in rows)


@pytest.mark.parametrize("name", [q.name for q in list_queries() if not any(d.startswith("votes") for d in q.datasets)])
def test_endpoint_gives_the_same_rows_as_the_embedded_store(name, world_endpoint, world_store):
    params = golden_params(name)
    assert _norm(run_query(name, params, endpoint=world_endpoint)) == _norm(run_query(name, params, store=world_store))


def test_put_replaces_each_graph(world_endpoint):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = world_endpoint.select(count)["results"]["bindings"][0]["n"]["value"]
    load_build_to_endpoint(tiny_world(), world_endpoint)
    after = world_endpoint.select(count)["results"]["bindings"][0]["n"]["value"]
    assert before == after and int(after) > 500
    assert len(world_endpoint.graphs()) == 11  # 6 Turtle files, 4 lists, the ontology


def test_injection_through_the_endpoint_is_rejected(world_endpoint):
    with pytest.raises(Exception, match="unknown state"):
        run_query("co-signers", {"state": "FRA> } ; DROP ALL #"}, endpoint=world_endpoint)
    assert len(world_endpoint.graphs()) == 11


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
    wrong = Endpoint(world_endpoint.url, query_path="nope", graph_base=world_endpoint.graph_base)
    with pytest.raises(EndpointError, match="answered 404"):
        wrong.select("ASK {}")
