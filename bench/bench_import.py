"""Benchmark ``graphkit import unga`` on the real votes (../shared/reference/unga): first import, re-import, phases.

Run by hand, not by pytest::

    python bench/bench_import.py [--data DIR] [--work DIR] [--baseline CHECKOUT] [--repeat N]

Each import runs as a user runs it — ``graphkit build`` then ``graphkit import unga VOTES ROLL_CALLS ISSUES``,
each a new process — and is measured from outside: wall time, CPU time (user + system) and peak resident
memory of that process (``os.wait4``). Then the same import again into the store that holds it (a re-import).
With ``--baseline`` a checkout of another version (``git archive <commit> | tar -x -C DIR``) runs the same
commands side by side, alternating, so the ratios compare runs made under the same load of the machine.
Last, one import in this process with a progress object that times each phase.

The issue's figures (24.4 s / 1.0 GB first import, 171.7 s / 4.1 GB re-import, on main, 2026-11-28) are
printed beside the ratios; ratios against a baseline measured in the same run are the fairer comparison on
a shared machine.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ISSUE = {"first": (24.4, 1000), "again": (171.7, 4100)}  # seconds, MB: the issue's runs on main


def run(args, env, cwd=None) -> dict:
    """Run one command as a new process; its wall time, CPU seconds and peak memory.

    It runs in ``cwd`` (the work folder): ``python -m`` puts the current folder first on the path, and this
    checkout's ``graphkit/`` must not shadow a baseline's.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{err[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def version_env(home: Path, checkout: Path | None) -> dict:
    env = {**os.environ, "GRAPHKIT_HOME": str(home.resolve())}
    env.pop("GRAPHKIT_STORE", None)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    return env


def imports(label: str, checkout: Path | None, data: Path, work: Path) -> dict:
    home = work / label
    shutil.rmtree(home, ignore_errors=True)
    env = version_env(home, checkout)
    cli = [sys.executable, "-m", "graphkit"]
    run(cli + ["build"], env, work)
    files = [str(data / n) for n in ("votes.csv.gz", "roll_calls.csv.gz", "issues.csv.gz")]
    first = run(cli + ["import", "unga", *files, "--quiet"], env, work)
    again = run(cli + ["import", "unga", *files, "--quiet"], env, work)
    store = home / "store"
    current = (store / "graphkit-current").read_text().strip() if (store / "graphkit-current").exists() else None
    where = store / "generations" / current if current else store      # the store readers open (one generation)
    size = sum(f.stat().st_size for f in where.rglob("*") if f.is_file()) / 2**20
    return {"first": first, "again": again, "disk_mb": size}


def phases(data: Path, work: Path) -> list[tuple[str, float, float]]:
    """One import in this process, each phase timed (wall and CPU)."""
    from graphkit.graph.states import load_states
    from graphkit.sources.unga.readers import read_voeten
    from graphkit.store.votes import ImportProgress, import_table

    def cpu():
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    class Timed(ImportProgress):
        def __init__(self):
            super().__init__("bench", enabled=False)
            self.rows, self.last = [], ("start", time.perf_counter(), cpu())

        def phase(self, name, total=None):
            label, t, c = self.last
            self.rows.append((label, time.perf_counter() - t, cpu() - c))
            self.last = (name, time.perf_counter(), cpu())

    from graphkit.graph.build import build
    from graphkit.store.embedded import load_build

    store = work / "phases" / "store"
    shutil.rmtree(store.parent, ignore_errors=True)
    load_build(build(ROOT / "data"), store)         # the curated graphs, as after graphkit build
    p = Timed()
    p.phase("reading and checking the files")
    table = read_voeten(*(data / n for n in ("votes.csv.gz", "roll_calls.csv.gz", "issues.csv.gz")), identity=load_states())
    import_table(table, store, progress=p)
    p.phase("end")
    return p.rows[1:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "reference" / "unga")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--baseline", type=Path, default=None, help="a checkout of the version to compare with")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-import-"))
    versions = [("this", None)] + ([("baseline", args.baseline)] if args.baseline else [])
    results: dict[str, list] = {label: [] for label, _ in versions}
    for _ in range(args.repeat):
        for label, checkout in versions:
            results[label].append(imports(label, checkout, args.data, work))
            print(label, results[label][-1], flush=True)
    best = {label: {k: min((r[k] for r in rs), key=lambda m: m["wall"]) for k in ("first", "again")} | {"disk_mb": rs[-1]["disk_mb"]}
            for label, rs in results.items()}
    print("\n| run | version | wall s | CPU s | peak MB | vs issue (time, memory) | vs baseline, same run (wall, CPU, memory) |")
    print("|---|---|---|---|---|---|---|")
    for kind in ("first", "again"):
        for label, _ in versions:
            m = best[label][kind]
            issue = f"{m['wall'] / ISSUE[kind][0]:.2f}×, {m['peak_mb'] / ISSUE[kind][1]:.2f}×"
            vs = ""
            if label == "this" and "baseline" in best:
                b = best["baseline"][kind]
                vs = f"{m['wall'] / b['wall']:.2f}×, {m['cpu'] / b['cpu']:.2f}×, {m['peak_mb'] / b['peak_mb']:.2f}×"
            print(f"| {kind} import | {label} | {m['wall']:.1f} | {m['cpu']:.1f} | {m['peak_mb']:.0f} | {issue} | {vs} |")
    for label, _ in versions:
        b = best[label]
        print(f"{label}: re-import / first import = {b['again']['wall'] / b['first']['wall']:.2f}× time, "
              f"{b['again']['peak_mb'] / b['first']['peak_mb']:.2f}× memory; store on disk {b['disk_mb']:.0f} MB")
    print("\nphases of one import (in process; the imports of Python modules not counted):")
    for name, wall, cpu in phases(args.data, work):
        print(f"  {name:40s} {wall:6.2f} s wall {cpu:6.2f} s CPU")


if __name__ == "__main__":
    main()
