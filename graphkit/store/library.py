"""The query library: ``queries/*.rq`` with parsed headers, run with bound parameters.

Each ``.rq`` file opens with a header of comment lines::

    # title: Who backed or criticised a target on a topic in a period
    # description: One row per position ... (continuation lines start with "#  ")
    # param: ?target — state: the state the acts target (default CHN)
    # param: ?since — date: first day of the period (default 2016-01-01)
    # dataset: curated

A line ending in ``# only with ?name`` is kept only when ``?name`` is given
(:func:`query_text`): an optional parameter that narrows the query.

``# dataset:`` names the graphs the query reads (:mod:`graphkit.store.datasets`:
``curated``, ``votes:unga``, ``all`` ...; several names are joined); without
it a query reads the curated graphs. ``# scale: pairs (narrowed by ?session)``
marks a query that joins every pair of states' positions: on a dataset holding
more than :data:`MAX_PAIR_VOTES` votes it is refused, with a pointer to
``graphkit compare --all-pairs``, unless a narrowing parameter is given.

A parameter's meaning starts with its type — ``state`` (ISO alpha-3 code or
a name), ``topic``, ``forum``, ``act`` (the last segment of their IRIs),
``date`` (YYYY[-MM[-DD]]), ``year``, ``integer``, ``decimal``, ``stance``
(supports, criticises, ...), ``iri`` or ``string`` — and may end with
``(default X)``; a parameter with no default stays unbound unless given.
Checks (``queries/checks/*-violation.rq``) carry ``# problem:`` and ``# fix:``.

Parameters are bound as RDF terms, never pasted as text: a state code becomes
the state's IRI after checking that the state exists, a date an ``xsd:date``,
numbers typed literals. On every backend the terms go in a ``VALUES`` block
at the top of the WHERE group, serialised from the constructed terms
(:mod:`graphkit.store.sparqltext`), so the embedded store, an endpoint and an rdflib
graph (the backends, :mod:`graphkit.store.backends`) see the same query. (pyoxigraph's ``substitutions`` would avoid the
text step but only binds variables the SELECT projects.) The same block goes
into every sub-SELECT, so a parameter means the same everywhere in the query.
SPARQL Update is refused unless ``allow_update=True``, and a query that would
make the engine send requests elsewhere (``SERVICE``, ``LOAD``) unless
``allow_service=True``: nothing goes to the network unless asked
(:func:`graphkit.store.sparqltext.outbound`). Names and values have length limits
(:mod:`graphkit.limits`), so hostile input costs no time.

Examples
--------
>>> rows = run_query("shared-acts", {"a": "CCC", "b": "AAA"}, graph=tiny_world_graph())
>>> [(r["act"], r["stanceA"], r["stanceB"]) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
[('https://w3id.org/graphkit/id/act/w-2021-vote', 'https://w3id.org/graphkit/ontology#yes',
  'https://w3id.org/graphkit/ontology#no')]
>>> run_query("shared-acts", {"a": "FRA> } ; DROP ALL #"}, graph=tiny_world_graph())
Traceback (most recent call last):
...
graphkit.errors.QueryError: parameter ?a: unknown state 'FRA> } ; DROP ALL #' — ISO 3166-1 alpha-3 code or a state name expected (see data/states.ttl)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import GraphkitError, QueryError
from ..limits import MAX_PARAM, MAX_QUERY_NAME, check_length, shorten
from ..resources import QUERIES_DIR
from ..namespaces import GK, ID, XSD
from .backends import PREFIXES, STATES_QUERY, Exists, backend_for, ntriples_to_rdflib

from .sparqltext import QUERY_FORMS, operation, outbound

__all__ = ["QUERIES_DIR", "PARAM_TYPES", "Param", "QueryFile", "parse_query_file", "list_queries", "find_query",
           "bind_params", "run_query", "query_columns", "query_dataframe", "construct_graph", "compact", "PREFIXES",
           "MAX_PAIR_VOTES", "query_text"]

PARAM_TYPES = ("state", "topic", "forum", "act", "date", "year", "integer", "decimal", "stance", "iri", "string")
STANCE_NAMES = ("supports", "criticises", "rejects", "yes", "no", "abstain")
_IRI_TYPES = {"topic": "topic/", "forum": "org/", "act": "act/"}
_HEADER_KEYS = ("title", "description", "param", "problem", "fix", "dataset", "scale")
#: A ``# scale: pairs`` query is refused on more votes than this (it would run for minutes), unless narrowed.
MAX_PAIR_VOTES = 100_000
_PARAM = re.compile(r"^\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:—|–|--|-)\s*(?P<meaning>.*)$")
_DEFAULT = re.compile(r"\s*\(default\s+(?P<default>[^()]*)\)\s*$")


@dataclass(frozen=True)
class Param:
    """A declared parameter: its name (without ``?``), type, meaning and default (None: unbound)."""

    name: str
    type: str
    meaning: str
    default: str | None = None


@dataclass
class QueryFile:
    """A parsed ``.rq`` file."""

    name: str
    path: Path
    text: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)
    problem: str = ""
    fix: str = ""
    dataset: str = ""
    scale: str = ""

    @property
    def is_check(self) -> bool:
        return self.path.name.endswith("-violation.rq")

    @property
    def datasets(self) -> list[str]:
        """The dataset names of the ``# dataset:`` line (``["curated"]`` when there is none)."""
        from .datasets import DEFAULT, parse_names
        return parse_names(self.dataset) if self.dataset.strip() else [DEFAULT]

    @property
    def narrowed_by(self) -> list[str]:
        """For a ``# scale: pairs`` query, the parameters that bound its work (``(narrowed by ?session)``)."""
        return re.findall(r"\?([A-Za-z_][A-Za-z0-9_]*)", self.scale)


