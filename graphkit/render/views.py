"""From a position matrix to a view ready to draw or export: projection, blocs, centrality, sources.

:func:`view_from_matrix` is the one function the ``render`` and ``export``
commands call (through :meth:`graphkit.api.Graphkit.view`), for any source.
It projects the matrix with :mod:`graphkit.analysis.projections` (coalition or
signed; bipartite — states and acts — for the curated acts, which have
records), detects blocs on the signed graph
(:func:`graphkit.analysis.blocs.signed_blocs`), sizes every state by its
weighted degree in the coalition graph (:func:`graphkit.analysis.centrality.centrality`),
and collects what a caption needs: the acts' labels and dates and the
sources behind them. :func:`build_view` does it for the curated acts of an
rdflib graph.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
from rdflib import Graph

from ..errors import DataError, InputError
from ..namespaces import BINDINGS, DCTERMS, GK, PROV, RDF
from ..sources.curated.records import Filters, PositionRecord, position_records
from .scene import Scene, scene_from_graph

__all__ = ["View", "VIEWS", "build_view", "view_from_matrix", "act_sources"]

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
    matrix: object
    acts_info: dict
    sources: dict
    scope: str
    act: str | None = None
    blocs: object = None
    title: str = ""
    caption: str = ""
    color_by: str = "bloc"
    by_occasion: bool = True

    @property
    def records(self) -> list[PositionRecord]:
        """The curated records behind the view (empty for vote sources)."""
        return self.matrix.records

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
    """The view of the curated acts in ``graph`` that pass ``filters`` (see :func:`view_from_matrix`).

    Examples
    --------
    >>> v = build_view(tiny_world_graph(), "coalition", Filters(target="SYL"))
    >>> v.graph.edges["AAA", "BBB"]["weight"], {"acts", "bloc", "centrality"} <= set(v.graph.nodes["AAA"])
    (2, True)
    >>> v.caption.split(";")[0]
    '5 states, 4 acts from 2020-06-29 to 2022-10-20'
    """
    from ..sources.curated.matrix import curated_matrix

    if view not in VIEWS:
        raise InputError(f"unknown view {view!r}", value=view, hint="valid: " + ", ".join(VIEWS))
    filters = filters or Filters()
    records = position_records(graph, filters)
    if not any(r.is_state for r in records):
        raise DataError(f"no state positions left after the filters ({filters.describe()})",
                        hint="widen --since/--until or check --forum/--topic/--target/--kind spelling")
    return view_from_matrix(curated_matrix(records, by_occasion), view, scope=filters.describe(),
                            sources=act_sources(graph), act=act, title=title, seed=seed)


def _acts_of_matrix(matrix) -> tuple[dict, dict, dict]:
    """For a matrix without records (votes): acts info, each state's acts and its counts of votes."""
    names = {1: "yes", 0: "abstain", -1: "no"}
    acts_info, acts_by_state, stances = {}, defaultdict(list), defaultdict(Counter)
    items = matrix.items
    act_of = [tuple(a)[0] if len(a) else str(i) for a, i in zip(items["acts"], items["item"])]
    for col, act in enumerate(act_of):
        day = items.at[col, "date"]
        label = items.at[col, "label"] + (f" ({items.at[col, 'symbol']})" if items.at[col, "symbol"] else "")
        acts_info[act] = {"label": label, "date": None if day != day else day.date().isoformat(),
                          "kind": items.at[col, "kind"], "forum": items.at[col, "forum"], "target": None,
                          "sources": [f"source/{items.at[col, 'source']}"]}
    for i, key in enumerate(matrix.keys):
        row = matrix.values[i]
        cols = np.flatnonzero(~np.isnan(row))
        acts_by_state[key] = [act_of[c] for c in cols]
        stances[key] = Counter(names[int(row[c])] for c in cols)
    return acts_info, acts_by_state, stances


