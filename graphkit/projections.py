"""Project position records onto NetworkX graphs, with the acts behind every edge.

Three derived views of the RDF graph (never written back to it), all built
from the same :class:`~graphkit.records.PositionRecord` list, so the same
filters (time window, forum, topic, target, act kind) apply to all:

:func:`bipartite_graph`
    states and acts; an edge per position (stance, side, roles, act, date,
    forum, topics).
:func:`coalition_graph`
    states only; an edge where two states took the **same side** in at least
    one act: ``weight`` = how many acts, ``acts`` = their IRIs.
:func:`signed_graph`
    states only; +1 per act on the same side, −1 per act on opposite sides
    (one +1 and one −1 toward the target): ``weight = positive − negative``,
    with both counts and both act lists kept, and ``sign`` = +1 / −1 / 0.

What counts as a side: a position's ``side`` toward the target (+1 supports,
−1 criticises, 0 abstains); for a recorded vote with no ``gk:yesImplies``, the
raw choice (yes, no, abstain) — two such votes are on the same side when they
made the same choice and on opposite sides when one said yes and the other
no. Two abstentions are the *same side* (the same choice); an abstention
against a yes or a no is neither same nor opposite. Positions without a side
(a rejection) are left out of the state–state graphs.

The target's own positions are left out of the state–state graphs: China
listed among the signatories of a statement supporting China expresses no
alignment *with* the others, and counting it would make the target the hub
of its own camp. The bipartite graph keeps every state position as recorded.
Non-state participants (NGO coalitions, UN experts) are left out of all three.

Node keys: states by ISO3 (attributes ``label``, ``iso3``, ``type="state"``,
``bipartite=0``; in the state–state graphs also ``supports``, ``criticises``,
``abstains`` — how many positions of each side toward the target — and
``mean_side``, their mean on −1/0/+1 or None), acts by IRI (``label``, ``date`` as ISO text or None,
``kind``, ``forum`` IRI, ``forum_label``, ``target``, ``type="act"``,
``bipartite=1``).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from .agreement import position_value
from .records import PositionRecord

__all__ = ["bipartite_graph", "coalition_graph", "signed_graph", "state_positions"]


def _date(r: PositionRecord) -> str | None:
    return r.date.isoformat() if r.date is not None else None


def _add_state(g: nx.Graph, r: PositionRecord) -> None:
    if r.participant not in g:
        g.add_node(r.participant, label=r.participant_label, iso3=r.participant, type="state", bipartite=0)


def state_positions(records: list[PositionRecord]) -> dict[str, dict[str, int]]:
    """Per act IRI, each aligned state's value (+1 / 0 / −1), as the state–state graphs see it.

    Non-states, the target's own positions and positions without a side are left out.

    Examples
    --------
    >>> from graphkit.testing import tiny_world_graph
    >>> from graphkit.records import position_records, Filters
    >>> pos = state_positions(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> sorted(pos["https://w3id.org/graphkit/id/act/w-2021-vote"].items())
    [('AAA', 1), ('BBB', 0), ('CCC', -1), ('DDD', -1), ('EEE', -1)]
    """
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for r in records:
        if not r.is_state or r.participant == r.target:
            continue
        value = position_value(r)
        if value is not None:
            out[r.act][r.participant] = value
    return dict(out)


def bipartite_graph(records: list[PositionRecord]) -> nx.Graph:
    """The state–act graph: one edge per state position, carrying the position.

    Edge attributes: ``stance`` (supports, criticises, yes, ...), ``side``
    (+1 / −1 / 0 / None), ``roles`` (list), ``act`` (IRI), ``date`` (ISO text),
    ``forum`` (IRI), ``topics`` (list of slugs).

    Examples
    --------
    >>> from graphkit.testing import tiny_world_graph
    >>> from graphkit.records import position_records, Filters
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
                       forum_label=r.forum_label, target=r.target, type="act", bipartite=1)
        g.add_edge(r.participant, r.act, stance=r.stance, side=r.side, roles=list(r.roles), act=r.act,
                   date=_date(r), forum=r.forum, topics=list(r.topics))
    return g


