"""From text to facts: find alignment acts in French and English texts, for review.

The pipeline, one function per stage::

    read_text(path)                          -> str           (refuses empty, binary, non-UTF-8)
    extract_text(text, published, lang)     -> Extraction    (acts with evidence and offsets; JSON via .to_dict())
    extraction_graph(extraction)             -> rdflib.Dataset (the acts in a named graph marked as extracted)
    accept(doc, ids, source)                 -> rdflib.Graph  (reviewed acts as curated facts with provenance)

Nothing here writes into ``data/``: the CLI writes where the user says.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import InputError
from .acts import find_acts
from .gazetteer import Gazetteer, default_gazetteer
from .model import Act, Evidence, Extraction, load_schema, validate_json
from .nlp import detect_language, load_pipeline, sentences
from .rdf import extraction_graph
from .reading import read_text
from .review import accept

__all__ = [
    "extract_text", "extract_file", "read_text", "Extraction", "Act", "Evidence", "validate_json",
    "load_schema", "extraction_graph", "accept", "detect_language", "load_pipeline", "Gazetteer",
    "default_gazetteer",
]


def extract_text(text: str, published: dt.date, lang: str = "auto", *, source: str = "<text>",
                 gazetteer: Gazetteer | None = None) -> Extraction:
    """Find the alignment acts in ``text``; relative dates resolve against ``published``.

    Parameters
    ----------
    text : str
        The article or press release.
    published : datetime.date
        Its publication date ("mercredi", "le 1er juillet dernier" are read from it).
    lang : {"auto", "fr", "en"}
        ``auto`` guesses from common words.
    source : str
        What to record as the source (the file name).
    gazetteer : Gazetteer, optional
        Default: the states of ``data/states.ttl`` with pycountry's names.

    Returns
    -------
    Extraction
        ``.acts`` in text order, ids ``a1``, ``a2`` …; ``.to_dict()`` follows ``schema.json``.

    Examples
    --------
    >>> x = extract_text("On 1 July 2020, Belarus read a joint statement on behalf of 46 countries "
    ...                  "supporting China at the Human Rights Council.", dt.date(2020, 7, 2), "en")
    >>> a = x.acts[0]
    >>> a.kind, a.stance, a.target, a.count, a.lead, a.forum, a.date
    ('joint_statement', 'support', 'CHN', 46, 'BLR', 'Human Rights Council', '2020-07-01')
    """
    if lang == "auto":
        lang = detect_language(text)
    if lang not in ("fr", "en"):
        raise InputError(f"unknown language {lang!r}", hint="valid: fr, en, auto")
    gazetteer = gazetteer or default_gazetteer()
    acts = find_acts(text, sentences(text, lang), published, gazetteer)
    return Extraction(source, published.isoformat(), lang, acts)


def extract_file(path, published: dt.date, lang: str = "auto") -> Extraction:
    """:func:`extract_text` on a UTF-8 file; the source recorded is the path as given."""
    return extract_text(read_text(path), published, lang, source=str(Path(path)))
