"""graphkit: a knowledge graph of diplomatic alignments.

The pipeline, one function per stage::

    build(data_dir)            -> Build (validated RDF graph, a named graph per data file)
    position_records(graph)    -> [PositionRecord]  (who stood where, with a side toward the target)
    act_camps / side_consistency(records) -> rows   (the first summary of blocs)
"""
from .build import Build, build, write_build
from .camps import act_camps, reported_counts, side_consistency
from .errors import DataError, GraphkitError, InputError, UnknownStateError
from .records import Filters, PositionRecord, position_records
from .validation import Report, Violation, validate

__all__ = [
    "build", "write_build", "Build", "validate", "Report", "Violation",
    "position_records", "PositionRecord", "Filters",
    "act_camps", "reported_counts", "side_consistency",
    "GraphkitError", "InputError", "DataError", "UnknownStateError",
]

__version__ = "0.1.0"
