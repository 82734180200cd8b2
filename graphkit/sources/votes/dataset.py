"""What a vote source declares about its dataset: the IRIs it writes, its forum, its provenance.

Each vote source (UN General Assembly in two layouts, the Human Rights
Council, the Security Council's vetoes ...) describes its dataset once as a
:class:`VoteDataset`; the RDF, the store, the matrix and the evidence are
then the same code for all of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...namespaces import ID

__all__ = ["VoteDataset"]


@dataclass(frozen=True)
class VoteDataset:
    """One imported vote dataset.

    Attributes
    ----------
    key : str
        Names everything the import writes: the named graph ``graph/<key>``,
        the acts ``act/<key>-<id>``, the positions ``position/<key>-<id>/<STATE>``,
        the dataset ``source/<key>-dataset``.
    source : str
        The source it belongs to (``unga``, ``hrc`` ...), as ``--source`` names it.
    forum : str
        The forum's slug (``un-ga``, ``un-hrc``, ``un-sc``): ``org/<forum>``.
    title : str
        The dataset's title, with its publisher.
    item_label : str
        What one record is, for labels: "UNGA roll call", "HRC recorded vote".
    import_command : str
        The command that imports it, for error hints.
    issue_names : dict
        Issue code → name, for the topics of the records.
    provenance : tuple of str
        More about where the copy comes from (repository, commit, licence ...),
        written on the dataset node as ``rdfs:comment`` lines.
    url : str, optional
        Where the copy can be found (``gk:url`` of the dataset node).
    seats : int, optional
        How many members vote in every record (47 at the Human Rights
        Council): the audit lists the records with fewer.
    note : str, optional
        What an item is and what N counts, when it says more than the
        common note of vote sources (:data:`graphkit.sources.votes.matrix.VOTE_NOTE`).
    role : str
        The role every position of the graph has (``voter``; ``veto`` for
        the Security Council's vetoes), stated once on the dataset node.
    grouped : bool
        Whether the votes of a record are grouped by side (one position per
        yes / no / abstain with a participant per state: the roll calls) or
        each vote is a position of its own (``position/<dataset>-<id>/<state>``:
        the vetoes, where each member's veto carries facts of its own, the
        lists naming it and the membership it was cast under).

    Examples
    --------
    >>> d = VoteDataset("unga-voeten", "unga", "un-ga", "UNGA votes", "UNGA roll call", "graphkit import unga ...")
    >>> d.graph, d.act("5495")
    ('https://w3id.org/graphkit/id/graph/unga-voeten', 'https://w3id.org/graphkit/id/act/unga-voeten-5495')
    """

    key: str
    source: str
    forum: str
    title: str
    item_label: str
    import_command: str
    issue_names: dict = field(default_factory=dict, hash=False, compare=False)
    provenance: tuple = ()
    url: str | None = None
    seats: int | None = None
    note: str | None = None
    role: str = "voter"
    grouped: bool = True

    @property
    def graph(self) -> str:
        return f"{ID}graph/{self.key}"

    @property
    def dataset_iri(self) -> str:
        return f"{ID}source/{self.key}-dataset"

    def act(self, record_id: str) -> str:
        return f"{ID}act/{self.key}-{record_id}"

    @property
    def act_prefix(self) -> str:
        return f"{ID}act/{self.key}-"

    @property
    def position_prefix(self) -> str:
        return f"{ID}position/{self.key}-"

    def hint(self, store_dir=None) -> str:
        """What to run when the votes are missing (with ``--store`` when one was given)."""
        where = f" --store {store_dir}" if store_dir is not None else ""
        return f"run `{self.import_command}{where}` first"
