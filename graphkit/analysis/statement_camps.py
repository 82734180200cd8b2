"""The camps of the joint statements: who signed for and who against a target, to compare with GA votes."""
from __future__ import annotations

import datetime as dt

from ..graph.build import build
from ..sources.curated.records import Filters, position_records

__all__ = ["statement_camps", "STATEMENT_KINDS"]

#: Act kinds that define a camp: statements and letters signed by several states.
STATEMENT_KINDS = ("JointStatement", "JointLetter")


def _day(value, end=False) -> dt.date:
    text = str(value)
    if len(text) == 4:
        return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    if len(text) == 7:
        y, m = map(int, text.split("-"))
        return (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)) if end else dt.date(y, m, 1)
    return dt.date.fromisoformat(text)


def statement_camps(data_dir, target: str = "CHN", since="2019", until="2022-12-31") -> tuple[dict[str, list[str]], list[str]]:
    """Signatories of the joint statements and letters on ``target`` in a period, by side.

    Returns ``({"supports": [...], "criticises": [...]}, on_both_sides)``: states
    that signed on both sides in the period are left out of both camps and listed.
    Withdrawn signatures do not count.

    Examples
    --------
    In the tiny world, AAA and BBB supported Syldavia, CCC and DDD criticised it,
    and EEE signed on both sides:

    >>> statement_camps(WORLD_DIR, "SYL", "2020", "2022")
    ({'supports': ['AAA', 'BBB'], 'criticises': ['CCC', 'DDD']}, ['EEE'])
    """
    graph = build(data_dir, check=False).graph
    records = position_records(graph, Filters(since=_day(since), until=_day(until, end=True), target=target))
    sides: dict[str, set[int]] = {}
    for r in records:
        if r.kind in STATEMENT_KINDS and r.is_state and r.side in (1, -1) and r.participant != target:
            sides.setdefault(r.participant, set()).add(r.side)
    both = sorted(k for k, s in sides.items() if len(s) > 1)
    camps = {"supports": sorted(k for k, s in sides.items() if s == {1}),
             "criticises": sorted(k for k, s in sides.items() if s == {-1})}
    return camps, both
