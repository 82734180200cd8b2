"""What a release's headings and a speaker's words say about the acts of a text.

:class:`Releases` is mixed into the finder of :mod:`graphkit.extract.acts`. A government or mission release may name
its act only in its headings ("Joint statement on …") and then say who delivered it for how many; a state's
words about a resolution ("rejected the resolution adopted … yesterday") are a statement, not a vote, though the
vote they speak of is reported too when its figures follow.
"""
from __future__ import annotations

import re

from .continuations import Draft
from .counts import find_groups, find_tallies, lone_figures
from .gazetteer import Mention
from .lexicon import KIND_PATTERNS, SPEECH
from .model import Act
from .nlp import Sentence
from .votes import decision_in

__all__ = ["Releases"]


class Releases:
    """Acts named by a release's headings; decisions that are a state's words (mixed into the finder)."""

    def heading_kind(self, i: int) -> str | None:
        """The kind of act the text's first headings name ("Joint statement on …", "Déclaration conjointe …"),
        for a release whose body then says only who delivered it and for how many."""
        if i > 6:
            return None
        for h in self.sents[:i]:
            if not h.heading:
                continue
            f = self.folded[h.start:h.end]
            kind = next((k for k, rx in KIND_PATTERNS if rx.search(f)), None)
            if kind in ("joint_statement", "joint_letter"):
                return kind
            if re.search(r"^\W*(?:joint|cross-regional)?\s*(?:statement|declaration)\b", f):
                return "joint_statement"
        return None

    def heading_act(self, i: int, s: Sentence) -> Draft | None:
        """The act a release's headings name, read from the first line saying who delivered or signed it for
        how many ("Prononcée par l'ambassadeur du Canada au nom de 50 pays", "Signed by … of 22 states")."""
        kind = None if self.drafts else self.heading_kind(i)
        f = self.folded[s.start:s.end]
        if kind is None or next((k for k, rx in KIND_PATTERNS if rx.search(f)), None):
            return None
        delivered = re.search(r"\b(?:delivered|read|signed|presented|prononcee?|lue?|signee?|presentee?)\b(?:\s+\w+){0,3}\s+(?:by|par)\b"
                              r"|\b(?:on behalf of|au nom d)", f)
        if not (delivered and (find_groups(f) or self.in_span(s.start, s.end))):
            return None
        return self.clause(i, s, s.start, s.end, kind_hint=kind)

    def spoken_decision(self, cf: str, a: int, decision: re.Match | None, stance: str | None, v: int,
                        mentions: list[Mention]) -> tuple[re.Match | None, int | None, bool]:
        """A decision verb that is a state's words, not a body's vote: "the Islamic Republic of Iran rejected the
        resolution", "Sri Lanka's minister called the resolution adopted on Tuesday unwarranted", "The Minister …
        today rejected the resolution adopted … yesterday" in the ministry's own release. Returns the decision left (or
        None), where the resolution the speaker refers to was adopted (offset in ``cf``, or None), and whether the
        speaker is the releasing government itself."""
        if decision is None:
            return None, None, False
        before = cf[:decision.start()]
        own_voice = bool(self.source_state and not any(m.start - a < decision.start() for m in mentions) and re.search(
            r"\b(?:minister|ministre|ministry|ministere|government|gouvernement|spokes\w*|porte-parole)\b", before))
        if re.search(r"rejet|reject|dismiss|refus", decision.group()) and not re.search(
                r"\b(?:council|conseil|assembl\w*|committee|commission|members|membres)\b", before) and (
                own_voice or any(m.start - a < decision.start() and self.actor_capable(m) for m in mentions) or re.search(
                r"\b(?:its|their|sa|son|leur)\s+(?:delegation|representative|representant\w*|government|gouvernement|ambassad\w*)\b",
                before)):
            later = decision_in(cf[decision.end():])      # "… rejected the resolution adopted by the Council yesterday"
            return None, (decision.end() + later.start() if later else None), own_voice
        spoken = SPEECH.search(cf, 0, decision.start())
        said_at = min([x for x in (v if stance else -1, spoken.start() if spoken else -1) if x >= 0], default=-1)
        if re.search(r"\b(?:resolution|text|texte|draft|projet)\s+$", before) and stance is not None and \
                0 <= said_at < decision.start() and (own_voice or any(m.start - a < said_at and self.actor_capable(m)
                                                                      for m in mentions)):
            return None, decision.start(), own_voice
        return decision, None, own_voice

    def act_spoken_of(self, cf: str, a: int, kind_kw: str | None, kind_match: re.Match | None, mentions: list[Mention],
                      groups: list) -> tuple[str, int | None, str | None] | None:
        """A group's act named by one state speaking of it ("China's spokesperson said the letter signed by 22
        countries was interference …"): that act's kind, count and qualifier; None when the clause is the act itself."""
        if kind_kw not in ("joint_letter", "joint_statement") or kind_match is None:
            return None
        speech = SPEECH.search(cf, 0, kind_match.start())
        if speech is None or any(g.start < speech.start() for g in groups):
            return None
        speakers = {m.iso3 for m in mentions if m.start - a < speech.start() and self.actor_capable(m)}
        if len(speakers) != 1 or not re.search(r"\b(?:the|la|le|cette|ce|this|that)\s+(?:[\w-]+\s+){0,2}$",
                                               cf[:kind_match.start()] + " "):
            return None
        after = [g for g in groups if g.start >= kind_match.start()]
        count, qualifier = (after[0].count, after[0].qualifier) if after and after[0].count is not None else (None, None)
        return kind_kw, count, qualifier

    def referred_act(self, i: int, s: Sentence, spoken_of: tuple, statement: Act) -> Draft:
        """The act a state speaks of, by the group that made it: against the speaker when the speaker rejects it."""
        kind, count, qualifier = spoken_of
        act = Act("", kind, topics=list(statement.topics), target=statement.target, count=count,
                  count_qualifier=qualifier, evidence=[self.evidence(s)],
                  stance="criticise" if statement.stance == "reject" else None)
        act.confidence = 0.4
        return Draft(act, i)

    def referred_vote(self, i: int, s: Sentence, a: int, b: int, at: int, statement: Act) -> Draft:
        """The vote a speaker refers to ("rejected the resolution adopted … yesterday"), when its figures follow."""
        act = Act("", "vote", forum=self.forum_of(a + at, b) or statement.forum, topics=list(statement.topics),
                  target=statement.target, evidence=[self.evidence(s)])
        date = self.date_of(a + at, b)
        if date is not None and date.value is not None:
            act.date, act.date_precision = date.iso(), date.precision
        act.confidence = 0.5
        return Draft(act, i)

    def figures_follow(self, i: int) -> bool:
        """True when the sentence after ``i`` gives a vote's figures: a tally, or a yes figure and another."""
        if i + 1 >= len(self.sents) or self.sents[i + 1].heading:
            return False
        f = self.folded[self.sents[i + 1].start:self.sents[i + 1].end]
        figures = lone_figures(f)
        return bool(find_tallies(f)) or ("yes" in figures and len(figures) >= 2)
