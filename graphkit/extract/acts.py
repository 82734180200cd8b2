"""Find alignment acts in sentences: who, stance toward which target, count, tally, lead, forum, date, topics.

One pass over the sentences. A sentence is cut into clauses ("…, while …", "; ", "tandis que", and between two
groups each speaking "on behalf of" others); a clause is an act when it has a kind word ("open letter",
"déclaration conjointe", "créer un mécanisme"), a tally, a veto, a body's decision on a text, or a stance verb
with a group of states (a count or two named states) or a state speaking. Sentences that continue the act
before them add to it: its tally or its voters ("The resolution was adopted by …", "China and Cuba voted
against"), its sponsor ("The text was presented by …"), its signatories ("Signatories included …"). A state
speaking about the act before ("the representative of X said …", "a rejeté le texte") makes a statement whose
stance follows from who speaks: the target itself rejects, a state defending the target supports it, a sponsor
or a state voting for the text criticises the target.

States come only from the gazetteer's mentions in the text. A vote's target is the state its text concerns
(found through the act's topics: a resolution "on Syria", "Crimea" → Russia), never a sponsor or a voter; the
target of other acts is the state the sentence criticises or defends, else the topic's state, else the target
of the act answered — and only ever among the states the text names. Joining drafts into acts and completing
them at the end is :mod:`graphkit.extract.drafts`; sentences that continue an act, :mod:`graphkit.extract.continuations`;
the lead, kind and target of an act, :mod:`graphkit.extract.roles`; acts named by a release's headings and decisions
that are a state's words, :mod:`graphkit.extract.releases`.
"""
from __future__ import annotations

import copy
import datetime as dt
import re

from .context import act_dates
from .continuations import ANSWERED as _ANSWERED_BY, CLAUSE_SPLIT, SAME_RESULT, Continuations, Draft, stance_of
from .counts import NUMBER, Tally, vote_figure_spans, find_groups, find_tallies, lone_figures, others_anchor, parse_number
from .dates import DateMention
from .drafts import TOP_TOPIC as _TOP_TOPIC, Drafts
from .gazetteer import Gazetteer
from .lexicon import ACTION_OBJECT, KIND_PATTERNS, RESPONSE, SUBJECT_BEFORE, SUBJECT_PHRASE, VOTE_CLAUSE
from .model import Act
from .nlp import Sentence
from .releases import Releases
from .roles import BEHALF_GROUP as _BEHALF_GROUP, ON_BEHALF as _ON_BEHALF, Roles
from .topics import TopicFinder, default_topics
from .votes import BODY_ACTS, SOME_ONLY, SPONSOR_MARKS, VETO_ACT, decision_in, drafters, on_many_texts, vetoers

__all__ = ["find_acts"]


_GROUP_MARK = re.compile(r"\b(?:au nom d|on behalf of|speaking for|speaking on behalf)")
_JOIN = re.compile(r",\s+(?:and|et)\s+|\s+(?:and|et)\s+")
_PASSIVE = re.compile(r"\b(?:a ete|ont ete|avait ete|was|were|has been|have been|had been|est|sont)\s+$")
_PARTICIPLE = re.compile(r"(?!\w+(?:ence|ance|tion|ment|ure|age)\b)\w+(?:e|ee|es|ees|ed|u|ue|us|ues|is|ise|ises)\b")
_BY = re.compile(r"\b(?:par|by)\s+(?:la |le |les |l'|the )?$")
_INCLUDING = re.compile(r"(?:\(\s*dont|\bdont|\bincluding|\bnotamment|\bamong them|\bparmi lesquels|\bsuch as)\b")
#: Several texts voted in one sentence, each with its figures.
_ENUMERATED = re.compile(r"\b(?:the first|the second|the latter|respectively|le premier|le second|la premiere|la seconde|"
                         r"le deuxieme|la deuxieme|l'un|l'autre|(?:two|three|deux|trois) (?:amendments|amendements|drafts|projets|texts|textes)|"
                         r"both)\b")
#: Experts or rapporteurs of the UN speaking together: "50 independent experts", "une cinquantaine" is not a count.
_EXPERTS = re.compile(r"(?<![\w-])(?P<n>" + NUMBER + r"|une (?:cinquantaine|quarantaine|trentaine|vingtaine|dizaine|douzaine|"
                      r"soixantaine|centaine) d'|dozens of|scores of|some|several|plusieurs|des)\s*(?:independent\s+|un\s+|"
                      r"u\.n\.\s+|human rights\s+)*"
                      r"(?:experts|special rapporteurs|rapporteurs(?: speciaux)?|experts independants|experts de l'onu)\b")
