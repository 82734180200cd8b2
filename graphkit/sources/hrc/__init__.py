"""The UN Human Rights Council's recorded votes (2006–2024), from the UN Library's voting records.

``graphkit import hrc`` reads the SQLite file or its three CSV exports
(:mod:`.readers`, every row checked, codes resolved by the one state
resolver), links records to the curated votes they are (:mod:`.curated`) and
imports them into the named graph ``graph/hrc``; the analyses read them back as
a matrix (:class:`~graphkit.sources.votes.source.VoteSource`, ``--source hrc``).
``--issue item4`` selects an agenda item (:data:`.records.AGENDA_ITEMS`);
``--session 51`` a regular session.

This package is the worked example of a new source: a reader returning a
:class:`~graphkit.sources.votes.table.VoteTable`, a
:class:`~graphkit.sources.votes.dataset.VoteDataset`, a click command, and the
:data:`HRC` instance registered in :mod:`graphkit.sources`.
"""
from ..votes.source import VoteSource
from .readers import DATASET, HRC_NOTE, VOTE_CODES, read_hrc, read_hrc_csv, read_hrc_sqlite
from .records import AGENDA_ITEMS

__all__ = ["HRC", "DATASET", "read_hrc", "read_hrc_csv", "read_hrc_sqlite", "AGENDA_ITEMS", "VOTE_CODES", "HRC_NOTE"]

#: The source as ``--source hrc`` names it.
HRC = VoteSource("hrc", "HRC votes", {"hrc": DATASET}, AGENDA_ITEMS,
                 session_note="HRC regular session: 1 = 2006 … 57 = 2024 (special sessions: gk:specialSession)",
                 import_cli="graphkit.sources.hrc.cli:import_command", noun="recorded vote")
