"""UN General Assembly roll-call votes: read, check, import into the store, audit, analyse.

Pipeline: :func:`read_voeten` / :func:`read_undl` (every row checked, codes
resolved to states and historic entities by date, :mod:`.identity`) →
:func:`import_table` (one named graph in the pyoxigraph store, replaced on
re-import) → :func:`audit` (tallies against sources and curated acts) →
:func:`read_votes` (the store opened read-only, :func:`store_table`) → :func:`vote_matrix` → :func:`agreement_table`,
:func:`drift`, :func:`blocs`, :func:`camp_agreement`, :func:`explain_pair_votes` (the roll calls behind a pair).
"""
from .analysis import agreement_table, blocs, camp_agreement, drift
from .audit import audit
from .explain import explain_pair_votes
from .camps import statement_camps
from .identity import Identity, load_identity
from .matrix import UngaMatrix, vote_matrix
from .readers import VoteTable, read_undl, read_voeten
from .store import import_table, read_votes, store_table

__all__ = ["read_voeten", "read_undl", "VoteTable", "Identity", "load_identity", "import_table", "read_votes",
           "store_table", "audit", "UngaMatrix", "vote_matrix", "agreement_table", "drift", "blocs",
           "camp_agreement", "statement_camps", "explain_pair_votes"]