_IN_TURN = re.compile(r"\b(?:a son tour|in turn|in response|in reply|en reponse|en retour|replied|riposte\w*|countered|"
                      r"responded|responding|(?:a|ont|avait|avaient) repondu|repliqu\w*|"
                      r"la replique|the reply|the response|moments later|shortly after(?:wards)?|peu apres|dans la foulee)\b")
#: The same act done again, earlier: "comme elles l'avaient fait trois jours plus tôt", "as they had done in July".
_AGAIN = re.compile(r"\b(?:comme (?:ils|elles|il|elle) l'(?:avai(?:en)?t|a|ont) (?:deja )?fait|as (?:they|it|he|she) (?:had|did|has) "
                    r"(?:already )?(?:done)?)\b")
#: "two days after", "une semaine jour pour jour après": the act of the clause that follows came first.
_DAYS_AFTER = re.compile(r"(?:days?|weeks?|jours?|semaines?)\s+(?:jour pour jour\s+|exactly\s+|to the day\s+)?(?:after|apres)\b")
_SIMILAR = re.compile(r"\b(?:similar|comparable|analogous|parallel|similaire|analogue|du meme type)\b")
#: A state named as the owner of a position or of internal affairs is the one defended, not a speaker.
_WHOSE_VIEW = re.compile(r"\b(?:position|these|point de vue|ligne|version|arguments?|view|views|line|stance|"
                         r"affaires interieures|internal affairs)\s+(?:officielle\s+|officials?\s+)?(?:de la |de l'|du |des |de |d'|of )(?:the )?$")
#: An act of the same kind as the one before, named as such: "une déclaration semblable", "a similar letter".
_SIMILAR_KIND = re.compile(r"\b(?:(?:similar|comparable|analogous|parallel) (?:joint )?(?:statement|declaration|letter|text)|"
                           r"(?:declaration|lettre|texte)s? (?:semblable|similaire|analogue|comparable)s?)\b")
#: An act on the subject of the act before: "sur le même sujet", "on the same issue".
_SAME_SUBJECT = re.compile(r"\b(?:sur|on|about|concernant|consacree? a) (?:le|la|the) (?:meme|same) (?:sujet|theme|question|situation|"
                           r"issue|subject|topic|matter|dossier)\b")
#: A state named as the source of a figure or a claim: "selon les chiffres avancés par Pékin", "according to Beijing".
_SOURCE = re.compile(r"\b(?:selon|d'apres|according to|as reported by|cited by|cite\w* par|avance\w* par|per)\s+"
                     r"(?:(?:les|the)\s+(?:chiffres|figures|autorites|authorities)\s+(?:avance\w*\s+par|given by|of|de|d')?\s*)?"
                     r"(?:la |le |les |l'|the )?$")
_SITUATION = re.compile(r"\b(?:human rights situation|situation of human rights|situation des droits (?:de l'homme|humains))\b")


