"""Where each recorded vote comes from, read from the store: the evidence a vote source gives ``graphkit explain``."""
from __future__ import annotations

import pyoxigraph as ox

from ...errors import InputError
from ...namespaces import GK, ID
from ...store.embedded import open_store
from .dataset import VoteDataset

__all__ = ["record_details"]

_PREFIXES = ("PREFIX gk: <https://w3id.org/graphkit/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
             "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")


def record_details(dataset: VoteDataset, store_dir=None, record_ids=(), *, voters=()) -> tuple[dict, dict]:
    """What the import stored about some records (and the votes of some voters in them), read-only.

    Parameters
    ----------
    record_ids : iterable of str
        Record ids (``gk:rollCallId``).
    voters : iterable of str
        Entity keys whose positions in these records to return.

    Returns
    -------
    (dict, dict)
        ``id → {"act", "title", "description", "precision", "dataset",
        "release", "excerpt", "votes": {key: {"vote", "position"}}}`` (the
        title is the short title in the act's ``rdfs:label``, after its " — "),
        and the graph's source ``{"dataset", "release", "graph"}``.

    Raises
    ------
    InputError
        No store, or no votes of ``dataset`` imported into it.

    Examples
    --------
    >>> import tempfile
    >>> from graphkit.store.votes import import_table
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     rows, source = record_details(fixture_table().dataset, f"{d}/store", ["101", "104"], voters=["ROC"])
    >>> rows["101"]["title"], rows["101"]["precision"], rows["101"]["excerpt"]
    ('FICTIONAL CHINA SEAT', 'month', 'rcid 101; session 26; date 1971-10-07; symbol R/26/9001; line 2')
    >>> rows["101"]["votes"]["ROC"]["vote"], rows["104"]["votes"], rows["104"]["title"], source["release"]
    ('no', {}, '', 'fixture')
    """
    g = dataset.graph
    store = open_store(store_dir, read_only=True, missing_hint=dataset.hint(store_dir))
    try:
        if ox.NamedNode(g) not in set(store.named_graphs()):
            raise InputError(f"no {dataset.source.upper()} votes imported: the store holds no graph <{g}>", value=g,
                             hint=dataset.hint(store_dir))
        ids = sorted(set(map(str, record_ids)))
        acts = " ".join(f"<{dataset.act(r)}>" for r in ids)
        out = {}
        q = _PREFIXES + f"""SELECT ?a ?rcid ?label ?descr ?prec ?excerpt ?dataset ?release WHERE {{ GRAPH <{g}> {{
            VALUES ?a {{ {acts} }}
            ?a gk:rollCallId ?rcid ; gk:datePrecision ?prec .
            OPTIONAL {{ ?a rdfs:label ?label }} OPTIONAL {{ ?a dcterms:description ?descr }}
            OPTIONAL {{ ?a gk:evidence ?ev . OPTIONAL {{ ?ev gk:excerpt ?excerpt }}
                       OPTIONAL {{ ?ev prov:wasDerivedFrom ?src . OPTIONAL {{ ?src dcterms:title ?dataset }}
                                  OPTIONAL {{ ?src dcterms:identifier ?release }} }} }} }} }}"""
        for a, rcid, label, descr, prec, excerpt, title, release in (store.query(q) if ids else ()):
            text = lambda t: t.value if t is not None else ""  # noqa: E731
            row = out.setdefault(rcid.value, {"act": a.value, "title": text(label).partition(" — ")[2].strip(),
                                               "description": text(descr), "precision": prec.value.rsplit("#", 1)[1],
                                               "excerpt": "", "dataset": text(title), "release": text(release), "votes": {}})
            if excerpt is not None and (not row["excerpt"] or excerpt.value.startswith("rcid")):
                row["excerpt"] = excerpt.value
        voters = sorted(set(voters))
        if voters and out:
            who = " ".join(f"<{ID}state/{k}>" for k in voters)
            # all the voters' positions, kept in Python: joining them with VALUES ?a in SPARQL is 6 times slower
            q = _PREFIXES + f"""SELECT ?a ?who ?s ?p WHERE {{ GRAPH <{g}> {{
                VALUES ?who {{ {who} }} ?p gk:participant ?who ; gk:act ?a ; gk:stance ?s }} }}"""
            prefix = len(dataset.act_prefix)
            for a, w, s, p in store.query(q):
                row = out.get(a.value[prefix:])
                if row is not None:
                    row["votes"][w.value.rsplit("/", 1)[1]] = {"vote": s.value[len(str(GK)):], "position": p.value}
        q = _PREFIXES + f"""SELECT ?dataset ?release WHERE {{ GRAPH <{g}> {{ <{dataset.dataset_iri}> dcterms:title ?dataset .
            OPTIONAL {{ <{dataset.dataset_iri}> dcterms:identifier ?release }} }} }}"""
        source = next(({"dataset": d.value, "release": r.value if r is not None else "", "graph": g}
                       for d, r in store.query(q)), {"dataset": "", "release": "", "graph": g})
    finally:
        del store
    return out, source
