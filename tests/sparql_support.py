"""Fixtures shared by the SPARQL tests: stores of the tiny world and of the shipped data, real SPARQL servers.

Two engines, each a real server on 127.0.0.1: Oxigraph (CI's, named by
``GRAPHKIT_TEST_ENDPOINT``, or one started here) and Virtuoso (CI's, named by
``GRAPHKIT_TEST_VIRTUOSO`` and ``GRAPHKIT_TEST_VIRTUOSO_NETRC``, or one started
here by :mod:`tests.virtuoso_support` when Debian's virtuoso-opensource is
installed; otherwise its tests are skipped, saying why). ``engine_server`` and
``world_endpoint`` are parametrised over both, so a test that takes them runs
on each engine.

Import the fixtures into a test module with ``from tests.sparql_support import *``.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from graphkit.graph.loading import DEFAULT_DATA
from graphkit.reports.output import _cell
from graphkit.store.library import compact
from graphkit.store.embedded import load_build
from world_support import tiny_world

__all__ = ["world_store", "world_votes_store", "shipped_store", "oxigraph_server", "virtuoso_server", "engine_server",
           "world_endpoint", "world_votes_endpoint",
           "rows_as_csv_cells", "free_port", "ENGINES", "Server"]

#: The engines every endpoint test runs on.
ENGINES = ("oxigraph", "virtuoso")


@pytest.fixture(scope="session")
def world_store(tmp_path_factory):
    """The tiny world loaded into an embedded store (a fresh directory)."""
    path = tmp_path_factory.mktemp("world-store") / "store"
    from world_support import WORLD_DIR
    load_build(tiny_world(), path, data_dir=WORLD_DIR)
    return path


@pytest.fixture(scope="session")
def world_votes_store(tmp_path_factory):
    """The tiny world with vote imports beside it, for the queries on imported votes (drawn in tests/conftest.py).

    The Council's votes of the world (``tests/world_votes/``, the world's states) and the veto fixture
    (``tests/unsc/vetoes.csv``: the Security Council's own member names, resolved with the shipped data, each
    veto linked to the shipped permanent memberships), imported with fixed release labels; the shipped
    ``states.ttl`` and ``historic-entities.ttl`` sit in a graph of their own, so the veto queries name the members.
    """
    import pyoxigraph as ox

    from graphkit.graph.states import load_states
    from graphkit.sources.hrc import read_hrc
    from graphkit.sources.hrc.curated import curated_votes
    from graphkit.sources.unsc import read_vetoes, veto_memberships
    from graphkit.store.votes import import_table
    from hrc_support import UNSC_FILE
    from world_support import WORLD_DIR

    path = tmp_path_factory.mktemp("world-votes-store") / "store"
    load_build(tiny_world(), path, data_dir=WORLD_DIR)
    votes = WORLD_DIR.parent / "world_votes"
    hrc = read_hrc(votes / "hrc_votes.csv", votes / "hrc_resolutions.csv", votes / "hrc_countries.csv",
                   identity=load_states(WORLD_DIR), curated=curated_votes(WORLD_DIR))
    import_table(hrc, path, release="world fixture")
    vetoes = read_vetoes(UNSC_FILE, identity=load_states(), memberships=veto_memberships(DEFAULT_DATA))
    import_table(vetoes, path, release="veto fixture")
    store = ox.Store(str(path))
    for name in ("states.ttl", "historic-entities.ttl"):
        store.load(path=str(DEFAULT_DATA / name), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(f"urn:graphkit-test:{name}"))
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def shipped_store(tmp_path_factory, shipped):
    """The shipped data/ loaded into an embedded store."""
    path = tmp_path_factory.mktemp("shipped-store") / "store"
    load_build(shipped, path, data_dir=DEFAULT_DATA)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(url: str, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"oxigraph server at {url} did not start")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A real Oxigraph server: CI's (GRAPHKIT_TEST_ENDPOINT), or one started here on a free loopback port."""
    url = os.environ.get("GRAPHKIT_TEST_ENDPOINT")
    if url:
        yield url.rstrip("/")
        return
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.fail("the oxigraph server is needed for the endpoint tests: pip install -e '.[test]'")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """A real Virtuoso server: CI's, or a throw-away one started here; skipped when Virtuoso is not installed.

    Yields a :class:`Server`: the URL and the netrc file holding the credentials
    of its write user (``graphkit``, with the SPARQL_UPDATE role).
    """
    url = os.environ.get("GRAPHKIT_TEST_VIRTUOSO")
    if url:
        yield Server("virtuoso", url.rstrip("/"), Path(os.environ["GRAPHKIT_TEST_VIRTUOSO_NETRC"]))
        return
    from virtuoso_support import start_virtuoso, virtuoso_binaries
    if virtuoso_binaries() is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource; .ci/run does) and "
                    "GRAPHKIT_TEST_VIRTUOSO names no server")
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield Server("virtuoso", server.url, server.netrc)
    finally:
        server.stop()


