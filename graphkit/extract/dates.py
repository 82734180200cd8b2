"""Dates in news and UN texts, resolved against the publication date.

Three kinds of expression: absolute ("1 July 2020", "le 1er juillet", "in July
2019", "en 2016"), relative to the publication date ("mercredi", "on Thursday",
"hier", "le 1er juillet dernier", "l'année dernière") and relative to another
act ("deux jours plus tôt", "two days earlier", "la veille", "the next day"),
resolved later against that act's date. Each date has a precision: day, month
or year. A date without a year is the most recent such date on or before the
publication date, as news report the past.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .counts import NUMBER, parse_number

__all__ = ["DateMention", "find_dates", "shift"]

_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
_WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_ABBREVIATIONS = {"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "aug.": 8, "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11,
                  "dec.": 12, "janv.": 1, "fevr.": 2, "fev.": 2, "avr.": 4, "juil.": 7}
_M = r"(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + "|" + "|".join(
    re.escape(a) for a in sorted(_ABBREVIATIONS, key=len, reverse=True) if a.endswith(".")) + r")"
_MONTHS = {**_MONTHS, **_ABBREVIATIONS}
_Y = r"(?P<y>(?:19|20)\d{2})"
_D = r"(?P<d>[0-3]?\d|1er|premier)(?:st|nd|rd|th)?"
_UNITS = {"jour": 1, "jours": 1, "day": 1, "days": 1, "semaine": 7, "semaines": 7, "week": 7, "weeks": 7}

_PATTERNS = [
    # 1er juillet 2020 / 1 July 2020 / le 1er juillet dernier
    ("day", re.compile(r"\b" + _D + r"\s+(?:of\s+)?" + _M + r"(?:\s+" + _Y + r")?(?P<last>\s+dernier)?\b")),
    # July 1, 2020 / July 1st
    ("day", re.compile(r"\b" + _M + r"\s+" + _D + r"\b(?:,?\s+" + _Y + r")?")),
    # in July 2019 / en juillet 2019 / fin juin 2020 / en juillet dernier / last July
    ("month", re.compile(r"\b(?:(?:in|en|fin|debut|mi|early|late|mid|au mois de|(?:des |depuis )?le mois de|last|en)[\s-]+)" + _M
                         + r"(?:\s+" + _Y + r"|(?P<lastyear>\s+(?:of\s+)?(?:last year|l'an dernier|l'annee derniere|de l'annee "
                         r"derniere|de l'an dernier|the previous year))|(?P<last>\s+dernier))?\b")),
    ("month", re.compile(r"\b" + _M + r"\s+" + _Y + r"\b")),
    # en 2016 / in 2016
    ("year", re.compile(r"\b(?:in|en|during|durant|depuis|since)\s+" + _Y + r"\b")),
]
_RELATIVE_PUBLISHED = [
    (re.compile(r"\b(?:hier|yesterday)\b"), -1),
    (re.compile(r"\b(?:aujourd'hui|today|ce jour|this (?:morning|afternoon|evening)|tonight|ce (?:matin|soir)|cet apres-midi)\b"), 0),
    (re.compile(r"\bavant-hier\b|\bthe day before yesterday\b"), -2),
]
_YEAR_RELATIVE = [
    (re.compile(r"\b(?:l'annee derniere|l'an dernier|last year|a year ago|one year ago|il y a un an)\b"), -1),
    (re.compile(r"\b(?:cette annee|this year)\b"), 0),
]
_MONTH_RELATIVE = [
    (re.compile(r"\b(?:le mois dernier|le mois passe|last month|the previous month|the month before)\b"), -1),
    (re.compile(r"\b(?:(?:earlier|later|early|late) (?:in )?this month|this month|ce mois-ci|plus tot ce mois-ci|"
                r"(?:au )?debut du mois|en debut de mois|au cours du mois)\b"), 0),
]
_WEEKDAY = re.compile(r"\b(?P<last>last |this past )?(?P<w>" + "|".join(_WEEKDAYS) + r")\b(?P<dernier>\s+dernier)?"
                      r"(?!\s+(?:\d|1er|premier|" + "|".join(re.escape(m) for m in _MONTHS) + r")\b)")
_RELATIVE_ACT = [
    (re.compile(r"\b(?P<n>" + NUMBER + r"|une|un|a|an)\s+(?P<u>jours?|semaines?|days?|weeks?)\s+(?:jour pour jour\s+|to the day\s+)?"
                r"(?P<dir>plus tot|auparavant|avant|earlier|before|plus tard|apres|later|after)\b"), None),
    # "à la veille de l'élection", "on the eve of the vote": the day before another event, not before the act's
    (re.compile(r"\b(?:la veille|the day before|the previous day|the eve)\b(?!\s+(?:de|du|des|d'|of)\b|\s*d')"), -1),
    (re.compile(r"\b(?:le meme jour|the same day|on the same day|ce meme jour|(?:earlier|later) (?:in the meeting|that day)|"
                r"at the same meeting|during the same meeting|lors de la meme (?:seance|reunion)|a la meme seance|"
                r"(?:plus tot|plus tard) dans la (?:seance|journee)|au cours de la meme seance)\b"), 0),
    (re.compile(r"\b(?:le lendemain|the next day|the following day|the day after)\b(?!\s+(?:de|du|des|d'|of)\b|\s*d')"), 1),
    (re.compile(r"\b(?:(?:quelques|plusieurs|some|a few|several|" + NUMBER + r"|une|an)\s+)?(?:heures?|hours?)\s+"
                r"(?:plus tot|auparavant|avant|earlier|before|plus tard|apres|later)\b"), 0),
]
#: "a year earlier", "un an plus tôt", "the previous year": a year counted from the act before.
_YEAR_BEFORE_ACT = re.compile(r"\b(?:(?:a|one|un|une) (?:year|an|annee) (?:earlier|before|plus tot|auparavant|avant)|"
                              r"the (?:previous|preceding) year|the year before|l'annee (?:precedente|d'avant|d'avant))\b")


#: "deux mois plus tôt", "three months later": months counted from the act before (anchor_offset in months).
_MONTHS_FROM_ACT = re.compile(r"\b(?P<n>" + NUMBER + r"|un|a|one)\s+(?:mois|months?)\s+(?P<dir>plus tot|auparavant|avant|earlier|"
                              r"before|plus tard|apres|later|after)\b")
_BEFORE_WORDS = ("plus tot", "auparavant", "avant", "earlier", "before")


@dataclass(frozen=True)
class DateMention:
    """A date expression: ``value`` is a date (None when relative to another act).

    ``precision`` is ``day``, ``month`` or ``year``; ``anchor_offset`` is the
    number of days (years, when ``precision`` is ``year``) to add to another act's date when ``value`` is None.
    """

    start: int
    end: int
    value: dt.date | None
    precision: str
    anchor_offset: int | None = None

    def iso(self) -> str | None:
        """``YYYY-MM-DD`` or ``YYYY-MM`` or ``YYYY`` by precision; None if unresolved."""
        if self.value is None:
            return None
        return {"day": self.value.isoformat(), "month": self.value.isoformat()[:7], "year": str(self.value.year)}[self.precision]


def _day(text: str) -> int:
    return 1 if text in ("1er", "premier") else int(text)


def _past(year: int | None, month: int, day: int, published: dt.date, last: bool) -> dt.date | None:
    """The date with ``year``, or the latest such date on or before ``published``."""
    try:
        if year is not None:
            return dt.date(year, month, day)
        candidate = dt.date(published.year, month, day)
        if candidate > published or (last and candidate == published):
            candidate = dt.date(published.year - 1, month, day)
        return candidate
    except ValueError:
        return None


def shift(value: dt.date, days: int) -> dt.date:
    """``value`` moved by ``days`` days (negative: earlier)."""
    return value + dt.timedelta(days=days)


def find_dates(folded: str, published: dt.date) -> list[DateMention]:
    """Date expressions in folded text, resolved against ``published``.

    Examples
    --------
    >>> pub = dt.date(2020, 9, 10)   # a Thursday
    >>> [(d.iso(), d.precision) for d in find_dates("le 1er juillet dernier, 46 etats", pub)]
    [('2020-07-01', 'day')]
    >>> [d.iso() for d in find_dates("a declare mercredi que", pub)]
    ['2020-09-09']
    >>> [(d.iso(), d.precision) for d in find_dates("in july 2019 and en 2016", pub)]
    [('2019-07', 'month'), ('2016', 'year')]
    >>> [(d.iso(), d.precision) for d in find_dates("le mois dernier ; earlier this month ; last thursday", pub)]
    [('2020-08', 'month'), ('2020-09', 'month'), ('2020-09-03', 'day')]
    >>> [(d.value, d.anchor_offset) for d in find_dates("deux jours plus tot la haute-commissaire", pub)]
    [(None, -2)]
    >>> [d.iso() for d in find_dates("last september; in june last year; en juillet de l'annee derniere", pub)]
    ['2019-09', '2019-06', '2019-07']
    >>> [d.iso() for d in find_dates("vetoed on oct. 24; on thursday declared", pub)]
    ['2019-10-24', '2020-09-10']
    >>> [(d.value, d.precision, d.anchor_offset) for d in find_dates("quelques heures plus tot ; a year earlier", pub)]
    [(None, 'day', 0), (None, 'year', -1)]
    >>> [(d.value, d.precision, d.anchor_offset) for d in find_dates("deux mois plus tot", pub)]
    [(None, 'month', -2)]
    """
    found: list[DateMention] = []

    def free(start, end):
        return not any(d.start < end and start < d.end for d in found)

    for precision, rx in _PATTERNS:
        for m in rx.finditer(folded):
            if not free(*m.span()):
                continue
            groups = m.groupdict()
            month = _MONTHS[groups["m"]] if groups.get("m") else 1
            year = int(groups["y"]) if groups.get("y") else None
            if precision == "day":
                value = _past(year, month, _day(groups["d"]), published, bool(groups.get("last")))
            elif precision == "month":
                last = bool(groups.get("last")) or m.group().startswith("last")     # "last July", written in July
                if groups.get("lastyear"):
                    year = published.year - 1              # "in June last year"
                value = _past(year, month, 1, published.replace(day=1), last)
            else:
                value = dt.date(year, 1, 1)
            if value is not None:
                found.append(DateMention(m.start(), m.end(), value, precision))
    for rx, days in _RELATIVE_PUBLISHED:
        for m in rx.finditer(folded):
            if free(*m.span()):
                found.append(DateMention(m.start(), m.end(), shift(published, days), "day"))
    for rx, years in _YEAR_RELATIVE:
        for m in rx.finditer(folded):
            if free(*m.span()):
                found.append(DateMention(m.start(), m.end(), dt.date(published.year + years, 1, 1), "year"))
    for rx, months in _MONTH_RELATIVE:
        for m in rx.finditer(folded):
            if free(*m.span()):
                first = published.replace(day=1)
                value = shift(first, -1).replace(day=1) if months == -1 else first
                found.append(DateMention(m.start(), m.end(), value, "month"))
    for m in _WEEKDAY.finditer(folded):
        if free(*m.span()):
            back = (published.weekday() - _WEEKDAYS[m.group("w")]) % 7
            if back == 0 and (m.group("last") or m.group("dernier")):
                back = 7        # "vendredi dernier" written on a Friday: the week before
            found.append(DateMention(m.start(), m.end(), shift(published, -back), "day"))
    for rx, days in _RELATIVE_ACT:
        for m in rx.finditer(folded):
            if not free(*m.span()):
                continue
            if days is None:
                n = 1 if m.group("n") in ("une", "un", "a", "an") else parse_number(m.group("n"))
                n *= _UNITS[m.group("u")]
                days = -n if m.group("dir") in _BEFORE_WORDS else n
                found.append(DateMention(m.start(), m.end(), None, "day", days))
                days = None
            else:
                found.append(DateMention(m.start(), m.end(), None, "day", days))
    for m in _YEAR_BEFORE_ACT.finditer(folded):
        if free(*m.span()):
            found.append(DateMention(m.start(), m.end(), None, "year", -1))
    for m in _MONTHS_FROM_ACT.finditer(folded):
        if free(*m.span()):
            n = 1 if m.group("n") in ("un", "a", "one") else parse_number(m.group("n"))
            if n:
                found.append(DateMention(m.start(), m.end(), None, "month", -n if m.group("dir") in _BEFORE_WORDS else n))
    return sorted(found, key=lambda d: d.start)
