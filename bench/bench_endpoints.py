"""graphkit on remote SPARQL stores: Virtuoso (started as .ci/run starts it) and an Oxigraph server, against the
embedded store. Run by hand, not by pytest (it reads ../shared/reference/unga/ and takes some minutes):

    python bench/bench_endpoints.py [--unga DIR] [--work DIR] [--timeout S] [--skip-bulk] [--no-oxigraph]
                                    [--queries NAME ...] [-o bench/RESULTS-endpoints.md]

What it does, and measures (wall seconds on this machine; all through graphkit):

1. starts Virtuoso with tests/virtuoso_support.py (the recipe of .ci/run: throw-away database, free ports,
   a write user with SPARQL_UPDATE, its password in a netrc file) and an Oxigraph server on a fresh folder;
2. builds the shipped data/ and loads it into the embedded store and both servers (Graph Store Protocol,
   one PUT per graph): load time per graph;
3. imports the FULL UN General Assembly votes (and the Human Rights Council's votes and the Security Council's vetoes) (votes.csv.gz roll_calls.csv.gz issues.csv.gz) into the
   embedded store (graphkit import unga) and into both servers (graphkit import unga --endpoint):
   load time; and, for the record, the same votes through Virtuoso's own bulk loader (ld_dir +
   rdf_loader_run over isql, from a file on the server's disk) into a scratch graph;
4. runs every library query (queries/*.rq, queries/checks/*.rq, default parameters) on the three, each in
   its own process with a time limit: time per engine, and whether the rows equal the embedded store's
   (values compared as typed values, after sorting);
5. times `graphkit compare USA ISR --source unga` with --endpoint on each server and with --store, and
   checks the three answers are the same.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/virtuoso_support.py: the recipe .ci/run uses

UNGA = ROOT.parent / "shared" / "reference" / "unga"
HRC = ROOT.parent / "shared" / "reference" / "external" / "hrc-recorded-votes" / "unhrc_votes_2006-2024.sqlite3"
VETOES = ROOT.parent / "shared" / "reference" / "external" / "unsc-vetoes" / "unsc_vetoes_1946_sept2022.csv"


def _files(unga: Path) -> list[str]:
    return [str(unga / n) for n in ("votes.csv.gz", "roll_calls.csv.gz", "issues.csv.gz")]


def _graphkit(args, env=None, timeout=3600) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "graphkit", *args], capture_output=True, text=True, env=env, timeout=timeout,
                         cwd=ROOT)
    return time.perf_counter() - started, out


def _norm(rows) -> list[str]:
    return sorted(repr(sorted(r.items())) for r in rows)


def one_query(name: str, target: str, engine: str | None, timeout: float) -> None:
    """Child process: run one library query, print its time and normalised rows as JSON."""
    from graphkit.store.library import run_query

    backend = {"store": target} if engine is None else {"endpoint": _endpoint(target, engine, timeout)}
    started = time.perf_counter()
    rows = run_query(name, {}, **backend)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "rows": _norm(rows), "n": len(rows)}))


def _endpoint(url: str, engine: str, timeout: float):
    from graphkit.store.endpoint import Endpoint
    return Endpoint(url, timeout=timeout, engine=engine)


def run_one(name: str, target: str, engine: str | None, timeout: float, env) -> dict:
    cmd = [sys.executable, __file__, "--one-query", name, "--target", target, "--timeout", str(timeout)]
    if engine:
        cmd += ["--engine", engine]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout + 30, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"> {timeout:g} s"}
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["?"])[-1]
        last = last.split("Error: ", 1)[-1].split(" — ")[0]  # the message without the exception's name and hint
        return {"error": "error: " + last[:110]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_oxigraph(folder: Path, timeout: float):
    """An Oxigraph server that abandons a query after ``timeout`` s (else a query the client gave up on runs on)."""
    from tests.sparql_support import _wait_ready, free_port
    port = free_port()
    proc = subprocess.Popen([shutil.which("oxigraph"), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                             "--timeout-s", str(int(timeout))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    _wait_ready(url, 30)
    return proc, url


def bulk_loader(server, table, release: str) -> dict:
    """Virtuoso's bulk loader on the same votes (N-Triples, gzipped, in the server's folder) into a scratch graph."""
    import gzip

    from graphkit.sources.votes.rdf import describe_graph, roll_call_quads, vote_nquads

    scratch = "urn:graphkit-bench:bulk-loader"
    folder = server.folder / "bulk"
    folder.mkdir(exist_ok=True)
    started = time.perf_counter()
    tail = f" <{table.dataset.graph}> .\n".encode()
    with gzip.open(folder / "votes.nt.gz", "wb", compresslevel=1) as fh:
        fh.write("".join(f"{q.subject} {q.predicate} {q.object} .\n"
                         for q in (*describe_graph(table, release), *roll_call_quads(table))).encode())
        for data, _ in vote_nquads(table):
            fh.write(data.replace(tail, b" .\n"))
    written = time.perf_counter()
    server.isql(f"ld_dir('{folder}', 'votes.nt.gz', '{scratch}');\nrdf_loader_run();\ncheckpoint;", timeout=3600)
    loaded = time.perf_counter()
    server.isql(f"SPARQL CLEAR GRAPH <{scratch}>;", timeout=3600)
    return {"write_file_s": round(written - started, 1), "load_s": round(loaded - written, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unga", type=Path, default=UNGA)
    ap.add_argument("--work", type=Path, default=None, help="Work folder (default: a temporary one, removed after).")
    ap.add_argument("--timeout", type=float, default=300.0, help="Time limit of one query (seconds).")
    ap.add_argument("--skip-bulk", action="store_true", help="Skip Virtuoso's bulk loader.")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "bench" / "RESULTS-endpoints.md")
    ap.add_argument("--queries", nargs="*", help="Only these library queries (default: all).")
    ap.add_argument("--no-oxigraph", action="store_true", help="Leave out the Oxigraph server (its vote load takes minutes).")
    ap.add_argument("--max-rows", type=int, default=10_000,
                    help="Virtuoso's ResultSetMaxRows (default Debian's and CI's 10,000; larger answers are refused).")
    ap.add_argument("--one-query", help=argparse.SUPPRESS)
    ap.add_argument("--target", help=argparse.SUPPRESS)
    ap.add_argument("--engine", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one_query:
        one_query(args.one_query, args.target, args.engine, args.timeout)
        return 0

    from graphkit.graph.build import build
    from graphkit.store.endpoint import Endpoint
    from graphkit.store.endpoint_load import load_build, load_votes
    from graphkit.store.library import list_queries
    from graphkit.store.embedded import load_build as store_load_build
    from graphkit.graph.states import load_states as load_identity
    from graphkit.sources.votes.rdf import file_release
    from graphkit.sources.unga.readers import read_voeten
    from graphkit.store.votes import import_table
    from virtuoso_support import start_virtuoso

    work = Path(args.work or tempfile.mkdtemp(prefix="bench-endpoints-"))
    work.mkdir(parents=True, exist_ok=True)
    lines = [f"# bench_endpoints.py results ({time.strftime('%Y-%m-%d')}, 2 cores, 24 GiB)", "",
             "`python bench/bench_endpoints.py`: Virtuoso 7.2.5 (Debian virtuoso-opensource, started as .ci/run starts "
             "it), Oxigraph server 0.5.13, and the embedded pyoxigraph store; wall seconds.", ""]
    say = lambda s="": (print(s, flush=True), lines.append(s))  # noqa: E731
    started = time.perf_counter()
    v = start_virtuoso(work / "virtuoso", max_rows=args.max_rows)
    say(f"Virtuoso started in {time.perf_counter() - started:.1f} s at {v.url} (ResultSetMaxRows {args.max_rows})")
    ox_proc, ox_url = (None, None) if args.no_oxigraph else start_oxigraph(work / "oxigraph", args.timeout)
    env = {**os.environ, "GRAPHKIT_NETRC": str(v.netrc), "GRAPHKIT_ENDPOINT_USER": "", "GRAPHKIT_ENDPOINT_PASSWORD": ""}
    os.environ.update(env)
    try:
        servers = {"virtuoso": Endpoint(v.url, timeout=args.timeout)}
        if ox_url:
            servers["oxigraph"] = Endpoint(ox_url, timeout=args.timeout)
        store = work / "store"
        result = build(ROOT / "data")
        store_load_build(result, store, data_dir=ROOT / "data")
        say("\n## Loading the shipped data (one Graph Store Protocol PUT per graph)\n")
        per_graph = {name: load_build(result, ep) for name, ep in servers.items()}
        names = list(servers)
        say("| graph | triples | " + " | ".join(f"{n} s" for n in names) + " |\n|---|---|" + "---|" * len(names))
        from graphkit.store.embedded import file_graphs_ntriples
        sizes = {g: nt.count("\n") for g, nt in file_graphs_ntriples(result).items()}
        for g in per_graph["virtuoso"]["seconds"]:
            short = g.rsplit("/graph/", 1)[-1]
            say(f"| {short} | {sizes.get(g, '')} | " + " | ".join(f"{per_graph[n]['seconds'][g]:.3f}" for n in names) + " |")
        say(f"| all {per_graph['virtuoso']['graphs']} graphs | {per_graph['virtuoso']['triples']} | "
            + " | ".join(f"{sum(per_graph[n]['seconds'].values()):.2f}" for n in names) + " |")

        say("\n## Loading the full UN GA votes\n")
        files = _files(args.unga)
        t0 = time.perf_counter()
        table = read_voeten(*files, identity=load_identity())
        say(f"read and checked {len(table.votes):,} votes on {len(table.roll_calls):,} roll calls in {time.perf_counter() - t0:.1f} s")
        release = file_release(table.files)
        t0 = time.perf_counter()
        imported = import_table(table, store, release=release)
        embedded_s = time.perf_counter() - t0
        say("| into | how | triples | s |\n|---|---|---|---|")
        say(f"| embedded store | pyoxigraph bulk_load (graphkit import unga) | {imported.quads:,} | {embedded_s:.1f} |")
        for name, ep in servers.items():
            sent = load_votes(table, ep, release=release)
            say(f"| {name} server | Graph Store Protocol: PUT roll calls + POST per 100,000 votes (graphkit import unga --endpoint) "
                f"| {sent['triples']:,} | {sent['seconds']:.1f} |")
        # the Council's recorded votes and the vetoes too, so that the queries on them compare real rows
        from graphkit.resources import DEFAULT_DATA
        from graphkit.sources.hrc import read_hrc
        from graphkit.sources.hrc.curated import curated_votes
        from graphkit.sources.unsc import read_vetoes, veto_memberships
        identity = load_identity()
        others = []
        if HRC.exists():
            others.append(("hrc", read_hrc(HRC, identity=identity, curated=curated_votes(DEFAULT_DATA))))
        if VETOES.exists():
            others.append(("unsc-vetoes", read_vetoes(VETOES, identity=identity, memberships=veto_memberships(DEFAULT_DATA))))
        for name, other in others:
            t0 = time.perf_counter()
            done = import_table(other, store, release=file_release(other.files))
            say(f"| embedded store | graphkit import {name} | {done.quads:,} | {time.perf_counter() - t0:.1f} |")
            for server, ep in servers.items():
                sent = load_votes(other, ep)
                say(f"| {server} server | graphkit import {name} --endpoint | {sent['triples']:,} | {sent['seconds']:.1f} |")
        if not args.skip_bulk:
            bulk = bulk_loader(v, table, release)
            say(f"| virtuoso server (scratch graph) | bulk loader: write .nt.gz {bulk['write_file_s']} s, then ld_dir + "
                f"rdf_loader_run + checkpoint over isql | same | {bulk['load_s']} |")

        say(f"\n## Library queries, default parameters (each in its own process, limit {args.timeout:g} s)\n")
        say("| query | rows (embedded) | embedded s | Oxigraph server s | Virtuoso s | same rows on both servers |\n|---|---|---|---|---|---|")
        for q in list_queries():
            if args.queries and q.name not in args.queries:
                continue
            ref = run_one(q.name, str(store), None, args.timeout, env)
            ox = run_one(q.name, ox_url, "oxigraph", args.timeout, env) if ox_url else {"error": "not run"}
            vi = run_one(q.name, v.url, "virtuoso", args.timeout, env)
            cell = lambda r: r.get("error") or f"{r['seconds']:.2f}"  # noqa: E731
            if "rows" in ref:
                ran = [(k, r) for k, r in (("oxigraph", ox), ("virtuoso", vi)) if r.get("error") != "not run"]
                same = "yes" if all("rows" in r and r["rows"] == ref["rows"] for _, r in ran) else \
                    ", ".join(f"{k}: {'DIFFERENT' if 'rows' in r else 'no answer'}" for k, r in ran if r.get("rows") != ref["rows"])
                n = ref["n"]
            else:
                same, n = ("ox=vi" if "rows" in ox and ox.get("rows") == vi.get("rows") else "?"), "—"
            say(f"| {q.name} | {n} | {cell(ref)} | {cell(ox)} | {cell(vi)} | {same} |")

        say("\n## graphkit compare USA ISR --source unga\n")
        say("| votes read from | s (whole command) | same answer |\n|---|---|---|")
        base = ["compare", "USA", "ISR", "--source", "unga", "--format", "json"]
        s_local, local = _graphkit(base + ["--store", str(store)], env)
        say(f"| embedded store (the import's array cache) | {s_local:.1f} | — |")
        for name, ep in servers.items():
            s_remote, remote = _graphkit(base + ["--endpoint", ep.url], env)
            ok = remote.returncode == 0 and remote.stdout == local.stdout
            say(f"| {name} server, --endpoint (pages of roll calls) | {s_remote:.1f} | {'yes' if ok else 'NO: ' + remote.stderr[-200:]} |")
        say(f"\nanswer: {local.stdout.strip()[:400]}")
    finally:
        v.stop()
        if ox_proc is not None:
            ox_proc.terminate()
            ox_proc.wait(timeout=30)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    args.output.write_text("\n".join(lines) + "\n")
    print(f"\nwritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
