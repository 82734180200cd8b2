"""Trigger words: stances, kinds of act, speakers, references back, votes listed.

Every pattern runs on folded text (lower case, no accents). French patterns
match word stems so that "appuyé", "appuient" and "appuyaient" all count; the
French lemmas from spaCy are checked too (:data:`STANCE_LEMMAS`).
"""
from __future__ import annotations

import re

__all__ = [
    "STANCE_PATTERNS", "STANCE_LEMMAS", "KIND_PATTERNS",
    "SPEAKER", "RESPONSE", "REFERS_BACK", "SIGNATORY_LIST", "VOTE_LIST", "VOTE_CLAUSE", "VOTE_LIST_AFTER", "NOT_STANCE",
    "SPEECH", "ACTION_OBJECT", "REPLY_OBJECT", "SUBJECT_BEFORE", "SUBJECT_PHRASE", "LIST_OPENER",
]

#: Stance triggers, checked in this order (a rejection often quotes a criticism).
STANCE_PATTERNS = {
    "reject": re.compile(
        r"\b(rejet\w*|rejett\w*|refut\w*|dement\w*|recus\w*|sans fondement|infonde\w*|calomni\w*|"
        r"balay\w*|denue\w* de (?:tout )?fondement|"
        r"reject\w*|dismiss\w*|groundless|baseless|unfounded|smear\w*|slander\w*|brush\w* aside|rebuff\w*|"
        r"repudiat\w*|vote (?:it|them|the \w+) down|unwarranted|unjustified|injustifie\w*|inacceptable|unacceptable|"
        r"(?:would|will|could) not cooperate|won't cooperate|refus\w* (?:de|to) cooper\w*|"
        r"(?:so-called|soi-disant|pretendue?s?) (?:assessment|report|evaluation|statement|resolution|concerns?|accusations?|"
        r"rapport|evaluation|declaration|resolution|accusations?))\b"),
    "criticise": re.compile(
        r"\b(critiqu\w*|denonc\w*|condamn\w*|interpell\w*|accus\w*|exhort\w*|deplor\w*|fustig\w*|"
        r"s'inquiet\w*|inquiet\w*|preoccup\w*|alarm\w*|decri\w*|mis en cause|mettent en cause|questionn\w*|"
        r"pressent|presse|reproch\w*|appelant|ont appele|a appele|appelaient|appellent|ont demande|a demande|"
        r"rais(?:ed|es|ing)(?= (?:[\w'-]+ ){0,3}?(?:concerns?|xinjiang|tibet|hong kong|the situation|the issue|abuses|violations))|"
        r"criticis\w*|criticiz\w*|condemn\w*|denounc\w*|urg(?:ed|es|ing)|concern(?:s|ed)?|question(?:ed|ing)|"
        r"call(?:ed|s|ing)? on|call(?:ed|s|ing)? upon|deplor\w*|accus\w*|press(?:ed|ing) \w+ to|challeng\w*|"
        r"rebuk\w*|lambast\w*|castigat\w*|blam(?:ed|es|ing)|demand(?:ed|s|ing)|reclam\w*|exig\w*|slam(?:s|med|ming)|"
        r"blast(?:s|ed|ing)|hit out|hits out|lash(?:ed|es|ing) out|excoriat\w*|assail\w*|hausse\w* le ton|"
        r"spoke out|speak out|spoken out)\b"),
    "support": re.compile(
        r"\b(appu[iy]\w*|soutien\w*|soutenu\w*|souten\w*|defend(?!ers?\b)\w*|salu\w*|felicit\w*|approuv\w*|"
        r"fai\w* bloc derriere|derriere|en faveur de|"
        r"support\w*|back(?:ed|ing|s)|defend(?!ers?\b)\w*|prais\w*|commend\w*|welcom\w*|sid(?:ed|ing) with|"
        r"rall(?:ied|y) behind|st(?:ood|and|ands|anding) (?:by|with)|in favou?r of|endors\w*|applaud\w*|laud\w*)\b"),
}
#: Phrases that look like a stance but are not ("s'appuient sur" = rely on).
NOT_STANCE = re.compile(r"\bs'appu\w*\s+sur\b|\bsupport(?:ing)? (?:documents?|staff)\b|\bconcerning\b|"
                        r"\b(?:country|countries|state|states|parties|party|pays|etats?) concerne\w*|"
                        r"\b(?:est|etait|reste|demeure|is|was|remains) (?:le|la|un|une|the|a|an|its|son|sa) (?:\w+ )?"
                        r"(?:soutien|allie|ally|backer|supporter|partenaire|partner|protecteur|protector)\b|"
                        r"\b(?:was|were|is|are|has been|have been|a ete|ont ete|est|sont) (?:supported|backed|endorsed|"
                        r"soutenue?s?|appuyee?s?) (?:by|par)\b")

