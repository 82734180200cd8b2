"""Write vote tables into the persisted pyoxigraph store, and read them back (any vote source).

The store is the project's pyoxigraph store (the per-user store or
``--store``), shared with the ``graphkit`` SPARQL commands: curated data in one
named graph per data file, each vote dataset in its own graph
(``graph/unga-voeten``, ``graph/unga-undl``, ``graph/hrc`` ...;
:class:`~graphkit.sources.votes.dataset.VoteDataset`). :func:`import_table`
replaces that one graph — never any other — so re-running an import never
duplicates a vote.

An import writes a new generation of the store
(:class:`~graphkit.store.generations.StoreWriter`): the votes are bulk-loaded
into an empty store, the other graphs copied from the current generation, the
links to curated acts of the same vote written (:mod:`graphkit.store.links`),
the array cache saved beside them, and the new generation switched to in one
step. Killed at any moment, the store keeps its previous imports; the old
graph is never removed quad by quad (that took 172 s and 4.1 GB for the UN
votes), it goes with its generation.
"""
from __future__ import annotations

import datetime as dt
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyoxigraph as ox

from ..errors import InputError
from ..namespaces import GK, ID
from ..resources import store_path
from .embedded import CURATED, open_store
from .generations import StoreWriter, cache_dir, current_dir, state
from ..sources.votes.dataset import VoteDataset
from ..sources.votes.rdf import describe_graph, file_release, non_vote_nquads, roll_call_quads, vote_nquads
from ..sources.votes.table import VoteTable

__all__ = ["import_table", "ImportResult", "ImportProgress", "store_table", "read_votes", "cache_path"]


@dataclass
class ImportResult:
    """What :func:`import_table` did."""

    graph: str
    roll_calls: int
    votes: int
    quads: int
    seconds: float
    release: str
    links: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


class ImportProgress:
    """The progress of an import on standard error: one bar, its label naming the phase, counting votes loaded.

    Phases: reading and checking the files, loading the votes, copying the
    other graphs (the replaced graph is not removed: it stays with the old
    generation), linking to curated acts, compacting, committing.
    """

    def __init__(self, label: str, enabled: bool = True):
        self.label, self.bar = label, None
        if enabled:
            from tqdm import tqdm
            self.bar = tqdm(total=0, unit="vote", desc=f"{label}: starting", leave=False, dynamic_ncols=True)

    def phase(self, name: str, total: int | None = None) -> None:
        if self.bar is not None:
            if total is not None:
                self.bar.reset(total=total)
            self.bar.set_description(f"{self.label}: {name}")
            self.bar.refresh()

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _new_import_id() -> str:
    return f"{dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')} {uuid.uuid4().hex}"


def _load_graph(store: ox.Store, table: VoteTable, release: str, import_id: str, progress: ImportProgress) -> int:
    """Bulk-load the dataset's graph into ``store``; the number of quads written."""
    head = list(describe_graph(table, release, import_id)) + list(roll_call_quads(table)) + list(table.extra_quads)
    store.bulk_extend(head)
    counted = len(head)
    non_votes = non_vote_nquads(table)
    if non_votes:
        store.bulk_load(non_votes.encode(), format=ox.RdfFormat.N_QUADS)
        counted += non_votes.count("\n")
    progress.phase(f"loading {len(table.votes):,} votes", total=len(table.votes))
    for data, n in vote_nquads(table):
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        counted += data.count(b"\n")
        progress.advance(n)
    return counted


def _check_not_emptying(table: VoteTable, previous: dict | None, allow_empty: bool) -> None:
    if len(table.votes) or allow_empty:
        return
    had = ((previous or {}).get("graphs", {}).get(table.dataset.graph) or {}).get("votes")
    files = ", ".join(Path(f).name for f in table.files[:1]) or "the files"
    what = (f"would replace the {had:,} votes of <{table.dataset.graph}> with none" if had else
            "would import an empty graph")
    raise InputError(f"{files} holds no vote: importing it {what}", value=files,
                     hint="check the file (a header with no rows?); pass --allow-empty if you mean to empty the graph")


