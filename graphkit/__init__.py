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
from .errors import DataError, GraphkitError, InputError, UnknownStateError

__all__ = ["GraphkitError", "InputError", "DataError", "UnknownStateError"]

__version__ = "0.1.0"
