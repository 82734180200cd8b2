"""Loading graphkit's graphs into a remote SPARQL 1.1 store, through the Graph Store Protocol.

:func:`load_build` sends every named graph of a build (one per data file, and
the ontology) with one ``PUT`` each, which replaces the graph on the server;
:func:`load_votes` sends the UN votes' graph in pieces — a ``PUT`` of the roll
calls, then one ``POST`` per ``chunk`` votes — because one 370 MB request is
more than a server should have to hold at once.

Both keep the manifest graph (:attr:`graphkit.store.endpoint.Endpoint.manifest_graph`)
up to date: one entry per graph graphkit wrote, with the command that wrote it
(``dcterms:creator``), when (``dcterms:modified``) and its size
(``void:triples``). A build removes the graphs an earlier build wrote that the
data no longer has; an import replaces only its own graph; neither touches a
graph the manifest does not list, so other data on a shared server is safe.
The manifest is written first (claiming the graphs about to be written), so a
load that fails half-way leaves graphs the next load will replace, never
graphs nobody owns.

Why the Graph Store Protocol and not Virtuoso's bulk loader, measured with
``bench/bench_endpoints.py`` on this 2-core machine (the full Voeten votes,
2.84 M triples): Graph Store Protocol into Virtuoso 22.7 s; its bulk loader
(``ld_dir`` + ``rdf_loader_run`` + ``checkpoint`` over ``isql``) 14.9 s, of
which 4.2 s to write the N-Triples file it reads (with other jobs on both
cores: 72.8 s against 43.5 s). The bulk loader is 1.5 times faster but needs
an SQL login as dba and the file on the server's own disk (``DirsAllowed``),
so it serves only a server on the same machine; the protocol works with any
server and any SPARQL user allowed to write, at about 125,000 triples a second.
(The embedded store's ``bulk_load`` took 25.2 s; Oxigraph's server, with other
jobs running, 209.5 s for the same POSTs.)
"""
from __future__ import annotations

import datetime as dt
import time

from .endpoint import GRAPH_BASE, Endpoint
from ..errors import EndpointError

__all__ = ["load_build", "load_votes", "write_manifest", "BUILD_CREATOR", "votes_creator", "graph_name", "load_build_to_endpoint"]

BUILD_CREATOR = "graphkit build"


def votes_creator(dataset) -> str:
    """The manifest's creator of a vote dataset's graph: the command that imports it (``graphkit import hrc``)."""
    return " ".join(dataset.import_command.split()[:3])
_DCT = "http://purl.org/dc/terms/"
_VOID = "http://rdfs.org/ns/void#"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def graph_name(graph: str, endpoint: Endpoint) -> str:
    """A graph's name on the server: graphkit's ``.../id/graph/`` replaced by the endpoint's ``graph_base``.

    Examples
    --------
    >>> ep = Endpoint("http://127.0.0.1:1", graph_base="urn:test:1/", engine="generic", credentials=False)
    >>> graph_name("https://w3id.org/graphkit/id/graph/acts", ep)
    'urn:test:1/acts'
    """
    return endpoint.graph_base + graph[len(GRAPH_BASE):] if graph.startswith(GRAPH_BASE) else graph


def manifest_ntriples(entries: dict[str, dict]) -> str:
    """The manifest graph as N-Triples: per graph its creator, modification time and triple count.

    Examples
    --------
    >>> print(manifest_ntriples({"urn:g": {"creator": "graphkit build", "modified": "2026-01-02T03:04:05Z", "triples": 7}}), end="")
    <urn:g> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://rdfs.org/ns/void#Dataset> .
    <urn:g> <http://purl.org/dc/terms/creator> "graphkit build" .
    <urn:g> <http://purl.org/dc/terms/modified> "2026-01-02T03:04:05Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
    <urn:g> <http://rdfs.org/ns/void#triples> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .
    """
    lines = []
    for g, e in sorted(entries.items()):
        lines.append(f"<{g}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{_VOID}Dataset> .")
        lines.append(f'<{g}> <{_DCT}creator> "{e["creator"]}" .')
        if e.get("modified"):
            lines.append(f'<{g}> <{_DCT}modified> "{e["modified"]}"^^<{_XSD}dateTime> .')
        if e.get("triples") is not None:
            lines.append(f'<{g}> <{_VOID}triples> "{int(e["triples"])}"^^<{_XSD}integer> .')
    return "".join(line + "\n" for line in lines)


def _read_manifest(endpoint: Endpoint) -> dict[str, dict]:
    m = endpoint.manifest_graph
    text = (f"SELECT ?g ?c ?m ?n WHERE {{ GRAPH <{m}> {{ ?g <{_DCT}creator> ?c "
            f"OPTIONAL {{ ?g <{_DCT}modified> ?m }} OPTIONAL {{ ?g <{_VOID}triples> ?n }} }} }}")
    data = endpoint.select(text, default_graphs=[m])
    entries = {}
    for b in data["results"]["bindings"]:
        entries[b["g"]["value"]] = {"creator": b["c"]["value"], "modified": b.get("m", {}).get("value"),
                                    "triples": int(b["n"]["value"]) if "n" in b else None}
    return entries


