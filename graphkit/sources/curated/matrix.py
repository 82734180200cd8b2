"""The curated acts as the position matrix every analysis takes.

:func:`curated_matrix` groups the aligned state positions into items
(:func:`~graphkit.sources.curated.items.items_of`: an occasion where rival
acts met, else an act) and writes each state's value there: its side toward
the target (+1 supports, −1 criticises, 0 abstains; a vote's side through
``gk:yesImplies``, or the raw choice without it), NaN where it took no part or
took different sides within the item (listed in ``mixed``). The records stay
on the matrix, so explanations can name the acts and stances behind a value.
"""
from __future__ import annotations

import numpy as np

from ...analysis.matrix import PositionMatrix, item_frame
from .items import items_of
from .records import PositionRecord

__all__ = ["curated_matrix", "item_note"]


def item_note(by_occasion: bool = True) -> str:
    """What an item is and what N counts, for the curated acts."""
    if not by_occasion:
        return "an item is one act; N counts the acts both states took part in"
    return ("an item is the rival acts of one occasion (a session or debate, a state's side there) or an act; "
            "N counts the items both states took part in")


def curated_matrix(records: list[PositionRecord], by_occasion: bool = True, resolver=None) -> PositionMatrix:
    """The state × item matrix of curated positions.

    Only states count; the target's own positions are left out (a state's
    stance toward itself is no alignment), as are positions without a value.

    Examples
    --------
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> m = curated_matrix(recs)
    >>> m.keys
    ['AAA', 'BBB', 'CCC', 'DDD', 'EEE']
    >>> [i.rsplit("/", 1)[1] for i in m.item_ids]
    ['w-2020-hrc', 'w-2021-vote', 'w-2022-support']
    >>> m.row("CCC").tolist()   # criticised at the 2020 session, voted yes, absent in 2022
    [-1.0, -1.0, nan]
    >>> [a.rsplit("/", 1)[1] for a in m.items.at[0, "acts"]]
    ['w-2020-critical', 'w-2020-support']

    One item per act:

    >>> m = curated_matrix(recs, by_occasion=False)
    >>> [i.rsplit("/", 1)[1] for i in m.item_ids]
    ['w-2020-critical', 'w-2020-support', 'w-2021-vote', 'w-2022-support']
    >>> m.row("BBB").tolist()   # absent, supports, abstains, supports
    [nan, 1.0, 0.0, 1.0]
    """
    items = items_of(records, by_occasion)
    states = sorted({s for item in items for s in item.values})
    s_index = {s: i for i, s in enumerate(states)}
    values = np.full((len(states), len(items)), np.nan)
    for j, item in enumerate(items):
        for s, v in item.values.items():
            values[s_index[s], j] = v
    # the first label met for each state (later ones are overwritten by earlier ones)
    names = {r.participant: r.participant_label for item in reversed(items) for r in reversed(item.records)}
    rows = []
    for item in items:
        first = item.records[0]
        rows.append({"item": item.key, "label": item.label, "date": item.date, "precision": first.precision or "day",
                     "title": item.label, "kind": "Occasion" if item.occasion else first.kind,
                     "forum": first.forum_label or "", "acts": tuple(item.acts), "occasion": item.occasion,
                     "issues": tuple(sorted({t for r in item.records for t in r.topics})), "source": "curated"})
    frame = item_frame(rows) if rows else item_frame(item=[])
    mixed = [(s, item.key) for item in items for s in item.mixed]
    return PositionMatrix(states, values, frame, names, "curated", item_note(by_occasion), resolver, False, mixed,
                          {item.key: item.acts_of for item in items}, list(records))
