"""Votes in text: the decision that reports one, vetoes, who drafted the text, tallies completed from the voters.

A vote is reported by a tally ("by 19 votes to 17"), by a body's decision ("The Council today decided to
dispatch a commission", "l'Assemblée a voté la suspension"), or by a veto ("Russia vetoed a draft", "la Chine
et la Russie ont opposé leur veto"). Its sponsors ("the U.S.-drafted text", "présenté par le Royaume-Uni",
"an Iceland-led resolution") are its lead when the text names one state, never its target. When the text gives
only some figures and names the other voters ("Eleven voted in favour … China, India and the UAE abstained",
a veto by Russia), the missing figures are the number of voters named.
"""
from __future__ import annotations

import re

from .gazetteer import Mention

__all__ = ["DECISION", "BODY_ACTS", "on_many_texts", "VETO_ACT", "VETO_AFTER", "DRAFTED_BY", "DRAFTED_ADJ", "SPONSOR_MARKS", "NOT_SUBJECT",
           "decision_in", "drafters", "vetoers", "complete_tally", "SOME_ONLY"]

_BODY = (r"(?:council|conseil|assembly|assemblee|committee|commission|body|organe|it|il|elle|they|ils|members|membres|"
         r"(?:general assembly|security council|human rights council|third committee)(?:'s)?)")
#: A body deciding by vote: "the Council today decided to", "a adopté jeudi une résolution", "voted to set up".
DECISION = re.compile(
    r"\b(?:adopted|approved|passed|passing|adopting|decided|established|set up|created|voted(?! (?:against|for|in favou?r|no|yes)\b)|"
    r"suspended|rejected|renewed|extended|failed to adopt|did not adopt|refused|defeated|appointed|named|"
    r"turned down|voted down|threw out|struck down|scraped through|agreed(?= to (?:appoint|establish|create|set up|extend|renew))|"
    r"(?:adopted|approved|passed) by the|the adoption|l'adoption|la decision (?:[\w']+ ){0,14}?d(?:e |')(?:renouveler|prolonger|creer|nommer|adopter)|"
    r"the (?:\w+'s )?decision (?:[\w']+ ){0,10}?to (?:renew|extend|create|establish|set up|appoint|adopt)|"
    r"(?:a|ont|avait|avaient|ait|aient) (?:\w+ ){0,3}?(?:adopte|approuve|decide|cree|etabli|"
    r"(?<!recorded )(?<!roll-call )(?<!procedural )(?<!separate )(?<!second )(?<!final )(?<!secret )vote(?! (?:pour|contre|en faveur)\b)|"
    r"suspendu|rejete|prolonge|proroge|renouvele|refuse|repousse|nomme|designe)(?:e|s|es)?|n'a pas (?:pu )?(?:\w+ )?(?:adopter|ete adopte\w*))\b")
#: The object of a decision that makes it a vote on a text (not "adopted a new agenda" in a speech).
DECISION_OBJECT = re.compile(
    r"\b(resolutions?|draft|text|decision|proposal|measure|mandate|commission|mechanism|mission|rapporteur|suspension|"
    r"suspend|amendments?|resolution|projet|texte|mandat|mecanisme|proposition|motion|to (?:set up|establish|create|appoint|"
    r"dispatch|call|renew|extend|suspend)|de (?:creer|renouveler|prolonger|suspendre|nommer|charger))\b")
