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
from importlib import import_module

from .errors import DataError, GraphkitError, InputError, UnknownStateError

#: Where each name of the front door lives, imported on first use (PEP 562): a command that needs neither
#: networkx nor rdflib (``graphkit compare --source unga``) does not load them.
_LAZY = {
    "open": "api", "Graphkit": "api",
    "Selection": "sources", "SOURCES": "sources",
    "PositionMatrix": "analysis.matrix",
    "build": "graph.build", "write_build": "graph.build", "Build": "graph.build",
    "validate": "graph.validation", "Report": "graph.validation", "Violation": "graph.validation",
    "position_records": "sources.curated.records", "PositionRecord": "sources.curated.records",
    "Filters": "sources.curated.records", "curated_matrix": "sources.curated.matrix",
    "agreement_indices": "analysis.agreement", "signed_graph": "analysis.projections",
    "coalition_graph": "analysis.projections", "signed_blocs": "analysis.blocs",
    "structural_balance": "analysis.blocs",
}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "open", "Graphkit", "Selection", "SOURCES", "PositionMatrix",
    "build", "write_build", "Build", "validate", "Report", "Violation",
    "position_records", "PositionRecord", "Filters", "curated_matrix",
    "agreement_indices", "signed_graph", "coalition_graph", "signed_blocs", "structural_balance",
    "GraphkitError", "InputError", "DataError", "UnknownStateError",
]

__version__ = "0.1.0"
