"""Read an imported vote dataset back from a remote SPARQL store, in pages, into a :class:`VoteTable`.

The counterpart of :func:`graphkit.store.votes.store_table` for ``--endpoint``:
the analyses (``graphkit compare --source unga --endpoint URL`` …) take the
same table whether it came from the embedded store or from a server.

The votes are never asked for in one answer: 870,000 rows would pass any
server's result cap (Virtuoso cuts answers at 10,000 rows by default and
refuses an ``ORDER BY`` past 10,000 rows of ``OFFSET + LIMIT``). Instead:

1. one query counts the votes of every roll call (``GROUP BY``);
2. the roll calls are packed, in id order, into pages of at most
   ``page_rows`` votes, and each page asks for its roll calls' votes by
   naming them in a ``VALUES`` block — an index lookup on every engine, with no
   sorting and no offset to skip;
3. each page's row count must equal its roll calls' counts, and the total the
   first count: a short page (a server that cut it) is an error, not a gap.

A progress bar on stderr counts the votes as they arrive.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...errors import EndpointError, InputError
from ...namespaces import GK, ID
from .dataset import VoteDataset
from .table import VoteTable

__all__ = ["endpoint_table", "plan_pages", "DEFAULT_PAGE_ROWS"]

#: Page size on engines without a result cap.
DEFAULT_PAGE_ROWS = 100_000
_P = "PREFIX gk: <https://w3id.org/graphkit/ontology#> "


def plan_pages(counts: dict[str, int], page_rows: int) -> list[list[str]]:
    """Pack roll calls (id → votes) in order into pages of at most ``page_rows`` votes (a bigger roll call alone).

    Examples
    --------
    >>> plan_pages({"a": 3, "b": 3, "c": 5, "d": 1}, 6)
    [['a', 'b'], ['c', 'd']]
    >>> plan_pages({"a": 9}, 6)
    [['a']]
    """
    pages, page, size = [], [], 0
    for key, n in counts.items():
        if page and size + n > page_rows:
            pages.append(page)
            page, size = [], 0
        page.append(key)
        size += n
    if page:
        pages.append(page)
    return pages


def _value(b, name):
    return b[name]["value"] if name in b else None


def endpoint_table(endpoint, dataset: VoteDataset, *, page_rows: int | None = None, progress: bool = False) -> VoteTable:
    """The imported votes of one dataset, read from ``endpoint`` in pages.

    Parameters
    ----------
    endpoint : graphkit.store.endpoint.Endpoint
        The server the votes were loaded into (``graphkit import unga ... --endpoint URL``).
    page_rows : int, optional
        Most votes per answer (default: one less than the engine's result cap, else :data:`DEFAULT_PAGE_ROWS`).
    progress : bool
        Show a progress bar on stderr.

    Raises
    ------
    InputError
        The server holds no complete import of this layout (the message says which import to run).
    EndpointError
        The server is down or slow, or a page came back short.
    """
    from ...store.endpoint_load import graph_name, votes_creator

    g = graph_name(dataset.graph, endpoint)
    owned = endpoint.owned_graphs()
    if owned.get(g) != votes_creator(dataset):
        raise InputError(f"no {dataset.source.upper()} votes of {dataset.key} on {endpoint.url} (no complete graph <{g}>)",
                         value=g, hint=f"run `{dataset.import_command} --endpoint {endpoint.url}` first")
    cap = endpoint.profile.max_rows
    page_rows = page_rows or (cap - 1 if cap else DEFAULT_PAGE_ROWS)  # a full answer of `cap` rows counts as cut
    act_prefix = dataset.act_prefix
    state_prefix = len(f"{ID}state/")
    graphs = [g]

    def select(text):
        return endpoint.select(text, default_graphs=graphs)["results"]["bindings"]

    # not the members recorded as not voting (gk:noVote); a FILTER, not VALUES ?s: the Oxigraph server joins VALUES
    # first and reads a page in 2.1 s instead of 0.06 s
    cast = "FILTER(?s != gk:noVote)"
    counts_q = _P + f"SELECT ?a (COUNT(*) AS ?n) WHERE {{ ?p gk:act ?a ; gk:stance ?s ; gk:participant ?who . {cast} }} GROUP BY ?a"
    counts = {b["a"]["value"]: int(b["n"]["value"]) for b in select(counts_q)}
    rc_rows = []
    for start in range(0, 1 << 62, page_rows):
        page = select(_P + f"""SELECT ?a ?date ?prec ?session ?symbol ?topics WHERE {{
            {{ SELECT ?a (GROUP_CONCAT(STRAFTER(STR(?t), "topic/{dataset.source}-"); separator=" ") AS ?topics)
               WHERE {{ ?a a gk:RecordedVote . OPTIONAL {{ ?a gk:topic ?t }} }} GROUP BY ?a ORDER BY ?a
               LIMIT {page_rows} OFFSET {start} }}
            ?a gk:date ?date ; gk:datePrecision ?prec .
            OPTIONAL {{ ?a gk:session ?session }} OPTIONAL {{ ?a gk:symbol ?symbol }} }}""")
        for b in page:
            topics = _value(b, "topics") or ""
            session = _value(b, "session")
            rc_rows.append((b["a"]["value"][len(act_prefix):], b["date"]["value"][:10], b["prec"]["value"].rsplit("#", 1)[1],
                            int(session) if session is not None else pd.NA, _value(b, "symbol") or "",
                            tuple(sorted(topics.split()))))
        if len(page) < page_rows:
            break
    rc = pd.DataFrame(rc_rows, columns=["rcid", "date", "precision", "session", "symbol", "issues"]).set_index("rcid")
    rc["date"] = pd.to_datetime(rc["date"])
    rc["raw_date"] = rc["date"]
    rc["session"] = rc["session"].astype("Int64")
    release_rows = endpoint.select("PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?r WHERE { "
                                   f"<{dataset.dataset_iri}> dcterms:identifier ?r }}", default_graphs=graphs)
    release = next((b["r"]["value"] for b in release_rows["results"]["bindings"]), "")

    stance = {f"{GK}yes": 1, f"{GK}no": -1, f"{GK}abstain": 0}
    total = sum(counts.values())
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=total, unit="vote", desc=f"votes from {endpoint.url}", leave=False)
    rcids, keys, values = [], [], []
    try:
        for page in plan_pages(dict(sorted(counts.items())), page_rows):
            names = " ".join(f"<{a}>" for a in page)
            rows = endpoint.select_iris(_P + f"SELECT ?a ?who ?s WHERE {{ VALUES ?a {{ {names} }} "
                                        f"?p gk:act ?a ; gk:stance ?s ; gk:participant ?who . {cast} }}", default_graphs=graphs)
            expected = sum(counts[a] for a in page)
            if len(rows) != expected:
                raise EndpointError(f"{endpoint.url} answered {len(rows)} votes for a page of {expected}",
                                    hint="the server cut or changed the answer; lower the page size, or re-run the import")
            for a, who, s in rows:
                rcids.append(a[len(act_prefix):])
                keys.append(who[state_prefix:])
                values.append(stance[s])
            if bar is not None:
                bar.update(expected)
    finally:
        if bar is not None:
            bar.close()
    votes = pd.DataFrame({"rcid": rcids, "code": keys, "key": keys, "value": np.asarray(values, dtype=np.int8)})
    votes["line"] = 0
    return VoteTable(dataset, rc, votes, {}, [f"graph <{g}> on {endpoint.url} ({release})"])