def _pairs(records: list[PositionRecord]):
    """Yield (a, b, act, relation) for every pair of aligned states in an act, a < b."""
    for act, values in state_positions(records).items():
        for a, b in combinations(sorted(values), 2):
            va, vb = values[a], values[b]
            if va == vb:
                yield a, b, act, "same"
            elif va * vb == -1:
                yield a, b, act, "opposite"


def _state_nodes(g: nx.Graph, records: list[PositionRecord]) -> None:
    """Add every aligned state, with its tally of sides toward the target."""
    positions = state_positions(records)
    aligned = {s for values in positions.values() for s in values}
    for r in records:
        if r.participant in aligned and r.participant != r.target:
            _add_state(g, r)
            node = g.nodes[r.participant]
            for key in ("supports", "criticises", "abstains"):
                node.setdefault(key, 0)
            if r.side is not None:
                node[{1: "supports", -1: "criticises", 0: "abstains"}[r.side]] += 1
    for _, node in g.nodes(data=True):
        sided = node["supports"] + node["criticises"] + node["abstains"]
        node["mean_side"] = (node["supports"] - node["criticises"]) / sided if sided else None


def coalition_graph(records: list[PositionRecord]) -> nx.Graph:
    """States linked when they took the same side: ``weight`` acts, listed in ``acts``.

    Every state with an aligned position is a node, even without an edge.

    Examples
    --------
    In the tiny world, AAA and BBB signed the 2020 and 2022 supporting statements
    (AAA's no and BBB's abstention in 2021 differ); CCC, DDD and EEE criticised
    together in 2020 and voted yes together in 2021:

    >>> from graphkit.testing import tiny_world_graph
    >>> from graphkit.records import position_records, Filters
    >>> g = coalition_graph(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> g.edges["AAA", "BBB"]["weight"]
    2
    >>> [a.rsplit("/", 1)[1] for a in g.edges["AAA", "BBB"]["acts"]]
    ['w-2020-support', 'w-2022-support']
    >>> g.edges["CCC", "EEE"]["weight"], g.has_edge("AAA", "CCC")
    (2, False)
    """
    g = nx.Graph(kind="coalition")
    _state_nodes(g, records)
    acts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, b, act, relation in _pairs(records):
        if relation == "same":
            acts[(a, b)].append(act)
    for (a, b), same in acts.items():
        g.add_edge(a, b, weight=len(same), acts=sorted(same))
    return g


def signed_graph(records: list[PositionRecord]) -> nx.Graph:
    """States linked +1 per act on the same side and −1 per act on opposite sides.

    Edge attributes: ``positive`` and ``negative`` (counts), ``weight`` =
    positive − negative, ``sign`` (+1, −1 or 0 when they balance),
    ``acts_same`` and ``acts_opposite`` (sorted act IRIs). Pairs that only ever
    met as abstention against a side get no edge. Every state with an aligned
    position is a node.

    Examples
    --------
    In the 2021 vote AAA voted no (supporting Syldavia) and CCC yes (criticising);
    they never signed together, so one negative act:

    >>> from graphkit.testing import tiny_world_graph
    >>> from graphkit.records import position_records, Filters
    >>> g = signed_graph(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> e = g.edges["AAA", "CCC"]
    >>> e["positive"], e["negative"], e["weight"], e["sign"]
    (0, 1, -1, -1)

    AAA and EEE: together on the 2022 statement, opposite in the 2021 vote:

    >>> e = g.edges["AAA", "EEE"]
    >>> e["positive"], e["negative"], e["weight"], e["sign"]
    (1, 1, 0, 0)
    >>> [a.rsplit("/", 1)[1] for a in e["acts_same"] + e["acts_opposite"]]
    ['w-2022-support', 'w-2021-vote']
    """
    g = nx.Graph(kind="signed")
    _state_nodes(g, records)
    tally: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: {"same": [], "opposite": []})
    for a, b, act, relation in _pairs(records):
        tally[(a, b)][relation].append(act)
    for (a, b), t in tally.items():
        pos, neg = len(t["same"]), len(t["opposite"])
        w = pos - neg
        g.add_edge(a, b, positive=pos, negative=neg, weight=w, sign=(w > 0) - (w < 0),
                   acts_same=sorted(t["same"]), acts_opposite=sorted(t["opposite"]))
    return g
