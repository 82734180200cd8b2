"""What the Council's record fields say, read apart: the symbol's session and kind, the title, the agenda item and its subjects.

The UN Library's voting records (MARC fields, as the ``tsujamin/unhrc-nominate``
scraper stored them) give each recorded vote a symbol (``A/HRC/RES/51/1``,
``A/HRC/DEC/1/106``, ``A/HRC/RES/S-1/1``, the draft ``A/HRC/51/L.43``), a
title that ends with the document type (``… :resolution /adopted by the Human
Rights Council at its 51st session``) and an agenda field that names the report,
the agenda item and the UN subject headings (``A/HRC/53/1 -10.Technical
assistance and capacity-building -UKRAINE``). The functions here take these
strings apart without guessing: what does not parse is kept as written and
left without a session, a kind or an item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Symbol", "parse_symbol", "clean_title", "record_kind", "Agenda", "parse_agenda", "AGENDA_ITEMS",
           "record_id"]

#: The Council's agenda items (its programme of work since 2007, A/HRC/RES/5/1), titled as the records write them.
#: ``item4`` … are the issue codes ``--issue`` takes.
AGENDA_ITEMS = {
    "item1": "Organizational and procedural matters",
    "item2": "Annual report of the United Nations High Commissioner for Human Rights and reports of the Office of "
             "the High Commissioner and the Secretary-General",
    "item3": "Promotion and protection of all human rights, civil, political, economic, social and cultural rights, "
             "including the right to development",
    "item4": "Human rights situations that require the Council’s attention",
    "item5": "Human rights bodies and mechanisms",
    "item6": "Universal periodic review",
    "item7": "Human rights situation in Palestine and other occupied Arab territories",
    "item8": "Follow-up and implementation of the Vienna Declaration and Programme of Action",
    "item9": "Racism, racial discrimination, xenophobia and related forms of intolerance, follow-up and implementation "
             "of the Durban Declaration and Programme of Action",
    "item10": "Technical assistance and capacity-building",
}

_SYMBOL = re.compile(r"^A/HRC/(?:(?P<series>RES|DEC)/?)?(?P<special>S-)?(?P<session>\d+)/(?P<draft>L\.)?[0-9A-Za-z./-]+(?:\s.*)?$")


@dataclass(frozen=True)
class Symbol:
    """A Council symbol read apart: its session (special sessions apart), its series, whether it is a draft (L-document)."""

    session: int | None
    special: bool
    series: str | None      # "RES", "DEC" or None (an L-document)
    draft: bool


def parse_symbol(symbol: str) -> Symbol | None:
    """The session and series of a Council symbol, or None when it is not one.

    Examples
    --------
    >>> parse_symbol("A/HRC/RES/51/1")
    Symbol(session=51, special=False, series='RES', draft=False)
    >>> parse_symbol("A/HRC/51/L.6").draft, parse_symbol("A/HRC/RES/S-1/1").special
    (True, True)
    >>> parse_symbol("A/HRC/DEC22/117").session          # as one record of the file writes it
    22
    >>> parse_symbol("A/HRC/50/L.37 as orally revised").draft
    True
    >>> parse_symbol("S/2022/431") is None
    True
    """
    m = _SYMBOL.match(symbol.strip())
    if m is None:
        return None
    return Symbol(int(m["session"]), bool(m["special"]), m["series"], bool(m["draft"]))


def record_id(symbol: str) -> str:
    """The record's id in IRIs: its symbol with ``/`` as ``-`` and spaces as ``_`` (``A/HRC/RES/51/1`` → ``A-HRC-RES-51-1``).

    Other characters than letters, digits, ``.``, ``-`` and ``_`` are dropped.

    Examples
    --------
    >>> record_id("A/HRC/51/L.43"), record_id(" A/HRC/RES/S-1/1 "), record_id("A/HRC/50/L.37 as orally revised")
    ('A-HRC-51-L.43', 'A-HRC-RES-S-1-1', 'A-HRC-50-L.37_as_orally_revised')
    """
    text = "_".join(symbol.split()).replace("/", "-")
    return re.sub(r"[^A-Za-z0-9._-]", "", text)


_TYPE_TAIL = re.compile(r"\s*:?\s*(?P<type>resolution|decision|amendment)\s*/.*$", re.IGNORECASE | re.DOTALL)


def clean_title(summary: str) -> str:
    """The title without its document-type tail (``:resolution /adopted by …``), whitespace folded.

    Examples
    --------
    >>> clean_title("Situation of human rights in Ethiopia :resolution /adopted by the Human Rights Council at its 51st session")
    'Situation of human rights in Ethiopia'
    >>> clean_title("Situation of human rights in Belarus in its aftermathamendment /Human Rights Council at its 46th s")
    'Situation of human rights in Belarus in its aftermath'
    """
    text = " ".join(summary.split())
    return _TYPE_TAIL.sub("", text).strip()


def record_kind(symbol: Symbol | None, summary: str) -> str | None:
    """``resolution``, ``decision``, ``amendment`` or ``draft`` — from the symbol, and for an L-document from its title's type.

    An L-document whose title is typed "amendment" is an amendment; typed
    "resolution" or "decision", it is the draft itself (voted under its draft
    symbol); untyped, it stays ``L-document`` (draft or amendment, unknown).

    Examples
    --------
    >>> record_kind(parse_symbol("A/HRC/RES/41/2"), "Philippines :resolution /adopted")
    'resolution'
    >>> record_kind(parse_symbol("A/HRC/51/L.43"), "Arbitrary detention :amendment /Human Rights Council")
    'amendment'
    >>> record_kind(parse_symbol("A/HRC/35/L.41"), "Elimination of discrimination :resolution /adopted")
    'draft'
    >>> record_kind(parse_symbol("A/HRC/38/L.24"), "no type given")
    'L-document'
    >>> record_kind(parse_symbol("A/HRC/RES/56/L.35"), "Technology-facilitated violence :amendment /Human Rights Council")
    'amendment'
    """
    if symbol is None:
        return None
    if symbol.series == "RES" and not symbol.draft:
        return "resolution"
    if symbol.series == "DEC" and not symbol.draft:
        return "decision"
    m = _TYPE_TAIL.search(" ".join(summary.split()))
    if m is None:
        return "L-document"
    return "amendment" if m["type"].lower() == "amendment" else "draft"


@dataclass(frozen=True)
class Agenda:
    """An agenda field read apart: the report it cites, the item (number, code, title) and the subject headings."""

    text: str
    report: str | None
    number: int | None
    item: str | None          # "item4" when the title is that item's; None otherwise
    title: str | None
    subjects: tuple[str, ...]


_AGENDA = re.compile(r"^(?P<report>A/.*?)?\s*-?\s*(?P<number>\d{1,2})\s*\.\s*(?P<rest>[A-Z].*)$")
_SUBJECT_START = re.compile(r"(?:(?<=\s)|(?<=\.))-(?=\S)")
_SUBJECT_SPLIT = re.compile(r"\s+-\s*|-\s+")


def _start(text: str, n: int = 8) -> str:
    """The first ``n`` letters, lower case, spaces and punctuation dropped ("Follow-up to" → "followup")."""
    return "".join(re.findall(r"[a-z]+", text.lower()))[:n]


def parse_agenda(text: str) -> Agenda:
    """The item and subjects of an agenda field; what does not parse is kept whole, without item or subjects.

    The item code is given only when the title under the number is that item's
    title (its first eight letters, so that "situation that require" and
    "Follow-up to and" still count): the first sessions of 2006–2007 numbered
    their items otherwise.

    Examples
    --------
    >>> a = parse_agenda("A/HRC/53/1 -10.Technical assistance and capacity-building -UKRAINE")
    >>> a.report, a.number, a.item, a.subjects
    ('A/HRC/53/1', 10, 'item10', ('UKRAINE',))
    >>> parse_agenda("A/HRC/56/1-3.Promotion and protection of all human rights, including the right to development.-DIGITAL "
    ...              "TECHNOLOGY -WOMEN - GENDER-BASED VIOLENCE").subjects
    ('DIGITAL TECHNOLOGY', 'WOMEN', 'GENDER-BASED VIOLENCE')
    >>> a = parse_agenda("A/61/53 (Part 1, Annex I) -4.Implementation of General Assembly resolution 60/251 -ARAB COUNTRIES")
    >>> a.report, a.number, a.item, a.subjects
    ('A/61/53 (Part 1, Annex I)', 4, None, ('ARAB COUNTRIES',))
    >>> parse_agenda("STATE OF PALESTINE - GAZA STRIP").subjects
    ('STATE OF PALESTINE', 'GAZA STRIP')
    >>> parse_agenda("Amendment to A/HRC/39/L.20 Rejected by a recorded vote").subjects
    ()
    """
    folded = " ".join(text.split())
    m = _AGENDA.match(folded)
    if m is None:
        if folded and not re.search(r"[a-z]", folded):          # subject headings only, upper case
            return Agenda(folded, None, None, None, None, tuple(s for s in _SUBJECT_SPLIT.split(folded) if s))
        return Agenda(folded, None, None, None, None, ())
    rest = m["rest"]
    cut = _SUBJECT_START.search(rest)
    title, subjects = (rest[:cut.start()], rest[cut.end():]) if cut else (rest, "")
    title = title.strip().rstrip(".").strip()
    number = int(m["number"])
    code = f"item{number}"
    item = code if code in AGENDA_ITEMS and _start(title) == _start(AGENDA_ITEMS[code]) else None
    return Agenda(folded, (m["report"] or "").strip() or None, number, item, title or None,
                  tuple(s.strip() for s in _SUBJECT_SPLIT.split(subjects) if s.strip()))