#: French lemmas (spaCy) for the same stances.
STANCE_LEMMAS = {
    "reject": {"rejeter", "réfuter", "démentir", "récuser", "balayer"},
    "criticise": {"critiquer", "dénoncer", "condamner", "interpeller", "accuser", "exhorter", "déplorer", "fustiger"},
    "support": {"appuyer", "soutenir", "défendre", "saluer", "féliciter", "approuver"},
}

#: Kinds of act named by their own words, in the order they are tried.
KIND_PATTERNS = [
    ("open_letter", re.compile(r"\b(lettre ouverte|open letter)\b")),
    ("joint_letter", re.compile(r"\b(lettres? (?:commune|conjointe|collective)s?|joint letters?|"
                                r"letters? (?:signed|sent|addressed)|lettres? (?:signee|adressee|envoyee)s?|"
                                r"(?:a|an|the|their)\s+(?:\w+\s+)?letter|(?:une|la|leur)\s+(?:\w+\s+)?lettre|"
                                r"wr(?:ote|ites|iting|itten) (?:jointly |together |collectively )?to|(?:ont|a|avaient|avait) (?:conjointement )?ecrit "
                                r"(?:conjointement |ensemble )?(?:a|au|aux)|ecrivent (?:conjointement )?(?:a|au|aux))\b")),
    ("mechanism", re.compile(r"\b(?:cre\w*|etabli\w*|instaur\w*|mis en place|mettre en place|set up|establish\w*|"
                             r"creat\w*)\s+(?:un|une|a|an|the|le|la)\s+(?:\w+\s+)?(mecanisme|mechanism|commission d'enquete|"
                             r"commission of inquiry|mission d'etablissement des faits|fact-finding mission)")),
    ("joint_statement", re.compile(r"\b(declarations? (?:commune|conjointe)s?|joint statements?|"
                                   r"(?:joined|signed) (?:a|the) (?:[\w-]+ )?statement|"
                                   r"(?:spoke|speaks|speaking|delivered|read out|read|took the floor|a pris la parole|s'est exprime\w*|"
                                   r"a lu|ont lu)\b[^.;]{0,40}\b(?:on behalf of|au nom d'?e?s?)\s+(?:plus de |more than |some |about )?"
                                   r"(?:\d+|[a-z-]+(?: [a-z-]+)?) (?:countries|states|nations|pays|etats|delegations)|"
                                   r"cross-regional statement|declaration au nom|statement on behalf|"
                                   r"au nom desquel(?:le)?s\s+(?:[\w'-]+\s+){0,4}?(?:ont lu|a lu|se sont exprime\w*|s'est exprime\w*|"
                                   r"a pris la parole|ont pris la parole|a parle|ont parle)|"
                                   r"on (?:whose|their) behalf\s+(?:[\w-]+\s+){0,4}?(?:spoke|read|delivered|took the floor)|"
                                   r"(?:similar|comparable|analogous|parallel) (?:joint )?statement|"
                                   r"declaration (?:similaire|analogue|comparable|du meme type))\b")),
    ("call", re.compile(r"\b(appels? (?:a|pour)|appels ont ete lances|calls? for|called for|appeal\w* for|"
                        r"(?:a|an|the|their|un|leur|l')\s*(?:joint\s+|urgent\s+|commun\s+)?(?:call|appeal|appel)\b(?=[^.;]{0,60}\b(?:by|par|de|from)\b))")),
]

