"""Items: the questions states answered — an occasion where rival acts met, or a single act.

Agreement indices, projections and drift compare states item by item.
By default (``by_occasion=True``) an item is an *occasion* when the
act has one (``gk:occasion``: a session or debate where rival acts answered
one another on the same target, such as the critical and the supporting
joint statements of one Human Rights Council session), else the act itself;
recorded votes and acts without an occasion stay items of their own. A
state's value at an occasion is its side there, so France (critical
statement) and Pakistan (supporting statement) of one session meet on one
item and disagree, instead of never meeting. A state that signed none of the
occasion's acts is absent (NaN), not disagreeing. A state that took
**different sides at one occasion** (signed both rival statements) gave two
answers to one question: its value there is NaN — left out of that item,
like an absence, rather than 0, which would invent an abstention that agrees
with real abstainers and sits halfway in S. Such cases are listed
(:attr:`graphkit.analysis.agreement.VoteMatrix.mixed`, ``pair_agreement(...)["mixed"]``), never dropped
silently. ``by_occasion=False`` makes every act its own item.

Only positions that express an alignment count: states other than the act's
target, with a value (:func:`position_value`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .records import PositionRecord

__all__ = ["Item", "items_of", "item_key", "position_value", "is_alignment"]

_RAW_VOTE = {"yes": 1, "no": -1, "abstain": 0}


def position_value(record: PositionRecord) -> int | None:
    """The value of one position on the −1/0/+1 scale, or ``None`` when it has none.

    The side toward the target when known; for a vote without ``gk:yesImplies``
    the raw choice (yes +1, no −1, abstain 0); ``None`` otherwise (a rejection).
    """
    if record.side is not None:
        return int(record.side)
    if record.kind == "RecordedVote":
        return _RAW_VOTE.get(record.stance)
    return None


def is_alignment(record: PositionRecord) -> bool:
    """State positions that express an alignment (not the target's own stance)."""
    return record.is_state and record.participant != record.target and position_value(record) is not None


def item_key(record: PositionRecord, by_occasion: bool = True) -> str:
    """The item a position is compared on: its act's occasion (when it has one and
    ``by_occasion``), else the act."""
    return record.occasion if by_occasion and record.occasion else record.act


@dataclass
class Item:
    """One question the states answered: an occasion (its rival acts together) or one act.

    Attributes
    ----------
    key : str
        The occasion IRI, or the act IRI for an act without occasion (or with ``by_occasion=False``).
    occasion : str or None
        The occasion IRI when the item is an occasion.
    label : str
        The occasion's or the act's label.
    date : datetime.date or None
        The earliest date of its acts.
    acts : list of str
        The act IRIs behind the item, in date order.
    values : dict
        State → +1 / 0 / −1, or NaN when the state took different sides at one occasion.
    records : list of PositionRecord
        The aligned positions behind the item.
    """

    key: str
    occasion: str | None
    label: str
    date: dt.date | None
    acts: list[str] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)
    records: list[PositionRecord] = field(default_factory=list)
    _acts_of: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)

    @property
    def acts_of(self) -> dict[str, list[str]]:
        """State → the act IRIs it took part in within the item (built on first use)."""
        if self._acts_of is None:
            out: dict[str, list[str]] = {}
            for r in self.records:
                mine = out.setdefault(r.participant, [])
                if r.act not in mine:
                    mine.append(r.act)
            self._acts_of = out
        return self._acts_of

    @property
    def mixed(self) -> list[str]:
        """States that took different sides within this item (value NaN)."""
        return sorted(s for s, v in self.values.items() if v != v)

    @property
    def item_id(self) -> str:
        """The last segment of the key (occasion slug or act id)."""
        return self.key.rsplit("/", 1)[-1]


def items_of(records: list[PositionRecord], by_occasion: bool = True) -> list[Item]:
    """Group the aligned state positions into items (occasions or acts), in date order.

    Only positions that express an alignment count (states other than the
    target, with a value; see :func:`position_value`).

    Examples
    --------
    In the tiny world the 2020 critical and supporting statements answered each
    other at one session (occasion ``w-2020-hrc``); the vote and the 2022
    statement have no occasion:

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> items = items_of(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> [(i.item_id, len(i.acts)) for i in items]
    [('w-2020-hrc', 2), ('w-2021-vote', 1), ('w-2022-support', 1)]
    >>> sorted(items[0].values.items())
    [('AAA', 1.0), ('BBB', 1.0), ('CCC', -1.0), ('DDD', -1.0), ('EEE', -1.0)]
    """
    out: dict[str, Item] = {}
    nan = float("nan")
    for r in records:                      # records come in date order (undated first)
        if not r.is_state or r.participant == r.target:
            continue
        value = position_value(r)
        if value is None:
            continue
        key = r.occasion if by_occasion and r.occasion else r.act
        item = out.get(key)
        if item is None:
            is_occasion = key != r.act
            item = out[key] = Item(key, r.occasion if is_occasion else None,
                                   (r.occasion_label or r.occasion) if is_occasion else r.act_label, r.date)
        acts = item.acts
        if acts[-1:] != [r.act] and r.act not in acts:
            acts.append(r.act)
        if r.date is not None and (item.date is None or r.date < item.date):
            item.date = r.date
        item.records.append(r)
        known = item.values.get(r.participant)
        if known is None:
            item.values[r.participant] = float(value)
        elif known != value:                  # a second, different answer (NaN stays NaN)
            item.values[r.participant] = nan
    return list(out.values())
