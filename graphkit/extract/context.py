"""Where and when an act happened: the forum named for it, and the date that is the act's own.

A sentence often names several bodies and several dates. The forum of an act is the body that acts, not the
one it works around ("the General Assembly set up a mechanism to get around the veto in the Security
Council" → General Assembly); "the Council" and "l'Assemblée" stand for the body the text names elsewhere.
The date of an act is not a date inside a noun phrase ("the referendum planned for 16 March", "crimes
committed since March 2011", "l'élection d'août") nor an agency dateline ("GENEVA, July 2 —").
"""
from __future__ import annotations

import datetime as dt
import re

from .dates import DateMention, find_dates

__all__ = ["FORUM_PATTERNS", "forums_in", "resolve_anaphora", "mask_datelines", "dateline_spans", "act_dates"]

GA, HRC, SC, C3 = ("General Assembly", "Human Rights Council", "Security Council", "Third Committee of the General Assembly")
#: Forums by their names, longest first; a match inside a longer one ("Third Committee of the General
#: Assembly") is not counted again.
FORUM_PATTERNS = [
    (C3, re.compile(r"\b(?:troisieme commission(?: de l'assemblee generale)?|third committee(?: of the (?:united nations |un |u\.n\. )?"
                    r"general assembly)?|(?:general assembly's|assemblee generale\W{0,3}) (?:human rights|third) committee|"
                    r"human rights committee of the general assembly)\b|\ba/c\.3/\d")),
    (HRC, re.compile(r"\b(?:conseil des droits de l'homme|human rights council|(?:u\.?n\.? )?rights (?:council|body)|cdh|hrc)\b")),
    (SC, re.compile(r"\b(?:conseil de securite|security council)\b|\bs/(?:res/)?\d{3,4}\b|\bs/20\d\d/\d")),
    (GA, re.compile(r"\b(?:assemblee generale|general assembly|unga)\b|\ba/(?:res/)?(?:es-)?\d{1,2}(?:/\d|-\d)")),
]
#: "The Council", "l'Assemblée": a body named earlier in the text.
_ANAPHORA = [
    ("council", re.compile(r"\b(?:the council|le conseil|du conseil|au conseil|council members|membres du conseil)\b(?! (?:de|des|of) )")),
    (GA, re.compile(r"\b(?:the assembly|l'assemblee|the 193-member assembly|assembly)\b(?! generale| of )")),
    (C3, re.compile(r"\b(?:(?:this|the same|that) committee|(?:cette|la meme) commission|devant la commission)\b")),
]
#: A body named as what an act works around or what is blocked, not as the one acting.
_OBSTACLE_BEFORE = re.compile(r"(?:(?:contourn\w*|get around|bypass\w*|circumvent\w*|way around|deadlock\w*|paralys\w*|"
                              r"vetos? (?:repetes? )?(?:de|of)|vetoes)[^.;,]{0,60}|"
                              r"(?:recommendations? of|recommandations? de|sur (?:la )?recommandation de|report of|rapport de) "
                              r"(?:its |the |sa |la |l')?)$")
_OBSTACLE_AFTER = re.compile(r"^[^.;]{0,12}\b(?:deadlock\w*|paralys\w*|bloque\w*|blocked)\b")


def forums_in(folded: str, *, acting_only: bool = True) -> list[tuple[int, str]]:
    """Forums named in folded text, as (offset, label), without nested repeats.

    Examples
    --------
    >>> forums_in("la troisieme commission de l'assemblee generale a ete le theatre")
    [(3, 'Third Committee of the General Assembly')]
    >>> forums_in("pour contourner les vetos de la russie au conseil de securite, l'assemblee generale a cree un mecanisme")
    [(65, 'General Assembly')]
    >>> [label for _, label in forums_in("the draft (a/c.3/74/l.31); a/res/71/248; s/2019/186; a/hrc/49/l.8")]
    ['Third Committee of the General Assembly', 'General Assembly', 'Security Council', 'Human Rights Council']
    """
    found: list[tuple[int, int, str]] = []
    for label, rx in FORUM_PATTERNS:
        for m in rx.finditer(folded):
            if any(a <= m.start() < b for a, b, _ in found):
                continue
            if acting_only and (_OBSTACLE_BEFORE.search(folded[max(0, m.start() - 90):m.start()])
                                or _OBSTACLE_AFTER.match(folded[m.end():])):
                continue
            found.append((m.start(), m.end(), label))
    return [(a, label) for a, _, label in sorted(found)]