#: A veto cast on a draft (an event, not "the right of veto" or "repeated vetoes").
VETO_ACT = re.compile(
    r"\b(?:vetoe(?:d|s)\s+(?:a|an|the|another|its|their)\b|(?:cast|used|uses|use|exercised)\s+(?:(?:its|their|a|his|her|two)\s+"
    r"(?:\w+\s+){0,2})?veto(?:es)?\b|'s\s+veto\s+of\b|"
    r"(?:a|ont|avait|avaient)\s+(?:\w+\s+){0,2}(?:oppose|mis)\s+(?:\w+\s+){0,2}(?:son|leur|un)\s+veto\b|"
    r"(?:ayant|a|ont|avait)\s+(?:exerce|utilise|fait usage de)\s+(?:son|leur)\s+(?:droit\s+de\s+)?veto\b|"
    r"\b(?:en\s+)?(?:opposant|exercant|utilisant)\s+(?:son|leur)\s+(?:droit\s+de\s+)?veto\b|\bvetoing\s+(?:a|an|the)\b|"
    r"exercised\s+(?:its|their)\s+(?:right\s+of\s+)?veto\b|"
    r"victime\s+d'un\s+(?:[\w-]+\s+){0,3}?veto\b|(?:was|were|been|being)\s+vetoed\b|"
    r"(?:fell|falling|killed|sunk|struck down|felled)\s+(?:\w+\s+){0,3}?(?:by|to)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?veto\b|"
    r"(?:s'est|se sont|s'etait|s'etaient)\s+heurte\w*\s+(?:a|au)\s+(?:un\s+)?(?:[\w-]+\s+){0,2}?veto\b|"
    r"ran\s+into\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?veto\b|"
    r"\bveto\s+(?:oppose|exerce|utilise|cast|exercised|used)\w*\s+(?:\w+\s+){0,2}?(?:par|by)\b|"
    r"(?<!pas )(?<!not )(?:bloqu(?:e|ee|es|ent|ait|aient|ant)|block(?:ed|s|ing)|(?:a|ont|avait|avaient)\s+(?:\w+\s+){0,3}?fait barrage)"
    r"\s+(?:[\w.'-]+,?\s+){0,8}?(?:un|le|ce|a|the|an)\s+(?:[\w.'-]+\s+){0,5}?(?:projet|draft|resolution|texte|text|bid|measure)\b|"
    r"(?:owing to|because of|en raison du|en raison des|du fait du|du fait des)\s+(?:the\s+)?(?:negative\s+votes?|votes?\s+negatifs?|"
    r"vetos?)\b|"
    r"(?:fait barrage|barre la route|block\w*|bloqu\w*|stopp\w*|arret\w*)\W+(?:[\w']+\W+){0,3}?(?:par|with|by)\s+(?:un|a|leur|their)\s+"
    r"(?:double\s+)?veto\b)")
#: Veto triggers whose subject is the text vetoed: the states vetoing are named in or after them.
_PASSIVE_VETO = re.compile(r"victime|was|were|been|being|fell|falling|killed|sunk|struck|felled|s'est|se sont|s'etai|ran into")
#: Words right after which the states named are the ones vetoing ("the negative vote of the Russian Federation").
VETO_AFTER = re.compile(r"\b(?:negative\s+votes?\s+of|votes?\s+negatifs?\s+d(?:e|es|u)|veto\s+(?:de|of|by|du|des)|"
                        r"veto\s+(?:oppose|exerce|utilise|cast|exercised|used)\w*\s+(?:\w+\s+){0,2}?(?:par|by))\s*(?:la\s+|le\s+|les\s+|l'|the\s+)?")
#: "drafted by", "présenté par": the states that follow brought the text.
DRAFTED_BY = re.compile(
    r"\b(?:drafted|submitted|tabled|presented|introduced|put forward|proposed|initiated|brought|sponsored|led|authored|"
    r"circulated|moved|presente\w*|propose\w*|depose\w*|porte\w*|soumis\w*|introduit\w*|redige\w*|initie\w*)\s+"
    r"(?:\w+\s+){0,1}?(?:by|par)\b")
#: "U.S.-drafted", "Iceland-led", "French-drafted": the state before the hyphen brought the text.
DRAFTED_ADJ = re.compile(r"^-(?:drafted|led|initiated|sponsored|authored|backed|proposed|written)\b")
#: Where the states named are sponsors or petitioners, never the subject of the text.
SPONSOR_MARKS = re.compile(r"\b(?:at the request of|a la demande de|co-?sponsored by|coparraine\w* par|on behalf of|au nom de)\s*$")
#: States named as a place or a time, not as the subject: "in Geneva", "New York".
NOT_SUBJECT = re.compile(r"\b(?:chaired by|preside\w* par|presided by|chair\w*)\s*(?:\w+\s+){0,3}$")
#: Lists of voters that name only some of them: they do not complete a tally.
SOME_ONLY = re.compile(r"\b(among|including|included|such as|notamment|parmi|dont|figurent|figuraient|include|were among|"
                       r"among them|entre autres)\b")
