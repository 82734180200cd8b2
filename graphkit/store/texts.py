"""The texts of imported records (short title and description), read from the store when asked, cached.

The vote table the analyses read (:func:`graphkit.store.votes.read_votes`)
carries each record's short title but not its description: most analyses
never need it, and 6,000 General Assembly descriptions would slow every read.
The ideal points do (recurring resolutions are found by their text, see
:mod:`graphkit.analysis.ideal.bridges`), so :func:`record_texts` reads them
on demand — the short title from the act's ``rdfs:label`` (after " — ") and
the description from ``dcterms:description`` — and keeps them next to the
store as arrays (``<store>.cache/<dataset>.texts.npz``), keyed by the
import's ``gk:importId`` like the vote cache: a re-import rewrites them.
"""
from __future__ import annotations

import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import pyoxigraph as ox

from ..errors import InputError
from ..namespaces import GK
from ..resources import store_path
from ..sources.votes.dataset import VoteDataset
from .embedded import open_store
from .votes import cache_path

__all__ = ["record_texts", "texts_cache_path"]


def texts_cache_path(store_dir, dataset: VoteDataset) -> Path:
    """``<store>.cache/<dataset key>.texts.npz``, beside the vote cache."""
    return cache_path(store_dir, dataset).with_name(f"{dataset.key}.texts.npz")


def record_texts(dataset: VoteDataset, store_dir=None) -> pd.DataFrame:
    """Each imported record's ``short`` title and ``descr`` (description), indexed by record id.

    Raises
    ------
    InputError
        No store, or no records of ``dataset`` in it (the message names the import to run).

    Examples
    --------
    >>> import tempfile
    >>> from graphkit.store.votes import import_table
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     first = record_texts(fixture_table().dataset, f"{d}/store")
    ...     again = record_texts(fixture_table().dataset, f"{d}/store")       # from the cache
    ...     cached = texts_cache_path(f"{d}/store", fixture_table().dataset).is_file()
    >>> first.loc["103"].tolist()
    ['FICTIONAL HR VOTE', 'A fictional human-rights roll call whose tally columns disagree with its votes.']
    >>> first.loc["104"].tolist(), cached, again.equals(first)
    (['', ''], True, True)
    """
    store_dir = store_path(store_dir)
    store = open_store(store_dir, read_only=True, missing_hint=dataset.hint(store_dir))
    try:
        g = dataset.graph
        if ox.NamedNode(g) not in set(store.named_graphs()):
            raise InputError(f"no {dataset.source.upper()} votes imported: the store holds no graph <{g}>", value=g,
                             hint=dataset.hint(store_dir))
        q = (f"PREFIX gk: <{GK}> SELECT ?i WHERE {{ GRAPH <{g}> {{ <{dataset.dataset_iri}> gk:importId ?i }} }}")
        import_id = next((i.value for (i,) in store.query(q)), "")
        path = texts_cache_path(store_dir, dataset)
        cached = _read(path, import_id) if import_id else None
        if cached is not None:
            return cached
        frame = _query(store, dataset)
    finally:
        del store
    if import_id:
        _write(path, frame, import_id)
    return frame


def _query(store: ox.Store, dataset: VoteDataset) -> pd.DataFrame:
    q = f"""PREFIX gk: <{GK}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?rcid ?label ?descr WHERE {{ GRAPH <{dataset.graph}> {{ ?a a gk:RecordedVote ; gk:rollCallId ?rcid .
        OPTIONAL {{ ?a rdfs:label ?label }} OPTIONAL {{ ?a dcterms:description ?descr }} }} }}"""
    rows = {}
    for rcid, label, descr in store.query(q):
        rows[rcid.value] = (label.value.partition(" — ")[2].strip() if label is not None else "",
                            descr.value if descr is not None else "")
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=["short", "descr"]) if rows else \
        pd.DataFrame(columns=["short", "descr"])
    frame.index = frame.index.astype(str).rename("rcid")
    return frame.sort_index()


def _read(path: Path, import_id: str) -> pd.DataFrame | None:
    try:
        with np.load(path, allow_pickle=False) as z:
            if str(z["import_id"]) != import_id:
                return None
            return pd.DataFrame({"short": z["short"].astype(object), "descr": z["descr"].astype(object)},
                                index=pd.Index(z["rcid"].astype(object), name="rcid"))
    except (OSError, ValueError, KeyError):
        return None


def _write(path: Path, frame: pd.DataFrame, import_id: str) -> None:
    """A derived view, written atomically; a cache that cannot be written is only a slower next read."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.stem + f".{uuid.uuid4().hex}.tmp.npz")
        np.savez(tmp, import_id=np.array(import_id), rcid=np.asarray(frame.index, dtype=str),
                 short=np.asarray(frame["short"], dtype=str), descr=np.asarray(frame["descr"], dtype=str))
        tmp.replace(path)
    except OSError:
        pass
