"""Blocs in a signed graph: signed modularity, and how far the graph is from balance.

:func:`signed_blocs` partitions the states of a :func:`~graphkit.analysis.projections.signed_graph`
so that positive ties fall inside blocs and negative ties between them. It
maximises **signed modularity** (Gómez, Jensen and Arenas 2009; Traag and
Bruggeman 2009)::

    Q = Q(G+) − Q(G−),   Q(G±) = 1/(2m±) Σ_ij (A±_ij − γ k±_i k±_j / (2m±)) δ(c_i, c_j)

where ``A+`` holds the positive net weights (``max(weight, 0)``) and ``A−`` the
negative ones (``max(−weight, 0)``), each layer normalised by its own total
weight, so a negative tie *inside* a bloc costs what a positive tie earns.
Plain Louvain on negative weights would instead treat them as "less than
nothing" in one null model and give meaningless results.

The optimiser is written in numpy: ``Q = Σ_ij B_ij δ(c_i, c_j)`` with the
signed modularity matrix ``B``; Louvain-style passes move single nodes to the
bloc that raises Q most, in a random order drawn from ``seed``, then merge
blocs into super-nodes (``M.T @ B @ M``, exact since Q is linear in B) and
repeat until nothing moves. The best of ``starts`` seeded restarts is kept:
the same seed always gives the same blocs.

:func:`structural_balance` reports the **frustration index** — the fewest
ties that violate a split into two camps (a negative tie inside a camp or a
positive tie across) — and the most unbalanced triads (triangles with an odd
number of negative ties).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
import numpy as np

__all__ = ["Bloc", "BlocResult", "signed_blocs", "signed_modularity_matrix", "modularity",
           "BalanceReport", "structural_balance", "bloc_stance"]


@dataclass
class Bloc:
    """One bloc: its members, core, stance toward the target and cohesion.

    ``core`` are the members with the most positive ties inside the bloc
    (weighted); ``mean_side`` the mean of the members' mean sides toward the
    target; ``stance`` "supports" (mean_side ≥ 0.5), "criticises" (≤ −0.5) or
    "mixed"; ``cohesion`` the share of member pairs whose net tie is positive
    (1.0 = every two members sided together more often than against; None for
    a bloc of one); ``internal_negative`` the member pairs with a negative tie.
    """

    id: int
    members: list[str]
    core: list[str]
    stance: str
    mean_side: float | None
    cohesion: float | None
    internal_negative: int = 0

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass
class BlocResult:
    """The blocs found by :func:`signed_blocs`."""

    membership: dict[str, int]
    blocs: list[Bloc]
    modularity: float
    seed: int
    labels: dict[str, str] = field(default_factory=dict)

    def bloc_of(self, state: str) -> Bloc:
        """The bloc a state belongs to."""
        return self.blocs[self.membership[state]]


def signed_modularity_matrix(signed: nx.Graph, nodes: list[str], resolution: float = 1.0) -> np.ndarray:
    """``B = B+/(2m+) − B−/(2m−)`` for the net weights of ``signed`` (a layer without ties adds nothing)."""
    w = nx.to_numpy_array(signed, nodelist=nodes, weight="weight", dtype=float)
    b = np.zeros_like(w)
    for layer, sign in ((np.clip(w, 0, None), 1.0), (np.clip(-w, 0, None), -1.0)):
        two_m = layer.sum()
        if two_m > 0:
            k = layer.sum(axis=1)
            b += sign * (layer - resolution * np.outer(k, k) / two_m) / two_m
    return b


def modularity(b: np.ndarray, labels: np.ndarray) -> float:
    """``Σ_ij B_ij δ(c_i, c_j)`` for a membership vector."""
    m = np.eye(labels.max() + 1)[labels] if len(labels) else np.zeros((0, 0))
    return float(np.sum((m.T @ b @ m).diagonal()))


def _local_moves(b: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Move single nodes between groups while Q rises; return a compact label vector."""
    n = len(b)
    labels = np.arange(n)
    diag = b.diagonal().copy()
    improved = True
    while improved:
        improved = False
        for i in rng.permutation(n):
            k = labels.max() + 1
            m = np.zeros((n, k))
            m[np.arange(n), labels] = 1.0
            links = b[i] @ m                      # Σ_{j in c} B_ij, for every group c
            links[labels[i]] -= diag[i]           # without i itself
            links = np.append(links, 0.0)         # a new group of its own
            current = labels[i]
            best = int(np.argmax(links))
            if best != current and links[best] - links[current] > 1e-12:
                labels[i] = best
                improved = True
        labels = np.unique(labels, return_inverse=True)[1]
    return labels


