"""Write vote tables into the persisted pyoxigraph store, and read them back (any vote source).

The store is the project's pyoxigraph ``Store`` directory (the per-user store
or ``--store``, opened with :func:`graphkit.store.open_store`), shared
with the ``graphkit`` SPARQL commands: curated data in one named graph per data
file, each vote dataset in its own graph (``graph/unga-voeten``,
``graph/unga-undl``, ``graph/hrc`` ...; :class:`~graphkit.sources.votes.dataset.VoteDataset`).
:func:`import_table` replaces that one graph — never any other — so re-running
an import never duplicates a vote.
"""
from __future__ import annotations

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
from .embedded import open_store
from ..sources.votes.dataset import VoteDataset
from ..sources.votes.rdf import describe_graph, file_release, non_vote_nquads, roll_call_quads, vote_nquads
from ..sources.votes.table import VoteTable

__all__ = ["import_table", "ImportResult", "store_table", "read_votes", "cache_path"]


@dataclass
class ImportResult:
    """What :func:`import_table` did."""

    graph: str
    roll_calls: int
    votes: int
    quads: int
    seconds: float
    release: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def import_table(table: VoteTable, store_dir=None, *, release: str | None = None, progress: bool = False,
                 store: ox.Store | None = None) -> ImportResult:
    """Replace the dataset's named graph in the store with ``table`` (already checked row by row).

    The graph is cleared, then bulk-loaded; if loading fails half-way the graph
    is cleared again, so it never holds a partial import. Other graphs are not touched.

    Examples
    --------
    >>> import tempfile, pyoxigraph as ox
    >>> with tempfile.TemporaryDirectory() as d:
    ...     r1 = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     r2 = import_table(fixture_table(), f"{d}/store", release="fixture")   # re-run: same size
    ...     g = ox.NamedNode(fixture_table().dataset.graph)
    ...     n = len(list(ox.Store(f"{d}/store").quads_for_pattern(None, None, None, g)))
    >>> r1.votes, r1.quads == r2.quads == n
    (19, True)
    """
    started = time.perf_counter()
    release = release or file_release(table.files)
    import_id = uuid.uuid4().hex
    if store is None:
        store_dir = store_path(store_dir)
        store = open_store(store_dir)
    g = ox.NamedNode(table.dataset.graph)
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(table.votes), unit="vote", desc=f"import {table.dataset.key}", leave=False)
    counted = 0
    if g in set(store.named_graphs()):
        store.remove_graph(g)
    try:
        head = list(describe_graph(table, release, import_id)) + list(roll_call_quads(table)) + list(table.extra_quads)
        store.bulk_extend(head)
        counted += len(head)
        non_votes = non_vote_nquads(table)
        if non_votes:
            store.bulk_load(non_votes.encode(), format=ox.RdfFormat.N_QUADS)
            counted += 3 * len(table.non_votes)
        for data, n in vote_nquads(table):
            store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            counted += 3 * n
            if bar is not None:
                bar.update(n)
        store.flush()
    except BaseException:
        if g in set(store.named_graphs()):
            store.remove_graph(g)
        raise
    finally:
        if bar is not None:
            bar.close()
    if store_dir is not None and store is not None:
        write_cache(table, Path(store_dir), import_id)
    return ImportResult(str(g), len(table.roll_calls), len(table.votes), counted,
                        round(time.perf_counter() - started, 3), release)


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
    """Where the votes of one graph are cached as arrays: ``<store>.cache/<dataset key>.npz``.

    A derived view, never edited: :func:`store_table` uses it only when it was
    written for the import the graph holds (its ``gk:importId``), and rewrites it
    from the graph otherwise.
    """
    store_dir = Path(store_dir)
    return store_dir.parent / f"{store_dir.name}.cache" / f"{dataset.key}.npz"


_RC_TEXT = ("precision", "symbol", "issues", "short")


def write_cache(table: VoteTable, store_dir: Path, import_id: str) -> None:
    """Write the table's arrays next to the store (a derived view, keyed by the import's id; never fatal)."""
    path = cache_path(store_dir, table.dataset)
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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.stem + f".{uuid.uuid4().hex}.tmp.npz")
        np.savez(tmp, **arrays)
        tmp.replace(path)
    except OSError:
        pass                      # a cache that cannot be written is only a slower next read


def read_cache(store_dir, dataset: VoteDataset, import_id: str) -> VoteTable | None:
    """The table cached for this import of ``dataset`` (None when missing or from another import)."""
    path = cache_path(store_dir, dataset)
    try:
        with np.load(path, allow_pickle=False) as z:
            if "import_id" not in z.files or str(z["import_id"]) != import_id:
                return None
            z = {k: z[k] for k in z.files}
    except (OSError, ValueError, KeyError):
        return None
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
    written by the import when it matches the graph (same release and vote count).
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
    table = VoteTable(dataset, rc, votes, {}, [f"store graph <{g}>"])
    if store_dir is not None and import_id:
        write_cache(table, Path(store_dir), import_id)
    return table
