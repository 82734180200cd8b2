"""The front door: one object that opens the data and the store once and offers every analysis as a method.

As sqlite-utils has ``Database``, graphkit has :class:`Graphkit`::

    >>> import graphkit as gk
    >>> g = gk.open(data=WORLD_DIR)
    >>> rep = g.compare(["AAA", "CCC"], target="SYL")
    >>> [(r["a"], r["b"], r["n"], r["share"]) for r in rep.rows()]
    [('AAA', 'CCC', 2, 0.0)]

Every command of the CLI is one call of a method here (parse the options →
one call → print the report), so a notebook gets exactly what the command
prints, as an object: ``.rows()``, ``.to_dict()``, ``.to_frame()``, ``.text()``.
Which positions a method reads is a ``source`` (``curated``, ``unga``, ...,
or ``all``; :mod:`graphkit.sources`) and selection options
(:class:`~graphkit.sources.base.Selection`: ``since``, ``until``, ``target``,
``session``, ``issue`` ...), resolved in one place, :meth:`Graphkit.matrix`.
"""
from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path

from .analysis.camps import camp_agreement
from .analysis.drift import drift
from .analysis.explain import explain_pair
from .analysis.matrix import PositionMatrix
from .analysis.pairs import agreement_table, compare_pairs
from .analysis.partners import state_record
from .errors import DataError, InputError
from .graph.states import load_states
from .reports.blocs import LazyParts, StatementBlocsReport, VoteBlocsReport
from .reports.compare import CompareReport, PairsReport
from .reports.explain import ExplainReport
from .reports.state import StateReport
from .reports.tables import AuditReport, CampsReport, DriftReport
from .resources import DEFAULT_DATA, store_path
from .sources import Selection, Source, source_for

__all__ = ["Graphkit", "open"]