def _louvain(b: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    labels = np.arange(len(b))
    current = b
    while True:
        local = _local_moves(current, rng)
        if local.max() + 1 == len(current):       # nothing merged: done
            return np.unique(labels, return_inverse=True)[1]
        labels = local[labels]
        m = np.eye(local.max() + 1)[local]
        current = m.T @ current @ m


def bloc_stance(mean_side: float | None) -> str:
    """"supports" for a mean side ≥ 0.5, "criticises" for ≤ −0.5, else "mixed"."""
    if mean_side is None:
        return "mixed"
    return "supports" if mean_side >= 0.5 else "criticises" if mean_side <= -0.5 else "mixed"


def signed_blocs(signed: nx.Graph, seed: int = 0, *, starts: int = 10, resolution: float = 1.0,
                 core_size: int = 3) -> BlocResult:
    """Blocs of a signed graph by signed modularity, reproducible with ``seed``.

    Parameters
    ----------
    signed : networkx.Graph
        A :func:`~graphkit.analysis.projections.signed_graph`: edge ``weight`` (net,
        may be negative); node ``mean_side`` (optional) and ``label``.
    seed : int
        Seed of the random node orders; the same seed gives the same blocs.
    starts : int
        Restarts; the partition with the highest Q is kept.
    resolution : float
        γ in the null models (higher → smaller blocs).
    core_size : int
        How many central members name a bloc.

    Returns
    -------
    BlocResult
        ``membership`` (state → bloc id), ``blocs`` (largest first; ids are
        their positions), ``modularity`` (Q of the partition).

    Examples
    --------
    Two triangles of friends, enemies across:

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("A", "B", 2), ("B", "C", 1), ("A", "C", 1),
    ...                            ("D", "E", 1), ("E", "F", 1), ("D", "F", 1),
    ...                            ("A", "D", -1), ("C", "F", -1)])
    >>> r = signed_blocs(g, seed=1)
    >>> [b.members for b in r.blocs]
    [['A', 'B', 'C'], ['D', 'E', 'F']]
    >>> r.blocs[0].core, r.blocs[0].cohesion
    (['A', 'B', 'C'], 1.0)

    The tiny world splits into Syldavia's supporters and critics; EEE, on both
    sides, lands with the critics it voted with most often:

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> from graphkit.analysis.projections import signed_graph
    >>> r = signed_blocs(signed_graph(position_records(tiny_world_graph(), Filters(target="SYL"))))
    >>> [(b.members, b.stance) for b in r.blocs]
    [(['CCC', 'DDD', 'EEE'], 'criticises'), (['AAA', 'BBB'], 'supports')]
    """
    nodes = sorted(signed.nodes)
    if not nodes:
        return BlocResult({}, [], 0.0, seed)
    b = signed_modularity_matrix(signed, nodes, resolution)
    rng = np.random.default_rng(seed)
    best, best_q = None, -np.inf
    for _ in range(max(1, starts)):
        labels = _louvain(b, rng)
        q = modularity(b, labels)
        if q > best_q + 1e-12:
            best, best_q = labels, q
    groups: dict[int, list[str]] = {}
    for node, label in zip(nodes, best):
        groups.setdefault(int(label), []).append(node)
    ordered = sorted(groups.values(), key=lambda members: (-len(members), members))
    membership = {node: i for i, members in enumerate(ordered) for node in members}
    blocs = [_describe(i, members, signed, core_size) for i, members in enumerate(ordered)]
    labels_ = {n: signed.nodes[n].get("label", n) for n in nodes}
    return BlocResult(membership, blocs, best_q, seed, labels_)


def _describe(i: int, members: list[str], signed: nx.Graph, core_size: int) -> Bloc:
    sub = signed.subgraph(members)
    strength = {m: sum(max(d.get("weight", 0), 0) for _, _, d in sub.edges(m, data=True)) for m in members}
    core = sorted(members, key=lambda m: (-strength[m], m))[:core_size]
    sides = [signed.nodes[m].get("mean_side") for m in members]
    sides = [s for s in sides if s is not None]
    mean_side = float(np.mean(sides)) if sides else None
    pairs = len(members) * (len(members) - 1) // 2
    positive = sum(1 for _, _, d in sub.edges(data=True) if d.get("weight", 0) > 0)
    negative = sum(1 for _, _, d in sub.edges(data=True) if d.get("weight", 0) < 0)
    return Bloc(i, members, core, bloc_stance(mean_side), mean_side,
                positive / pairs if pairs else None, negative)


# ---- structural balance

@dataclass
class BalanceReport:
    """Frustration of a signed graph and its most unbalanced triads.

    ``frustration`` is the number of ties (net sign ≠ 0) violating the best
    two-camp split found (``camps``); ``exact`` says whether every split was
    tried (graphs up to ``exact_limit`` nodes) or a seeded local search gave
    an upper bound (``method``). ``partition_frustration`` counts the ties
    violating a given partition (e.g. the blocs), when one was passed.
    ``triads`` lists unbalanced triangles, strongest first, each with its
    three ties (``(a, b, weight)``).
    """

    frustration: int
    ties: int
    exact: bool
    method: str
    camps: tuple[list[str], list[str]]
    violations: list[tuple[str, str, int]]
    unbalanced_triads: int
    triads_total: int
    triads: list[dict]
    partition_frustration: int | None = None

    @property
    def balance(self) -> float:
        """1 − frustration / ties (1.0 = perfectly balanced)."""
        return 1.0 - self.frustration / self.ties if self.ties else 1.0


def _violations(sign: np.ndarray, camp: np.ndarray) -> np.ndarray:
    """Per row of ``camp`` (splits), the number of ties violating it (upper triangle of ``sign``)."""
    iu, ju = np.nonzero(np.triu(sign, 1))
    s = sign[iu, ju]
    same = camp[:, iu] == camp[:, ju]
    return np.where(s > 0, ~same, same).sum(axis=1)


def _frustration(sign: np.ndarray, seed: int, exact_limit: int, starts: int) -> tuple[np.ndarray, bool, str]:
    n = len(sign)
    if n <= exact_limit:
        if n == 0:
            return np.zeros(0, dtype=int), True, "exact (no state)"
        codes = np.arange(2 ** (n - 1))[:, None]
        camps = ((codes >> np.arange(n)) & 1).astype(np.int8)  # node n−1 always in camp 0
        v = _violations(sign, camps)
        return camps[int(np.argmin(v))].astype(int), True, f"exact (all {2 ** (n - 1)} two-camp splits)"
    rng = np.random.default_rng(seed)
    vals, vecs = np.linalg.eigh(sign.astype(float))
    candidates = [(vecs[:, -1] >= 0).astype(int)] + [rng.integers(0, 2, n) for _ in range(starts)]
    best, best_v = None, None
    for camp in candidates:
        camp = camp.copy()
        while True:
            spin = np.where(camp == 1, 1, -1)
            # violated ties per node: positive tie across, negative tie inside
            agree = sign * np.outer(spin, spin)
            gain = (agree < 0).sum(axis=1) - (agree > 0).sum(axis=1)  # flipping i swaps these
            i = int(np.argmax(gain))
            if gain[i] <= 0:
                break
            camp[i] = 1 - camp[i]
        v = int(_violations(sign, camp[None, :])[0])
        if best_v is None or v < best_v:
            best, best_v = camp, v
    return best, False, f"heuristic (seeded local search, {starts} random starts + spectral start; an upper bound)"


def structural_balance(signed: nx.Graph, partition: dict[str, int] | None = None, *, seed: int = 0,
                       exact_limit: int = 16, starts: int = 20, top: int = 10) -> BalanceReport:
    """Frustration index and most unbalanced triads of a signed graph.

    Only the sign of each tie's net ``weight`` counts (ties netting 0 are left out).

    Parameters
    ----------
    signed : networkx.Graph
        Edge attribute ``weight`` (net, signed).
    partition : dict, optional
        State → group (e.g. :attr:`BlocResult.membership`): also count the ties it violates.
    seed, exact_limit, starts :
        Exact search over all two-camp splits up to ``exact_limit`` nodes, else
        a seeded local search from ``starts`` random splits and the spectral split.
    top : int
        How many unbalanced triads to list.

    Examples
    --------
    A triangle of two friends who share an enemy is balanced; three mutual
    friends with one enemy pair is not (one tie must break):

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("A", "B", 3), ("B", "C", 1), ("A", "C", -1)])
    >>> r = structural_balance(g)
    >>> r.frustration, r.exact, r.unbalanced_triads, r.triads[0]["states"]
    (1, True, 1, ['A', 'B', 'C'])
    >>> g["A"]["C"]["weight"] = 1
    >>> structural_balance(g).frustration
    0
    """
    nodes = sorted(signed.nodes)
    w = nx.to_numpy_array(signed, nodelist=nodes, weight="weight", dtype=float) if nodes else np.zeros((0, 0))
    sign = np.sign(w).astype(int)
    camp, exact, method = _frustration(sign, seed, exact_limit, starts)
    iu, ju = np.nonzero(np.triu(sign, 1))
    violations = [(nodes[i], nodes[j], int(w[i, j])) for i, j in zip(iu, ju)
                  if (sign[i, j] > 0) != (camp[i] == camp[j])]
    camps = ([n for n, c in zip(nodes, camp) if c == 0], [n for n, c in zip(nodes, camp) if c == 1])
    part_v = None
    if partition is not None:
        part_v = sum(1 for i, j in zip(iu, ju)
                     if (sign[i, j] > 0) != (partition.get(nodes[i]) == partition.get(nodes[j])))
    triads, unbalanced, total = _triads(nodes, w, sign, top)
    return BalanceReport(len(violations), len(iu), exact, method, camps, violations, unbalanced, total,
                         triads, part_v)


def _triads(nodes, w, sign, top):
    """Count triangles and list the ``top`` unbalanced ones by their weakest tie's strength."""
    n = len(nodes)
    found = []
    unbalanced = total = 0
    for i in range(n):
        js = np.nonzero(sign[i, i + 1:])[0] + i + 1
        if len(js) < 2:
            continue
        sub = sign[np.ix_(js, js)]
        prod = sign[i, js][:, None] * sign[i, js][None, :] * sub
        upper = np.triu(np.ones_like(prod, dtype=bool), 1)
        total += int(((prod != 0) & upper).sum())
        bad = np.argwhere((prod < 0) & upper)
        unbalanced += len(bad)
        for a, b in bad:
            j, k = js[a], js[b]
            ws = (w[i, j], w[j, k], w[i, k])
            found.append((min(abs(x) for x in ws), sum(abs(x) for x in ws), i, j, k))
    found.sort(key=lambda t: (-t[0], -t[1], t[2], t[3], t[4]))
    rows = []
    for strength, _, i, j, k in found[:top]:
        rows.append({"states": [nodes[i], nodes[j], nodes[k]], "strength": int(strength),
                     "ties": [(nodes[a], nodes[b], int(w[a, b])) for a, b in ((i, j), (j, k), (i, k))],
                     "negative": sum(1 for a, b in ((i, j), (j, k), (i, k)) if w[a, b] < 0)})
    return rows, unbalanced, total
