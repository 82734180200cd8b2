"""The three backends a library query runs on: the embedded store, a SPARQL endpoint, an rdflib graph.

:func:`backend_for` picks one from the ``store=``, ``endpoint=`` or ``graph=``
argument of :func:`graphkit.store.library.run_query`. Each backend answers ``ask``,
``rows`` (column names and rows of plain Python values: IRIs as strings,
typed literals as int, float, bool or date), ``construct_nt`` and ``update``,
with the parameters' terms injected as a ``VALUES`` block
(:func:`graphkit.store.sparqltext.inject_values`) so that all three see the same
query text. :class:`Exists` checks that a bound IRI (a state, a topic …) is
in the data, on whichever backend the query runs.

Examples
--------
>>> b = backend_for(None, None, tiny_world_graph())
>>> b.ask("ASK { ?s a gk:State }")
True
>>> literal_value("2020-07-01", "http://www.w3.org/2001/XMLSchema#date")
datetime.date(2020, 7, 1)
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError
from ..namespaces import BINDINGS, XSD
from .sparqltext import inject_values, operation

__all__ = ["PREFIXES", "backend_for", "StoreBackend", "EndpointBackend", "RdflibBackend", "Exists", "STATES_QUERY",
           "ntriples_to_rdflib", "python_value", "literal_value"]

#: The prefixes every query may use without declaring them (graphkit's, and the usual W3C ones).
PREFIXES = {k: str(v) for k, v in BINDINGS.items()}


def python_value(term):
    """A pyoxigraph term as a plain Python value: IRIs as strings, typed literals as int/float/bool/date."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        return literal_value(term.value, term.datatype.value if term.datatype else None)
    return str(term)


