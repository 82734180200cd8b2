"""Project the position matrix onto state–state NetworkX graphs, with the items and acts behind every edge.

Derived views (never written back to the RDF graph), built from a
:class:`~graphkit.analysis.matrix.PositionMatrix` of any source, so the same
selection applies to all:

:func:`coalition_graph`
    an edge where two states took the **same** position on at least one item:
    ``weight`` = how many items, ``items`` = their ids (date order), ``acts`` =
    the IRIs of the acts behind them.
:func:`signed_graph`
    +1 per item on the same side, −1 per item on opposite sides (for a
    statement: one signed the critical and the other the supporting one; for a
    vote: one yes, one no): ``weight = positive − negative``, both counts, both
    item lists and both act lists kept, ``sign`` = +1 / −1 / 0. With
    ``weight="kappa"`` (or ``share``, ``s``, ``pi``) the tie is the pair's
    agreement index instead, for pairs with at least ``min_n`` items in common
    — what the vote sources use: with thousands of roll calls, whether two
    states agree more than chance matters more than how often.

Two abstentions are the same position; an abstention against a yes or a no is
neither same nor opposite, so pairs that only ever met that way get no edge in
the counted signed graph. A state's NaN (absent, or different sides within one
item) counts nowhere.

Node keys are state keys (ISO3 or historic keys) with attributes ``label``,
``iso3``, ``type="state"``, ``supports``, ``criticises``, ``abstains`` (how many
items the state was +1, −1, 0 on: for statements its side toward the target,
for votes yes / no / abstain) and ``mean_side`` (their mean, or None).
Edge item and act lists are kept when the matrix has at most
``ITEM_LIST_LIMIT`` items (the curated acts); for the vote sources' thousands
of roll calls only the counts are kept.
"""
from __future__ import annotations

import networkx as nx
import numpy as np

from .agreement import agreement_indices
from .matrix import PositionMatrix

__all__ = ["coalition_graph", "signed_graph", "pair_counts", "ITEM_LIST_LIMIT", "WEIGHTS"]

#: Above this many items, edges keep counts only (no item or act lists).
ITEM_LIST_LIMIT = 500
#: What can weigh a signed tie: counts (``net``) or an agreement index.
WEIGHTS = ("net", "share", "s", "kappa", "pi")


def pair_counts(matrix: PositionMatrix) -> tuple[np.ndarray, np.ndarray]:
    """``(same, opposite)``: for every pair, the items with the same value and with opposite sides (+1 against −1).

    Examples
    --------
    >>> from graphkit.analysis.matrix import item_frame
    >>> m = PositionMatrix(["A", "B"], np.array([[1, 0, -1, np.nan], [1, 0, 1, 1]]), item_frame(item=list("wxyz")))
    >>> same, opposite = pair_counts(m)
    >>> int(same[0, 1]), int(opposite[0, 1])
    (2, 1)
    """
    ix = agreement_indices(matrix.values)
    return ix["same"], ix["opposite"]


def _state_nodes(g: nx.Graph, matrix: PositionMatrix) -> None:
    for i, key in enumerate(matrix.keys):
        row = matrix.values[i]
        pro, con, abst = int((row == 1).sum()), int((row == -1).sum()), int((row == 0).sum())
        sided = pro + con + abst
        g.add_node(key, label=matrix.name(key), iso3=key, type="state", bipartite=0, supports=pro, criticises=con,
                   abstains=abst, mean_side=(pro - con) / sided if sided else None)


class _ItemLists:
    """Item ids and acts by column, read once from the matrix (pandas cell access per edge is slow)."""

    def __init__(self, matrix: PositionMatrix):
        self.ids = matrix.items["item"].tolist()
        self.acts = [tuple(a) for a in matrix.items["acts"].tolist()]
        self.by_state = matrix.item_acts

    def items(self, columns) -> list[str]:
        return [self.ids[c] for c in columns]

    def acts_of(self, columns, a: str, b: str) -> list[str]:
        out = set()
        for c in columns:
            by_state = self.by_state.get(self.ids[c])
            if by_state:
                out.update(by_state.get(a, ()))
                out.update(by_state.get(b, ()))
            else:
                out.update(self.acts[c])
        return sorted(out)


def _with_items(matrix: PositionMatrix, with_items: bool | None) -> bool:
    return len(matrix.items) <= ITEM_LIST_LIMIT if with_items is None else with_items


