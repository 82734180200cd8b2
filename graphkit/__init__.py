"""graphkit: a knowledge graph of diplomatic alignments.

The front door, for notebooks and the CLI alike::

    import graphkit as gk
    g = gk.open()                                   # the shipped data and the per-user store
    g.blocs(target="CHN").text()                    # what `graphkit blocs --target CHN` prints
    g.compare(["FRA", "CHN"], source="unga")        # a report: .rows(), .to_dict(), .to_frame()
    g.matrix(source="unga", session=74)             # states × items, the input of every analysis

The pipeline, one folder per stage: ``sources/`` (curated acts, vote imports)
→ ``graph/`` (load, resolve states, validate, write) → ``store/`` (embedded
store, query library, endpoints) → ``analysis/`` (the position matrix and what
is computed on it) → ``reports/`` (one per command) → ``render/`` (HTML,
pictures, exports); ``extract/`` turns texts into candidate acts; ``cli/`` is
the command line.
"""
from .analysis.agreement import agreement_indices
from .analysis.blocs import signed_blocs, structural_balance
from .analysis.matrix import PositionMatrix
from .analysis.projections import coalition_graph, signed_graph
from .api import Graphkit, open
from .errors import DataError, GraphkitError, InputError, UnknownStateError
from .graph.build import Build, build, write_build
from .graph.validation import Report, Violation, validate
from .sources import SOURCES, Selection
from .sources.curated.matrix import curated_matrix
from .sources.curated.records import Filters, PositionRecord, position_records

__all__ = [
    "open", "Graphkit", "Selection", "SOURCES", "PositionMatrix",
    "build", "write_build", "Build", "validate", "Report", "Violation",
    "position_records", "PositionRecord", "Filters", "curated_matrix",
    "agreement_indices", "signed_graph", "coalition_graph", "signed_blocs", "structural_balance",
    "GraphkitError", "InputError", "DataError", "UnknownStateError",
]

__version__ = "0.1.0"
