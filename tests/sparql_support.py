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

__all__ = ["world_store", "shipped_store", "oxigraph_server", "world_endpoint", "rows_as_csv_cells", "free_port"]


@pytest.fixture(scope="session")
def world_store(tmp_path_factory):
    """The tiny world loaded into an embedded store (a fresh directory)."""
    path = tmp_path_factory.mktemp("world-store") / "store"
    from world_support import WORLD_DIR
    load_build(tiny_world(), path, data_dir=WORLD_DIR)
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


def rows_as_csv_cells(columns, rows) -> list[list[str]]:
    """Rows as the golden CSVs hold them: IRIs shortened, cells as graphkit's CSV writer writes them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(compact(r.get(c))) for c in columns])
    return list(csv.reader(io.StringIO(buffer.getvalue())))
