"""Record-level views of the curated acts: the state–act graph and each item's state values.

:func:`bipartite_graph` keeps one edge per position (stance, side, roles, act,
date, forum, topics): a picture of who signed what, which only statements
have. The state–state graphs (coalition, signed) are built from the position
matrix, like those of every source (:mod:`graphkit.analysis.projections`).
"""
from __future__ import annotations

import networkx as nx

from .items import items_of
from .records import PositionRecord

__all__ = ["bipartite_graph", "state_positions"]


def _date(r: PositionRecord) -> str | None:
    return r.date.isoformat() if r.date is not None else None


def _add_state(g: nx.Graph, r: PositionRecord) -> None:
    if r.participant not in g:
        g.add_node(r.participant, label=r.participant_label, iso3=r.participant, type="state", bipartite=0)


def state_positions(records: list[PositionRecord], by_occasion: bool = True) -> dict[str, dict[str, int]]:
    """Per item key (occasion or act IRI), each aligned state's value (+1 / 0 / −1), as the
    state–state graphs see it.

    Non-states, the target's own positions, positions without a side and states
    that took different sides at one occasion are left out.

    Examples
    --------
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> pos = state_positions(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> sorted(pos["https://w3id.org/graphkit/id/act/w-2021-vote"].items())
    [('AAA', 1), ('BBB', 0), ('CCC', -1), ('DDD', -1), ('EEE', -1)]
    >>> sorted(pos["https://w3id.org/graphkit/id/occasion/w-2020-hrc"].items())
    [('AAA', 1), ('BBB', 1), ('CCC', -1), ('DDD', -1), ('EEE', -1)]
    """
    return {item.key: {s: int(v) for s, v in item.values.items() if v == v}
            for item in items_of(records, by_occasion)}


def bipartite_graph(records: list[PositionRecord]) -> nx.Graph:
    """The state–act graph: one edge per state position, carrying the position.

    Edge attributes: ``stance`` (supports, criticises, yes, ...), ``side``
    (+1 / −1 / 0 / None), ``roles`` (list), ``act`` (IRI), ``date`` (ISO text),
    ``forum`` (IRI), ``topics`` (list of slugs).

    Examples
    --------
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> g = bipartite_graph(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> sorted(n for n, d in g.nodes(data=True) if d["type"] == "state")
    ['AAA', 'BBB', 'CCC', 'DDD', 'EEE']
    >>> vote = "https://w3id.org/graphkit/id/act/w-2021-vote"
    >>> g.nodes[vote]["kind"], g.nodes[vote]["date"]
    ('RecordedVote', '2021-03-15')
    >>> e = g.edges["BBB", vote]
    >>> e["stance"], e["side"], e["roles"], e["topics"]
    ('abstain', 0, ['voter'], ['north-march'])
    """
    g = nx.Graph(kind="bipartite")
    for r in records:
        if not r.is_state:
            continue
        _add_state(g, r)
        if r.act not in g:
            g.add_node(r.act, label=r.act_label, date=_date(r), kind=r.kind, forum=r.forum,
                       forum_label=r.forum_label, target=r.target, occasion=r.occasion, type="act", bipartite=1)
        g.add_edge(r.participant, r.act, stance=r.stance, side=r.side, roles=list(r.roles), act=r.act,
                   date=_date(r), forum=r.forum, topics=list(r.topics))
    return g
