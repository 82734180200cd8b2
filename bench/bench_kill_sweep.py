"""Kill ``graphkit import unga`` and ``graphkit build`` at a sweep of moments on the real votes; say what each kill left.

Run by hand, not by pytest (tests/test_crash_safety.py does the same on the fixture, at every point)::

    python bench/bench_kill_sweep.py [--data DIR] [--work DIR] [--points N]

The store starts with the curated graphs and the votes of sessions 1-70 (import 1); the killed command
imports all 870,109 votes (import 2), or rebuilds the curated graphs. Each kill (SIGKILL) comes at
i/(N+1) of the time a complete run took. After each, the store must hold import 1 or import 2 whole: the
votes read from the graph alone equal those of the array cache, their number is one of the two imports',
the manifest says the same; a kill during a build leaves the votes untouched.
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli(args, env, cwd, delay=None) -> tuple[int, float]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graphkit", *map(str, args)], env=env, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if delay is not None:
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
    return proc.wait(), time.perf_counter() - started


def first_sessions(data: Path, target: Path, last_session: int = 70) -> None:
    """The votes of sessions 1..last_session (import 1): the roll calls kept, the other votes left out."""
    target.mkdir(parents=True, exist_ok=True)
    with gzip.open(data / "roll_calls.csv.gz", "rt") as fh:
        import csv
        rows = list(csv.DictReader(fh))
    keep = {r["rcid"] for r in rows if int(r["session"]) <= last_session}
    with gzip.open(data / "votes.csv.gz", "rt") as src, gzip.open(target / "votes.csv.gz", "wt") as out:
        header = src.readline()
        out.write(header)
        col = header.strip().split(",").index("rcid")
        for line in src:
            if line.split(",", col + 1)[col] in keep:
                out.write(line)
    for name in ("roll_calls.csv.gz", "issues.csv.gz"):
        shutil.copy(data / name, target / name)


def inspect(store: Path) -> tuple[str, int]:
    """State, and the number of votes — checked whole: graph, cache and manifest agree."""
    from graphkit.sources.unga.readers import DATASETS
    from graphkit.store.embedded import open_store, read_manifest
    from graphkit.store.generations import state
    from graphkit.store.votes import read_votes, store_table

    st = state(store)
    if st != "ok":
        return st, -1
    cached = read_votes(DATASETS["voeten"], store)
    direct = store_table(open_store(store, read_only=True), DATASETS["voeten"])
    assert len(cached.votes) == len(direct.votes), "cache and graph disagree"
    assert (cached.votes["value"].to_numpy() != 0).sum() == (direct.votes["value"].to_numpy() != 0).sum()
    n = read_manifest(store)["graphs"]["https://w3id.org/graphkit/id/graph/unga-voeten"]["votes"]
    assert n == len(direct.votes), "manifest and graph disagree"
    return st, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "reference" / "unga")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--points", type=int, default=12)
    args = ap.parse_args()
    work = (args.work or Path(tempfile.mkdtemp(prefix="bench-kill-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    first = work / "votes-1"
    first_sessions(args.data, first)
    env = {**os.environ, "GRAPHKIT_HOME": str(work / "home")}
    env.pop("GRAPHKIT_STORE", None)
    store = work / "home" / "store"
    template = work / "template"
    shutil.rmtree(work / "home", ignore_errors=True)
    cli(["build"], env, work)
    files = lambda d: [d / n for n in ("votes.csv.gz", "roll_calls.csv.gz", "issues.csv.gz")]  # noqa: E731
    assert cli(["import", "unga", *files(first), "--quiet"], env, work)[0] == 0
    shutil.rmtree(template, ignore_errors=True)
    shutil.copytree(store, template)
    before = inspect(store)[1]
    code, took_import = cli(["import", "unga", *files(args.data), "--quiet"], env, work)
    after = inspect(store)[1]
    code, took_build = cli(["build", "--data", ROOT / "data"], env, work)
    print(f"import 1: {before:,} votes; import 2: {after:,} votes; a complete re-import {took_import:.1f} s, build {took_build:.1f} s")
    print("\n| command | killed at s | exit | store | votes | left |")
    print("|---|---|---|---|---|---|")
    tally = {}
    for name, command, took in (("import unga", ["import", "unga", *files(args.data), "--quiet"], took_import),
                                ("build", ["build", "--data", ROOT / "data"], took_build)):
        for i in range(1, args.points + 1):
            shutil.rmtree(store, ignore_errors=True)
            shutil.copytree(template, store)
            delay = took * i / (args.points + 1)
            code, _ = cli(command, env, work, delay=delay)
            st, n = inspect(store)
            left = {before: "import 1 (previous)", after: "import 2 (new)"}.get(n, "NEITHER")
            tally[name, left] = tally.get((name, left), 0) + 1
            print(f"| {name} | {delay:.1f} | {code} | {st} | {n:,} | {left} |", flush=True)
    print("\n" + "; ".join(f"{c} {left}: {k}" for (c, left), k in sorted(tally.items())))


if __name__ == "__main__":
    main()
