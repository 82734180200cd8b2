"""From the RDF graph to a view ready to draw or export: projection, blocs, centrality, sources.

:func:`build_view` is the one function the ``render`` and ``export`` commands call.
It reads positions (:func:`graphkit.sources.curated.records.position_records`, with the usual
filters), projects them with :mod:`graphkit.analysis.projections` (coalition, signed or
bipartite), detects blocs on the signed graph (:func:`graphkit.analysis.blocs.signed_blocs`),
sizes every state by its weighted degree in the coalition graph
(:func:`graphkit.analysis.centrality.centrality`), and collects what a caption needs: the acts'
labels and dates and the sources behind them.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph

from ..errors import DataError, InputError
from ..namespaces import BINDINGS, DCTERMS, GK, PROV, RDF
from ..sources.curated.records import Filters, PositionRecord, position_records
from .scene import Scene, scene_from_graph

__all__ = ["View", "VIEWS", "build_view", "view_from_records", "act_sources"]

VIEWS = ("coalition", "signed", "bipartite")

SOURCES_QUERY = """
SELECT DISTINCT ?act ?source ?title ?publisher WHERE {
  { ?act gk:evidence ?ev } UNION { ?list gk:listOf ?act ; gk:evidence ?ev } UNION { ?pos gk:act ?act ; gk:evidence ?ev }
  ?ev prov:wasDerivedFrom ?source .
  OPTIONAL { ?source dcterms:title ?title }
  OPTIONAL { ?source dcterms:publisher ?publisher }
}
"""


@dataclass
class View:
    """A projected, annotated NetworkX graph plus what its picture needs to say about it.

    ``graph`` carries the attributes :mod:`graphkit.render.scene` documents (``bloc``,
    ``centrality``, ``acts`` on states; on ``--act``, ``stance`` and ``side``);
    ``acts_info`` maps act IRI -> ``label date kind forum sources``; ``sources`` maps
    source IRI -> display text.
    """

    name: str
    graph: nx.Graph
    records: list[PositionRecord]
    acts_info: dict
    sources: dict
    filters: Filters
    act: str | None = None
    blocs: object = None
    title: str = ""
    caption: str = ""
    color_by: str = "bloc"
    by_occasion: bool = True

    def scene(self, seed: int = 0) -> Scene:
        """The view laid out and styled (same seed, same picture)."""
        return scene_from_graph(self.graph, title=self.title, caption=self.caption, color_by=self.color_by,
                                acts_info=self.acts_info, seed=seed)


def act_sources(graph: Graph) -> dict[str, dict[str, str]]:
    """Act IRI -> {source IRI: "title (publisher)"} for every source behind the act, its lists or positions.

    Examples
    --------
    >>> found = act_sources(tiny_world_graph())
    >>> sorted(found["https://w3id.org/graphkit/id/act/w-2021-vote"])
    ['https://w3id.org/graphkit/id/source/herald']
    """
    out: dict[str, dict[str, str]] = defaultdict(dict)

    def note(act, ev):
        source = graph.value(ev, PROV.wasDerivedFrom)
        if source is None or str(source) in out[str(act)]:
            return
        title = graph.value(source, DCTERMS.title)
        publisher = graph.value(source, DCTERMS.publisher)
        text = str(title or str(source).rsplit("/", 1)[-1])
        if publisher is not None and str(publisher) not in text:
            text = f"{text} ({publisher})"
        out[str(act)][str(source)] = text

    # Walk the graph (same answer as SOURCES_QUERY, about 100 times faster in rdflib).
    for act, ev in graph.subject_objects(GK.evidence):
        if (act, RDF.type, GK.Position) in graph:
            owner = graph.value(act, GK.act)
            if owner is not None:
                note(owner, ev)
        elif (act, RDF.type, GK.SignatoryList) in graph:
            owner = graph.value(act, GK.listOf)
            if owner is not None:
                note(owner, ev)
        else:
            note(act, ev)
    return dict(out)


def build_view(graph: Graph, view: str = "coalition", filters: Filters | None = None, act: str | None = None,
               title: str | None = None, seed: int = 0, by_occasion: bool = True) -> View:
    """Project the positions in ``graph`` that pass ``filters`` as ``view`` and annotate it.

    Parameters
    ----------
    graph : rdflib.Graph
        The built graph (:func:`graphkit.graph.build.build`'s ``.graph``).
    view : {"coalition", "signed", "bipartite"}
    filters : Filters, optional
    act : str, optional
        An act id (``hrc44-2020-07-01-xinjiang-support``) or IRI: colour states by
        their stance on it instead of by bloc.
    title : str, optional
        Defaults to a title naming the view and the filters.
    seed : int
        Seed of the bloc detection.
    by_occasion : bool
        Count rival acts of one occasion as one item in the state–state views
        (:mod:`graphkit.sources.curated.items`); False counts every act.

    Raises
    ------
    InputError
        Unknown view, or an ``act`` that is not among the filtered acts.
    DataError
        No state position passes the filters.

    Examples
    --------
    >>> v = build_view(tiny_world_graph(), "coalition", Filters(target="SYL"))
    >>> v.graph.edges["AAA", "BBB"]["weight"], {"acts", "bloc", "centrality"} <= set(v.graph.nodes["AAA"])
    (2, True)
    >>> v.caption.split(";")[0]
    '5 states, 4 acts from 2020-06-29 to 2022-10-20'
    """
    if view not in VIEWS:
        raise InputError(f"unknown view {view!r}", value=view, hint="valid: " + ", ".join(VIEWS))
    filters = filters or Filters()
    records = position_records(graph, filters)
    return view_from_records(records, view, filters=filters, sources=act_sources(graph), act=act, title=title,
                             seed=seed, by_occasion=by_occasion)


def view_from_records(records: list[PositionRecord], view: str = "coalition", *, filters: Filters | None = None,
                      sources: dict | None = None, act: str | None = None, title: str | None = None,
                      seed: int = 0, by_occasion: bool = True) -> View:
    """:func:`build_view` on records already read (``sources`` as :func:`act_sources` returns)."""
    from ..analysis.blocs import signed_blocs
    from ..analysis.centrality import centrality
    from ..analysis.projections import bipartite_graph, coalition_graph, signed_graph

    filters = filters or Filters()
    sources = sources or {}
    state_records = [r for r in records if r.is_state]
    if not state_records:
        raise DataError(f"no state positions left after the filters ({filters.describe()})",
                        hint="widen --since/--until or check --forum/--topic/--target/--kind spelling")
    signed = signed_graph(records, by_occasion)
    g = {"coalition": lambda rs: coalition_graph(rs, by_occasion), "bipartite": bipartite_graph}.get(
        view, lambda _: signed)(records)
    blocs = signed_blocs(signed, seed=seed)
    membership = dict(blocs.membership)
    names = {n: d.get("label", n) for n, d in signed.nodes(data=True)}
    bloc_labels = {b.id: f"bloc {b.id}: {b.stance}, {len(b.members)} states (core: "
                         + ", ".join(names.get(m, m) for m in b.core) + ")" for b in blocs.blocs}
    g.graph["bloc_labels"] = bloc_labels

    acts_by_state: dict[str, list[str]] = defaultdict(list)
    stances_by_state: dict[str, Counter] = defaultdict(Counter)
    acts_info: dict[str, dict] = {}
    for r in records:
        acts_info.setdefault(r.act, {"label": r.act_label, "date": r.date.isoformat() if r.date else None,
                                     "kind": r.kind, "forum": r.forum_label or r.forum, "target": r.target,
                                     "sources": sorted(sources.get(r.act, {}))})
        if r.is_state and r.act not in acts_by_state[r.participant]:
            acts_by_state[r.participant].append(r.act)
            stances_by_state[r.participant][r.stance] += 1

    chosen = _find_act(act, records) if act else None
    coalition = g if view == "coalition" else coalition_graph(records, by_occasion)
    central = {row["state"]: row for row in centrality(coalition, membership)}
    top = max((row["weighted_degree"] for row in central.values()), default=0) or 1
    for node, data in g.nodes(data=True):
        if data.get("type") == "act":
            data["acts"] = [node]
            continue
        data["bloc"] = membership.get(node)
        if data["bloc"] is not None:
            data["bloc_label"] = bloc_labels.get(data["bloc"], str(data["bloc"]))
        row = central.get(node, {})
        # size = weighted degree in the coalition graph (items on the same side, per partner), scaled to [0, 1]
        data["centrality"] = row.get("weighted_degree", 0) / top
        data["betweenness"] = row.get("betweenness", 0.0)
        data["acts"] = acts_by_state.get(node, [])
        counts = stances_by_state.get(node)
        data["tooltip"] = [f"sided with {row.get('degree', 0)} states ({row.get('weighted_degree', 0)} {'act' if not by_occasion else 'item'}-ties); "
                           f"betweenness {row.get('betweenness', 0.0):.3f}"]
        if counts:
            data["tooltip"].append("stances: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        if chosen:
            mine = [r for r in chosen if r.participant == node]
            data["stance"] = mine[0].stance if mine else None
            data["side"] = mine[0].side if mine else None

    dates = sorted(r.date for r in records if r.date)
    used_sources = sorted({s for a in acts_info for s in sources.get(a, {}).items()}, key=lambda kv: kv[1])
    states = sum(1 for _, d in g.nodes(data=True) if d.get("type") != "act")
    span = f" from {dates[0].isoformat()} to {dates[-1].isoformat()}" if dates else ""
    caption = f"{states} states, {len(acts_info)} acts{span}; filters: {filters.describe()}"
    if chosen:
        caption += f"; colours: stance on {chosen[0].act_label} ({chosen[0].date or 'undated'})"
    caption += "; sources: " + ("; ".join(text for _, text in used_sources) if used_sources else "none recorded")
    unit = "item (rival acts of one session or debate count once)" if by_occasion else "act"
    caption += ". Edges: " + {
        "coalition": f"two states took the same side on an {unit}; width = number of such "
                     + ("items." if by_occasion else "acts."),
        "signed": f"same side (+1) minus opposite sides (-1) per {unit}; red dashed = more often apart.",
        "bipartite": "a state's position in an act (square); colour = its side toward the target.",
    }[view]
    default_title = {"coalition": "Coalitions", "signed": "Agreement and opposition", "bipartite": "States and acts"}[view]
    described = filters.describe()
    return View(name=view, graph=g, records=records, acts_info=acts_info, sources=dict(used_sources),
                filters=filters, act=chosen[0].act if chosen else None, blocs=blocs,
                title=title or (default_title + ("" if described == "no filter" else f" ({described})")),
                caption=caption, color_by="stance" if chosen else "bloc", by_occasion=by_occasion)


def _find_act(act: str, records: list[PositionRecord]) -> list[PositionRecord]:
    chosen = [r for r in records if act in (r.act, r.act_id) and r.is_state]
    if not chosen:
        ids = sorted({r.act_id for r in records})
        import difflib

        close = difflib.get_close_matches(act, ids, n=3, cutoff=0.3)
        raise InputError(f"act {act!r} is not among the {len(ids)} acts left after the filters", value=act,
                         hint=("did you mean " + " or ".join(close) + "? " if close else "") + "valid: " + ", ".join(ids))
    return chosen
