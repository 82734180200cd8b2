"""The persisted embedded store: a pyoxigraph ``Store`` directory (RocksDB) on disk.

``graphkit build`` writes the built graph into the store (default: the
per-user store of :func:`graphkit.resources.default_store`); later commands open it
instead of rebuilding. Each data file is one named graph
(:func:`graphkit.namespaces.graph_iri`), the ontology is the named graph
``.../id/graph/ontology``, and queries run over the union of all named graphs.

Loading replaces, in one transaction, every named graph the build holds and
removes the graphs graphkit wrote before but the data no longer has. Graphs
that graphkit did not write (the UN votes' ``.../id/graph/unga-voeten``, written
by pyoxigraph directly) are left alone.

A manifest (``graphkit-manifest.json`` inside the store directory) records a
fingerprint of the data and ontology files and the graphs written, so
:func:`is_fresh` can tell whether the store still matches the data without
rebuilding it.

Examples
--------
>>> import tempfile
>>> tmp = tempfile.TemporaryDirectory()
>>> summary = load_build(tiny_world(), tmp.name)
>>> summary["graphs"], summary["removed"]  # 10 data files and the ontology
(11, 0)
>>> store = open_store(tmp.name, read_only=True)
>>> r = store.query("ASK { ?p <https://w3id.org/graphkit/ontology#participant> "
...                 "<https://w3id.org/graphkit/id/state/AAA> }", use_default_graph_as_union=True)
>>> bool(r)
True
>>> del store, r; tmp.cleanup()
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError, InputError
from ..resources import DEFAULT_DATA, ONTOLOGY_DIR, default_store, store_path
from ..namespaces import ID
from ..graph.writing import atomic_write

__all__ = ["default_store", "MANIFEST_NAME", "ONTOLOGY_GRAPH", "open_store", "load_build", "fingerprint",
           "read_manifest", "is_fresh", "ensure_store", "build_quads_ntriples"]

MANIFEST_NAME = "graphkit-manifest.json"
ONTOLOGY_GRAPH = str(ID["graph/ontology"])
#: Bumped when the way graphs are written changes, so old stores count as stale.
LAYOUT = 1


def open_store(path=None, *, read_only: bool = False, missing_hint: str | None = None) -> ox.Store:
    """Open (or, unless ``read_only``, create) the store directory at ``path``.

    Read-only opening takes no lock: it works while another process (``graphkit
    serve``, ``oxigraph serve``, an import) holds the store open, and readers
    never block each other. Commands that only read open the store this way.

    Parameters
    ----------
    missing_hint : str, optional
        What to tell the user when the directory is missing (read-only); by
        default, to run ``graphkit build``.

    Raises
    ------
    InputError
        The directory is missing (read-only), locked by another process, or not a store.
    """
    path = store_path(path)
    try:
        if read_only:
            if not path.is_dir():
                raise InputError(f"no store at {path}", value=str(path),
                                 hint=missing_hint or "run graphkit build first, or pass --store DIR")
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        text = str(exc)
        hint = ("another process holds the store open for writing (a running graphkit build, or an "
                "'oxigraph serve' on it); stop it, or query it through --endpoint") if "lock" in text.lower() \
            else "delete the folder and run graphkit build again"
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
    """The manifest graphkit left in the store, or None (no store, or not written by graphkit)."""
    try:
        return json.loads((store_path(path) / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_fresh(path=None, data_dir=DEFAULT_DATA, ontology_dir=ONTOLOGY_DIR) -> bool:
    """True when the store at ``path`` was loaded from exactly these data and ontology files."""
    manifest = read_manifest(path)
    return bool(manifest) and manifest.get("fingerprint") == fingerprint(data_dir, ontology_dir)


def build_quads_ntriples(result) -> dict[str, str]:
    """Each named graph of a :class:`graphkit.graph.build.Build` (and the ontology) as N-Triples text."""
    graphs: dict[str, list[str]] = {}
    for s, p, o, g in result.dataset.quads((None, None, None, None)):
        graphs.setdefault(str(g), []).append(f"{s.n3()} {p.n3()} {o.n3()} .")
    graphs[ONTOLOGY_GRAPH] = [f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in result.ontology]
    return {g: "\n".join(sorted(lines)) + "\n" for g, lines in sorted(graphs.items())}


def load_build(result, path=None, *, data_dir=None) -> dict:
    """Write a built graph into the store at ``path``, replacing its graphs in one transaction.

    Parameters
    ----------
    result : graphkit.graph.build.Build
        The build to store; each named graph of its dataset replaces the graph
        of the same name, and the ontology goes to :data:`ONTOLOGY_GRAPH`.
    path : path-like
        The store directory (created if missing).
    data_dir : path-like, optional
        The data folder the build came from; when given, its fingerprint goes
        into the manifest so that :func:`is_fresh` recognises the store.

    Returns
    -------
    dict
        ``graphs`` written, ``removed`` (stale graphkit graphs dropped), ``triples`` written.
    """
    path = store_path(path)
    graphs = build_quads_ntriples(result)
    previous = set((read_manifest(path) or {}).get("graphs", []))
    stale = sorted(previous - set(graphs))
    # One SPARQL update = one transaction: either every graph is replaced or nothing changes.
    parts = [f"DROP SILENT GRAPH <{g}>" for g in stale]
    for g, nt in graphs.items():
        parts.append(f"DROP SILENT GRAPH <{g}>")
        parts.append(f"INSERT DATA {{ GRAPH <{g}> {{\n{nt}}} }}")
    store = open_store(path)
    try:
        store.update(" ;\n".join(parts))
        store.flush()
    finally:
        del store
    manifest = {"fingerprint": fingerprint(data_dir) if data_dir is not None else None,
                "data": str(Path(data_dir).resolve()) if data_dir is not None else None,
                "graphs": sorted(graphs)}
    with atomic_write(Path(path) / MANIFEST_NAME) as fh:
        json.dump(manifest, fh, indent=1)
    return {"graphs": len(graphs), "removed": len(stale),
            "triples": sum(nt.count("\n") for nt in graphs.values())}


def ensure_store(data_dir=DEFAULT_DATA, path=None, *, rebuild: bool = False) -> Path:
    """Return ``path`` after making sure the store matches ``data_dir`` (building it if not).

    Raises
    ------
    DataError
        The data fails the shapes (exit 1): nothing is stored; run ``graphkit check``.
    """
    path = store_path(path)
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
