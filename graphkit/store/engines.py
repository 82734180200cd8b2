"""What graphkit knows of each SPARQL engine: where its services live, and how it differs.

An :class:`Engine` names the paths of the SPARQL 1.1 Protocol (query, update)
and of the Graph Store Protocol under the server's root, with and without
authentication, and the few facts in which engines differ that graphkit has
to act on. :func:`detect_engine` tells the engine from the ``Server`` header
of the server's answers (``Oxigraph/0.5.13``, ``Virtuoso/07.20.3229 (Linux)``);
``--engine NAME`` overrides it.

Differences met (see the README, "Running on your own triple store"):

* **Default graph.** Asked without a dataset, Oxigraph answers from its own
  default graph (empty in graphkit's layout, unless started with
  ``--union-default-graph``); Virtuoso answers from the union of *every* graph
  on the server, its system graphs included (``virtrdf#`` alone holds ~2,500
  triples). graphkit therefore always names its graphs, as
  ``default-graph-uri`` and ``named-graph-uri`` protocol parameters, on every
  engine; both then read the merge of exactly those graphs.
* **Writes.** Oxigraph serves ``/update`` and ``/store`` to anyone; Virtuoso
  refuses updates to the anonymous ``/sparql`` (the ``SPARQL`` user lacks the
  ``SPARQL_UPDATE`` role) and serves writes on ``/sparql-auth`` and
  ``/sparql-graph-crud-auth`` to a user holding that role, over HTTP Digest.
* **Result size.** Virtuoso cuts every answer to ``ResultSetMaxRows`` rows
  (10,000 in Debian's ``virtuoso.ini``) and refuses an ``ORDER BY`` whose
  ``OFFSET + LIMIT`` passes ``MaxSortedTopRows`` (10,000): large reads go in
  pages that stay under both (:attr:`Engine.max_rows`).
* **Query text.** A query the engine cannot run as written has a variant in
  the library (``# variant: virtuoso — why``, see :mod:`graphkit.store.query_variants`).
* **DISTINCT.** Virtuoso 7.2.5 answered ``positions-on-target`` on the full
  data with 357 to 520 rows from one run to the next, for 357 distinct ones
  (the same rows, some repeated); graphkit drops repeated rows of a ``SELECT
  DISTINCT`` answer from an engine known to do this.

Examples
--------
>>> detect_engine("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu").name
'virtuoso'
>>> detect_engine("Oxigraph/0.5.13").name, detect_engine(None).name
('oxigraph', 'generic')
>>> v = ENGINES["virtuoso"]
>>> v.paths(authenticated=True)
('sparql-auth', 'sparql-auth', 'sparql-graph-crud-auth')
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import EndpointError

__all__ = ["Engine", "ENGINES", "detect_engine", "engine_named"]


@dataclass(frozen=True)
class Engine:
    """One SPARQL engine's layout and limits.

    Attributes
    ----------
    name : str
        ``oxigraph``, ``virtuoso`` or ``generic`` (any other SPARQL 1.1 server: Oxigraph's layout).
    query_path, update_path, store_path : str
        Paths under the server's root for anonymous use.
    auth_query_path, auth_update_path, auth_store_path : str
        The same when credentials are given (the authenticated services, if the engine has separate ones).
    graph_content_type : str
        The media type graphs are sent as through the Graph Store Protocol.
    max_rows : int or None
        The largest answer the engine gives by default (None: no cap).
    distinct_unreliable : bool
        The engine has been seen to answer ``SELECT DISTINCT`` with duplicate
        rows (graphkit drops them: :func:`graphkit.store.backends.drop_duplicates`).
    """

    name: str
    query_path: str = "query"
    update_path: str = "update"
    store_path: str = "store"
    auth_query_path: str | None = None
    auth_update_path: str | None = None
    auth_store_path: str | None = None
    graph_content_type: str = "application/n-triples"
    max_rows: int | None = None
    distinct_unreliable: bool = False

    def paths(self, authenticated: bool = False) -> tuple[str, str, str]:
        """``(query, update, store)`` paths, the authenticated ones when ``authenticated``."""
        if authenticated:
            return (self.auth_query_path or self.query_path, self.auth_update_path or self.update_path,
                    self.auth_store_path or self.store_path)
        return self.query_path, self.update_path, self.store_path


ENGINES = {
    "oxigraph": Engine("oxigraph"),
    "virtuoso": Engine("virtuoso", query_path="sparql", update_path="sparql", store_path="sparql-graph-crud",
                       auth_query_path="sparql-auth", auth_update_path="sparql-auth",
                       auth_store_path="sparql-graph-crud-auth", max_rows=10_000, distinct_unreliable=True),
    "generic": Engine("generic"),
}


def engine_named(name: str) -> Engine:
    """The engine profile called ``name`` (``--engine``).

    Raises
    ------
    EndpointError
        An unknown name.
    """
    try:
        return ENGINES[name.lower()]
    except KeyError:
        raise EndpointError(f"unknown engine {name!r}", value=name, hint="one of " + ", ".join(ENGINES)) from None


def detect_engine(server_header: str | None) -> Engine:
    """The engine that sent a ``Server`` header (``generic`` when unknown or absent)."""
    product = (server_header or "").strip().split("/", 1)[0].lower()
    return ENGINES.get(product, ENGINES["generic"]) if product != "generic" else ENGINES["generic"]