def resolve_anaphora(folded: str, text_forums: list[str]) -> list[tuple[int, str]]:
    """"The Council" / "l'Assemblée" as the forum the text names: the only council (HRC or SC) it names.

    Examples
    --------
    >>> resolve_anaphora("the council today adopted a resolution", ["Human Rights Council"])
    [(0, 'Human Rights Council')]
    """
    councils = [f for f in dict.fromkeys(text_forums) if f in (HRC, SC)]
    out = []
    for kind, rx in _ANAPHORA:
        for m in rx.finditer(folded):
            if kind == "council":
                if len(councils) == 1:
                    out.append((m.start(), councils[0]))
            elif kind == C3:          # "in this committee": the Third Committee, when the text names it
                if C3 in text_forums:
                    out.append((m.start(), C3))
            else:
                out.append((m.start(), kind))
    return sorted(out)


_DATELINE = re.compile(r"(?m)^(?P<head>[^\n.!?]{2,60}?)\s+[\u2014\u2013-]{1,2}\s")
#: A dateline that is a date alone: "28 decembre 2019", "le 3 mars 2021", "march 3, 2021".
_DATE_ONLY = re.compile(r"^\s*(?:le\s+)?(?:\d{1,2}(?:er)?\s+[a-z]+\.?\s+\d{4}|[a-z]+\.?\s+\d{1,2},?\s+\d{4})\s*$")


def dateline_spans(folded: str) -> list[tuple[int, int]]:
    """Where the agency datelines are ("nations unies (etats-unis), 1er mars 2019 –"): a place, not an actor.

    Examples
    --------
    >>> dateline_spans("titre\\nnations unies (etats-unis), 1er mars 2019 - la russie a oppose")
    [(6, 47)]
    """
    out, pos = [], 0
    for line in folded.split("\n"):
        m = _DATELINE.match(line)
        if m and "," in m.group("head") and len(m.group("head").split()) <= 7:
            out.append((pos, pos + len(m.group("head"))))
        pos += len(line) + 1
    return out


def mask_datelines(folded: str) -> str:
    """Blank the agency dateline at the start of a line ("geneva, july 2 —"), which dates the dispatch.

    Examples
    --------
    >>> mask_datelines("united nations, march 3 - the general assembly on wednesday")
    'united nations,         - the general assembly on wednesday'
    >>> mask_datelines("28 decembre 2019 - nous saluons l'adoption vendredi")
    "                 - nous saluons l'adoption vendredi"
    """
    out = []
    for line in folded.split("\n"):
        m = _DATELINE.match(line)
        if m and "," in m.group("head") and len(m.group("head").split()) <= 7:
            head = m.group("head")
            cut = head.find(",")
            line = head[:cut + 1] + " " * (len(head) - cut - 1) + line[len(head):]
        elif m and _DATE_ONLY.match(m.group("head")):      # "28 décembre 2019 – Nous saluons …"
            line = " " * len(m.group("head")) + line[len(m.group("head")):]
        out.append(line)
    return "\n".join(out)


#: Words after which a date belongs to a noun phrase, not to the act: "since March 2011", "prévu dimanche".
_NOT_ACT_DATE = re.compile(
    r"(?:\b(?:since|depuis|planned for|scheduled for|prevu\w*|organise\w* le|began|begun|commence\w*|a partir d[eu]|from|"
    r"until|jusqu'(?:a|au|en)|dated?)\b[^.,;]{0,45}|\bd'|\bde l'|\b(?:election|elections|scrutin)\s+(?:presidentielle\s+)?d[e']\s*)$")
#: "dated July 12": a letter's own date is its act's date.
_OWN_DATE = re.compile(r"\bdated\s*$")


def act_dates(folded: str, published: dt.date) -> list[DateMention]:
    """The dates of ``folded`` that can be an act's date (the others belong to what the act is about).

    Examples
    --------
    >>> pub = dt.date(2014, 3, 15)
    >>> [d.iso() for d in act_dates("this morning it failed to adopt a draft on the referendum planned for 16 march", pub)]
    ['2014-03-15']
    >>> [d.iso() for d in act_dates("crimes committed in syria since march 2011 were adopted on 21 december 2016", pub)]
    ['2016-12-21']
    >>> [d.iso() for d in act_dates("signed a letter dated july 12 to the president", dt.date(2019, 7, 13))]
    ['2019-07-12']
    """
    out, previous_end = [], 0
    for d in find_dates(folded, published):
        before = folded[max(previous_end, d.start - 60):d.start]
        previous_end = d.end
        if _NOT_ACT_DATE.search(before) and not _OWN_DATE.search(before):
            continue
        out.append(d)
    return out
