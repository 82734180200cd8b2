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

__all__ = ["parse_number", "GroupCount", "Tally", "find_groups", "find_tallies", "lone_figures", "figure_spans", "figure_items", "vote_figure_spans", "NUMBER"]

#: Words that make up a number written out, in English and French (folded: no accents).
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt vingts trente "
    "quarante cinquante soixante cent cents"
).split()
_WORD = r"(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
#: A number in digits or words, in the folded text ("46", "forty-three", "quatre-vingt-seize", "one hundred and five").
NUMBER = (r"(?:\d{1,3}(?![\d/:])|" + _WORD + r"(?:(?:[\s-]+(?:and|et)[\s-]+|[\s-]+)" + _WORD + r")*)(?![\w-])")
_FRENCH_ONLY = set(_NUMBER_WORDS[_NUMBER_WORDS.index("un"):]) - set(_NUMBER_WORDS[:_NUMBER_WORDS.index("un")])


def parse_number(text: str) -> int:
    """The value of a number written in digits or words (English or French), read with ``text2num``.

    Examples
    --------
    >>> parse_number("Forty-three"), parse_number("46"), parse_number("vingt-sept"), parse_number("quatre-vingt-seize")
    (43, 46, 27, 96)
    >>> parse_number("one hundred and five"), parse_number("soixante et onze"), parse_number("cent trente-quatre")
    (105, 71, 134)
    """
    from text_to_num import text2num

    text = re.sub(r"\s+", " ", text.strip().lower())
    if text.isdigit():
        return int(text)
    words = re.split(r"[\s-]+", text)
    lang = "fr" if any(w in _FRENCH_ONLY for w in words) else "en"
    if lang == "en":
        text = re.sub(r"\s+and\s+", " ", text)
    return text2num(re.sub(r"(?<=\w)-(?=\w)", "-" if lang == "fr" else " ", text), lang)


_QUALIFIERS = {
    "plus de": "more_than", "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "au moins": "at_least", "at least": "at_least", "pas moins de": "at_least", "no fewer than": "at_least",
    "no less than": "at_least",
    # a figure given roughly is no count ("some 40 countries", "près de 50 pays"): the group acts, its size is unknown
    "some": "vague", "about": "vague", "around": "vague", "roughly": "vague", "approximately": "vague", "nearly": "vague",
    "almost": "vague", "close to": "vague", "environ": "vague", "pres de": "vague", "quelque": "vague", "une": "vague",
    "plus d'une": "vague",
}
_GROUP = (r"(?:member\s+states|etats\s+membres|pays\s+membres|countries|states|nations|governments|delegations|"
          r"pays|etats|gouvernements|delegations|ambassadors|ambassadeurs)")
_GROUP_RE = re.compile(
    r"(?<![\w-])(?:(?P<q>" + "|".join(_QUALIFIERS) + r")\s+)?(?:(?:a|un)\s+(?:group|groupe)\s+(?:of|de)\s+)?"
    r"(?P<n>" + NUMBER + r"|(?:vingt|trent|quarant|cinquant|soixant|cent)aine\s+d(?:e\s+|'))\s*(?P<other>(?:autres|other|further|additional)\s+)?"
    r"(?:(?:mostly|mainly|largely|principalement|surtout|essentiellement)\s+)?"
    r"(?:(?:european|african|arab|asian|latin american|western|nordic|baltic|gulf|caribbean|pacific|islamic|muslim|"
    r"like-minded|eu|un)\s+)?" + _GROUP + r"\b")