_INTS = {str(XSD[n]) for n in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                               "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}


def literal_value(lexical: str, datatype: str | None):
    """A literal's lexical form as int, float, bool or date by its datatype IRI (else the text)."""
    try:
        if datatype in _INTS:
            return int(lexical)
        if datatype in (str(XSD.decimal), str(XSD.double), str(XSD.float)):
            return float(lexical)
        if datatype == str(XSD.boolean):
            return lexical in ("true", "1")
        if datatype == str(XSD.date):
            return dt.date.fromisoformat(lexical)
    except ValueError:
        pass
    return lexical


class Exists:
    """Existence checks and a state resolver against one backend, computed lazily."""

    def __init__(self, ask, construct_states):
        self._ask, self._construct_states, self._resolver = ask, construct_states, None

    def __call__(self, node, rdf_type=None) -> bool:
        pattern = f"{node} a <{rdf_type}>" if rdf_type is not None else f"{{ {node} ?p ?o }} UNION {{ ?s ?p {node} }}"
        return self._ask(f"ASK {{ {pattern} }}")

    def resolver(self):
        if self._resolver is None:
            from ..graph.states import StateResolver
            self._resolver = StateResolver(self._construct_states())
        return self._resolver


STATES_QUERY = """PREFIX gk: <https://w3id.org/graphkit/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
CONSTRUCT { ?s a gk:State ; gk:iso3 ?c ; gk:iso2 ?c2 ; skos:prefLabel ?l ; skos:altLabel ?a ; gk:nameRegex ?r }
WHERE { ?s a gk:State ; gk:iso3 ?c . OPTIONAL { ?s gk:iso2 ?c2 } OPTIONAL { ?s skos:prefLabel ?l }
        OPTIONAL { ?s skos:altLabel ?a } OPTIONAL { ?s gk:nameRegex ?r } }"""


def ntriples_to_rdflib(nt: str):
    """Parse N-Triples text into an rdflib Graph with graphkit's prefixes bound."""
    from rdflib import Graph
    from ..namespaces import bind_prefixes
    return bind_prefixes(Graph()).parse(data=nt, format="nt")


class StoreBackend:
    """The embedded pyoxigraph store (a directory, opened read-only, or an open ``Store``).

    A query reads the graphs of its dataset (:meth:`use_dataset`; by default
    every graph, their union) as its default graph. A store given as a
    directory is opened read-only; an update (``--allow-update``) writes a new
    generation of it (a checkpoint of the current one, switched to when the
    update succeeded), and fails with a clear message while another process writes.
    """

    def __init__(self, store, default_graphs: list[str] | None = None):
        self.path = None
        self.manifest = None
        if isinstance(store, (str, Path)):
            from .embedded import open_store
            from .generations import read_current
            self.path = Path(store)
            store = open_store(store, read_only=True)
            self.manifest = read_current(self.path)
        self.store = store
        self.default_graphs = default_graphs

    def catalogue(self) -> dict[str, str]:
        """Graph IRI → dataset name: from the manifest (no query), or from the graphs of an open store."""
        from .datasets import graph_catalogue, store_catalogue
        if self.manifest is not None:
            return store_catalogue(self.manifest)
        return graph_catalogue(g.value for g in self.store.named_graphs())

    def use_dataset(self, names) -> None:
        """Read the graphs ``names`` denote (:func:`graphkit.store.datasets.resolve`) from now on."""
        from .datasets import resolve
        self.default_graphs = resolve(names, self.catalogue())

    def votes_read(self) -> int:
        """How many votes the current dataset holds (from the manifest; 0 when unknown)."""
        graphs = (self.manifest or {}).get("graphs") or {}
        chosen = graphs if self.default_graphs is None else {g: graphs.get(g, {}) for g in self.default_graphs}
        return sum(int(info.get("votes") or 0) for info in chosen.values())

    def run(self, text, terms, *, scoped: bool = True):
        if scoped and self.default_graphs is not None:
            graphs = [ox.NamedNode(g) for g in self.default_graphs]
            dataset = {"default_graph": graphs, "named_graphs": graphs}
        else:
            dataset = {"use_default_graph_as_union": True}
        try:
            return self.store.query(inject_values(text, {k: str(v) for k, v in terms.items()}), prefixes=PREFIXES,
                                    **dataset)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}", hint="check the query text") from None
        except (OSError, RuntimeError) as exc:
            raise _failed(exc) from None

    def ask(self, text):
        """An existence check over every graph (a parameter's state or act may live in any dataset)."""
        return bool(self.run(text, {}, scoped=False))

    def text_for(self, query):
        """The text of a library query this backend runs (the embedded store is Oxigraph: the query itself)."""
        return query.text

    def rows(self, text, terms):
        result = self.run(text, terms)
        try:  # solutions are computed while they are read: a SERVICE call or a read can fail here
            if isinstance(result, ox.QueryBoolean):
                return ["result"], [{"result": bool(result)}]
            if isinstance(result, ox.QuerySolutions):
                names = [v.value for v in result.variables]
                return names, [{n: python_value(sol[n]) for n in names} for sol in result]
            return ["subject", "predicate", "object"], [
                {"subject": python_value(t.subject), "predicate": python_value(t.predicate), "object": python_value(t.object)}
                for t in result]
        except (OSError, RuntimeError) as exc:
            raise _failed(exc) from None

    def construct_nt(self, text, terms=None, *, scoped: bool = True):
        triples = self.run(text, terms or {}, scoped=scoped)
        try:
            return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples)
        except (OSError, RuntimeError) as exc:
            raise _failed(exc) from None

    def update(self, text):
        if self.path is None:  # an open store of the caller's: changed in place
            try:
                self.store.update(text, prefixes=PREFIXES)
                self.store.flush()
            except SyntaxError as exc:
                raise QueryError(f"SPARQL syntax error: {exc}", hint="check the update text") from None
            return
        from .embedded import open_store
        from .generations import StoreWriter, cache_dir
        import shutil
        # a new generation of the store (a checkpoint of the current one), switched to once the update succeeded
        with StoreWriter(self.path, start="copy") as w:
            try:
                w.store.update(text, prefixes=PREFIXES)
            except SyntaxError as exc:
                raise QueryError(f"SPARQL syntax error: {exc}", hint="check the update text") from None
            present = {g.value for g in w.store.named_graphs()}
            graphs = {g: info for g, info in (w.previous or {}).get("graphs", {}).items() if g in present}
            graphs.update({g: {"dataset": "other"} for g in present - set(graphs)})
            shutil.rmtree(cache_dir(w.dir), ignore_errors=True)  # the update may have changed votes: no cache
            w.commit({**{k: v for k, v in (w.previous or {}).items() if k in ("fingerprint", "data")},
                      "graphs": graphs, "updated": True})
        self.store = open_store(self.path, read_only=True)  # later reads see the update


