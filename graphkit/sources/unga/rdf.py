"""The RDF form of UNGA roll calls and votes, as pyoxigraph quads in one named graph.

Modelling (chosen by measuring, see ``bench/bench_unga.py`` and the README):

* each roll call is a ``gk:RecordedVote`` (``act/unga-voeten-<rcid>``) with its
  forum (``org:un-ga``), ``gk:date`` and ``gk:datePrecision``, ``gk:session``,
  ``gk:rollCallId``, ``gk:symbol``, the ``gk:amendmentVote`` /
  ``gk:paragraphVote`` / ``gk:importantVote`` flags when coded, its issues as
  ``gk:topic`` (``topic:unga-hr`` …), its description, and one ``gk:Evidence``
  citing the dataset row (dataset, release, roll-call id);
* each vote is a position node ``position/unga-voeten-<rcid>/<KEY>`` with
  exactly three triples: ``gk:act``, ``gk:participant``, ``gk:stance``
  (``gk:yes`` / ``gk:no`` / ``gk:abstain``). Its type (``gk:Position``), role
  (``gk:voter``) and evidence (its act's) are implied by the graph and stated
  once, in the graph's description — five more triples per vote would make the
  import 2.7 times slower for facts that never vary;
* a file's own tally columns become ``gk:ReportedCount`` nodes on the roll call,
  so :mod:`graphkit.sources.unga.audit` can compare them with the votes.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox

from ...namespaces import DCTERMS, GK, ID, PROV, RDF, RDFS, SKOS, XSD
from .readers import ISSUE_NAMES, VoteTable

__all__ = ["graph_iri_for", "act_key", "roll_call_quads", "vote_nquads", "describe_graph", "file_release", "GRAPHS"]

#: Named graph per layout (agreed with the SPARQL helper: one graph per data source).
GRAPHS = {"voeten": f"{ID}graph/unga-voeten", "undl": f"{ID}graph/unga-undl"}
_STANCE = {1: "yes", 0: "abstain", -1: "no"}


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def graph_iri_for(layout: str) -> ox.NamedNode:
    """The named graph a layout is imported into."""
    return ox.NamedNode(GRAPHS[layout])


def act_key(layout: str, rcid: str) -> str:
    """The act identifier of a roll call: ``unga-voeten-5495``."""
    return f"unga-{layout}-{rcid}"


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


def describe_graph(table: VoteTable, release: str, title: str | None = None):
    """Quads describing the source dataset, its topics and the implied facts of the graph."""
    g = graph_iri_for(table.layout)
    src = _n(ID[f"source/unga-{table.layout}-dataset"])
    title = title or {"voeten": "United Nations General Assembly Voting Data (Erik Voeten), CSV layout of the R package unvotes",
                      "undl": "UN Digital Library, General Assembly voting data (CSV)"}[table.layout]
    yield ox.Quad(src, _n(RDF.type), _n(GK.Source), g)
    yield ox.Quad(src, _n(DCTERMS.title), _lit(title, lang="en"), g)
    yield ox.Quad(src, _n(GK.sourceKind), _lit("dataset"), g)
    yield ox.Quad(src, _n(DCTERMS.identifier), _lit(release), g)
    yield ox.Quad(src, _n(RDFS.comment), _lit(
        "Imported by graphkit import unga. In this graph every subject with gk:act is a gk:Position with gk:role "
        "gk:voter whose evidence is its act's gk:evidence; absence, non-voting and non-membership have no position.", lang="en"), g)
    for code, name in sorted({**ISSUE_NAMES, **table.issue_names}.items()):
        if not any(code in issues for issues in table.roll_calls["issues"]):
            continue
        t = _n(ID[f"topic/unga-{code}"])
        yield ox.Quad(t, _n(RDF.type), _n(GK.Topic), g)
        yield ox.Quad(t, _n(RDF.type), _n(SKOS.Concept), g)
        yield ox.Quad(t, _n(SKOS.inScheme), _n(ID["topic/scheme"]), g)
        yield ox.Quad(t, _n(SKOS.prefLabel), _lit(f"{name} (UNGA issue code {code})", lang="en"), g)
        yield ox.Quad(t, _n(SKOS.notation), _lit(code), g)


def roll_call_quads(table: VoteTable):
    """Quads of every roll call: the act, its evidence and reported tallies."""
    g = graph_iri_for(table.layout)
    src = _n(ID[f"source/unga-{table.layout}-dataset"])
    t, un_ga = _n(RDF.type), _n(ID["org/un-ga"])
    for rcid, rc in table.roll_calls.iterrows():
        key = act_key(table.layout, rcid)
        act, ev = _n(ID[f"act/{key}"]), _n(ID[f"evidence/{key}"])
        symbol = rc["symbol"] or ""
        label = f"UNGA roll call {rcid}" + (f", session {rc['session']}" if rc["session"] is not None and str(rc["session"]) != "<NA>" else "") \
            + (f": {symbol}" if symbol else "") + (f" — {rc['short'].strip()}" if rc.get("short") else "")
        yield ox.Quad(act, t, _n(GK.RecordedVote), g)
        yield ox.Quad(act, _n(RDFS.label), _lit(label, lang="en"), g)
        yield ox.Quad(act, _n(GK.forum), un_ga, g)
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
            yield ox.Quad(act, _n(GK.topic), _n(ID[f"topic/unga-{code}"]), g)
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


def vote_nquads(table: VoteTable, chunk: int = 250_000):
    """The votes as N-Quads bytes, ``chunk`` votes at a time: three quads per vote (act, participant, stance).

    Text for the store's bulk loader, which parses it in Rust: building Python
    quad objects for 870,000 votes costs more than the load itself.
    """
    g = f"<{GRAPHS[table.layout]}>"
    p_act, p_who, p_stance = (f"<{GK}{p}>" for p in ("act", "participant", "stance"))
    stances = {v: f"<{GK}{s}>" for v, s in _STANCE.items()}
    act = f"{ID}act/unga-{table.layout}-"
    pos = f"{ID}position/unga-{table.layout}-"
    who = f"{ID}state/"
    rcids, keys, values = table.votes["rcid"].to_numpy(), table.votes["key"].to_numpy(), table.votes["value"].to_numpy()
    for start in range(0, len(rcids), chunk):
        stop = start + chunk
        yield "".join(
            f"<{pos}{r}/{k}> {p_act} <{act}{r}> {g} .\n<{pos}{r}/{k}> {p_who} <{who}{k}> {g} .\n"
            f"<{pos}{r}/{k}> {p_stance} {stances[v]} {g} .\n"
            for r, k, v in zip(rcids[start:stop], keys[start:stop], values[start:stop].tolist())).encode(), min(stop, len(rcids)) - start
