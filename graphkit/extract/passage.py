"""A text being read for acts: its folded form, the states it names, its forums, dates and topics.

:class:`Passage` holds what every rule needs about the whole text — the folded copy (offsets are the
original's), a copy with agency datelines blanked for dates, the gazetteer's mentions outside person names,
the forums named anywhere, and the government whose release it is — and answers the questions the rules ask
of a stretch of it: which forum acts there, which date is an act's, which topics it names.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .context import act_dates, dateline_spans, forums_in, mask_datelines, resolve_anaphora
from .dates import DateMention
from .gazetteer import Gazetteer, Mention, fold
from .lexicon import SPEAKER
from .model import Evidence
from .nlp import Sentence
from .topics import TopicFinder

__all__ = ["Passage"]


class Passage:
    """A text, its sentences and its publication date, read once for the rules of :mod:`graphkit.extract.acts`."""

    def __init__(self, text: str, sents: list[Sentence], published: dt.date, gazetteer: Gazetteer, topics: TopicFinder):
        self.text, self.sents, self.published, self.topics = text, sents, published, topics
        self.folded = fold(text)
        self.dated = mask_datelines(self.folded)
        persons = [p for s in sents for p in s.persons] + dateline_spans(self.folded)   # people and datelines name no actor
        found = gazetteer.find(text, self.folded)
        self.mentions = [m for m in found if not any(a <= m.start < b for a, b in persons)]
        self.places = [m for m in found if m.kind == "capital"]     # capitals, datelines included (where a release is from)
        self.named = Counter(m.iso3 for m in self.mentions if m.kind != "demonym")
        self.named_any = {m.iso3 for m in self.mentions}
        self.text_forums = [label for _, label in forums_in(self.folded, acting_only=False)]
        self.source_state = self.release_state()
        self.drafts: list = []
        self.last = None


    def release_state(self) -> str | None:
        """The state whose government issued the text: the one state named in its first heading lines, next to
        a word for a government ("Permanent Mission of …", "Global Affairs Canada", "Foreign Office")."""
        heads = []
        for s in self.sents[:4]:
            if not s.heading:
                break
            heads.append(s)
        official = False
        for s in heads:
            f = self.folded[s.start:s.end]
            if re.search(r"\b(mission|government|gouvernement|ministry|ministere|ministre|minister|representation|office|affairs|"
                         r"affaires|embassy|ambassade|foreign|state department)\b", f):
                official = True
                codes = {m.iso3 for m in self.in_span(s.start, s.end)}
                if len(codes) == 1:
                    return codes.pop()
        if official:       # "Communiqué de la ministre …" then "Paris, le 6 octobre 2022": the capital it is issued from
            codes = {m.iso3 for h in heads for m in self.places if h.start <= m.start < h.end}
            if len(codes) == 1:
                return codes.pop()
        return None

    def in_span(self, a: int, b: int) -> list[Mention]:
        return [m for m in self.mentions if a <= m.start < b]

    def actor_capable(self, m: Mention) -> bool:
        if m.kind != "demonym":
            return True
        around = self.folded[max(0, m.start - 45):m.end + 45]
        return bool(SPEAKER.search(around))

    def evidence(self, s: Sentence) -> Evidence:
        return Evidence(s.text, s.start, s.end)

    def forum_of(self, a: int, b: int, pivot: int | None = None) -> str | None:
        """The acting forum named in [a, b): the one nearest before the act's verb, else the first."""
        seg = self.folded[a:b]
        found = forums_in(seg) or resolve_anaphora(seg, self.text_forums)
        if not found:
            return None
        if pivot is not None:
            before = [label for off, label in found if a + off <= pivot]
            if before:
                return before[-1]
        return found[0][1]

    def date_of(self, a: int, b: int) -> DateMention | None:
        """The act's date in [a, b): a written date before a relative one ("Two weeks later, on 20 December, …")."""
        ds = act_dates(self.dated[a:b], self.published)
        written = [d for d in ds if d.value is not None]
        return written[0] if written else ds[0] if ds else None

    def heading_date(self, i: int) -> DateMention | None:
        """A full date in a heading above sentence ``i`` ("… — 23 March 2021"): the day a release reports."""
        for h in reversed([h for h in self.sents[:i] if h.heading]):
            d = self.date_of(h.start, h.end)
            if d is not None and d.value is not None and d.precision == "day":
                return d
        return None

    def topics_of(self, spans: list[tuple[int, int]], skip: set[str]) -> list[str]:
        out: list[str] = []
        for a, b in spans:
            for slug in self.topics.find(self.folded[a:b], [self._shift(m, a) for m in self.in_span(a, b)], skip):
                if slug not in out:
                    out.append(slug)
            if out:
                return out
        return out

    @staticmethod
    def _shift(m: Mention, a: int) -> Mention:
        return Mention(m.iso3, m.start - a, m.end - a, m.text, m.kind)

    def context_spans(self, i: int) -> list[tuple[int, int]]:
        """The sentence before when it reports no act (it sets the scene), the sentence, the one before, the headings."""
        s = self.sents[i]
        spans = [(s.start, s.end)]
        if i > 0 and not self.sents[i - 1].heading:
            prev = (self.sents[i - 1].start, self.sents[i - 1].end)
            spans.insert(0 if self.scene(i - 1) else 1, prev)
        spans += [(h.start, h.end) for h in self.sents[:i] if h.heading]
        return spans

    def scene(self, j: int) -> bool:
        """True when sentence ``j`` reported no act (no act's evidence lies in it)."""
        s = self.sents[j]
        return not any(e.start <= s.start < e.end or s.start <= e.start < s.end for d in self.drafts for e in d.act.evidence)
