"""Sides toward the target over time: grouping positions by year, and who changed side between two periods."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from .records import PositionRecord

__all__ = ["by_year", "side_changes", "period_side"]


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
