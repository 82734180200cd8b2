"""Audit the imported votes: tallies computed from the votes against tallies reported elsewhere.

Two kinds of reports are compared with what the votes in the store add up to:

* a source's **own tally columns** (UN Digital Library ``total_yes`` …, or a
  roll-call file's ``yes``/``no``/``abstain``), stored as ``gk:ReportedCount``
  on the roll call by the import;
* **curated acts** in ``data/`` — the records linked to them as the same vote
  (``gk:sameVoteAs``, :mod:`graphkit.store.links`), else those with the same
  ``gk:symbol`` — with their ``gk:reportedCount`` (exact counts by stance)
  and their signatory lists (who voted how, per source).

Every difference is listed with both sides and the reporting source; nothing is
corrected. A difference is a finding, not a failure: ``graphkit audit`` exits 0.

The audit also says what each imported dataset covers (:func:`coverage`):
records without any vote, records with fewer members recorded than the body
has seats (:attr:`~graphkit.sources.votes.dataset.VoteDataset.seats`: 47 at the
Human Rights Council), and curated votes of the dataset's forum and span that
have no record in it (the curated act then stays the only record of that vote).
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph

from ...namespaces import GK, iri_key
from ...store.links import normalise_symbol

__all__ = ["Finding", "audit", "coverage", "computed_tallies", "FINDING_COLUMNS"]

FINDING_COLUMNS = ["kind", "roll_call", "symbol", "act", "what", "votes_say", "reported", "reported_by", "note"]
_GK = "https://w3id.org/graphkit/ontology#"
_ID = "https://w3id.org/graphkit/id/"


@dataclass(frozen=True)
class Finding:
    """One discrepancy: what the votes say against what a source reports."""

    kind: str          # "tally" (a count by stance) or "vote" (one state's vote)
    roll_call: str     # the roll call's act key in the store
    symbol: str
    act: str           # the curated act's key ("" for a source's own tally)
    what: str          # the stance counted, or the state
    votes_say: str     # computed from the votes
    reported: str
    reported_by: str   # source title or IRI
    note: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def vote_graphs() -> list[str]:
    """The named graphs of every vote dataset of every registered source."""
    return [d.graph for d in vote_datasets()]


def vote_datasets() -> list:
    """Every vote dataset of every registered source."""
    from .. import vote_sources

    return [d for s in vote_sources() for d in s.datasets.values()]


def _graphs(store: ox.Store) -> list[str]:
    present = {g.value for g in store.named_graphs()}
    return [g for g in vote_graphs() if g in present]


def computed_tallies(store: ox.Store) -> dict[str, dict[str, int]]:
    """Act IRI → {"yes": n, "no": n, "abstain": n} counted from the votes in every vote graph (and "noVote" where kept)."""
    out: dict[str, dict[str, int]] = {}
    for g in _graphs(store):
        # one vote = one (position, participant) pair: a position is one side of one record
        q = f"""PREFIX gk: <{_GK}> SELECT ?a ?s (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?p gk:stance ?s ; gk:act ?a ; gk:participant ?w }} }} GROUP BY ?a ?s"""
        for a, s, n in store.query(q):
            out.setdefault(a.value, {"yes": 0, "no": 0, "abstain": 0})[s.value.rsplit("#", 1)[1]] = int(n.value)
    return out


def _roll_calls(store: ox.Store) -> dict[str, dict]:
    """Act IRI → {"symbol", "reported": [(stance, count, source)]} for every roll call in the store."""
    out: dict[str, dict] = {}
    for g in _graphs(store):
        q = f"""PREFIX gk: <{_GK}> PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?a ?symbol ?s ?n ?src WHERE {{ GRAPH <{g}> {{ ?a a gk:RecordedVote .
              OPTIONAL {{ ?a gk:symbol ?symbol }}
              OPTIONAL {{ ?a gk:reportedCount ?c . ?c gk:count ?n ; gk:countScope ?s ; gk:evidence/prov:wasDerivedFrom ?src }} }} }}"""
        for a, symbol, s, n, src in store.query(q):
            rc = out.setdefault(a.value, {"symbol": symbol.value if symbol is not None else "", "reported": [], "graph": g})
            if n is not None:
                rc["reported"].append((s.value.rsplit("#", 1)[1], int(n.value), src.value))
    return out


def _local(iri) -> str:
    """The local name of a vocabulary IRI (``gk:no`` → ``no``)."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _votes_of(store: ox.Store, act_iri: str, graph: str) -> dict[str, str]:
    q = f"""PREFIX gk: <{_GK}> SELECT ?who ?s WHERE {{ GRAPH <{graph}> {{ ?p gk:act <{act_iri}> ; gk:participant ?who ; gk:stance ?s }} }}"""
    return {iri_key(w.value): s.value.rsplit("#", 1)[1] for w, s in store.query(q)}


