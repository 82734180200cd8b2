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

__all__ = ["empty_store", "world_store", "world_votes_store", "shipped_store", "votes_store", "synthetic_votes_store",
           "SYNTHETIC_ROLL_CALLS", "oxigraph_server", "virtuoso_server", "engine_server", "world_endpoint",
           "world_votes_endpoint", "votes_endpoint", "rows_as_csv_cells", "free_port", "ENGINES", "Server"]

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

    import shutil

    from graphkit.graph.build import build

    # the world, with the shipped states beside its own so that the veto queries name the real members
    data = tmp_path_factory.mktemp("world-votes-data") / "world"
    shutil.copytree(WORLD_DIR, data)
    for name in ("states.ttl", "historic-entities.ttl"):
        shutil.copy(DEFAULT_DATA / name, data / f"shipped-{name}")
    path = tmp_path_factory.mktemp("world-votes-store") / "store"
    load_build(build(data, check=False), path, data_dir=data)
    votes = WORLD_DIR.parent / "world_votes"
    hrc = read_hrc(votes / "hrc_votes.csv", votes / "hrc_resolutions.csv", votes / "hrc_countries.csv",
                   identity=load_states(WORLD_DIR), curated=curated_votes(WORLD_DIR))
    import_table(hrc, path, release="world fixture")
    vetoes = read_vetoes(UNSC_FILE, identity=load_states(), memberships=veto_memberships(DEFAULT_DATA))
    import_table(vetoes, path, release="veto fixture")
    return path


@pytest.fixture(scope="session")
def shipped_store(tmp_path_factory, shipped):
    """The shipped data/ loaded into an embedded store."""
    path = tmp_path_factory.mktemp("shipped-store") / "store"
    load_build(shipped, path, data_dir=DEFAULT_DATA)
    return path


@pytest.fixture(scope="session")
def votes_store(tmp_path_factory, shipped):
    """The shipped data/ and the synthetic UNGA fixture (tests/unga/voeten, drawn in tests/unga_support.py) imported."""
    from graphkit.store.votes import import_table
    from unga_support import fixture_table
    path = tmp_path_factory.mktemp("votes-store") / "store"
    load_build(shipped, path, data_dir=DEFAULT_DATA)
    import_table(fixture_table(), path, release="fixture")
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


def _store_on_endpoint(engine_server, store_path):
    """Each graph of the store at ``store_path`` PUT to a new graph base of the engine's server, as graphkit names its
    graphs there (the endpoint's base and the graph's last segment, so the vote graphs are known as such)."""
    from graphkit.store.embedded import open_store
    from graphkit.store.endpoint_load import graph_name

    ep = engine_server.endpoint()
    store = open_store(store_path, read_only=True)
    names = []
    for g in sorted(store.named_graphs(), key=str):
        names.append(graph_name(g.value, ep))
        ep.put_graph(names[-1], "".join(f"{q.subject} {q.predicate} {q.object} .\n"
                                        for q in store.quads_for_pattern(None, None, None, g)))
    del store
    return ep, names


@pytest.fixture(scope="session")
def world_votes_endpoint(engine_server, world_votes_store):
    """The world with its vote imports (``world_votes_store``) on each engine, under graph names of its own."""
    ep, names = _store_on_endpoint(engine_server, world_votes_store)
    yield ep
    for name in names:
        ep.delete_graph(name)


@pytest.fixture(scope="session")
def votes_endpoint(engine_server, votes_store):
    """The shipped data with the UNGA fixture imported (``votes_store``) on each engine, under graph names of its own."""
    ep, names = _store_on_endpoint(engine_server, votes_store)
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


#: Roll calls × voters of the synthetic vote graph: 2,500 × 200 = 500,000 votes, one quad each, plus the records.
SYNTHETIC_ROLL_CALLS, SYNTHETIC_VOTERS = 2_500, 200


