"""Find the states a text names: by name, capital or demonym, in English and French.

The gazetteer is built from three sources: the state labels in
``data/states.ttl`` (English and French, preferred and alternative), pycountry's
names with their French translations, and the hand-written tables in
:mod:`graphkit.extract.tables` (capitals, demonyms, press forms). Matching runs
on a *folded* copy of the text (lower case, accents removed, one character per
character) so that offsets stay those of the original text; a name must start
with a capital letter in the text (French demonyms excepted), so "turkey" or
"chad" in lower case are not states.
"""
from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from dataclasses import dataclass

from .tables import CAPITALS, DEMONYMS, EXTRA_NAMES

__all__ = ["Mention", "Gazetteer", "fold", "default_gazetteer"]

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—−"), "-")
_QUOTES = dict.fromkeys(map(ord, "’‘ʼ`´"), "'")

#: Words that, right after a capital, show it names something else ("Washington Post").
_NOT_AFTER = re.compile(r"^[\s-]*(post|times|agreement|accord|club|university|universite|consensus|principles|convention|declaration|process|processus)\b")
#: Words that, right before a name, show it is part of another name ("accord de Paris").
_NOT_BEFORE = re.compile(r"(george|accords? de|universite de|universite|university of|conference de|conference|club de)\s+$")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents, keeping one character per character.

    Examples
    --------
    >>> fold("Pékin a rejeté l’appel — É")
    "pekin a rejete l'appel - e"
    >>> len(fold("Émirats")) == len("Émirats")
    True
    """
    out = []
    for ch in text.translate(_DASHES).translate(_QUOTES):
        base = unicodedata.normalize("NFKD", ch)
        base = next((c for c in base if not unicodedata.combining(c)), ch)
        low = base.lower()
        out.append(low if len(low) == 1 else base)
    return "".join(out)


@dataclass(frozen=True)
class Mention:
    """A state named in a text: ``kind`` is ``name``, ``capital`` or ``demonym``."""

    iso3: str
    start: int
    end: int
    text: str
    kind: str


def _pattern(surface: str) -> str:
    """A regex for a folded surface form: spaces and hyphens interchangeable, dots optional."""
    parts = re.split(r"[\s-]+", fold(surface).strip())
    escaped = [re.escape(p).replace(r"\.", r"\.?").replace("'", r"'\s*") for p in parts]
    return r"[\s-]+".join(escaped)


def _uninvert(name: str) -> str:
    """pycountry's "Korea, Republic of" → "Republic of Korea"."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return f"{tail} {head}"
    return name


