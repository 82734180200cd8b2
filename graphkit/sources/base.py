"""What every source offers the rest of the pipeline: a selection, a position matrix, and the evidence of an item.

A source reads and checks its own input and yields RDF for its named graph
(the curated data files, or an import into the store); for the analyses it
offers:

* :meth:`Source.matrix` — the states × items :class:`~graphkit.analysis.matrix.PositionMatrix`
  of a :class:`Selection`;
* :meth:`Source.add_evidence` — for the items of an explanation, where each
  value comes from (acts, sources and excerpts; dataset, release and record);
* :meth:`Source.positions` — one state's own positions, for its record.

:class:`Selection` holds every option of every source; each source says which
it takes (:attr:`Source.options`), and an option given to a source that does
not take it is a usage error (:func:`check_selection`), never silently ignored.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from ..errors import InputError

__all__ = ["Selection", "Source", "check_selection", "COMMON_OPTIONS"]

#: Options every source takes.
COMMON_OPTIONS = frozenset({"since", "until"})


@dataclass(frozen=True)
class Selection:
    """Which positions an analysis reads (each source takes some of these; see :attr:`Source.options`).

    Attributes
    ----------
    since, until : datetime.date, optional
        Only items on or after / on or before these days (vote sources select whole years).
    forum, topic, target, kind : str, optional
        Curated acts: the forum (``un-hrc`` or a label), the topic (``xinjiang``),
        the target (ISO alpha-3), the act kind (``JointStatement`` ...).
    by_act : bool
        Curated acts: every act its own item (default: rival acts of one occasion are one item).
    include_withdrawn : bool
        Curated acts: count withdrawn signatures too.
    session : int, optional
        Vote sources: only this session.
    issue : str, optional
        Vote sources: only records with this issue code.
    merge_successors : bool
        Vote sources: one series per seat (SUN → RUS, FRG → DEU, ROC → CHN ...).
    min_votes : int
        Vote sources: leave out records with fewer votes.
    layout : str, optional
        Vote sources with several imported layouts (UNGA: ``voeten`` or ``undl``).
    """

    since: dt.date | None = None
    until: dt.date | None = None
    forum: str | None = None
    topic: str | None = None
    target: str | None = None
    kind: str | None = None
    by_act: bool = False
    include_withdrawn: bool = False
    session: int | None = None
    issue: str | None = None
    merge_successors: bool = False
    min_votes: int = 5
    layout: str | None = None

    def given(self) -> list[str]:
        """The options set to something other than their default, in declaration order.

        Examples
        --------
        >>> Selection(target="CHN", min_votes=0).given()
        ['target', 'min_votes']
        """
        return [f.name for f in fields(self) if getattr(self, f.name) != f.default]


def check_selection(selection: Selection, options: frozenset, source: str, flag=lambda name: "--" + name.replace("_", "-")) -> None:
    """Refuse options a source does not take (``--session`` with the curated acts, ``--target`` with votes).

    Examples
    --------
    >>> check_selection(Selection(session=74), frozenset({"since", "until"}), "curated")
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: --session does not apply to --source curated — options of curated: --since, --until
    """
    wrong = [name for name in selection.given() if name not in options]
    if wrong:
        raise InputError(f"{flag(wrong[0])} does not apply to --source {source}", value=wrong[0],
                         hint=f"options of {source}: " + ", ".join(flag(o) for o in sorted(options)))


class Source:
    """A source of positions: its name, what it takes, and its matrix and evidence (see the module docstring).

    Attributes
    ----------
    name : str
        As ``--source`` names it.
    label : str
        In words, for titles.
    kind : str
        ``statements`` (acts with a target and sides) or ``votes`` (recorded votes).
    options : frozenset
        The :class:`Selection` fields it takes.
    rank_by : str
        How ``graphkit state`` ranks partners by default (``net`` ties or an index).
    bloc_weight : str
        What weighs the ties of ``graphkit blocs`` by default (``net`` or an index).
    min_n : int
        Fewest items in common for a tie or a partner, by default.
    noun : str
        What one item is called in messages ("item", "roll call", "recorded vote").
    """

    name = ""
    label = ""
    kind = "votes"
    options: frozenset = COMMON_OPTIONS
    rank_by = "s"
    bloc_weight = "kappa"
    min_n = 1
    noun = "item"

    def matrix(self, gk, selection: Selection):
        """The :class:`~graphkit.analysis.matrix.PositionMatrix` of ``selection`` (``gk``: the open :class:`graphkit.api.Graphkit`)."""
        raise NotImplementedError

    def describe(self, selection: Selection) -> str:
        """The selection in words, for titles."""
        return self.label

    def noun_for(self, selection: Selection) -> str:
        """What one item is called under this selection."""
        return self.noun

    def add_evidence(self, gk, matrix, pair: dict) -> None:
        """Add to each item row of :func:`graphkit.analysis.explain.explain_pair` (on ``matrix``) where it comes from."""

    def positions(self, gk, matrix, key: str) -> list[dict]:
        """One state's own positions in the matrix (rows for its record)."""
        return []

    def state_headline(self, record: dict, positions: list[dict], scope: str) -> str | None:
        """The first line of a state's record, when the source words it its own way (None: the common wording)."""
        return None

    def check(self, selection: Selection) -> None:
        """Refuse options this source does not take."""
        check_selection(selection, self.options, self.name)
