"""Drafts become acts: a draft joins the act before it when it is the same act, and each act is completed at the end.

Completing an act fills what its own sentence did not say, from the acts around it: a relative date ("la veille",
"the same day", "a year earlier") counts from the main act of the sentence before; a vote without a date or a forum
takes those of the vote just before it in the same meeting; a target comes from the act's topics, from its other
sentences or from the act it answers; topics fall back on the target's topic, the act answered or the headings, and
are never empty. :class:`Drafts` is mixed into the finder of :mod:`graphkit.extract.acts`.
"""
from __future__ import annotations

import datetime as dt
import re

from .continuations import Draft
from .dates import shift
from .gazetteer import fold
from .model import Act
from .passage import Passage
from .votes import complete_tally

__all__ = ["Drafts", "TOP_TOPIC"]

#: The scheme's top concept: the topic of an act about which the text names nothing more precise.
TOP_TOPIC = "human-rights"
#: A state speaking in the meeting the text reports, not elsewhere.
_AT_THE_MEETING = re.compile(r"\b(?:speaking as the (?:country|state) concerned|as the country concerned|en tant que pays concerne|"
                             r"prenant la parole|took the floor|a pris la parole|before the vote|after the vote|avant le vote|"
                             r"apres le vote|in explanation of (?:vote|position))\b")
_DEFINITE = re.compile(r"\b(?:the|this|that|la|cette|le|ce|leur|their) (?:joint )?(?:statement|declaration|letter|lettre|texte|text)\b")


