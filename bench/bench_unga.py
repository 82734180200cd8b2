"""Benchmark the UN GA votes source and analyses on the real Voeten data (../shared/reference/unga/). Run by hand, not by pytest.

    python bench/bench_unga.py [--data DIR] [--work DIR] [--rdflib-fraction F] [--skip-rdflib]

Each stage runs in a fresh (spawned) process, so its peak memory is its own.
Figures printed, with the baseline each goal names:

1. full import (read + check + load into the on-disk pyoxigraph store): time and
   peak memory, against pure rdflib parsing the same quads (N-Quads dumped from
   the store) — the ratio; and the leaner modelling (one quad per vote) for the record;
2. all-pairs agreement for every year (matrix products), against the SPARQL
   self-join on the store, measured on sample years and scaled by vote pairs;
3. a per-state yearly series (drift of one state against CHN and USA), and the
   single-pair / single-state SPARQL queries on the store.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GK = "https://w3id.org/graphkit/ontology#"
G = "https://w3id.org/graphkit/id/graph/unga-voeten"


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    """CPU seconds of this process (all threads): less sensitive than wall time to other work on the machine."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _files(data: Path):
    return data / "votes.csv.gz", data / "roll_calls.csv.gz", data / "issues.csv.gz"


def stage_import(data: str, store: str) -> dict:
    from graphkit.graph.states import load_states
    from graphkit.sources.unga.readers import read_voeten
    from graphkit.store.votes import import_table

    t0 = time.perf_counter()
    table = read_voeten(*_files(Path(data)), identity=load_states())
    t1 = time.perf_counter()
    result = import_table(table, store)
    t2 = time.perf_counter()
    return {"read_check_s": t1 - t0, "load_s": t2 - t1, "total_s": t2 - t0, "quads": result.quads, "peak_mib": _peak_mib(),
            "cpu_s": _cpu_s()}


def stage_lean(data: str, store: str) -> dict:
    """The leaner modelling, for comparison: one quad per vote (act gk:votedYes|No|Abstain state)."""
    import pyoxigraph as ox

    from graphkit.graph.states import load_states
    from graphkit.sources.unga.readers import read_voeten

    t0 = time.perf_counter()
    table = read_voeten(*_files(Path(data)), identity=load_states())
    pred = {1: f"<{GK}votedYes>", 0: f"<{GK}votedAbstain>", -1: f"<{GK}votedNo>"}
    act, who = "https://w3id.org/graphkit/id/act/unga-voeten-", "https://w3id.org/graphkit/id/state/"
    text = "".join(f"<{act}{r}> {pred[v]} <{who}{k}> <{G}> .\n" for r, k, v in
                   zip(table.votes["rcid"], table.votes["key"], table.votes["value"].tolist())).encode()
    s = ox.Store(store)
    s.bulk_load(text, format=ox.RdfFormat.N_QUADS)
    s.flush()
    return {"total_s": time.perf_counter() - t0, "quads": len(table.votes), "peak_mib": _peak_mib(), "cpu_s": _cpu_s()}


def stage_dump(store: str, out: str) -> dict:
    import pyoxigraph as ox

    t0 = time.perf_counter()
    ox.Store(store).dump(out, format=ox.RdfFormat.N_QUADS, from_graph=ox.NamedNode(G))
    return {"dump_s": time.perf_counter() - t0}


def stage_rdflib(path: str, fraction: float) -> dict:
    from rdflib import Dataset

    lines = Path(path).read_bytes().splitlines(keepends=True)
    n = int(len(lines) * fraction)
    data = b"".join(lines[:n])
    del lines
    base = _peak_mib()
    t0 = time.perf_counter()
    ds = Dataset()
    ds.parse(data=data, format="nquads")
    return {"parse_s": time.perf_counter() - t0, "quads": n, "peak_mib": _peak_mib(), "peak_before_parse_mib": base, "cpu_s": _cpu_s()}


