"""Who an act is by and what kind it is: the state that led it, the kind its words and actors make, its target.

:class:`Roles` is mixed into the finder of :mod:`graphkit.extract.acts`. ``lead`` finds the one state that delivered,
read or introduced the act ("Cuba, au nom de 45 États", "led by Germany", "the Netherlands delivered … on behalf of
47 countries"); ``kind`` tells a vote, a joint statement, a letter, a state's statement or a call from what the clause
holds; ``pick_target`` takes the state the act's topic concerns, else the first state named as its object.
"""
from __future__ import annotations

import re

from .gazetteer import Mention
from .lexicon import SPEAKER

__all__ = ["Roles", "BEHALF_GROUP", "ON_BEHALF"]

_LEAD = re.compile(
    r"(?:au nom d(?:e|u|es|')|au nom desquel(?:le)?s|on whose behalf|on behalf of|led by|emmene\w* par|mene(?:s|es) par|conduit\w* par|a l'initiative d(?:e|u|')|"
    r"at the initiative of|read (?:out )?by|lue? par|delivered by|presente\w* par|prononcee? par|portee? par|"
    r"initiated by|spearheaded by|sous l'egide d(?:e|u|')|introduced by|tabled by|put forward by|introduit\w* par|"
    r"deposee? par)\s*(?:la |le |les |l'|the )?(?:(?:permanent |deputy )?(?:ambassador|ambassadeur|ambassadrice|representative|"
    r"representant\w*|delegation|delegue\w*|foreign minister|ministre des affaires etrangeres|minister) "
    r"(?:of |for |du |de la |de l'|des |de |d')(?:the )?)?$")
_LEAD_AFTER = re.compile(r"^[\s,]*(?:(?:had|has|have|a|aussitot|also|then|ensuite|deja|speaking|s'exprimant|"
                         r"s'est exprime\w*|ne|n'|parlait|qu'|only|was|ont|avait)\s*)*(?:au nom d|on behalf of|speaking for|read\b|"
                         r"delivered\b|presented\b|lu\b|presente\b|prononce\b|lit\b|took the floor|se sont exprime\w*|spoke\b)")
_LEAD_BEHALF = re.compile(r"^[\s,]*(?:(?:speaking|s'exprimant|ne|n'|parlait|parle|qu'|only|a|has|had|also|aussi|delivered|read|"
                          r"read out|lu|lue|prononce|prononcee|spoke)\s*)*"
                          r"(?:au nom d|on behalf of|speaking for)")
_LEAD_ANYWHERE = re.compile(r"^[\s,]*(?:(?:taking|took|in|has taken|had taken) the lead|(?:speaking )?for (?:the|this|that) group"
                            r"|(?:prenant|a pris|ayant pris) la tete|pour (?:le|ce) groupe)\b")
#: Speaking for a group whose size is not given: "au nom d'un autre groupe de pays", "on behalf of a group of states".
BEHALF_GROUP = re.compile(r"\b(?:au nom d'|au nom de|on behalf of)\s*(?:un |une |a |an |the )?(?:autre |other |large |vaste |broad |"
                           r"second |deuxieme )?(?:groupe|group|coalition)\b")
ON_BEHALF = re.compile(r"\b(?:au nom d|on behalf of|speaking for)")
_LED_SUFFIX = re.compile(r"^-led\b")


class Roles:
    """The lead, the kind and the target of an act (mixed into the finder)."""

    def lead(self, a: int, b: int, mentions: list[Mention], pivot: int | None = None) -> str | None:
        for m in mentions:
            if m.start < a or m.start >= b:
                continue
            before = self.folded[max(a, m.start - 40):m.start]
            after = self.folded[m.end:min(b, m.end + 40)]
            early = pivot is None or m.start < pivot
            if _LEAD.search(before) or _LEAD_ANYWHERE.match(after) or _LEAD_BEHALF.match(after) or \
                    (early and (_LED_SUFFIX.match(after) or _LEAD_AFTER.match(after))):
                return m.iso3
        return None

    def earlier_targets(self) -> set[str]:
        """Targets of the acts found so far, or the states their topics are about (Xinjiang → China)."""
        out = {d.act.target for d in self.drafts if d.act.target}
        return out | {self.topics.target_of(t) for d in self.drafts for t in d.act.topics
                      if self.topics.target_of(t) in self.named_any and self.topics.target_of(t) not in d.act.members}

    def kind(self, kind_kw, stance, votey, count, members, cf, groups) -> str | None:
        if votey:
            return "vote"
        if kind_kw == "mechanism":
            return "mechanism"
        if kind_kw == "open_letter":
            return "open_letter"
        if stance is None and kind_kw not in ("joint_statement", "joint_letter"):
            return None
        if stance == "reject" and len(members) == 1 and SPEAKER.search(cf) and not BEHALF_GROUP.search(cf):
            return "statement"
        if kind_kw == "joint_letter" and (count or len(members) >= 2 or any(g.count is None for g in groups)):
            return "joint_letter"
        if not kind_kw and not count and re.search(r"\b(?:les delegations|the delegations|les representants|the representatives|"
                                                    r"leurs delegations|their delegations)\s+(?:de|d'|of|du|des)\b", cf):
            return None      # "Les délégations de la France et du Royaume-Uni ont déploré …": each speaking, no joint act
        if kind_kw == "joint_statement" or count or len(members) >= 2 or BEHALF_GROUP.search(cf) or \
                any(g.count is None for g in groups):
            return "joint_statement" if kind_kw != "joint_letter" else "joint_letter"
        if len(members) == 1 and (SPEAKER.search(cf) or stance == "reject"):
            return "statement"
        if members == [self.source_state] and stance in ("criticise", "support"):
            return "statement"       # "La France reste profondément préoccupée …" in France's own communiqué
        if kind_kw == "call":
            return "call"
        return None

    def pick_target(self, candidates, member_codes, topics, votey) -> str | None:
        """The state a topic of the act concerns, if named; else the first state named as object."""
        pool = [m for m in candidates if m.iso3 not in member_codes]
        for slug in topics:
            code = self.topic_target(slug)
            if code and (votey or code not in member_codes):
                return code
        named = [m for m in pool if m.kind != "demonym"]
        if named:
            return named[0].iso3
        if pool:
            return pool[0].iso3
        return None