def import_table(table: VoteTable, store_dir=None, *, release: str | None = None, progress=False,
                 store: ox.Store | None = None, allow_empty: bool = False) -> ImportResult:
    """Replace the dataset's named graph in the store with ``table`` (already checked row by row).

    With ``store_dir`` (the usual way), the import writes a new generation of
    the store and switches to it only once everything is written: killed or
    failing at any point, it leaves the previous store. With ``store`` (an
    open pyoxigraph store, say in memory), the graph is replaced in place.

    Parameters
    ----------
    progress : bool or ImportProgress
        Show the phases and the votes loaded on standard error.
    allow_empty : bool
        Import a table without votes (which empties the graph); refused otherwise.

    Raises
    ------
    InputError
        The table holds no vote (without ``allow_empty``), or another process is writing the store.

    Examples
    --------
    >>> import tempfile, pyoxigraph as ox
    >>> with tempfile.TemporaryDirectory() as d:
    ...     r1 = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     r2 = import_table(fixture_table(), f"{d}/store", release="fixture")   # re-run: same size
    ...     g = ox.NamedNode(fixture_table().dataset.graph)
    ...     n = len(list(open_store(f"{d}/store", read_only=True).quads_for_pattern(None, None, None, g)))
    >>> r1.votes, r1.quads == r2.quads == n
    (19, True)
    """
    started = time.perf_counter()
    release = release or file_release(table.files)
    import_id = _new_import_id()
    bar = progress if isinstance(progress, ImportProgress) else ImportProgress(f"import {table.dataset.key}", bool(progress))
    g = table.dataset.graph
    try:
        if store is not None:
            _check_not_emptying(table, None, allow_empty)
            if ox.NamedNode(g) in set(store.named_graphs()):
                store.remove_graph(ox.NamedNode(g))
            quads = _load_graph(store, table, release, import_id, bar)
            store.flush()
            return ImportResult(g, len(table.roll_calls), len(table.votes), quads,
                                round(time.perf_counter() - started, 3), release)
        store_dir = store_path(store_dir)
        from .generations import read_current
        current = read_current(store_dir)
        _check_not_emptying(table, current, allow_empty)
        with StoreWriter(store_dir, start=_start_for(g, current), phase=bar.phase) as w:
            _check_not_emptying(table, w.previous, allow_empty)
            previous = (w.previous or {}).get("graphs", {})
            kept = {k: v for k, v in previous.items() if k != g}
            if w.start == "copy" and w.previous is not None:
                bar.phase("removing the previous import")         # a small graph beside larger ones: in place
                w.store.remove_graph(ox.NamedNode(g))
            quads = _load_graph(w.store, table, release, import_id, bar)
            if w.start == "empty" or w.previous is None:
                bar.phase(f"copying the {len(kept)} other graphs")
                w.copy_graphs(sorted(kept))
            bar.phase("linking to curated acts")
            from .links import link_votes, links_in
            link_votes(w.store, [k for k, v in kept.items() if v.get("dataset") == CURATED],
                       [k for k, v in kept.items() if str(v.get("dataset", "")).startswith("votes:")] + [g])
            links = links_in(w.store, g)
            bar.phase("writing the array cache")
            write_cache(table, cache_dir(w.dir), import_id)
            if w.start == "empty":
                bar.phase("compacting")
                w.store.optimize()
            manifest = {k: v for k, v in (w.previous or {}).items() if k in ("fingerprint", "data")}
            kept[g] = {"dataset": f"votes:{table.dataset.source}", "key": table.dataset.key, "votes": len(table.votes),
                       "roll_calls": len(table.roll_calls), "quads": quads, "release": release, "import_id": import_id}
            w.commit({**manifest, "graphs": kept})
    finally:
        bar.close()
    return ImportResult(g, len(table.roll_calls), len(table.votes), quads, round(time.perf_counter() - started, 3),
                        release, links)


def _start_for(graph: str, current: dict | None) -> str:
    """How a re-import starts its generation: ``empty`` when the graph it replaces outweighs the rest of the store, else ``copy``.

    Removing a graph in place costs about as much as writing it (the 2.8
    million quads of the General Assembly's votes took 150 s and 4 GB), so the
    big graph's re-import starts empty and copies the others (1.15× a first
    import); a small graph (the vetoes, 11,000 quads) beside the big one is
    removed in place from a checkpoint of the store (hard links), which spares
    copying a million quads it does not touch.

    Examples
    --------
    >>> m = {"graphs": {"g:big": {"quads": 1_200_000}, "g:small": {"quads": 11_000}, "g:acts": {"triples": 12_000}}}
    >>> _start_for("g:big", m), _start_for("g:small", m), _start_for("g:new", m), _start_for("g:new", None)
    ('empty', 'copy', 'copy', 'empty')
    """
    graphs = (current or {}).get("graphs") or {}
    if not graphs:
        return "empty"
    size = lambda info: int(info.get("quads") or info.get("triples") or 0)  # noqa: E731
    own = size(graphs.get(graph, {}))
    return "empty" if own > sum(size(v) for k, v in graphs.items() if k != graph) else "copy"


