"""The curated recorded votes of the Council, and which file record is the same vote.

``data/acts/`` holds recorded votes curated from the press and UN pages (the
vote of 6 October 2022 on A/HRC/51/L.6). When the Council file has a record
with the same symbol (spaces and case aside) on the same day, the two are one
vote: the import says so, the store links them (``gk:sameVoteAs``, written by
:func:`graphkit.store.links.link_votes` for every vote source), and ``--source
all`` counts the vote once. A curated vote within the file's span that the file
lacks stays the only record of that vote, and the import says so.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from ...namespaces import GK, ID, RDF, RDFS
from ...store.links import normalise_symbol

__all__ = ["CuratedVote", "curated_votes", "match_curated"]


@dataclass(frozen=True)
class CuratedVote:
    """A curated ``gk:RecordedVote``: its IRI, symbol, date and English label."""

    act: str
    symbol: str
    date: dt.date | None
    label: str = ""

    @property
    def act_id(self) -> str:
        return self.act.rsplit("/", 1)[-1]


def curated_votes(data, forum: str = "un-hrc") -> list[CuratedVote]:
    """The recorded votes of a forum in a data folder's ``acts/*.ttl`` (or in an rdflib graph).

    Examples
    --------
    >>> [(v.act_id, v.symbol, str(v.date)) for v in curated_votes(WORLD_DIR, forum="un-ga")]
    [('w-2021-vote', 'A/RES/99/1', '2021-03-15')]
    >>> curated_votes(WORLD_DIR)
    []
    """
    if isinstance(data, Graph):
        graph = data
    else:
        graph = Graph()
        for path in sorted((Path(data) / "acts").glob("*.ttl")):
            graph.parse(path, format="turtle")
    out = []
    for act in graph.subjects(RDF.type, GK.RecordedVote):
        if graph.value(act, GK.forum) != ID[f"org/{forum}"]:
            continue
        symbol, day = graph.value(act, GK.symbol), graph.value(act, GK.date)
        if symbol is None:
            continue
        label = next((str(l) for l in graph.objects(act, RDFS.label) if getattr(l, "language", None) == "en"), "")
        out.append(CuratedVote(str(act), str(symbol), dt.date.fromisoformat(str(day)) if day is not None else None, label))
    return sorted(out, key=lambda v: (v.date or dt.date.min, v.act))


def match_curated(roll_calls, curated) -> list[str]:
    """Say which of the file's records are curated votes, and which curated votes the file lacks.

    The links themselves (``gk:sameVoteAs``) are the store's to write, with the
    same rule for every vote source (:func:`graphkit.store.links.link_votes`);
    this tells the user at import time.

    Returns
    -------
    list of str
        Notes for the user.
    """
    notes: list[str] = []
    if not len(roll_calls):
        return notes
    by_symbol: dict[str, list] = {}
    for rcid, symbol, day in zip(roll_calls.index, roll_calls["symbol"], roll_calls["raw_date"]):
        by_symbol.setdefault(normalise_symbol(symbol), []).append((rcid, day.date()))
    first, last = roll_calls["raw_date"].min().date(), roll_calls["raw_date"].max().date()
    for vote in curated:
        hits = by_symbol.get(normalise_symbol(vote.symbol), [])
        same_day = [rcid for rcid, day in hits if vote.date is None or day == vote.date]
        if same_day:
            for rcid in same_day:
                notes.append(f"record {rcid} ({vote.symbol}) is the same vote as the curated act {vote.act_id}: "
                             "linked by gk:sameVoteAs in the store, counted once with --source all")
        elif hits:
            notes.append(f"the curated act {vote.act_id} ({vote.symbol}, {vote.date}) and the file's record of that "
                         f"symbol ({', '.join(str(d) for _, d in hits)}) differ in date: not linked")
        elif vote.date is not None and first <= vote.date <= last:
            notes.append(f"the curated act {vote.act_id} ({vote.symbol}, {vote.date}) has no record in this file: "
                         "the curated act stays the only record of that vote")
    return notes
