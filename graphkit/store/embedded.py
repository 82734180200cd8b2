"""The persisted embedded store: a pyoxigraph ``Store`` (RocksDB) on disk, written in crash-safe generations.

``graphkit build`` writes the built graph into the store (default: the
per-user store of :func:`graphkit.resources.default_store`); later commands open it
instead of rebuilding. The facts of every data file are the named graph
``.../id/graph/curated``, the ontology ``.../id/graph/ontology``: together, the
``curated`` dataset (one graph per file, as in the TriG output, made every
query over them 10–90 times slower). Imported vote
datasets have a graph each (``votes:unga`` ...). Queries say which graphs
they read (:mod:`graphkit.store.datasets`).

Every write makes a new generation of the store and switches to it in one
atomic step (:mod:`graphkit.store.generations`): a build (or an import) killed at
any moment leaves the previous store, and the manifest — the fingerprint of the
data and ontology files and what each graph holds — always describes the graphs
beside it. :func:`is_fresh` tells from it whether the store still matches the data.

Examples
--------
>>> import tempfile
>>> tmp = tempfile.TemporaryDirectory()
>>> summary = load_build(tiny_world(), tmp.name)
>>> summary["graphs"], summary["removed"]  # the data files' facts, and the ontology
(2, 0)
>>> store = open_store(tmp.name, read_only=True)
>>> r = store.query("ASK { ?p <https://w3id.org/graphkit/ontology#participant> "
...                 "<https://w3id.org/graphkit/id/state/AAA> }", use_default_graph_as_union=True)
>>> bool(r)
True
>>> del store, r; tmp.cleanup()
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError, InputError
from ..resources import DEFAULT_DATA, ONTOLOGY_DIR, default_store, store_path
from ..namespaces import ID
from .generations import MANIFEST_NAME, StoreStateError, StoreWriter, current_dir, read_current, state

__all__ = ["default_store", "MANIFEST_NAME", "ONTOLOGY_GRAPH", "open_store", "load_build", "fingerprint",
           "read_manifest", "is_fresh", "ensure_store", "build_quads_ntriples", "file_graphs_ntriples", "CURATED", "CURATED_GRAPH"]

ONTOLOGY_GRAPH = str(ID["graph/ontology"])
#: The store's graph of every data file's facts (``graphkit build``).
CURATED_GRAPH = str(ID["graph/curated"])
#: The dataset name of the graphs a build writes (one per data file, and the ontology).
CURATED = "curated"
#: Bumped when the way graphs are written changes, so old stores count as stale.
LAYOUT = 2


def open_store(path=None, *, read_only: bool = False, missing_hint: str | None = None) -> ox.Store:
    """Open the current generation of the store at ``path`` for reading.

    Read-only opening takes no lock: it works while another process (``graphkit
    serve``, an import writing the next generation) uses the store, and readers
    never block each other. ``read_only=False`` is kept for callers that want a
    scratch store they own: it opens (or creates) ``path`` itself as a plain
    pyoxigraph store, outside the generations — graphkit's own writes go through
    :class:`~graphkit.store.generations.StoreWriter`.

    Parameters
    ----------
    missing_hint : str, optional
        What to tell the user when there is no store; by default, to run ``graphkit build``.

    Raises
    ------
    InputError
        No store, or it cannot be opened.
    StoreStateError
        The store is in a state graphkit cannot vouch for (the message says how to repair it).
    """
    path = store_path(path)
    try:
        if read_only:
            return ox.Store.read_only(str(current_dir(path, missing_hint=missing_hint)))
        if state(path) != "missing":
            raise InputError(f"{path} is a graphkit store: it is written in generations, never in place", value=str(path),
                             hint="open it read-only, or write through graphkit build / import (StoreWriter)")
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        text = str(exc)
        hint = ("another process holds the store open for writing; stop it, or query it through --endpoint") \
            if "lock" in text.lower() else "run graphkit build again"
        raise InputError(f"cannot open the store {path}: {text.splitlines()[0]}", value=str(path), hint=hint) from None


def fingerprint(data_dir=DEFAULT_DATA, ontology_dir=ONTOLOGY_DIR) -> str:
    """A SHA-256 over the names and contents of every data and ontology file (and the layout).

    Examples
    --------
    >>> fingerprint(WORLD_DIR) == fingerprint(WORLD_DIR)
    True
    """
    h = hashlib.sha256(f"graphkit-store-layout-{LAYOUT}".encode())
    for label, root in (("data", Path(data_dir)), ("ontology", Path(ontology_dir))):
        if not root.is_dir():
            raise InputError(f"{label} folder {root} does not exist", hint="pass --data DIR with the folder holding *.ttl and lists/*.csv")
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".ttl", ".csv"))
        for p in files:
            h.update(f"{label}:{p.relative_to(root).as_posix()}\0".encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def read_manifest(path=None) -> dict | None:
    """The manifest of the store's current generation, or None (no store, or one graphkit cannot vouch for)."""
    return read_current(store_path(path))


def is_fresh(path=None, data_dir=DEFAULT_DATA, ontology_dir=ONTOLOGY_DIR) -> bool:
    """True when the store at ``path`` was loaded from exactly these data and ontology files."""
    manifest = read_manifest(path)
    return bool(manifest) and manifest.get("fingerprint") == fingerprint(data_dir, ontology_dir)


