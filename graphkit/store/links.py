"""One vote, two sources: link each imported record to the curated act of the same vote (``gk:sameVoteAs``).

The General Assembly's resolution A/RES/71/248 is both a curated act
(``act/unga-2016-12-21-syria-iiim``, with its sources and the sides its yes
and no meant) and a roll call of the imported votes (``act/unga-voeten-5495``).
They stay two nodes — each keeps its own provenance — joined by
``<record> gk:sameVoteAs <curated act>`` in the record's graph, written when
the record has the act's UN symbol and date (the same day, or the same month
when the record is dated to the month), and only when exactly one record of
that graph matches (amendments and paragraph votes share a symbol).

Both writers call :func:`link_votes` on the generation they write: an import
(new records) and a build (new curated acts), so the links always follow both.

Examples
--------
>>> import pyoxigraph as ox
>>> s = ox.Store()
>>> gk, cur, votes = "https://w3id.org/graphkit/ontology#", "urn:g:curated", "urn:g:votes"
>>> s.update(f'''PREFIX gk: <{gk}> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> INSERT DATA {{
...   GRAPH <{cur}> {{ <urn:act> a gk:RecordedVote ; gk:symbol "A/RES/71/248" ; gk:date "2016-12-21"^^xsd:date }}
...   GRAPH <{votes}> {{ <urn:rc> a gk:RecordedVote ; gk:symbol "A/RES/71/ 248" ; gk:date "2016-12-21"^^xsd:date ;
...                      gk:datePrecision gk:day }} }}''')
>>> link_votes(s, [cur], [votes])
1
>>> [(q.subject.value, q.object.value) for q in s.quads_for_pattern(None, ox.NamedNode(gk + "sameVoteAs"), None)]
[('urn:rc', 'urn:act')]
"""
from __future__ import annotations

import pyoxigraph as ox

__all__ = ["link_votes", "links_in", "normalise_symbol"]

_GK = "https://w3id.org/graphkit/ontology#"


def normalise_symbol(symbol: str) -> str:
    """A UN symbol without spaces, upper-cased: ``a/res/71/ 248`` and ``A/RES/71/248`` are one."""
    return "".join(str(symbol).split()).upper()


def link_votes(store: ox.Store, curated_graphs, vote_graphs) -> int:
    """Replace the ``gk:sameVoteAs`` links of every vote graph; return how many were written."""
    vote_graphs = [g for g in vote_graphs if ox.NamedNode(g) in set(store.named_graphs())]
    for g in vote_graphs:
        store.update(f"PREFIX gk: <{_GK}> DELETE WHERE {{ GRAPH <{g}> {{ ?r gk:sameVoteAs ?a }} }}")
    curated_graphs = list(curated_graphs)
    if not curated_graphs or not vote_graphs:
        return 0
    acts = {}
    q = f"PREFIX gk: <{_GK}> SELECT ?act ?symbol ?date WHERE {{ ?act a gk:RecordedVote ; gk:symbol ?symbol ; gk:date ?date }}"
    for act, symbol, date in store.query(q, default_graph=[ox.NamedNode(g) for g in curated_graphs]):
        acts.setdefault(normalise_symbol(symbol.value), []).append((act.value, date.value))
    if not acts:
        return 0
    links = []
    for g in vote_graphs:
        records = {}
        q = f"""PREFIX gk: <{_GK}> SELECT ?r ?symbol ?date ?prec WHERE {{ GRAPH <{g}> {{
            ?r a gk:RecordedVote ; gk:symbol ?symbol ; gk:date ?date . OPTIONAL {{ ?r gk:datePrecision ?prec }} }} }}"""
        for r, symbol, date, prec in store.query(q):
            key = normalise_symbol(symbol.value)
            if key in acts:
                month = prec is not None and prec.value == _GK + "month"
                records.setdefault(key, []).append((r.value, date.value[:7] if month else date.value))
        for key, candidates in records.items():
            for act, day in acts[key]:
                same = [r for r, d in candidates if d == day[: len(d)]]
                if len(same) == 1:
                    links.append((same[0], act, g))
    if links:
        body = " ".join(f"GRAPH <{g}> {{ <{r}> gk:sameVoteAs <{a}> }}" for r, a, g in links)
        store.update(f"PREFIX gk: <{_GK}> INSERT DATA {{ {body} }}")
    return len(links)


def links_in(store: ox.Store, graph: str) -> int:
    """How many ``gk:sameVoteAs`` links the vote graph ``graph`` holds (an import reports its own, not every graph's)."""
    q = f"PREFIX gk: <{_GK}> SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?r gk:sameVoteAs ?a }} }}"
    return int(next(iter(store.query(q)))[0].value)
