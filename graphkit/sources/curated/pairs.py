"""The acts behind a pair's items: which act each state signed within an occasion, with what stance.

:func:`pair_acts` completes an explanation (:func:`graphkit.analysis.explain.explain_pair`
on a curated matrix) with the records behind every item; :func:`pair_agreement`
is the whole explanation of a pair from records, without the evidence (what
:meth:`graphkit.sources.curated.source.CuratedSource.add_evidence` adds).
"""
from __future__ import annotations

from ...analysis.explain import explain_pair
from .matrix import curated_matrix
from .records import PositionRecord

__all__ = ["pair_acts", "pair_agreement"]


def _stances(recs) -> str | None:
    return "+".join(dict.fromkeys(r.stance for r in recs)) or None


def pair_acts(matrix, pair: dict) -> None:
    """Give every item row of ``pair`` its acts (``act, act_id, label, date, kind, forum, stance_a, stance_b``)
    and the two states' stances within it (``stance_a``, ``stance_b``, joined with "+" when several)."""
    a, b = pair["a"], pair["b"]
    records = [r for r in matrix.records if r.participant in (a, b)]
    for row in pair["both"] + pair["only_a"] + pair["only_b"] + pair["mixed"]:
        recs = [r for r in records if r.act in row["acts"]]
        ra_all = [r for r in recs if r.participant == a]
        rb_all = [r for r in recs if r.participant == b]
        row["stance_a"], row["stance_b"] = _stances(ra_all), _stances(rb_all)
        acts = []
        for act in row["acts"]:
            ra = [r for r in ra_all if r.act == act]
            rb = [r for r in rb_all if r.act == act]
            if not ra and not rb:
                continue
            r0 = (ra or rb)[0]
            acts.append({"act": act, "act_id": r0.act_id, "label": r0.act_label, "date": r0.date,
                         "kind": r0.kind, "forum": r0.forum_label, "stance_a": _stances(ra), "stance_b": _stances(rb)})
        row["acts"] = acts


def pair_agreement(records: list[PositionRecord], a: str, b: str, metric: str = "squared",
                   by_occasion: bool = True) -> dict:
    """The indices of one pair of states and the items (with their acts) behind them.

    :func:`~graphkit.analysis.explain.explain_pair` on the curated matrix,
    each item with its acts (:func:`pair_acts`); a state absent from the
    records has ``n = 0``.

    Examples
    --------
    In the tiny world AAA and CCC meet at the 2020 session — AAA signed the
    supporting statement, CCC the critical one — and in the 2021 vote (AAA's
    no = +1 toward Syldavia, CCC's yes = −1): n = 2, share 0.

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> p = pair_agreement(recs, "AAA", "CCC")
    >>> p["n"], p["share"]
    (2, 0.0)
    >>> [(x["item_id"], x["value_a"], x["value_b"]) for x in p["both"]]
    [('w-2020-hrc', 1, -1), ('w-2021-vote', 1, -1)]
    >>> [(x["act_id"], x["stance_a"], x["stance_b"]) for x in p["both"][0]["acts"]]
    [('w-2020-critical', None, 'criticises'), ('w-2020-support', 'supports', None)]

    With one item per act they shared only the vote:

    >>> pair_agreement(recs, "AAA", "CCC", by_occasion=False)["n"]
    1
    """
    matrix = curated_matrix(records, by_occasion)
    pair = explain_pair(matrix, a, b, metric=metric)
    pair_acts(matrix, pair)
    return pair