_NOUN_AFTER = re.compile(r"^\s+(?:draft|text|resolution|proposal)\b")     # "a Russian draft"
_DRAFT_NOUN = re.compile(r"\b(?:projet(?:\s+de\s+(?:resolution|decision))?|texte|draft(?:\s+(?:resolution|decision))?|resolution)\s+$")


#: A voting body as the subject of what it decided, in the words of a resolution: "The General Assembly on Thursday
#: declared …", "l'Assemblée a exigé …". Such a sentence reports a vote only when figures follow it.
BODY_ACTS = re.compile(
    r"\b(?:the |l'|le |la )?(?:general assembly|assemblee generale|security council|conseil de securite|"
    r"human rights council|conseil des droits de l'homme|third committee|troisieme commission|assembly|assemblee|council|conseil)"
    r"(?:'s \d+ members)?,?\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:declared|demanded|condemned|deplored|called (?:on|upon|for)|urged|expressed|reaffirmed|recogni[sz]ed|suspended|"
    r"expelled|extended|renewed|decided|voted|adopted|approved|established|created|requested|affirmed|endorsed|elected|"
    r"censured|insisted|stripped|removed|(?:a|ont) (?:[\w'-]+ ){0,3}?(?:declare|exige|condamne|deplore|appele|exhorte|"
    r"reaffirme|reconnu|suspendu|exclu|proroge|renouvele|prolonge|decide|vote|adopte|cree|demande|elu|approuve|"
    r"enterine|denonce|prive|retire))\b")


#: A decision on many texts at once ("adopted a series of texts", "a adopté plusieurs résolutions"): a summary, not one vote.
_MANY_TEXTS = re.compile(r"\b(?:a series of|several|a number of|a dozen|various|many|numerous|\d+|two|three|four|five|six|"
                         r"une serie de|plusieurs|nombre de|une dizaine de|deux|trois|quatre|cinq|ses|leurs|its|their|des|les|the)"
                         r"\s+(?:[\w-]+\s+){0,2}?(?:texts|resolutions|drafts|decisions|textes|projets|decisions|amendments|amendements|"
                         r"propositions d'amendement)\b|^\s*(?:\w+\s+)?(?:resolutions|texts|drafts|textes|projets de resolution)\b")


def decision_in(folded: str) -> re.Match | None:
    """A body's decision on a text in a clause: the verb, when its object is a resolution, draft, mandate ….

    Examples
    --------
    >>> bool(decision_in("the council today decided to dispatch an independent commission"))
    True
    >>> bool(decision_in("the council opened its 51st session on monday"))
    False
    >>> bool(decision_in("the general assembly today adopted a series of texts, several of them by recorded vote"))
    False
    """
    for m in DECISION.finditer(folded):
        if re.search(r"\b(?:empech\w*|prevent\w*|block\w*|bloqu\w*|eviter|avoid\w*)\s+(?:\w+\s+)?$", folded[max(0, m.start() - 25):m.start()]):
            continue          # "pour empêcher l'adoption d'un projet": what did not happen
        if "vote" in m.group() and re.search(
                r"\d+\s+(?:delegations|states|countries|members|pays|etats|membres)\s+(?:\w+\s+)?$",
                folded[max(0, m.start() - 40):m.start()]):
            continue          # "181 delegations voted on the Iran text": how many took part, not the body deciding
        window = folded[max(0, m.start() - 150):m.end() + 90]
        if DECISION_OBJECT.search(window) and not on_many_texts(folded, m):
            return m
    return None


