"""The position matrix: states × items, the one input of every analysis, whatever the source.

Every source (:mod:`graphkit.sources`) turns its positions into one
:class:`PositionMatrix`: rows are states (graphkit keys: ISO alpha-3 or
historic keys), columns are *items* — the questions the states answered — and
values are

* ``+1`` / ``-1``: yes / no in a recorded vote, or the side toward the
  target (supports / criticises) for a statement;
* ``0``: an abstention, a choice in its own right (the middle of −1 < 0 < +1);
* ``NaN``: no position — absent, not a member of the body, did not sign.

What an item is depends on the source and is written down in
:attr:`PositionMatrix.note`: a roll call for vote sources; for the curated
acts an occasion (rival acts of one session answering each other) or an act.
The item metadata (date, session, symbol, issues, the acts behind it ...)
travels with the matrix in :attr:`PositionMatrix.items`, so reports can say
which item a number comes from and the source can give its evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from ..errors import DataError, UnknownStateError
from ..graph.states import StateResolver

__all__ = ["PositionMatrix", "ITEM_COLUMNS", "GROUPINGS", "item_frame"]

#: The columns of :attr:`PositionMatrix.items` (a source may leave some empty).
ITEM_COLUMNS = ("item", "label", "date", "year", "precision", "session", "symbol", "issues", "title", "kind",
                "forum", "acts", "occasion", "source")
#: How analyses group items (``--by``).
GROUPINGS = ("year", "session", "decade", "issue", "all")


def item_frame(rows: list[dict] | None = None, **columns) -> pd.DataFrame:
    """An item table with every column of :data:`ITEM_COLUMNS` (missing ones empty), dates as ``datetime64``.

    Examples
    --------
    >>> f = item_frame([{"item": "r1", "date": "2020-07-01", "session": 44}])
    >>> list(f.columns) == list(ITEM_COLUMNS), int(f.loc[0, "year"]), f.loc[0, "issues"]
    (True, 2020, ())
    """
    frame = pd.DataFrame(rows) if rows is not None else pd.DataFrame(columns)
    n = len(frame)
    defaults = {"label": "", "date": pd.NaT, "precision": "day", "session": pd.NA, "symbol": "", "title": "",
                "kind": "", "forum": "", "occasion": None, "source": ""}
    for col, value in defaults.items():
        if col not in frame:
            frame[col] = [value] * n
    for col in ("issues", "acts"):
        if col not in frame:
            frame[col] = [()] * n
    frame["item"] = frame["item"].astype(str) if n else pd.Series([], dtype=object)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["year"] = frame["date"].dt.year.astype("Int64")
    frame["session"] = pd.array(frame["session"], dtype="Int64")
    return frame[list(ITEM_COLUMNS)].reset_index(drop=True)


@dataclass
class PositionMatrix:
    """States × items.

    Attributes
    ----------
    keys : list of str
        Row keys (sorted): ISO alpha-3 codes or historic keys.
    values : numpy.ndarray
        ``float`` array ``(len(keys), len(items))``: +1, 0, −1 or NaN.
    items : pandas.DataFrame
        One row per column, in column order, with :data:`ITEM_COLUMNS`:
        ``item`` (its id: a roll-call id, an occasion or act IRI), ``label``,
        ``date`` (``datetime64``; the first of the month when ``precision`` is
        ``month``), ``year``, ``session``, ``symbol``, ``issues`` (tuple of
        codes), ``title``, ``kind``, ``forum``, ``acts`` (tuple of act IRIs),
        ``occasion``, ``source``.
    names : dict
        Key → English name, for display.
    source : str
        The source (or sources, ``"curated+unga"``) the matrix comes from.
    note : str
        What an item is and what N counts, for the reports.
    resolver : StateResolver, optional
        Resolves state names and codes (:meth:`key_of`).
    merged : bool
        Whether historic entities were merged into their successors (SUN → RUS).
    mixed : list of (str, str)
        (state, item) where the state took different sides within one item
        (its value there is NaN): listed, never dropped silently.
    item_acts : dict
        Item → state → the act IRIs the state took part in within the item
        (the curated acts; empty for vote sources).
    records : list
        The source's own records behind the matrix, when it has them (the
        curated positions, :class:`~graphkit.sources.curated.records.PositionRecord`);
        empty for vote sources.
    """

    keys: list[str]
    values: np.ndarray
    items: pd.DataFrame
    names: dict[str, str] = field(default_factory=dict)
    source: str = ""
    note: str = ""
    resolver: StateResolver | None = None
    merged: bool = False
    mixed: list[tuple[str, str]] = field(default_factory=list)
    item_acts: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    records: list = field(default_factory=list, repr=False)

    @property
    def item_ids(self) -> list[str]:
        """The item ids, in column order."""
        return self.items["item"].tolist()

    def key_of(self, text: str) -> str:
        """The row key for a state code, historic key or name (SUN → RUS when merged).

        A known state without positions in the matrix keeps its key (its pairs
        have N = 0); an unknown one raises :class:`~graphkit.errors.UnknownStateError`
        with the closest keys.

        Examples
        --------
        >>> from graphkit.sources.votes.matrix import table_matrix
        >>> m = table_matrix(fixture_table(), resolver=fixture_identity(), merge_successors=True)
        >>> m.key_of("france"), m.key_of("SUN"), m.key_of("Zimbabwe")
        ('FRA', 'RUS', 'ZWE')
        """
        if self.resolver is None:  # no resolver: keys as they are; a code without positions has N = 0
            code = text.strip().upper()
            if code not in self.keys and not (len(code) == 3 and code.isalpha()):
                raise UnknownStateError(f"unknown state code {text.strip()!r}", value=text,
                                        hint="a three-letter key, one of " + " ".join(self.keys))
            return code
        key = self.resolver.key_of(text)
        return self.resolver.merge_key(key) if self.merged else key

    def name(self, key: str) -> str:
        """The English name of a key (the key itself when unknown)."""
        return self.names.get(key) or (self.resolver.name(key) if self.resolver is not None else key)

    def index(self, key: str) -> int:
        """The row of ``key``; a DataError when it has no position in the matrix."""
        try:
            return self.keys.index(key)
        except ValueError:
            raise DataError(f"no positions of {key!r} in the selection (no vote, no signature)", value=key,
                            hint="ISO alpha-3 (e.g. CHN) or a historic key (SUN, YUG, FRG …); widen the selection, "
                                 "or merge successors (SUN → RUS)") from None

    def row(self, key: str) -> np.ndarray:
        """The values of one state (all NaN when it has no position)."""
        return self.values[self.index(key)] if key in self.keys else np.full(len(self.items), np.nan)

    def select(self, columns: np.ndarray) -> "PositionMatrix":
        """The matrix restricted to a boolean mask of columns (rows without any position dropped)."""
        columns = np.asarray(columns, dtype=bool)
        values = self.values[:, columns]
        rows = ~np.isnan(values).all(axis=1)
        kept = set(self.items["item"][columns])
        return replace(self, keys=[k for k, r in zip(self.keys, rows) if r], values=values[rows],
                       items=self.items[columns].reset_index(drop=True),
                       mixed=[m for m in self.mixed if m[1] in kept])

    def select_rows(self, keys) -> "PositionMatrix":
        """Only these rows (those present), in matrix order."""
        wanted = set(keys)
        rows = np.array([k in wanted for k in self.keys], dtype=bool)
        return replace(self, keys=[k for k, r in zip(self.keys, rows) if r], values=self.values[rows])

    def groups(self, by: str):
        """Yield ``(group, submatrix)`` per ``year``, ``session``, ``decade``, ``issue`` or ``all``.

        Items without a date are left out of the yearly groupings.

        Examples
        --------
        >>> from graphkit.sources.votes.matrix import table_matrix
        >>> m = table_matrix(fixture_table())
        >>> [(g, sub.item_ids) for g, sub in m.groups("decade")]
        [(1970, ['101']), (1990, ['102']), (2010, ['103', '104'])]
        """
        items = self.items
        if by == "all":
            yield "all", self
            return
        if by == "issue":
            for code in sorted({c for issues in items["issues"] for c in issues}):
                yield code, self.select(items["issues"].map(lambda t: code in t).to_numpy())
            return
        column = {"year": items["year"], "session": items["session"], "decade": items["year"] // 10 * 10}.get(by)
        if column is None:
            raise DataError(f"cannot group by {by!r}", value=by, hint=", ".join(GROUPINGS))
        column = column.astype("float64").to_numpy()
        for value in pd.unique(column[~np.isnan(column)]):
            yield int(value), self.select(column == value)

    @staticmethod
    def concat(matrices: list["PositionMatrix"]) -> "PositionMatrix":
        """Several matrices side by side (``--source all``): rows joined on the state key, items appended.

        A state without positions in one source is NaN there.
        """
        keys = sorted({k for m in matrices for k in m.keys})
        index = {k: i for i, k in enumerate(keys)}
        blocks = []
        for m in matrices:
            block = np.full((len(keys), len(m.items)), np.nan)
            block[[index[k] for k in m.keys]] = m.values
            blocks.append(block)
        items = pd.concat([m.items for m in matrices], ignore_index=True)
        names = {k: v for m in matrices for k, v in m.names.items()}
        first = matrices[0]
        return PositionMatrix(keys, np.hstack(blocks) if blocks else np.empty((0, 0)), items, names,
                              "+".join(m.source for m in matrices),
                              " | ".join(f"{m.source}: {m.note}" for m in matrices if m.note),
                              first.resolver, any(m.merged for m in matrices),
                              [x for m in matrices for x in m.mixed],
                              {k: v for m in matrices for k, v in m.item_acts.items()},
                              [r for m in matrices for r in m.records])

    def order(self) -> "PositionMatrix":
        """Items in date order (undated last), stable."""
        order = np.argsort(self.items["date"].fillna(pd.Timestamp.max).to_numpy(), kind="stable")
        return replace(self, values=self.values[:, order], items=self.items.iloc[order].reset_index(drop=True))