def view_from_matrix(matrix, view: str = "coalition", *, scope: str = "", sources: dict | None = None,
                     act: str | None = None, title: str | None = None, seed: int = 0) -> View:
    """Project ``matrix`` as ``view`` and annotate it (blocs, centrality, acts, caption).

    Parameters
    ----------
    view : {"coalition", "signed", "bipartite"}
        ``bipartite`` (states and acts) needs the curated records.
    scope : str
        The selection in words, for the title and caption.
    sources : dict, optional
        Act IRI → {source IRI: text} (:func:`act_sources`), for the caption.
    act : str, optional
        An act id or IRI (curated) or a record id (votes): colour states by
        their stance on it instead of by bloc.
    seed : int
        Seed of the bloc detection.

    Raises
    ------
    InputError
        Unknown view, the bipartite view without records, or an ``act`` not in the selection.
    """
    from ..analysis.blocs import signed_blocs
    from ..analysis.centrality import centrality
    from ..analysis.projections import coalition_graph, signed_graph
    from ..sources.curated.projections import bipartite_graph

    if view not in VIEWS:
        raise InputError(f"unknown view {view!r}", value=view, hint="valid: " + ", ".join(VIEWS))
    records = matrix.records
    if view == "bipartite" and not records:
        raise InputError("the bipartite view (states and acts) is drawn for the curated acts only", value=view,
                         hint="use --view coalition or --view signed with a vote source")
    if not matrix.keys:
        raise DataError(f"no state positions left after the filters ({scope})",
                        hint="widen --since/--until or check the other options' spelling")
    sources = sources or {}
    by_occasion = not records or "occasion" in matrix.note
    signed = signed_graph(matrix)
    coalition = coalition_graph(matrix)
    g = coalition if view == "coalition" else signed if view == "signed" else bipartite_graph(records)
    blocs = signed_blocs(signed, seed=seed)
    membership = dict(blocs.membership)
    names = {n: d.get("label", n) for n, d in signed.nodes(data=True)}
    bloc_labels = {b.id: f"bloc {b.id}: {b.stance}, {len(b.members)} states (core: "
                         + ", ".join(names.get(m, m) for m in b.core) + ")" for b in blocs.blocs}
    g.graph["bloc_labels"] = bloc_labels

    if records:
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
        chosen_stance = {r.participant: (r.stance, r.side) for r in chosen} if chosen else None
        chosen_label = (chosen[0].act_label, chosen[0].date or "undated", chosen[0].act) if chosen else None
    else:
        acts_info, acts_by_state, stances_by_state = _acts_of_matrix(matrix)
        chosen_stance = chosen_label = None
        if act:
            ids = matrix.item_ids
            if act not in ids:
                raise InputError(f"record {act!r} is not among the {len(ids)} records selected", value=act,
                                 hint="give a record id from graphkit explain, or widen the selection")
            col = ids.index(act)
            vote = {1: "yes", 0: "abstain", -1: "no"}
            chosen_stance = {k: (vote[int(v)], int(v)) for k, v in zip(matrix.keys, matrix.values[:, col]) if v == v}
            chosen_label = (matrix.items.at[col, "label"], str(matrix.items.at[col, "date"])[:10],
                            tuple(matrix.items.at[col, "acts"])[0])

    central = {row["state"]: row for row in centrality(coalition, membership)}
    top = max((row["weighted_degree"] for row in central.values()), default=0) or 1
    unit_word = "item" if by_occasion else "act"
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
        data["tooltip"] = [f"sided with {row.get('degree', 0)} states ({row.get('weighted_degree', 0)} {unit_word}-ties); "
                           f"betweenness {row.get('betweenness', 0.0):.3f}"]
        if counts:
            data["tooltip"].append("stances: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        if chosen_stance is not None:
            stance, side = chosen_stance.get(node, (None, None))
            data["stance"], data["side"] = stance, side

    dates = sorted(i["date"] for i in acts_info.values() if i["date"])
    used_sources = sorted({s for a in acts_info for s in sources.get(a, {}).items()}, key=lambda kv: kv[1])
    if not records:
        used_sources = sorted({(s, s.split("/", 1)[1]) for i in acts_info.values() for s in i["sources"]})
    states = sum(1 for _, d in g.nodes(data=True) if d.get("type") != "act")
    span = f" from {dates[0]} to {dates[-1]}" if dates else ""
    caption = f"{states} states, {len(acts_info)} acts{span}; filters: {scope}"
    if chosen_label:
        caption += f"; colours: stance on {chosen_label[0]} ({chosen_label[1]})"
    caption += "; sources: " + ("; ".join(text for _, text in used_sources) if used_sources else "none recorded")
    unit = "item (rival acts of one session or debate count once)" if by_occasion and records else \
        ("recorded vote" if not records else "act")
    caption += ". Edges: " + {
        "coalition": f"two states took the same {'side' if records else 'vote'} on an {unit}; width = number of such "
                     + ("items." if by_occasion else "acts."),
        "signed": f"same side (+1) minus opposite sides (-1) per {unit}; red dashed = more often apart.",
        "bipartite": "a state's position in an act (square); colour = its side toward the target.",
    }[view]
    default_title = {"coalition": "Coalitions", "signed": "Agreement and opposition", "bipartite": "States and acts"}[view]
    return View(name=view, graph=g, matrix=matrix, acts_info=acts_info, sources=dict(used_sources),
                scope=scope, act=chosen_label[2] if chosen_label else None, blocs=blocs,
                title=title or (default_title + ("" if scope in ("", "no filter") else f" ({scope})")),
                caption=caption, color_by="stance" if chosen_label else "bloc", by_occasion=by_occasion)


def _find_act(act: str, records: list[PositionRecord]) -> list[PositionRecord]:
    chosen = [r for r in records if act in (r.act, r.act_id) and r.is_state]
    if not chosen:
        ids = sorted({r.act_id for r in records})
        import difflib

        close = difflib.get_close_matches(act, ids, n=3, cutoff=0.3)
        raise InputError(f"act {act!r} is not among the {len(ids)} acts left after the filters", value=act,
                         hint=("did you mean " + " or ".join(close) + "? " if close else "") + "valid: " + ", ".join(ids))
    return chosen