def synthetic_vote_nquads(graph: str, roll_calls: int = SYNTHETIC_ROLL_CALLS) -> bytes:
    """A vote graph shaped like an import (records, one position per side, a participant per vote), made to mislead.

    Every record targets the tiny world's Syldavia on its topic, at the Council and on the world's dates, with
    gk:yesImplies, counts, an occasion and withdrawals, and its voters are the world's states (and 194 more):
    a curated query that read this graph would list other acts, positions, counts or states.
    """
    gk, i = "https://w3id.org/graphkit/ontology#", "https://w3id.org/graphkit/id/"
    g = f"<{graph}>"
    world = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"]
    voters = world + [f"S{n:03d}" for n in range(SYNTHETIC_VOTERS - len(world))]
    side = ("yes", "no", "abstain")
    out = [f"<{i}state/{v}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{gk}State> {g} .\n" for v in voters[len(world):]]
    for r in range(roll_calls):
        act = f"<{i}act/unga-voeten-s{r}>"
        day = ("2020-06-29", "2020-07-01", "2021-03-15", "2022-10-20")[r % 4]
        out.append(
            f"{act} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{gk}RecordedVote> {g} .\n{act} <{gk}forum> <{i}org/un-hrc> {g} .\n"
            f"{act} <{gk}date> \"{day}\"^^<http://www.w3.org/2001/XMLSchema#date> {g} .\n"
            f"{act} <{gk}target> <{i}state/SYL> {g} .\n{act} <{gk}topic> <{i}topic/north-march> {g} .\n"
            f"{act} <{gk}yesImplies> <{gk}supports> {g} .\n{act} <{gk}occasion> <{i}occasion/w-2020-hrc> {g} .\n"
            f"{act} <{gk}session> \"{r % 5}\"^^<http://www.w3.org/2001/XMLSchema#integer> {g} .\n"
            f"{act} <{gk}reportedCount> <{i}count/s{r}> {g} .\n<{i}count/s{r}> <{gk}count> \"7\"^^<http://www.w3.org/2001/XMLSchema#integer> {g} .\n"
            f"<{i}count/s{r}> <{gk}countScope> <{gk}supports> {g} .\n<{i}count/s{r}> <{gk}evidence> <{i}evidence/s{r}> {g} .\n"
            f"<{i}evidence/s{r}> <http://www.w3.org/ns/prov#wasDerivedFrom> <{i}source/synthetic> {g} .\n")
        for s in side:
            p = f"<{i}position/unga-voeten-s{r}/{s}>"
            out.append(f"{p} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{gk}Position> {g} .\n{p} <{gk}act> {act} {g} .\n{p} <{gk}stance> <{gk}{s}> {g} .\n"
                       f"{p} <{gk}evidence> <{i}evidence/s{r}> {g} .\n{p} <{gk}joinedOn> \"2022-11-02\"^^<http://www.w3.org/2001/XMLSchema#date> {g} .\n")
        withdrawn = f"<{i}position/unga-voeten-s{r}/no> <{gk}withdrawnOn> \"2020-07-10\"^^<http://www.w3.org/2001/XMLSchema#date> {g} .\n"
        out.append(withdrawn)
        out.extend(f"<{i}position/unga-voeten-s{r}/{side[(r + n) % 3]}> <{gk}participant> <{i}state/{v}> {g} .\n"
                   for n, v in enumerate(voters))
    return "".join(out).encode()


def empty_store(path):
    """A graphkit store at ``path`` holding no graph at all (one committed, empty generation); returns ``path``."""
    from graphkit.store.generations import StoreWriter
    with StoreWriter(path, start="empty") as w:
        w.commit({"graphs": {}})
    return path


def make_synthetic_votes_store(path, roll_calls: int = SYNTHETIC_ROLL_CALLS):
    """Build the tiny world at ``path`` and add the synthetic vote graph (``roll_calls`` × 200 votes) as an import would."""
    import pyoxigraph as ox
    from graphkit.sources.unga.readers import DATASETS
    from graphkit.store.generations import StoreWriter
    from world_support import WORLD_DIR
    load_build(tiny_world(), path, data_dir=WORLD_DIR)
    graph = DATASETS["voeten"].graph
    data = synthetic_vote_nquads(graph, roll_calls)
    with StoreWriter(path, start="copy") as w:
        w.store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        graphs = dict(w.previous["graphs"])
        graphs[graph] = {"dataset": "votes:unga", "key": "unga-voeten", "quads": data.count(b"\n"),
                         "votes": roll_calls * SYNTHETIC_VOTERS}
        w.commit({**w.previous, "graphs": graphs})
    return path


@pytest.fixture(scope="session")
def synthetic_votes_store(tmp_path_factory):
    """The tiny world and a synthetic vote graph of more than 500,000 quads in the UNGA votes' graph (``votes:unga``)."""
    return make_synthetic_votes_store(tmp_path_factory.mktemp("synthetic-votes") / "store")