#: Words for someone speaking for a state (a demonym or capital next to one is the state speaking).
SPEAKER = re.compile(
    r"\b(porte-parole|ministere|ministre|diplomatie|ambassadeur|ambassadrice|gouvernement|autorites|"
    r"delegation|representant\w*|mission permanente|(?:la|sa|leur) mission|president|chancellerie|"
    r"spokes(?:person|man|woman)|ministry|minister|ambassador|envoy|government|authorities|representative|"
    r"foreign office|state department|permanent mission|(?:the|its|their) mission)\b")

#: Words of a state answering criticism of itself ("amounted to meddling", "une manipulation politique"):
#: read as a rejection only when the one state speaking is the target of an earlier act.
RESPONSE = re.compile(
    r"\b(ingerence\w*|manipulation\w*|mensonges?|propagande|confrontation|affaires interieures|politiquement motive\w*|"
    r"meddl\w*|interference|internal affairs?|lies|propaganda|politically motivated|politici[sz]\w*|politise\w*|confrontation\w*|"
    r"refus\w* to (?:discuss|accept|engage))\b")

#: A sentence that continues the act before it ("Ces ONG accusent…", "Signatories included…").
REFERS_BACK = re.compile(
    r"^\W*(?:(?:ces|les) (?:ong|organisations(?: signataires)?|signataires|pays signataires)\b|ils\b|elles\b|"
    r"nous y\b|dans (?:cette|la|notre) lettre,? nous\b|in (?:it|the letter|that letter|our letter),? we\b|"
    r"(?:the|this|that) (?:joint )?(?:statement|letter|declaration) (?:stressed|said|says|noted|called|urged|added|expressed|"
    r"stresses|notes|calls|urges|adds|expresses|welcomed|welcomes|recalled|recalls|describes|described|lists|listed|documents|"
    r"documented|details|detailed|denounces|denounced|condemns|condemned|asks|asked|demands|demanded|pointed out|points out|"
    r"argued|argues|insisted|insists|affirmed|affirms|maintained|maintains|emphasi[sz]ed|emphasi[sz]es|underlined|underlines|"
    r"rejected|rejects|opposed|opposes|criticised|criticized|criticises|criticizes|highlighted|highlights|warned|warns)\b|"
    r"(?:le|ce) texte (?:exprime|denonce|condamne|appelle|exhorte|demande|decrit|souligne|salue|rappelle|fait part|evoque|"
    r"mentionne|porte sur|vise)\b|"
    r"(?:la|cette) (?:declaration|lettre) (?:souligne|rappelle|appelle|exhorte|ajoute|exprime|salue|fait part|evoque|mentionne|"
    r"porte sur|vise)\b|"
    r"(?:the|these) (?:ngos|organi[sz]ations|signatories|groups|group|signatory states)\b|they\b|le groupe\b|"
    r"parmi (?:les|ces) signataires|among (?:the|its) signatories|signatories (?:included|include|were)|"
    r"(?:la|cette) (?:lettre|declaration) (?:a ete|est|etait) (?:aussi |egalement |ensuite )?(?:signee|soutenue|lue)|"
    r"(?:the|that) (?:joint )?(?:letter|statement) (?:was|is|has been) (?:also |later |since )?(?:signed|backed|read|delivered|"
    r"supported|endorsed|co-?sponsored|joined)|"
    r"(?:elle|it) (?:a ete|was) (?:signee|lue|signed|read|delivered)|"
    r"(?:[\w'-]+\s+){0,6}?(?:supported|backed|joined|endorsed|co-?signed) (?:the|this|that) (?:joint )?(?:statement|letter|declaration)\b|"
    r"(?:[\w'-]+\s+){0,6}?(?:ont|a) (?:soutenu|appuye|rejoint|cosigne) (?:la|cette) (?:declaration|lettre)\b|"
    r"(?:[\w'-]+,?\s+){0,10}?(?:figurent|figuraient|sont|etaient) parmi (?:les|ces) (?:pays|etats|signataires)\b|"
    r"(?:[\w'-]+,?\s+){0,10}?(?:are|were) among (?:the|those) (?:countries|states|signatories|nations) (?:that|which|who) "
    r"(?:joined|signed|backed|supported)\b)"
    r"|(?:affirment|ajoutent|ecrivent|soulignent|estiment|wrote|write|say|said|added) (?:les|the) signat"
    # a quotation attributed afterwards: "« … », souligne la déclaration", "\"…,\" the letter said"
    r"|^\W*[\"\u201c\u00ab][^\"\u201d\u00bb]{3,}[\"\u201d\u00bb]\W*(?:(?:souligne|affirme|indique|ajoute|note|precise|rappelle|"
    r"declare|dit|poursuit|insiste)\w*\s+(?:la|le|cette|ce|l')\s*(?:declaration|lettre|texte|communique)|(?:said|says|reads|read|"
    r"added|adds|stated|states|noted|notes|stressed|stresses)\s+(?:the|this) (?:joint )?(?:statement|letter|declaration|text)|"
    r"(?:the|this) (?:joint )?(?:statement|letter|declaration|text) (?:said|says|reads|read|added|adds|stated|states|noted|notes|"
    r"stressed|stresses))\b")
