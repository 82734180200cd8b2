"""A vote source: recorded votes imported into the store, read back as a matrix, explained by their records.

:class:`VoteSource` is what the UN General Assembly, the Human Rights Council
and the Security Council sources are: a name, the datasets it imports (one
named graph each), its issue codes, and the same matrix, evidence and
positions for all of them.
"""
from __future__ import annotations

import datetime as dt

from ...errors import InputError
from ..base import COMMON_OPTIONS, Selection, Source
from .dataset import VoteDataset
from .evidence import record_details
from .matrix import table_matrix

__all__ = ["VoteSource", "years_of", "VOTE_OPTIONS"]

#: The options every vote source takes.
VOTE_OPTIONS = COMMON_OPTIONS | {"session", "issue", "merge_successors", "min_votes"}

_VOTE = {1: "yes", 0: "abstain", -1: "no"}


def years_of(since: dt.date | None = None, until: dt.date | None = None) -> tuple[int | None, int | None]:
    """Whole years for a date span (``--since``/``--until``): votes are selected by year.

    ``since`` must be a 1 January and ``until`` a 31 December (what ``--since
    2016 --until 2019`` give); a date inside a year raises, rather than
    silently widening the span: the UNGA roll calls of sessions 1–51 are dated
    to the month only.

    Examples
    --------
    >>> years_of(dt.date(2016, 1, 1), dt.date(2019, 12, 31))
    (2016, 2019)
    >>> years_of(None, None)
    (None, None)
    >>> years_of(dt.date(2016, 6, 1))
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: since=2016-06-01: votes are selected by whole years — write a year (since=2016), or select a session with --session
    """
    for name, day, edge in (("since", since, (1, 1)), ("until", until, (12, 31))):
        if day is not None and (day.month, day.day) != edge:
            raise InputError(f"{name}={day}: votes are selected by whole years", value=str(day),
                             hint=f"write a year ({name}={day.year}), or select a session with --session")
    return (since.year if since else None, until.year if until else None)


