"""Write UNGA votes into the persisted pyoxigraph store, and read them back as a matrix.

The store is the project's pyoxigraph ``Store`` directory (default
the per-user store or ``--store``, opened with :func:`graphkit.store.embedded.open_store`), shared with the ``graphkit`` SPARQL commands: curated data in one
named graph per data file, the votes in ``graph/unga-voeten`` (or
``graph/unga-undl``). :func:`import_table` replaces that one graph — never any
other — so re-running an import never duplicates a vote.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyoxigraph as ox

from ..errors import InputError
from ..namespaces import GK, ID
from ..resources import store_path
from .embedded import open_store
from ..sources.unga.rdf import GRAPHS, describe_graph, file_release, graph_iri_for, roll_call_quads, vote_nquads
from ..sources.unga.readers import VoteTable

__all__ = ["import_table", "ImportResult", "store_table", "open_votes", "cache_path"]


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
    """Replace the layout's named graph in the store with ``table`` (already checked row by row).

    The graph is cleared, then bulk-loaded; if loading fails half-way the graph
    is cleared again, so it never holds a partial import. Other graphs are not touched.

    Examples
    --------
    >>> import tempfile, pyoxigraph as ox
    >>> with tempfile.TemporaryDirectory() as d:
    ...     r1 = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     r2 = import_table(fixture_table(), f"{d}/store", release="fixture")   # re-run: same size
    ...     n = len(list(ox.Store(f"{d}/store").quads_for_pattern(None, None, None, graph_iri_for("voeten"))))
    >>> r1.votes, r1.quads == r2.quads == n
    (19, True)
    """
    started = time.perf_counter()
    release = release or file_release(table.files)
    if store is None:
        store_dir = store_path(store_dir)
        store = open_store(store_dir)
    g = graph_iri_for(table.layout)
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(table.votes), unit="vote", desc=f"import {table.layout}", leave=False)
    counted = 0
    if g in set(store.named_graphs()):
        store.remove_graph(g)
    try:
        head = list(describe_graph(table, release)) + list(roll_call_quads(table))
        store.bulk_extend(head)
        counted += len(head)
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
        _write_cache(table, Path(store_dir), release)
    return ImportResult(str(g), len(table.roll_calls), len(table.votes), counted,
                        round(time.perf_counter() - started, 3), release)


_PREFIXES = "PREFIX gk: <https://w3id.org/graphkit/ontology#> "


def import_hint(layout: str = "voeten", store_dir=None) -> str:
    """What to run when the votes are missing: the import command for ``layout`` (and the store).

    Examples
    --------
    >>> import_hint("undl", "build/store")
    'run `graphkit import unga VOTES.csv --layout undl --store build/store` first'
    """
    files = "VOTES ROLL_CALLS [ISSUES]" if layout == "voeten" else "VOTES.csv --layout undl"
    where = f" --store {store_dir}" if store_dir is not None else ""
    return f"run `graphkit import unga {files}{where}` first"


def read_votes(store_dir=None, layout: str = "voeten") -> VoteTable:
    """The imported votes of one layout, read from the store opened read-only.

    Read-only, so it works while ``graphkit serve`` (or another reader) has the
    store open. Uses the array cache next to the store when it matches the graph.

    Raises
    ------
    InputError
        No store at ``store_dir``, or no votes of ``layout`` imported into it
        (exit 2; the message says which ``graphkit import unga`` to run).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     len(read_votes(f"{d}/store").votes)
    19
    >>> read_votes("/nonexistent/store")
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: no store at /nonexistent/store — run `graphkit import unga VOTES ROLL_CALLS [ISSUES] --store /nonexistent/store` first
    """
    store_dir = store_path(store_dir)
    store = open_store(store_dir, read_only=True, missing_hint=import_hint(layout, store_dir))
    try:
        return store_table(store, layout, store_dir=store_dir)
    finally:
        del store


def cache_path(store_dir, layout: str) -> Path:
    """Where the votes of one graph are cached as arrays: ``<store>.cache/unga-<layout>.npz``.

    A derived view, never edited: :func:`store_table` uses it only when its
    release and vote count equal the graph's, and rebuilds it from the graph otherwise.
    """
    store_dir = Path(store_dir)
    return store_dir.parent / f"{store_dir.name}.cache" / f"unga-{layout}.npz"


def _write_cache(table: VoteTable, store_dir: Path, release: str) -> None:
    path = cache_path(store_dir, table.layout)
    path.parent.mkdir(parents=True, exist_ok=True)
    rcid = table.votes["rcid"].astype("category")
    key = table.votes["key"].astype("category")
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, release=np.array(release), rcid_codes=rcid.cat.codes.to_numpy(), rcid_cats=np.asarray(rcid.cat.categories, dtype=str),
             key_codes=key.cat.codes.to_numpy(), key_cats=np.asarray(key.cat.categories, dtype=str),
             value=table.votes["value"].to_numpy())
    tmp.replace(path)


def _read_cache(store_dir, layout: str, release: str, n_votes: int):
    path = cache_path(store_dir, layout)
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as z:
        if str(z["release"]) != release or len(z["value"]) != n_votes:
            return None
        rcid = z["rcid_cats"][z["rcid_codes"]].astype(object)
        key = z["key_cats"][z["key_codes"]].astype(object)
        return pd.DataFrame({"rcid": rcid, "code": key, "key": key, "value": z["value"].astype(np.int8), "line": 0})


def store_table(store: ox.Store, layout: str = "voeten", store_dir=None) -> VoteTable:
    """Read the votes and roll calls of one imported graph back into a :class:`VoteTable`.

    This is the bridge from the store to the analyses (:func:`graphkit.analysis.matrix.vote_matrix`):
    two SELECTs, no join in SPARQL (:func:`read_votes` opens the store and calls it). Reading 870,000 votes from the on-disk store
    takes seconds, so with ``store_dir`` the votes come from the array cache
    written by the import when it matches the graph (same release and vote count).
    """
    g = GRAPHS[layout]
    if ox.NamedNode(g) not in set(store.named_graphs()):
        raise InputError(f"no UN votes imported: the store holds no graph <{g}>", value=g,
                         hint=import_hint(layout, store_dir))
    act_prefix = len(f"{ID}act/unga-{layout}-")
    state_prefix = len(f"{ID}state/")
    rc_rows = []
    q = _PREFIXES + f"""SELECT ?a ?date ?prec ?session ?symbol ?topics WHERE {{ GRAPH <{g}> {{
        {{ SELECT ?a (GROUP_CONCAT(STRAFTER(STR(?t), "topic/unga-"); separator=" ") AS ?topics)
           WHERE {{ ?a a gk:RecordedVote . OPTIONAL {{ ?a gk:topic ?t }} }} GROUP BY ?a }}
        ?a gk:date ?date ; gk:datePrecision ?prec .
        OPTIONAL {{ ?a gk:session ?session }} OPTIONAL {{ ?a gk:symbol ?symbol }} }} }}"""
    for a, date, prec, session, symbol, topics in store.query(q):
        rc_rows.append((a.value[act_prefix:], date.value, prec.value.rsplit("#", 1)[1],
                        int(session.value) if session is not None else pd.NA, symbol.value if symbol is not None else "",
                        tuple(sorted(topics.value.split())) if topics is not None and topics.value else ()))
    rc = pd.DataFrame(rc_rows, columns=["rcid", "date", "precision", "session", "symbol", "issues"]).set_index("rcid")
    rc["date"] = pd.to_datetime(rc["date"])
    rc["raw_date"] = rc["date"]
    rc["session"] = rc["session"].astype("Int64")
    release_q = f"PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?r WHERE {{ GRAPH <{g}> {{ <{ID}source/unga-{layout}-dataset> dcterms:identifier ?r }} }}"
    release = next((r.value for (r,) in store.query(release_q)), "")
    if store_dir is not None:
        n_q = _PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?p gk:stance ?s }} }}"
        n_votes = int(next(iter(store.query(n_q)))[0].value)
        cached = _read_cache(store_dir, layout, release, n_votes)
        if cached is not None:
            return VoteTable(layout, rc, cached, {}, [f"store graph <{g}> (array cache)"])
    stance = {f"{GK}yes": 1, f"{GK}no": -1, f"{GK}abstain": 0}
    rcids, keys, values = [], [], []
    q = _PREFIXES + f"SELECT ?a ?who ?s WHERE {{ GRAPH <{g}> {{ ?p gk:act ?a ; gk:participant ?who ; gk:stance ?s }} }}"
    for a, who, s in store.query(q):
        rcids.append(a.value[act_prefix:])
        keys.append(who.value[state_prefix:])
        values.append(stance[s.value])
    votes = pd.DataFrame({"rcid": rcids, "code": keys, "key": keys, "value": np.asarray(values, dtype=np.int8)})
    votes["line"] = 0
    return VoteTable(layout, rc, votes, {}, [f"store graph <{g}>"])
