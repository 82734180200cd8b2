"""Crash safety (issue 16, items 1-2): ``graphkit build`` and ``graphkit import`` killed at any moment leave the previous store.

Each case starts from a store holding the tiny world (data A) and the UNGA fixture's votes (import 1), then
runs a build of changed data (B: one act fewer) or an import of changed votes (import 2: USA's vote on roll
call 104 turned from no to yes) in a real process killed with SIGKILL — at every point of the store write
(tests/kill_at.py), and after a sweep of delays. After each kill, every later reader must give the previous
answers or the new ones, never a mix: the curated acts are A's with A's fingerprint or B's with B's; the votes
are import 1's or import 2's, read alike from the graph and from the array cache; ``graphkit compare`` says
the previous share or the new one. Then the interrupted command, run again, completes.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.sources.unga.readers import DATASETS
from graphkit.store.embedded import CURATED_GRAPH, fingerprint, load_build, open_store, read_manifest
from graphkit.store.generations import GENERATIONS, state
from graphkit.store.votes import import_table, read_votes, store_table
from unga_support import FIXTURE_DIR, fixture_table
from world_support import WORLD_DIR, tiny_world

KILL_AT = Path(__file__).parent / "kill_at.py"
ROOT = Path(__file__).resolve().parent.parent
BUILD_POINTS = ["writer", "before-commit", "before-manifest", "after-manifest", "before-pointer", "after-pointer", "prune"]
_COMMIT_POINTS = ["phase:committing", "before-manifest", "after-manifest", "before-pointer", "after-pointer", "prune"]
#: A re-import of a graph that outweighs the rest starts an empty generation and copies the other graphs into it;
#: a smaller one starts from a copy of the store and removes its previous graph in place (graphkit.store.votes._start_for).
IMPORT_POINTS = [("empty", p) for p in ["phase:reading", "writer", "phase:loading", "phase:copying the", "phase:linking",
                                        "phase:writing", "phase:compacting", *_COMMIT_POINTS]] + \
                [("copy", p) for p in ["phase:copying the current", "writer", "phase:removing", "phase:loading",
                                       "phase:linking", "phase:writing", *_COMMIT_POINTS]]


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """Data A and B, votes 1 and 2, and a store holding A and votes 1 (copied for each case)."""
    base = tmp_path_factory.mktemp("crash")
    data_a, data_b = base / "data-a", base / "data-b"
    shutil.copytree(WORLD_DIR, data_a)
    shutil.copytree(WORLD_DIR, data_b)
    (data_b / "acts" / "w-2022-support.ttl").unlink()
    (data_b / "lists" / "w-2022-support.csv").unlink()
    votes1, votes2 = base / "votes-1", base / "votes-2"
    shutil.copytree(FIXTURE_DIR / "voeten", votes1)
    shutil.copytree(FIXTURE_DIR / "voeten", votes2)
    f = votes2 / "votes.csv"
    lines = f.read_text().splitlines()
    changed = [l.replace(",no,", ",yes,") if l.startswith("104,US,") else l for l in lines]
    assert changed != lines
    f.write_text("\n".join(changed) + "\n")
    store = base / "template" / "store"
    load_build(tiny_world(), store, data_dir=data_a)
    import_table(fixture_table(), store, release="fixture")
    return {"a": data_a, "b": data_b, "votes1": votes1, "votes2": votes2, "template": store}


def _copy_store(versions, tmp_path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(versions["template"], target, symlinks=True)
    return target


def _acts(store) -> frozenset:
    s = open_store(store, read_only=True)
    q = "SELECT DISTINCT ?a WHERE { ?a a ?t . FILTER(STRSTARTS(STR(?a), 'https://w3id.org/graphkit/id/act/w-')) }"
    return frozenset(r[0].value.rsplit("/", 1)[1] for r in s.query(q, default_graph=[__import__("pyoxigraph").NamedNode(CURATED_GRAPH)]))


def _votes(store) -> tuple:
    table = read_votes(DATASETS["voeten"], store)                         # through the array cache
    direct = store_table(open_store(store, read_only=True), DATASETS["voeten"])  # from the graph alone
    rows = sorted(zip(table.votes.rcid, table.votes.key, table.votes.value.tolist()))
    assert rows == sorted(zip(direct.votes.rcid, direct.votes.key, direct.votes.value.tolist())), "cache and graph disagree"
    return tuple(rows)


def _compare(store) -> str:
    r = CliRunner().invoke(main, ["compare", "USA", "FRA", "--source", "unga", "--store", str(store), "--min-votes", "0",
                                  "--format", "csv"])
    assert r.exit_code == 0, r.output
    return r.stdout


def _run(point: str, args: list[str], *, delay: float | None = None, start: str | None = None) -> int:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests"), os.environ.get("PYTHONPATH", "")]),
           "KILL_AT_START": start or ""}
    proc = subprocess.Popen([sys.executable, str(KILL_AT), point, *map(str, args)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if delay is not None:
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=120)
    return proc.returncode


@pytest.fixture(scope="module")
def answers(versions, tmp_path_factory):
    """What a reader sees before and after a complete build and a complete import."""
    out = {}
    store = _copy_store(versions, tmp_path_factory.mktemp("answers"))
    out["acts", "a"], out["votes", 1], out["compare", 1] = _acts(store), _votes(store), _compare(store)
    assert _run("none", ["build", "--data", versions["b"], "--store", store, "-o", store.parent / "g.ttl"]) == 0
    out["acts", "b"] = _acts(store)
    assert _run("none", ["import", "unga", *(versions["votes2"] / n for n in ("votes.csv", "roll_calls.csv", "issues.csv")),
                         "--store", store, "--quiet"]) == 0
    out["votes", 2], out["compare", 2] = _votes(store), _compare(store)
    assert out["acts", "a"] != out["acts", "b"] and out["votes", 1] != out["votes", 2] and out["compare", 1] != out["compare", 2]
    return out


def _check(store, versions, answers) -> str:
    """The store after a kill: previous or new, never a mix; says which."""
    assert state(store) == "ok"
    acts = _acts(store)
    fp = read_manifest(store)["fingerprint"]
    if acts == answers["acts", "a"]:
        assert fp == fingerprint(versions["a"]), "curated graphs of A with another manifest"
        curated = "A"
    else:
        assert acts == answers["acts", "b"] and fp == fingerprint(versions["b"]), "curated graphs of neither build"
        curated = "B"
    votes = _votes(store)
    assert votes in (answers["votes", 1], answers["votes", 2]), "votes of neither import"
    which = 1 if votes == answers["votes", 1] else 2
    assert _compare(store) == answers["compare", which]
    assert len(list((store / GENERATIONS).iterdir())) <= 3
    return f"{curated}/votes {which}"


def _build(versions, store):
    return ["build", "--data", versions["b"], "--store", store, "-o", store.parent / "g.ttl"]


def _import(versions, store):
    return ["import", "unga", *(versions["votes2"] / n for n in ("votes.csv", "roll_calls.csv", "issues.csv")),
            "--store", store, "--quiet"]


@pytest.mark.parametrize("point", BUILD_POINTS)
def test_build_killed_at_each_point_leaves_the_previous_or_the_new_store(point, versions, answers, tmp_path):
    store = _copy_store(versions, tmp_path)
    assert _run(point, _build(versions, store)) == -signal.SIGKILL
    seen = _check(store, versions, answers)
    assert seen == ("B/votes 1" if point in ("after-pointer", "prune") else "A/votes 1"), seen
    assert _run("none", _build(versions, store)) == 0               # run again: it completes
    assert _check(store, versions, answers) == "B/votes 1"


@pytest.mark.parametrize("start, point", IMPORT_POINTS, ids=[f"{s}-{p}" for s, p in IMPORT_POINTS])
def test_import_killed_at_each_point_keeps_the_previous_import(start, point, versions, answers, tmp_path):
    store = _copy_store(versions, tmp_path)
    assert _run(point, _import(versions, store), start=start) == -signal.SIGKILL
    seen = _check(store, versions, answers)
    assert seen == ("A/votes 2" if point in ("after-pointer", "prune") else "A/votes 1"), seen
    assert _run("none", _import(versions, store), start=start) == 0
    assert _check(store, versions, answers) == "A/votes 2"


def test_kills_after_a_sweep_of_delays(versions, answers, tmp_path):
    """Real kills at times spread over each command's run (measured first): whatever they hit, a store is whole."""
    seen = []
    for name, args in (("build", _build), ("import", _import)):
        store = _copy_store(versions, tmp_path / f"{name}-timed")
        started = time.perf_counter()
        assert _run("none", args(versions, store)) == 0
        took = time.perf_counter() - started
        for i in range(1, 7):
            store = _copy_store(versions, tmp_path / f"{name}-{i}")
            _run("none", args(versions, store), delay=took * i / 7)
            seen.append(_check(store, versions, answers))
    assert len(seen) == 12
