"""The store's operations against a remote SPARQL 1.1 endpoint, over HTTP.

Loading uses the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT`` per named
graph, which the server applies atomically (the graph is replaced as a whole).
Queries use the SPARQL 1.1 Protocol (``POST`` form, JSON or N-Triples results).
The union of the named graphs is asked for in the standard way, by naming each
graph as a ``default-graph-uri``, so the same queries run unchanged on Oxigraph
server, Apache Jena Fuseki, QLever or GraphDB.

Every request has a timeout; a server that is down, slow or answers with an
error raises :class:`graphkit.errors.EndpointError` (exit code 2).

Endpoint layouts differ: Oxigraph serves ``/query``, ``/update`` and ``/store``
under its root (the defaults here); for Fuseki pass the dataset URL and
``store_path="data"``.

Examples
--------
>>> ep = Endpoint("http://127.0.0.1:7878")
>>> ep.query_url, ep.store_url
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/store')
"""
from __future__ import annotations

import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from ..errors import EndpointError
from ..namespaces import ID

__all__ = ["Endpoint", "load_build_to_endpoint", "DEFAULT_TIMEOUT", "GRAPH_BASE"]

DEFAULT_TIMEOUT = 30.0
#: Graphs whose IRI starts with this make up the union graphkit queries.
GRAPH_BASE = str(ID["graph/"])


@dataclass
class Endpoint:
    """A SPARQL 1.1 server: its base URL, the paths of its services and a timeout (seconds).

    ``graph_base`` selects the named graphs whose union is queried (by default
    every graph graphkit writes, and the UN votes' graph).
    """

    url: str
    timeout: float = DEFAULT_TIMEOUT
    query_path: str = "query"
    update_path: str = "update"
    store_path: str = "store"
    graph_base: str = GRAPH_BASE

    def __post_init__(self):
        try:
            parsed = urllib.parse.urlparse(self.url)
            parsed.port  # noqa: B018 (raises on a port that is not a number)
        except ValueError as exc:
            raise EndpointError(f"not an endpoint URL: {self.url!r} ({exc})", value=self.url,
                                hint="write it like http://127.0.0.1:7878 or http://[::1]:7878 (the server's root)") from None
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise EndpointError(f"not an endpoint URL: {self.url!r}", value=self.url,
                                hint="write it like http://127.0.0.1:7878 (the server's root)")
        self.url = self.url.rstrip("/")
        self._graphs = None

    @property
    def query_url(self) -> str:
        return f"{self.url}/{self.query_path}"

    @property
    def update_url(self) -> str:
        return f"{self.url}/{self.update_path}"

    @property
    def store_url(self) -> str:
        return f"{self.url}/{self.store_path}"

    # ------------------------------------------------------------------ HTTP
    def _request(self, url: str, *, data: bytes | None = None, method: str = "GET", headers: dict | None = None) -> bytes:
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise EndpointError(f"{self.url} answered {exc.code} {exc.reason}" + (f": {body[0][:300]}" if body else ""),
                                value=url, hint="check the query and the endpoint's paths (query/update/store)") from None
        except (socket.timeout, TimeoutError):
            raise EndpointError(f"{self.url} did not answer within {self.timeout:g} s", value=url,
                                hint="the server is slow or stuck; raise --timeout or simplify the query") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise EndpointError(f"{self.url} did not answer within {self.timeout:g} s", value=url,
                                    hint="the server is slow or stuck; raise --timeout or simplify the query") from None
            raise EndpointError(f"cannot reach {self.url}: {reason}", value=url,
                                hint="is the server running? start one with graphkit serve, or check the URL") from None
        except (ConnectionError, OSError) as exc:
            raise EndpointError(f"cannot reach {self.url}: {exc}", value=url,
                                hint="is the server running? start one with graphkit serve, or check the URL") from None

    def graphs(self, *, refresh: bool = False) -> list[str]:
        """The named graphs on the server whose IRI starts with ``graph_base``, sorted.

        Listed once per :class:`Endpoint` (and again after this object writes), since
        every query names them; pass ``refresh=True`` when another client may have
        added graphs since.
        """
        if refresh or self._graphs is None:
            data = self._post_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", union=False)
            names = [b["g"]["value"] for b in json.loads(data)["results"]["bindings"]]
            self._graphs = sorted(g for g in names if g.startswith(self.graph_base))
        return list(self._graphs)

    def _post_query(self, text: str, *, union: bool = True, accept: str = "application/sparql-results+json",
                    default_graphs: list[str] | None = None) -> bytes:
        fields = [("query", text)]
        if union:
            graphs = self.graphs() if default_graphs is None else list(default_graphs)
            fields += [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]
        return self._request(self.query_url, data=urllib.parse.urlencode(fields).encode(), method="POST",
                             headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})

    # ------------------------------------------------------------------ operations
    def select(self, text: str, default_graphs: list[str] | None = None) -> dict:
        """Run a SELECT or ASK over the union of the graphs (or of ``default_graphs``); the SPARQL JSON results."""
        return json.loads(self._post_query(text, default_graphs=default_graphs))

    def construct(self, text: str, default_graphs: list[str] | None = None) -> str:
        """Run a CONSTRUCT or DESCRIBE over the union (or ``default_graphs``); the triples as N-Triples text."""
        return self._post_query(text, accept="application/n-triples", default_graphs=default_graphs).decode("utf-8")

    def update(self, text: str) -> None:
        """Run a SPARQL Update (the caller decides whether updates are allowed)."""
        self._graphs = None
        self._request(self.update_url, data=urllib.parse.urlencode([("update", text)]).encode(), method="POST",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})

    def put_graph(self, graph: str, ntriples: str) -> None:
        """Replace one named graph with ``ntriples`` (Graph Store Protocol PUT)."""
        url = f"{self.store_url}?{urllib.parse.urlencode({'graph': graph})}"
        self._graphs = None
        self._request(url, data=ntriples.encode("utf-8"), method="PUT",
                      headers={"Content-Type": "application/n-triples"})

    def delete_graph(self, graph: str) -> None:
        """Remove one named graph (Graph Store Protocol DELETE); a missing graph is not an error."""
        url = f"{self.store_url}?{urllib.parse.urlencode({'graph': graph})}"
        self._graphs = None
        try:
            self._request(url, method="DELETE")
        except EndpointError as exc:
            if "404" not in str(exc):
                raise


def load_build_to_endpoint(result, endpoint: Endpoint, *, graph_base: str | None = None) -> dict:
    """PUT each named graph of a build (and the ontology) to ``endpoint``.

    ``graph_base`` (default: the endpoint's) replaces ``.../id/graph/`` in the
    graph names, so that tests can load a world beside other data. Graphs of
    another origin on the server are left alone.
    """
    from .embedded import file_graphs_ntriples

    base = graph_base or endpoint.graph_base
    graphs = file_graphs_ntriples(result)
    for g, nt in graphs.items():
        name = base + g[len(GRAPH_BASE):] if g.startswith(GRAPH_BASE) else g
        endpoint.put_graph(name, nt)
    return {"graphs": len(graphs), "triples": sum(nt.count("\n") for nt in graphs.values())}