def coalition_graph(matrix: PositionMatrix, *, with_items: bool | None = None) -> nx.Graph:
    """States linked when they took the same position: ``weight`` items, listed in ``items``, acts in ``acts``.

    Every state with a position is a node, even without an edge.

    Examples
    --------
    In the tiny world, AAA and BBB signed the 2020 and 2022 supporting statements
    (AAA's no and BBB's abstention in 2021 differ); CCC, DDD and EEE criticised
    together in 2020 and voted yes together in 2021:

    >>> from graphkit.sources.curated.matrix import curated_matrix
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> g = coalition_graph(curated_matrix(position_records(tiny_world_graph(), Filters(target="SYL"))))
    >>> g.edges["AAA", "BBB"]["weight"]
    2
    >>> [i.rsplit("/", 1)[1] for i in g.edges["AAA", "BBB"]["items"]]
    ['w-2020-hrc', 'w-2022-support']
    >>> [a.rsplit("/", 1)[1] for a in g.edges["AAA", "BBB"]["acts"]]
    ['w-2020-support', 'w-2022-support']
    >>> g.edges["CCC", "EEE"]["weight"], g.has_edge("AAA", "CCC")
    (2, False)
    """
    g = nx.Graph(kind="coalition", source=matrix.source)
    _state_nodes(g, matrix)
    same, _ = pair_counts(matrix)
    lists = _ItemLists(matrix) if _with_items(matrix, with_items) else None
    rows, cols = np.nonzero(np.triu(same, k=1))
    for i, j in zip(rows.tolist(), cols.tolist()):
        a, b = matrix.keys[i], matrix.keys[j]
        attrs = {"weight": int(same[i, j])}
        if lists:
            columns = np.flatnonzero(matrix.values[i] == matrix.values[j])
            attrs.update(items=lists.items(columns), acts=lists.acts_of(columns, a, b))
        g.add_edge(a, b, **attrs)
    return g


def signed_graph(matrix: PositionMatrix, *, weight: str = "net", min_n: int = 1, metric: str = "squared",
                 with_items: bool | None = None) -> nx.Graph:
    """States linked +1 per item on the same side and −1 per item on opposite sides (or by an agreement index).

    Parameters
    ----------
    weight : str
        ``net`` (the default): ``weight = positive − negative``, an edge for
        every pair with a same or opposite item. Or an index of
        :func:`~graphkit.analysis.agreement.agreement_indices` (``kappa``,
        ``pi``, ``s``, ``share``): ``weight`` = that index, an edge for every
        pair with at least ``min_n`` items in common and a defined, non-zero index.
    min_n : int
        Fewest items in common for a tie.

    Edge attributes: ``positive`` and ``negative`` (counts of items), ``n`` (items
    both took part in), ``weight``, ``sign`` (+1, −1 or 0), and with item lists
    ``items_same``, ``items_opposite`` (ids in date order), ``acts_same``,
    ``acts_opposite`` (sorted act IRIs).

    Examples
    --------
    AAA signed the supporting and CCC the critical statement of the 2020
    session; in the 2021 vote AAA voted no (supporting Syldavia) and CCC yes
    (criticising): two items on opposite sides, none on the same.

    >>> from graphkit.sources.curated.matrix import curated_matrix
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> g = signed_graph(curated_matrix(recs))
    >>> e = g.edges["AAA", "CCC"]
    >>> e["positive"], e["negative"], e["weight"], e["sign"]
    (0, 2, -2, -1)
    >>> [a.rsplit("/", 1)[1] for a in e["acts_opposite"]]
    ['w-2020-critical', 'w-2020-support', 'w-2021-vote']

    With one item per act they never signed the same act, so only the vote counts:

    >>> e = signed_graph(curated_matrix(recs, by_occasion=False)).edges["AAA", "CCC"]
    >>> e["positive"], e["negative"], e["weight"], e["sign"]
    (0, 1, -1, -1)

    AAA and EEE: together on the 2022 statement, opposite at the 2020 session and in the 2021 vote:

    >>> e = g.edges["AAA", "EEE"]
    >>> e["positive"], e["negative"], e["weight"], e["sign"]
    (1, 2, -1, -1)
    """
    if weight not in WEIGHTS:
        raise ValueError(f"weight must be one of {WEIGHTS}")
    g = nx.Graph(kind="signed", source=matrix.source, weight=weight)
    _state_nodes(g, matrix)
    ix = agreement_indices(matrix.values, metric)
    same, opposite = ix["same"], ix["opposite"]
    if weight == "net":
        w = same - opposite
        keep = (same + opposite) > 0
    else:
        w = ix[weight]
        keep = (ix["n"] >= max(min_n, 1)) & np.isfinite(w) & (w != 0)
    keep &= ix["n"] >= max(min_n, 1)
    lists = _ItemLists(matrix) if _with_items(matrix, with_items) else None
    rows, cols = np.nonzero(np.triu(keep, k=1))
    for i, j in zip(rows.tolist(), cols.tolist()):
        a, b = matrix.keys[i], matrix.keys[j]
        x = float(w[i, j]) if weight != "net" else int(w[i, j])
        attrs = {"positive": int(same[i, j]), "negative": int(opposite[i, j]), "n": int(ix["n"][i, j]),
                 "weight": x, "sign": (x > 0) - (x < 0)}
        if lists:
            vi, vj = matrix.values[i], matrix.values[j]
            s_cols, o_cols = np.flatnonzero(vi == vj), np.flatnonzero(vi * vj == -1)
            attrs.update(items_same=lists.items(s_cols), items_opposite=lists.items(o_cols),
                         acts_same=lists.acts_of(s_cols, a, b), acts_opposite=lists.acts_of(o_cols, a, b))
        g.add_edge(a, b, **attrs)
    return g
