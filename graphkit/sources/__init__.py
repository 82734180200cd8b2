"""Stage 1, the sources: each reads and checks its input, yields RDF for its named graph, and offers a position matrix.

=========  ==================================================================
curated    the acts and signatory lists of the data folder (statements, letters, votes with their sides)
unga       the UN General Assembly's roll-call votes (``graphkit import unga``)
hrc        the UN Human Rights Council's recorded votes (``graphkit import hrc``)
unsc       the UN Security Council's vetoed drafts (``graphkit import unsc-vetoes``)
=========  ==================================================================

Every source is a :class:`~graphkit.sources.base.Source` in :data:`SOURCES`;
``--source`` takes its name, or ``all`` for all of them side by side. A new
source is a new package here, registered below: nothing else changes.
"""
from __future__ import annotations

from ..errors import InputError
from .base import Selection, Source
from .combined import CombinedSource
from .curated.source import CURATED
from .unga import UNGA
from .hrc import HRC
from .unsc import UNSC

__all__ = ["SOURCES", "source_for", "vote_sources", "Selection", "Source", "SOURCE_NAMES"]

#: Every source by its ``--source`` name.
SOURCES: dict[str, Source] = {s.name: s for s in (CURATED, UNGA, HRC, UNSC)}
#: What ``--source`` accepts.
SOURCE_NAMES = (*SOURCES, "all")


def source_for(name: str) -> Source:
    """The source ``--source NAME`` means (``all``: every source side by side).

    Examples
    --------
    >>> source_for("unga").kind, source_for("all").name
    ('votes', 'all')
    >>> source_for("ungaa")
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: unknown source 'ungaa' — one of curated, unga, hrc, unsc, all
    """
    if name == "all":
        return CombinedSource(list(SOURCES.values()))
    try:
        return SOURCES[name]
    except KeyError:
        raise InputError(f"unknown source {name!r}", value=name, hint="one of " + ", ".join(SOURCE_NAMES)) from None


def vote_sources() -> list:
    """The sources of recorded votes (those imported into the store)."""
    return [s for s in SOURCES.values() if s.kind == "votes"]