def _failed(exc: Exception) -> QueryError:
    """A query the store could not finish (a SERVICE that did not answer, a read error) as a message."""
    reason = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
    return QueryError(f"the query failed while running: {reason}",
                      hint="a SERVICE it calls may be down or refuse it; or the store cannot be read (run graphkit build)")


def _prologue() -> str:
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


class EndpointBackend:
    """A SPARQL 1.1 endpoint (:class:`graphkit.store.endpoint.Endpoint` or its root URL); the prefixes go in a prologue.

    ``default_graphs`` (default: every graph graphkit owns on the server) is the
    dataset of the queries run here: sent as the protocol's ``default-graph-uri``
    and ``named-graph-uri``, never left to the engine (Virtuoso would read every
    graph on the server, Oxigraph only its default graph). A per-query dataset
    (issue 13's ``# dataset:`` header) passes its graphs here. Existence checks
    of parameters (:class:`Exists`) use the same dataset.
    """

    def __init__(self, endpoint, default_graphs: list[str] | None = None):
        from .endpoint import Endpoint
        self.ep = endpoint if isinstance(endpoint, Endpoint) else Endpoint(str(endpoint))
        self.default_graphs = default_graphs

    def use_dataset(self, names) -> None:
        """Send the graphs ``names`` denote as the protocol's ``default-graph-uri`` (vote graphs told by their IRIs)."""
        from .datasets import graph_catalogue, resolve
        self.default_graphs = resolve(names, graph_catalogue(self.ep.graphs(), self.ep.graph_base))

    def votes_read(self) -> int:
        return 0  # unknown here; the server's own timeout bounds a long query

    def ask(self, text):
        return bool(self.ep.select(_prologue() + text, default_graphs=self.default_graphs)["boolean"])

    def text_for(self, query):
        """The query's text, or its variant for the server's engine (:mod:`graphkit.store.query_variants`)."""
        from .query_variants import text_for_engine
        return text_for_engine(query, self.ep.profile.name)

    def rows(self, text, terms):
        text = _prologue() + inject_values(text, {k: str(v) for k, v in terms.items()})
        if operation(text) in ("CONSTRUCT", "DESCRIBE"):
            g = ntriples_to_rdflib(self.ep.construct(text, default_graphs=self.default_graphs))
            return RdflibBackend.triples_rows(g)
        data = self.ep.select(text, default_graphs=self.default_graphs)
        if "boolean" in data:
            return ["result"], [{"result": bool(data["boolean"])}]
        names = data["head"]["vars"]
        rows = [{n: _json_value(b.get(n)) for n in names} for b in data["results"]["bindings"]]
        if self.ep.profile.distinct_unreliable and is_distinct(text):
            rows = drop_duplicates(rows)
        return names, rows

    def construct_nt(self, text, terms=None, *, scoped: bool = True):
        return self.ep.construct(_prologue() + inject_values(text, {k: str(v) for k, v in (terms or {}).items()}),
                                 default_graphs=self.default_graphs if scoped else None)

    def update(self, text):
        self.ep.update(_prologue() + text)