def parse_query_file(path, name: str | None = None) -> QueryFile:
    """Read a ``.rq`` file and parse its header.

    Raises
    ------
    QueryError
        The file cannot be read, a header line is malformed, a parameter has
        an unknown type, or the title is missing.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read the query: {exc}", file=path) from None
    q = QueryFile(name or path.stem, path, text)
    last = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line[1:].strip()
        key, sep, rest = body.partition(":")
        if sep and key.strip().lower() in _HEADER_KEYS and not key.startswith(" "):
            key = key.strip().lower()
            rest = rest.strip()
            if key == "param":
                q.params.append(_parse_param(rest, path, number))
            else:
                setattr(q, key, rest)
            last = key
        elif last and last != "param" and line.startswith("#  ") and body:
            setattr(q, last, (getattr(q, last) + " " + body).strip())
    if q.dataset.strip():
        try:
            q.datasets
        except QueryError as exc:
            raise QueryError(f"'# dataset:' line: {exc}", file=path) from None
    if not q.title:
        raise QueryError("the query has no '# title:' line", file=path, line=1,
                         hint="open the file with '# title: ...', '# description: ...' and one '# param: ?name — type: meaning (default X)' per parameter")
    return q


def _parse_param(rest: str, path: Path, line: int) -> Param:
    m = _PARAM.match(rest)
    if not m:
        raise QueryError(f"malformed parameter line {rest!r}", file=path, line=line,
                         hint="write '# param: ?name — type: meaning (default X)'")
    meaning = m.group("meaning").strip()
    default = None
    d = _DEFAULT.search(meaning)
    if d:
        default = d.group("default").strip()
        meaning = meaning[: d.start()].strip()
    ptype, sep, what = meaning.partition(":")
    if not sep or ptype.strip() not in PARAM_TYPES:
        raise QueryError(f"parameter ?{m.group('name')} has no known type", file=path, line=line, value=meaning,
                         hint="start its meaning with one of " + ", ".join(PARAM_TYPES) + ", then ':'")
    return Param(m.group("name"), ptype.strip(), what.strip(), default)


def list_queries(directory=QUERIES_DIR) -> list[QueryFile]:
    """Every ``.rq`` below ``directory`` (checks included), named by their path without ``.rq``."""
    root = Path(directory)
    return [parse_query_file(p, p.relative_to(root).with_suffix("").as_posix()) for p in sorted(root.rglob("*.rq"))
            if p.relative_to(root).parts[0] != "variants"]  # engine stand-ins: graphkit.store.query_variants


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the file system, a NUL byte
        return False


def _library_file(text: str, directory) -> Path | None:
    """The library file a name denotes, only if it lies inside ``directory`` (``../x`` names no library query)."""
    root = Path(directory).resolve()
    candidate = Path(directory) / (text if text.endswith(".rq") else text + ".rq")
    if not _is_file(candidate):
        return None
    try:
        candidate.resolve().relative_to(root)
    except (ValueError, OSError):
        return None
    return candidate


def find_query(name_or_path, directory=QUERIES_DIR) -> QueryFile:
    """A library query by name (``hrc44-2020-two-camps``, ``checks/...``) or any ``.rq`` file by path.

    A library name never leaves ``queries/``: ``../../x`` is looked up as a path
    only (relative to the working directory), so the name of a library query
    cannot run a file elsewhere.

    Examples
    --------
    >>> find_query("acts-by-forum-year").name
    'acts-by-forum-year'
    >>> import tempfile; tmp = Path(tempfile.mkdtemp()); (tmp / "lib").mkdir()
    >>> _ = (tmp / "elsewhere.rq").write_text("# title: not in the library" + chr(10) + "ASK {}")
    >>> find_query("../elsewhere", tmp / "lib")
    Traceback (most recent call last):
    ...
    graphkit.errors.QueryError: no query named '../elsewhere' and no such file — graphkit queries lists them
    """
    if isinstance(name_or_path, QueryFile):
        return name_or_path
    text = check_length(name_or_path, "query name", MAX_QUERY_NAME)
    candidate = _library_file(text, directory)
    if candidate is not None:
        return parse_query_file(candidate, Path(text).with_suffix("").as_posix())
    if _is_file(Path(text)):
        return parse_query_file(Path(text))
    names = [q.name for q in list_queries(directory)]
    import difflib
    close = difflib.get_close_matches(text, names, n=3) if len(text) <= 200 else []
    raise QueryError(f"no query named {shorten(text, 80)!r} and no such file", value=shorten(text, 80),
                     hint=("did you mean " + " or ".join(close) + "? " if close else "") + "graphkit queries lists them")


# ---------------------------------------------------------------------- binding

def _fail(param: Param, message: str, hint: str | None = None, value=None):
    raise QueryError(f"parameter ?{param.name}: {message}", value=value, hint=hint)


def _date(param: Param, text: str) -> ox.Literal:
    for pattern, suffix in (("%Y-%m-%d", ""), ("%Y-%m", "-01"), ("%Y", "-01-01")):
        try:
            dt.datetime.strptime(text, pattern)
            return ox.Literal((text + suffix), datatype=ox.NamedNode(str(XSD.date)))
        except ValueError:
            continue
    _fail(param, f"{shorten(text)!r} is not a date", "write YYYY-MM-DD (or YYYY, YYYY-MM for the first day)", shorten(text))


def _term(param: Param, value, exists) -> ox.NamedNode | ox.Literal:
    """Construct the RDF term for one parameter value (the only way a value reaches a query)."""
    text = str(value)
    if len(text) > MAX_PARAM:
        _fail(param, f"{shorten(text)!r} is {len(text):,} characters long", f"at most {MAX_PARAM:,} characters "
              f"for a {param.type}", shorten(text))
    text = text.strip()
    shown = shorten(text)
    t = param.type
    if t == "state":
        code = text.upper()
        if re.fullmatch(r"[A-Z]{3}", code) and exists(ox.NamedNode(str(ID[f"state/{code}"])), GK.State):
            return ox.NamedNode(str(ID[f"state/{code}"]))
        resolver = exists.resolver()
        try:
            code = resolver.resolve(text)
        except GraphkitError as exc:
            _fail(param, f"unknown state {shown!r}", exc.hint, shown)
        return ox.NamedNode(str(ID[f"state/{code}"]))
    if t in _IRI_TYPES:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", text):
            _fail(param, f"{shown!r} is not a {t} identifier", f"write the last part of the {t}'s IRI, like xinjiang or un-hrc", shown)
        node = ox.NamedNode(str(ID[_IRI_TYPES[t] + text]))
        if not exists(node):
            _fail(param, f"no {t} {text!r} in the graph", f"see {_IRI_TYPES[t]}* in the data (for example: graphkit query {t}s)", text)
        return node
    if t == "date":
        return _date(param, text)
    if t in ("year", "integer"):
        if not re.fullmatch(r"[+-]?\d+", text):
            _fail(param, f"{shown!r} is not a whole number", "write digits only, like 2020", shown)
        return ox.Literal(str(int(text)), datatype=ox.NamedNode(str(XSD.integer)))
    if t == "decimal":
        if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", text):
            _fail(param, f"{shown!r} is not a number", "write a decimal number like 0.5", shown)
        return ox.Literal(text, datatype=ox.NamedNode(str(XSD.decimal)))
    if t == "stance":
        if text not in STANCE_NAMES:
            _fail(param, f"unknown stance {shown!r}", "valid: " + ", ".join(STANCE_NAMES), shown)
        return ox.NamedNode(str(GK[text]))
    if t == "iri":
        try:
            return ox.NamedNode(text)
        except ValueError as exc:
            _fail(param, f"{shown!r} is not an IRI ({exc})", "write a full IRI like https://w3id.org/graphkit/id/state/FRA", shown)
    return ox.Literal(text)


def bind_params(query: QueryFile, params: dict | None, exists) -> dict[str, ox.NamedNode | ox.Literal]:
    """Validate ``params`` against the query's declared parameters and build their RDF terms.

    ``exists(node, rdf_type=None)`` tells whether a node is in the data (and
    ``exists.resolver()`` gives a :class:`graphkit.graph.states.StateResolver`).
    Declared defaults fill what is not given; a parameter without a default
    and not given stays unbound.
    """
    params = {str(k).lstrip("?$"): v for k, v in (params or {}).items()}
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise QueryError(f"query {query.name} has no parameter {', '.join('?' + shorten(u) for u in unknown)}",
                         value=shorten(unknown[0]), hint="its parameters: " + (", ".join("?" + p for p in declared) or "none"))
    terms = {}
    for name, p in declared.items():
        value = params.get(name, p.default)
        if value is None or (name not in params and str(value).lower() == "none"):
            continue
        terms[name] = _term(p, value, exists)
    return terms


# ---------------------------------------------------------------------- running

def _prepare(name_or_path, params, backend, allow_update, allow_service=False, dataset=None):
    query = find_query(name_or_path)
    form = operation(query.text)
    if form not in QUERY_FORMS:
        if form is None:
            raise QueryError("the query is empty", file=query.path)
        if not allow_update:
            raise QueryError(f"{query.name} is a SPARQL Update ({form}); updates are refused", file=query.path,
                             hint="pass --allow-update (allow_update=True) if you mean to change the data")
    fetches = outbound(query.text)
    if fetches and not allow_service:
        raise QueryError(f"{query.name} uses {' and '.join(fetches)}, which makes the SPARQL engine send requests to other "
                         "servers; refused", file=query.path,
                         hint="pass --allow-service (allow_service=True) if you mean the query to reach the network")
    exists = Exists(backend.ask, lambda: ntriples_to_rdflib(backend.construct_nt(STATES_QUERY, scoped=False)))
    terms = bind_params(query, params, exists)
    if form in QUERY_FORMS:
        backend.use_dataset(query.datasets if dataset is None else dataset)
        _check_scale(query, terms, backend)
    return query, form, terms


_ONLY_WITH = re.compile(r"[ \t]#[ \t]*only with \?([A-Za-z_][A-Za-z0-9_]*)[ \t]*$")


def query_text(query: QueryFile, terms: dict, text: str | None = None) -> str:
    """The query's text for these bound parameters: a line ending in ``# only with ?name`` is dropped when ?name is not given.

    This lets an optional parameter drive the query when it is given (``?act
    gk:session ?session .  # only with ?session`` as the first pattern of a
    group) and vanish when it is not: a FILTER on an unbound variable would
    scan everything first. Values still reach the query only as bound terms.

    Examples
    --------
    >>> nl = chr(10)
    >>> q = QueryFile("x", Path("x.rq"), "SELECT * { ?a ?b ?c ." + nl + "?a <urn:s> ?s .  # only with ?s" + nl + "}")
    >>> query_text(q, {}).split(nl)
    ['SELECT * { ?a ?b ?c .', '}']
    >>> query_text(q, {"s": "1"}) == q.text
    True
    """
    lines = []
    for line in (query.text if text is None else text).split("\n"):   # text: the engine's variant, when it has one
        m = _ONLY_WITH.search(line)
        if m is None or m.group(1) in terms:
            lines.append(line)
    return "\n".join(lines)


def _check_scale(query: QueryFile, terms: dict, backend) -> None:
    """Refuse a ``# scale: pairs`` query on more votes than :data:`MAX_PAIR_VOTES`, unless narrowed."""
    if not query.scale.strip().lower().startswith("pairs"):
        return
    votes = backend.votes_read()
    if votes <= MAX_PAIR_VOTES or any(n in terms for n in query.narrowed_by):
        return
    narrow = " ".join(f"--param {n}=..." for n in query.narrowed_by)
    raise QueryError(f"{query.name} compares every pair of states over the {votes:,} votes it would read: SPARQL would "
                     "run for minutes", file=query.path,
                     hint=(f"narrow it ({narrow}), " if narrow else "") + "or compute every pair from the vote matrix: "
                          "graphkit compare --all-pairs --source unga (seconds)")


