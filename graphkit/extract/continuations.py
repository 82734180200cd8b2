"""Sentences that continue the act before them, and states speaking about it.

After a sentence reports an act, the next ones often complete it: its tally or its voters ("The resolution
was adopted by …", "China and Cuba voted against", "In favour: …"), its sponsor ("The text was presented by
the United Kingdom"), its signatories ("Signatories included …"). A state speaking about the act ("the
representative of X said …", "a rejeté le texte") makes a statement whose stance follows from who speaks:
the target itself rejects, a state defending the target supports it, a sponsor or a state voting for the
text criticises the target. :class:`Continuations` holds these rules; :mod:`graphkit.extract.acts` the rest.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from .counts import figure_items, figure_spans, find_groups, find_tallies, lone_figures
from .context import act_dates
from .dates import DateMention
from .gazetteer import fold
from .lexicon import (ACTION_OBJECT, KIND_PATTERNS, LIST_OPENER, NOT_STANCE, REFERS_BACK, REPLY_OBJECT, RESPONSE, SIGNATORY_LIST,
                      SPEAKER, SPEECH, STANCE_LEMMAS, STANCE_PATTERNS, SUBJECT_BEFORE, SUBJECT_PHRASE, VOTE_CLAUSE, VOTE_LIST,
                      VOTE_LIST_AFTER)
from .model import Act
from .nlp import Sentence
from .passage import Passage
from .votes import SOME_ONLY, VETO_ACT, decision_in, drafters

__all__ = ["Draft", "stance_of", "Continuations", "CLAUSE_SPLIT"]

CLAUSE_SPLIT = re.compile(r"\s*(?:;|,?\s+\b(?:while|whereas|tandis que|alors que)\b|,\s+(?:but|mais)\b|"
                          r",\s+(?=(?:up|down) from\b|compared (?:with|to)\b|contre seulement\b|en hausse par rapport))\s*")
_STARTS_WITH_TEXT = re.compile(r"^\W*(?:the|this|that|it|la|le|cette|ce|l')\s*(?:\w+\s+){0,2}?(?:resolution|text|draft|decision|texte|"
                               r"projet|measure|proposal|vote|procedural vote|mesure)\b|^\W*(?:it|il|elle)\b")
#: A sentence opening on another text than the one just voted ("A rival Russian draft then fell short", "Dans la
#: foulée, un texte concurrent …"): its figures are that text's, a new vote.
NEW_DRAFT = re.compile(r"^\W*(?:[\w']+\W+){0,4}?(?:a|an|another|un|une|un autre|une autre)\s+"
                       r"(?!(?:vote|ete|rejete|adopte|approuve|soutenu|appuye|juge|qualifie|denonce)\b)(?:[\w.'-]+\s+){0,3}?"
                       r"(?:draft|text|resolution|proposal|projet|texte|proposition)\b|"
                       r"^\W*(?:(?:quant|pour|as for|for)\s+)?(?:au |le |la |the )?(?:premier|deuxieme|second|troisieme|quatrieme|"
                       r"cinquieme|first|third|fourth|fifth|dernier|last)\b(?!\s+(?:time|fois))")
#: The statement speaking: "Mr President, we …", "Monsieur le Président, nous …".
_FIRST_PERSON = re.compile(r"^\W*(?:(?:mr\.?|madam|monsieur|madame)\s+(?:le |la )?(?:president\w*|chair\w*|vice-president\w*)\W+)?"
                           r"(?:thank you,? (?:mr\.? |madam )?(?:president|chair)\W+)?(?:we|nous)\b")
#: Voters named before "l'ont soutenu", "supported it" (only read as voters inside a vote).
_SUPPORTED_IT = re.compile(r"\b(?:l'ont|l'avaient|l'a) (?:soutenu|appuye|approuve)\w*|\b(?:supported|backed) it\b")
_ABUSES = re.compile(r"\b(?:abuses?|violations?|repression|crackdown|persecution|atrocit\w*|exactions|detentions?|"
                     r"inquietudes|concerns?|preoccupations)\b")
#: A speaker named by a possessive ("Its foreign ministry spokesperson", "Son porte-parole"): the state named just before.
_POSSESSIVE_SPEAKER = re.compile(r"^\W*(?:[\w-]+\s*,\s*)?(?:its|their|son|sa|leur)\s+(?:[\w-]+\s+){0,3}?(?:spokes\w*|porte-parole|ministry|ministere|"
                                 r"ambassador|ambassadeur|envoy|representative|representant|delegation|government|gouvernement|diplomatie)\b")
#: Words of a reply naming what it answers, and the kinds of act they name.
#: Words that name the act a reply answers, and the kinds of act they name.
ANSWERED = [
    (re.compile(r"\b(?:organi[sz]ations?|ngos?|ong|open letter|lettre ouverte|signataires|signatories|nos accusations|"
                r"our (?:accusations|letter|concerns))\b"), ("open_letter",)),
    (re.compile(r"\b(?:experts?|rapporteurs?)\b"), ("call",)),
]
_INTRODUCING = re.compile(r"\b(?:introducing|presenting|presentant|en presentant) (?:the|le|ce) (?:draft|text|texte|projet)\b")
_QUOTED = re.compile(r'"[^"]{3,}"|\u201c[^\u201d]{3,}\u201d|\u00ab[^\u00bb]{3,}\u00bb')
_KIND_REFERENCE = re.compile(r"\b(?:the|this|that|its|la|cette|le|ce|sa) (?:first |second |\w+ )?(?:letter|statement|lettre|declaration)\b")
#: After a state's vote, the states that voted with it: "aux côtés notamment de la Chine", "along with Cuba".
_ALONGSIDE = re.compile(r"\b(?:aux cotes (?:notamment |entre autres )?(?:de|du|des|d')|alongside|along with|together with|de concert avec|"
                        r"tout comme|as did|de meme que|ainsi que)\b")
#: A vote said to repeat an earlier one's figures: "exactement le même résultat qu'en juillet 2019", "the same tally as in 2021".
SAME_RESULT = re.compile(r"\b(?:le meme|the same|identical|identique|un resultat identique)\s+(?:resultat|score|decompte|result|tally|"
                         r"margin|outcome|split)?\b[^.;]{0,25}?(?:qu'en|qu'au|que lors|as in|as at|comme en|than in|celui d\w*|that of|to that of)\b")
#: A speaker on the text voted next, not on the act just reported: "Avant le vote sur le texte suivant, …".
_NEXT_TEXT = re.compile(r"\b(?:le (?:texte|projet) suivant|la resolution suivante|the (?:next|following) (?:text|draft|resolution))\b")
def names_a_kind(f: str) -> bool:
    """True when ``f`` names a kind of act of its own (a letter, a statement …)."""
    return any(rx.search(f) for _, rx in KIND_PATTERNS)


#: "Expliquant son vote, le représentant de la Chine …", "Explaining his delegation's vote, …", "in explanation of vote".
_EXPLAINING_VOTE = re.compile(r"^\W*(?:expliquant (?:son|leur) vote|explaining (?:his|her|its|their) (?:delegation's |country's )?"
                              r"(?:vote|veto|position)|in explanation of (?:vote|position)|en explication de vote|"
                              r"(?:dans une|in an?) explication de vote)\b")
_LABELLED_LIST = re.compile(r"(?P<label>in favou?r|against|abstentions?|abstaining|pour|contre)\s*\((?P<names>[^()]{3,})\)")
_JOINED_IN = re.compile(r"\bjoin(?:ed|s|ing)?\s+(?P<who>[^.;]{2,80}?)\s+in\s+(?:voting\s+(?P<how>no|against|yes|in favou?r)|"
                        r"(?P<opposing>opposing|rejecting|voting it down)|(?P<backing>supporting|backing))\b")


@dataclass
class Draft:
    act: Act
    sentence: int
    anchor: DateMention | None = None
    figures: dict = field(default_factory=dict)
    tally: dict | None = None
    some_only: bool = False
    veto: bool = False
    sponsors: list = field(default_factory=list)
    origin: int = -1
    more_tallies: list = field(default_factory=list)
    bare: bool = False
    repeat: DateMention | None = None
    heading_dated: bool = False       # the act's date is the release's, its own sentences gave none
    referred: "Draft | None" = None   # the vote a speaker refers to, reported with it

    def __post_init__(self):
        if self.origin < 0:
            self.origin = self.sentence


def stance_of(cf: str, lemmas: list[str] | None) -> tuple[str | None, int]:
    """The stance a clause expresses and where its trigger is (-1 if none)."""
    text = NOT_STANCE.sub(lambda m: " " * len(m.group()), cf)
    m = STANCE_PATTERNS["reject"].search(text)
    if m:
        return "reject", m.start()
    best = None
    for stance in ("criticise", "support"):
        m = STANCE_PATTERNS[stance].search(text)
        if m and (best is None or m.start() < best[1]):
            best = (stance, m.start())
    if best:
        return best
    for stance, lemmas_of in STANCE_LEMMAS.items():
        if lemmas and lemmas_of & set(lemmas):
            return stance, len(cf) // 2
    return None, -1


class Continuations(Passage):
    """The rules for sentences that continue an act, and for replies to it (mixed into the finder)."""

    def vote_list(self, i, s, f) -> bool:
        m = VOTE_LIST.match(f)
        if not m or self.last is None or self.last.act.kind != "vote":
            return False
        pos = m.group("pos")
        key = "yes" if re.search(r"favou?r|pour|^yes$", pos) else \
              "no" if re.search(r"against|contre|^no$", pos) else "abstain"
        act = self.last.act
        act.positions = act.positions or {"yes": [], "no": [], "abstain": []}
        for mention in self.in_span(s.start, s.end):
            if mention.kind == "name" and mention.iso3 not in act.positions[key]:
                act.positions[key].append(mention.iso3)
        act.evidence.append(self.evidence(s))
        self.last.some_only = self.last.some_only or bool(SOME_ONLY.search(f))
        return True

    def other_subject(self, draft: Draft, s) -> bool:
        """True when the sentence names a subject of its own, none of the act's ("The text on Iran was then
        approved …" after a vote on Syria): it reports another vote, not more of this one."""
        i = self.sents.index(s)
        for j in range(draft.sentence + 1, i + 1):     # this sentence, and the scene sentences since the act
            t = self.sents[j]
            f = self.folded[t.start:t.end]
            if j < i and not (self.scene(j) and re.search(r"\b(?:text|draft|resolution|texte|projet)\b", f)):
                continue
            for phrase in SUBJECT_PHRASE.finditer(f):
                a, b = t.start + phrase.start("subject"), t.start + phrase.end("subject")
                found = self.topics.find(self.folded[a:b], [self._shift(m, a) for m in self.in_span(a, b)])
                if found and not set(found) & set(draft.act.topics):
                    return True
        return False

    def completes_vote(self, i, s, f) -> bool:
        """A tally in the sentence after a body's decision, a veto or a mechanism's creation is that act's."""
        last = self.last
        if last is None or i - last.sentence > 2 or last.act.kind not in ("vote", "mechanism") or last.tally is not None:
            return False
        same = [d for d in self.drafts if d.sentence == last.sentence and d.act.kind == "vote" and d.tally is None]
        last = same[0] if same else last
        tallies, figures = find_tallies(f), lone_figures(f)
        if not (tallies or figures) or NEW_DRAFT.search(f) or self.other_subject(last, s):
            return False
        new = {"yes": tallies[0].yes, "no": tallies[0].no, "abstain": tallies[0].abstain} if tallies else figures
        old = dict(last.figures, **{k: v for k, v in (last.tally or {}).items() if v is not None})
        if any(new.get(k) is not None and k in old and old[k] != new[k] for k in ("yes", "no", "abstain")):
            return False          # other figures than the act's: another vote ("La veille, … rejeté par 19 voix contre 17")
        if last.act.kind == "mechanism" and not (last.act.forum or "").startswith(("General", "Human", "Third", "Security")):
            return False
        if (decision_in(f) or VETO_ACT.search(f)) and not _STARTS_WITH_TEXT.search(f):
            return False
        act = last.act
        act.kind = "vote"
        act.stance = None
        if tallies:
            t = tallies[0]
            last.tally = {"yes": t.yes, "no": t.no, "abstain": t.abstain}
        last.figures.update(figures)
        self.add_positions(last, s.start, s.end)
        self.add_sponsors(last, s, f)
        act.evidence.append(self.evidence(s))
        last.sentence = i
        self.same_result(i, s, last)
        return True

    def same_result(self, i: int, s: Sentence, draft: Draft) -> None:
        """"…, exactement le même résultat qu'en juillet 2019": the earlier vote, recalled with the same figures."""
        same = SAME_RESULT.search(self.folded, s.start, s.end)
        dates = [d for d in act_dates(self.dated[same.end():s.end], self.published) if d.value is not None] if same else []
        if not dates or draft.tally is None:
            return
        act = copy.deepcopy(draft.act)
        act.date, act.date_precision = dates[0].iso(), dates[0].precision
        act.positions, act.lead, act.evidence = None, None, [self.evidence(s)]
        act.confidence = 0.5
        self.drafts.append(Draft(act, i, tally=dict(draft.tally), figures=dict(draft.figures)))

    def add_sponsors(self, draft: Draft, s: Sentence, f: str) -> None:
        codes, _ = drafters(f, [self._shift(m, s.start) for m in self.in_span(s.start, s.end)])
        draft.sponsors += [c for c in codes if c not in draft.sponsors]
        if len(draft.sponsors) == 1 and draft.act.lead is None:
            draft.act.lead = draft.sponsors[0]

    def add_positions(self, draft: Draft, a: int, b: int) -> None:
        positions = self.vote_positions(a, b)
        if positions is None:
            return
        act = draft.act
        act.positions = act.positions or {"yes": [], "no": [], "abstain": []}
        for key, codes in positions.items():
            act.positions[key] += [c for c in codes if c not in act.positions[key]]
        draft.some_only = draft.some_only or bool(SOME_ONLY.search(self.folded[a:b]))

    def vote_sentence(self, i, s, f) -> bool:
        """A sentence saying who voted how, without a tally, completes the vote before it."""
        if self.last is None or self.last.act.kind != "vote" or find_tallies(f) or i - self.last.sentence > 3 \
                or NEW_DRAFT.search(f) or self.other_subject(self.last, s):
            return False
        if decision_in(f) and not _STARTS_WITH_TEXT.search(f) or VETO_ACT.search(f):
            return False
        positions = self.vote_positions(s.start, s.end)
        figures = lone_figures(f)
        if positions is None and not figures and not (_STARTS_WITH_TEXT.search(f) and i - self.last.sentence == 1
                                                      and not names_a_kind(f)):
            return False          # "Le texte n'a recueilli l'appui que de 20 des 47 États …": more about the vote
        if self.last.tally is not None and {"yes", "no"} <= set(figures):
            return False          # a vote already counted: other full figures are another text's ("… a recueilli 85 voix, 34 …")
        target = self.last
        if re.search(r"\b(?:the|la|le) (?:final )?(?:resolution|texte)\b", f) and "amendment" in fold(target.act.evidence[0].text):
            target = next((d for d in reversed(self.drafts) if d.act.kind == "vote" and "amendment" not in
                           fold(d.act.evidence[0].text) and i - d.sentence <= 3), target)   # not the amendments voted before it
        self.add_positions(target, s.start, s.end)
        self.add_sponsors(target, s, f)
        target.figures.update({k: v for k, v in figures.items() if k not in target.figures})
        target.act.evidence.append(self.evidence(s))
        self.last.sentence = i
        return True

    def sponsor_sentence(self, i, s, f) -> bool:
        """"The text was presented by the UK", "Introducing the draft, the representative of Ukraine …"."""
        last = self.last
        if last is None or last.act.kind != "vote" or i - last.sentence > 2:
            return False
        if not (_STARTS_WITH_TEXT.search(f) or _INTRODUCING.search(f)) or STANCE_PATTERNS["reject"].search(f):
            return False
        if find_tallies(f) or len(lone_figures(f)) >= 2 or VETO_ACT.search(f) or self.other_subject(last, s):
            return False                 # "It was adopted by 66 votes …": figures of a vote, not who brought the text
        mentions = [self._shift(m, s.start) for m in self.in_span(s.start, s.end)]
        codes, _ = drafters(f, mentions)
        if _INTRODUCING.search(f):
            codes = [m.iso3 for m in mentions if self.actor_capable(self._shift(m, -s.start))][:1]
        if not codes and not re.search(r"\b(?:par|by)\b", f):
            return False
        if len(codes) == 1 and last.act.lead is None:
            last.act.lead = codes[0]
        last.sponsors += [c for c in codes if c not in last.sponsors]
        last.act.evidence.append(self.evidence(s))
        last.sentence = i
        return True

    def speaks_for_act(self, i, s, f) -> bool:
        """The statement's own words after its heading ("Mr President, we remain concerned …"): its stance."""
        last = self.last
        if last is None or last.act.stance is not None or i - last.sentence > 2 or not _FIRST_PERSON.match(f) \
                or last.act.kind not in ("joint_statement", "joint_letter"):
            return False
        stance, _ = stance_of(f, s.lemmas)
        if stance is None:
            return False
        last.act.stance = "criticise" if stance == "reject" and ACTION_OBJECT.search(f) else \
            "support" if stance == "reject" else stance
        last.act.evidence.append(self.evidence(s))
        last.sentence = i
        return True

    def refers_back(self, i, s, f) -> bool:
        if self.last is None or i - self.last.sentence > 8 or not REFERS_BACK.search(f[:160]) and \
                not re.search(r"(?:affirment|ajoutent|ecrivent|soulignent|wrote|said|added) (?:les|the) signat", f):
            return False
        act = self.last.act
        act.evidence.append(self.evidence(s))
        mentions = [m for m in self.in_span(s.start, s.end) if self.actor_capable(m)]
        if SIGNATORY_LIST.search(f) or re.search(r"\b(?:the group|le groupe) (?:included|includes|comprenait|comprend)\b", f):
            for m in mentions:
                if m.iso3 != act.target and m.iso3 not in act.members:
                    act.members.append(m.iso3)
            lead = self.lead(s.start, s.end, mentions)
            if lead and act.lead is None:
                act.lead = lead
        if act.stance is None:
            act.stance, _ = stance_of(f, s.lemmas)
            if act.stance == "reject" and act.kind != "statement":     # a group rejecting what was said of the target
                act.stance = "criticise" if ACTION_OBJECT.search(f) else "support"
        if act.stance is None and act.kind in ("open_letter", "joint_statement", "joint_letter") and _ABUSES.search(f):
            act.stance = "criticise"        # "The letter describes abuses …"
        if act.kind != "vote":
            found = self.topics.find(f, [self._shift(m, s.start) for m in self.in_span(s.start, s.end)], set(act.members))
            if not act.topics or act.topics == ["human-rights"]:
                act.topics = found or act.topics     # what the act is about, said in the sentence that describes it
            elif act.target:         # "…, souligne la déclaration, qui évoque également Hong Kong et le Tibet"
                act.topics += [t for t in found if t not in act.topics and self.topics.target_of(t) == act.target]
        self.last.sentence = i
        return True

    def speaker(self, a: int, b: int) -> str | None:
        """The one state speaking in [a, b): named before the first verb of speech or stance, outside quotes
        (a state by name or capital, or a demonym next to a word for its representative)."""
        seg = _QUOTED.sub(lambda m: " " * len(m.group()), self.folded[a:b])
        verbs = [m.start() for m in (SPEECH.search(seg), *(rx.search(seg) for rx in STANCE_PATTERNS.values())) if m]
        if not verbs:
            return None
        codes = []
        for m in self.in_span(a, a + min(verbs)):
            if seg[m.start - a] == " ":
                continue                  # inside a quotation
            if SUBJECT_BEFORE.search(self.folded[max(a, m.start - 90):m.start]):
                continue                  # "In a resolution on the situation in the Syrian Arab Republic, the Council …"
            around = self.folded[max(a, m.start - 35):min(b, m.end + 35)]
            if m.kind != "demonym" or SPEAKER.search(around):
                if m.iso3 not in codes:
                    codes.append(m.iso3)
        return codes[0] if len(codes) == 1 else None

    def reply(self, i, s, f) -> bool:
        """A state speaking about the act before it: a statement whose stance follows from who speaks."""
        last = self.last
        if last is None or i - last.sentence > 3 or last.act.target is None or _NEXT_TEXT.search(f):
            return False
        if last.act.kind == "vote" and _EXPLAINING_VOTE.search(f) and self.speaker(s.start, s.end) != last.act.target:
            last.act.evidence.append(self.evidence(s))      # an explanation of vote is part of the vote, not an act,
            return True                                     # unless the state it concerns speaks (it rejects the text)
        for words, kinds_answered in ANSWERED:        # "the organisations' accusations": the open letter, not the call after it
            if words.search(f) and last.act.kind not in kinds_answered:
                answered = next((d for d in reversed(self.drafts) if d.act.kind in kinds_answered and i - d.sentence <= 6), None)
                if answered is not None:
                    answered.act.target = answered.act.target or last.act.target
                    last = answered
                break
        kinds = [rx.search(f) for _, rx in KIND_PATTERNS]
        if find_groups(f) or find_tallies(f) or {"yes", "no"} <= set(lone_figures(f)) or VETO_ACT.search(f) or \
                any(k and not _KIND_REFERENCE.search(f[max(0, k.start() - 12):k.end() + 8]) for k in kinds):
            return False
        who = self.speaker(s.start, s.end)
        if who is None and _POSSESSIVE_SPEAKER.match(f) and i > 0:     # "Beijing has answered … Its spokesperson brushed …"
            before = [m.iso3 for m in self.in_span(self.sents[i - 1].start, self.sents[i - 1].end) if self.actor_capable(m)]
            who = before[0] if before else None      # the subject of the sentence before: its first state
        if who is None or not (SPEECH.search(f) or RESPONSE.search(f) or STANCE_PATTERNS["reject"].search(f)):
            return False
        if _INTRODUCING.search(f):
            return False
        target = last.act.target
        stance, _ = stance_of(f, s.lemmas)
        if re.search(r"\b(?:the|this|ce|le|cette) (?:double )?veto\b", f):
            vetoing = (last.act.positions or {}).get("no", []) if last.veto else []
            if len(vetoing) != 1 or who in vetoing:
                return False
            target, stance = vetoing[0], "criticise"
        response = RESPONSE.search(f)
        positions = last.act.positions or {}
        yes_side = who == last.act.lead or who in last.sponsors or who in positions.get("yes", []) or who in last.act.members
        no_side = who in positions.get("no", []) or who in positions.get("abstain", [])
        if who == target and (stance in ("reject", "criticise", None) or response or REPLY_OBJECT.search(f)):
            stance = "reject"       # the state concerned denouncing the text about it rejects it
        elif stance == "reject" or response:
            stance = "support" if not (stance == "reject" and ACTION_OBJECT.search(f)) else "criticise"
        elif stance == "support" and REPLY_OBJECT.search(f) and (yes_side or last.act.kind == "vote"):
            stance = "criticise"      # welcoming the resolution or the vote against the target
        elif stance is None:
            if yes_side and last.act.kind == "vote":
                stance = "criticise"
            elif no_side and last.act.kind == "vote":
                stance = "support"
            else:
                return False
        elif stance == "criticise" and who != target and (no_side or last.veto and who in positions.get("no", [])):
            return False          # a vetoing state criticising the draft's backers is not aimed at the target
        date = self.date_of(s.start, s.end)
        act = Act("", "statement", forum=self.forum_of(s.start, s.end) or last.act.forum, target=target, stance=stance,
                  lead=who, members=[who], topics=list(last.act.topics), evidence=[self.evidence(s)])
        if date is not None and date.value is not None:
            act.date, act.date_precision = date.iso(), date.precision
        else:
            act.date, act.date_precision = last.act.date, last.act.date_precision
        act.confidence = 0.6
        draft = Draft(act, i)
        self.drafts.append(draft)
        self.last = draft if last.act.kind != "vote" else last      # later sentences still complete the vote
        return True

    def vote_positions(self, a: int, b: int) -> dict | None:
        positions = {"yes": [], "no": [], "abstain": []}
        for ca, cb in self.clauses_of(a, b):
            pieces = re.split(r"(?<=[a-z]),\s+(?=(?:and|et|while|but|mais)\b)|;\s*", self.folded[ca:cb])
            offset = ca
            for piece in pieces:
                start = self.folded.find(piece, offset, cb)
                offset = start + len(piece)
                figures = [(t.start, t.end) for t in find_tallies(piece)]     # "64 délégations s'étant abstenues"
                figures += figure_spans(piece)                   # "141 countries voting in favour", "35 abstaining"
                hits = sorted((hit.start(), hit.end(), key) for key, rx in (*VOTE_CLAUSE.items(), ("yes", _SUPPORTED_IT))
                              for hit in [rx.search(piece)]
                              if hit and not any(x <= hit.start() < y for x, y in figures))
                for n, (h0, h1, key) in enumerate(hits):
                    if VOTE_LIST_AFTER.match(piece[h1:]):       # "Voting against were …": the states follow
                        span = (start + h1, start + hits[n + 1][0] if n + 1 < len(hits) else offset)
                    else:                                       # "Russia voting against and China abstaining"
                        begin = hits[n - 1][1] if n else 0
                        cut = [c.end() for c in re.finditer(r"\b(?:with|avec|while|whereas|where|after|apres que|tandis que|"
                                                            r"alors que)\b",
                                                               piece[begin:h0])]
                        span = (start + begin + (cut[-1] if cut else 0), start + h0)   # "…, with China … abstaining"
                    spans = [span]
                    end = hits[n + 1][0] if n + 1 < len(hits) else len(piece)
                    along = _ALONGSIDE.search(piece, h1, end)
                    if along is not None:                       # "… a voté contre, aux côtés de la Chine et de Cuba"
                        spans.append((start + along.end(), start + end))
                    for m in (m for sp in spans for m in self.in_span(*sp)):
                        if m.kind != "demonym" and m.iso3 not in positions[key]:
                            positions[key].append(m.iso3)
                items = figure_items(piece)
                for n, (x, y, key) in enumerate(items):        # "the five votes against were cast by Cameroon, …"
                    if re.match(r"\s+(?:(?:were|was)\s+cast\s+by|came\s+from|(?:were|was)\s+(?:those\s+of|from))\b", piece[y:]) \
                            or re.match(LIST_OPENER, piece[y:]):
                        end = start + items[n + 1][0] if n + 1 < len(items) else offset    # "Neuf ont voté contre, parmi lesquels …"
                        for m in self.in_span(start + y, end):
                            if m.kind != "demonym" and m.iso3 not in positions[key]:
                                positions[key].append(m.iso3)
                for lst in _LABELLED_LIST.finditer(piece):      # "5 against (Belarus, Eritrea, …)"
                    key = "yes" if re.match(r"in|pour|yes|for", lst.group("label")) else \
                          "no" if re.match(r"against|contre|no", lst.group("label")) else "abstain"
                    for m in self.in_span(start + lst.start("names"), start + lst.end("names")):
                        if m.kind != "demonym" and m.iso3 not in positions[key]:
                            positions[key].append(m.iso3)
                joined = _JOINED_IN.search(piece)        # "Armenia joining Bolivia, China … in opposing it": all of them
                if joined:
                    key = "no" if joined.group("how") in ("no", "against") or joined.group("opposing") else "yes"
                    joiner = [m for m in self.in_span(start + max(0, joined.start() - 30), start + joined.start())][-1:]
                    for m in joiner + self.in_span(start + joined.start("who"), start + joined.end("who")):
                        if m.iso3 not in positions[key]:
                            positions[key].append(m.iso3)
        return positions if any(positions.values()) else None

    def clauses_of(self, a: int, b: int) -> list[tuple[int, int]]:
        spans, pos = [], a
        for m in CLAUSE_SPLIT.finditer(self.folded, a, b):
            if m.start() - pos > 20 and b - m.end() > 20:
                spans.append((pos, m.start()))
                pos = m.end()
        spans.append((pos, b))
        return spans
