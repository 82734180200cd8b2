"""The RDF form of a vote table, as pyoxigraph quads in its dataset's named graph (any vote source).

Modelling (chosen by measuring, see ``bench/bench_unga.py`` and the README):

* each record is a ``gk:RecordedVote`` (``act/<dataset>-<id>``, e.g.
  ``act/unga-voeten-5495``) with its forum (``org:un-ga``, ``org:un-hrc`` ...),
  ``gk:date`` and ``gk:datePrecision``, ``gk:session``,
  ``gk:rollCallId``, ``gk:symbol``, the ``gk:amendmentVote`` /
  ``gk:paragraphVote`` / ``gk:importantVote`` flags when coded, its issues as
  ``gk:topic`` (``topic:unga-hr`` …), its description, and one ``gk:Evidence``
  citing the dataset row (dataset, release, roll-call id);
* the votes of one record are grouped by how they were cast (unless the
  dataset says otherwise: the vetoes are one position per member and draft,
  ``position/<dataset>-<id>/<state>``): one position
  node per side, ``position/<dataset>-<id>/yes|no|abstain`` (a
  ``gk:Position`` and a ``gk:VoteGroup``), with its ``gk:act``, ``gk:stance``,
  ``gk:role gk:voter`` and ``gk:evidence`` (the record's own evidence: dataset,
  release, id), and one ``gk:participant`` triple per state that voted that
  way. A vote is then a (position, participant) pair, found with the same
  pattern as any position: ``?p gk:act ?a ; gk:participant ?s ; gk:stance ?x``.
  One quad per vote instead of three (or five, typed and with evidence): the
  import is about three times faster and smaller (``bench/bench_import.py``),
  and every vote is typed and one hop from its evidence;
* a file's own tally columns become ``gk:ReportedCount`` nodes on the roll call,
  so the audits (:mod:`graphkit.sources.votes.audit`) can compare them with the votes;
* when the source gives them, whether the record was adopted (``gk:adopted``),
  its kind (``gk:recordKind``: resolution, decision, draft, amendment …) and
  its agenda item (``gk:agendaItem``), and members recorded as not voting as
  positions with ``gk:stance gk:noVote`` (:func:`non_vote_nquads`), which no
  matrix reads.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from ...namespaces import DCTERMS, GK, ID, PROV, RDF, RDFS, SKOS, XSD
from .table import VoteTable

__all__ = ["roll_call_quads", "vote_nquads", "non_vote_nquads", "vote_quad_count", "describe_graph", "file_release"]

_STANCE = {1: "yes", 0: "abstain", -1: "no"}


@lru_cache(maxsize=1024)
def _n(iri) -> ox.NamedNode:
    """A NamedNode, cached: the vocabulary's IRIs recur in every record (a third of the time of building the quads)."""
    return ox.NamedNode(str(iri))