_PREFIXES = "PREFIX gk: <https://w3id.org/graphkit/ontology#> "
#: Only votes are positions of the matrix: members recorded as not voting (gk:noVote) are not.
_VOTES_ONLY = "FILTER(?s != gk:noVote)"


def read_votes(dataset: VoteDataset, store_dir=None) -> VoteTable:
    """The imported votes of one dataset, read from the store opened read-only.

    Read-only, so it works while ``graphkit serve`` (or another reader) has the
    store open. Uses the array cache next to the store when it matches the graph.

    Raises
    ------
    InputError
        No store at ``store_dir``, or no votes of ``dataset`` imported into it
        (exit 2; the message says which import to run).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     len(read_votes(fixture_table().dataset, f"{d}/store").votes)
    19
    >>> read_votes(fixture_table().dataset, "/nonexistent/store")
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: no store at /nonexistent/store — run `graphkit import unga VOTES ROLL_CALLS [ISSUES] --store /nonexistent/store` first
    """
    store_dir = store_path(store_dir)
    store = open_store(store_dir, read_only=True, missing_hint=dataset.hint(store_dir))
    try:
        return store_table(store, dataset, store_dir=store_dir)
    finally:
        del store


def cache_path(store_dir, dataset: VoteDataset) -> Path:
    """Where the votes of one graph are cached as arrays: ``cache/<dataset key>.npz`` in the current generation.

    A derived view, never edited: written by the import into the generation it
    writes (so it is replaced with the graph), and used by :func:`store_table`
    only when its import id equals the graph's.
    """
    return cache_dir(current_dir(store_dir)) / f"{dataset.key}.npz"


def write_cache(table: VoteTable, directory: Path, import_id: str) -> None:
    """Write the table's arrays into ``directory`` (a generation's cache folder), keyed by the import's id.

    The whole table — records (date, session, symbol, issues, short title)
    and votes as integer codes — so that an analysis reads it in a few
    hundredths of a second instead of querying 870,000 votes.
    """
    rc = table.roll_calls
    rcids = np.asarray(rc.index, dtype=str)
    votes = table.votes
    rc_codes = pd.Categorical(votes["rcid"], categories=rc.index).codes
    keys = pd.Categorical(votes["key"])
    arrays = {"import_id": np.array(import_id), "rcid": rcids,
              "date": rc["raw_date"].to_numpy().astype("datetime64[D]"),
              "session": rc["session"].astype("float64").to_numpy(),
              "precision": np.asarray(rc["precision"], dtype=str), "symbol": np.asarray(rc["symbol"].fillna(""), dtype=str),
              "issues": np.asarray([" ".join(i) for i in rc["issues"]], dtype=str),
              "short": np.asarray(rc["short"].fillna("") if "short" in rc else [""] * len(rc), dtype=str),
              "vote_rc": rc_codes.astype(np.int32), "vote_key": keys.codes.astype(np.int32),
              "keys": np.asarray(keys.categories, dtype=str), "value": votes["value"].to_numpy(np.int8)}
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{table.dataset.key}.npz"
    tmp = path.with_name(path.stem + f".{uuid.uuid4().hex}.tmp.npz")
    np.savez(tmp, **arrays)
    tmp.replace(path)


def read_cache(store_dir, dataset: VoteDataset, import_id: str) -> VoteTable | None:
    """The table cached for this import of ``dataset`` in the current generation (None when missing or not this import)."""
    try:
        path = cache_path(store_dir, dataset)
    except InputError:
        return None
    if not import_id or not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as z:
            if "import_id" not in z.files or str(z["import_id"]) != import_id or "vote_rc" not in z.files:
                return None
            z = {k: z[k] for k in z.files}
    except (OSError, ValueError, KeyError):
        return None                 # a damaged cache is rebuilt from the graph, never trusted
    rcids = z["rcid"].astype(object)
    dates = pd.to_datetime(z["date"])
    rc = pd.DataFrame({"date": dates, "raw_date": dates, "precision": z["precision"].astype(object),
                       "session": pd.array(np.where(np.isnan(z["session"]), None, z["session"]), dtype="Int64"),
                       "symbol": z["symbol"].astype(object), "short": z["short"].astype(object),
                       "issues": [tuple(s.split()) if s else () for s in z["issues"].tolist()]},
                      index=pd.Index(rcids, name="rcid"))
    votes = pd.DataFrame({"rcid": pd.Categorical.from_codes(z["vote_rc"], categories=rcids),
                          "key": pd.Categorical.from_codes(z["vote_key"], categories=z["keys"].astype(object)),
                          "value": z["value"]})
    votes["code"] = votes["key"]
    votes["line"] = 0
    return VoteTable(dataset, rc, votes, {}, [f"store graph <{dataset.graph}> (array cache)"])