def _day(value, end: bool = False) -> dt.date | None:
    """``2020``, ``2020-07`` or ``2020-07-01`` (or a date) as a date; a year or month counts whole with ``end``."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4:
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
        if len(text) == 7:
            y, m = map(int, text.split("-"))
            return (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)) if end else dt.date(y, m, 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{value!r} is not a date", value=str(value), hint="write YYYY, YYYY-MM or YYYY-MM-DD") from None


class Graphkit:
    """The data folder and the store, opened once; every analysis as a method returning a report.

    Parameters
    ----------
    data : path, optional
        The data folder (default: the shipped data).
    store : path, optional
        The store directory (default: ``$GRAPHKIT_STORE`` or the per-user store).
    endpoint : graphkit.store.endpoint.Endpoint or str, optional
        A SPARQL 1.1 server the votes were loaded into (``graphkit import ... --endpoint``):
        vote sources read their votes there, in pages, instead of the store.
    """

    def __init__(self, data=None, store=None, endpoint=None):
        self.data_dir = Path(data) if data is not None else DEFAULT_DATA
        self.store_dir = store_path(store)
        if endpoint is not None and not hasattr(endpoint, "select"):
            from .store.endpoint import Endpoint
            endpoint = Endpoint(str(endpoint))
        self.endpoint = endpoint

    def __repr__(self) -> str:
        return f"Graphkit(data={str(self.data_dir)!r}, store={str(self.store_dir)!r})"

    # ---------------------------------------------------------------- what is opened once

    @cached_property
    def states(self):
        """The one state resolver (:class:`~graphkit.graph.states.StateResolver`) of the data folder.

        Read from the store's state graphs when the store matches the data, else from the files.
        """
        from .graph.states import StateResolver
        from .store.curated import state_resolver

        if "graph" in self.__dict__:
            return StateResolver(self.graph)
        resolver = state_resolver(self.store_dir, self.data_dir)
        return resolver if resolver is not None else load_states(self.data_dir)

    @cached_property
    def graph(self):
        """The curated data as one rdflib graph (the union of the data files), read once.

        From the store when ``graphkit build`` wrote it from these very files
        (:func:`graphkit.store.curated.curated_graph`), else parsed from the data folder.
        """
        from .graph.build import build
        from .store.curated import curated_graph

        graph = curated_graph(self.store_dir, self.data_dir)
        return graph if graph is not None else build(self.data_dir, check=False).graph

    def build(self, check: bool = True):
        """Load and validate the data folder (:func:`graphkit.graph.build.build`)."""
        from .graph.build import build

        return build(self.data_dir, check=check)

    # ---------------------------------------------------------------- selection → matrix, in one place

    def selection(self, **options) -> Selection:
        """A :class:`Selection` from keyword options (dates as text or dates; unknown options refused)."""
        known = set(Selection.__dataclass_fields__)
        wrong = sorted(set(options) - known)
        if wrong:
            raise InputError(f"unknown option {wrong[0]!r}", value=wrong[0], hint="one of " + ", ".join(sorted(known)))
        options = {k: v for k, v in options.items() if v is not None}
        if "since" in options:
            options["since"] = _day(options["since"])
        if "until" in options:
            options["until"] = _day(options["until"], end=True)
        return Selection(**options)

    def source(self, name: str = "curated") -> Source:
        """The source ``name`` names (``curated``, ``unga``, ... or ``all``)."""
        return source_for(name)

    def matrix(self, source: str = "curated", selection: Selection | None = None, **options) -> PositionMatrix:
        """The states × items matrix of a source and selection: the input of every analysis.

        Examples
        --------
        >>> g = open(data=WORLD_DIR)
        >>> m = g.matrix(target="SYL")
        >>> m.keys, len(m.items), m.source
        (['AAA', 'BBB', 'CCC', 'DDD', 'EEE'], 3, 'curated')
        >>> g.matrix(session=74)
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: --session does not apply to --source curated — options of curated: --by-act, --forum, --include-withdrawn, --kind, --since, --target, --topic, --until
        """
        src = self.source(source)
        selection = selection or self.selection(**options)
        src.check(selection)
        return src.matrix(self, selection)

    def records(self, **options):
        """The curated positions that pass a selection, as :class:`~graphkit.sources.curated.records.PositionRecord`."""
        src = self.source("curated")
        selection = self.selection(**options)
        src.check(selection)
        return src.records(self, selection)

    def _open(self, source: str, options: dict):
        src = self.source(source)
        if self.endpoint is not None and src.kind == "statements":
            raise InputError("--endpoint applies to vote sources (the curated acts are read from --data)",
                             value=self.endpoint.url, hint="add --source unga (or another vote source), or drop --endpoint")
        selection = self.selection(**options)
        src.check(selection)
        return src, selection, src.matrix(self, selection)

    # ---------------------------------------------------------------- the analyses, one report each

    def compare(self, states, source: str = "curated", *, index: str = "share", metric: str = "squared",
                **options) -> CompareReport:
        """Pairwise agreement (share, S, κ, π, N) of the states named (``graphkit compare``)."""
        states = list(states)
        if len(states) < 2:
            raise InputError("name at least two states", hint="e.g. graphkit compare FRA DEU")
        src, selection, m = self._open(source, options)
        keys = [m.key_of(s) for s in states]
        return CompareReport(keys, compare_pairs(m, keys, metric), src.describe(selection), m.note, index, src.name,
                             src.noun_for(selection), src.kind)

    def agreement(self, by: str = "year", source: str = "curated", *, states=None, min_n: int = 1,
                  metric: str = "squared", **options) -> PairsReport:
        """Every pair's indices in every group (``graphkit compare --all-pairs --by year``)."""
        src, selection, m = self._open(source, options)
        keys = [m.key_of(s) for s in states] if states else None
        frame = agreement_table(m, by, states=keys, min_n=min_n, metric=metric)
        return PairsReport(frame, f"Agreement by {by}; {src.describe(selection)}")

    def state(self, state: str, source: str = "curated", *, top: int = 5, rank_by: str | None = None,
              min_n: int | None = None, metric: str = "squared", **options) -> StateReport:
        """One state's positions and its closest and most opposed partners (``graphkit state``)."""
        src, selection, m = self._open(source, options)
        min_n = src.min_n if min_n is None else min_n
        if src.kind == "votes":
            m.index(m.key_of(state))          # a state that cast no vote in the selection is an error, not a blank record
        record = state_record(m, state, top=top, rank_by=rank_by or src.rank_by, min_n=min_n, metric=metric)
        positions = src.positions(self, m, record["state"])
        as_target = src.as_target(m, record["state"], top) if hasattr(src, "as_target") else None
        return StateReport(record, positions, src.describe(selection), m.note, src.kind, src.name, as_target, min_n,
                           src.noun_for(selection), src.state_headline(record, positions, src.describe(selection)))

    def drift(self, states=None, partners=("CHN", "USA"), source: str = "curated", *, by: str = "year",
              metric: str = "squared", **options) -> DriftReport:
        """Each state's agreement with partners, group by group (``graphkit state --drift``)."""
        src, selection, m = self._open(source, options)
        keys = [m.key_of(s) for s in states] if states else None
        frame = drift(m, [m.key_of(p) for p in partners], states=keys, by=by, metric=metric)
        return DriftReport(frame, f"Agreement with {', '.join(partners)} by {by}; {src.describe(selection)}")

    def blocs(self, source: str = "curated", *, by: str = "all", weight: str | None = None,
              min_n: int | None = None, seed: int = 0, part: str | None = None, **options):
        """Blocs by signed modularity (``graphkit blocs``): for statements with camps, sides, swing states and balance."""
        # networkx is loaded here, not with the module: the other commands do without it
        from .analysis.blocs import blocs_by_group, signed_blocs, structural_balance
        from .analysis.centrality import bloc_bridges
        from .analysis.projections import coalition_graph, signed_graph
        from .analysis.swing import swing_states

        src, selection, m = self._open(source, options)
        weight = weight or src.bloc_weight
        min_n = src.min_n if min_n is None else min_n
        if src.kind != "statements" or by != "all":
            if part:
                raise InputError("--part applies to the curated acts only", value=part,
                                 hint="vote sources give the blocs table; drop --part")
            frame = blocs_by_group(m, by, weight=weight, min_n=min_n, seed=seed)
            if frame.empty:
                raise DataError(f"no pair of states has {min_n} or more items in common in the selection", value=min_n,
                                hint="lower --min-n or widen the selection")
            return VoteBlocsReport(frame, by, weight, min_n, seed, src.describe(selection), m.note)
        from .sources.curated.camps import act_camps, reported_counts, side_consistency

        signed = signed_graph(m, weight=weight, min_n=min_n)
        blocs = signed_blocs(signed, seed=seed)
        balance = structural_balance(signed, blocs.membership, seed=seed)
        names = blocs.labels
        parts = LazyParts({
            "camps": lambda: act_camps(m.records, reported_counts(self.graph)),
            "sides": lambda: side_consistency(m.records),
            "blocs": lambda: [{"bloc": b.id, "size": b.size, "stance": b.stance, "mean_side": b.mean_side,
                               "cohesion": b.cohesion, "core": [f"{c} ({names.get(c, c)})" for c in b.core],
                               "members": b.members} for b in blocs.blocs],
            "swing": lambda: swing_states(m.records, signed, blocs.membership),
            "triads": lambda: balance.triads,
            "bridges": lambda: bloc_bridges(coalition_graph(m), blocs.membership),
        })
        return StatementBlocsReport(parts, blocs, balance, seed, src.describe(selection), m.note,
                                    by_act=selection.by_act, part=part)

    def explain(self, a: str, b: str, source: str = "curated", *, show_all: bool = False, metric: str = "squared",
                **options) -> ExplainReport:
        """The items behind two states' agreement, each with its evidence (``graphkit explain``)."""
        if show_all and self.source(source).kind == "statements":
            raise InputError("--all applies to vote sources: for statements every item either state took part in is listed",
                             value="--all", hint="drop --all, or explain votes with --source unga")
        src, selection, m = self._open(source, options)
        pair = explain_pair(m, a, b, metric=metric)
        src.add_evidence(self, m, pair)
        return ExplainReport(pair, src.describe(selection), src.kind, show_all, src.noun_for(selection))

    def camps(self, target: str = "CHN", source: str = "unga", *, camp_since="2019", camp_until="2022-12-31",
              by: str = "year", index: str = "s", margin: float = 0.1, **options) -> CampsReport:
        """Do the camps of the joint statements on ``target`` also vote together, and since when? (``graphkit camps``)"""
        from .sources.curated.camps import statement_camps

        camps, excluded = statement_camps(self.graph, self.states.key_of(target), camp_since, camp_until)
        src, selection, m = self._open(source, options)
        camps = {k: [self.states.merge_key(s) if m.merged else s for s in v] for k, v in camps.items()}
        frame, summary = camp_agreement(m, camps, by=by, index=index, margin=margin)
        summary = {**summary, "by": by, "camps": {k: len(v) for k, v in camps.items()}, "on_both_sides": excluded}
        return CampsReport(frame, f"Mean {index} within and across the camps of the statements on {target}; "
                                  f"{src.describe(selection)}", summary)

    def view(self, view: str = "coalition", source: str = "curated", *, act: str | None = None,
             title: str | None = None, seed: int = 0, **options):
        """A drawable, exportable view (:class:`graphkit.render.views.View`) of a source (``graphkit render``, ``export``)."""
        from .render.views import act_sources, view_from_matrix

        src, selection, m = self._open(source, options)
        sources = act_sources(self.graph) if m.records else {}
        return view_from_matrix(m, view, scope=src.describe(selection), sources=sources, act=act, title=title, seed=seed)

    def ideal(self, source: str = "unga", *, by: str = "session", state=None, walk: str = "reverting",
              priors=None, explain: str | None = None, year: int | None = None, top: int = 10, **options):
        """Dynamic ideal points of every state on one scale, period by period (``graphkit ideal``).

        Estimated on the source's vote matrix for the selection (any vote
        source), one row per graphkit key (:mod:`graphkit.analysis.ideal.points`).
        ``state`` (a key, a name, or a list of them) restricts the rows
        reported, not the estimate. With ``explain=STATE`` and ``year``, the
        roll calls that moved that state most in that period, with their
        provenance (:class:`~graphkit.reports.ideal.IdealExplainReport`).

        Parameters
        ----------
        source : str
            A vote source (``unga``, ``hrc`` ...).
        by : {"session", "year"}
            What a period is.
        state : str or list of str, optional
            The states whose rows are reported (all by default).
        walk : {"reverting", "random"}
            The walk between periods (:data:`graphkit.analysis.ideal.points.WALKS`).
        priors : graphkit.analysis.ideal.Priors, optional
            Prior scales of your own, instead of ``walk``.
        explain, year : str and int, optional
            A state and the year of the period to explain.
        top : int
            How many roll calls the explanation lists.
        **options
            The selection (``since``, ``until``, ``session``, ``issue``, ``min_votes``, ``layout``).

        Returns
        -------
        IdealReport or IdealExplainReport

        Raises
        ------
        InputError
            A source without recorded votes, ``merge_successors``, ``explain``
            without ``year``, no votes imported.
        DataError
            Too few roll calls in the periods, a state that cast no vote in the selection.
        """
        from .analysis.ideal.points import POINT_COLUMNS, explain_state, ideal_points
        from .reports.ideal import IdealExplainReport, IdealReport

        src = self.source(source)
        if src.kind != "votes":
            from .sources import vote_sources

            raise InputError(f"ideal points are estimated from recorded votes; --source {source} has none",
                             value=source, hint="one of " + ", ".join(s.name for s in vote_sources()))
        if options.get("merge_successors"):
            raise InputError("--merge-successors does not apply to ideal points", value="merge_successors",
                             hint="each entity keeps its own series: merging would put the Republic of China's votes "
                                  "into China's, the USSR's into Russia's")
        if (explain is None) != (year is None):
            raise InputError("--explain STATE goes with --year YEAR", value=explain or year,
                             hint="e.g. --explain FRA --year 2015")
        src, selection, m = self._open(source, options)
        keys = None
        if state is not None:
            keys = list(dict.fromkeys(m.key_of(s) for s in ([state] if isinstance(state, str) else state)))
        scope = src.describe(selection)
        for key in (keys or []) + ([m.key_of(explain)] if explain is not None else []):
            if key not in m.keys:                 # a state that cast no vote in the selection is an error, before the work
                raise DataError(f"{key} ({m.name(key)}) cast no vote in the selection ({scope})", value=key,
                                hint=f"{len(m.keys)} states voted in it; widen --since/--until, or drop --session or --issue")
        points = ideal_points(m, by, texts=self._record_texts(src, selection, m), walk=walk, priors=priors)
        summary = {"source": src.name, "scope": scope, **points.summary()}
        if explain is not None:
            key = m.key_of(explain)
            row, table = explain_state(points, key, int(year), top=top)
            rows, provenance = self._explained(src, selection, key, table)
            period = f"session {row['session']}" + (f" ({row['year']})" if row["year"] else "") if by == "session" \
                else f"{row['year']}"
            return IdealExplainReport(rows, f"What placed {key} in {period}; {scope}",
                                      {**summary, "state": {**row, "name": m.name(key)}, "provenance": provenance})
        frame = points.frame[POINT_COLUMNS]
        if keys is not None:
            for key in keys:
                points.matrix.index(key)          # (its votes may all lie in roll calls without a period)
            frame = frame[frame["state"].isin(keys)]
            frame = frame.assign(order=frame["state"].map({k: i for i, k in enumerate(keys)}))
            frame = frame.sort_values(["order", by], kind="stable").drop(columns="order")
        names = {k: m.name(k) for k in frame["state"].unique()}
        return IdealReport(frame, f"Ideal points by {by}; {scope}", summary, names, keys, points)

    def _record_texts(self, src, selection, m):
        """Each column's (short title, description), the description read from the store (cached)."""
        from .store.texts import record_texts

        texts = record_texts(src.dataset(selection), self.store_dir)
        ids = m.items["item"].astype(str)
        descr = ids.map(texts["descr"]).fillna("").tolist() if len(texts) else [""] * len(ids)
        return list(zip(m.items["title"].fillna("").tolist(), descr))

    def _explained(self, src, selection, key, table):
        """The explanation's rows with their provenance (act, the state's position, dataset, release, excerpt), and the dataset's."""
        import pandas as pd

        from .reports.ideal import EXPLAIN_COLUMNS
        from .sources.votes.evidence import record_details

        ids = table["item"].tolist()
        details, provenance = record_details(src.dataset(selection), self.store_dir, ids, voters=[key])
        d = [details.get(i, {}) for i in ids]
        month = table["precision"].eq("month").to_numpy()
        dates = pd.to_datetime(table["date"])
        out = pd.DataFrame({
            "rcid": ids, "date": [t.strftime("%Y-%m" if mo else "%Y-%m-%d") if not pd.isna(t) else None
                                  for t, mo in zip(dates, month)],
            "session": table["session"].astype("Int64"), "symbol": table["symbol"].fillna("").astype(str),
            "title": [x.get("title") or t or x.get("description", "") for x, t in zip(d, table["title"].fillna(""))],
            "vote": table["vote"], "shift": table["shift"], "probability": table["probability"],
            "discrimination": table["discrimination"], "bridge": table["bridge"].astype(int),
            "act": [x.get("act", "") for x in d],
            "position": [x.get("votes", {}).get(key, {}).get("position", "") for x in d],
            "dataset": [x.get("dataset", "") for x in d], "release": [x.get("release", "") for x in d],
            "excerpt": [x.get("excerpt", "") for x in d]})
        text = ["rcid", "date", "symbol", "title", "vote", "act", "position", "dataset", "release", "excerpt"]
        return out[EXPLAIN_COLUMNS].astype({c: object for c in text}), provenance   # object: the CSV writer quotes and
        # makes safe the text of object columns (pandas 3's str dtype would slip through it)

    def audit(self) -> AuditReport:
        """Tallies computed from the imported votes against the tallies reported elsewhere (``graphkit audit``)."""
        import pandas as pd

        from .sources import vote_sources
        from .sources.votes.audit import FINDING_COLUMNS, audit
        from .store.embedded import open_store

        hint = "; ".join(d.hint(self.store_dir) for s in vote_sources() for d in s.datasets.values())
        store = open_store(self.store_dir, read_only=True, missing_hint=hint)
        try:
            present = {g.value for g in store.named_graphs()}
            if not any(d.graph in present for s in vote_sources() for d in s.datasets.values()):
                from .errors import InputError
                raise InputError(f"no votes imported into the store {self.store_dir}: there is nothing to audit",
                                 value=str(self.store_dir), hint=hint)
            findings, summary = audit(store, self.graph)
        finally:
            del store
        frame = pd.DataFrame([f.as_dict() for f in findings], columns=FINDING_COLUMNS)
        title = (f"Discrepancies: {summary['discrepancies']} ({summary['roll_calls']} records, "
                 f"{summary['curated_acts_matched']} curated acts matched, {summary['compared_tallies']} tallies compared); "
                 f"coverage: {summary['records_without_votes']} records without votes, {summary['records_short']} with "
                 f"fewer members recorded than the body's seats, {summary['curated_not_in_file']} curated votes "
                 "not in the imported file of their forum")
        return AuditReport(frame, title, summary)

    def query(self, name_or_path, params: dict | None = None, *, dataset=None, **backend):
        """Run a library query (or a ``.rq`` file) on the store: ``(columns, rows)``.

        ``dataset`` names the graphs read (``"curated"``, ``"votes:unga"``,
        ``["votes:unga", "curated"]``, ``"all"``; :mod:`graphkit.store.datasets`);
        by default the query's ``# dataset:`` line, else the curated graphs.
        """
        from .store.library import query_columns
        from .store.embedded import ensure_store

        if not backend:
            backend = {"store": ensure_store(self.data_dir, self.store_dir)}
        return query_columns(name_or_path, params, dataset=dataset, **backend)


def open(data=None, store=None, endpoint=None) -> Graphkit:  # noqa: A001 - graphkit.open, like sqlite_utils.Database
    """Open graphkit on a data folder and a store (defaults: the shipped data and the per-user store), or an endpoint."""
    return Graphkit(data, store, endpoint)
