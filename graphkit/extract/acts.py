"""Find alignment acts in sentences: who, stance toward which target, count, tally, lead, forum, date.

One pass over the sentences. A sentence is cut into clauses ("…, while …",
"; ", "tandis que"); a clause is an act when it has a kind word ("open letter",
"déclaration conjointe", "créer un mécanisme"), a tally, or a stance verb with
a group of states (a count or two named states) or a state speaking
("un porte-parole … chinois", "A Pékin, …"). A sentence that refers back to the
act before it ("Ces ONG accusent…", "Signatories included…", "In favour: …")
adds its evidence, and its signatories or votes, to that act. Dates relative to
another act ("deux jours plus tôt") are resolved against the act before.

States come only from the gazetteer's mentions in the text; a target that the
sentence does not name is taken from the act's other sentences, from its topic
(Xinjiang → China) or from the text's most named state — and only ever among
the states the text names.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from .counts import find_groups, find_tallies, lone_figures, others_anchor
from .dates import DateMention, find_dates, shift
from .gazetteer import Gazetteer, Mention, fold
from .lexicon import (FORUMS, KIND_PATTERNS, NOT_STANCE, REFERS_BACK, RESPONSE, SIGNATORY_LIST, SPEAKER, STANCE_LEMMAS,
                      STANCE_PATTERNS, TOPIC_STATES, TOPICS, VOTE_CLAUSE, VOTE_LIST, VOTE_LIST_AFTER)
from .model import Act, Evidence
from .nlp import Sentence

__all__ = ["find_acts"]

_CLAUSE_SPLIT = re.compile(r"\s*(?:;|,?\s+\b(?:while|whereas|tandis que|alors que)\b|,\s+(?:but|mais)\b)\s*")
_LEAD = re.compile(
    r"(?:au nom d(?:e|u|es|')|on behalf of|led by|emmene\w* par|mene(?:s|es) par|conduit\w* par|a l'initiative d(?:e|u|')|"
    r"at the initiative of|read (?:out )?by|lue? par|delivered by|presente\w* par|prononcee? par|portee? par|"
    r"initiated by|spearheaded by|sous l'egide d(?:e|u|')|introduced by|tabled by|put forward by|introduit\w* par|"
    r"deposee? par)\s*(?:la |le |les |l'|the )?$")
_LEAD_AFTER = re.compile(r"^[\s,]*(?:(?:had|has|have|a|aussitot|also|then|ensuite|deja|speaking|s'exprimant|"
                         r"s'est exprime\w*)\s+)*(?:au nom d|on behalf of|read |delivered |presented |lu |"
                         r"presente |prononce |lit |took the floor)")
_LEAD_ANYWHERE = re.compile(r"^[\s,]*(?:(?:taking|took|in|has taken|had taken) the lead|(?:speaking )?for (?:the|this|that) group"
                            r"|(?:prenant|a pris|ayant pris) la tete|pour (?:le|ce) groupe)\b")
_ON_BEHALF = re.compile(r"\b(?:au nom d|on behalf of|speaking for)")
_LED_SUFFIX = re.compile(r"^-led\b")
_PASSIVE = re.compile(r"\b(?:a ete|ont ete|avait ete|was|were|has been|have been|had been|est|sont)\s+$")
_PARTICIPLE = re.compile(r"\w+(?:e|ee|es|ees|ed|u|ue|us|ues|is|ise|ises)\b")
_BY = re.compile(r"\b(?:par|by)\s+(?:la |le |les |l'|the )?$")
_INCLUDING = re.compile(r"(?:\(\s*dont|\bdont|\bincluding|\bnotamment|\bamong them|\bparmi lesquels|\bsuch as)\b")
_DEFINITE = re.compile(r"\b(?:the|this|that|la|cette|le|ce|leur|their) (?:joint )?(?:statement|declaration|letter|lettre|texte|text)\b")


@dataclass
class _Draft:
    act: Act
    sentence: int
    anchor: DateMention | None = None
    target_from_context: bool = False


def _stance(cf: str, lemmas: list[str] | None) -> tuple[str | None, int]:
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


def _clauses(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for m in _CLAUSE_SPLIT.finditer(folded, start, end):
        if m.start() - pos > 20 and end - m.end() > 20:
            spans.append((pos, m.start()))
            pos = m.end()
    spans.append((pos, end))
    return spans


class _Finder:
    def __init__(self, text: str, sents: list[Sentence], published: dt.date, gazetteer: Gazetteer):
        self.text, self.sents, self.published = text, sents, published
        self.folded = fold(text)
        persons = [p for s in sents for p in s.persons]
        self.mentions = [m for m in gazetteer.find(text, self.folded)
                         if not any(a <= m.start < b for a, b in persons)]
        self.named = Counter(m.iso3 for m in self.mentions if m.kind != "demonym")
        self.named_any = {m.iso3 for m in self.mentions}
        self.drafts: list[_Draft] = []
        self.last: _Draft | None = None

    # -- helpers -----------------------------------------------------------------
    def in_span(self, a: int, b: int) -> list[Mention]:
        return [m for m in self.mentions if a <= m.start < b]

    def actor_capable(self, m: Mention) -> bool:
        if m.kind != "demonym":
            return True
        around = self.folded[max(0, m.start - 45):m.end + 45]
        return bool(SPEAKER.search(around))

    def evidence(self, s: Sentence) -> Evidence:
        return Evidence(s.text, s.start, s.end)

    # -- the pass ----------------------------------------------------------------
    def run(self) -> list[Act]:
        for i, s in enumerate(self.sents):
            if s.heading:
                continue
            f = self.folded[s.start:s.end]
            if self.vote_list(i, s, f) or self.vote_sentence(i, s, f) or self.refers_back(i, s, f):
                continue
            for a, b in _clauses(self.folded, s.start, s.end):
                draft = self.clause(i, s, a, b)
                if draft is not None:
                    self.add(draft)
        forums = {label for label, rx in FORUMS if rx.search(self.folded)}
        self.only_forum = next(iter(forums)) if len(forums) == 1 else None
        for d in self.drafts:
            self.finish(d)
        acts = [d.act for d in self.drafts]
        for n, act in enumerate(acts, 1):
            act.id = f"a{n}"
        return acts

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
        return True

    def vote_sentence(self, i, s, f) -> bool:
        """A sentence saying who voted how, without a tally, completes the vote before it."""
        if self.last is None or self.last.act.kind != "vote" or find_tallies(f) or i - self.last.sentence > 3:
            return False
        positions = self.vote_positions(s.start, s.end)
        if positions is None:
            return False
        act = self.last.act
        act.positions = act.positions or {"yes": [], "no": [], "abstain": []}
        for key, codes in positions.items():
            act.positions[key] += [c for c in codes if c not in act.positions[key]]
        act.evidence.append(self.evidence(s))
        self.last.sentence = i
        return True

    def refers_back(self, i, s, f) -> bool:
        if self.last is None or i - self.last.sentence > 8 or not REFERS_BACK.search(f[:160]) and \
                not re.search(r"(?:affirment|ajoutent|ecrivent|soulignent|wrote|said|added) (?:les|the) signat", f):
            return False
        act = self.last.act
        act.evidence.append(self.evidence(s))
        mentions = [m for m in self.in_span(s.start, s.end) if self.actor_capable(m)]
        if SIGNATORY_LIST.search(f):
            for m in mentions:
                if m.iso3 != act.target and m.iso3 not in act.members:
                    act.members.append(m.iso3)
            lead = self.lead(s.start, s.end, mentions)
            if lead and act.lead is None:
                act.lead = lead
        if act.stance is None:
            act.stance, _ = _stance(f, s.lemmas)
        self.last.sentence = i
        return True

    def lead(self, a: int, b: int, mentions: list[Mention], pivot: int | None = None) -> str | None:
        for m in mentions:
            if m.start < a or m.start >= b:
                continue
            before = self.folded[max(a, m.start - 40):m.start]
            after = self.folded[m.end:min(b, m.end + 40)]
            early = pivot is None or m.start < pivot
            if _LEAD.search(before) or _LEAD_ANYWHERE.match(after) or \
                    (early and (_LED_SUFFIX.match(after) or _LEAD_AFTER.match(after))):
                return m.iso3
        return None

    def clause(self, i: int, s: Sentence, a: int, b: int) -> _Draft | None:
        cf = self.folded[a:b]
        whole = (a, b) == (s.start, s.end)
        stance, v = _stance(cf, s.lemmas if whole else None)
        kind_kw = next((k for k, rx in KIND_PATTERNS if rx.search(cf)), None)
        tallies = find_tallies(cf)
        groups = [g for g in find_groups(cf)]
        mentions = self.in_span(a, b)
        vote_clauses = {k: rx.search(cf) for k, rx in VOTE_CLAUSE.items()}
        response = RESPONSE.search(cf) if stance is None else None
        if not (stance or kind_kw or tallies or any(vote_clauses.values()) or response):
            return None
        if response:
            v = response.start()
        pivot = a + (v if v >= 0 else 0)
        if kind_kw and v < 0:
            pivot = a + next(rx.search(cf).start() for k, rx in KIND_PATTERNS if k == kind_kw)

        # positions of votes given in the clause ("China and Cuba voted against")
        positions = None
        if tallies or any(vote_clauses.values()):
            positions = self.vote_positions(a, b)

        members, candidates = [], []
        inc = _INCLUDING.search(cf)
        lead = self.lead(a, b, mentions, pivot)
        passive = v >= 0 and _PASSIVE.search(cf[max(0, v - 20):v]) and _PARTICIPLE.match(cf[v:])
        for m in mentions:
            rel = m.start - a
            in_list = inc is not None and rel > inc.start() and (v < 0 or rel < v or inc.start() > v)
            by_agent = passive and rel > v and _BY.search(self.folded[max(a, m.start - 12):m.start])
            if positions and any(m.iso3 in p for p in positions.values()):
                continue
            if m.iso3 == lead or in_list or by_agent:
                members.append(m)
            elif passive and rel < v:
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
                    count, qualifier = g.count + 1, g.qualifier
                    lead = lead or before[-1].iso3
                    break
            elif not g.others:
                count, qualifier = g.count, g.qualifier
                break

        if lead is None and _ON_BEHALF.search(cf) and len({m.iso3 for m in members}) == 1 and groups:
            lead = members[0].iso3
        target = self.pick_target(candidates, members, s, cf)
        member_codes = list(dict.fromkeys(m.iso3 for m in members if m.iso3 != target))
        if lead and lead not in member_codes:
            member_codes.insert(0, lead)

        if (stance == "criticise" or response) and target is None and len(member_codes) == 1 and not groups and \
                member_codes[0] in self.earlier_targets():
            stance = "reject"       # the target of an earlier act answering it ("Minsk a fustigé une ingérence")
        kind = self.kind(kind_kw, stance, tallies, positions, count, member_codes, cf, v, groups)
        if kind is None:
            return None
        if kind == "statement" and len(member_codes) != 1:
            return None
        if kind == "statement":
            lead = member_codes[0]
            if stance == "reject":
                target = lead
        if kind == "open_letter":       # written by NGOs or people: states named are not its authors
            lead, count = None, None
            target = target or next((m.iso3 for m in members), None)
            member_codes = []
        if kind == "mechanism" and stance is None and target is not None:
            stance = "criticise"
        if kind == "vote":
            count = None
            if stance == "reject":
                stance = None
        tally = None
        if tallies:
            t = tallies[0]
            tally = {"yes": t.yes, "no": t.no, "abstain": t.abstain}
        elif kind == "vote" and positions and list(lone_figures(cf)) == ["yes"]:
            # "13 votes in favour, with Russia voting against and China abstaining": the others are named
            tally = {"yes": lone_figures(cf)["yes"], "no": len(positions["no"]), "abstain": len(positions["abstain"])}
        context = [(s.start, s.end)]
        if kind == "vote" and i > 0 and not self.sents[i - 1].heading and (self.last is None or self.last.sentence != i - 1):
            # the sentence before says what was voted on ("… a draft resolution on Syria"), where and when
            prev = self.sents[i - 1]
            context.append((prev.start, prev.end))
            voters = {c for p in (positions or {}).values() for c in p}
            target = target or next((m.iso3 for m in self.in_span(prev.start, prev.end)
                                     if m.kind == "name" and m.iso3 not in voters), None)
        texts = [cf] + [self.folded[x:y] for x, y in context]
        forum = next((label for t in texts for label, rx in FORUMS if rx.search(t)), None)
        topics = [slug for slug, rx in TOPICS.items() if any(rx.search(t) for t in texts[1:])]
        date = next((ds[0] for ds in (find_dates(t, self.published) for t in texts) if ds), None)
        act = Act("", kind, forum=forum, topics=topics, target=target, stance=stance, count=count,
                  count_qualifier=qualifier if count is not None else None, tally=tally, lead=lead,
                  members=member_codes, positions=positions, evidence=[self.evidence(s)])
        if date is not None and date.value is not None:
            act.date, act.date_precision = date.iso(), date.precision
        confidence = 0.4 + 0.1 * bool(kind_kw) + 0.1 * bool(forum) + 0.1 * bool(date) \
            + 0.1 * bool(count or member_codes or tally) + 0.15 * bool(target)
        act.confidence = min(confidence, 0.95)
        return _Draft(act, i, anchor=date if date is not None and date.value is None else None)

    def earlier_targets(self) -> set[str]:
        """Targets of the acts found so far, or the states their topics are about (Xinjiang → China)."""
        out = {d.act.target for d in self.drafts if d.act.target}
        return out | {TOPIC_STATES[t] for d in self.drafts for t in d.act.topics
                      if TOPIC_STATES.get(t) in self.named_any and TOPIC_STATES[t] not in d.act.members}

    def vote_positions(self, a: int, b: int) -> dict | None:
        positions = {"yes": [], "no": [], "abstain": []}
        for ca, cb in _clauses(self.folded, a, b):
            pieces = re.split(r"(?<=[a-z]),\s+(?=(?:and|et|while|but|mais)\b)|;\s*", self.folded[ca:cb])
            offset = ca
            for piece in pieces:
                start = self.folded.find(piece, offset, cb)
                offset = start + len(piece)
                figures = [(t.start, t.end) for t in find_tallies(piece)]     # "64 délégations s'étant abstenues"
                hits = sorted((hit.start(), hit.end(), key) for key, rx in VOTE_CLAUSE.items() for hit in [rx.search(piece)]
                              if hit and not any(x <= hit.start() < y for x, y in figures))
                for n, (h0, h1, key) in enumerate(hits):
                    if VOTE_LIST_AFTER.match(piece[h1:]):       # "Voting against were …": the states follow
                        span = (start + h1, start + hits[n + 1][0] if n + 1 < len(hits) else offset)
                    else:                                       # "Russia voting against and China abstaining"
                        span = (start + (hits[n - 1][1] if n else 0), start + h0)
                    for m in self.in_span(*span):
                        if m.kind == "name" and m.iso3 not in positions[key]:
                            positions[key].append(m.iso3)
        return positions if any(positions.values()) else None

    def kind(self, kind_kw, stance, tallies, positions, count, members, cf, v, groups) -> str | None:
        if tallies or positions:
            return "vote"
        if kind_kw == "mechanism":
            return "mechanism"
        if kind_kw == "open_letter":
            return "open_letter"
        if stance is None and kind_kw not in ("joint_statement", "joint_letter"):
            return None
        if stance == "reject" and len(members) == 1 and SPEAKER.search(cf):
            return "statement"
        if kind_kw == "joint_letter" and (count or len(members) >= 2):
            return "joint_letter"
        if kind_kw == "joint_statement" or count or len(members) >= 2:
            return "joint_statement" if kind_kw != "joint_letter" else "joint_letter"
        if len(members) == 1 and (SPEAKER.search(cf) or stance == "reject"):
            return "statement"
        if kind_kw == "call":
            return "call"
        return None

    def pick_target(self, candidates, members, s, cf) -> str | None:
        member_codes = {m.iso3 for m in members}
        topics = [slug for slug, rx in TOPICS.items() if rx.search(self.folded[s.start:s.end])]
        topic_states = [TOPIC_STATES[t] for t in topics if TOPIC_STATES.get(t)]
        pool = [m for m in candidates if m.iso3 not in member_codes]
        for code in topic_states:
            if any(m.iso3 == code for m in pool):
                return code
        named = [m for m in pool if m.kind != "demonym"]
        if named:
            return named[0].iso3
        if pool:
            return pool[0].iso3
        return None

    # -- joining drafts ----------------------------------------------------------
    def add(self, draft: _Draft) -> None:
        prev = self.last
        if prev is not None and self.same_act(prev, draft):
            self.merge(prev, draft)
            return
        self.drafts.append(draft)
        self.last = draft

    def same_act(self, prev: _Draft, new: _Draft) -> bool:
        p, n = prev.act, new.act
        if new.sentence - prev.sentence > 2 or new.sentence == prev.sentence or p.kind == "vote" or n.kind == "vote":
            return False
        if p.stance != n.stance or (n.target and p.target and n.target != p.target):
            return False
        if p.date and n.date and p.date != n.date:
            return False
        same_count = n.count is not None and n.count == p.count
        definite = _DEFINITE.search(fold(n.evidence[0].text)) and (n.count is None or p.count is None or same_count)
        return bool(same_count or definite)

    def merge(self, prev: _Draft, new: _Draft) -> None:
        p, n = prev.act, new.act
        for name in ("forum", "date", "date_precision", "target", "count", "count_qualifier", "lead"):
            if getattr(p, name) is None and getattr(n, name) is not None:
                setattr(p, name, getattr(n, name))
        if p.kind == "joint_statement" and n.kind == "joint_letter":
            p.kind = "joint_letter"
        p.members += [c for c in n.members if c not in p.members and c != p.target]
        p.topics += [t for t in n.topics if t not in p.topics]
        p.evidence += n.evidence
        p.confidence = min(0.95, max(p.confidence, n.confidence) + 0.05)
        prev.sentence = new.sentence

    def finish(self, draft: _Draft) -> None:
        act = draft.act
        idx = self.drafts.index(draft)
        if draft.anchor is not None and act.date is None:
            anchor = next((d.act for d in reversed(self.drafts[:idx]) if d.act.date_precision == "day"), None)
            if anchor is not None:
                act.date = shift(dt.date.fromisoformat(anchor.date), draft.anchor.anchor_offset).isoformat()
                act.date_precision = "day"
                if act.forum is None:
                    act.forum = anchor.forum
        if act.forum is None and self.only_forum and act.kind not in ("statement", "open_letter"):
            act.forum = self.only_forum
            act.confidence = max(0.1, act.confidence - 0.05)
        if act.target is None:
            act.target = self.context_target(act, idx)
            if act.target is not None:
                act.confidence = max(0.1, act.confidence - 0.1)
        if act.target in act.members and act.kind not in ("statement",):
            act.members.remove(act.target)
        if act.kind == "mechanism" and act.stance is None and act.target:
            act.stance = "criticise"

    def context_target(self, act: Act, idx: int) -> str | None:
        members = set(act.members) | ({act.lead} if act.lead else set())
        members |= {c for codes in (act.positions or {}).values() for c in codes}
        for ev in act.evidence[1:]:
            for m in self.in_span(ev.start, ev.end):
                if m.iso3 not in members:
                    return m.iso3
        for topic in act.topics:
            code = TOPIC_STATES.get(topic)
            if code and code in self.named_any and code not in members:
                return code
        if act.kind in ("open_letter", "joint_statement", "joint_letter", "call"):
            # acts of one story answer each other: the nearest earlier act's target ("une contre-déclaration")
            earlier = [d.act.target for d in reversed(self.drafts[:idx]) if d.act.target and d.act.target not in members]
            if earlier:
                return earlier[0]
            ranked = [code for code, _ in self.named.most_common() if code not in members]
            return ranked[0] if ranked else None
        return None


def find_acts(text: str, sents: list[Sentence], published: dt.date, gazetteer: Gazetteer) -> list[Act]:
    """The acts in ``text`` (already split into ``sents``), dates resolved against ``published``.

    Examples
    --------
    >>> from graphkit.extract.gazetteer import Gazetteer
    >>> from graphkit.extract.nlp import sentences
    >>> g = Gazetteer({"CHN": ["China"], "GBR": ["United Kingdom"], "FRA": ["France"]}, capitals={}, demonyms={})
    >>> text = "On 30 June the United Kingdom and 27 other countries, including France, criticised China."
    >>> [a.to_dict() | {"evidence": None} for a in find_acts(text, sentences(text, "en"), dt.date(2020, 9, 10), g)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'id': 'a1', 'kind': 'joint_statement', 'forum': None, 'date': '2020-06-30', 'date_precision': 'day',
      'topics': [], 'target': 'CHN', 'stance': 'criticise', 'count': 28, 'count_qualifier': 'exactly', 'tally': None,
      'lead': 'GBR', 'members': ['GBR', 'FRA'], 'positions': None, 'confidence': 0.75, 'evidence': None}]
    """
    return _Finder(text, sents, published, gazetteer).run()