class Drafts(Passage):
    """Joining drafts into acts and completing the acts (mixed into the finder)."""

    def topic_target(self, slug: str) -> str | None:
        """The state an act on this topic is aimed at, if the text names it; else the topic's own state, if named
        (a text on Ukraine that never names Russia is about Ukraine)."""
        for code in (self.topics.target_of(slug), self.topics.states.get(slug)):
            if code and code in self.named_any:
                return code
        return None


    def add(self, draft: Draft) -> None:
        prev = self.last
        if prev is not None and self.same_act(prev, draft):
            self.merge(prev, draft)
            return
        same = next((d for d in reversed(self.drafts[-4:]) if self.same_day_act(d, draft)), None)
        if same is not None:
            self.merge(same, draft)
            self.last = same
            return
        self.drafts.append(draft)
        self.last = draft

    @staticmethod
    def same_day_act(prev: Draft, new: Draft) -> bool:
        """True when ``new`` is ``prev`` told again a few sentences later: same kind, day, target and stance, and no
        other lead or count ("Une déclaration … a été prononcée hier ?" then "R – … les 47 pays au nom desquels …")."""
        p, n = prev.act, new.act
        return 0 < new.sentence - prev.sentence <= 4 and p.kind == n.kind and p.kind in ("joint_statement", "joint_letter") \
            and p.date_precision == "day" and (p.date == n.date or new.heading_dated) and p.target \
            and n.target in (None, p.target) \
            and p.stance == n.stance and (None in (p.lead, n.lead) or p.lead == n.lead) \
            and (None in (p.count, n.count) or p.count == n.count)

    def same_act(self, prev: Draft, new: Draft) -> bool:
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

    def merge(self, prev: Draft, new: Draft) -> None:
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

    def finish(self, draft: Draft) -> None:
        act = draft.act
        idx = self.drafts.index(draft)
        if draft.anchor is not None and act.date is None and draft.anchor.precision == "month":
            anchor = next((d.act for d in reversed(self.drafts[:idx]) if d.act.date and len(d.act.date) >= 7), None)
            if anchor is not None:       # "Deux mois plus tôt": months counted from the act before
                months = int(anchor.date[:4]) * 12 + int(anchor.date[5:7]) - 1 + draft.anchor.anchor_offset
                act.date, act.date_precision = f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
                act.forum = act.forum or anchor.forum
        elif draft.anchor is not None and act.date is None and draft.anchor.precision == "year":
            anchor = next((d.act for d in reversed(self.drafts[:idx]) if d.act.date), None)   # "a year earlier"
            year = int(anchor.date[:4]) if anchor is not None else self.published.year
            act.date, act.date_precision = str(year + draft.anchor.anchor_offset), "year"
            if anchor is not None and act.forum is None:
                act.forum = anchor.forum
        elif draft.anchor is not None and act.date is None and draft.anchor.anchor_offset == 0 and \
                self.main_act_before(idx) is not None and self.main_act_before(idx).date_precision in ("month", "year"):
            prev = self.main_act_before(idx)    # "Cuba answered it the same day", after a statement "in June"
            act.date, act.date_precision = prev.date, prev.date_precision
        elif draft.anchor is not None and act.date is None:
            dated = [d.act for d in reversed(self.drafts[:idx]) if d.act.date_precision == "day"
                     and (d.anchor is None or d.anchor != draft.anchor)]     # not a sibling counted alike
            # "at the same meeting": the last act of the same forum, not a reply given elsewhere since
            ev = act.evidence[0]
            forum = act.forum or (self.only_forum if re.search(r"\b(?:same|meme) (?:meeting|seance|session|reunion)\b",
                                                              self.folded[ev.start:ev.end]) else None)
            anchor = next((a for a in dated if forum is None or a.forum in (None, forum) and
                           not (a.forum is None and any(b.forum == forum for b in dated))), None)
            if anchor is not None:
                act.date = shift(dt.date.fromisoformat(anchor.date), draft.anchor.anchor_offset).isoformat()
                act.date_precision = "day"
                if act.forum is None:
                    act.forum = anchor.forum
            else:           # no earlier act to count from: "la veille", "two days earlier" count from the publication
                act.date = shift(self.published, draft.anchor.anchor_offset).isoformat()
                act.date_precision = "day"
        if act.kind == "vote":
            act.tally = complete_tally(draft.tally, draft.figures, act.positions, draft.some_only, draft.veto)
            if act.date is None and draft.anchor is None:
                forum = act.forum or self.only_forum
                same = next((d.act for d in reversed(self.drafts[:idx]) if d.act.kind == "vote" and d.act.date
                             and d.act.forum == forum and draft.origin - d.origin <= 3), None)
                if same is None:      # the lead sentence of a later act's meeting names its subject too
                    same = next((d.act for d in reversed(self.drafts[:idx]) if d.act.kind == "vote" and d.act.date
                                 and d.act.forum == forum and self.names_topics(d.act.evidence[0], act.topics)), None)
                if same is not None:
                    act.date, act.date_precision = same.date, same.date_precision
        if act.forum is None and self.only_forum and act.kind not in ("statement", "open_letter", "call"):
            act.forum = self.only_forum
            act.confidence = max(0.1, act.confidence - 0.05)
        if act.forum is None and act.kind in ("joint_statement", "joint_letter") and act.date_precision == "day":
            act.forum = next((d.act.forum for d in reversed(self.drafts[:idx]) if d.act.forum and d.act.date == act.date
                              and d.act.target == act.target and {d.act.stance, act.stance} == {"support", "criticise"}),
                             None)          # a counter-statement the same day answers in the same forum
        if act.forum is None and act.kind == "vote":       # the next vote of the same meeting
            act.forum = next((d.act.forum for d in reversed(self.drafts[:idx]) if d.act.kind == "vote" and d.act.forum
                              and draft.origin - d.origin <= 5 and not d.veto and not draft.veto), None)
        if act.target is None and act.lead and act.stance in ("support", None) and act.kind != "vote" and \
                any(self.topic_target(t) == act.lead for t in act.topics):
            act.target = act.lead     # China speaking for 28 countries on Xinjiang: defending itself
        if act.target is None:
            act.target = self.context_target(act, idx)
            if act.target is not None:
                act.confidence = max(0.1, act.confidence - 0.1)
        if act.kind == "statement" and act.forum is None and _AT_THE_MEETING.search(self.folded[act.evidence[0].start:
                                                                                           act.evidence[0].end]):
            act.forum = next((d.act.forum for d in reversed(self.drafts[:idx]) if d.act.forum and draft.origin - d.origin <= 3),
                             None)        # "Speaking as the country concerned, Sri Lanka said …": in the meeting just reported
        if act.target and len(act.topics) > 1:     # a topic about another state belongs to another act of the sentence
            own = [t for t in act.topics if self.topics.target_of(t) in (act.target, None)]
            if any(self.topics.target_of(t) == act.target for t in own):
                act.topics = own
        if act.target in act.members and act.kind not in ("statement",):
            act.members.remove(act.target)
        if act.kind == "mechanism" and act.stance is None and act.target:
            act.stance = "criticise"
        if not act.topics:
            act.topics = self.fallback_topics(act, idx)

    def names_topics(self, evidence, topics: list[str]) -> bool:
        """True when the sentence ``evidence`` names one of ``topics`` ("…, le jour même où il a écarté … le Xinjiang")."""
        if not topics or topics == [TOP_TOPIC]:
            return False
        found = self.topics.find(self.folded[evidence.start:evidence.end], [])
        return any(t in found for t in topics)

    def same_side(self, acts: list[Act]) -> None:
        """A group act whose sentence gives no stance takes the stance of another act on the same target by one of
        its states ("In June 2021, Canada delivered a joint statement on … Xinjiang", in Canada's release criticising
        China): a state does not change sides within one text."""
        for act in acts:
            if act.kind not in ("joint_statement", "joint_letter") or act.stance is not None or act.target is None:
                continue
            states = set(act.members) | {act.lead} - {None}
            sides = {o.stance for o in acts if o is not act and o.target == act.target and o.stance in ("criticise", "support")
                     and o.kind in ("joint_statement", "joint_letter", "statement")
                     and states & (set(o.members) | {o.lead})}
            if not sides:       # no state in common: the stance every other act on that target takes, if they agree
                sides = {o.stance for o in acts if o is not act and o.target == act.target and o.stance is not None
                         and o.kind in ("joint_statement", "joint_letter", "statement", "call", "open_letter")}
                sides = {"criticise"} if sides <= {"criticise", "reject"} and "criticise" in sides else \
                    sides if sides == {"support"} else set()
            if len(sides) == 1:
                act.stance = sides.pop()

    def main_act_before(self, idx: int) -> Act | None:
        """The act a relative date counts from: the first dated act of the last sentence before this act's that reports
        one (not an act recalled in passing in that sentence, "up from 23 states … a year ago")."""
        draft = self.drafts[idx]
        earlier = [d for d in self.drafts[:idx] if d.act.date and d.origin < draft.origin]
        if not earlier:
            return None
        latest = max(d.origin for d in earlier)
        return next(d.act for d in earlier if d.origin == latest)

    def fallback_topics(self, act: Act, idx: int) -> list[str]:
        """The topic of the act's target, else the topics of the act it follows, else the text's headings."""
        slug = self.topics.topic_of_target(act.target)
        if slug:
            return [slug]
        for d in reversed(self.drafts[:idx]):
            if d.act.topics and d.act.target == act.target and act.kind != "call":   # a call says what it is about
                return list(d.act.topics)
        headings = [(h.start, h.end) for h in self.sents if h.heading]
        found = self.topics_of(headings, set(act.members)) if headings else []
        return found or [TOP_TOPIC]      # always a concept of the scheme: at least its top concept

    def context_target(self, act: Act, idx: int) -> str | None:
        members = set(act.members) | ({act.lead} if act.lead else set())
        members |= {c for codes in (act.positions or {}).values() for c in codes}
        for topic in act.topics:
            code = self.topic_target(topic)
            if code and (act.kind == "vote" or code not in members):
                return code
        for ev in act.evidence[1:]:
            for m in self.in_span(ev.start, ev.end):
                if m.iso3 not in members:
                    return m.iso3
        if act.kind in ("open_letter", "joint_statement", "joint_letter", "call", "vote"):
            # acts of one story answer each other: the nearest earlier act's target ("une contre-déclaration")
            earlier = [d.act.target for d in reversed(self.drafts[:idx]) if d.act.target and
                       (act.kind == "vote" or d.act.target not in members)]
            if earlier:
                return earlier[0]
            if act.kind != "vote":
                ranked = [code for code, _ in self.named.most_common() if code not in members]
                return ranked[0] if ranked else None
        return None