def file_graphs_ntriples(result) -> dict[str, str]:
    """Each named graph of a build — one per data file — and the ontology, as N-Triples text (for endpoints, TriG)."""
    graphs: dict[str, list[str]] = {}
    for s, p, o, g in result.dataset.quads((None, None, None, None)):
        graphs.setdefault(str(g), []).append(f"{s.n3()} {p.n3()} {o.n3()} .")
    graphs[ONTOLOGY_GRAPH] = [f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in result.ontology]
    return {g: "\n".join(sorted(lines)) + "\n" for g, lines in sorted(graphs.items())}


def build_quads_ntriples(result) -> dict[str, str]:
    """The store's two curated graphs as N-Triples text: every data file's triples in :data:`CURATED_GRAPH`, the ontology.

    The data files are merged into one graph in the store (the TriG output of
    ``graphkit build`` keeps one graph per file): a query's dataset reaches
    pyoxigraph as its default graph, and over the 41 graphs of one-per-file the
    library queries ran 10 to 90 times slower than over one (0.035 s against
    2.1 s for hrc44-2020-two-camps, ``bench/bench_queries.py``).
    """
    data = {f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o, _ in result.dataset.quads((None, None, None, None))}
    onto = {f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in result.ontology}
    return {CURATED_GRAPH: "\n".join(sorted(data)) + "\n", ONTOLOGY_GRAPH: "\n".join(sorted(onto)) + "\n"}


def load_build(result, path=None, *, data_dir=None) -> dict:
    """Write a built graph into a new generation of the store at ``path`` and switch to it.

    The new generation starts as a checkpoint of the current one (hard links);
    in one transaction the curated graphs the previous build wrote are dropped
    and the build's are inserted; imported vote graphs are kept as they are. A
    store graphkit cannot vouch for (:func:`graphkit.store.generations.state`
    ``broken`` or ``legacy``) is replaced by a new one holding the curated
    graphs only: its imports must be run again (``dropped`` says which graphs).

    Parameters
    ----------
    result : graphkit.graph.build.Build
        The build to store; each named graph of its dataset, and the ontology in :data:`ONTOLOGY_GRAPH`.
    path : path-like
        The store directory (created if missing).
    data_dir : path-like, optional
        The data folder the build came from; when given, its fingerprint goes
        into the manifest so that :func:`is_fresh` recognises the store.

    Returns
    -------
    dict
        ``graphs`` written, ``removed`` (stale curated graphs dropped), ``triples`` written,
        ``dropped`` (graphs of an unverifiable store that were not kept).
    """
    path = store_path(path)
    graphs = build_quads_ntriples(result)
    dropped: list[str] = []
    before = state(path)
    if before in ("broken", "legacy"):
        dropped = _unverifiable_graphs(path, before)
    with StoreWriter(path, start="copy") as w:
        previous = (w.previous or {}).get("graphs", {})
        own = {g for g, info in previous.items() if info.get("dataset") == CURATED}
        stale = sorted(own - set(graphs))
        # One SPARQL update = one transaction: either every graph is replaced or nothing changes.
        parts = [f"DROP SILENT GRAPH <{g}>" for g in sorted(own | set(graphs))]
        parts += [f"INSERT DATA {{ GRAPH <{g}> {{\n{nt}}} }}" for g, nt in graphs.items()]
        w.store.update(" ;\n".join(parts))
        kept = {g: info for g, info in previous.items() if info.get("dataset") != CURATED}
        from .links import link_votes
        link_votes(w.store, list(graphs), [g for g, info in kept.items() if str(info.get("dataset", "")).startswith("votes:")])
        kept.update({g: {"dataset": CURATED, "triples": nt.count("\n")} for g, nt in graphs.items()})
        w.commit({"fingerprint": fingerprint(data_dir) if data_dir is not None else None,
                  "data": str(Path(data_dir).resolve()) if data_dir is not None else None, "graphs": kept})
    return {"graphs": len(graphs), "removed": len(stale), "dropped": dropped,
            "triples": sum(nt.count("\n") for nt in graphs.values())}


def _unverifiable_graphs(path: Path, st: str) -> list[str]:
    """The vote graphs of a store written before generations, which a build does not carry over (for the message)."""
    if st != "legacy":
        return []
    from ..sources.votes.audit import vote_graphs

    try:
        store = ox.Store.read_only(str(path))
        names = {g.value for g in store.named_graphs()}
        del store
    except OSError:
        return []
    return sorted(names & set(vote_graphs()))


def ensure_store(data_dir=DEFAULT_DATA, path=None, *, rebuild: bool = False) -> Path:
    """Return ``path`` after making sure the store matches ``data_dir`` (building it if not).

    A store graphkit cannot vouch for is not rebuilt behind the user's back:
    only ``graphkit build`` repairs it (and says which imports it could not keep).

    Raises
    ------
    DataError
        The data fails the shapes (exit 1): nothing is stored; run ``graphkit check``.
    StoreStateError
        The store is in an unknown state or was written by an older graphkit (exit 2, with the repair command).
    """
    path = store_path(path)
    if state(path) in ("broken", "legacy"):
        current_dir(path)  # raises the StoreStateError that says how to repair it
    if not rebuild and is_fresh(path, data_dir):
        return path
    from ..graph.build import build

    result = build(data_dir)
    if not result.report.conforms:
        err = DataError(f"the data in {data_dir} fails {len(result.report.violations)} shape constraint(s); the store was not written",
                        hint="run graphkit check to see each violation")
        err.exit_code = 1
        raise err
    load_build(result, path, data_dir=data_dir)
    return path
