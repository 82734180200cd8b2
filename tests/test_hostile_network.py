"""Nothing goes to the network unasked: SPARQL SERVICE (and LOAD) are refused by graphkit query and by
graphkit serve unless --allow-service. A listener on loopback stands for "somewhere else": it must
receive nothing while the option is off, and it does receive the request when the option is on (so
the tests would fail if the refusal stopped working)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.errors import QueryError
from graphkit.store.library import run_query
from graphkit.store.sparqltext import outbound
from world_support import WORLD_DIR, tiny_world_graph
from tests.sparql_support import free_port, world_store  # noqa: F401 (fixtures)

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # run as python -m graphkit from the checkout


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection it gets (and answers nothing useful)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.requests.append(conn.recv(4096))
                    conn.sendall(b"HTTP/1.1 500 Nope\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    self.requests.append(b"")

    def url(self, path="x?secret=1") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def settle(self, seconds=0.5):
        time.sleep(seconds)
        return self.requests

    def close(self):
        self._stop = True
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _rq(tmp_path, body: str, name="svc.rq"):
    path = tmp_path / name
    path.write_text(f"# title: reaches out\n{body}\n", encoding="utf-8")
    return path


def _variants(url: str) -> list[str]:
    """SERVICE as a query may hide it: glued to neighbours (Oxigraph runs these), escaped, lower case, nested."""
    return [
        f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?s ?p ?o OPTIONAL {{ service silent <{url}> {{ ?s ?p ?x }} }} }}",
        f"PREFIX ex: <{url.rsplit('/', 1)[0]}/> SELECT * {{ ?s ?p true SERVICEex:x {{ ?s ?p ?o }} }}",
        f"PREFIX : <{url.rsplit('/', 1)[0]}/> SELECT * {{ ?s ?p ?o . SERVICE:x {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?s ?p ?o FILTER EXISTS {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f'SELECT * {{ ?s ?p "x"^^<urn:t>SERVICE <{url}> {{ ?s ?p ?o }} }}',
    ]


def test_outbound_finds_service_however_written_and_only_outside_strings_and_names():
    for text in _variants("http://127.0.0.1:9/x"):
        assert outbound(text) == ["SERVICE"], text
    quiet = ['SELECT * { ?s ?p "SERVICE <http://x> { }" }', "# SERVICE <http://x>\nSELECT * { ?s ?p ?o }",
             "PREFIX schema: <http://schema.org/> SELECT * { ?s schema:serviceType ?o }",
             "SELECT ?service { ?service ?p <http://example.org/SERVICE> }"]
    for text in quiet:
        assert outbound(text) == [], text
    assert outbound("LOAD <http://example.org/x.ttl> INTO GRAPH <urn:g>") == ["LOAD"]
    assert outbound("CLEAR GRAPH <urn:g> ; LOADSILENT <http://example.org/x.ttl>") == ["LOAD"]


def test_query_refuses_service_and_the_listener_receives_nothing(tmp_path, world_store, listener):
    for i, text in enumerate(_variants(listener.url())):
        out = invoke("query", _rq(tmp_path, text, f"v{i}.rq"), "--data", WORLD_DIR, "--store", world_store)
        assert out.exit_code == 2, (text, out.output)
        assert "SERVICE" in out.output and "--allow-service" in out.output and "Traceback" not in out.output
    assert listener.settle() == []


def test_allow_service_does_reach_out_and_a_failing_service_is_a_message(tmp_path, world_store, listener):
    # The same query with the option reaches the listener: the refusal above is what kept it quiet.
    path = _rq(tmp_path, _variants(listener.url())[0])
    out = invoke("query", path, "--data", WORLD_DIR, "--store", world_store, "--allow-service")
    assert out.exit_code == 2 and "the query failed while running" in out.output, out.output
    assert "Traceback" not in out.output
    requests = listener.settle()
    assert requests and b"/x?secret=1" in requests[0]


def test_library_refuses_service_and_load_on_every_backend(tmp_path, world_store, listener):
    path = _rq(tmp_path, _variants(listener.url())[0])
    with pytest.raises(QueryError, match="allow_service"):
        run_query(path, store=world_store)
    with pytest.raises(QueryError, match="allow_service"):
        run_query(path, graph=tiny_world_graph())
    load = _rq(tmp_path, f"LOAD <{listener.url('data.ttl')}>", "load.rq")
    with pytest.raises(QueryError, match="LOAD"):
        run_query(load, graph=tiny_world_graph(), allow_update=True)
    assert listener.settle() == []


def test_rdflib_backend_does_not_fetch_a_from_graph(tmp_path, listener):
    path = _rq(tmp_path, f"SELECT (COUNT(*) AS ?n) FROM <{listener.url('g.ttl')}> WHERE {{ ?s ?p ?o }}")
    run_query(path, graph=tiny_world_graph())
    assert listener.settle() == []


# ------------------------------------------------------------------------------------------------ serve


def _start_serve(tmp_path, store, *extra):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "graphkit", "serve", "--data", str(WORLD_DIR), "--store", str(store),
                             "--port", str(port), *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, start_new_session=True)
    line = proc.stdout.readline()
    assert f"http://127.0.0.1:{port}/query" in line, (line, proc.stderr.read() if proc.poll() is not None else "")
    return proc, f"http://127.0.0.1:{port}/query", port


def _stop(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=15)


def _ask(url, text, method="GET"):
    if method == "GET":
        req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": text}),
                                     headers={"Accept": "application/sparql-results+json"})
    elif method == "FORM":
        req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": text}).encode(),
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        req = urllib.request.Request(url, data=text.encode(), headers={"Content-Type": "application/sparql-query"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.fixture(scope="module")
def served_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("served") / "store"
    result = CliRunner().invoke(main, ["build", "--data", str(WORLD_DIR), "-o", str(store.parent / "g.ttl"),
                                       "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


def test_serve_refuses_service_in_every_form_and_answers_other_queries(tmp_path, served_store, listener):
    proc, url, _ = _start_serve(tmp_path, served_store)
    try:
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/graphkit/ontology#State> }"
        status, body = _ask(url, count)
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "7"
        for text in _variants(listener.url()):
            for method in ("GET", "FORM", "POST"):
                status, body = _ask(url, text, method)
                assert status == 403 and "SERVICE is refused" in body, (method, text, status, body)
        status, _ = _ask(url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "FORM")  # an update posing as a query
        assert status == 400 and json.loads(_ask(url, count)[1])["results"]["bindings"][0]["n"]["value"] == "7"
        req = urllib.request.Request(url.replace("/query", "/update"), data=b"update=CLEAR+ALL",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(req, timeout=10)
        assert refused.value.code == 403
        assert listener.settle() == []
    finally:
        _stop(proc)


def test_serve_with_allow_service_passes_service_on(tmp_path, served_store, listener):
    proc, url, _ = _start_serve(tmp_path, served_store, "--allow-service")
    try:
        status, _ = _ask(url, _variants(listener.url())[0])
        assert status != 403
        assert listener.settle()  # Oxigraph called the listener: the guard is what stops it by default
    finally:
        _stop(proc)


def test_a_second_serve_on_a_busy_port_is_a_message_not_a_backtrace(tmp_path, served_store):
    proc, _, port = _start_serve(tmp_path, served_store)
    try:
        env = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT)}
        second = subprocess.run([sys.executable, "-m", "graphkit", "serve", "--data", str(WORLD_DIR),
                                 "--store", str(served_store), "--port", str(port)],
                                capture_output=True, text=True, env=env, timeout=60)
        said = second.stdout + second.stderr
        assert second.returncode == 2, said
        assert f"port {port} on 127.0.0.1 is already in use" in said
        assert "Traceback" not in said and "panicked at" not in said
    finally:
        _stop(proc)