def run_query(name_or_path, params: dict | None = None, *, store=None, endpoint=None, graph=None,
              allow_update: bool = False, allow_service: bool = False, dataset=None) -> list[dict]:
    """Run a library query (or any ``.rq`` file) and return its rows as dicts.

    Parameters
    ----------
    name_or_path : str, Path or QueryFile
        A name from ``queries/`` (``hrc44-2020-two-camps``) or a path to a ``.rq`` file.
    params : dict, optional
        Parameter values by name (without ``?``); strings are validated and
        turned into RDF terms by the declared type.
    store, endpoint, graph
        Where to run it (at most one): a store directory or an open
        ``pyoxigraph.Store``; an endpoint URL or :class:`~graphkit.store.endpoint.Endpoint`;
        an :class:`rdflib.Graph`. Default: the per-user store.
    dataset : str or list of str, optional
        The graphs to read (:mod:`graphkit.store.datasets`: ``curated``,
        ``votes:unga``, ``all`` ...); default: the query's ``# dataset:`` line,
        else ``curated``. An rdflib graph is read whole.
    allow_update : bool
        Run a SPARQL Update (refused otherwise).
    allow_service : bool
        Let ``SERVICE``/``LOAD`` reach other servers (refused otherwise).

    Returns
    -------
    list of dict
        One dict per solution, keyed by the projected variables in order: IRIs
        as strings, literals as int, float, bool, date or str, unbound as None.
        ASK gives ``[{"result": bool}]``; CONSTRUCT one row per triple.

    Raises
    ------
    QueryError
        Unknown query, parameter or dataset, a value that is not valid for its
        type, a syntax error, an update without ``allow_update``, SERVICE/LOAD
        without ``allow_service``, or a ``# scale: pairs`` query over too many votes.
    EndpointError
        The endpoint is down, slow or answers with an error.
    """
    backend = backend_for(store, endpoint, graph)
    query, form, terms = _prepare(name_or_path, params, backend, allow_update, allow_service, dataset)
    if form not in QUERY_FORMS:
        if terms:
            raise QueryError("parameters cannot be bound in an update", file=query.path)
        backend.update(query.text)
        return []
    return backend.rows(query_text(query, terms, backend.text_for(query)), terms)[1]


