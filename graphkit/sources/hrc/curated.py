"""The curated recorded votes of the Council, and which file record is the same vote.

``data/acts/`` holds recorded votes curated from the press and UN pages (the
vote of 6 October 2022 on A/HRC/51/L.6). When the Council file has a record
with the same symbol (spaces and case aside) on the same day, the two are one
vote: the import links them (``gk:sameVoteAs``), and ``--source all`` counts
the vote once. A curated vote within the file's span that the file lacks stays
the only record of that vote, and the import says so.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ...namespaces import GK, ID, RDF, RDFS

__all__ = ["CuratedVote", "curated_votes", "match_curated", "norm_symbol"]


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


def norm_symbol(symbol: str) -> str:
    """A symbol compared without spaces or case (``A/HRC/51/L. 6`` = ``a/hrc/51/l.6``)."""
    return "".join(str(symbol).split()).upper()


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


def match_curated(roll_calls, curated, dataset) -> tuple[list, list[str]]:
    """Link the file's records to the curated votes they are; say which curated votes the file lacks.

    Returns
    -------
    (list of pyoxigraph.Quad, list of str)
        ``gk:sameVoteAs`` quads (both directions) in the dataset's graph, and
        notes for the user.
    """
    quads, notes = [], []
    if not len(roll_calls):
        return quads, notes
    g = ox.NamedNode(dataset.graph)
    same = ox.NamedNode(str(GK.sameVoteAs))
    by_symbol: dict[str, list] = {}
    for rcid, symbol, day in zip(roll_calls.index, roll_calls["symbol"], roll_calls["raw_date"]):
        by_symbol.setdefault(norm_symbol(symbol), []).append((rcid, day.date()))
    first, last = roll_calls["raw_date"].min().date(), roll_calls["raw_date"].max().date()
    for vote in curated:
        hits = by_symbol.get(norm_symbol(vote.symbol), [])
        same_day = [rcid for rcid, day in hits if vote.date is None or day == vote.date]
        if same_day:
            for rcid in same_day:
                record, act = ox.NamedNode(dataset.act(rcid)), ox.NamedNode(vote.act)
                quads += [ox.Quad(record, same, act, g), ox.Quad(act, same, record, g)]
                notes.append(f"record {rcid} ({vote.symbol}) is the same vote as the curated act {vote.act_id}: "
                             "linked by gk:sameVoteAs, counted once with --source all")
        elif hits:
            notes.append(f"the curated act {vote.act_id} ({vote.symbol}, {vote.date}) and the file's record of that "
                         f"symbol ({', '.join(str(d) for _, d in hits)}) differ in date: not linked")
        elif vote.date is not None and first <= vote.date <= last:
            notes.append(f"the curated act {vote.act_id} ({vote.symbol}, {vote.date}) has no record in this file: "
                         "the curated act stays the only record of that vote")
    return quads, notes
