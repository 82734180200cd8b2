"""Which imported UN votes an analysis reads: :class:`VoteSelection` and :func:`load_matrix`.

The same selection serves ``graphkit unga …`` and ``graphkit compare|state|blocs
--source unga``: a GA session, an issue code, a span of whole years, whether
historic entities count under their successors, which imported layout to read,
and the smallest roll call kept. :func:`load_matrix` opens the store read-only
and returns the :class:`~graphkit.unga.matrix.UngaMatrix` every analysis of
:mod:`graphkit.unga.analysis` takes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import InputError
from ..loading import DEFAULT_DATA
from ..store import DEFAULT_STORE
from .identity import load_identity
from .matrix import UngaMatrix, vote_matrix
from .readers import ISSUE_NAMES, LAYOUTS
from .store import read_votes

__all__ = ["VoteSelection", "load_matrix", "ISSUE_CODES", "years_of"]

#: The issue codes of the Voeten data (``--issue``).
ISSUE_CODES = tuple(ISSUE_NAMES)


def years_of(since: dt.date | None = None, until: dt.date | None = None) -> tuple[int | None, int | None]:
    """Whole years for a date span (``--since``/``--until``): the votes are selected by year.

    ``since`` must be a 1 January and ``until`` a 31 December (what ``--since
    2016 --until 2019`` give); a date inside a year raises, rather than
    silently widening the span: the roll calls of sessions 1–51 are dated to
    the month only.

    Examples
    --------
    >>> years_of(dt.date(2016, 1, 1), dt.date(2019, 12, 31))
    (2016, 2019)
    >>> years_of(None, None)
    (None, None)
    >>> years_of(dt.date(2016, 6, 1))
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: since=2016-06-01: the UN votes are selected by whole years — write a year (since=2016), or select a GA session with --session
    """
    for name, day, edge in (("since", since, (1, 1)), ("until", until, (12, 31))):
        if day is not None and (day.month, day.day) != edge:
            raise InputError(f"{name}={day}: the UN votes are selected by whole years", value=str(day),
                             hint=f"write a year ({name}={day.year}), or select a GA session with --session")
    return (since.year if since else None, until.year if until else None)


@dataclass(frozen=True)
class VoteSelection:
    """Which roll calls and how to key the voters.

    Attributes
    ----------
    session : int, optional
        Only this GA session (1 = 1946 … 74 = 2019–20).
    issue : str, optional
        Only roll calls with this issue code (:data:`ISSUE_CODES`: me, nu, di, hr, co, ec).
    since, until : int, optional
        Only roll calls of these years (inclusive).
    merge_successors : bool
        One series per seat: SUN → RUS, FRG → DEU, ROC → CHN … (``gk:continuedBy``).
    layout : str
        Which imported graph to read (``voeten`` or ``undl``).
    min_votes : int
        Leave out roll calls with fewer votes (the Voeten data has two defective ones, with 2 and 4).

    Examples
    --------
    >>> VoteSelection(session=74, issue="hr").describe()
    'GA votes: session 74, issue hr (Human rights), roll calls with ≥ 5 votes'
    >>> VoteSelection(issue="xx")
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: unknown issue code 'xx' — one of me, nu, di, hr, co, ec
    """

    session: int | None = None
    issue: str | None = None
    since: int | None = None
    until: int | None = None
    merge_successors: bool = False
    layout: str = "voeten"
    min_votes: int = 5

    def __post_init__(self):
        if self.issue is not None and self.issue not in ISSUE_NAMES:
            raise InputError(f"unknown issue code {self.issue!r}", value=self.issue, hint="one of " + ", ".join(ISSUE_CODES))
        if self.layout not in LAYOUTS:
            raise InputError(f"unknown layout {self.layout!r}", value=self.layout, hint="one of " + ", ".join(LAYOUTS))

    def describe(self) -> str:
        """The selection in words, for table titles."""
        parts = []
        if self.session is not None:
            parts.append(f"session {self.session}")
        if self.issue is not None:
            parts.append(f"issue {self.issue} ({ISSUE_NAMES[self.issue]})")
        if self.since is not None or self.until is not None:
            parts.append(f"{self.since or '…'}–{self.until or '…'}")
        if self.merge_successors:
            parts.append("successors merged")
        if self.min_votes:
            parts.append(f"roll calls with ≥ {self.min_votes} votes")
        return "GA votes: " + (", ".join(parts) or "all roll calls")


def load_matrix(store_dir=DEFAULT_STORE, selection: VoteSelection | None = None, data_dir=DEFAULT_DATA, *,
                endpoint=None, progress: bool = False) -> UngaMatrix:
    """The state × roll-call matrix of the imported votes that ``selection`` keeps.

    Opens the store read-only (:func:`~graphkit.unga.store.read_votes`) and keys
    the voters with the identity table of ``data_dir``; the matrix can then
    resolve state names (:meth:`~graphkit.unga.matrix.UngaMatrix.key_of`).
    With ``endpoint`` (a :class:`graphkit.endpoint.Endpoint`) the votes are read
    from that server in pages instead (:func:`~graphkit.unga.remote.endpoint_table`;
    ``progress`` shows a bar on stderr).

    Raises
    ------
    InputError
        No store, or no votes imported into it (the message says which import to run).
    DataError
        No roll call left after the selection.

    Examples
    --------
    >>> import tempfile
    >>> from graphkit.unga.store import import_table
    >>> from graphkit.unga.testing import fixture_table
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     m = load_matrix(f"{d}/store", VoteSelection(issue="hr", min_votes=0))
    >>> m.rcids, m.keys
    (['103', '104'], ['CHN', 'DEU', 'FRA', 'RUS', 'USA'])
    """
    selection = selection or VoteSelection()
    identity = load_identity(data_dir)
    if endpoint is not None:
        from .remote import endpoint_table
        table = endpoint_table(endpoint, selection.layout, progress=progress)
    else:
        table = read_votes(store_dir, selection.layout)
    return vote_matrix(table, session=selection.session, issue=selection.issue, since=selection.since,
                       until=selection.until, merge_successors=selection.merge_successors, identity=identity,
                       min_votes=selection.min_votes)
