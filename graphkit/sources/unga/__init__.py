"""The UN General Assembly's roll-call votes, in the Voeten / unvotes and UN Digital Library layouts.

``graphkit import unga`` reads the files (:mod:`.readers`, every row checked,
codes resolved to states and historic entities by date) into the named graph
of its layout; the analyses read them back as a matrix
(:class:`~graphkit.sources.votes.source.VoteSource`). The Voeten issue codes
(``me``, ``nu``, ``di``, ``hr``, ``co``, ``ec``) select roll calls by topic.
"""
from ..votes.source import VoteSource
from .readers import DATASETS, ISSUE_NAMES, read_undl, read_voeten

__all__ = ["UNGA", "read_voeten", "read_undl", "DATASETS", "ISSUE_NAMES"]

#: The source as ``--source unga`` names it.
UNGA = VoteSource("unga", "GA votes", DATASETS, ISSUE_NAMES, session_note="GA session: 1 = 1946 … 74 = 2019–20",
                  import_cli="graphkit.sources.unga.cli:import_command", noun="roll call")
