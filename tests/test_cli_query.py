"""The SPARQL commands: graphkit query, queries and serve (and build writing the store)."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
import signal
import subprocess
import sys

from click.testing import CliRunner

from graphkit.cli import main
from graphkit.store.library import run_query
from world_support import WORLD_DIR
from tests.sparql_support import free_port, world_store  # noqa: F401 (fixtures)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_help_for_every_sparql_command():
    for command in ("query", "queries", "serve", "build"):
        result = invoke(command, "--help")
        assert result.exit_code == 0 and "Example: graphkit" in result.output


def test_build_writes_the_store(tmp_path):
    result = invoke("build", "--data", WORLD_DIR, "-o", tmp_path / "g.ttl", "--store", tmp_path / "store")
    assert result.exit_code == 0, result.output
    assert "triples in the curated graphs of" in result.output and (tmp_path / "g.ttl").exists()
    rows = run_query("states-by-bloc", {"target": "SYL"}, store=tmp_path / "store")
    assert len(rows) == 5


def test_query_csv_json_tsv_and_table(world_store):
    base = ["query", "co-signers", "--param", "state=AAA", "--data", WORLD_DIR, "--store", world_store]
    out = invoke(*base, "--format", "csv")
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert [(r["other"], r["acts"]) for r in rows] == [("https://w3id.org/graphkit/id/state/BBB", "2"),
                                                       ("https://w3id.org/graphkit/id/state/EEE", "1")]
    assert json.loads(invoke(*base, "--format", "json").output)[0]["name"] == "Borduria"
    assert invoke(*base, "--format", "tsv").output.splitlines()[1].split("\t")[1] == "Borduria"
    assert "state:BBB" in invoke(*base).output  # the table shortens IRIs


def test_query_without_a_store_says_how_to_build_one_and_creates_nothing(tmp_path):
    query = ["query", "later-joiners", "--param", "target=SYL", "--data", WORLD_DIR, "--store", tmp_path / "s"]
    out = invoke(*query)
    assert out.exit_code == 2 and "no store at" in out.output and "graphkit build" in out.output
    assert not (tmp_path / "s").exists()
    assert invoke("build", "--data", WORLD_DIR, "-o", tmp_path / "g.ttl", "--store", tmp_path / "s").exit_code == 0
    out = invoke(*query)
    assert out.exit_code == 0 and "Borduria" in out.output


def test_query_errors_exit_2_with_a_message(world_store):
    base = ["--data", WORLD_DIR, "--store", world_store]
    out = invoke("query", "co-signers", "--param", "state=FRA> } ; DROP ALL #", *base)
    assert out.exit_code == 2 and "unknown state" in out.output
    out = invoke("query", "co-signers", "--param", "nonsense", *base)
    assert out.exit_code == 2 and "name=value" in out.output
    out = invoke("query", "no-such-query", *base)
    assert out.exit_code == 2 and "graphkit queries" in out.output


def test_update_refused_without_allow_update(tmp_path):
    upd = tmp_path / "wipe.rq"
    upd.write_text("# title: wipe\n# description: removes everything\nDROP ALL\n")
    invoke("build", "--data", WORLD_DIR, "-o", tmp_path / "g.ttl", "--store", tmp_path / "s")
    out = invoke("query", upd, "--data", WORLD_DIR, "--store", tmp_path / "s")
    assert out.exit_code == 2 and "--allow-update" in out.output
    assert run_query("states-by-bloc", {"target": "SYL"}, store=tmp_path / "s")


def test_queries_lists_titles_and_parameters():
    out = invoke("queries")
    assert out.exit_code == 0
    assert "hrc44-2020-two-camps" in out.output and "?target=CHN" in out.output


def test_serve_answers_on_loopback_and_stops(tmp_path):
    assert invoke("build", "--data", WORLD_DIR, "-o", tmp_path / "g.ttl", "--store", tmp_path / "store").exit_code == 0
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen([sys.executable, "-m", "graphkit", "serve", "--data", str(WORLD_DIR),
                             "--store", str(tmp_path / "store"), "--port", str(port)],
                            stdout=subprocess.PIPE, text=True, env=env, start_new_session=True)
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/query" in line
        from tests.sparql_support import _wait_ready
        _wait_ready(f"http://127.0.0.1:{port}")
        rows = run_query("states-by-bloc", {"target": "SYL"}, endpoint=f"http://127.0.0.1:{port}")
        assert {r["name"] for r in rows if r["bloc"] == "both sides"} == {"Elbonia"}
        from graphkit.store.endpoint import Endpoint
        import pytest
        from graphkit.errors import EndpointError
        with pytest.raises(EndpointError):  # read-only: the Graph Store refuses writes
            Endpoint(f"http://127.0.0.1:{port}").put_graph("urn:x", "<urn:a> <urn:b> <urn:c> .\n")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