def file_release(paths) -> str:
    """A release label from the files' names and the first 12 hex digits of their sha256."""
    parts = []
    for p in paths:
        h = hashlib.sha256()
        with open(p, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        parts.append(f"{Path(p).name} sha256:{h.hexdigest()[:12]}")
    return "; ".join(parts)


def _lit(value, datatype=None, lang=None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=_n(datatype)) if datatype else ox.Literal(str(value))


def describe_graph(table: VoteTable, release: str, import_id: str | None = None):
    """Quads describing the source dataset, its topics, and the import (``import_id``: the array cache carries the same)."""
    d = table.dataset
    g = _n(d.graph)
    src = _n(d.dataset_iri)
    title = d.title
    yield ox.Quad(src, _n(RDF.type), _n(GK.Source), g)
    yield ox.Quad(src, _n(DCTERMS.title), _lit(title, lang="en"), g)
    yield ox.Quad(src, _n(GK.sourceKind), _lit("dataset"), g)
    yield ox.Quad(src, _n(DCTERMS.identifier), _lit(release), g)
    if import_id:
        yield ox.Quad(src, _n(GK.importId), _lit(import_id), g)
    kept = table.non_votes is not None and len(table.non_votes) > 0
    absent = ("absence and non-membership have no position; members recorded as not voting have gk:stance gk:noVote"
              if kept else "absence, non-voting and non-membership have no position")
    yield ox.Quad(src, _n(RDFS.comment), _lit(
        f"Imported by {' '.join(d.import_command.split()[:3])}. In this graph each position is one side (yes, no or abstain) of "
        f"one record, a gk:Position and gk:VoteGroup with gk:role gk:{d.role}, the record's gk:evidence, and a gk:participant "
        f"per state that voted that way; {absent}.", lang="en"), g)
    if d.url:
        yield ox.Quad(src, _n(GK.url), _lit(d.url, XSD.anyURI), g)
    for line in d.provenance:
        yield ox.Quad(src, _n(RDFS.comment), _lit(line, lang="en"), g)
    for code, name in sorted({**d.issue_names, **table.issue_names}.items()):
        if not any(code in issues for issues in table.roll_calls["issues"]):
            continue
        t = _n(ID[f"topic/{d.source}-{code}"])
        yield ox.Quad(t, _n(RDF.type), _n(GK.Topic), g)
        yield ox.Quad(t, _n(RDF.type), _n(SKOS.Concept), g)
        yield ox.Quad(t, _n(SKOS.inScheme), _n(ID["topic/scheme"]), g)
        yield ox.Quad(t, _n(SKOS.prefLabel), _lit(f"{name} ({d.source.upper()} issue code {code})", lang="en"), g)
        yield ox.Quad(t, _n(SKOS.notation), _lit(code), g)


def roll_call_quads(table: VoteTable):
    """Quads of every record: the act, its evidence and reported tallies."""
    d = table.dataset
    g = _n(d.graph)
    src = _n(d.dataset_iri)
    t, forum = _n(RDF.type), _n(ID[f"org/{d.forum}"])
    for rcid, rc in table.roll_calls.iterrows():
        key = f"{d.key}-{rcid}"
        act, ev = _n(ID[f"act/{key}"]), _n(ID[f"evidence/{key}"])
        symbol = rc["symbol"] or ""
        label = f"{d.item_label} {rcid}" + (f", session {rc['session']}" if rc["session"] is not None and str(rc["session"]) != "<NA>" else "") \
            + (f": {symbol}" if symbol else "") + (f" — {rc['short'].strip()}" if rc.get("short") else "")
        yield ox.Quad(act, t, _n(GK.RecordedVote), g)
        yield ox.Quad(act, _n(GK.actorKind), _n(GK.byStates), g)
        yield ox.Quad(act, _n(RDFS.label), _lit(label, lang="en"), g)
        yield ox.Quad(act, _n(GK.forum), forum, g)
        yield ox.Quad(act, _n(GK.date), _lit(rc["date"].date().isoformat(), XSD.date), g)
        yield ox.Quad(act, _n(GK.datePrecision), _n(GK[rc["precision"]]), g)
        yield ox.Quad(act, _n(GK.rollCallId), _lit(rcid), g)
        if str(rc["session"]) != "<NA>":
            yield ox.Quad(act, _n(GK.session), _lit(int(rc["session"]), XSD.integer), g)
        if symbol:
            yield ox.Quad(act, _n(GK.symbol), _lit(symbol), g)
        for col, prop in (("amend", GK.amendmentVote), ("para", GK.paragraphVote), ("important", GK.importantVote)):
            if rc[col] is not None and str(rc[col]) != "<NA>":
                yield ox.Quad(act, _n(prop), _lit("true" if bool(rc[col]) else "false", XSD.boolean), g)
        for code in rc["issues"]:
            yield ox.Quad(act, _n(GK.topic), _n(ID[f"topic/{d.source}-{code}"]), g)
        if rc.get("descr"):
            yield ox.Quad(act, _n(DCTERMS.description), _lit(rc["descr"].strip(), lang="en"), g)
        adopted = rc.get("adopted")
        if adopted is not None and str(adopted) != "<NA>":
            yield ox.Quad(act, _n(GK.adopted), _lit("true" if bool(adopted) else "false", XSD.boolean), g)
        for col, prop in (("record_kind", GK.recordKind), ("agenda", GK.agendaItem)):
            if rc.get(col):
                yield ox.Quad(act, _n(prop), _lit(str(rc[col]).strip()), g)
        yield ox.Quad(act, _n(GK.evidence), ev, g)
        yield ox.Quad(ev, t, _n(GK.Evidence), g)
        yield ox.Quad(ev, _n(PROV.wasDerivedFrom), src, g)
        where = rc.get("locator") or f"line {rc['line']}"
        session = f"session {rc['session']}; " if str(rc["session"]) != "<NA>" else ""
        yield ox.Quad(ev, _n(GK.excerpt), _lit(f"rcid {rcid}; {session}date {rc['raw_date'].date()}; "
                                                f"symbol {symbol or '(none)'}; {where}"), g)
        tallies = [(s, rc[s]) for s in ("yes", "no", "abstain") if str(rc[s]) != "<NA>"]
        if tallies:
            tev = _n(ID[f"evidence/{key}-tally"])
            yield ox.Quad(tev, t, _n(GK.Evidence), g)
            yield ox.Quad(tev, _n(PROV.wasDerivedFrom), src, g)
            yield ox.Quad(tev, _n(GK.excerpt), _lit("; ".join(f"{s} {n}" for s, n in tallies)), g)
            for stance, count in tallies:
                c = _n(ID[f"count/{key}-{stance}"])
                yield ox.Quad(act, _n(GK.reportedCount), c, g)
                yield ox.Quad(c, t, _n(GK.ReportedCount), g)
                yield ox.Quad(c, _n(GK["count"]), _lit(int(count), XSD.integer), g)
                yield ox.Quad(c, _n(GK.countScope), _n(GK[stance]), g)
                yield ox.Quad(c, _n(GK.countQualifier), _n(GK.exactly), g)
                yield ox.Quad(c, _n(GK.evidence), tev, g)


def vote_nquads(table: VoteTable, chunk: int = 1_000_000):
    """The votes as N-Quads bytes, ``chunk`` votes at a time, with the number of votes in each.

    First the position of each side of each record (six quads: types, act,
    stance, role, evidence), then one ``gk:participant`` quad per vote. Text
    for the store's bulk loader, which parses it in Rust: building Python
    quad objects for 870,000 votes costs more than the load itself.
    """
    d = table.dataset
    g = f"<{d.graph}>"
    act, pos, ev = d.act_prefix, d.position_prefix, f"{ID}evidence/{d.key}-"
    who = f"{ID}state/"
    rcids, keys, values = table.votes["rcid"].to_numpy(), table.votes["key"].to_numpy(), table.votes["value"].to_numpy()
    t, p_act, p_stance, p_role, p_ev = (f"<{RDF.type}>", f"<{GK.act}>", f"<{GK.stance}>", f"<{GK.role}>", f"<{GK.evidence}>")
    position, group, voter = f"<{GK.Position}>", f"<{GK.VoteGroup}>", f"<{GK}{d.role}>"
    p_who = f"<{GK.participant}>"
    if not d.grouped:        # one position per vote (the vetoes: a few hundred, each with facts of its own)
        yield "".join(
            f"<{pos}{r}/{k}> {t} {position} {g} .\n<{pos}{r}/{k}> {p_act} <{act}{r}> {g} .\n"
            f"<{pos}{r}/{k}> {p_stance} <{GK}{_STANCE[v]}> {g} .\n<{pos}{r}/{k}> {p_role} {voter} {g} .\n"
            f"<{pos}{r}/{k}> {p_ev} <{ev}{r}> {g} .\n<{pos}{r}/{k}> {p_who} <{who}{k}> {g} .\n"
            for r, k, v in zip(rcids.tolist(), keys.tolist(), values.tolist())).encode(), len(rcids)
        return
    sides = sorted({(r, int(v)) for r, v in zip(rcids.tolist(), values.tolist())})
    yield "".join(
        f"<{pos}{r}/{_STANCE[v]}> {t} {position} {g} .\n<{pos}{r}/{_STANCE[v]}> {t} {group} {g} .\n"
        f"<{pos}{r}/{_STANCE[v]}> {p_act} <{act}{r}> {g} .\n<{pos}{r}/{_STANCE[v]}> {p_stance} <{GK}{_STANCE[v]}> {g} .\n"
        f"<{pos}{r}/{_STANCE[v]}> {p_role} {voter} {g} .\n<{pos}{r}/{_STANCE[v]}> {p_ev} <{ev}{r}> {g} .\n"
        for r, v in sides).encode(), 0
    for start in range(0, len(rcids), chunk):
        stop = start + chunk
        yield "".join(
            f"<{pos}{r}/{_STANCE[v]}> {p_who} <{who}{k}> {g} .\n"
            for r, k, v in zip(rcids[start:stop], keys[start:stop], values[start:stop].tolist())).encode(), min(stop, len(rcids)) - start


def non_vote_nquads(table: VoteTable) -> str:
    """The members recorded as not voting, as N-Quads: per record one ``gk:noVote`` side, a participant quad each.

    Kept so that the graph says who sat in the body and did not vote (the
    Human Rights Council's ``NO_VOTE``); no matrix reads them, and the
    computed tallies count them apart (:func:`graphkit.sources.votes.audit.computed_tallies`).
    """
    if table.non_votes is None or not len(table.non_votes):
        return ""
    d = table.dataset
    g = f"<{d.graph}>"
    act, pos, ev, who = d.act_prefix, d.position_prefix, f"{ID}evidence/{d.key}-", f"{ID}state/"
    t, p_act, p_stance, p_role, p_ev, p_who = (f"<{RDF.type}>", f"<{GK.act}>", f"<{GK.stance}>", f"<{GK.role}>",
                                               f"<{GK.evidence}>", f"<{GK.participant}>")
    nv = table.non_votes
    records = sorted(set(nv["rcid"].tolist()))
    head = "".join(f"<{pos}{r}/noVote> {t} <{GK.Position}> {g} .\n<{pos}{r}/noVote> {t} <{GK.VoteGroup}> {g} .\n"
                   f"<{pos}{r}/noVote> {p_act} <{act}{r}> {g} .\n<{pos}{r}/noVote> {p_stance} <{GK.noVote}> {g} .\n"
                   f"<{pos}{r}/noVote> {p_role} <{GK}{d.role}> {g} .\n<{pos}{r}/noVote> {p_ev} <{ev}{r}> {g} .\n"
                   for r in records)
    return head + "".join(f"<{pos}{r}/noVote> {p_who} <{who}{k}> {g} .\n" for r, k in zip(nv["rcid"], nv["key"]))


def vote_quad_count(table: VoteTable) -> int:
    """How many quads :func:`vote_nquads` writes: one per vote, six per side of each record (six per vote ungrouped).

    Examples
    --------
    >>> vote_quad_count(fixture_table())  # 19 votes; roll calls 101-104 have 2, 3, 2 and 3 sides
    79
    """
    if not table.dataset.grouped:
        return 6 * len(table.votes)
    sides = table.votes[["rcid", "value"]].drop_duplicates()
    return len(table.votes) + 6 * len(sides)
