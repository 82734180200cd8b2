"""Crash-safe writes of the store: every change writes a new generation, then switches to it in one atomic step.

A store directory ``STORE`` holds::

    STORE/graphkit-current           the name of the current generation, one line (replaced atomically)
    STORE/generations/<name>/        a complete pyoxigraph store (RocksDB), its graphkit-manifest.json
                                     and its array caches (cache/<dataset>.npz)
    STORE/graphkit-write.lock        held (flock) by the one process writing

A build or an import never changes the generation that readers open: it
writes a new one — a hard-linked checkpoint of the current one for a build
(the curated graphs are small), a fresh store for an import (bulk-loading a
graph into an empty store and copying the few graphs it keeps is far faster
than removing millions of quads one by one) — writes the manifest into it
last, then replaces ``graphkit-current``. Killed at any moment before that
rename, the store is what it was; after it, it is the new one. The manifest
and the graphs live in the same directory, so they change together; the array
caches too.

A store that graphkit cannot vouch for is reported with the command that
repairs it, never read: a pointer to a missing or unfinished generation, or a
store written by graphkit before generations (``layout`` 1: its manifest could
disagree with its graphs after a crash).

Examples
--------
>>> import tempfile, pyoxigraph as ox
>>> tmp = tempfile.TemporaryDirectory(); store = Path(tmp.name) / "store"
>>> state(store)
'missing'
>>> with StoreWriter(store) as w:
...     w.store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"), ox.NamedNode("urn:g")))
...     _ = w.commit({"graphs": {"urn:g": {"dataset": "curated"}}})
>>> state(store), read_current(store)["graphs"]
('ok', {'urn:g': {'dataset': 'curated'}})
>>> len(ox.Store.read_only(str(current_dir(store))))
1
>>> tmp.cleanup()
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError
from ..resources import store_path

__all__ = ["POINTER", "GENERATIONS", "MANIFEST_NAME", "LAYOUT", "StoreStateError", "StoreWriter", "state",
           "current_dir", "read_current", "repair_hint", "cache_dir"]

POINTER = "graphkit-current"
GENERATIONS = "generations"
LOCK = "graphkit-write.lock"
MANIFEST_NAME = "graphkit-manifest.json"
#: The store layout written here; 1 was the single directory written in place.
LAYOUT = 2
#: Files a pyoxigraph (RocksDB) store keeps at its top level: what a layout-1 store is made of.
_ROCKSDB_FILES = ("CURRENT", "IDENTITY", "LOCK", "LOG", "MANIFEST-", "OPTIONS-", "LOG.old")


class StoreStateError(InputError):
    """The store is in a state graphkit cannot vouch for (a crash, an older layout): never read, always repairable."""


def repair_hint(path) -> str:
    """The command that rebuilds a store graphkit cannot vouch for."""
    where = f" --store {path}"
    return (f"run `graphkit build{where}` to repair it (it rebuilds the curated graphs from data/ and keeps the "
            "imports of the last complete generation), then re-run any import it says is missing")


def _pointer(path: Path) -> Path:
    return path / POINTER


def _legacy(path: Path) -> bool:
    """A store written in place by an older graphkit (RocksDB files or a manifest at the top of the directory)."""
    try:
        names = os.listdir(path)
    except OSError:
        return False
    return any(n == MANIFEST_NAME or n.startswith(_ROCKSDB_FILES) or n.endswith(".sst") for n in names)


def _read_manifest(gen: Path) -> dict | None:
    try:
        manifest = json.loads((gen / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("complete") is True else None


def _current_name(path: Path) -> str | None:
    try:
        name = _pointer(path).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreStateError(f"cannot read {_pointer(path)}: {exc.strerror or exc}", value=str(path),
                              hint=repair_hint(path)) from None
    if not name or "/" in name or name.startswith("."):
        raise StoreStateError(f"the store {path} names no valid generation ({name!r})", value=str(path),
                              hint=repair_hint(path))
    return name


def state(path=None) -> str:
    """``missing`` (nothing to read), ``ok``, ``legacy`` (written before generations) or ``broken``.

    A directory holding only unfinished generations (a first build or import
    killed before its commit) is ``missing``: there was no store before it.
    """
    path = store_path(path)
    if not path.is_dir():
        return "missing"
    try:
        name = _current_name(path)
    except StoreStateError:
        return "broken"
    if name is None:
        return "legacy" if _legacy(path) else "missing"
    return "ok" if _read_manifest(path / GENERATIONS / name) is not None else "broken"


def current_dir(path=None, *, missing_hint: str | None = None) -> Path:
    """The directory of the current generation: what readers open.

    Raises
    ------
    InputError
        No store at ``path`` (``missing_hint`` says what to run).
    StoreStateError
        The store is ``broken`` or ``legacy``: the message gives the command that repairs it.
    """
    path = store_path(path)
    st = state(path)
    if st == "missing":
        raise InputError(f"no store at {path}", value=str(path),
                         hint=missing_hint or "run graphkit build first, or pass --store DIR")
    if st == "legacy":
        raise StoreStateError(f"the store {path} was written by an older graphkit, which could leave its graphs and "
                              "its manifest disagreeing after a crash", value=str(path), hint=repair_hint(path))
    if st == "broken":
        name = None
        try:
            name = _current_name(path)
        except StoreStateError:
            pass
        raise StoreStateError(f"the store {path} is in an unknown state (generation {name!r} is missing or unfinished: "
                              "a write was interrupted, or files were removed)", value=str(path), hint=repair_hint(path))
    return path / GENERATIONS / _current_name(path)


def read_current(path=None) -> dict | None:
    """The manifest of the current generation, or None when there is no store graphkit can vouch for."""
    path = store_path(path)
    if state(path) != "ok":
        return None
    return _read_manifest(path / GENERATIONS / _current_name(path))


def _last_complete(path: Path) -> Path | None:
    """The newest generation with a complete manifest: what a repair starts from when the pointer is broken."""
    gens = sorted((path / GENERATIONS).glob("*"), reverse=True) if (path / GENERATIONS).is_dir() else []
    return next((g for g in gens if _read_manifest(g) is not None), None)


def cache_dir(generation: Path) -> Path:
    """Where a generation keeps its array caches (derived from its graphs, replaced with them)."""
    return Path(generation) / "cache"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class StoreWriter:
    """Write a new generation of the store at ``path``; :meth:`commit` makes it the current one.

    Parameters
    ----------
    path : path-like
        The store directory (created if missing).
    start : {"copy", "empty"}
        ``copy``: the new generation starts as a checkpoint of the current one
        (hard links: instant, whatever its size); ``empty``: it starts empty
        and the caller copies what it keeps (:meth:`copy_graphs`).
    phase : callable, optional
        Called with the name of each phase (``"committing"`` ...) for progress.

    Attributes
    ----------
    store : pyoxigraph.Store
        The new generation, open for writing.
    previous : dict or None
        The manifest of the generation being replaced (None: no store, or one
        graphkit cannot vouch for — then ``start`` is ignored and nothing is copied).
    previous_dir : Path or None
    legacy : bool
        The store being replaced was written before generations.

    Raises
    ------
    InputError
        Another process is writing the store (it holds the write lock).
    """

    def __init__(self, path=None, *, start: str = "copy", phase=None):
        self.path = store_path(path)
        self.start = start
        self.phase = phase or (lambda name: None)
        self.store = None
        self.dir = None
        self._lock = None
        self._committed = False

    # -- the write lock: one writer at a time (readers never need it)
    def _acquire(self) -> None:
        import fcntl

        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.path / LOCK, "a+")
        except OSError as exc:
            raise InputError(f"cannot write the store {self.path}: {exc.strerror or exc}", value=str(self.path),
                             hint="check the path and the disk, or pass --store DIR elsewhere") from None
        try:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self._lock.close()
            self._lock = None
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise InputError(f"cannot open the store {self.path} for writing: another graphkit process holds its "
                                 "lock (a build or an import)", value=str(self.path),
                                 hint="wait for it to finish, or write another --store") from None
            raise

    def __enter__(self) -> "StoreWriter":
        self._acquire()
        try:
            st = state(self.path)
            self.legacy = st == "legacy"
            self.previous_dir = current_dir(self.path) if st == "ok" else (_last_complete(self.path) if st == "broken" else None)
            self.previous = _read_manifest(self.previous_dir) if self.previous_dir is not None else None
            gens = self.path / GENERATIONS
            gens.mkdir(exist_ok=True)
            name = f"{time.time_ns():020d}-{os.getpid()}"
            self.dir = gens / name
            if self.start == "copy" and self.previous_dir is not None:
                self.phase("copying the current generation")
                source = ox.Store.read_only(str(self.previous_dir))
                try:
                    source.backup(str(self.dir))
                finally:
                    del source
                for cached in cache_dir(self.previous_dir).glob("*.npz"):
                    cache_dir(self.dir).mkdir(exist_ok=True)
                    os.link(cached, cache_dir(self.dir) / cached.name)
            self.store = ox.Store(str(self.dir))
        except BaseException:
            self._cleanup()
            raise
        return self

    def copy_graphs(self, graphs) -> int:
        """Copy named graphs of the previous generation into the new one (one bulk load); the number of quads."""
        if self.previous_dir is None or not graphs:
            return 0
        source = ox.Store.read_only(str(self.previous_dir))
        try:
            present = {g.value for g in source.named_graphs()}
            parts = []
            for g in graphs:
                if g not in present:
                    continue
                text = source.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
                # N-Triples escapes newlines inside literals: every " .\n" ends a triple.
                parts.append(text.replace(b" .\n", f" <{g}> .\n".encode()))
        finally:
            del source
        data = b"".join(parts)
        if data:
            self.store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        return data.count(b"\n")

    def commit(self, manifest: dict) -> Path:
        """Close the new generation, write its manifest, make it current, remove generations older than the last."""
        self.phase("committing")
        self.store.flush()
        self.store = None  # closes the RocksDB instance: readers never open a store a writer holds
        import gc
        gc.collect()
        manifest = {**manifest, "layout": LAYOUT, "generation": self.dir.name, "complete": True}
        tmp = self.dir / (MANIFEST_NAME + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.dir / MANIFEST_NAME)
        _fsync_dir(self.dir)
        pointer_tmp = self.path / f".{POINTER}.{os.getpid()}.tmp"
        with open(pointer_tmp, "w", encoding="utf-8") as fh:
            fh.write(self.dir.name + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(pointer_tmp, _pointer(self.path))  # the one atomic step
        _fsync_dir(self.path)
        self._committed = True
        self._prune()
        return self.dir

    def _prune(self) -> None:
        """Remove every generation but the new one and the one it replaced (a running server may still read it)."""
        keep = {self.dir.name} | ({self.previous_dir.name} if self.previous_dir is not None else set())
        for gen in (self.path / GENERATIONS).iterdir():
            if gen.name not in keep:
                shutil.rmtree(gen, ignore_errors=True)
        for tmp in self.path.glob(f".{POINTER}.*.tmp"):
            tmp.unlink(missing_ok=True)
        if self.legacy:
            for entry in self.path.iterdir():
                n = entry.name
                if entry.is_file() and (n == MANIFEST_NAME or n.startswith(_ROCKSDB_FILES) or n.endswith((".sst", ".log"))):
                    entry.unlink(missing_ok=True)
            shutil.rmtree(self.path.parent / f"{self.path.name}.cache", ignore_errors=True)

    def _cleanup(self) -> None:
        self.store = None
        if not self._committed and self.dir is not None and self.dir.exists():
            import gc
            gc.collect()
            shutil.rmtree(self.dir, ignore_errors=True)
        if self._lock is not None:
            self._lock.close()  # releases the flock
            self._lock = None

    def __exit__(self, exc_type, exc, tb) -> None:
        self._cleanup()