class _Finder(Roles, Releases, Continuations, Drafts):
    """One pass over a text's sentences (see the module's docstring)."""

    # -- the pass ----------------------------------------------------------------
    def run(self) -> list[Act]:
        for i, s in enumerate(self.sents):
            if s.heading:
                draft = self.heading_act(i, s)
                if draft is not None:
                    self.add(draft)
                continue
            f = self.folded[s.start:s.end]
            if not self.drafts and self.heading_kind(i):
                draft = self.heading_act(i, s)
                if draft is not None:
                    self.add(draft)
                    continue
            if self.vote_list(i, s, f) or self.completes_vote(i, s, f) or self.vote_sentence(i, s, f) \
                    or self.sponsor_sentence(i, s, f) or self.speaks_for_act(i, s, f) or self.refers_back(i, s, f) \
                    or self.reply(i, s, f):
                continue
            for a, b in self.clauses(s):
                draft = self.clause(i, s, a, b)
                if draft is not None and draft.bare and self.last is not None and self.last.origin == i \
                        and self.last.act.kind == "vote" and draft.act.kind == "vote":
                    self.add_positions(self.last, a, b)      # "…; the Philippines itself was among those voting no"
                    continue
                if draft is not None:
                    self.add(draft)
                    if draft.referred is not None:
                        self.add(draft.referred)
                    if draft.act.kind == "vote":
                        self.same_result(i, s, draft)     # "…, the same result as in July 2019"
                    if draft.repeat is not None:
                        act = copy.deepcopy(draft.act)
                        act.date = act.date_precision = None
                        act.tally = None
                        self.add(Draft(act, i, anchor=draft.repeat, veto=True))
                    for t in draft.more_tallies:     # "two amendments, the first by 20 votes to 8 …, the second by …"
                        act = copy.deepcopy(draft.act)
                        act.tally = {"yes": t.yes, "no": t.no, "abstain": t.abstain}
                        self.add(Draft(act, i, tally=act.tally, veto=draft.veto, sponsors=list(draft.sponsors)))
        forums = list(dict.fromkeys(self.text_forums))
        self.only_forum = forums[0] if len(forums) == 1 else None
        for d in self.drafts:
            self.finish(d)
        acts = [d.act for d in self.drafts]
        self.same_side(acts)
        for n, act in enumerate(acts, 1):
            act.id = f"a{n}"
        return acts

    def clauses(self, s: Sentence) -> list[tuple[int, int]]:
        figures = [(s.start + x, s.start + y) for x, y in vote_figure_spans(self.folded[s.start:s.end])]
        spans, pos = [], s.start
        for m in CLAUSE_SPLIT.finditer(self.folded, s.start, s.end):
            one_vote = any(y <= m.start() for _, y in figures) and any(x >= m.end() for x, _ in figures) and not (
                find_tallies(self.folded[pos:m.start()]) and find_tallies(self.folded[m.end():s.end]))   # two votes: split
            if m.start() - pos > 20 and s.end - m.end() > 20 and not one_vote:   # "100 backed it; 11 voted against"
                spans.append((pos, m.start()))
                pos = m.end()
        spans.append((pos, s.end))
        out = []
        for a, b in spans:     # two groups, each "on behalf of" others: "X, au nom de 39 pays, …, et Cuba, au nom de 45"
            marks = list(_GROUP_MARK.finditer(self.folded, a, b))
            cut = None
            if len(marks) >= 2:
                joins = [j for j in _JOIN.finditer(self.folded, marks[0].end(), marks[1].start())]
                if joins:
                    cut = joins[-1]
            veto = VETO_ACT.search(self.folded, a, b)
            if cut is None and veto and not re.match(r"(?:owing|because|en raison|du fait)", veto.group()) and (decision_in(self.folded[a:veto.start()]) or find_tallies(self.folded[a:veto.start()])):
                comma = self.folded.rfind(",", a, veto.start())
                if comma > a + 20:
                    cut = re.match(r",\s*", self.folded[comma:])
                    out += [(a, comma), (comma + cut.end(), b)]
                    continue
            if cut is not None:
                out += [(a, cut.start()), (cut.end(), b)]
            else:
                out.append((a, b))
        return out

    def clause(self, i: int, s: Sentence, a: int, b: int, kind_hint: str | None = None) -> Draft | None:
        cf = self.folded[a:b]
        whole = (a, b) == (s.start, s.end)
        stance, v = stance_of(cf, s.lemmas if whole else None)
        kind_kw, kind_match = next(((k, m) for k, rx in KIND_PATTERNS for m in [rx.search(cf)] if m), (kind_hint, None))
        tallies = find_tallies(cf)
        figures = lone_figures(cf)
        if not tallies and {"yes", "no"} <= set(figures):     # "passed with 20 in favour and 22 abstentions; the five votes against …"
            tallies = [Tally(figures["yes"], figures["no"], figures.get("abstain"), 0, len(cf))]
        groups = find_groups(cf)
        mentions = self.in_span(a, b)
        spoken_of = self.act_spoken_of(cf, a, kind_kw, kind_match, mentions, groups)
        if spoken_of is not None:        # "China's spokesperson said the letter signed by 22 countries was …"
            kind_kw, kind_match, groups = None, None, [g for g in groups if g.end <= kind_match.start()]
        vote_clauses = {k: rx.search(cf) for k, rx in VOTE_CLAUSE.items()}
        veto = VETO_ACT.search(cf)
        decision = decision_in(cf) if not kind_kw or kind_kw == "mechanism" else None
        decision, referred, own_voice = self.spoken_decision(cf, a, decision, stance, v, mentions)
        if decision is None and not kind_kw and not veto and self.figures_follow(i):
            body = BODY_ACTS.search(cf)         # "The Assembly declared …" with the figures in the next sentence
            decision = body if body and not on_many_texts(cf, body) else None
        if kind_match and re.search(r"\b(?:this|that|these|those|ce|cette|ces)\s+(?:so-called\s+|soi-disant\s+|pretendue?\s+)?"
                                    r"(?:\w+\s+)?$", cf[:kind_match.start()]) and not groups and not mentions and \
                any(d.act.kind == kind_kw for d in self.drafts):
            return None     # "We have noted this so-called joint statement": the act before, named again
        response = RESPONSE.search(cf) if stance is None else None
        if not (stance or kind_kw or tallies or any(vote_clauses.values()) or response or veto or decision):
            return None
        if response:
            v = response.start()
        elif stance == "criticise" and RESPONSE.search(cf[v:v + 60]) and RESPONSE.search(cf[v:v + 60]).start() < 40:
            stance = "support"       # "dénonçant toute ingérence", "condemned interference in China's internal affairs"
            v = RESPONSE.search(cf).start()
        kind_at = kind_match or re.search(r"\b(?:statement|declaration|letter|lettre)\b", cf)
        if stance and kind_at and 0 <= v < kind_at.start() and not any(g.start < v for g in groups) \
                and not any(m.start - a < v for m in mentions):
            # "We welcome the statement read by X …, which urged China to …": the act's stance is its own words'
            own = re.search(r"\b(?:which|that|qui|laquelle|lequel)\b", cf[kind_at.end():])
            later, lv = stance_of(cf[kind_at.end() + own.end():], None) if own else (None, -1)
            if later:
                stance = later
            elif re.match(r"\W*(?:we|nous|notre|our|(?:the |les |l')?(?:ngos?|ong|organi[sz]ations?|groups?|associations?)\b)",
                          cf) and not (kind_kw == "open_letter"):
                stance, v = None, -1     # "Notre organisation se félicite de la déclaration …": the act's stance comes after
        pivot = a + (v if v >= 0 else 0)
        if kind_kw and v < 0:
            pivot = a + (kind_match.start() if kind_match else b - a)
        votey = bool(tallies or any(vote_clauses.values()) or veto or (decision and kind_kw != "mechanism") or len(figures) >= 2)
        if (decision or veto) and v < 0:
            pivot = a + (veto or decision).start()

        # who voted how; who vetoed; who brought the text
        positions = self.vote_positions(a, b) if votey else None
        rel_mentions = [self._shift(m, a) for m in mentions]
        vetoing = vetoers(cf, rel_mentions, veto) if veto else []
        if vetoing:
            positions = positions or {"yes": [], "no": [], "abstain": []}
            positions["no"] += [c for c in vetoing if c not in positions["no"]]
        sponsors, sponsor_spans = drafters(cf, rel_mentions) if votey or kind_kw == "mechanism" else ([], set())
        voters = {c for p in (positions or {}).values() for c in p}

        members, candidates = [], []
        inc = _INCLUDING.search(cf)
        lead = None if votey else self.lead(a, b, mentions, pivot)
        passive = v >= 0 and _PASSIVE.search(cf[max(0, v - 20):v]) and _PARTICIPLE.match(cf[v:])
        for m in mentions:
            rel = m.start - a
            if m.iso3 in voters or m.start - a in sponsor_spans or m.iso3 in sponsors:
                continue
            if SPONSOR_MARKS.search(cf[max(0, rel - 25):rel]) and votey:
                continue
            in_list = inc is not None and rel > inc.start() and (v < 0 or rel < v or inc.start() > v)
            by_agent = passive and rel > v and _BY.search(self.folded[max(a, m.start - 12):m.start])
            possessive = re.match(r"'s\b(?!\s+(?:[\w.]+\s+){0,2}(?:ambassador|envoy|representative|delegation|government|"
                                  r"foreign|minister|mission|president|spokes))", self.folded[m.end:m.end + 40])
            if m.iso3 == lead or in_list or by_agent:
                members.append(m)
            elif possessive or _WHOSE_VIEW.search(self.folded[max(a, m.start - 40):m.start]) or \
                    _SOURCE.search(self.folded[max(a, m.start - 40):m.start]):
                candidates.append(m)      # "reprenant la position de Pékin": the state whose line is taken up
            elif votey or (passive and rel < v):
                candidates.append(m)
            elif rel < v or (v < 0 and rel < pivot - a):
                (members if self.actor_capable(m) else candidates).append(m)
            else:
                candidates.append(m)

        # groups: "46 Etats", "le Royaume-Uni et 27 autres pays"
        count = qualifier = None
        for g in groups:
            if g.others and others_anchor(cf, g):
                before = [m for m in mentions if m.end <= a + g.start]
                if before:
                    count, qualifier = (g.count + 1, g.qualifier) if g.count is not None else (None, None)
                    lead = lead or before[-1].iso3
                    break
            elif not g.others:
                count, qualifier = (g.count, g.qualifier) if g.count is not None else (None, None)   # "some 40": no count
                break

        behalf_group = bool(groups) or bool(_BEHALF_GROUP.search(cf))     # "on behalf of a group of countries"
        if lead is None and not votey and _ON_BEHALF.search(cf) and len({m.iso3 for m in members}) == 1 and behalf_group:
            lead = members[0].iso3
        opening = re.match(r"\W*(?:speaking|s'exprimant|parlant)\s+(?:for|on behalf of|au nom d(?:e|es|'))\s+[^,;]{3,60},\s*", cf)
        if lead is None and not votey and opening:     # "Speaking for 53 countries, Cuba said …"
            if re.match(r"(?:its|their|sa|son|leur)\s+(?:delegate|representative|ambassador|envoy|delegation|representant\w*|"
                        r"ambassad\w*|delegu\w*)", cf[opening.end():]) and i > 0:
                prev = self.sents[i - 1]       # "Cuba took the floor … Speaking for 53 countries, its delegate said …"
                lead = next((m.iso3 for m in self.in_span(prev.start, prev.end) if self.actor_capable(m)), None)
            else:
                lead = next((m.iso3 for m in mentions if m.start - a >= opening.end() - 1 and self.actor_capable(m)
                             and not re.match(r"'s\b", self.folded[m.end:m.end + 3])), None)
            if lead is not None:
                members = [m for m in mentions if m.iso3 == lead][:1] + [m for m in members if m.iso3 != lead]
        speaker_word = re.search(r"\b(?:ambassador|ambassadeur|ambassadrice|we|nous|our|notre)\b", cf)
        if lead is None and self.source_state and not votey and kind_kw in ("joint_statement", "joint_letter") and \
                speaker_word and speaker_word.start() < pivot - a and not any(m.start - a < speaker_word.start() for m in mentions):
            lead = self.source_state          # "Ambassador Chen Xu delivered …" in the mission's own release
        member_codes = list(dict.fromkeys(m.iso3 for m in members))
        if referred is not None and own_voice and not member_codes:
            member_codes = [self.source_state]
        skip = set(member_codes) | voters | set(sponsors) | ({lead} if lead else set())
        skip -= {m.iso3 for m in mentions if SUBJECT_BEFORE.search(self.folded[max(a, m.start - 90):m.start])}
        own_topics = self.topics_of([(a, b)], skip)      # what the clause itself names, before its context
        topics = self.topics_of([(a, b)] + self.context_spans(i), skip)
        subject = SUBJECT_PHRASE.search(cf) if votey else None
        if subject is not None:      # "un projet de résolution sur l'Ukraine": what the vote is on, before other names
            x, y = a + subject.start("subject"), a + subject.start("subject") + len(subject.group("subject").split(",")[0])
            on = self.topics.find(self.folded[x:y], [self._shift(m, x) for m in self.in_span(x, y)], skip)
            on = on or [t for t in dict.fromkeys(self.topics.topic_of_target(m.iso3) for m in self.in_span(x, y)
                                                 if m.kind != "demonym") if t]     # "… dans la Fédération de Russie"
            topics = on or topics
        target = self.pick_target(candidates, member_codes, topics, votey)
        member_codes = [c for c in member_codes if c != target]
        if lead and lead not in member_codes:
            member_codes.insert(0, lead)

        if target is None and behalf_group and lead and not votey and any(self.topic_target(t) == lead for t in topics):
            target = lead        # "China took the floor on behalf of 28 countries to dismiss the assessment of Xinjiang"
            member_codes = [lead] + [c for c in member_codes if c != lead]
        # a state calling what was said of it interference in its own internal affairs rejects it
        own_affairs = len(member_codes) == 1 and not behalf_group and target in (None, member_codes[0]) and (re.search(
            r"\b(?:its|their|ses|leurs)\s+(?:own\s+)?(?:internal affairs|affaires interieures)\b", cf) or any(
            m.iso3 == member_codes[0] and re.match(r"'s\s+(?:own\s+)?internal affairs", self.folded[m.end:m.end + 30])
            for m in mentions))
        if own_affairs:
            stance, target = "reject", member_codes[0]
        elif (stance == "criticise" or response) and target is None and len(member_codes) == 1 and not behalf_group and \
                member_codes[0] in self.earlier_targets():
            stance = "reject"       # the target of an earlier act answering it ("Minsk a fustigé une ingérence")
        elif response and not behalf_group and len(member_codes) == 1 and member_codes[0] != target and target is not None:
            stance = "support"      # a state calling criticism of another "interference in its internal affairs"
        elif (stance == "reject" or response) and (behalf_group or len(member_codes) >= 2):
            # a group rejecting criticism of the target defends it; rejecting the target's own action criticises it
            stance = "criticise" if ACTION_OBJECT.search(cf[max(0, v):max(0, v) + 80]) and not (target and target == lead) \
                else "support"     # the state concerned, for a group, rejecting what was said of it defends itself
        if stance is None and kind_kw in ("joint_statement", "joint_letter") and i > 0 and self.scene(i - 1) \
                and not self.sents[i - 1].heading:
            said, _ = stance_of(self.folded[self.sents[i - 1].start:self.sents[i - 1].end], None)
            stance = said if said in ("criticise", "support") else None   # "Certains gouvernements ont haussé le ton. …"
        if stance is None and kind_kw in ("joint_statement", "joint_letter") and _SITUATION.search(cf):
            stance = "criticise"    # "a joint statement on the human rights situation in China" (item 4 of the HRC)
        similar_kind = _SIMILAR_KIND.search(cf)
        if similar_kind and stance is not None and not (groups and v < groups[0].start):
            similar_kind = None      # "a similar statement by 22 countries had urged China …": its own stance
        if self.drafts and (similar_kind or stance is None and (_SIMILAR.search(cf) or re.match(
                r"\W*(?:(?:up|down) from|compared (?:with|to)|contre seulement)\b", cf))):
            like = self.drafts[-1].act         # "a similar statement": the stance and topics of the act it resembles
            if similar_kind:
                like = next((d.act for d in reversed(self.drafts) if d.act.kind in ("joint_statement", "joint_letter")), like)
            stance = like.stance
            if topics == [] or topics == [_TOP_TOPIC] or (similar_kind and not own_topics):
                topics = list(like.topics)
            if similar_kind and like.target and not any(m.iso3 == target for m in candidates):
                target = like.target
        experts = _EXPERTS.search(cf) if (kind_kw == "call" or stance == "criticise") and not votey and count is None \
            and not kind_kw in ("joint_statement", "joint_letter", "open_letter") else None
        if experts is not None:     # "50 independent experts of the United Nations called for …": a call, aimed at the state named
            n = experts.group("n")        # "une cinquantaine d'experts", "des experts", "some experts": no count
            count = parse_number(n) if re.fullmatch(NUMBER, n) else None
            qualifier = "exactly" if count is not None else None
            stance = stance if stance in ("criticise", "support") else "criticise"
            kind = "call"
            lead = None
        else:
            kind = self.kind(kind_kw, stance, votey, count, member_codes, cf, groups)
        if kind is None:
            return None
        if kind == "statement" and len(member_codes) != 1:
            return None
        if kind == "statement":
            lead = member_codes[0]
            answered = next((d.act for d in reversed(self.drafts) for words, kinds in _ANSWERED_BY if words.search(cf)
                             and d.act.kind in kinds), None)
            if stance == "reject" and answered is not None and answered.topics:
                topics = list(answered.topics)      # "elles ont rejeté nos accusations": what the letter was about
            if stance == "criticise" and target == lead and self.drafts:
                stance = "reject"       # "Le représentant birman a dénoncé un texte partial": the text on his own state
            if stance == "reject":
                target = lead
                own = self.topics.topic_of_target(target)
                if own and not own_topics:
                    topics = [own]      # "Sri Lanka said it rejected the resolution": the text on Sri Lanka
        if kind == "open_letter":       # written by NGOs or people: states named are not its authors
            lead, count = None, None
            if not re.search(r"\b(?:addressed to|sent to|adressee? (?:a|au|aux)|envoyee? (?:a|au|aux))\b[^.;]{0,60}"
                             r"(?:council|conseil|assembl)", cf):
                forum_hint = None      # "urging … to convene a special session of the Council": the forum asked for, not the letter's
            else:
                forum_hint = "addressed"
            target = target or next((m.iso3 for m in members), None)
            member_codes = []
        if kind == "mechanism" and stance is None and target is not None:
            stance = "criticise"
        if _SAME_SUBJECT.search(cf) and self.drafts and self.drafts[-1].act.topics:
            like = self.drafts[-1].act        # "une résolution sur le même sujet": what the act before was about
            topics = list(like.topics)
            target = like.target or target
        if not votey and target and re.search(r"\b(?:the (?:new )?(?:law|legislation)|la (?:nouvelle )?loi|cette loi|ce texte de loi)\b", cf):
            scene = next((self.sents[j] for j in range(i - 1, -1, -1) if self.scene(j)), None)
            if scene is not None:      # "… concern about the law": the law the scene sentence named (Hong Kong's)
                more = [t for t in self.topics.find(self.folded[scene.start:scene.end], [])
                        if self.topics.target_of(t) == target]
                topics = [t for t in dict.fromkeys(more + topics) if t != _TOP_TOPIC] or topics
        answered = self.last.act if self.last is not None and i - self.last.sentence <= 3 else None
        if kind in ("joint_statement", "joint_letter") and answered is not None and answered.target == target and \
                {stance, answered.stance} == {"support", "criticise"} and not own_topics:
            topics = list(answered.topics)      # a counter-statement is about what the statement it answers was about
        tally = None
        if kind == "vote":
            count, stance = None, None
            member_codes = []
            lead = sponsors[0] if len(sponsors) == 1 else None
            if lead is None and self.source_state and re.search(r"\b(?:our|notre) (?:draft|projet|texte|text|resolution)", cf):
                lead = self.source_state
            if tallies:
                t = tallies[0]
                tally = {"yes": t.yes, "no": t.no, "abstain": t.abstain}
        context = [(s.start, s.end)]
        if i > 0 and not self.sents[i - 1].heading and (kind == "vote" and (self.last is None or self.last.sentence != i - 1)
                                                         or self.scene(i - 1)):
            prev = self.sents[i - 1]          # the sentence before says what was voted on, where and when
            context.append((prev.start, prev.end))
        forum = self.forum_of(a, b, pivot) or next((self.forum_of(x, y) for x, y in context if self.forum_of(x, y)), None)
        if referred is not None:        # the forum named is where the resolution spoken of was adopted
            forum = self.forum_of(a, a + referred)
        elif kind == "statement" and lead is not None and lead == self.source_state:
            forum = self.forum_of(a, b, pivot)      # a government's own words in its release: a forum only if it names one
        if kind == "open_letter" and forum_hint is None or kind == "call" and not self.forum_of(a, b, pivot):
            forum = None        # experts calling, NGOs writing: in no forum unless their own sentence names one
        if forum is None and kind_hint:
            forum = next((self.forum_of(h.start, h.end) for h in self.sents[:i] if h.heading and self.forum_of(h.start, h.end)), None)
        if (veto or vetoing) and ("veto" in cf or forum is None or "Security Council" in self.text_forums):
            forum = "Security Council"     # a veto is cast only there, whichever body the sentence also names
        same = SAME_RESULT.search(cf)       # "… the same result as in July 2019": that date is the earlier vote's
        date = self.date_of(a, a + same.start() if same else b) or next((d for d in (self.date_of(x, y) for x, y in context)
                                                                          if d and not same), None)
        if date is None and self.drafts and kind != "vote" and (_IN_TURN.search(self.folded[s.start:s.end]) or (
                i > 0 and _IN_TURN.search(self.folded[self.sents[i - 1].start:self.sents[i - 1].end]))):
            date = DateMention(a, a, None, "day", 0)      # "Prenant la parole à son tour, Cuba …": the day of the act answered
        heading_dated = date is None
        date = date or (self.heading_date(i) if kind != "open_letter" else None)   # a letter predates the release on it
        act = Act("", kind, forum=forum, topics=topics, target=target, stance=stance, count=count,
                  count_qualifier=qualifier if count is not None else None, tally=tally, lead=lead,
                  members=member_codes, positions=positions, evidence=[self.evidence(s)])
        if date is not None and date.value is not None:
            act.date, act.date_precision = date.iso(), date.precision
        confidence = 0.4 + 0.1 * bool(kind_kw) + 0.1 * bool(forum) + 0.1 * bool(date) \
            + 0.1 * bool(count or member_codes or tally) + 0.15 * bool(target)
        act.confidence = min(confidence, 0.95)
        after = _DAYS_AFTER.search(cf[:max(0, pivot - a)])
        if after is not None and date is not None and date.value is not None:
            relative = [d for d in act_dates(self.dated[a:b], self.published) if d.value is None and d.end <= after.end() + 2]
            if relative:          # "Today's action came two days after the Assembly adopted …": the after-clause's act
                date = DateMention(a + relative[0].start, a + relative[0].end, None, "day", relative[0].anchor_offset)
        anchor = date if date is not None and date.value is None else None
        if anchor is not None and (re.match(r"\W*(?:\w+\s+){0,3}?" + _DAYS_AFTER.pattern, cf) or after is not None):
            # "two days after Moscow vetoed", "Ce vote intervient une semaine après que la Russie a bloqué": the act
            # in the "after" clause came first
            anchor = DateMention(anchor.start, anchor.end, None, "day", -anchor.anchor_offset)
        draft = Draft(act, i, anchor=anchor,
                       figures=lone_figures(cf) if kind == "vote" else {}, tally=tally, veto=bool(veto or vetoing),
                       sponsors=sponsors)
        draft.some_only = bool(SOME_ONLY.search(cf))
        draft.heading_dated = heading_dated and date is not None
        if referred is not None and kind == "statement" and self.figures_follow(i):
            draft.referred = self.referred_vote(i, s, a, b, referred, act)   # its figures follow: that vote is reported too
        if spoken_of is not None and kind == "statement" and not any(
                d.act.kind == spoken_of[0] and (d.act.count == spoken_of[1] or d.act.target == act.target) for d in self.drafts):
            draft.referred = self.referred_act(i, s, spoken_of, act)         # the letter spoken of is an act too
        draft.bare = kind == "vote" and not (tallies or veto or vetoing or decision or draft.figures or sponsors)
        if draft.bare and not any((positions or {}).values()):
            return None          # "We thank the states that voted yes": no vote is reported
        if kind == "vote" and len(tallies) >= 2 and _ENUMERATED.search(cf):
            draft.more_tallies = tallies[1:]
        again = _AGAIN.search(cf) if kind == "vote" and (veto or vetoing) else None
        if again is not None:         # "…, comme elles l'avaient fait trois jours plus tôt contre un premier texte"
            earlier = [d for d in act_dates(self.dated[a + again.start():b], self.published) if d.value is None]
            if earlier:
                draft.repeat = earlier[0]
        return draft

