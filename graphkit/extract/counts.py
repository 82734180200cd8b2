"""Numbers written in words or digits, groups of states with a count, and vote tallies.

"46 Etats", "Forty-three countries", "plus de 60 pays", "le Royaume-Uni et 27
autres pays" are groups; "by 19 votes to 17, with 11 abstentions" and
"105 voix pour, 15 contre et 52 abstentions" are tallies. All patterns run on
the folded text (see :func:`graphkit.extract.gazetteer.fold`), so offsets are
those of the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["number_words", "parse_number", "GroupCount", "Tally", "find_groups", "find_tallies", "lone_figures", "NUMBER"]

_EN_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}
_FR_UNITS = "zero un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split()
_FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def _en(n: int) -> list[str]:
    if n < 20:
        return [_EN_UNITS[n]]
    if n < 100:
        tens, unit = divmod(n, 10)
        return [_EN_TENS[tens * 10]] if unit == 0 else [f"{_EN_TENS[tens * 10]}-{_EN_UNITS[unit]}"]
    hundreds, rest = divmod(n, 100)
    head = f"{_EN_UNITS[hundreds]} hundred"
    return [head] if rest == 0 else [f"{head} and {r}" for r in _en(rest)] + [f"{head} {r}" for r in _en(rest)]


def _fr(n: int) -> list[str]:
    if n <= 16:
        return [_FR_UNITS[n]]
    if n < 20:
        return [f"dix-{_FR_UNITS[n - 10]}"]
    if n < 70:
        tens, unit = divmod(n, 10)
        word = _FR_TENS[tens * 10]
        if unit == 0:
            return [word]
        if unit == 1:
            return [f"{word} et un", f"{word}-et-un"]
        return [f"{word}-{_FR_UNITS[unit]}"]
    if n < 80:
        rest = n - 60
        if rest == 11:
            return ["soixante et onze", "soixante-et-onze"]
        return [f"soixante-{w}" for w in _fr(rest)]
    if n == 80:
        return ["quatre-vingts", "quatre-vingt"]
    if n < 100:
        return [f"quatre-vingt-{w}" for w in _fr(n - 80)]
    hundreds, rest = divmod(n, 100)
    head = "cent" if hundreds == 1 else f"{_FR_UNITS[hundreds]} cent"
    return [head + ("s" if hundreds > 1 else "")] if rest == 0 else [f"{head} {w}" for w in _fr(rest)]


def number_words() -> dict[str, int]:
    """Words for 1–199 in English and French (hyphens normalised to spaces) → their value.

    Examples
    --------
    >>> w = number_words()
    >>> w["forty three"], w["quarante six"], w["soixante et onze"], w["quatre vingt dix neuf"], w["one hundred and five"]
    (43, 46, 71, 99, 105)
    """
    words = {}
    for n in range(1, 200):
        for form in _en(n) + _fr(n):
            words[form.replace("-", " ")] = n
    return words


_WORDS = number_words()
#: A number in digits or words, in the folded text.
NUMBER = r"(?:\d{1,3}|" + "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(_WORDS, key=len, reverse=True)) + r")"


def parse_number(text: str) -> int:
    """The value of a number written in digits or words.

    Examples
    --------
    >>> parse_number("Forty-three"), parse_number("46"), parse_number("vingt-sept")
    (43, 46, 27)
    """
    text = re.sub(r"[\s-]+", " ", text.strip().lower())
    return int(text) if text.isdigit() else _WORDS[text]


_QUALIFIERS = {
    "plus de": "more_than", "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "au moins": "at_least", "at least": "at_least", "pas moins de": "at_least", "no fewer than": "at_least",
    "no less than": "at_least",
}
_GROUP = (r"(?:member\s+states|etats\s+membres|pays\s+membres|countries|states|nations|governments|delegations|"
          r"pays|etats|gouvernements|delegations)")
_GROUP_RE = re.compile(
    r"(?<![\w-])(?:(?P<q>" + "|".join(_QUALIFIERS) + r")\s+)?(?:(?:a|un)\s+(?:group|groupe)\s+(?:of|de)\s+)?"
    r"(?P<n>" + NUMBER + r")\s+(?P<other>(?:autres|other|further|additional)\s+)?"
    r"(?:(?:european|african|arab|asian|latin american|western|nordic|baltic|gulf|caribbean|pacific|islamic|muslim|"
    r"like-minded|eu|un)\s+)?" + _GROUP + r"\b")
_OTHERS_BEFORE = re.compile(r"(?:,\s*)?\s+(?:et|and)\s+(?:les\s+|aux\s+|des\s+|de\s+|the\s+)?$")


@dataclass(frozen=True)
class GroupCount:
    """A group of states with a count; ``others`` is true for "X and N other countries"."""

    count: int
    qualifier: str
    start: int
    end: int
    others: bool


@dataclass(frozen=True)
class Tally:
    """A vote tally; ``abstain`` is None when the text does not give it."""

    yes: int
    no: int
    abstain: int | None
    start: int
    end: int


def find_groups(folded: str) -> list[GroupCount]:
    """Groups with a count in folded text.

    Examples
    --------
    >>> [(g.count, g.qualifier, g.others) for g in find_groups("plus de 60 pays et forty-three countries, 27 autres pays")]
    [(60, 'more_than', False), (43, 'exactly', False), (27, 'exactly', True)]
    """
    out = []
    for m in _GROUP_RE.finditer(folded):
        q = _QUALIFIERS.get(re.sub(r"\s+", " ", m.group("q") or ""), "exactly")
        out.append(GroupCount(parse_number(m.group("n")), q, m.start(), m.end(), bool(m.group("other"))))
    return out


def others_anchor(folded: str, group: GroupCount) -> bool:
    """True when the text right before "N other countries" is "<state> and"."""
    return bool(_OTHERS_BEFORE.search(folded[max(0, group.start - 12):group.start]))


_N = r"(" + NUMBER + r")"
_ABST = r"(?:,?\s*(?:with|and|et|avec)\s+" + _N + r"\s+abstentions?|,?\s*(?P<none>with no abstentions?|sans abstentions?))?"
_TALLY_RES = [
    # by 19 votes to 17, with 11 abstentions / by a recorded vote of 122 in favour to 2 against
    re.compile(r"\bby\s+(?:a\s+(?:recorded\s+)?vote\s+of\s+)?" + _N + r"(?:\s+votes?)?(?:\s+in\s+favou?r)?\s+to\s+" + _N
               + r"(?:\s+against)?" + _ABST),
    # 105 in favour, 15 against and 52 abstentions / 105 votes for, 15 against, 52 abstaining
    re.compile(_N + r"\s+(?:votes?\s+)?(?:in\s+favou?r|for|yes)\s*,?\s*" + _N + r"\s+(?:votes?\s+)?(?:against|no)\s*"
               r"(?:,?\s*(?:and|with)?\s*" + _N + r"\s+(?:abstentions?|abstaining|abstained)|(?P<none>,?\s*with no abstentions?))?"),
    # par 105 voix contre 15, et 52 abstentions
    re.compile(r"\bpar\s+" + _N + r"\s+voix(?:\s+pour)?\s*,?\s+contre\s+" + _N + _ABST),
    # 105 voix pour, 15 contre et 52 abstentions
    re.compile(_N + r"\s+(?:voix|votes)\s+pour\s*,?\s*" + _N + r"\s+(?:voix\s+)?contre\s*"
               r"(?:,?\s*(?:et\s+)?" + _N + r"\s+abstentions?|(?P<none>,?\s*sans abstentions?))?"),
]


#: One labelled figure of a tally, in any order: "27 in favour", "7 against", "13 abstentions",
#: "14 voix contre", "64 delegations s'etant abstenues", "five abstained".
_ITEM = re.compile(
    r"(?P<n>" + NUMBER + r")\s+(?:(?:votes?|voix|delegations|members|membres|states|etats)\s+)?"
    r"(?:(?:voted|ont\s+vote)\s+)?(?P<label>in\s+favou?r|for|pour|yes|against|contre|no|abstentions?|abstaining|abstained|"
    r"(?:s'etant|se sont|having)\s+abstenu\w*|(?:s'etant\s+|se\s+sont\s+)?abstenu\w*|having\s+abstained)\b")
_ITEM_GAP = re.compile(r"^\s*(?:,|;)?\s*(?:and|et|with|avec|while|tandis que|alors que|,)?\s*$")


def _label(word: str) -> str:
    word = re.sub(r"\s+", " ", word)
    if word in ("in favour", "in favor", "for", "pour", "yes"):
        return "yes"
    if word in ("against", "contre", "no"):
        return "no"
    return "abstain"


def lone_figures(folded: str) -> dict[str, int]:
    """Labelled figures of a vote that are not a full tally ("13 votes in favour"), by position.

    Examples
    --------
    >>> lone_figures("the draft received 13 votes in favour, with russia voting against")
    {'yes': 13}
    """
    return {_label(m.group("label")): parse_number(m.group("n")) for m in _ITEM.finditer(folded)}


def _labelled_runs(folded: str) -> list[Tally]:
    """Tallies written as labelled figures in any order ("with 13 abstentions, 7 against and 27 in favour")."""
    items = [(m, _label(m.group("label"))) for m in _ITEM.finditer(folded)]
    runs, run = [], []
    for m, label in items:
        if run and (_ITEM_GAP.match(folded[run[-1][0].end():m.start()]) is None or label in {x for _, x in run}):
            runs.append(run)
            run = []
        run.append((m, label))
    runs.append(run)
    out = []
    for run in runs:
        values = {label: parse_number(m.group("n")) for m, label in run}
        if "yes" in values and "no" in values:
            out.append(Tally(values["yes"], values["no"], values.get("abstain"), run[0][0].start(), run[-1][0].end()))
    return out


def find_tallies(folded: str) -> list[Tally]:
    """Vote tallies in folded text.

    Examples
    --------
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("adopted by 19 votes to 17, with 11 abstentions")]
    [(19, 17, 11)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("par 105 voix pour, 15 contre et 52 abstentions")]
    [(105, 15, 52)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("by twenty-four votes to eight")]
    [(24, 8, None)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("with 13 abstentions, 7 against and 27 in favour")]
    [(27, 7, 13)]
    """
    out: list[Tally] = []
    for rx in _TALLY_RES:
        for m in rx.finditer(folded):
            if any(t.start <= m.start() < t.end for t in out):
                continue
            nums = [g for g in m.groups()[:3]]
            abstain = parse_number(nums[2]) if nums[2] else (0 if m.group("none") else None)
            out.append(Tally(parse_number(nums[0]), parse_number(nums[1]), abstain, m.start(), m.end()))
    for t in _labelled_runs(folded):
        if not any(o.start < t.end and t.start < o.end for o in out):
            out.append(t)
    return sorted(out, key=lambda t: t.start)
