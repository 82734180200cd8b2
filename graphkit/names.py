"""Resolve state names as sources spell them to ISO 3166-1 alpha-3 codes.

Sources write "U.K.", "Congo - Brazzaville", "St. Kitts & Nevis", "Ivory Coast"
or "Royaume-Uni". :class:`StateResolver` tries, in order: an ISO alpha-3 or
alpha-2 code, the labels in ``data/states.ttl`` (English and French, preferred
and alternative, compared without case, accents or punctuation), a few common
abbreviations, and last country_converter's name patterns (``gk:nameRegex``).
A name that matches nothing — or matches two states — is an error that suggests
the closest names; it is never dropped silently.

Work is bounded whatever the input: a name longer than
:data:`graphkit.limits.MAX_NAME` characters is refused before any matching
(searching ~200 patterns such as ``.*italy`` through a long text costs time in
the square of its length: 11 s for 20,000 characters), and the patterns, which
come from data files, run with the ``regex`` package's timeout, so that a
pattern that backtracks without end is reported instead of hanging the command.
"""
from __future__ import annotations

import difflib
import re
import unicodedata

import regex
from rdflib import Graph

from .errors import DataError, UnknownStateError
from .limits import MAX_NAME, check_length, shorten
from .namespaces import GK, RDF, SKOS

__all__ = ["StateResolver", "normalise_name", "closest_codes", "PATTERN_TIMEOUT"]

#: Seconds one ``gk:nameRegex`` may take on one name (real patterns take microseconds).
PATTERN_TIMEOUT = 0.25

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


class StateResolver:
    """Map names and codes to ISO alpha-3 codes using the states in a graph.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph holding ``gk:State`` nodes with ``gk:iso3``, ``gk:iso2``,
        ``skos:prefLabel`` / ``skos:altLabel`` and optionally ``gk:nameRegex``.
    """

    def __init__(self, graph: Graph):
        self.labels: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        self.patterns: list[tuple[regex.Pattern, str]] = []
        for state in graph.subjects(RDF.type, GK.State):
            iso3 = graph.value(state, GK.iso3)
            if iso3 is None:
                continue
            iso3 = str(iso3)
            self.codes[iso3] = iso3
            iso2 = graph.value(state, GK.iso2)
            if iso2 is not None:
                self.codes.setdefault(str(iso2), iso3)
            for prop in (SKOS.prefLabel, SKOS.altLabel):
                for label in graph.objects(state, prop):
                    self.labels.setdefault(normalise_name(str(label)), iso3)
                    if prop == SKOS.prefLabel and label.language == "en":
                        self.names[iso3] = str(label)
            for rx in graph.objects(state, GK.nameRegex):
                try:
                    self.patterns.append((regex.compile(str(rx), regex.IGNORECASE), iso3))
                except regex.error as exc:
                    raise DataError(f"the gk:nameRegex {shorten(rx)!r} of {iso3} is not a valid regular expression ({exc})",
                                    value=str(rx), hint="fix the pattern in data/states.ttl") from None

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