def find_acts(text: str, sents: list[Sentence], published: dt.date, gazetteer: Gazetteer,
              topics: TopicFinder | None = None) -> list[Act]:
    """The acts in ``text`` (already split into ``sents``), dates resolved against ``published``.

    Examples
    --------
    >>> from graphkit.extract.gazetteer import Gazetteer
    >>> from graphkit.extract.nlp import sentences
    >>> g = Gazetteer({"CHN": ["China"], "GBR": ["United Kingdom"], "FRA": ["France"]}, capitals={}, demonyms={})
    >>> t = TopicFinder({"xinjiang": ["Xinjiang"]}, {"xinjiang": "CHN"})
    >>> text = "On 30 June the United Kingdom and 27 other countries, including France, criticised China over Xinjiang."
    >>> [a.to_dict() | {"evidence": None} for a in find_acts(text, sentences(text, "en"), dt.date(2020, 9, 10), g, t)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'id': 'a1', 'kind': 'joint_statement', 'forum': None, 'date': '2020-06-30', 'date_precision': 'day',
      'topics': ['xinjiang'], 'target': 'CHN', 'stance': 'criticise', 'count': 28, 'count_qualifier': 'exactly',
      'tally': None, 'lead': 'GBR', 'members': ['GBR', 'FRA'], 'positions': None, 'confidence': 0.75, 'evidence': None}]
    """
    return _Finder(text, sents, published, gazetteer, topics or default_topics()).run()