def stage_analyses(store: str, sample_years: list[int]) -> dict:
    import numpy as np
    import pyoxigraph as ox

    from graphkit.analysis.votes import agreement_table, drift
    from graphkit.graph.states import load_states
    from graphkit.analysis.matrix import vote_matrix
    from graphkit.store.votes import store_table

    out = {}
    s = ox.Store(store)
    ident = load_states()
    t0 = time.perf_counter()
    table = store_table(s, "voeten", store_dir=store)
    out["store_to_table_cached_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    store_table(s, "voeten")
    out["store_to_table_sparql_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    m = vote_matrix(table, identity=ident)
    out["matrix_s"] = time.perf_counter() - t0
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        pairs = agreement_table(m, "year")
        times.append(time.perf_counter() - t0)
    out["all_pairs_by_year_s"] = sorted(times)[1]
    out["all_pairs_rows"] = len(pairs)
    out["years"] = int(pairs["group"].nunique())
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        drift(m, ("CHN", "USA"), states=["FRA"])
        times.append(time.perf_counter() - t0)
    out["per_state_series_s"] = sorted(times)[2]
    # SPARQL self-join for sample years (all pairs of that year), against numpy for the same years.
    rc = m.roll_calls
    votes_per_rc = np.sum(~np.isnan(m.values), axis=0)
    pair_work = {int(y): float(np.sum(votes_per_rc[(rc["year"] == y).to_numpy()] ** 2)) for y in rc["year"].unique()}
    sparql, numpy_t = {}, {}
    for year in sample_years:
        q = f"""PREFIX gk: <{GK}> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT ?x ?y (COUNT(*) AS ?n) (SUM(IF(?s1 = ?s2, 1, 0)) AS ?agree) WHERE {{ GRAPH <{G}> {{
          {{ SELECT ?rc WHERE {{ ?rc gk:date ?d FILTER(YEAR(?d) = {year}) }} }}
          ?p1 gk:act ?rc ; gk:participant ?x ; gk:stance ?s1 .
          ?p2 gk:act ?rc ; gk:participant ?y ; gk:stance ?s2 . FILTER(STR(?x) < STR(?y)) }} }} GROUP BY ?x ?y"""
        t0 = time.perf_counter()
        n_rows = len(list(s.query(q)))
        sparql[year] = (time.perf_counter() - t0, n_rows)
        sub = m.select((rc["year"] == year).to_numpy())
        t0 = time.perf_counter()
        agreement_table(sub, "all")
        numpy_t[year] = time.perf_counter() - t0
    out["sparql_sample"] = {y: {"sparql_s": v[0], "pairs": v[1], "numpy_s": numpy_t[y]} for y, v in sparql.items()}
    scale = sum(pair_work.values()) / sum(pair_work[y] for y in sample_years)
    out["sparql_all_years_estimate_s"] = sum(v[0] for v in sparql.values()) * scale
    # single-pair and single-state queries
    pair = f"""PREFIX gk: <{GK}> PREFIX state: <https://w3id.org/graphkit/id/state/>
    SELECT (COUNT(*) AS ?n) (SUM(IF(?s1 = ?s2, 1, 0)) AS ?agree) WHERE {{ GRAPH <{G}> {{
      {{ SELECT ?rc ?s1 WHERE {{ ?a gk:participant state:USA ; gk:act ?rc ; gk:stance ?s1 }} }}
      {{ SELECT ?rc ?s2 WHERE {{ ?b gk:participant state:CHN ; gk:act ?rc ; gk:stance ?s2 }} }} }} }}"""
    one = f"""PREFIX gk: <{GK}> PREFIX state: <https://w3id.org/graphkit/id/state/>
    SELECT ?year ?s (COUNT(*) AS ?n) WHERE {{ GRAPH <{G}> {{
      ?p gk:participant state:FRA ; gk:act ?rc ; gk:stance ?s . ?rc gk:date ?d BIND(YEAR(?d) AS ?year) }} }} GROUP BY ?year ?s"""
    for name, q in (("sparql_pair_s", pair), ("sparql_state_series_s", one)):
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            list(s.query(q))
            times.append(time.perf_counter() - t0)
        out[name] = sorted(times)[1]
    out["peak_mib"] = _peak_mib()
    return out


def run(fn, *args):
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(fn, args)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "reference" / "unga")
    ap.add_argument("--work", type=Path, default=Path("/tmp/graphkit-bench-unga"))
    ap.add_argument("--rdflib-fraction", type=float, default=1.0, help="Parse this fraction of the quads with rdflib (time scaled up).")
    ap.add_argument("--skip-rdflib", action="store_true")
    ap.add_argument("--sample-years", default="1955,1985,2015")
    args = ap.parse_args()
    if not args.data.exists():
        args.data = Path("/work/shared/reference/unga")
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    store, lean = str(args.work / "store"), str(args.work / "lean")
    report = {"import": run(stage_import, str(args.data), store)}
    print("import", json.dumps(report["import"]), flush=True)
    report["lean"] = run(stage_lean, str(args.data), lean)
    print("lean (1 quad/vote)", json.dumps(report["lean"]), flush=True)
    report["analyses"] = run(stage_analyses, store, [int(y) for y in args.sample_years.split(",")])
    print("analyses", json.dumps(report["analyses"]), flush=True)
    if not args.skip_rdflib:
        nq = str(args.work / "unga-voeten.nq")
        report["dump"] = run(stage_dump, store, nq)
        report["rdflib"] = run(stage_rdflib, nq, args.rdflib_fraction)
        print("rdflib", json.dumps(report["rdflib"]), flush=True)
    imp, an = report["import"], report["analyses"]
    print("\n== summary")
    print(f"full import: {imp['total_s']:.1f} s (read+check {imp['read_check_s']:.1f} s, load {imp['load_s']:.1f} s), "
          f"peak {imp['peak_mib']:.0f} MiB, {imp['quads']:,} quads, {imp['cpu_s']:.0f} CPU s   [goal ≤ 30 s, ≤ 2048 MiB]")
    print(f"lean modelling (1 quad/vote): {report['lean']['total_s']:.1f} s, peak {report['lean']['peak_mib']:.0f} MiB")
    if "rdflib" in report:
        r = report["rdflib"]
        scale = imp["quads"] / r["quads"]
        est = r["parse_s"] * scale
        print(f"rdflib parse of {r['quads']:,} of the quads: {r['parse_s']:.1f} s, peak {r['peak_mib']:.0f} MiB"
              f" → all quads ≈ {est:.0f} s; graphkit import is {est / imp['total_s']:.1f}× faster"
              f" and uses {r['peak_mib'] * (scale if scale > 1 else 1) / imp['peak_mib']:.1f}× less memory"
              + (" (memory scaled linearly)" if scale > 1 else ""))
    print(f"all-pairs agreement, every year ({an['years']} years, {an['all_pairs_rows']:,} pair-years): "
          f"{an['all_pairs_by_year_s']:.2f} s [goal ≤ 5 s]; SPARQL self-join ≈ {an['sparql_all_years_estimate_s']:.0f} s "
          f"(from {', '.join(str(y) for y in an['sparql_sample'])}, scaled by vote pairs): "
          f"{an['sparql_all_years_estimate_s'] / an['all_pairs_by_year_s']:.0f}× slower")
    for y, v in an["sparql_sample"].items():
        print(f"   {y}: SPARQL {v['sparql_s']:.2f} s vs numpy {v['numpy_s'] * 1000:.1f} ms ({v['sparql_s'] / v['numpy_s']:.0f}×), {v['pairs']} pairs")
    print(f"store → table: {an['store_to_table_cached_s']:.2f} s with the array cache, {an['store_to_table_sparql_s']:.1f} s by SPARQL; "
          f"matrix {an['matrix_s']:.2f} s")
    print(f"per-state yearly series (FRA vs CHN, USA): {an['per_state_series_s'] * 1000:.0f} ms [goal < 1 s]; "
          f"SPARQL on the store: one pair {an['sparql_pair_s']:.2f} s, one state's yearly tallies {an['sparql_state_series_s']:.2f} s")
    (args.work / "report.json").write_text(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
