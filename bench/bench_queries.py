"""Time every library query on the real data with the UN votes in the store, each a new process, as a user runs it.

Run by hand, not by pytest::

    python bench/bench_queries.py [--data DIR] [--work DIR] [--repeat N]

Sets up two stores as a user would (``graphkit build``; the second also ``graphkit import unga`` with the
870,109 votes of ../shared/reference/unga), then runs ``graphkit query NAME --format csv`` with each
library query's defaults on both, cold (a new process each time; the median of --repeat), and checks that
the rows are the same with and without the votes. Then the queries that read the votes (on a session, or
refused with a pointer to compare --all-pairs), and the researchers' questions of bench/questions/ (the
README shows two). Ratios are against the issue's runs on main with the votes loaded (issue 13).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: issue 13, "with the votes in the store", on main (s); None: "no answer in 120 s"; the other eight 0.5-1.3 s
ISSUE = {"hrc44-2020-two-camps": 27.1, "acts-by-forum-year": 30.5, "withdrawals": 30.3, "occasions": 46.6,
         "reported-vs-listed": 62.8, "never-same-side": 120.0}
EXTRA = [("never-same-side", ["--graph", "votes:unga", "--graph", "curated", "--param", "session=74"]),
         ("never-same-side", ["--graph", "votes:unga", "--param", "session=74", "--param", "state=USA"]),
         ("never-same-side", ["--graph", "votes:unga"]),                       # refused: every pair of every roll call
         ("states-by-bloc", ["--graph", "votes:unga", "--graph", "curated", "--param", "session=74"]),
         ("vote-agreement", []), ("vote-agreement", ["--param", "session=74"]),
         ("shared-acts", ["--graph", "votes:unga", "--param", "a=USA", "--param", "b=ISR"]),
         ("positions-on-target", ["--graph", "all"])]


def env_for(home: Path) -> dict:
    env = {**os.environ, "GRAPHKIT_HOME": str(home.resolve()), "COLUMNS": "200"}
    env.pop("GRAPHKIT_STORE", None)
    return env


def graphkit(args, env, cwd) -> tuple[float, int, str, str]:
    started = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], env=env, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - started, r.returncode, r.stdout, r.stderr


def timed(args, env, cwd, repeat):
    runs = [graphkit(args, env, cwd) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), runs[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "reference" / "unga")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    work = (args.work or Path(tempfile.mkdtemp(prefix="bench-queries-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    plain, voted = work / "curated-only", work / "with-votes"
    for home in (plain, voted):
        shutil.rmtree(home, ignore_errors=True)
        graphkit(["build"], env_for(home), work)
    files = [args.data / n for n in ("votes.csv.gz", "roll_calls.csv.gz", "issues.csv.gz")]
    took, code, _, err = graphkit(["import", "unga", *files, "--quiet"], env_for(voted), work)
    assert code == 0, err
    print(f"stores ready (import {took:.1f} s)\n")
    from graphkit.store.library import list_queries

    print("| query | reads | with the votes, cold s | without | same rows | issue 13 (main) s | ratio |")
    print("|---|---|---|---|---|---|---|")
    worst = 0.0
    for q in list_queries():
        t_votes, (_, code, out_votes, err) = timed(["query", q.name, "--format", "csv"], env_for(voted), work, args.repeat)
        t_plain, (_, _, out_plain, _) = timed(["query", q.name, "--format", "csv"], env_for(plain), work, args.repeat)
        same = "yes" if out_votes == out_plain else ("n/a (reads the votes)" if "votes" in q.dataset else "NO")
        was = ISSUE.get(q.name)
        ratio = f"{t_votes / was:.3f}×" if was else ""
        worst = max(worst, t_votes)
        print(f"| {q.name} | {' '.join(q.datasets)} | {t_votes:.2f} | {t_plain:.2f} | {same} | "
              f"{(('>' if q.name == 'never-same-side' else '') + f'{was:g}') if was else '0.5–1.3'} | {ratio} |", flush=True)
    print(f"\nslowest library query with its defaults, cold: {worst:.2f} s\n")
    print("| query on the votes | cold s | rows | note |")
    print("|---|---|---|---|")
    for name, extra in EXTRA:
        t, (_, code, out, err) = timed(["query", name, *extra, "--format", "csv"], env_for(voted), work, args.repeat)
        note = err.strip().splitlines()[-1][:150] if code else ""
        print(f"| {name} {' '.join(extra)} | {t:.2f} | {max(out.count(chr(10)) - 1, 0)} | {note} |", flush=True)
    print("\n| researcher's question (bench/questions/) | cold s | rows |")
    print("|---|---|---|")
    for path in sorted((ROOT / "bench" / "questions").glob("*.rq")):
        t, (_, code, out, err) = timed(["query", path, "--format", "csv"], env_for(voted), work, args.repeat)
        assert code == 0, err
        print(f"| {path.name} | {t:.2f} | {out.count(chr(10)) - 1} |", flush=True)


if __name__ == "__main__":
    main()