def _import_id(store: ox.Store, dataset: VoteDataset) -> str:
    q = f"PREFIX gk: <{GK}> SELECT ?i WHERE {{ GRAPH <{dataset.graph}> {{ <{dataset.dataset_iri}> gk:importId ?i }} }}"
    return next((i.value for (i,) in store.query(q)), "")


def store_table(store: ox.Store, dataset: VoteDataset, store_dir=None) -> VoteTable:
    """Read the votes and roll calls of one imported graph back into a :class:`VoteTable`.

    This is the bridge from the store to the analyses (:func:`graphkit.sources.votes.matrix.table_matrix`):
    two SELECTs, no join in SPARQL (:func:`read_votes` opens the store and calls it). Reading 870,000 votes from the on-disk store
    takes seconds, so with ``store_dir`` the votes come from the array cache
    written by the import when it is the cache of this very import (same
    ``gk:importId`` as the graph): the cache can never disagree with the store.
    """
    g = dataset.graph
    if ox.NamedNode(g) not in set(store.named_graphs()):
        raise InputError(f"no {dataset.source.upper()} votes imported: the store holds no graph <{g}>", value=g,
                         hint=dataset.hint(store_dir))
    import_id = _import_id(store, dataset)
    if store_dir is not None and import_id:
        cached = read_cache(store_dir, dataset, import_id)
        if cached is not None:
            return cached
    act_prefix = len(dataset.act_prefix)
    state_prefix = len(f"{ID}state/")
    rc_rows = []
    q = _PREFIXES + f"""SELECT ?a ?date ?prec ?session ?symbol ?topics ?label WHERE {{ GRAPH <{g}> {{
        {{ SELECT ?a (GROUP_CONCAT(STRAFTER(STR(?t), "topic/{dataset.source}-"); separator=" ") AS ?topics)
           WHERE {{ ?a a gk:RecordedVote . OPTIONAL {{ ?a gk:topic ?t }} }} GROUP BY ?a }}
        ?a gk:date ?date ; gk:datePrecision ?prec .
        OPTIONAL {{ ?a gk:session ?session }} OPTIONAL {{ ?a gk:symbol ?symbol }}
        OPTIONAL {{ ?a <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }} }}"""
    for a, date, prec, session, symbol, topics, label in store.query(q):
        rc_rows.append((a.value[act_prefix:], date.value, prec.value.rsplit("#", 1)[1],
                        int(session.value) if session is not None else pd.NA, symbol.value if symbol is not None else "",
                        tuple(sorted(topics.value.split())) if topics is not None and topics.value else (),
                        label.value.partition(" — ")[2].strip() if label is not None else ""))
    rc = pd.DataFrame(rc_rows, columns=["rcid", "date", "precision", "session", "symbol", "issues", "short"]).set_index("rcid")
    rc["date"] = pd.to_datetime(rc["date"])
    rc["raw_date"] = rc["date"]
    rc["session"] = rc["session"].astype("Int64")
    stance = {f"{GK}yes": 1, f"{GK}no": -1, f"{GK}abstain": 0}
    rcids, keys, values = [], [], []
    q = _PREFIXES + f"SELECT ?a ?who ?s WHERE {{ GRAPH <{g}> {{ ?p gk:act ?a ; gk:participant ?who ; gk:stance ?s {_VOTES_ONLY} }} }}"
    for a, who, s in store.query(q):
        rcids.append(a.value[act_prefix:])
        keys.append(who.value[state_prefix:])
        values.append(stance[s.value])
    votes = pd.DataFrame({"rcid": rcids, "code": keys, "key": keys, "value": np.asarray(values, dtype=np.int8)})
    votes["line"] = 0
    return VoteTable(dataset, rc, votes, {}, [f"store graph <{g}>"])
