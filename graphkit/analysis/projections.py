"""Project position records onto NetworkX graphs, with the acts behind every edge.

Three derived views of the RDF graph (never written back to it), all built
from the same :class:`~graphkit.sources.curated.records.PositionRecord` list, so the same
filters (time window, forum, topic, target, act kind) apply to all. The
state–state graphs count *items* (:func:`graphkit.analysis.agreement.items_of`): an
occasion where rival acts answered one another (the critical and the
supporting statements of one session), else an act; ``by_occasion=False``
makes every act an item. Edges keep both the items counted and the act IRIs
behind them:

:func:`bipartite_graph`
    states and acts; an edge per position (stance, side, roles, act, date,
    forum, topics).
:func:`coalition_graph`
    states only; an edge where two states took the **same side** on at least
    one item: ``weight`` = how many items, ``items`` = their keys, ``acts`` =
    the IRIs of the acts behind them.
:func:`signed_graph`
    states only; +1 per item on the same side, −1 per item on opposite sides
    (one +1 and one −1 toward the target — at an occasion, typically one
    signed the critical statement and the other the supporting one):
    ``weight = positive − negative``, with both counts, both item lists and
    both act lists kept, and ``sign`` = +1 / −1 / 0.

What counts as a side: a position's ``side`` toward the target (+1 supports,
−1 criticises, 0 abstains); for a recorded vote with no ``gk:yesImplies``, the
raw choice (yes, no, abstain) — two such votes are on the same side when they
made the same choice and on opposite sides when one said yes and the other
no. Two abstentions are the *same side* (the same choice); an abstention
against a yes or a no is neither same nor opposite. Positions without a side
(a rejection) are left out of the state–state graphs, and so is a state at an
occasion where it took different sides (its value there is undefined, see
:mod:`graphkit.analysis.agreement`).

The target's own positions are left out of the state–state graphs: China
listed among the signatories of a statement supporting China expresses no
alignment *with* the others, and counting it would make the target the hub
of its own camp. The bipartite graph keeps every state position as recorded.
Non-state participants (NGO coalitions, UN experts) are left out of all three.

Node keys: states by ISO3 (attributes ``label``, ``iso3``, ``type="state"``,
``bipartite=0``; in the state–state graphs also ``supports``, ``criticises``,
``abstains`` — how many positions of each side toward the target — and
``mean_side``, their mean on −1/0/+1 or None), acts by IRI (``label``, ``date`` as ISO text or None,
``kind``, ``forum`` IRI, ``forum_label``, ``target``, ``occasion`` IRI or None,
``type="act"``, ``bipartite=1``). The tallies on state nodes count positions
(acts), not items: they describe a state's record.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from ..sources.curated.items import items_of
from ..sources.curated.records import PositionRecord

__all__ = ["bipartite_graph", "coalition_graph", "signed_graph", "state_positions"]


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


def _pairs(records: list[PositionRecord], by_occasion: bool = True):
    """Yield (a, b, item key, relation, acts) for every pair of aligned states on an item, a < b.

    ``acts`` are the IRIs of the item's acts that a or b took part in.
    """
    for item in items_of(records, by_occasion):
        values = {s: v for s, v in item.values.items() if v == v}
        for a, b in combinations(sorted(values), 2):
            va, vb = values[a], values[b]
            relation = "same" if va == vb else "opposite" if va * vb == -1 else None
            if relation:
                acts = sorted(set(item.acts_of[a]) | set(item.acts_of[b]))
                yield a, b, item.key, relation, acts


def _state_nodes(g: nx.Graph, records: list[PositionRecord], by_occasion: bool = True) -> None:
    """Add every aligned state, with its tally of sides toward the target (per position)."""
    aligned = {s for item in items_of(records, by_occasion) for s in item.values}
    for r in records:
        if r.participant in aligned and r.participant != r.target and r.is_state:
            _add_state(g, r)
            node = g.nodes[r.participant]
            for key in ("supports", "criticises", "abstains"):
                node.setdefault(key, 0)
            if r.side is not None:
                node[{1: "supports", -1: "criticises", 0: "abstains"}[r.side]] += 1
    for _, node in g.nodes(data=True):
        sided = node["supports"] + node["criticises"] + node["abstains"]
        node["mean_side"] = (node["supports"] - node["criticises"]) / sided if sided else None


def coalition_graph(records: list[PositionRecord], by_occasion: bool = True) -> nx.Graph:
    """States linked when they took the same side: ``weight`` items, listed in ``items`` (date order),
    with the acts behind them in ``acts``.

    Every state with an aligned position is a node, even without an edge.

    Examples
    --------
    In the tiny world, AAA and BBB signed the 2020 and 2022 supporting statements
    (AAA's no and BBB's abstention in 2021 differ); CCC, DDD and EEE criticised
    together in 2020 and voted yes together in 2021:

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> g = coalition_graph(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> g.edges["AAA", "BBB"]["weight"]
    2
    >>> [i.rsplit("/", 1)[1] for i in g.edges["AAA", "BBB"]["items"]]
    ['w-2020-hrc', 'w-2022-support']
    >>> [a.rsplit("/", 1)[1] for a in g.edges["AAA", "BBB"]["acts"]]
    ['w-2020-support', 'w-2022-support']
    >>> g.edges["CCC", "EEE"]["weight"], g.has_edge("AAA", "CCC")
    (2, False)
    """
    g = nx.Graph(kind="coalition")
    _state_nodes(g, records, by_occasion)
    tally: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: {"items": [], "acts": []})
    for a, b, item, relation, acts in _pairs(records, by_occasion):
        if relation == "same":
            tally[(a, b)]["items"].append(item)
            tally[(a, b)]["acts"].extend(acts)
    for (a, b), t in tally.items():
        g.add_edge(a, b, weight=len(t["items"]), items=t["items"], acts=sorted(set(t["acts"])))
    return g


def signed_graph(records: list[PositionRecord], by_occasion: bool = True) -> nx.Graph:
    """States linked +1 per item on the same side and −1 per item on opposite sides.

    Edge attributes: ``positive`` and ``negative`` (counts of items), ``weight``
    = positive − negative, ``sign`` (+1, −1 or 0 when they balance),
    ``items_same`` and ``items_opposite`` (item keys in date order), ``acts_same`` and
    ``acts_opposite`` (sorted IRIs of the acts behind them). Pairs that only ever
    met as abstention against a side get no edge. Every state with an aligned
    position is a node.

    Examples
    --------
    AAA signed the supporting and CCC the critical statement of the 2020
    session; in the 2021 vote AAA voted no (supporting Syldavia) and CCC yes
    (criticising): two items on opposite sides, none on the same.

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> g = signed_graph(recs)
    >>> e = g.edges["AAA", "CCC"]
    >>> e["positive"], e["negative"], e["weight"], e["sign"]
    (0, 2, -2, -1)
    >>> [a.rsplit("/", 1)[1] for a in e["acts_opposite"]]
    ['w-2020-critical', 'w-2020-support', 'w-2021-vote']

    With one item per act they never signed the same act, so only the vote counts:

    >>> e = signed_graph(recs, by_occasion=False).edges["AAA", "CCC"]
    >>> e["positive"], e["negative"], e["weight"], e["sign"]
    (0, 1, -1, -1)

    AAA and EEE: together on the 2022 statement, opposite at the 2020 session and in the 2021 vote:

    >>> e = g.edges["AAA", "EEE"]
    >>> e["positive"], e["negative"], e["weight"], e["sign"]
    (1, 2, -1, -1)
    """
    g = nx.Graph(kind="signed")
    _state_nodes(g, records, by_occasion)
    tally: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(
        lambda: {"same": [], "opposite": [], "acts_same": [], "acts_opposite": []})
    for a, b, item, relation, acts in _pairs(records, by_occasion):
        tally[(a, b)][relation].append(item)
        tally[(a, b)]["acts_" + relation].extend(acts)
    for (a, b), t in tally.items():
        pos, neg = len(t["same"]), len(t["opposite"])
        w = pos - neg
        g.add_edge(a, b, positive=pos, negative=neg, weight=w, sign=(w > 0) - (w < 0),
                   items_same=t["same"], items_opposite=t["opposite"],
                   acts_same=sorted(set(t["acts_same"])), acts_opposite=sorted(set(t["acts_opposite"])))
    return g
