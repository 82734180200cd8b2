"""Drift: agreement by year, per pair and per state, and who changed side between two periods.

Years are calendar years of the items' dates (undated acts are left out).
An item is an occasion where rival acts met (dated by its earliest act, so an
occasion is never split across two years) or an act
(:func:`graphkit.analysis.agreement.items_of`; ``by_occasion=False`` makes every act
an item). Each year's indices come from
:func:`graphkit.analysis.agreement.agreement_indices` on that year's items only, so N
is the number of items of that year the pair both took part in.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np

from .agreement import agreement_indices, position_value, vote_matrix
from ..sources.curated.records import PositionRecord

__all__ = ["by_year", "pair_by_year", "state_by_year", "side_changes", "period_side"]


def by_year(records: list[PositionRecord], by_occasion: bool = True) -> dict[int, list[PositionRecord]]:
    """The records grouped by year: the year of their occasion's earliest act
    (with ``by_occasion``) or of their act; undated acts left out."""
    first: dict[str, dt.date] = {}
    if by_occasion:
        for r in records:
            if r.occasion and r.date is not None and (r.occasion not in first or r.date < first[r.occasion]):
                first[r.occasion] = r.date
    out: dict[int, list[PositionRecord]] = defaultdict(list)
    for r in records:
        if r.date is not None:
            out[first.get(r.occasion, r.date).year if by_occasion and r.occasion else r.date.year].append(r)
    return dict(sorted(out.items()))


def pair_by_year(records: list[PositionRecord], a: str, b: str, metric: str = "squared",
                 by_occasion: bool = True) -> list[dict]:
    """Per year: the indices of the pair ``a``, ``b`` (years where either took part).

    Examples
    --------
    In the tiny world AAA and EEE answered each other at the 2020 session (AAA
    supporting, EEE criticising), disagree in the 2021 vote and sign together
    in 2022; with one item per act they never meet in 2020:

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> [(r["year"], r["n"], r["share"]) for r in pair_by_year(recs, "AAA", "EEE")]
    [(2020, 1, 0.0), (2021, 1, 0.0), (2022, 1, 1.0)]
    >>> [(r["year"], r["n"], r["share"]) for r in pair_by_year(recs, "AAA", "EEE", by_occasion=False)]
    [(2020, 0, nan), (2021, 1, 0.0), (2022, 1, 1.0)]
    """
    rows = []
    for year, recs in by_year(records, by_occasion).items():
        m = vote_matrix(recs, by_occasion)
        if a not in m.states and b not in m.states:
            continue
        row = {"year": year, "a": a, "b": b, "n": 0, "share": float("nan"), "s": float("nan"),
               "kappa": float("nan"), "pi": float("nan")}
        if a in m.states and b in m.states:
            i, j = m.states.index(a), m.states.index(b)
            ix = agreement_indices(m.values[[i, j]], metric)
            row.update({k: float(ix[k][0, 1]) for k in ("share", "s", "kappa", "pi")}, n=int(ix["n"][0, 1]))
        rows.append(row)
    return rows


def state_by_year(records: list[PositionRecord], state: str, metric: str = "squared",
                  by_occasion: bool = True) -> list[dict]:
    """Per year: a state's items, mean side, mean agreement with the others and closest partners.

    ``acts`` counts the items the state took a side on that year (occasions and
    acts; every act with ``by_occasion=False``); ``mean_side`` is their mean.
    ``mean_share`` / ``mean_kappa`` average over the partners it shared at
    least one item with that year (NaN κ left out); ``closest`` are the partners
    with the highest share (ties broken by N, then code), up to three.

    Examples
    --------
    At the 2020 session EEE sided with CCC and DDD against AAA and BBB:

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> rows = state_by_year(position_records(tiny_world_graph(), Filters(target="SYL")), "EEE")
    >>> [(r["year"], r["acts"], r["mean_side"], r["partners"], r["closest"]) for r in rows]
    [(2020, 1, -1.0, 4, ['CCC', 'DDD', 'AAA']), (2021, 1, -1.0, 4, ['CCC', 'DDD', 'AAA']), (2022, 1, 1.0, 2, ['AAA', 'BBB'])]
    """
    rows = []
    for year, recs in by_year(records, by_occasion).items():
        m = vote_matrix(recs, by_occasion)
        if state not in m.states:
            continue
        i = m.states.index(state)
        ix = agreement_indices(m.values, metric)
        others = [j for j in range(len(m.states)) if j != i and ix["n"][i, j] > 0]
        shares = [float(ix["share"][i, j]) for j in others]
        kappas = [float(ix["kappa"][i, j]) for j in others if not np.isnan(ix["kappa"][i, j])]
        row_vals = m.values[i][~np.isnan(m.values[i])]
        closest = sorted(others, key=lambda j: (-ix["share"][i, j], -ix["n"][i, j], m.states[j]))[:3]
        rows.append({"year": year, "state": state, "acts": int(len(row_vals)),
                     "mean_side": float(row_vals.mean()) if len(row_vals) else float("nan"),
                     "partners": len(others), "mean_share": float(np.mean(shares)) if shares else float("nan"),
                     "mean_kappa": float(np.mean(kappas)) if kappas else float("nan"),
                     "closest": [m.states[j] for j in closest]})
    return rows


def _category(mean: float | None) -> str | None:
    if mean is None:
        return None
    return "supports" if mean > 0 else "criticises" if mean < 0 else "abstains"


def period_side(records: list[PositionRecord], since: dt.date | None, until: dt.date | None) -> dict[str, dict]:
    """Per state, its positions with a side in a period: mean side, category and acts."""
    out: dict[str, dict] = {}
    for r in records:
        if not r.is_state or r.participant == r.target or r.side is None or r.date is None:
            continue
        if (since and r.date < since) or (until and r.date > until):
            continue
        s = out.setdefault(r.participant, {"name": r.participant_label, "sides": [], "acts": []})
        s["sides"].append(r.side)
        s["acts"].append(f"{r.date} {r.act_id} ({r.stance})")
    for s in out.values():
        s["mean_side"] = sum(s["sides"]) / len(s["sides"])
        s["category"] = _category(s["mean_side"])
    return out


def side_changes(records: list[PositionRecord], before: tuple, after: tuple) -> list[dict]:
    """States whose side toward the target differs between two periods.

    ``before`` and ``after`` are ``(since, until)`` date pairs (either may be
    None). A state's side in a period is the sign of its mean side there
    (supports > 0, criticises < 0, abstains = 0); it changed when it took part
    in both periods and the signs differ.

    Examples
    --------
    EEE criticised Syldavia in 2020–2021 and supported it in 2022:

    >>> import datetime as dt
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> rows = side_changes(recs, (None, dt.date(2021, 12, 31)), (dt.date(2022, 1, 1), None))
    >>> [(r["state"], r["before"], r["after"], r["acts_after"]) for r in rows]
    [('EEE', 'criticises', 'supports', ['2022-10-20 w-2022-support (supports)'])]
    """
    first, second = period_side(records, *before), period_side(records, *after)
    rows = []
    for state in sorted(set(first) & set(second)):
        a, b = first[state], second[state]
        if a["category"] != b["category"]:
            rows.append({"state": state, "name": a["name"], "before": a["category"], "after": b["category"],
                         "mean_before": a["mean_side"], "mean_after": b["mean_side"],
                         "acts_before": a["acts"], "acts_after": b["acts"]})
    return rows
