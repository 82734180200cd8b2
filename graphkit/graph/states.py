"""The one state resolver: what sources call a state → graphkit's key, for every source, command and the extractor.

A key is an ISO 3166-1 alpha-3 code (``FRA``) or, for an entity that no longer
exists, a historic key of ``data/historic-entities.ttl`` (``SUN`` the USSR,
``FRG``, ``YUG`` ...). :class:`StateResolver` reads both files (any graph
holding their ``gk:State`` and ``gk:HistoricEntity`` nodes) and resolves:

* **names and codes** as people and lists write them (:meth:`StateResolver.resolve`):
  "U.K.", "Congo - Brazzaville", "St. Kitts & Nevis", "Ivory Coast",
  "Royaume-Uni", ``GB``, ``gbr``. It tries, in order: an ISO alpha-3 or
  alpha-2 code or a historic key, the labels (English and French, preferred and
  alternative, compared without case, accents or punctuation), a few common
  abbreviations, and last country_converter's name patterns (``gk:nameRegex``).
  A name that matches nothing — or two states — is an error that suggests the
  closest names; it is never dropped silently.
* **dataset codes by date** (:meth:`StateResolver.resolve_code`): the Voeten
  data codes countries by ISO alpha-2 with COW continuity (``RU`` is the USSR
  *and* Russia, ``FRG`` keeps West Germany's votes after unification, ``TW`` is
  the Republic of China in the China seat until 1971). ``gk:CodeAssignment``
  nodes say which entity a code denotes during which period; a vote's recorded
  date decides (before 2003 it is precise to the month only: when no assignment
  contains the recorded day but one overlaps its month, that one is used). A
  code that denotes nothing at a date is an error, never a guess.
* **seats** (:meth:`StateResolver.merge_key`): ``gk:continuedBy`` (SUN → RUS,
  FRG → DEU, ROC → CHN …) for analyses that want one series per seat.

:func:`load_states` reads the resolver of a data folder once per process.

Work is bounded whatever the input: a name longer than
:data:`graphkit.limits.MAX_NAME` characters is refused before any matching
(searching ~200 patterns such as ``.*italy`` through a long text costs time in
the square of its length: 11 s for 20,000 characters), and the patterns, which
come from data files, run with the ``regex`` package's timeout, so that a
pattern that backtracks without end is reported instead of hanging the command.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import regex
from rdflib import Graph

from ..errors import DataError, UnknownStateError
from ..limits import MAX_NAME, check_length, shorten
from ..namespaces import GK, RDF, SKOS, iri_key
from ..resources import DEFAULT_DATA

__all__ = ["StateResolver", "Assignment", "load_states", "normalise_name", "closest_codes", "STATE_FILES",
           "PATTERN_TIMEOUT"]

#: Seconds one ``gk:nameRegex`` may take on one name (real patterns take microseconds).
PATTERN_TIMEOUT = 0.25

#: The data files the resolver is read from (relative to the data folder).
STATE_FILES = ("states.ttl", "historic-entities.ttl")

#: Abbreviations and short forms no label or pattern covers.
ABBREVIATIONS = {
    "uk": "GBR", "u k": "GBR", "us": "USA", "u s": "USA", "usa": "USA", "u s a": "USA",
    "uae": "ARE", "drc": "COD", "dprk": "PRK", "rok": "KOR", "prc": "CHN",
    "korea": "KOR",  # press usage for the Republic of Korea; see SOURCES.md
}


def normalise_name(name: str) -> str:
    """Fold case, accents, '&', 'St.' and punctuation: "St. Kitts & Nevis" → "saint kitts and nevis"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r"\bst\b\.?", "saint", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"^(the|la|le|les|l) ", "", text)
    return text


def closest_codes(code: str, codes, n: int = 3) -> list[str]:
    """The known codes closest to ``code``: longest shared prefix first ("FRN" → FRA before IRN), then likeness, then A–Z.

    Examples
    --------
    >>> closest_codes("FRN", ["DEU", "FRA", "FRG", "IRN"])
    ['FRA', 'FRG', 'IRN']
    """
    close = difflib.get_close_matches(code, sorted(codes), n=2 * n, cutoff=0.5)
    prefix = lambda c: next((i for i, (x, y) in enumerate(zip(c, code)) if x != y), 3)  # noqa: E731
    return sorted(close, key=lambda c: (-prefix(c), -difflib.SequenceMatcher(None, code, c).ratio(), c))[:n]


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