class Gazetteer:
    """Surface forms of state names mapped to ISO alpha-3 codes.

    Parameters
    ----------
    names : dict
        ``{iso3: [surface forms]}`` of names (capitalised in text).
    capitals, demonyms : dict, optional
        ``{iso3: [surface forms]}``; default the tables in :mod:`graphkit.extract.tables`.

    Examples
    --------
    >>> g = Gazetteer({"GBR": ["United Kingdom", "Royaume-Uni"], "FRA": ["France"], "CHN": ["Chine"]},
    ...               capitals={"CHN": ["Pékin"]}, demonyms={"CHN": ["chinois"]})
    >>> [(m.iso3, m.text, m.kind) for m in g.find("Le Royaume-Uni et la France ; Pekin et le ministère chinois.")]
    [('GBR', 'Royaume-Uni', 'name'), ('FRA', 'France', 'name'), ('CHN', 'Pekin', 'capital'), ('CHN', 'chinois', 'demonym')]
    >>> g.find("la france en minuscules")
    []
    """

    def __init__(self, names: dict, capitals: dict | None = None, demonyms: dict | None = None):
        capitals = CAPITALS if capitals is None else capitals
        demonyms = DEMONYMS if demonyms is None else demonyms
        forms: dict[str, dict[str, set]] = {}   # folded pattern -> {kind: {iso3}}
        self.exact: dict[str, str] = {}          # all-caps short forms matched case-sensitively
        self.lower_ok: set[str] = set()          # forms written in lower case (French demonyms)
        for kind, table in (("name", names), ("capital", capitals), ("demonym", demonyms)):
            for iso3, surfaces in table.items():
                for surface in surfaces:
                    surface = re.sub(r"^(the|The|le|la|les|l')\s+", "", surface.strip())
                    if not surface:
                        continue
                    if re.fullmatch(r"[A-Z][A-Z.]{1,4}", surface) and surface.replace(".", "").isupper():
                        self.exact[surface] = iso3
                        continue
                    if len(surface) < 4 and kind == "name" and surface.upper() == surface:
                        continue
                    forms.setdefault(_pattern(surface), {}).setdefault(kind, set()).add(iso3)
                    if kind == "demonym" and surface[0].islower():
                        self.lower_ok.add(_pattern(surface))
        self.kinds: dict[str, tuple[str, str]] = {}
        for pattern, by_kind in forms.items():
            for kind in ("name", "capital", "demonym"):
                codes = by_kind.get(kind)
                if codes and len(codes) == 1:       # a form naming two states is ambiguous: dropped
                    self.kinds[pattern] = (next(iter(codes)), kind)
                    break
        # index the patterns by their first word: only words of the text that start a name are tried
        self._by_first: dict[str, list[tuple[re.Pattern, str]]] = {}
        for pattern in sorted(self.kinds, key=len, reverse=True):
            first = re.match(r"[a-z0-9]+", pattern.replace("\\", ""))
            key = first.group() if first else ""
            self._by_first.setdefault(key, []).append((re.compile(pattern + r"(?![\w])"), pattern))
        self._exact_regex = (re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(self.exact, key=len, reverse=True)) + r")(?![\w])")
                             if self.exact else None)

    def find(self, text: str, folded: str | None = None) -> list[Mention]:
        """All state mentions in ``text``, left to right, longest match first."""
        folded = fold(text) if folded is None else folded
        found = []
        pos = 0
        for word in re.finditer(r"[a-z0-9]+", folded):
            start = word.start()
            if start < pos:
                continue
            hit = None
            for rx, pattern in self._by_first.get(word.group(), ()):
                m = rx.match(folded, start)
                if m and (hit is None or m.end() > hit[0].end()):
                    hit = (m, pattern)
            if hit is None:
                continue
            m, pattern = hit
            iso3, kind = self.kinds[pattern]
            end = m.end()
            first = text[start]
            if kind != "demonym" and not first.isupper():
                continue
            if kind == "demonym" and not first.isupper() and pattern not in self.lower_ok:
                continue
            if kind == "capital" and (_NOT_AFTER.match(folded[end:end + 30]) or _NOT_BEFORE.search(folded[max(0, start - 30):start])):
                continue
            found.append(Mention(iso3, start, end, text[start:end], kind))
            pos = end
        if self._exact_regex is not None:
            for m in self._exact_regex.finditer(text):
                if not any(f.start <= m.start() < f.end for f in found):
                    found.append(Mention(self.exact[m.group(1)], m.start(), m.end(), m.group(1), "name"))
        return sorted(found, key=lambda m: m.start)


def _pycountry_names(codes: set[str]) -> dict[str, list[str]]:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency; states.ttl alone still works
        return {}
    try:
        french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:  # pragma: no cover
        french = gettext.NullTranslations()
    out: dict[str, list[str]] = {}
    for country in pycountry.countries:
        if country.alpha_3 not in codes:
            continue
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if not name:
                continue
            for form in (name, french.gettext(name)):
                out.setdefault(country.alpha_3, []).append(_uninvert(form))
    return out


@functools.lru_cache(maxsize=4)
def default_gazetteer(data_dir: str | None = None) -> Gazetteer:
    """The gazetteer of the states of a data folder (default: the shipped one), built once, then cached.

    The names come from the one state resolver (:func:`graphkit.graph.states.load_states`:
    the labels of ``states.ttl``), with pycountry's and a few more forms added.
    """
    from ..graph.states import load_states
    from ..resources import DEFAULT_DATA

    resolver = load_states(data_dir or DEFAULT_DATA)
    names: dict[str, list[str]] = {iso3: list(forms) for iso3, forms in resolver.forms.items()}
    for iso3, forms in _pycountry_names(set(names)).items():
        names[iso3].extend(forms)
    for iso3, forms in EXTRA_NAMES.items():
        if iso3 in names:
            names[iso3].extend(forms)
    return Gazetteer(names)
