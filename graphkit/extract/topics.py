"""What an act is about: the SKOS topics of ``data/topics.ttl``, found by their labels or by the state they concern.

Every concept of the topic scheme is looked for by its English and French labels (``skos:prefLabel``,
``skos:altLabel``), and a country-situation topic (Syria, Myanmar, Belarus ...) also by the names of its
state in the gazetteer ("the Syrian Arab Republic", "Birmanie"). A topic concerns a state: usually the one it
is named after; :data:`TOPIC_TARGETS` gives the others (Xinjiang, Hong Kong and Tibet concern China; the war
in Ukraine concerns Russia, whose aggression it is about). The extractor uses that state as an act's target
only when the text names it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, Mention, fold

__all__ = ["Topic", "TopicFinder", "TOPIC_TARGETS", "default_topics"]

#: The state whose conduct a topic is about, when it is not the state the topic is named after.
TOPIC_TARGETS = {"xinjiang": "CHN", "hong-kong": "CHN", "tibet": "CHN", "ukraine": "RUS", "russia": "RUS"}
#: Words that only make sense as part of a topic's label in context (not alone).
_TOO_GENERIC = {"human rights", "droits humains", "international peace and security", "paix et securite internationales"}
#: Extra surface forms of topics that the labels do not spell (adjectives and peoples).
_EXTRA_FORMS = {
    "xinjiang": ("ouighour", "ouighours", "ouigour", "ouigours", "ouighoure", "ouighoures", "ouïghour", "uyghur", "uyghurs",
                 "uighur", "uighurs"),
    "tibet": ("tibetain", "tibetains", "tibetan", "tibetans"),
    "syria": ("syrien", "syrienne", "syriens", "syrian"),
    "myanmar": ("rohingyas", "burmese", "birman", "birmane", "birmans", "birmanes"),
    "venezuela": ("venezuelan", "venezuelans", "venezuelien", "venezuelienne", "venezueliens", "venezueliennes"),
    "belarus": ("belarusian", "belarusians", "bielorusse", "bielorusses", "belarussien", "belarussienne"),
    "iran": ("iranian", "iranien", "iranienne", "iraniens", "iraniennes"),
    "eritrea": ("eritrean", "eritreen", "eritreenne", "eritreens"),
    "sri-lanka": ("sri lankan", "sri-lankais", "sri-lankaise", "sri lankais", "sri-lankaises"),
    "north-korea": ("north korean", "nord-coreen", "nord-coreenne", "nord-coreens"),
    "philippines": ("filipino", "philippin", "philippine", "philippins"),
}


@dataclass(frozen=True)
class Topic:
    """A topic of the scheme: its slug, the words that name it, and the state it concerns (if any)."""

    slug: str
    pattern: re.Pattern
    state: str | None


class TopicFinder:
    """Topics named in folded text, by label or by the name of their state.

    Parameters
    ----------
    labels : dict
        ``{slug: [labels]}`` (any language; folded here).
    states : dict, optional
        ``{slug: iso3}``: the state a topic concerns.

    Examples
    --------
    >>> g = Gazetteer({"SYR": ["Syria", "Syrian Arab Republic"], "CHN": ["China"]}, capitals={}, demonyms={})
    >>> f = TopicFinder({"syria": ["Syria"], "xinjiang": ["Xinjiang", "Uyghurs"]}, {"syria": "SYR", "xinjiang": "CHN"})
    >>> text = "The Council voted on the Syrian Arab Republic; China spoke on the Uyghurs."
    >>> f.find(fold(text), g.find(text))
    ['syria', 'xinjiang']
    >>> f.target_of("xinjiang")
    'CHN'
    """

    def __init__(self, labels: dict, states: dict | None = None):
        states = dict(states or {})
        self.topics: list[Topic] = []
        for slug, forms in labels.items():
            words = {fold(f).strip() for f in forms} | set(_EXTRA_FORMS.get(slug, ()))
            words = {w for w in words if w and w not in _TOO_GENERIC}
            if not words:
                continue
            alternatives = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))
            self.topics.append(Topic(slug, re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])"), states.get(slug)))
        # a state named as the subject of a sentence stands for the topic named after it (Syria → syria,
        # Ukraine → ukraine), never for Xinjiang, Tibet or "human rights in Russia"
        self.by_state = {code: slug for slug, code in states.items() if slug not in TOPIC_TARGETS or slug == "ukraine"}
        concerned: dict[str, list[str]] = {}
        for slug, code in states.items():
            concerned.setdefault(code, []).append(slug)
        self.by_target = {code: slugs[0] for code, slugs in concerned.items() if len(slugs) == 1}
        self.states = states

    @staticmethod
    def target_of_slug(slug: str, states: dict) -> str | None:
        return TOPIC_TARGETS.get(slug) or states.get(slug)

    def target_of(self, slug: str) -> str | None:
        """The state an act on this topic is directed at (Xinjiang → China, Ukraine → Russia, Syria → Syria)."""
        return self.target_of_slug(slug, self.states)

    def topic_of_target(self, iso3: str | None) -> str | None:
        """The one topic whose acts are directed at ``iso3`` (SYR → syria, RUS → russia; CHN has three: None)."""
        return self.by_target.get(iso3)

    def find(self, folded: str, mentions: list[Mention] = (), skip: set[str] = frozenset()) -> list[str]:
        """Slugs of the topics named in ``folded``, in order of first mention.

        ``mentions`` (states found in the same text, offsets in ``folded``) count for their country topic,
        except the states in ``skip`` (voters, signatories: they are not the subject).
        """
        hits = []
        for t in self.topics:
            m = t.pattern.search(folded)
            if m:
                hits.append((m.start(), t.slug))
        for m in mentions:
            slug = self.by_state.get(m.iso3)
            if slug and m.iso3 not in skip and m.kind != "demonym":
                hits.append((m.start, slug))
        out = []
        for _, slug in sorted(hits):
            if slug not in out:
                out.append(slug)
        return out


@functools.lru_cache(maxsize=2)
def default_topics(topics_file: str | None = None, gazetteer: Gazetteer | None = None) -> TopicFinder:
    """The topics of ``data/topics.ttl``; a topic whose English label names a state concerns that state."""
    from rdflib import Graph

    from ..resources import DEFAULT_DATA
    from ..namespaces import GK, RDF, SKOS
    from .gazetteer import default_gazetteer

    graph = Graph().parse(topics_file or str(DEFAULT_DATA / "topics.ttl"), format="turtle")
    gazetteer = gazetteer or default_gazetteer()
    labels, states = {}, {}
    for concept in graph.subjects(RDF.type, GK.Topic):
        slug = str(concept).rsplit("/", 1)[-1]
        forms = [str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(concept, p)]
        names = {}      # labels that are a state's name: found through the gazetteer's mentions instead
        for label in forms:
            whole = [m for m in gazetteer.find(label) if m.kind == "name" and m.text == label]
            if whole:
                names[label] = whole[0].iso3
        english = [str(o) for o in graph.objects(concept, SKOS.prefLabel) if o.language == "en"]
        if english and english[0] in names:
            states[slug] = names[english[0]]
        labels[slug] = [f for f in forms if f not in names]
    states.update({slug: code for slug, code in TOPIC_TARGETS.items() if slug in labels and slug not in states})
    return TopicFinder(labels, states)