@dataclass(frozen=True)
class Server:
    """A running test server: its engine, root URL and (for writes) a netrc file with its credentials."""

    engine: str
    url: str
    netrc: Path | None = None

    def credentials(self):
        if self.netrc is None:
            return False
        from graphkit.store.endpoint_auth import credentials_for
        return credentials_for(self.url, {"GRAPHKIT_NETRC": str(self.netrc)}) or False

    def endpoint(self, graph_base: str | None = None, **kw):
        """An :class:`graphkit.store.endpoint.Endpoint` on this server, writing under ``graph_base`` (default: a new one)."""
        from graphkit.store.endpoint import Endpoint
        base = graph_base or f"urn:graphkit-test:{uuid.uuid4()}/"
        return Endpoint(self.url, graph_base=base, credentials=kw.pop("credentials", self.credentials()),
                        **{"timeout": 120, **kw})  # generous: CI shares its two cores

    def env(self) -> dict:
        """Environment for a CLI run that should find the credentials (and nothing else of the caller's)."""
        return {"GRAPHKIT_NETRC": str(self.netrc) if self.netrc else os.devnull,
                "GRAPHKIT_ENDPOINT_USER": "", "GRAPHKIT_ENDPOINT_PASSWORD": ""}


@pytest.fixture(scope="session", params=ENGINES)
def engine_server(request) -> Server:
    """Each engine's server in turn (the test runs once per engine)."""
    if request.param == "oxigraph":
        return Server("oxigraph", request.getfixturevalue("oxigraph_server"))
    return request.getfixturevalue("virtuoso_server")


@pytest.fixture(scope="session")
def world_endpoint(engine_server):
    """The tiny world PUT to each engine under graph names of its own, so other data on it does not mix in."""
    from graphkit.store.endpoint_load import load_build_to_endpoint
    ep = engine_server.endpoint()
    load_build_to_endpoint(tiny_world(), ep)
    yield ep
    for g in ep.owned_graphs():
        ep.delete_graph(g)
    ep.delete_graph(ep.manifest_graph)


@pytest.fixture(scope="session")
def world_votes_endpoint(engine_server, world_votes_store):
    """The world with its vote imports (``world_votes_store``) PUT to each engine, graph by graph, under graph names of its own."""
    from graphkit.store.embedded import open_store

    ep = engine_server.endpoint()
    store = open_store(world_votes_store, read_only=True)
    names = []
    for i, g in enumerate(sorted(store.named_graphs(), key=str)):
        names.append(f"{ep.graph_base}{i}")
        ep.put_graph(names[-1], "".join(f"{q.subject} {q.predicate} {q.object} .\n"
                                        for q in store.quads_for_pattern(None, None, None, g)))
    del store
    yield ep
    for name in names:
        ep.delete_graph(name)


def rows_as_csv_cells(columns, rows) -> list[list[str]]:
    """Rows as the golden CSVs hold them: IRIs shortened, cells as graphkit's CSV writer writes them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(compact(r.get(c))) for c in columns])
    return list(csv.reader(io.StringIO(buffer.getvalue())))
