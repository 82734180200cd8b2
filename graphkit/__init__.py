"""graphkit: a knowledge graph of diplomatic alignments.

The pipeline, one function per stage::

    build(data_dir)            -> Build (validated RDF graph, a named graph per data file)
    position_records(graph)    -> [PositionRecord]  (who stood where, with a side toward the target)
    act_camps / side_consistency(records) -> rows   (the first summary of blocs)
    signed_graph / coalition_graph / bipartite_graph(records) -> networkx.Graph (acts on every edge)
    items_of(records)          -> [Item]  (occasions where rival acts met, else acts: what states are compared on)
    vote_matrix(records) -> VoteMatrix;  agreement_indices(values) -> share, S, kappa, pi, n
    signed_blocs(signed) -> BlocResult;  structural_balance(signed);  swing_states(records, ...)
"""
from .graph.build import Build, build, write_build
from .analysis.camps import act_camps, reported_counts, side_consistency
from .analysis.agreement import VoteMatrix, agreement_indices, pair_agreement, vote_matrix
from .sources.curated.items import Item, items_of
from .analysis.blocs import signed_blocs, structural_balance
from .errors import DataError, GraphkitError, InputError, UnknownStateError
from .sources.curated.records import Filters, PositionRecord, position_records
from .analysis.projections import bipartite_graph, coalition_graph, signed_graph
from .analysis.swing import swing_states
from .graph.validation import Report, Violation, validate

__all__ = [
    "build", "write_build", "Build", "validate", "Report", "Violation",
    "position_records", "PositionRecord", "Filters",
    "act_camps", "reported_counts", "side_consistency",
    "bipartite_graph", "coalition_graph", "signed_graph",
    "Item", "items_of", "VoteMatrix", "vote_matrix", "agreement_indices", "pair_agreement",
    "signed_blocs", "structural_balance", "swing_states",
    "GraphkitError", "InputError", "DataError", "UnknownStateError",
]

__version__ = "0.1.0"
