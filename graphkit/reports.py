"""One function per CLI command: the analyses behind ``blocs``, ``compare``, ``state`` and ``explain``.

Each takes position records (and the graph where evidence is needed) and
returns plain data, so a notebook gets exactly what the command prints.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from rdflib import Graph

from .agreement import agreement_indices, pair_agreement, vote_matrix
from .blocs import BalanceReport, BlocResult, signed_blocs, structural_balance
from .centrality import bloc_bridges
from .evidence import act_evidence
from .projections import coalition_graph, signed_graph
from .records import PositionRecord
from .swing import swing_states

__all__ = ["BlocsReport", "blocs_report", "compare_states", "state_profile", "explain_pair"]


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


def blocs_report(records: list[PositionRecord], seed: int = 0) -> BlocsReport:
    """Signed blocs, swing states (with acts), structural balance and bridges of a selection.

    Examples
    --------
    >>> from graphkit.testing import tiny_world_graph
    >>> from graphkit.records import position_records, Filters
    >>> rep = blocs_report(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> [(r["bloc"], r["size"], r["stance"]) for r in rep.bloc_rows()]
    [(0, 3, 'criticises'), (1, 2, 'supports')]
    >>> [(s["state"], s["reasons"]) for s in rep.swing]
    [('BBB', ['abstained']), ('EEE', ['both sides'])]

    One tie must break for two camps: the cycle AAA+BBB+EEE+CCC−AAA has one negative tie.

    >>> rep.balance.frustration, rep.balance.exact, rep.balance.unbalanced_triads
    (1, True, 0)
    """
    signed = signed_graph(records)
    blocs = signed_blocs(signed, seed=seed)
    swing = swing_states(records, signed, blocs.membership)
    balance = structural_balance(signed, blocs.membership, seed=seed)
    bridges = bloc_bridges(coalition_graph(records), blocs.membership)
    return BlocsReport(blocs, swing, balance, bridges)


def _num(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def compare_states(records: list[PositionRecord], states: list[str], metric: str = "squared") -> list[dict]:
    """All pairs among ``states``: n, share, S, κ, π (None where undefined), in the order given.

    Examples
    --------
    >>> from graphkit.testing import tiny_world_graph
    >>> from graphkit.records import position_records, Filters
    >>> rows = compare_states(position_records(tiny_world_graph(), Filters(target="SYL")), ["AAA", "BBB", "CCC"])
    >>> [(r["a"], r["b"], r["n"], r["share"]) for r in rows]
    [('AAA', 'BBB', 3, 0.6666666666666666), ('AAA', 'CCC', 1, 0.0), ('BBB', 'CCC', 1, 0.0)]
    """
    m = vote_matrix(records)
    index = {s: i for i, s in enumerate(m.states)}
    values = np.full((len(states), len(m.items)), np.nan)
    for k, s in enumerate(states):
        if s in index:
            values[k] = m.values[index[s]]
    ix = agreement_indices(values, metric)
    rows = []
    for i in range(len(states)):
        for j in range(i + 1, len(states)):
            rows.append({"a": states[i], "b": states[j], "n": int(ix["n"][i, j]),
                         **{k: _num(float(ix[k][i, j])) for k in ("share", "s", "kappa", "pi")}})
    return rows


def state_profile(records: list[PositionRecord], state: str, top: int = 5, metric: str = "squared") -> dict:
    """One state's record (its positions) and its closest and most opposed partners.

    When the state is itself the target of acts, ``as_target`` lists the states
    that most often supported and criticised it (its own positions on acts
    about itself are no alignment and do not count among partners).

    Partners are ranked by net ties in the signed graph (acts on the same side
    minus acts on opposite sides), then by share of agreement and N.

    Examples
    --------
    >>> from graphkit.testing import tiny_world_graph
    >>> from graphkit.records import position_records, Filters
    >>> p = state_profile(position_records(tiny_world_graph(), Filters(target="SYL")), "EEE")
    >>> [(a["act_id"], a["stance"]) for a in p["positions"]]
    [('w-2020-critical', 'criticises'), ('w-2021-vote', 'yes'), ('w-2022-support', 'supports')]
    >>> [(q["partner"], q["same"], q["opposite"]) for q in p["closest"]][:3]
    [('CCC', 2, 0), ('DDD', 2, 0), ('BBB', 1, 0)]
    """
    positions = [{"date": r.date, "act_id": r.act_id, "act": r.act, "label": r.act_label, "kind": r.kind,
                  "forum": r.forum_label, "target": r.target, "stance": r.stance, "side": r.side,
                  "roles": list(r.roles)} for r in records if r.participant == state]
    signed = signed_graph(records)
    m = vote_matrix(records)
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


def explain_pair(graph: Graph, records: list[PositionRecord], a: str, b: str, metric: str = "squared") -> dict:
    """The acts behind a pair's indices, each with the sources and excerpts behind it.

    Returns :func:`~graphkit.agreement.pair_agreement`'s dict where every act in
    ``acts`` gains ``evidence``: rows of :func:`~graphkit.evidence.act_evidence`
    for the act and both states' positions.

    Examples
    --------
    >>> from graphkit.testing import tiny_world_graph
    >>> from graphkit.records import position_records, Filters
    >>> g = tiny_world_graph()
    >>> x = explain_pair(g, position_records(g, Filters(target="SYL")), "AAA", "CCC")
    >>> x["n"], [(act["act_id"], act["stance_a"], act["stance_b"]) for act in x["acts"]]
    (1, [('w-2021-vote', 'no', 'yes')])
    >>> sorted({e["source"] for e in x["acts"][0]["evidence"]})
    ['herald']
    """
    pair = pair_agreement(records, a, b, metric)
    for act in pair["acts"]:
        act["evidence"] = act_evidence(graph, act["act"], [a, b])
    return pair