_OTHERS_BEFORE = re.compile(r"(?:,\s*)?\s+(?:et|and|joined|along with|together with|with|avec|aux cotes d(?:e|es)|a rejoint|"
                            r"s'est joint a|s'est associee? a)\s+(?:les\s+|aux\s+|des\s+|de\s+|the\s+)?$")


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
    >>> [(g.count, g.qualifier) for g in find_groups("some 40 countries; une quarantaine de pays; plus d'une cinquantaine d'etats")]
    [(None, 'vague'), (None, 'vague'), (None, 'vague')]
    """
    out = []
    for m in _GROUP_RE.finditer(folded):
        q = _QUALIFIERS.get(re.sub(r"\s+", " ", m.group("q") or ""), "exactly")
        n = parse_number(m.group("n")) if not m.group("n").endswith(("e ", "'", "de")) else None
        if n is None or q == "vague":
            q, n = "vague", None          # "une quarantaine de pays", "some 40 countries": a group of unknown size
        elif m.group("q") in ("une",):
            continue
        out.append(GroupCount(n, q, m.start(), m.end(), bool(m.group("other"))))
    return out


def others_anchor(folded: str, group: GroupCount) -> bool:
    """True when the text right before "N other countries" is "<state> and"."""
    return bool(_OTHERS_BEFORE.search(folded[max(0, group.start - 30):group.start]))


_N = r"(" + NUMBER + r")"
_ABST = r"(?:\s*,?\s*(?:with|and|et|avec)\s+" + _N + r"\s+abstentions?|\s*,?\s*(?P<none>with no abstentions?|sans abstentions?))?"
#: Tallies whose figures carry their labels (the order is known) and tallies "by 19 votes to 17", "par 19 voix
#: contre 17", "9-3", whose first figure is the winning side: the yeses, unless the draft was rejected.
_TALLY_RES = [
    # by 19 votes to 17, with 11 abstentions / by a recorded vote of 122 in favour to 2 against
    (re.compile(r"\bby\s+(?:a\s+(?:recorded\s+)?vote\s+of\s+)?" + _N + r"(?:\s+votes?)?(?:\s+in\s+favou?r)?\s+to\s+" + _N
                + r"(?:\s+against)?" + _ABST), "by"),
    # 105 in favour, 15 against and 52 abstentions / 105 votes for, 15 against, 52 abstaining
    (re.compile(_N + r"\s+(?:votes?\s+)?(?:in\s+favou?r|for|yes)\s*(?:,|\s+to)?\s*" + _N + r"\s+(?:votes?\s+)?(?:against|no)\s*"
                r"(?:,?\s*(?:and|with)?\s*" + _N + r"\s+(?:abstentions?|abstaining|abstained)|(?P<none>,?\s*with no abstentions?))?"),
     "labelled"),
    # par 105 voix contre 15, et 52 abstentions
    (re.compile(r"\b(?:par|a)\s+" + _N + r"\s+voix(?:\s+pour)?\s*,?\s+contre\s+" + _N + _ABST), "by"),
    # 105 voix pour, 15 contre et 52 abstentions
    (re.compile(_N + r"\s+(?:voix|votes)\s+pour\s*,?\s*" + _N + r"\s+(?:voix\s+)?contre\s*"
                r"(?:,?\s*(?:et\s+)?" + _N + r"\s+abstentions?|(?P<none>,?\s*sans abstentions?))?"), "labelled"),
    # the vote was 9-3 / voted 141-5 / by a vote of 13-2
    (re.compile(r"\b(?:vote\s+(?:was|of)|voted|by|(?:passed|passing|adopted|adopting|approved|approving|carried|rejected|"
                r"rejecting|defeated|failed)(?:\s+(?:a|an|the|its|this|that)\s+(?:[\w-]+\s+){0,3}?(?:resolution|text|draft|motion|measure))?)\s+"
                r"(?<![\d-])(\d{1,3})[-\u2013](\d{1,3})(?![\d-])" + _ABST), "by"),
    # the council had voted 32 to 2 / a voté par 32 contre 2
    (re.compile(r"\bvoted\s+" + _N + r"\s+to\s+" + _N + r"(?!\s*(?:per\s*cent|%))" + _ABST), "by"),
]
#: Words saying the draft was turned down by a majority: then "by 19 votes to 17" puts the 19 among the noes.
#: A veto is not a rejection by the majority ("vetoed … 9-3": the 9 are the yeses).
_REJECTED = re.compile(
    r"\b(reject\w*|defeat\w*|fell|voted down|turned down|failed to (?:win|obtain|gather)|rejet\w*|repouss\w*|ecart\w*|"
    r"refus\w*|n'a pas ete adopte\w*|mis en minorite)\b")
_VETO = re.compile(r"\b(veto\w*|negative votes? of (?:a|two) permanent|vote negatif)\b")
_PARENS = re.compile(r"\([^()]*\)")

#: One labelled figure of a tally, in any order: "27 in favour", "7 against", "13 abstentions",
#: "14 voix contre", "64 delegations s'etant abstenues", "five abstained".
_ITEM = re.compile(
    r"(?<![\w-])(?P<n>" + NUMBER + r")\s+(?:(?:des|of\s+the(?:\s+[\w.]+'s)?|of)\s+" + NUMBER + r"\s+)?"
    r"(?:(?:autres\s+|other\s+|remaining\s+|council\s+|restants\s+|member\s+)*(?:votes?|voix|delegations|members|membres|states|etats|countries|pays|nations)"
    r"(?:\s+membres)?"
    r"(?:\s+(?:of|du|de|des)\s+(?:the\s+|la\s+)?[\w'-]+(?:\s+de\s+[\w'-]+)?)?\s+)?"
    r"(?:(?:voted|voting|ont\s+vote|votant|vote)\s+)?(?P<label>in\s+favou?r|en\s+faveur|for|pour|yes|supported|backed|against|contre|no|"
    r"(?<=voted\s)to(?=\s+(?!abstain)[a-z]{4,})|"
    r"opposed|(?:s'y\s+|se\s+)?(?:sont|etant)\s+oppose\w*|s'y\s+oppos\w*|abstentions?|abstaining|abstained|"
    r"(?:l'|les\s+|la\s+|le\s+)(?:ont|avaient)\s+(?:appuy\w*|soutenu\w*|approuv\w*)|supported\s+it|backed\s+it|"
    r"(?:ont|avaient|have|had)\s+(?:approuve|appuye|soutenu|approved|backed|supported)(?=\s+(?:le|la|un|une|ce|cette|the|a|an|it)\b)|"
    r"(?:s'etant|se sont|having)\s+abstenu\w*|(?:s'etant\s+|se\s+sont\s+)?abstenu\w*|s'abstenant|having\s+abstained)\b")
_ITEM_GAP = re.compile(r"^\s*(?:,|;)?\s*(?:and|et|with|avec|while|tandis que|alors que|against|to|versus|,)?\s*$")


def _label(word: str) -> str:
    word = re.sub(r"\s+", " ", word)
    if word in ("in favour", "in favor", "en faveur", "for", "pour", "yes", "supported", "backed", "to") or \
            re.search(r"appuy|soutenu|approuv|supported|backed", word):
        return "yes"
    if word in ("against", "contre", "no") or "oppos" in word:
        return "no"
    return "abstain"


def figure_items(folded: str) -> list[tuple[int, int, str]]:
    """Labelled figures as (start, end, side): "the five votes against" → (…, …, "no")."""
    return [(m.start(), m.end(), _label(m.group("label"))) for m in _ITEM.finditer(folded)]


def vote_figure_spans(folded: str) -> list[tuple[int, int]]:
    """Every labelled figure, with those whose voters are listed before the label ("15 délégations, dont …, ont voté
    contre"): where a vote's figures lie, so a clause split never separates them."""
    spans = [m.span() for rx in (_ITEM, _ITEM_APART, _ITEM_DASHED) for m in rx.finditer(folded)]
    return sorted(spans)


def figure_spans(folded: str) -> list[tuple[int, int]]:
    """Where the labelled figures of a vote are ("141 countries voting in favour", "35 abstaining")."""
    return [m.span() for m in _ITEM.finditer(folded)]


#: "adopted by 33 votes": the figure of an adoption is its yeses.
_ADOPTED_BY = re.compile(r"\b(?:adopte\w*|adopted|approved|passed|approuve\w*)\s+(?:[\w']+\s+){0,6}?(?:par|by)\s+(?P<n>" + NUMBER
                         + r")\s+(?:voix|votes|(?:member\s+)?states|etats(?:\s+membres)?|countries|pays|delegations)\b"
                         r"(?!\s*(?:pour|contre|to|against|in favou?r|for|,?\s*\d))")


#: "backed by 141 member states", "the text received 27 votes", "a recueilli onze voix", "n'a obtenu que quatre voix":
#: the figure a text won is its yeses.
_BACKED_BY = re.compile(
    r"\b(?:backed|supported|endorsed|received|obtained|won|gathered|gathering|garnered|secured|drew|passed with|carried with|"
    r"adopte\w* avec|"
    r"recueilli\w*|obtenu\w*|soutenu\w*|appuye\w*|obtient|recueille)\s+(?:(?:by|par|que|only|just|seulement)\s+)?"
    r"(?P<n>" + NUMBER + r")\s+(?:member\s+states|etats\s+membres|countries|states|nations|members|membres|pays|etats|"
    r"delegations|votes|voix)\b(?!\s*(?:pour|contre|to|against|in favou?r|for|en faveur|[-\u2013]\s*\d|,\s*\d+\s*(?:,|et|and)\s*\d))")


#: A figure whose voters are listed before its label: "Nineteen, including China and Pakistan, voted it down",
#: "Deux seulement, la Russie et l'Erythree, s'y sont opposes", "Trente-deux membres du Conseil, dont la France, ont vote pour".
_ITEM_APART = re.compile(
    r"(?<![\w-])(?P<n>" + NUMBER + r")(?:\s+(?:members|membres|states|etats|countries|pays|delegations)(?:\s+(?:du|of the)\s+\w+)?)?"
    r"(?:\s+seulement|\s+only)?\s*,\s*[^.;,]{2,60}(?:,\s*[^.;,]{2,60}){0,6}?,\s*(?:(?:have|had|ont|avaient)\s+)?"
    r"(?P<label>voted\s+(?:it\s+|them\s+|the\s+\w+\s+)?down|voted\s+(?:against|no)|voted\s+(?:in\s+favou?r|for|yes)|supported\s+it|"
    r"opposed\s+it|abstained|(?:chose|decided|preferred|opted)\s+to\s+abstain|(?:a|ont)\s+choisi\s+de\s+s'abstenir|"
    r"vote\s+contre|vote\s+(?:pour|en\s+faveur)|s'y\s+sont\s+oppose\w*|se\s+sont\s+abstenu\w*)\b")


#: "2 - Eritrea and Venezuela - against", "cinq – l'Arménie, l'Inde – contre": voters between dashes.
_ITEM_DASHED = re.compile(r"(?<![\w-])(?P<n>" + NUMBER + r")\s+[\u2013\u2014-]\s+[^\u2013\u2014.;]{3,120}?\s+[\u2013\u2014-]\s+"
                          r"(?:(?:voted|voting|ont\s+vote)\s+)?(?P<label>against|in\s+favou?r|for|contre|pour|abstained|abstentions?)\b")


#: "Only four states — Belarus, … — joined Russia in voting no": the four and the one they joined.
_JOINED_FIGURE = re.compile(r"(?<![\w-])(?P<n>" + NUMBER + r")\s+(?:other\s+)?(?:states|countries|members|nations|delegations)?"
                            r"(?:(?!vot|abst)[^.;]){0,90}?\bjoined\s+(?:[\w.'-]+\s+){1,3}?in\s+(?:voting\s+)?(?P<label>no|against|yes|"
                            r"in\s+favou?r|abstaining|opposing|supporting)\b")


def lone_figures(folded: str) -> dict[str, int]:
    """Labelled figures of a vote that are not a full tally ("13 votes in favour", "adopted by 33 votes").

    Examples
    --------
    >>> lone_figures("the draft received 13 votes in favour, with russia voting against")
    {'yes': 13}
    >>> lone_figures("la resolution a ete adoptee par 33 voix ; seules la chine et l'erythree s'y sont opposees")
    {'yes': 33}
    >>> lone_figures("the demand was backed by 141 member states, while five voted no and 35 abstained")
    {'no': 5, 'abstain': 35, 'yes': 141}
    >>> lone_figures("vingt et un etats ont vote en faveur du texte. treize s'y sont opposes")
    {'yes': 21, 'no': 13}
    >>> lone_figures("nineteen, including china, pakistan and qatar, voted it down, and eleven, among them india, abstained")
    {'no': 19, 'abstain': 11}
    >>> lone_figures("eighteen members abstained; of the others, 27 voted in favour and 2 - eritrea and venezuela - against")
    {'abstain': 18, 'yes': 27, 'no': 2}
    >>> lone_figures("only four states - belarus, syria, north korea and eritrea - joined russia in voting no")
    {'no': 5}
    """
    out = {_label(m.group("label")): parse_number(m.group("n")) for m in _ITEM.finditer(folded)}
    for m in _ADOPTED_BY.finditer(folded):
        out.setdefault("yes", parse_number(m.group("n")))
    for m in _BACKED_BY.finditer(folded):
        out.setdefault("yes", parse_number(m.group("n")))
    for m in _ITEM_DASHED.finditer(folded):
        out.setdefault(_label(m.group("label")), parse_number(m.group("n")))
    for m in _JOINED_FIGURE.finditer(folded):
        label = m.group("label")
        side = "no" if label in ("no", "against", "opposing") else "abstain" if label == "abstaining" else "yes"
        out.setdefault(side, parse_number(m.group("n")) + 1)
    for m in _ITEM_APART.finditer(folded):
        label = m.group("label")
        side = "abstain" if "abst" in label else "no" if re.search(r"down|against|\bno\b|contre|oppos", label) else "yes"
        out.setdefault(side, parse_number(m.group("n")))
    return out


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
    """Vote tallies in folded text, read by meaning.

    Figures with their labels are read as labelled, in any order; in "by 19 votes to 17", "par 19 voix contre
    17" or "9-3" the first figure is the winning side: the yeses, or the noes when the text says the draft was
    rejected by the vote (a veto is not such a rejection). Parenthesised lists of voters are skipped.

    Examples
    --------
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("adopted by 19 votes to 17, with 11 abstentions")]
    [(19, 17, 11)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("the council rejected the draft by 19 votes to 17, with 11 abstentions")]
    [(17, 19, 11)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("par 105 voix pour, 15 contre et 52 abstentions")]
    [(105, 15, 52)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("the motion was defeated 19-17 with 11 abstentions")]
    [(17, 19, 11)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("the resolution passed 93-24")]
    [(93, 24, None)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("by twenty-four votes to eight")]
    [(24, 8, None)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("with 13 abstentions, 7 against and 27 in favour")]
    [(27, 7, 13)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("141 in favour to 5 against (belarus, syria), with 35 abstentions")]
    [(141, 5, 35)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("russia vetoed the draft; the vote was 9-3")]
    [(9, 3, None)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("the council had voted 32 to 2 to set up a commission")]
    [(32, 2, None)]
    >>> [(t.yes, t.no, t.abstain) for t in find_tallies("gathering six votes in favour against seven opposed, with two abstentions")]
    [(6, 7, 2)]
    """
    folded = _PARENS.sub(lambda m: " " * len(m.group()), folded)
    out: list[Tally] = []
    for rx, kind in _TALLY_RES:
        named = set(rx.groupindex.values())
        for m in rx.finditer(folded):
            if any(t.start <= m.start() < t.end for t in out):
                continue
            nums = [m.group(i) for i in range(1, rx.groups + 1) if i not in named] + [None]
            none = "none" in rx.groupindex and m.group("none")
            abstain = parse_number(nums[2]) if nums[2] else (0 if none else None)
            first, second = parse_number(nums[0]), parse_number(nums[1])
            labelled = kind == "labelled" or re.search(r"\b(in favou?r|pour)\b", m.group())
            if not labelled and _REJECTED.search(folded[:m.start()] + " " + m.group()) and not _VETO.search(folded):
                first, second = second, first
            out.append(Tally(first, second, abstain, m.start(), m.end()))
    for t in _labelled_runs(folded):
        if not any(o.start < t.end and t.start < o.end for o in out):
            out.append(t)
    return sorted(out, key=lambda t: t.start)