def on_many_texts(folded: str, m: re.Match) -> bool:
    """True when the decision ``m`` is taken on many texts at once: a summary of a session, not one vote.

    Examples
    --------
    >>> t = "le conseil a examine quatre amendements, qu'il a toutes rejetees"
    >>> on_many_texts(t, DECISION.search(t)), on_many_texts("it adopted the resolution", DECISION.search("it adopted the resolution"))
    (True, False)
    """
    return bool(_MANY_TEXTS.search(folded[m.end():m.end() + 80]) or re.search(r"\b(?:toutes|tous|all)\b", m.group()) or (
        re.search(r"\bqu'(?:il|elle|ils|elles)\b", folded[max(0, m.start() - 12):m.start()])
        and _MANY_TEXTS.search(folded[max(0, m.start() - 80):m.start()])))     # "quatre amendements, qu'il a toutes rejetées"


def drafters(folded: str, mentions: list[Mention], start: int = 0) -> tuple[list[str], set[int]]:
    """States that brought the text, and the offsets of their mentions (never the target).

    "drafted by France, Germany, Portugal and Britain" gives four; "the U.S.-drafted text", "un projet de
    résolution américain" one. ``mentions`` carry offsets into ``folded`` shifted by ``start``.

    Examples
    --------
    >>> from graphkit.extract.gazetteer import Gazetteer
    >>> g = Gazetteer({"FRA": ["France"], "DEU": ["Germany"], "USA": ["United States"], "SYR": ["Syria"]},
    ...               capitals={}, demonyms={"USA": ["U.S."], "FRA": ["français"]})
    >>> t = "The draft on Syria had been put forward by France and Germany."
    >>> drafters(t.lower(), g.find(t))[0]
    ['FRA', 'DEU']
    >>> t = "Russia vetoed the U.S.-drafted text on Syria."
    >>> drafters(t.lower(), g.find(t))[0]
    ['USA']
    """
    codes, spans = [], set()
    for m in DRAFTED_BY.finditer(folded):
        stop = re.search(r"[.;:]|\b(?:with|avec|qui|which|that|who|while|tandis|mais|but|on|sur|concerning|regarding|about|"
                         r"relati\w*|condemning|condamnant|deploring|deplorant|demanding|exigeant|calling|appelant)\b", folded[m.end():])
        tail_end = m.end() + stop.start() if stop else len(folded)
        for men in mentions:
            if m.end() <= men.start - start < tail_end:
                if men.iso3 not in codes:
                    codes.append(men.iso3)
                spans.add(men.start)
    for men in mentions:
        rel = men.start - start
        after = folded[men.end - start:men.end - start + 14]
        before = folded[max(0, rel - 40):rel]
        if DRAFTED_ADJ.match(after) or (men.kind == "demonym" and (_DRAFT_NOUN.search(before) or _NOUN_AFTER.match(after))):
            if men.iso3 not in codes:
                codes.append(men.iso3)
            spans.add(men.start)
    return codes, spans


