"""Fixtures shared by the SPARQL tests: stores of the tiny world and of the shipped data, a real Oxigraph server.

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

import pytest

from graphkit.graph.loading import DEFAULT_DATA
from graphkit.reports.output import _cell
from graphkit.store.library import compact
from graphkit.store.embedded import load_build
from world_support import tiny_world

__all__ = ["world_store", "world_votes_store", "shipped_store", "oxigraph_server", "world_endpoint", "world_votes_endpoint", "rows_as_csv_cells", "free_port"]


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
    import pyoxigraph as ox
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
def world_endpoint(oxigraph_server):
    """The tiny world PUT to the server under graph names of its own, so other data on it does not mix in."""
    from graphkit.store.endpoint import Endpoint, load_build_to_endpoint
    base = f"urn:graphkit-test:{uuid.uuid4()}/"
    ep = Endpoint(oxigraph_server, timeout=20, graph_base=base)
    load_build_to_endpoint(tiny_world(), ep)
    yield ep
    for g in ep.graphs():
        ep.delete_graph(g)


@pytest.fixture(scope="session")
def world_votes_endpoint(oxigraph_server, world_votes_store):
    """The world with its vote imports (``world_votes_store``) PUT to the server, graph by graph, under graph names of its own."""
    from graphkit.store.embedded import open_store
    from graphkit.store.endpoint import Endpoint

    base = f"urn:graphkit-test:{uuid.uuid4()}/"
    ep = Endpoint(oxigraph_server, timeout=20, graph_base=base)
    store = open_store(world_votes_store, read_only=True)
    for i, g in enumerate(sorted(store.named_graphs(), key=str)):
        ep.put_graph(f"{base}{i}", "".join(f"{q.subject} {q.predicate} {q.object} .\n"
                                             for q in store.quads_for_pattern(None, None, None, g)))
    del store
    yield ep
    for g in ep.graphs():
        ep.delete_graph(g)


def rows_as_csv_cells(columns, rows) -> list[list[str]]:
    """Rows as the golden CSVs hold them: IRIs shortened, cells as graphkit's CSV writer writes them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(compact(r.get(c))) for c in columns])
    return list(csv.reader(io.StringIO(buffer.getvalue())))
