"""One function per CLI command: the analyses behind ``blocs``, ``compare``, ``state`` and ``explain``.

Each takes position records (and the graph where evidence is needed) and
returns plain data, so a notebook gets exactly what the command prints. Each
takes ``by_occasion`` (default True): rival acts of one occasion are one item
(see :mod:`graphkit.analysis.agreement`); False makes every act an item (``--by-act``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from rdflib import Graph

from ..analysis.agreement import agreement_indices, pair_agreement, vote_matrix
from ..analysis.blocs import BalanceReport, BlocResult, signed_blocs, structural_balance
from ..analysis.centrality import bloc_bridges
from ..graph.evidence import act_evidence
from ..analysis.projections import coalition_graph, signed_graph
from ..sources.curated.records import PositionRecord
from ..analysis.swing import swing_states

__all__ = ["BlocsReport", "blocs_report", "compare_states", "pairwise_rows", "state_profile", "explain_pair"]


@dataclass
class BlocsReport:
    """Blocs, swing states, balance and bridges of one selection."""

    blocs: BlocResult
    swing: list[dict]
    balance: BalanceReport
    bridges: list[dict]

    def bloc_rows(self) -> list[dict]:
        """One row per bloc: id, size, stance, mean side, cohesion, core members (with names), members."""
        names = self.blocs.labels
        return [{"bloc": b.id, "size": b.size, "stance": b.stance, "mean_side": b.mean_side,
                 "cohesion": b.cohesion, "core": [f"{c} ({names.get(c, c)})" for c in b.core],
                 "members": b.members} for b in self.blocs.blocs]


def blocs_report(records: list[PositionRecord], seed: int = 0, by_occasion: bool = True) -> BlocsReport:
    """Signed blocs, swing states (with acts), structural balance and bridges of a selection.

    Examples
    --------
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> rep = blocs_report(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> [(r["bloc"], r["size"], r["stance"]) for r in rep.bloc_rows()]
    [(0, 3, 'criticises'), (1, 2, 'supports')]
    >>> [(s["state"], s["reasons"]) for s in rep.swing]
    [('BBB', ['abstained']), ('EEE', ['both sides'])]

    With the 2020 session as one item the two camps are perfectly balanced (every
    tie between them negative, every tie inside positive or nil). With one item
    per act, one tie must break: the cycle AAA+BBB+EEE+CCC−AAA has one negative tie.

    >>> rep.balance.frustration, rep.balance.exact, rep.balance.unbalanced_triads
    (0, True, 0)
    >>> blocs_report(position_records(tiny_world_graph(), Filters(target="SYL")), by_occasion=False).balance.frustration
    1
    """
    signed = signed_graph(records, by_occasion)
    blocs = signed_blocs(signed, seed=seed)
    swing = swing_states(records, signed, blocs.membership)
    balance = structural_balance(signed, blocs.membership, seed=seed)
    bridges = bloc_bridges(coalition_graph(records, by_occasion), blocs.membership)
    return BlocsReport(blocs, swing, balance, bridges)


def _num(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def compare_states(records: list[PositionRecord], states: list[str], metric: str = "squared",
                   by_occasion: bool = True) -> list[dict]:
    """All pairs among ``states``: n, share, S, κ, π (None where undefined), in the order given.

    Examples
    --------
    CCC met AAA and BBB at the 2020 session (on the other side) and in the 2021 vote:

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> [(r["a"], r["b"], r["n"], r["share"]) for r in compare_states(recs, ["AAA", "BBB", "CCC"])]
    [('AAA', 'BBB', 3, 0.6666666666666666), ('AAA', 'CCC', 2, 0.0), ('BBB', 'CCC', 2, 0.0)]
    >>> [(r["a"], r["b"], r["n"]) for r in compare_states(recs, ["AAA", "BBB", "CCC"], by_occasion=False)]
    [('AAA', 'BBB', 3), ('AAA', 'CCC', 1), ('BBB', 'CCC', 1)]
    """
    m = vote_matrix(records, by_occasion)
    return pairwise_rows(m.states, m.values, states, metric)


def pairwise_rows(keys: list[str], values: np.ndarray, states: list[str], metric: str = "squared") -> list[dict]:
    """All pairs among ``states`` from a keys × items matrix: n, share, S, κ, π (None where undefined).

    Shared by :func:`compare_states` (curated acts) and
    :func:`graphkit.analysis.votes.compare_pairs` (GA roll calls). A state
    without a row in ``keys`` has N = 0 with everyone.

    Examples
    --------
    >>> import numpy as np
    >>> values = np.array([[1, 1, -1], [1, -1, np.nan]])
    >>> [(r["a"], r["b"], r["n"], r["share"]) for r in pairwise_rows(["AAA", "BBB"], values, ["BBB", "AAA", "ZZZ"])]
    [('BBB', 'AAA', 2, 0.5), ('BBB', 'ZZZ', 0, None), ('AAA', 'ZZZ', 0, None)]
    """
    index = {s: i for i, s in enumerate(keys)}
    chosen = np.full((len(states), values.shape[1]), np.nan)
    for k, s in enumerate(states):
        if s in index:
            chosen[k] = values[index[s]]
    ix = agreement_indices(chosen, metric)
    rows = []
    for i in range(len(states)):
        for j in range(i + 1, len(states)):
            rows.append({"a": states[i], "b": states[j], "n": int(ix["n"][i, j]),
                         **{k: _num(float(ix[k][i, j])) for k in ("share", "s", "kappa", "pi")}})
    return rows


def state_profile(records: list[PositionRecord], state: str, top: int = 5, metric: str = "squared",
                  by_occasion: bool = True) -> dict:
    """One state's record (its positions) and its closest and most opposed partners.

    When the state is itself the target of acts, ``as_target`` lists the states
    that most often supported and criticised it (its own positions on acts
    about itself are no alignment and do not count among partners).

    Partners are ranked by net ties in the signed graph (items on the same side
    minus items on opposite sides), then by share of agreement and N.

    Examples
    --------
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> p = state_profile(position_records(tiny_world_graph(), Filters(target="SYL")), "EEE")
    >>> [(a["act_id"], a["stance"]) for a in p["positions"]]
    [('w-2020-critical', 'criticises'), ('w-2021-vote', 'yes'), ('w-2022-support', 'supports')]
    >>> [(q["partner"], q["same"], q["opposite"]) for q in p["closest"]]
    [('CCC', 2, 0), ('DDD', 2, 0), ('BBB', 1, 1), ('AAA', 1, 2)]
    """
    positions = [{"date": r.date, "act_id": r.act_id, "act": r.act, "label": r.act_label, "kind": r.kind,
                  "forum": r.forum_label, "target": r.target, "stance": r.stance, "side": r.side,
                  "roles": list(r.roles)} for r in records if r.participant == state]
    signed = signed_graph(records, by_occasion)
    m = vote_matrix(records, by_occasion)
    partners = []
    if state in m.states:
        ix = agreement_indices(m.values, metric)
        i = m.states.index(state)
        for j, other in enumerate(m.states):
            if other == state or ix["n"][i, j] == 0:
                continue
            e = signed.edges[state, other] if signed.has_edge(state, other) else {}
            partners.append({"partner": other, "name": m.labels.get(other, other), "n": int(ix["n"][i, j]),
                             "same": e.get("positive", 0), "opposite": e.get("negative", 0),
                             "net": e.get("weight", 0),
                             **{k: _num(float(ix[k][i, j])) for k in ("share", "s", "kappa", "pi")}})
    partners.sort(key=lambda p: (-p["net"], -(p["share"] or 0), -p["n"], p["partner"]))
    opposed = sorted([p for p in partners if p["net"] < 0], key=lambda p: (p["net"], p["partner"]))
    toward: dict[str, dict[str, list[str]]] = {}
    for r in records:
        if r.target == state and r.is_state and r.participant != state and r.side in (1, -1):
            key = "supporters" if r.side == 1 else "critics"
            toward.setdefault(key, {}).setdefault(r.participant, []).append(r.act_id)
    as_target = {key: [{"state": s, "acts": len(acts), "act_ids": acts}
                       for s, acts in sorted(toward.get(key, {}).items(), key=lambda kv: (-len(kv[1]), kv[0]))][:top]
                 for key in ("supporters", "critics")}
    name = next((r.participant_label for r in records if r.participant == state), state)
    sides = [p["side"] for p in positions if p["side"] is not None and p["target"] != state]
    return {"state": state, "name": name, "positions": positions,
            "supports": sum(1 for s in sides if s == 1), "criticises": sum(1 for s in sides if s == -1),
            "abstains": sum(1 for s in sides if s == 0),
            "closest": partners[:top], "opposed": opposed[:top], "partners": len(partners),
            "as_target": as_target}


def explain_pair(graph: Graph, records: list[PositionRecord], a: str, b: str, metric: str = "squared",
                 by_occasion: bool = True) -> dict:
    """The items behind a pair's indices, each with its acts and the sources and excerpts behind them.

    Returns :func:`~graphkit.analysis.agreement.pair_agreement`'s dict where every item
    in ``items`` and ``mixed`` gains ``evidence`` (for an occasion: the
    evidence that places its acts together, ``about = "occasion"``; else an
    empty list) and every act in its ``acts`` gains ``evidence``: rows of
    :func:`~graphkit.graph.evidence.act_evidence` for the act and both states' positions.

    Examples
    --------
    AAA and CCC answered each other at the 2020 session and voted apart in 2021:

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> g = tiny_world_graph()
    >>> x = explain_pair(g, position_records(g, Filters(target="SYL")), "AAA", "CCC")
    >>> x["n"], [(i["item_id"], i["stance_a"], i["stance_b"]) for i in x["items"]]
    (2, [('w-2020-hrc', 'supports', 'criticises'), ('w-2021-vote', 'no', 'yes')])
    >>> [act["act_id"] for act in x["items"][0]["acts"]]
    ['w-2020-critical', 'w-2020-support']
    >>> [(e["about"], e["source"]) for e in x["items"][0]["evidence"]]
    [('occasion', 'gazette')]
    >>> sorted({e["source"] for e in x["items"][1]["acts"][0]["evidence"]})
    ['herald']
    """
    pair = pair_agreement(records, a, b, metric, by_occasion)
    for item in pair["items"] + pair["mixed"]:
        item["evidence"] = ([{**e, "about": "occasion"} for e in act_evidence(graph, item["occasion"])]
                            if item["occasion"] else [])
        for act in item["acts"]:
            act["evidence"] = act_evidence(graph, act["act"], [a, b])
    return pair
