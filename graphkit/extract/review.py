"""The review step: turn acts a researcher has checked into curated facts.

The researcher reads the JSON of ``graphkit extract``, corrects what needs
correcting (the file stays valid against the schema), and accepts acts by id.
:func:`accept` returns a graph in the form of ``data/acts/*.ttl``: readable act
ids, positions, reported counts, and evidence excerpts derived from the text
file as a ``gk:Source`` — no confidence, since a person has now checked them.
"""
from __future__ import annotations

from rdflib import Graph

from ..errors import InputError
from ..namespaces import bind_prefixes
from .model import validate_json
from .rdf import act_slug, add_act, add_source, source_slug

__all__ = ["accept"]


def accept(doc: dict, ids: list[str], *, source_id: str | None = None, file=None) -> Graph:
    """The curated graph of the acts ``ids`` of an extraction document.

    Parameters
    ----------
    doc : dict
        A (reviewed) extraction document following ``schema.json``.
    ids : list of str
        The acts to accept (``a1``, ``a3`` …); ``all`` accepts every act.
    source_id : str, optional
        The source's id (default from the file name: ``text-<stem>``).

    Raises
    ------
    InputError
        The document breaks the schema, an id is unknown, or an act has no evidence.

    Examples
    --------
    >>> doc = {"source": "a.txt", "published": "2020-09-10", "lang": "fr", "acts": [{"id": "a1", "kind": "statement",
    ...   "forum": None, "date": "2020-09-09", "topics": [], "target": "CHN", "stance": "reject", "count": None,
    ...   "tally": None, "lead": "CHN", "members": ["CHN"], "positions": None, "confidence": 0.7,
    ...   "evidence": [{"text": "Pékin rejette.", "start": 0, "end": 14}]}]}
    >>> g = accept(doc, ["a1"])
    >>> from graphkit.namespaces import GK
    >>> sorted(str(s).rsplit("/", 1)[-1] for s in g.subjects(GK.stance, GK.rejects))
    ['CHN']
    >>> accept(doc, ["a9"])
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: no act 'a9' in the extraction — valid ids: a1
    """
    validate_json(doc, file=file)
    by_id = {a["id"]: a for a in doc["acts"]}
    if ids == ["all"]:
        ids = list(by_id)
    for act_id in ids:
        if act_id not in by_id:
            raise InputError(f"no act {act_id!r} in the extraction", file=file,
                             hint="valid ids: " + (", ".join(by_id) or "(none: the extraction has no acts)"))
    graph = bind_prefixes(Graph())
    source_id = source_id or source_slug(doc["source"])
    src = add_source(graph, source_id, doc["source"], doc["lang"], doc["published"])
    seen: set[str] = set()
    for act_id in dict.fromkeys(ids):
        act = by_id[act_id]
        slug = act_slug(act)
        key, n = slug, 2
        while key in seen:
            key, n = f"{slug}-{n}", n + 1
        seen.add(key)
        add_act(graph, act, key, src, doc["lang"])
    return graph