class VoteSource(Source):
    """Recorded votes of one body, imported into the store (one named graph per dataset).

    Parameters
    ----------
    name, label : str
        ``--source`` name and words for titles ("GA votes").
    datasets : dict
        Layout → :class:`~graphkit.sources.votes.dataset.VoteDataset`; the first is the default.
    issue_names : dict
        Issue code → name (``--issue``).
    session_note : str
        What a session is, for ``--session`` help ("GA session: 1 = 1946 … 74 = 2019–20").
    noun : str
        What one record is called in messages ("roll call", "recorded vote").
    import_cli : str, optional
        ``module:command`` of the click command that reads its files (``graphkit import NAME``):
        it returns a :class:`~graphkit.sources.votes.table.VoteTable`, which the CLI imports.
    """

    kind = "votes"
    rank_by = "s"
    bloc_weight = "kappa"
    min_n = 10

    def __init__(self, name: str, label: str, datasets: dict[str, VoteDataset], issue_names: dict | None = None,
                 session_note: str = "", import_cli: str | None = None, noun: str = "record"):
        self.name, self.label, self.datasets, self.noun = name, label, datasets, noun
        self.import_cli = import_cli
        self.issue_names = dict(issue_names or {})
        self.session_note = session_note
        self.options = VOTE_OPTIONS | ({"layout"} if len(datasets) > 1 else set())

    def dataset(self, selection: Selection | None = None) -> VoteDataset:
        """The dataset (layout) a selection reads."""
        layout = (selection.layout if selection is not None else None) or next(iter(self.datasets))
        if layout not in self.datasets:
            raise InputError(f"unknown layout {layout!r}", value=layout, hint="one of " + ", ".join(self.datasets))
        return self.datasets[layout]

    def check(self, selection: Selection) -> None:
        super().check(selection)
        if selection.issue is not None and selection.issue not in self.issue_names:
            raise InputError(f"unknown issue code {selection.issue!r}", value=selection.issue,
                             hint="one of " + ", ".join(self.issue_names) if self.issue_names else
                             f"{self.name} records carry no issue codes")

    def matrix(self, gk, selection: Selection):
        self.check(selection)
        since, until = years_of(selection.since, selection.until)
        if getattr(gk, "endpoint", None) is not None:
            from .remote import endpoint_table
            table = endpoint_table(gk.endpoint, self.dataset(selection), progress=True)
        else:
            from ...store.votes import read_votes   # here: the store imports this package's dataset, rdf and table
            table = read_votes(self.dataset(selection), gk.store_dir)
        return table_matrix(table, session=selection.session, issue=selection.issue, since=since, until=until,
                            merge_successors=selection.merge_successors, resolver=gk.states,
                            min_votes=selection.min_votes)

    def describe(self, selection: Selection) -> str:
        parts = []
        if selection.session is not None:
            parts.append(f"session {selection.session}")
        if selection.issue is not None:
            parts.append(f"issue {selection.issue} ({self.issue_names.get(selection.issue, selection.issue)})")
        if selection.since is not None or selection.until is not None:
            since, until = years_of(selection.since, selection.until)
            parts.append(f"{since or '…'}–{until or '…'}")
        if selection.merge_successors:
            parts.append("successors merged")
        if selection.min_votes:
            parts.append(f"{self.noun}s with ≥ {selection.min_votes} votes")
        return f"{self.label}: " + (", ".join(parts) or f"all {self.noun}s")

    def voters(self, matrix, *keys: str) -> list[str]:
        """The entities whose votes count under ``keys`` (with successors merged: SUN under RUS …)."""
        if not matrix.merged or matrix.resolver is None:
            return list(keys)
        r = matrix.resolver
        known = set(r.names) | set(r.keys) | set(r.continued_by) | set(keys)
        return sorted(k for k in known if r.merge_key(k) in keys)

    def add_evidence(self, gk, matrix, pair: dict) -> None:
        """Each record row gains its act, dataset, release, excerpt, and the two votes' voters and positions."""
        rows = pair["both"] + pair["only_a"] + pair["only_b"]
        for row in rows:
            row["vote_a"], row["vote_b"] = _VOTE.get(row["value_a"]), _VOTE.get(row["value_b"])
            row["rcid"] = row["item"]
        layout = next((k for k, d in self.datasets.items() if d.act(rows[0]["item"]) in rows[0]["acts"]), None) if rows else None
        if not rows or layout is None:
            pair["provenance"] = None
            return
        dataset = self.datasets[layout]
        details, source = record_details(dataset, gk.store_dir, [r["item"] for r in rows],
                                         voters=self.voters(matrix, pair["a"], pair["b"]))
        pair["provenance"] = source
        r = matrix.resolver
        for row in rows:
            d = dict(details.get(row["item"], {}))
            votes = d.pop("votes", {})
            row.update({k: v for k, v in d.items() if k != "title" or v})
            for side, key in (("a", pair["a"]), ("b", pair["b"])):
                if row[f"vote_{side}"] is not None:
                    voter = next((v for v in votes if (matrix.merged and r is not None and r.merge_key(v) == key) or v == key), None)
                    row[f"voter_{side}"] = voter
                    row[f"position_{side}"] = votes.get(voter, {}).get("position")

    def positions(self, gk, matrix, key: str) -> list[dict]:
        from ...analysis.explain import item_row

        row = matrix.row(key)
        mine = (matrix.items["source"] == self.name).to_numpy()
        out = []
        for col in range(len(row)):
            if mine[col] and row[col] == row[col]:
                item = item_row(matrix, col)
                out.append({"date": item["date"], "item": item["item"], "session": item["session"],
                            "symbol": item["symbol"], "title": item["title"], "vote": _VOTE[int(row[col])]})
        return out