def is_distinct(text: str) -> bool:
    """Whether the query's outer SELECT is ``SELECT DISTINCT`` (or ``REDUCED`` is not: only DISTINCT promises it).

    Examples
    --------
    >>> is_distinct("PREFIX a: <urn:a> SELECT DISTINCT ?x { { SELECT ?x {} } }"), is_distinct("SELECT ?x { { SELECT DISTINCT ?x {} } }")
    (True, False)
    """
    from .sparqltext import tokens
    depth, seen_select = 0, False
    for kind, value, _ in tokens(text):
        if kind == "{":
            depth += 1
        elif kind == "}":
            depth -= 1
        elif depth == 0 and seen_select:
            return value.upper() == "DISTINCT"
        elif depth == 0 and value.upper() == "SELECT":
            seen_select = True
    return False


def drop_duplicates(rows: list[dict]) -> list[dict]:
    """The rows without repeats, in their order (for engines that break DISTINCT; see :mod:`graphkit.store.engines`).

    Examples
    --------
    >>> drop_duplicates([{"a": 1}, {"a": 2}, {"a": 1}])
    [{'a': 1}, {'a': 2}]
    """
    seen, kept = set(), []
    for r in rows:
        key = tuple(r.items())
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept


def _json_value(b):
    if b is None:
        return None
    if b["type"] == "uri":
        return b["value"]
    if b["type"] == "bnode":
        return "_:" + b["value"]
    return literal_value(b["value"], b.get("datatype"))


class RdflibBackend:
    """An in-memory rdflib graph (slow on large data; handy in notebooks and doctests)."""

    def __init__(self, graph):
        self.graph = graph

    def use_dataset(self, names) -> None:
        """An rdflib graph is read whole (it is whatever the caller built)."""

    def votes_read(self) -> int:
        return 0

    def _query(self, text):
        import rdflib.plugins.sparql as rdflib_sparql

        loading = rdflib_sparql.SPARQL_LOAD_GRAPHS
        rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # FROM <url> names a graph; rdflib would otherwise fetch it
        try:
            return self.graph.query(text, initNs=PREFIXES)  # plain strings: oxrdflib graphs need them
        except Exception as exc:  # rdflib raises pyparsing errors for bad syntax
            raise QueryError(f"SPARQL error: {exc}", hint="check the query text") from None
        finally:
            rdflib_sparql.SPARQL_LOAD_GRAPHS = loading

    def ask(self, text):
        return bool(self._query(text).askAnswer)

    def text_for(self, query):
        return query.text

    @staticmethod
    def triples_rows(g):
        names = ["subject", "predicate", "object"]
        return names, [dict(zip(names, (_rdflib_value(x) for x in t))) for t in g]

    def rows(self, text, terms):
        result = self._query(inject_values(text, {k: str(v) for k, v in terms.items()}))
        if result.type == "ASK":
            return ["result"], [{"result": bool(result.askAnswer)}]
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return self.triples_rows(result.graph)
        names = [str(v) for v in result.vars]
        return names, [{n: _rdflib_value(row[n]) for n in names} for row in result]

    def construct_nt(self, text, terms=None, *, scoped: bool = True):
        result = self._query(inject_values(text, {k: str(v) for k, v in (terms or {}).items()}))
        return result.graph.serialize(format="nt")

    def update(self, text):
        self.graph.update(text, initNs=PREFIXES)


def _rdflib_value(term):
    from rdflib import BNode, Literal
    if term is None:
        return None
    if isinstance(term, Literal):
        return literal_value(str(term), str(term.datatype) if term.datatype else None)
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


def backend_for(store, endpoint, graph):
    """The backend for the one of ``store``, ``endpoint`` or ``graph`` given (default: the per-user store)."""
    given = [x is not None for x in (store, endpoint, graph)]
    if sum(given) > 1:
        raise QueryError("give one of store=, endpoint= or graph=", hint="a query runs against one backend")
    if endpoint is not None:
        return EndpointBackend(endpoint)
    if graph is not None:
        return RdflibBackend(graph)
    if store is None:
        from ..resources import default_store
        store = default_store()
    return StoreBackend(store)