def write_manifest(endpoint: Endpoint, entries: dict[str, dict]) -> None:
    """Replace the manifest graph with ``entries`` (graph → creator, modified, triples)."""
    if entries:
        endpoint.put_graph(endpoint.manifest_graph, manifest_ntriples(entries))
    else:
        endpoint.delete_graph(endpoint.manifest_graph)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def load_build(result, endpoint: Endpoint, *, graph_base: str | None = None) -> dict:
    """Replace each named graph of a build (and the ontology) on the server; drop the stale ones it wrote before.

    Parameters
    ----------
    result : graphkit.build.Build
        The build to send.
    endpoint : Endpoint
        The server; its ``graph_base`` (or ``graph_base``) names the graphs.

    Returns
    -------
    dict
        ``graphs`` written, ``removed`` (stale graphs of an earlier build), ``triples``,
        ``seconds`` per graph (graph → seconds).
    """
    from .embedded import file_graphs_ntriples

    if graph_base is not None and graph_base != endpoint.graph_base:
        endpoint = Endpoint(endpoint.url, timeout=endpoint.timeout, query_path=endpoint.query_path,
                            update_path=endpoint.update_path, store_path=endpoint.store_path, graph_base=graph_base,
                            engine=endpoint.engine, credentials=endpoint.credentials or False)
    graphs = {graph_name(g, endpoint): nt for g, nt in file_graphs_ntriples(result).items()}
    manifest = _read_manifest(endpoint)
    stale = sorted(g for g, e in manifest.items() if e["creator"] == BUILD_CREATOR and g not in graphs)
    claimed = {**manifest, **{g: {"creator": BUILD_CREATOR, "modified": None, "triples": None} for g in graphs}}
    write_manifest(endpoint, claimed)
    seconds = {}
    for g, nt in graphs.items():
        started = time.perf_counter()
        endpoint.put_graph(g, nt)
        seconds[g] = round(time.perf_counter() - started, 3)
        claimed[g] = {"creator": BUILD_CREATOR, "modified": _now(), "triples": nt.count("\n")}
    for g in stale:
        endpoint.delete_graph(g)
        claimed.pop(g, None)
    write_manifest(endpoint, claimed)
    return {"graphs": len(graphs), "removed": len(stale), "triples": sum(nt.count("\n") for nt in graphs.values()),
            "seconds": seconds}


def load_votes(table, endpoint: Endpoint, *, release: str | None = None, progress: bool = False,
               chunk: int = 100_000) -> dict:
    """Replace the graph of ``table``'s dataset on the server (PUT the roll calls, POST the votes in chunks).

    If a request fails half-way the graph is deleted and its manifest entry
    removed, so the server never keeps a partial import under graphkit's name.

    Returns
    -------
    dict
        ``graph``, ``roll_calls``, ``votes``, ``triples``, ``seconds``, ``release``.
    """
    from ..sources.votes.rdf import describe_graph, file_release, non_vote_nquads, roll_call_quads, vote_nquads

    started = time.perf_counter()
    release = release or file_release(table.files)
    source_graph = table.dataset.graph
    g = graph_name(source_graph, endpoint)
    manifest = _read_manifest(endpoint)
    creator = votes_creator(table.dataset)
    manifest[g] = {"creator": creator, "modified": None, "triples": None}
    write_manifest(endpoint, manifest)
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(table.votes), unit="vote", desc=f"load {table.dataset.key}", leave=False)
    triples = 0
    quad_tail = f" <{source_graph}> .\n".encode()
    try:
        head = "".join(f"{q.subject} {q.predicate} {q.object} .\n"
                       for q in (*describe_graph(table, release), *roll_call_quads(table), *table.extra_quads))
        endpoint.put_graph(g, head)
        triples += head.count("\n")
        non_votes = non_vote_nquads(table).encode()          # members recorded as not voting (gk:noVote), when the source keeps them
        if non_votes:
            endpoint.post_graph(g, non_votes.replace(quad_tail, b" .\n"))
            triples += non_votes.count(b"\n")
        for data, n in vote_nquads(table, chunk=chunk):
            body = data.replace(quad_tail, b" .\n")
            endpoint.post_graph(g, body)
            triples += body.count(b"\n")
            if bar is not None:
                bar.update(n)
    except BaseException:
        try:
            endpoint.delete_graph(g)
            manifest.pop(g, None)
            write_manifest(endpoint, manifest)
        except EndpointError:
            pass
        raise
    finally:
        if bar is not None:
            bar.close()
    manifest[g] = {"creator": creator, "modified": _now(), "triples": triples}
    write_manifest(endpoint, manifest)
    return {"graph": g, "roll_calls": len(table.roll_calls), "votes": len(table.votes), "triples": triples,
            "seconds": round(time.perf_counter() - started, 3), "release": release}


#: The name commands and tests use: PUT each named graph of a build (and the ontology) to an endpoint.
load_build_to_endpoint = load_build
