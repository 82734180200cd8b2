"""Benchmark the Human Rights Council and Security Council sources on the real files. Run by hand, not by pytest.

    python bench/bench_sources.py [--data ../shared/reference/external] [--work DIR] [--repeat 5]

Each command runs as a new process (``python -m graphkit ...``), as a user runs it; wall time and the
child's peak resident memory (``wait4``) are measured per run, medians printed. Figures:

1. ``graphkit import hrc`` from the SQLite file and from the three CSV exports, and
   ``graphkit import unsc-vetoes``: time and peak memory (into a fresh store each time);
2. the cold time (a new process; the store built by ``graphkit build`` and both imports done) of ``graphkit compare FRA CHN --source hrc``
   and ``graphkit compare CHN RUS --source hrc``, and ``graphkit state CHN --source unsc``;
3. what the graph answers: the vetoes per member (query ``vetoes-by-member``: every veto, the file's
   member_veto columns, its 0/1 columns) and the audit's coverage counts.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str], env: dict) -> tuple[float, float, str]:
    """(wall seconds, peak MiB, stdout+stderr) of one new process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graphkit", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=env, cwd=ROOT)
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"graphkit {' '.join(args)} failed:\n{out}")
    return wall, usage.ru_maxrss / 1024, out


def median_run(args, env, repeat, fresh: Path | None = None) -> dict:
    walls, peaks = [], []
    for _ in range(repeat):
        if fresh is not None and fresh.exists():
            shutil.rmtree(fresh)
        wall, peak, _ = timed(args, env)
        walls.append(wall)
        peaks.append(peak)
    return {"command": "graphkit " + " ".join(args), "median_s": round(statistics.median(walls), 2),
            "min_s": round(min(walls), 2), "peak_mib": round(statistics.median(peaks))}


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "reference" / "external")
    p.add_argument("--work", type=Path, default=None)
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args(argv)
    work = a.work or Path(tempfile.mkdtemp(prefix="bench-sources-"))
    env = {**os.environ, "GRAPHKIT_HOME": str(work / "home"), "PYTHONPATH": str(ROOT)}
    env.pop("GRAPHKIT_STORE", None)
    hrc, unsc = a.data / "hrc-recorded-votes", a.data / "unsc-vetoes" / "unsc_vetoes_1946_sept2022.csv"
    sqlite = hrc / "unhrc_votes_2006-2024.sqlite3"
    csvs = [hrc / n for n in ("hrc_votes.csv", "hrc_resolutions.csv", "hrc_countries.csv")]
    scratch = work / "scratch"
    figures = {"imports": [], "cold": [], "answers": {}}
    for files in ([sqlite], csvs):
        figures["imports"].append(median_run(["import", "hrc", *map(str, files), "--store", str(scratch), "--quiet"],
                                             env, a.repeat, fresh=scratch))
    figures["imports"].append(median_run(["import", "unsc-vetoes", str(unsc), "--store", str(scratch), "--quiet"],
                                         env, a.repeat, fresh=scratch))
    store = work / "store"
    if store.exists():
        shutil.rmtree(store)
    timed(["build", "--store", str(store)], env)          # as a user does first: the curated graph and the state resolver stored
    for args in (["import", "hrc", str(sqlite)], ["import", "unsc-vetoes", str(unsc)]):
        timed([*args, "--store", str(store), "--quiet"], env)
    for args in (["compare", "FRA", "CHN", "--source", "hrc"], ["compare", "CHN", "RUS", "--source", "hrc"],
                 ["state", "CHN", "--source", "unsc"]):
        figures["cold"].append(median_run([*args, "--store", str(store)], env, a.repeat))
    _, _, out = timed(["query", "vetoes-by-member", "--store", str(store), "--format", "json"], env)
    figures["answers"]["vetoes_by_member"] = [
        {"member": r["member"].rsplit("/", 1)[-1], "vetoes": r["vetoes"], "member_columns": r["memberColumns"],
         "flag_columns": r["flagColumns"]} for r in json.loads(out)]
    _, _, out = timed(["audit", "--store", str(store), "--format", "json"], env)
    findings = json.loads(out)["rows"]
    figures["answers"]["audit"] = {k: sum(1 for f in findings if f["kind"] == k) for k in ("tally", "vote", "no votes", "short", "missing")}
    _, _, out = timed(["compare", "FRA", "CHN", "RUS", "--source", "hrc", "--store", str(store), "--format", "json"], env)
    figures["answers"]["compare_hrc"] = json.loads(out)
    figures["load_average_after"] = os.getloadavg()
    print(json.dumps(figures, indent=2, default=str))
    if a.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