def query_columns(name_or_path, params=None, **backend) -> tuple[list[str], list[dict]]:
    """Like :func:`run_query` but also returns the column names (even when there are no rows)."""
    allow = backend.pop("allow_update", False)
    allow_service = backend.pop("allow_service", False)
    dataset = backend.pop("dataset", None)
    b = backend_for(backend.get("store"), backend.get("endpoint"), backend.get("graph"))
    query, form, terms = _prepare(name_or_path, params, b, allow, allow_service, dataset)
    if form not in QUERY_FORMS:
        if terms:
            raise QueryError("parameters cannot be bound in an update", file=query.path)
        b.update(query.text)
        return [], []
    return b.rows(query_text(query, terms, b.text_for(query)), terms)


def query_dataframe(name_or_path, params: dict | None = None, **backend):
    """The rows of :func:`run_query` as a pandas DataFrame (columns in the query's order).

    Examples
    --------
    >>> df = query_dataframe("acts-by-forum-year", graph=tiny_world_graph())
    >>> list(df.columns)[:3], len(df)
    (['forum', 'year', 'acts'], 3)
    """
    import pandas as pd
    columns, rows = query_columns(name_or_path, params, **backend)
    return pd.DataFrame(rows, columns=columns)


def construct_graph(name_or_path, params: dict | None = None, **backend):
    """Run a CONSTRUCT/DESCRIBE query and return an :class:`rdflib.Graph` (for small results)."""
    b = backend_for(backend.get("store"), backend.get("endpoint"), backend.get("graph"))
    query, form, terms = _prepare(name_or_path, params, b, False, backend.get("allow_service", False),
                                  backend.get("dataset"))
    if form not in ("CONSTRUCT", "DESCRIBE"):
        raise QueryError(f"{query.name} is a {form} query; construct_graph needs CONSTRUCT or DESCRIBE")
    return ntriples_to_rdflib(b.construct_nt(query_text(query, terms, b.text_for(query)), terms))


def compact(value):
    """Shorten a graphkit IRI with the usual prefixes (``state:FRA``); other values unchanged.

    Examples
    --------
    >>> compact("https://w3id.org/graphkit/id/state/FRA"), compact("https://w3id.org/graphkit/ontology#supports"), compact(3)
    ('state:FRA', 'gk:supports', 3)
    """
    if not isinstance(value, str) or "://" not in value:
        return value
    best = max(((k, v) for k, v in PREFIXES.items() if value.startswith(v) and re.fullmatch(r"[A-Za-z0-9_.\-]*", value[len(v):])),
               key=lambda kv: len(kv[1]), default=None)
    return f"{best[0]}:{value[len(best[1]):]}" if best else value