def _date(value) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


class StateResolver:
    """Map names, codes and dated dataset codes to graphkit keys, using the states in a graph.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph holding ``gk:State`` nodes (``gk:iso3``, ``gk:iso2``,
        ``skos:prefLabel`` / ``skos:altLabel``, optionally ``gk:nameRegex``) and
        optionally ``gk:HistoricEntity`` and ``gk:CodeAssignment`` nodes
        (``data/historic-entities.ttl``).

    Attributes
    ----------
    names : dict
        Key → English name (states and historic entities).
    keys : set
        Every key: ISO alpha-3 codes and historic keys.
    iso2 : dict
        ISO alpha-2 → alpha-3 (states only).
    assignments : list of Assignment
        Dated meanings of dataset codes.
    continued_by : dict
        Key → the key that continued its seat.
    forms : dict
        ISO alpha-3 → the state's labels as written (English and French, preferred and
        alternative): what the extractor looks for in a text.
    """

    def __init__(self, graph: Graph | None = None):
        self.labels: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        self.patterns: list[tuple[re.Pattern, str]] = []
        self.keys: set[str] = set()
        self.iso2: dict[str, str] = {}
        self.assignments: list[Assignment] = []
        self.continued_by: dict[str, str] = {}
        self.historic: set[str] = set()
        self.forms: dict[str, list[str]] = {}
        if graph is None:
            return
        for state in graph.subjects(RDF.type, GK.State):
            iso3 = graph.value(state, GK.iso3)
            if iso3 is None:
                continue
            iso3 = str(iso3)
            self.codes[iso3] = iso3
            iso2 = graph.value(state, GK.iso2)
            if iso2 is not None:
                self.codes.setdefault(str(iso2), iso3)
                self.iso2[str(iso2)] = iso3
            for prop in (SKOS.prefLabel, SKOS.altLabel):
                for label in graph.objects(state, prop):
                    self.forms.setdefault(iso3, []).append(str(label))
                    self.labels.setdefault(normalise_name(str(label)), iso3)
                    if prop == SKOS.prefLabel and label.language == "en":
                        self.names[iso3] = str(label)
            for rx in graph.objects(state, GK.nameRegex):
                try:
                    self.patterns.append((regex.compile(str(rx), regex.IGNORECASE), iso3))
                except regex.error as exc:
                    raise DataError(f"the gk:nameRegex {shorten(rx)!r} of {iso3} is not a valid regular expression ({exc})",
                                    value=str(rx), hint="fix the pattern in data/states.ttl") from None
        for cls in (GK.State, GK.HistoricEntity):
            for node in graph.subjects(RDF.type, cls):
                key = iri_key(node)
                self.keys.add(key)
                if cls == GK.HistoricEntity:
                    self.historic.add(key)
                    self.codes.setdefault(key, key)
                    for label in graph.objects(node, SKOS.prefLabel):
                        self.labels.setdefault(normalise_name(str(label)), key)
                        if label.language == "en":
                            self.names.setdefault(key, str(label))
                successor = graph.value(node, GK.continuedBy)
                if successor is not None:
                    self.continued_by[key] = iri_key(successor)
        for node in graph.subjects(RDF.type, GK.CodeAssignment):
            self.assignments.append(Assignment(
                str(graph.value(node, GK.codeList)), str(graph.value(node, GK.code)), iri_key(graph.value(node, GK.denotes)),
                _date(graph.value(node, GK.validFrom)), _date(graph.value(node, GK.validUntil))))
        self.assignments.sort(key=lambda a: (a.code_list, a.code, a.start or dt.date.min))

    def __contains__(self, iso3: str) -> bool:
        return iso3 in self.names or iso3 in self.codes.values()

    def name(self, iso3: str) -> str:
        """The English short name of a state (its code when unknown)."""
        return self.names.get(iso3, iso3)

    def resolve(self, name: str, *, file=None, line=None) -> str:
        """Return the ISO alpha-3 code for ``name`` or raise :class:`UnknownStateError`.

        Raises
        ------
        InputError
            ``name`` is longer than :data:`graphkit.limits.MAX_NAME` characters.
        DataError
            A ``gk:nameRegex`` ran longer than :data:`PATTERN_TIMEOUT` on it.
        """
        raw = check_length(name, "state name", MAX_NAME, file=file, line=line).strip()
        if raw.upper() in self.codes and (len(raw) == 3 or raw.isupper()):
            return self.codes[raw.upper()]
        key = normalise_name(raw)
        if key in self.labels:
            return self.labels[key]
        if key in ABBREVIATIONS and ABBREVIATIONS[key] in self:
            return ABBREVIATIONS[key]
        hits = sorted({iso3 for rx, iso3 in self.patterns if self._search(rx, iso3, raw, file, line)})
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise UnknownStateError(
                f"state name {raw!r} is ambiguous: it matches " + ", ".join(f"{h} ({self.name(h)})" for h in hits),
                file=file, line=line, value=raw, hint="write the state's full name or its ISO alpha-3 code",
            )
        raise UnknownStateError(
            f"unknown state {raw!r}", file=file, line=line, value=raw, hint=self.suggest(raw),
        )

    @staticmethod
    def _search(rx, iso3: str, text: str, file, line) -> bool:
        try:
            return rx.search(text, timeout=PATTERN_TIMEOUT) is not None
        except TimeoutError:
            raise DataError(f"the gk:nameRegex of {iso3} ({shorten(rx.pattern)!r}) ran over {PATTERN_TIMEOUT} s on the "
                            f"name {shorten(text)!r}", file=file, line=line, value=rx.pattern,
                            hint="the pattern backtracks without end (nested repetition like (a|aa)+); "
                                 "simplify it in data/states.ttl, or write the state's ISO alpha-3 code here") from None

    def check_code(self, code: str, *, file=None, line=None) -> str:
        """Accept an ISO alpha-3 code of a known state, else raise with the closest codes."""
        if code in self.names:
            return code
        check_length(code, "state name", MAX_NAME, file=file, line=line)
        raise UnknownStateError(
            f"unknown state code {code!r}", file=file, line=line, value=code, hint=self.suggest(code),
        )

    def suggest(self, text: str) -> str:
        """A hint naming the closest codes or names ("did you mean FRA (France)?"); none for over-long text."""
        if len(text) > MAX_NAME:
            return f"at most {MAX_NAME} characters: write the state's name or its ISO alpha-3 code"
        if len(text) == 3 and text.isupper():
            close = difflib.get_close_matches(text, sorted(self.names), n=3, cutoff=0.5)
        else:
            by_label = difflib.get_close_matches(normalise_name(text), sorted(self.labels), n=3, cutoff=0.6)
            close = list(dict.fromkeys(self.labels[l] for l in by_label))
        if close:
            return "did you mean " + " or ".join(f"{c} ({self.name(c)})" for c in close) + "?"
        return "ISO 3166-1 alpha-3 code or a state name expected (see data/states.ttl)"

    # ------------------------------------------------------------ keys as analyses take them

    def key_of(self, text: str) -> str:
        """The key for a state code, historic key or name, strictly: a three-letter code must be a known key.

        Commands take states this way (``graphkit compare FRA deu Borduria``):
        "FRN" is an error with the closest codes, never a name lookup that
        might find something else.

        Examples
        --------
        >>> r = StateResolver(tiny_world_graph())
        >>> r.key_of("aaa"), r.key_of("Borduria")
        ('AAA', 'BBB')
        >>> r.key_of("AAB")
        Traceback (most recent call last):
        ...
        graphkit.errors.UnknownStateError: unknown state code 'AAB' — did you mean AAA (Avalon)?
        """
        raw = text.strip()
        if len(raw) == 3 and raw.isalpha():
            code = raw.upper()
            if code in self.keys or code in self.names:
                return code
            close = closest_codes(code, self.keys or self.names)
            hint = ("did you mean " + " or ".join(f"{c} ({self.name(c)})" for c in close) + "?" if close else
                    "an ISO 3166-1 alpha-3 code (data/states.ttl) or a historic key (data/historic-entities.ttl) expected")
            raise UnknownStateError(f"unknown state code {raw!r}", value=raw, hint=hint)
        return self.resolve(raw)

    # ------------------------------------------------------------ dataset codes by date

    def _dated(self, code_list: str, code: str) -> list[Assignment]:
        return [a for a in self.assignments if a.code_list == code_list and a.code == code]

    def resolve_code(self, code_list: str, code: str, day: dt.date, *, file=None, line=None) -> str:
        """The key of the entity a dataset's ``code`` denotes on ``day`` (raise :class:`UnknownStateError`).

        ``code_list`` names the dataset's coding: ``voeten`` (ISO alpha-2 with
        COW continuity) or ``iso3`` (ISO alpha-3 and historic keys: the UN
        Digital Library, the Human Rights Council records).

        Examples
        --------
        >>> r = StateResolver()
        >>> r.iso2, r.keys = {"CN": "CHN", "RU": "RUS"}, {"CHN", "RUS", "SUN"}
        >>> r.assignments = [Assignment("voeten", "RU", "SUN", end=dt.date(1991, 12, 23)),
        ...                  Assignment("voeten", "RU", "RUS", start=dt.date(1991, 12, 24))]
        >>> r.resolve_code("voeten", "RU", dt.date(1985, 12, 3)), r.resolve_code("voeten", "RU", dt.date(1992, 1, 2))
        ('SUN', 'RUS')
        >>> r.resolve_code("voeten", "XX", dt.date(2000, 1, 1))
        Traceback (most recent call last):
        ...
        graphkit.errors.UnknownStateError: country code 'XX' denotes no state or historic entity on 2000-01-01 — ...
        """
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
        if code in self.keys:
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
        fixed = {c: self.resolve_code(code_list, c, d.date(), file=file, line=int(n))
                 for c, d, n in zip(firsts["code"], firsts["day"], firsts["line"]) if c not in dated}
        keys = frame["code"].map(fixed).to_numpy(dtype=object)
        rows = frame["code"].isin(dated).to_numpy()
        if rows.any():
            sub = frame[rows]
            pairs = sub.drop_duplicates(["code", "day"])
            found = {(c, d): self.resolve_code(code_list, c, d.date(), file=file, line=int(n))
                     for c, d, n in zip(pairs["code"], pairs["day"], pairs["line"])}
            keys[rows] = [found[(c, d)] for c, d in zip(sub["code"], sub["day"])]
        return keys

    def merge_key(self, key: str) -> str:
        """Follow ``gk:continuedBy`` to the entity holding the seat today (SUN → RUS).

        Examples
        --------
        >>> r = StateResolver()
        >>> r.continued_by = {"SUN": "RUS"}
        >>> r.merge_key("SUN"), r.merge_key("FRA")
        ('RUS', 'FRA')
        """
        seen = {key}
        while key in self.continued_by and self.continued_by[key] not in seen:
            key = self.continued_by[key]
            seen.add(key)
        return key


def read_state_graph(data_dir=DEFAULT_DATA) -> Graph:
    """The state files of a data folder (:data:`STATE_FILES`) as one graph."""
    from .turtle import parse_turtle

    graph = Graph()
    for name in STATE_FILES:
        path = Path(data_dir) / name
        if path.exists():
            parse_turtle(path, graph)
    return graph


def load_states(data_dir=DEFAULT_DATA, graph: Graph | None = None) -> StateResolver:
    """The resolver of a data folder's ``states.ttl`` and ``historic-entities.ttl`` (or of a graph holding them).

    Read once per process and data folder (the files are keyed by their
    modification times, so an edited file is read again).
    """
    if graph is not None:
        return StateResolver(graph)
    root = Path(data_dir).resolve()
    stamps = tuple((root / n).stat().st_mtime_ns if (root / n).exists() else 0 for n in STATE_FILES)
    return _cached_states(str(root), stamps)


@lru_cache(maxsize=4)
def _cached_states(root: str, stamps: tuple) -> StateResolver:
    return StateResolver(read_state_graph(root))