def _source_title(curated: Graph, src) -> str:
    from rdflib.namespace import DCTERMS
    title = curated.value(src, DCTERMS.title)
    return f"{title} <{src}>" if title else str(src)


def audit(store: ox.Store, curated: Graph | None = None) -> tuple[list[Finding], dict]:
    """Compare computed tallies with reported ones; return the findings and a summary.

    Parameters
    ----------
    store : pyoxigraph.Store
        The store with vote graphs imported.
    curated : rdflib.Graph, optional
        The built curated graph (``graphkit.graph.build.build(data).graph``).

    Examples
    --------
    The fixture's roll call 103 has tally columns 3 yes / 3 no / 0 abstain, but
    only two of its votes are no:

    >>> import tempfile
    >>> from graphkit.store.embedded import open_store
    >>> from graphkit.store.votes import import_table
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     findings, summary = audit(open_store(f"{d}/store", read_only=True))
    >>> [(f.roll_call, f.what, f.votes_say, f.reported) for f in findings]
    [('unga-voeten-103', 'no', '2', '3')]
    >>> summary["roll_calls"], summary["compared_tallies"]
    (4, 12)
    """
    computed = computed_tallies(store)
    roll_calls = _roll_calls(store)
    findings: list[Finding] = []
    compared = 0
    for act, rc in sorted(roll_calls.items(), key=lambda kv: (len(kv[0]), kv[0])):
        tally = computed.get(act, {"yes": 0, "no": 0, "abstain": 0})
        for stance, count, src in rc["reported"]:
            compared += 1
            if tally[stance] != count:
                findings.append(Finding("tally", iri_key(act), rc["symbol"], "", stance, str(tally[stance]), str(count),
                                        src, "the source's own tally column"))
    by_symbol: dict[str, list[str]] = {}
    for act, rc in roll_calls.items():
        if rc["symbol"]:
            by_symbol.setdefault(normalise_symbol(rc["symbol"]), []).append(act)
    linked: dict[str, list[str]] = {}     # curated act → the records written as the same vote (gk:sameVoteAs)
    for g in _graphs(store):
        for r, a in store.query(f"PREFIX gk: <{_GK}> SELECT ?r ?a WHERE {{ GRAPH <{g}> {{ ?r gk:sameVoteAs ?a }} }}"):
            linked.setdefault(a.value, []).append(r.value)
    matched = 0
    if curated is not None:
        q = """SELECT ?act ?symbol WHERE { ?act a gk:RecordedVote ; gk:symbol ?symbol }"""
        for act, symbol in curated.query(q, initNs={"gk": GK}):
            targets = sorted(linked.get(str(act), []))
            note = "linked (gk:sameVoteAs)"
            if not targets:
                targets = by_symbol.get(normalise_symbol(str(symbol)), [])
                note = ("same symbol, not linked (another date)" if len(targets) == 1 else
                        f"symbol shared by {len(targets)} roll calls (amendments, parts): not linked")
            if not targets:
                continue
            matched += 1
            counts = curated.query("""SELECT ?scope ?n ?src WHERE { ?act gk:reportedCount ?c . ?c gk:count ?n ; gk:countScope ?scope ;
                                         gk:countQualifier gk:exactly . OPTIONAL { ?c gk:evidence/prov:wasDerivedFrom ?src } }""",
                                   initNs={"gk": GK, "prov": __import__("rdflib").namespace.PROV}, initBindings={"act": act})
            listed = {}
            for pos in curated.subjects(GK.act, act):
                stance = curated.value(pos, GK.stance)
                who = curated.value(pos, GK.participant)
                if stance is not None and who is not None and _local(stance) in ("yes", "no", "abstain"):
                    listed[iri_key(who)] = (_local(stance), curated.value(pos, GK.listedIn))
            for rc_act in targets:
                tally = computed.get(rc_act, {"yes": 0, "no": 0, "abstain": 0})
                for scope, n, src in counts:
                    stance = _local(scope)
                    if stance not in tally:
                        continue
                    compared += 1
                    if tally[stance] != int(n):
                        findings.append(Finding("tally", iri_key(rc_act), str(symbol), iri_key(act), stance, str(tally[stance]),
                                                str(int(n)), _source_title(curated, src) if src is not None else "(no source)", note))
                if listed:
                    votes = _votes_of(store, rc_act, roll_calls[rc_act]["graph"])
                    for who in sorted(set(listed) | set(votes)):
                        got, (want, lst) = votes.get(who, "no vote"), listed.get(who, ("not listed", None))
                        if got != want:
                            findings.append(Finding("vote", iri_key(rc_act), str(symbol), iri_key(act), who, got, want,
                                                    str(lst) if lst is not None else "(curated list)", note))
    summary = {"roll_calls": len(roll_calls), "curated_acts_matched": matched, "linked": sum(map(len, linked.values())),
               "compared_tallies": compared, "discrepancies": len(findings)}
    covered, counts = coverage(store, curated, roll_calls)
    summary.update(counts)
    return findings + covered, summary


