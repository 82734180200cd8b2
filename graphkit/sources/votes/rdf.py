"""The RDF form of a vote table, as pyoxigraph quads in its dataset's named graph (any vote source).

Modelling (chosen by measuring, see ``bench/bench_unga.py`` and the README):

* each record is a ``gk:RecordedVote`` (``act/<dataset>-<id>``, e.g.
  ``act/unga-voeten-5495``) with its forum (``org:un-ga``, ``org:un-hrc`` ...),
  ``gk:date`` and ``gk:datePrecision``, ``gk:session``,
  ``gk:rollCallId``, ``gk:symbol``, the ``gk:amendmentVote`` /
  ``gk:paragraphVote`` / ``gk:importantVote`` flags when coded, its issues as
  ``gk:topic`` (``topic:unga-hr`` …), its description, and one ``gk:Evidence``
  citing the dataset row (dataset, release, roll-call id);
* the votes of one record are grouped by how they were cast: one position
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
  so the audits (:mod:`graphkit.sources.unga.audit`) can compare them with the votes.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from ...namespaces import DCTERMS, GK, ID, PROV, RDF, RDFS, SKOS, XSD
from .table import VoteTable

__all__ = ["roll_call_quads", "vote_nquads", "vote_quad_count", "describe_graph", "file_release"]

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
    yield ox.Quad(src, _n(RDFS.comment), _lit(
        f"Imported by {' '.join(d.import_command.split()[:3])}. In this graph each position is one side (yes, no or abstain) of "
        "one record, a gk:Position and gk:VoteGroup with gk:role gk:voter, the record's gk:evidence, and a gk:participant per "
        "state that voted that way; absence, non-voting and non-membership have no position.", lang="en"), g)
    if import_id:
        yield ox.Quad(src, _n(GK.importId), _lit(import_id), g)
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
        yield ox.Quad(act, _n(GK.evidence), ev, g)
        yield ox.Quad(ev, t, _n(GK.Evidence), g)
        yield ox.Quad(ev, _n(PROV.wasDerivedFrom), src, g)
        yield ox.Quad(ev, _n(GK.excerpt), _lit(f"rcid {rcid}; session {rc['session']}; date {rc['raw_date'].date()}; "
                                                f"symbol {symbol or '(none)'}; line {rc['line']}"), g)
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
    sides = sorted({(r, int(v)) for r, v in zip(rcids.tolist(), values.tolist())})
    t, p_act, p_stance, p_role, p_ev = (f"<{RDF.type}>", f"<{GK.act}>", f"<{GK.stance}>", f"<{GK.role}>", f"<{GK.evidence}>")
    position, group, voter = f"<{GK.Position}>", f"<{GK.VoteGroup}>", f"<{GK.voter}>"
    yield "".join(
        f"<{pos}{r}/{_STANCE[v]}> {t} {position} {g} .\n<{pos}{r}/{_STANCE[v]}> {t} {group} {g} .\n"
        f"<{pos}{r}/{_STANCE[v]}> {p_act} <{act}{r}> {g} .\n<{pos}{r}/{_STANCE[v]}> {p_stance} <{GK}{_STANCE[v]}> {g} .\n"
        f"<{pos}{r}/{_STANCE[v]}> {p_role} {voter} {g} .\n<{pos}{r}/{_STANCE[v]}> {p_ev} <{ev}{r}> {g} .\n"
        for r, v in sides).encode(), 0
    p_who = f"<{GK.participant}>"
    for start in range(0, len(rcids), chunk):
        stop = start + chunk
        yield "".join(
            f"<{pos}{r}/{_STANCE[v]}> {p_who} <{who}{k}> {g} .\n"
            for r, k, v in zip(rcids[start:stop], keys[start:stop], values[start:stop].tolist())).encode(), min(stop, len(rcids)) - start


def vote_quad_count(table: VoteTable) -> int:
    """How many quads :func:`vote_nquads` writes: one per vote, six per side of each record.

    Examples
    --------
    >>> vote_quad_count(fixture_table())  # 19 votes; roll calls 101-104 have 2, 3, 2 and 3 sides
    79
    """
    sides = table.votes[["rcid", "value"]].drop_duplicates()
    return len(table.votes) + 6 * len(sides)