def vetoers(folded: str, mentions: list[Mention], trigger: re.Match, start: int = 0) -> list[str]:
    """The states casting the veto of ``trigger``: its subject before it, or the states after "veto of".

    Examples
    --------
    >>> from graphkit.extract.gazetteer import Gazetteer
    >>> g = Gazetteer({"RUS": ["Russia"], "CHN": ["China"], "SYR": ["Syria"]}, capitals={}, demonyms={})
    >>> t = "Russia and China on Tuesday vetoed a draft on Syria."
    >>> vetoers(t.lower(), g.find(t), VETO_ACT.search(t.lower()))
    ['RUS', 'CHN']
    """
    codes = []
    after = VETO_AFTER.search(folded, trigger.start()) if "veto" in trigger.group() or "negati" in trigger.group() else None
    owing = re.match(r"(?:owing to|because of|en raison d)", trigger.group())
    if owing and not (after and after.start() - trigger.end() < 40):
        return []
    if after and after.start() - trigger.end() < 40:
        stop = re.search(r"[.;]|,\s+(?!(?:la|le|les|l'|the)?\s*\w+(?:\s+\w+)?\s*(?:,|and|et)\b)|\s(?:au|aux|contre|against|on|sur|to)\s",
                         folded[after.end():])
        end = after.end() + (stop.start() if stop else len(folded))
        for m in mentions:
            if after.end() <= m.start - start < end and m.iso3 not in codes:
                codes.append(m.iso3)
        if codes or owing:
            return codes
    if _PASSIVE_VETO.match(trigger.group()):     # "a text … fell to a Russian veto", "victime d'un veto russe et chinois"
        stop = re.search(r"[.;,]", folded[trigger.end():])
        end = trigger.end() + (stop.start() if stop else len(folded))
        return list(dict.fromkeys(m.iso3 for m in mentions if trigger.start() <= m.start - start < end))
    # the subject: the states before the trigger, back to the clause's start
    clause_start = max(folded.rfind(";", 0, trigger.start()), folded.rfind(". ", 0, trigger.start()), 0)
    if re.match(r"(?:en\s+)?(?:opposant|exercant|utilisant)|vetoing", trigger.group()):
        # a participle ("…, en opposant son veto"): the one vetoing is the sentence's subject, its first state
        first = [m for m in mentions if clause_start <= m.start - start < trigger.start()
                 and not re.search(r"\b(?:by|par|of|de|du|on|sur|against|contre|en|in|au|a)\s+(?:the\s+|la\s+|le\s+|l')?$",
                                   folded[max(0, m.start - start - 12):m.start - start])]
        return [first[0].iso3] if first else []
    for m in mentions:
        rel = m.start - start
        if m.kind == "demonym":
            continue                  # "le dossier syrien": an adjective, not who vetoed
        if clause_start <= rel < trigger.start() and m.iso3 not in codes:
            if re.search(r"\b(?:by|par|of|de|du|on|sur|against|contre)\s+(?:the\s+|la\s+|le\s+|l')?$", folded[max(0, rel - 12):rel]):
                continue
            codes.append(m.iso3)
    if "'s veto" in trigger.group():
        return codes[-1:]
    return codes


def complete_tally(tally: dict | None, figures: dict, positions: dict | None, some_only: bool, veto: bool) -> dict | None:
    """A tally from the figures given and the voters named, when the text names all the voters of a side.

    ``figures`` are the labelled figures found (``{"yes": 13}``); a side with no figure counts its named
    voters unless the text says they are only some of them ("among those voting against"). A veto without
    a "no" figure counts the vetoing states. Nothing is invented: without a "yes" figure, no tally.

    Examples
    --------
    >>> complete_tally(None, {"yes": 11}, {"yes": [], "no": ["RUS"], "abstain": ["CHN", "IND", "ARE"]}, False, True)
    {'yes': 11, 'no': 1, 'abstain': 3}
    >>> complete_tally(None, {"yes": 13}, {"yes": [], "no": ["CHN", "RUS"], "abstain": []}, False, True)
    {'yes': 13, 'no': 2, 'abstain': None}
    >>> complete_tally(None, {"yes": 9}, {"yes": [], "no": ["RUS"], "abstain": []}, True, False) is None
    True
    """
    if tally is not None:
        out = dict(tally)
        if out["abstain"] is None and "abstain" in figures:
            out["abstain"] = figures["abstain"]       # "by 18 votes to 14, with 15 members abstaining"
        if out["abstain"] is None and positions and positions.get("abstain") and not some_only:
            out["abstain"] = len(positions["abstain"])
        return out
    if "yes" not in figures and positions and positions.get("yes") and not some_only and "no" in figures:
        figures = dict(figures, yes=len(positions["yes"]))    # "seuls le Burundi, la Chine, Cuba et le Venezuela l'ont soutenu"
    if "yes" not in figures:
        return None
    positions = positions or {"yes": [], "no": [], "abstain": []}
    out = {"yes": figures["yes"], "no": figures.get("no"), "abstain": figures.get("abstain")}
    if out["no"] is None:
        if positions.get("no") and (not some_only or veto):
            out["no"] = len(positions["no"])
        else:
            return None
    if out["abstain"] is None and positions.get("abstain") and not some_only:
        out["abstain"] = len(positions["abstain"])
    return out