#: A sentence that lists signatories of the act before it.
SIGNATORY_LIST = re.compile(
    r"\b(parmi (?:les|ces) signataires|signataires? (?:figurent|comprennent|sont)|signee par|"
    r"signatories (?:included|include|were)|among (?:the|its) signatories|signed by|joined by|rejoint|"
    r"(?:a|was|were) (?:also |later |since )?(?:signed|backed|read|delivered|supported|endorsed|joined)|(?:a ete|est) (?:aussi |egalement )?(?:signee|lue)|"
    r"(?:supported|backed|joined|endorsed|co-?signed|signed) (?:the|this|that) (?:joint )?(?:statement|letter|declaration)|"
    r"(?:ont|a) (?:soutenu|appuye|signe|rejoint|cosigne) (?:la|cette) (?:declaration|lettre)|"
    r"(?:se sont|s'etaient|s'est) (?:joint|joints|jointes|associes?|ralli\w+) a (?:la|cette) (?:declaration|lettre)|"
    r"(?:figurent|figuraient|comptent|comptaient|etaient|sont) parmi (?:les|ces) (?:pays|etats|signataires)|"
    r"(?:are|were) among (?:the|those) (?:countries|states|signatories|nations))\b")
#: A line listing votes: "In favour: …", "Against (15): …", "Se sont abstenus : …".
VOTE_LIST = re.compile(
    r"^\W*(?P<pos>in favou?r|against|abstaining|abstentions?|abstained|pour|contre|"
    r"(?:ont|have) (?:notamment |egalement |aussi |also )?vote (?:pour|contre|in favou?r|against)|"
    r"se sont (?:notamment |egalement )?abstenus|yes|no)\s*(?:\(\s*\d+\s*\))?\s*(?:,\s*notamment\s*)?:")
