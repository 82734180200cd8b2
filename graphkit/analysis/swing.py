"""Swing states: who took both sides, who abstained, who sits on a bloc boundary — with the acts.

A state is listed for each reason that applies:

``both sides``
    it supported the target in some acts and criticised it in others; the
    split is described as at one occasion (it signed rival acts of one
    session or debate), over time (the years differ), across topics or
    across forums, whichever holds.
``abstained``
    it abstained at least once (a recorded abstention is a choice not to
    take a side).
``boundary``
    given blocs (:func:`graphkit.analysis.blocs.signed_blocs`), its net ties to the
    nearest other bloc come within ``margin`` of its ties to its own bloc:
    ``lean = (own − other) / (|own| + |other|)`` ≤ ``margin``, where own /
    other are the sums of net tie weights to the members of each bloc.

The target's own positions and non-state participants are left out.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..sources.curated.records import PositionRecord

__all__ = ["swing_states", "boundary_lean"]


def boundary_lean(signed: nx.Graph, membership: dict[str, int], state: str) -> tuple[float | None, int | None, float, float]:
    """How firmly ``state`` sits in its bloc: ``(lean, nearest other bloc, own ties, other ties)``.

    ``lean`` is 1 when all its ties point to its own bloc, 0 when they are
    split evenly with the nearest other bloc, negative when it leans outward;
    None when it has no tie at all.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("A", "B", 3), ("A", "C", 1), ("C", "D", 2)])
    >>> boundary_lean(g, {"A": 0, "B": 0, "C": 1, "D": 1}, "A")
    (0.5, 1, 3.0, 1.0)
    """
    own_bloc = membership.get(state)
    ties: dict[int, float] = defaultdict(float)
    for _, other, d in signed.edges(state, data=True):
        if other in membership:
            ties[membership[other]] += d.get("weight", 0)
    own = ties.pop(own_bloc, 0.0)
    if not ties:
        return (1.0 if own else None), None, float(own), 0.0
    nearest = max(ties, key=lambda b: (ties[b], -b))
    other = ties[nearest]
    total = abs(own) + abs(other)
    return ((own - other) / total if total else None), nearest, float(own), float(other)


def _split(recs: list[PositionRecord]) -> str:
    """Say whether a state's supporting and criticising positions differ by time, topic or forum."""
    pro = [r for r in recs if r.side == 1]
    con = [r for r in recs if r.side == -1]
    ways = []
    both = sorted({r.occasion_label or r.occasion for r in pro if r.occasion} &
                  {r.occasion_label or r.occasion for r in con if r.occasion})
    if both:
        ways.append("at one occasion (" + "; ".join(both) + ")")
    years = lambda rs: {r.date.year for r in rs if r.date}  # noqa: E731
    if years(pro) and years(con) and not (years(pro) & years(con)):
        ways.append("over time")
    topics = lambda rs: {t for r in rs for t in r.topics}  # noqa: E731
    if topics(pro) != topics(con):
        ways.append("across topics")
    forums = lambda rs: {r.forum_label or r.forum for r in rs}  # noqa: E731
    if forums(pro) != forums(con):
        ways.append("across forums")
    return ", ".join(ways) or "within the same year, topic and forum"


def swing_states(records: list[PositionRecord], signed: nx.Graph | None = None,
                 membership: dict[str, int] | None = None, *, margin: float = 0.25) -> list[dict]:
    """States that took both sides, abstained or sit near a bloc boundary, each with its acts.

    Parameters
    ----------
    records : list of PositionRecord
        The selection (usually one target).
    signed, membership : optional
        A signed graph and its blocs (``BlocResult.membership``), for the boundary test.
    margin : float
        Boundary when ``lean`` ≤ margin (see :func:`boundary_lean`).

    Returns
    -------
    list of dict
        One row per swing state: ``state``, ``name``, ``reasons`` (list),
        ``split`` (for both sides), ``supports`` / ``criticises`` /
        ``abstains`` (act ids), ``lean``, ``bloc``, ``nearest_bloc``,
        ``evidence`` (one line per act: date, act id, stance). Sorted by
        the number of reasons, then state.

    Examples
    --------
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> rows = swing_states(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> [(r["state"], r["reasons"], r["split"]) for r in rows]
    [('BBB', ['abstained'], ''), ('EEE', ['both sides'], 'over time, across topics, across forums')]
    >>> rows[1]["criticises"], rows[1]["supports"]
    (['w-2020-critical', 'w-2021-vote'], ['w-2022-support'])
    """
    by_state: dict[str, list[PositionRecord]] = defaultdict(list)
    for r in records:
        if r.is_state and r.participant != r.target and r.side is not None:
            by_state[r.participant].append(r)
    states = set(by_state) | (set(membership) if membership else set())
    rows = []
    for state in sorted(states):
        recs = by_state.get(state, [])
        pro = [r.act_id for r in recs if r.side == 1]
        con = [r.act_id for r in recs if r.side == -1]
        abst = [r.act_id for r in recs if r.side == 0]
        reasons = []
        if pro and con:
            reasons.append("both sides")
        if abst:
            reasons.append("abstained")
        lean = nearest = bloc = None
        if signed is not None and membership is not None and state in membership and state in signed:
            bloc = membership[state]
            lean, nearest, _, _ = boundary_lean(signed, membership, state)
            if lean is not None and nearest is not None and lean <= margin:
                reasons.append("boundary")
        if not reasons:
            continue
        name = recs[0].participant_label if recs else (signed.nodes[state].get("label", state) if signed is not None else state)
        rows.append({
            "state": state, "name": name, "reasons": reasons,
            "split": _split(recs) if pro and con else "",
            "supports": pro, "criticises": con, "abstains": abst,
            "lean": lean, "bloc": bloc, "nearest_bloc": nearest,
            "evidence": [f"{r.date or '?'} {r.act_id} ({r.stance})" for r in recs],
        })
    rows.sort(key=lambda r: (-len(r["reasons"]), r["state"]))
    return rows