def _members(store: ox.Store, graph: str) -> dict[str, int]:
    """Act IRI → how many members the record has (every position: votes and members recorded as not voting)."""
    # one member = one (position, participant) pair: a position is one side (or the non-votes) of one record
    q = f"""PREFIX gk: <{_GK}> SELECT ?a (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?p gk:act ?a ; gk:participant ?w }} }} GROUP BY ?a"""
    return {a.value: int(n.value) for a, n in store.query(q)}


def coverage(store: ox.Store, curated: Graph | None = None, roll_calls: dict | None = None) -> tuple[list[Finding], dict]:
    """Records without votes, records with fewer members recorded than the body's seats, curated votes a dataset lacks.

    Returns
    -------
    (list of Finding, dict)
        Findings of kind ``no votes``, ``short`` and ``missing`` (one per
        record or curated act, with its symbol), and their counts:
        ``records_without_votes``, ``records_short``, ``curated_not_in_file``.
    """
    roll_calls = _roll_calls(store) if roll_calls is None else roll_calls
    present = {g.value for g in store.named_graphs()}
    findings: list[Finding] = []
    counts = {"records_without_votes": 0, "records_short": 0, "curated_not_in_file": 0}
    curated_votes = []
    if curated is not None:
        q = """SELECT ?act ?symbol ?date ?forum WHERE { ?act a gk:RecordedVote ; gk:symbol ?symbol ; gk:date ?date ; gk:forum ?forum }"""
        curated_votes = [(a, str(s), d.toPython(), str(f)) for a, s, d, f in curated.query(q, initNs={"gk": GK})]
    for d in vote_datasets():
        if d.graph not in present:
            continue
        mine = {a: rc for a, rc in roll_calls.items() if rc["graph"] == d.graph}
        members = _members(store, d.graph)
        for act, rc in sorted(mine.items(), key=lambda kv: kv[1]["symbol"]):
            n = members.get(act, 0)
            if n == 0:
                counts["records_without_votes"] += 1
                findings.append(Finding("no votes", iri_key(act), rc["symbol"], "", "members recorded", "0",
                                        str(d.seats) if d.seats else "", d.dataset_iri, "the record has no vote of any member"))
            elif d.seats and n < d.seats:
                counts["records_short"] += 1
                findings.append(Finding("short", iri_key(act), rc["symbol"], "", "members recorded", str(n), str(d.seats),
                                        d.dataset_iri, f"{n} members recorded (yes, no, abstain or not voting) of the "
                                                 f"body's {d.seats} seats"))
        if not curated_votes or not mine:
            continue
        q = f"""PREFIX gk: <{_GK}> SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{ GRAPH <{d.graph}> {{ ?a a gk:RecordedVote ; gk:date ?d }} }}"""
        first, last = (_py(t) for t in next(iter(store.query(q))))
        symbols = {normalise_symbol(rc["symbol"]) for rc in mine.values() if rc["symbol"]}
        forum = f"{_ID}org/{d.forum}"
        for act, symbol, day, act_forum in sorted(curated_votes, key=lambda v: str(v[0])):
            if act_forum != forum or normalise_symbol(symbol) in symbols or first is None or not (first <= day <= last):
                continue
            counts["curated_not_in_file"] += 1
            findings.append(Finding("missing", "", symbol, iri_key(act), "record", "none", f"curated act of {day}", d.dataset_iri,
                                    f"not in the {d.source.upper()} dataset: the curated act stays the only record of that vote"))
    return findings, counts


def _py(term):
    import datetime as dt

    return None if term is None else dt.date.fromisoformat(term.value[:10])
