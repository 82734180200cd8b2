"""Benchmark the store choice: pyoxigraph (memory and on-disk) vs oxrdflib vs pure rdflib.

Run by hand (not by pytest); it reads /work/shared/reference/unga for the UN-vote scale::

    python bench/bench_store.py                 # shipped data + 250,000 votes (≈1 M triples) for all engines
    python bench/bench_store.py --votes all     # also the full vote table (pyoxigraph only beyond --rdflib-votes)

The UN votes are written with the 4-triples-per-vote model in graphkit's vocabulary: each vote is a
gk:Position (``a gk:Position ; gk:act <roll call> ; gk:participant <state> ; gk:stance gk:yes|no|abstain``),
each roll call a gk:RecordedVote with its date and forum, so the library queries run unchanged.
Each load runs in its own process so its peak memory (ru_maxrss) is its own; times are medians of
--repeat runs for queries, single runs for loads. Results are printed as a table with ratios.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
UNGA = Path("/work/shared/reference/unga")
GK = "https://w3id.org/graphkit/ontology#"
ID = "https://w3id.org/graphkit/id/"
QUERIES = [("shared-acts", {"a": "FRA", "b": "GBR"}),          # one pair (both vote from 1946)
           ("acts-of-state", {"state": "FRA"}),                 # one state
           ("acts-by-forum-year", {})]                          # an aggregate over everything
QUERY_TIMEOUT = 60


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------ data

def shipped_nt(path: Path) -> int:
    from graphkit.graph.build import build
    result = build()
    lines = set()
    for s, p, o, _ in result.dataset.quads((None, None, None, None)):
        lines.add(f"{s.n3()} {p.n3()} {o.n3()} .\n")
    for s, p, o in result.ontology:
        lines.add(f"{s.n3()} {p.n3()} {o.n3()} .\n")
    path.write_text("".join(sorted(lines)), encoding="utf-8")
    return len(lines)


def votes_nt(path: Path, limit: int | None) -> int:
    """N-Triples of the first ``limit`` votes (all when None), states and roll calls included."""
    from graphkit.graph.build import build
    from graphkit.graph.states import StateResolver
    resolver = StateResolver(build(check=False).graph)
    dates = {}
    with gzip.open(UNGA / "roll_calls.csv.gz", "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            dates[row["rcid"]] = row["date"]
    n = 0
    seen_rc, seen_state = set(), set()
    with gzip.open(UNGA / "votes.csv.gz", "rt", encoding="utf-8") as fh, path.open("w", encoding="utf-8") as out:
        for i, row in enumerate(csv.DictReader(fh)):
            if limit is not None and i >= limit:
                break
            code = row["country_code"]
            iso3 = resolver.codes.get(code, f"X{code}")
            state = f"<{ID}state/{iso3}>"
            rc = f"<{ID}act/unga-rc-{row['rcid']}>"
            if row["rcid"] not in seen_rc:
                seen_rc.add(row["rcid"])
                out.write(f"{rc} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{GK}RecordedVote> .\n"
                          f"{rc} <{GK}forum> <{ID}org/un-ga> .\n"
                          f"{rc} <{GK}date> \"{dates.get(row['rcid'], '1946-01-01')}\"^^<http://www.w3.org/2001/XMLSchema#date> .\n")
                n += 3
            if iso3 not in seen_state:
                seen_state.add(iso3)
                out.write(f"{state} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{GK}State> .\n")
                n += 1
            pos = f"<{ID}position/unga-rc-{row['rcid']}/{iso3}>"
            stance = {"yes": "yes", "no": "no", "abstain": "abstain"}.get(row["vote"], "abstain")
            out.write(f"{pos} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{GK}Position> .\n"
                      f"{pos} <{GK}act> {rc} .\n{pos} <{GK}participant> {state} .\n{pos} <{GK}stance> <{GK}{stance}> .\n")
            n += 4
    return n


# ------------------------------------------------------------------ one engine in a child process

def child(engine: str, nt: str, workdir: str, repeat: int) -> dict:
    from graphkit.store.library import run_query
    import pyoxigraph, rdflib  # noqa: F401 (imported by every engine: counted in the baseline)
    t0 = time.perf_counter()
    if engine == "baseline":  # the interpreter and imports only
        return {"engine": engine, "load_s": 0.0, "peak_mib": peak_mib(), "queries": {}}
    if engine == "rdflib":
        from rdflib import Graph
        target = {"graph": Graph().parse(nt, format="nt")}
    elif engine == "oxrdflib":
        from rdflib import Graph
        g = Graph(store="Oxigraph")
        g.parse(nt, format="ox-nt")
        target = {"graph": g}
    elif engine == "pyoxigraph-memory":
        import pyoxigraph as ox
        store = ox.Store()
        store.load(path=nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(ID + "graph/bench"))
        target = {"store": store}
    elif engine == "pyoxigraph-disk":
        import pyoxigraph as ox
        store = ox.Store(workdir)
        store.bulk_load(path=nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(ID + "graph/bench"))
        store.flush()
        store.optimize()
        del store  # queries run on the store reopened read-only, as graphkit query opens it
        target = {"store": ox.Store.read_only(workdir)}
    else:
        raise SystemExit(f"unknown engine {engine}")
    load = time.perf_counter() - t0
    mem = peak_mib()
    out = {"engine": engine, "load_s": load, "peak_mib": mem, "queries": {}}
    import signal

    def alarm(signum, frame):
        raise TimeoutError
    signal.signal(signal.SIGALRM, alarm)
    for name, params in QUERIES:
        times, rows = [], None
        try:
            for _ in range(repeat):
                signal.alarm(QUERY_TIMEOUT)
                t = time.perf_counter()
                rows = run_query(name, params, **target)
                times.append(time.perf_counter() - t)
                signal.alarm(0)
            out["queries"][name] = {"s": statistics.median(times), "rows": len(rows)}
        except TimeoutError:
            out["queries"][name] = {"s": None, "rows": None}
        except Exception as exc:  # report it, keep the load figures
            out["queries"][name] = {"s": None, "rows": f"error: {exc}"}
    return out


def run_child(engine, nt, repeat) -> dict:
    work = tempfile.mkdtemp(prefix="bench-store-")
    try:
        proc = subprocess.run([sys.executable, __file__, "--child", engine, nt, work, str(repeat)],
                              capture_output=True, text=True, timeout=3600)
        if proc.returncode != 0:
            return {"engine": engine, "error": proc.stderr.strip().splitlines()[-1:]}
        return json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ------------------------------------------------------------------ cold start of the CLI

def cold_start(repeat: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "graphkit", "query", "hrc44-2020-two-camps", "--format", "csv"]
    try:
        t = time.perf_counter()
        subprocess.run(cmd, cwd=work, env=env, check=True, capture_output=True)
        first = time.perf_counter() - t  # builds and stores the graph first
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run(cmd, cwd=work, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - t)
        return {"first_run_with_build_s": first, "fresh_store_median_s": statistics.median(times)}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def fmt(x, unit=""):
    return "—" if x is None else (f"{x:.3f}{unit}" if x < 10 else f"{x:.1f}{unit}")


def report(title, triples, results):
    print(f"\n## {title}: {triples:,} triples")
    base = next((r for r in results if r.get("engine") == "rdflib" and "load_s" in r), None)
    names = [q for q, _ in QUERIES]
    print("| engine | load s | × faster than rdflib | peak MiB | rdflib ÷ engine | " + " | ".join(f"{n} s" for n in names) + " |")
    print("|---" * (5 + len(names)) + "|")
    for r in results:
        if r.get("engine") == "baseline":
            print(f"| (interpreter + imports) | — | — | {r['peak_mib']:.0f} | — |" + " — |" * len(names))
            continue
        if "error" in r:
            print(f"| {r['engine']} | error: {r['error']} |")
            continue
        speed = f"{base['load_s'] / r['load_s']:.1f}" if base else "—"
        mem = f"{base['peak_mib'] / r['peak_mib']:.1f}" if base else "—"
        qs = " | ".join(fmt(r["queries"][n]["s"]) if r["queries"][n]["s"] is not None
                        else (f"> {QUERY_TIMEOUT}" if r["queries"][n]["rows"] is None else "error")
                        for n in names)
        print(f"| {r['engine']} | {fmt(r['load_s'])} | {speed} | {r['peak_mib']:.0f} | {mem} | {qs} |")
    rows = {r["engine"]: {n: r["queries"][n]["rows"] for n in names} for r in results if r.get("queries")}
    print("rows per query (must agree):", json.dumps(rows))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--votes", default="250000", help="votes for the side-by-side comparison, or 'all'")
    ap.add_argument("--full", action="store_true", help="also load the whole vote table into pyoxigraph")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-data-"))
    engines = ["baseline", "rdflib", "oxrdflib", "pyoxigraph-memory", "pyoxigraph-disk"]
    try:
        nt = tmp / "shipped.nt"
        n = shipped_nt(nt)
        report("shipped data", n, [run_child(e, str(nt), args.repeat) for e in engines])
        limit = None if args.votes == "all" else int(args.votes)
        nt = tmp / "votes.nt"
        n = votes_nt(nt, limit)
        report(f"UN votes ({args.votes} votes)", n, [run_child(e, str(nt), 1 if e == "rdflib" else args.repeat) for e in engines])
        if args.full and limit is not None:
            n = votes_nt(nt, None)
            report("UN votes (all)", n, [run_child(e, str(nt), args.repeat) for e in ["baseline"] + engines[3:]])
        print("\n## graphkit query hrc44-2020-two-camps (shipped data), new process each time")
        print(json.dumps({k: round(v, 3) for k, v in cold_start(args.repeat).items()}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
