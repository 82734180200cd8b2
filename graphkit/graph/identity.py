"""Who cast a vote: dataset country codes → graphkit states and historic entities, by date.

The Voeten / ``unvotes`` data codes countries by ISO 3166-1 alpha-2 with COW
continuity: ``RU`` is the USSR *and* Russia, ``YU`` Yugoslavia *and* Serbia,
``FRG`` keeps West Germany's votes after unification, ``TW`` is the Republic of
China in the China seat until 1971. graphkit splits those codes by date, so the
participant of every vote is the entity that cast it:

* ``gk:CodeAssignment`` nodes in ``data/historic-entities.ttl`` say which entity
  a code denotes during which period (``RU`` → ``SUN`` until 1991-12-23, ``RUS``
  from 1991-12-24);
* every other code resolves through ``gk:iso2`` (Voeten) or ``gk:iso3`` and the
  historic entities' keys (UN Digital Library) of ``data/states.ttl``.

A vote's **recorded** date decides (before 2003 it is precise to the month only;
when no assignment contains the recorded day but one overlaps its month, that
one is used). A code that denotes nothing at a date is an error, never a guess.
:func:`merge_key` follows ``gk:continuedBy`` (SUN → RUS, FRG → DEU, ROC → CHN …)
for analyses that want one series per seat.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from rdflib import Graph

from ..errors import UnknownStateError
from .loading import DEFAULT_DATA, parse_turtle
from .states import closest_codes, normalise_name
from ..namespaces import GK, RDF, SKOS, iri_key

__all__ = ["Assignment", "Identity", "load_identity", "IDENTITY_FILES"]

#: The data files the identity table is read from (relative to the data folder).
IDENTITY_FILES = ("states.ttl", "historic-entities.ttl")


@dataclass(frozen=True)
class Assignment:
    """One dated meaning of a dataset code: ``code`` denotes ``key`` from ``start`` to ``end``."""

    code_list: str
    code: str
    key: str
    start: dt.date | None = None
    end: dt.date | None = None

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps_month(self, day: dt.date) -> bool:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return (self.start is None or self.start <= last) and (self.end is None or first <= self.end)


@dataclass
class Identity:
    """The code table: fixed codes, dated assignments, names and seat continuations.

    Examples
    --------
    >>> ident = Identity(iso2={"CN": "CHN", "RU": "RUS"}, iso3={"CHN", "RUS", "SUN"},
    ...                  assignments=[Assignment("voeten", "RU", "SUN", end=dt.date(1991, 12, 23)),
    ...                               Assignment("voeten", "RU", "RUS", start=dt.date(1991, 12, 24))],
    ...                  continued_by={"SUN": "RUS"})
    >>> ident.resolve("voeten", "RU", dt.date(1985, 12, 3)), ident.resolve("voeten", "RU", dt.date(1992, 1, 2))
    ('SUN', 'RUS')
    >>> ident.resolve("voeten", "CN", dt.date(2000, 1, 1)), ident.merge_key("SUN")
    ('CHN', 'RUS')
    >>> ident.resolve("voeten", "XX", dt.date(2000, 1, 1))
    Traceback (most recent call last):
    ...
    graphkit.errors.UnknownStateError: country code 'XX' denotes no state or historic entity on 2000-01-01 — ...
    """

    iso2: dict[str, str] = field(default_factory=dict)
    iso3: set[str] = field(default_factory=set)
    assignments: list[Assignment] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    continued_by: dict[str, str] = field(default_factory=dict)

    def _dated(self, code_list: str, code: str) -> list[Assignment]:
        return [a for a in self.assignments if a.code_list == code_list and a.code == code]

    def resolve(self, code_list: str, code: str, day: dt.date, *, file=None, line=None) -> str:
        """The key of the entity ``code`` denotes on ``day`` (raise :class:`UnknownStateError`)."""
        dated = self._dated(code_list, code)
        if dated:
            hits = [a for a in dated if a.contains(day)] or [a for a in dated if a.overlaps_month(day)]
            if len(hits) == 1:
                return hits[0].key
            periods = "; ".join(f"{a.key} {a.start or '…'}–{a.end or '…'}" for a in dated)
            raise UnknownStateError(
                f"country code {code!r} denotes {'no' if not hits else 'more than one'} entity on {day}",
                file=file, line=line, value=code, hint=f"its periods in data/historic-entities.ttl: {periods}")
        if code_list == "voeten" and code in self.iso2:
            return self.iso2[code]
        if code in self.iso3:
            return code
        raise UnknownStateError(
            f"country code {code!r} denotes no state or historic entity on {day}", file=file, line=line, value=code,
            hint=("ISO 3166-1 alpha-2 of data/states.ttl or a code of data/historic-entities.ttl expected"
                  if code_list == "voeten" else "ISO 3166-1 alpha-3 of data/states.ttl or a historic key (SUN, YUG, CSK …) expected"))

    def resolve_many(self, code_list: str, codes, days: np.ndarray, lines: np.ndarray, file=None) -> np.ndarray:
        """Resolve arrays of codes and ``datetime64[D]`` days at once (one lookup per distinct code, or code and day)."""
        frame = pd.DataFrame({"code": np.asarray(codes, dtype=object), "day": days, "line": lines})
        dated = {a.code for a in self.assignments if a.code_list == code_list}
        firsts = frame.drop_duplicates("code")
        fixed = {c: self.resolve(code_list, c, d.date(), file=file, line=int(n))
                 for c, d, n in zip(firsts["code"], firsts["day"], firsts["line"]) if c not in dated}
        keys = frame["code"].map(fixed).to_numpy(dtype=object)
        rows = frame["code"].isin(dated).to_numpy()
        if rows.any():
            sub = frame[rows]
            pairs = sub.drop_duplicates(["code", "day"])
            found = {(c, d): self.resolve(code_list, c, d.date(), file=file, line=int(n))
                     for c, d, n in zip(pairs["code"], pairs["day"], pairs["line"])}
            keys[rows] = [found[(c, d)] for c, d in zip(sub["code"], sub["day"])]
        return keys

    def merge_key(self, key: str) -> str:
        """Follow ``gk:continuedBy`` to the entity holding the seat today (SUN → RUS)."""
        seen = {key}
        while key in self.continued_by and self.continued_by[key] not in seen:
            key = self.continued_by[key]
            seen.add(key)
        return key

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    def key_of(self, text: str) -> str:
        """The key of a state or historic entity given by its key (any case) or English name.

        Examples
        --------
        >>> ident = Identity(iso3={"FRA", "SUN"}, names={"FRA": "France", "SUN": "Soviet Union"})
        >>> ident.key_of("fra"), ident.key_of("Soviet Union")
        ('FRA', 'SUN')
        >>> ident.key_of("FRN")
        Traceback (most recent call last):
        ...
        graphkit.errors.UnknownStateError: unknown state code 'FRN' — did you mean FRA (France)?
        """
        raw = text.strip()
        if raw.upper() in self.iso3:
            return raw.upper()
        by_name = {normalise_name(n): k for k, n in self.names.items()}
        if normalise_name(raw) in by_name:
            return by_name[normalise_name(raw)]
        close = closest_codes(raw.upper(), self.iso3)
        hint = ("did you mean " + " or ".join(f"{c} ({self.name(c)})" for c in close) + "?" if close else
                "ISO 3166-1 alpha-3 of data/states.ttl, a historic key of data/historic-entities.ttl (SUN, YUG, DDR …) or an English name expected")
        raise UnknownStateError(f"unknown state {'code ' if len(raw) == 3 else ''}{raw!r}", value=raw, hint=hint)


def _date(value) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


def load_identity(data_dir=DEFAULT_DATA, graph: Graph | None = None) -> Identity:
    """Read the identity table from ``states.ttl`` and ``historic-entities.ttl`` (or a graph holding them)."""
    if graph is None:
        graph = Graph()
        for name in IDENTITY_FILES:
            path = Path(data_dir) / name
            if path.exists():
                parse_turtle(path, graph)
    ident = Identity()
    for cls in (GK.State, GK.HistoricEntity):
        for node in graph.subjects(RDF.type, cls):
            key = iri_key(node)
            ident.iso3.add(key)
            iso2 = graph.value(node, GK.iso2)
            if iso2 is not None and cls == GK.State:
                ident.iso2[str(iso2)] = key
            for label in graph.objects(node, SKOS.prefLabel):
                if label.language == "en":
                    ident.names[key] = str(label)
            successor = graph.value(node, GK.continuedBy)
            if successor is not None:
                ident.continued_by[key] = iri_key(successor)
    for node in graph.subjects(RDF.type, GK.CodeAssignment):
        ident.assignments.append(Assignment(
            str(graph.value(node, GK.codeList)), str(graph.value(node, GK.code)), iri_key(graph.value(node, GK.denotes)),
            _date(graph.value(node, GK.validFrom)), _date(graph.value(node, GK.validUntil))))
    ident.assignments.sort(key=lambda a: (a.code_list, a.code, a.start or dt.date.min))
    return ident