#: A clause saying who voted how ("China and Cuba voted against").
VOTE_CLAUSE = {
    "yes": re.compile(r"\b(voted (?:in favou?r|for|yes)|voting (?:in favou?r|for)|(?:ont|a|ayant) vote (?:pour|en faveur)|"
                      r"(?<=states )voted to (?!abstain)|(?<=countries )voted to (?!abstain)|(?<=members )voted to (?!abstain)|"
                      r"to vote (?:in favou?r|for it|yes)|(?:backed|supported) the (?:motion|draft|text|resolution|proposal))\b"),
    "no": re.compile(r"\b(voted against|voted no|voting against|voting no|voted (?:it|them|the \w+) down|(?:ont|a|ayant) vote contre|s'y sont opposee?s|s'y est opposee?|"
                     r"opposed it|(?:were|was) opposed|(?<=\w) against(?= and| while|,|$)|votes? against(?= (?:were|was) cast| came))\b"),
    "abstain": re.compile(r"\b(abstained|abstaining|se sont abstenue?s|s'est abstenue?|s'etant abstenue?s?|s'abstenant|"
                          r"among (?:the )?abstentions|parmi les abstentionnistes)\b"),
}
#: Right after a vote clause: the states follow it ("Voting against were …", "Those voting against included …").
#: Right after a figure or a vote clause, the states follow: ", parmi lesquels …", ", among them …".
LIST_OPENER = r"^\s*,\s*(?:parmi lesquel(?:le)?s|among them|including|dont|notamment)\b"
VOTE_LIST_AFTER = re.compile(r"^\s*(?:were|was|included|include|comprised|:|figuraient|figurent|etaient|came from)\b|^\s*:|"
                             + LIST_OPENER)

#: Verbs of a speaker answering or commenting on an act ("the representative of X said", "a estimé").
SPEECH = re.compile(
    r"\b(said|says|told|called|warned|dismissed|rejected|stressed|argued|declared|added|insisted|described|denounced|"
    r"condemned|welcomed|regretted|deplored|thanked|urged|accused|"
    r"a (?:\w+ )?(?:declare|estime|juge|rejete|denonce|affirme|souligne|regrette|qualifie|assure|ajoute|dit|fustige|salue|"
    r"deplore|accuse|remercie|reproche|condamne|averti|prevenu|indique)|(?:, )?a declare)\b")
#: What a rejection is aimed at when it is an action of the target ("rejected Russia's annexation"): then it
#: criticises the target. Anything else rejected (an assessment, accusations, interference) defends it.
ACTION_OBJECT = re.compile(r"\b(annexation|annexion|referendum|occupation|aggression|agression|invasion|coup|crackdown|"
                           r"repression|election|elections|detentions?)\b")
#: What a reply refers to: a text, a draft, the vote, accusations.
REPLY_OBJECT = re.compile(r"\b(the (?:text|draft|resolution|vote|statement|letter|report|assessment|accusations?|decision)|"
                          r"(?:le|ce|du|au) (?:texte|projet|vote|rapport)|(?:la|cette|une) (?:resolution|declaration|lettre|decision)|"
                          r"(?:ces|les) accusations|ce (?:double )?veto|the (?:double )?veto)\b")
#: Words right before the state a text is about ("the resolution on the situation of human rights in Eritrea",
#: "le texte consacré à la République islamique d'Iran"): that state is the subject, not a voter or a speaker.
_ABOUT = (r"\s+(?:de resolution\s+)?(?:on|sur|concerning|regarding|relati\w* (?:a|au|aux|to)|consacre\w* (?:a|au|aux)|"
          r"portant sur)\s+")
SUBJECT_BEFORE = re.compile(r"\b(?:resolution|text|draft|projet|texte|motion)" + _ABOUT +
                            r"(?:[\w'-]+\s+){0,9}?(?:in|en|au|aux|of|du|de|de la|des|d'|a)?\s*(?:the\s+|la\s+|le\s+|l')?$")
#: Where a text's subject is named: the words after "a resolution on", "le texte consacré à", "un débat sur".
SUBJECT_PHRASE = re.compile(r"\b(?:resolution|text|draft|projet|texte|motion|debat|debate|discussion)" + _ABOUT +
                            r"(?P<subject>[^.;()]{3,100})")
