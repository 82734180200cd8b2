"""Read the Security Council's vetoes (World Politics Data Lab's CSV of the UN library's veto list), checking every row.

One row per vetoed draft (quoted fields may hold line breaks: lines are the
file's physical lines). Columns used, matched without case:

``date``
    M/D/YYYY (``2/16/1946``).
``draft``
    The draft's symbol (for the early years the meeting's, ``S/PV.23``).
``meeting_record``, ``agenda_item``
    The meeting record(s) and the agenda item, as the file writes them.
``member_veto1`` … ``member_veto3``
    The members that vetoed it, by name: ``China``, ``France``, ``Russia``,
    ``USSR``, ``UK``, ``USA``.
``China``, ``France``, ``Russia``, ``USSR``, ``USA``, ``UK``
    The file's own 0/1 coding of the same vetoes.
``crisis_topic``, ``region`` (optional)
    The scraper's own coding, kept in the record's description.

A member name is resolved by the one state resolver: through its dated
``gk:CodeAssignment`` of the code list ``unsc-vetoes`` when
``data/historic-entities.ttl`` has one (``USSR`` is SUN until 1991-12-23,
``Russia`` RUS from 1991-12-24, ``China`` the Republic of China's seat until
25 October 1971), otherwise by name. Each vetoing member becomes a position:
stance ``gk:no``, role ``gk:veto``. The two codings are both kept: each
position is listed in the record's member-column list, its flag-column list,
or both (``gk:listedIn``), and the flags' sum is the record's reported count of
``no`` — so ``graphkit audit`` lists every record where they disagree.

Every problem — a date that is not a date, an unknown member, a member named
outside its period (``Russia`` in 1985), a member named twice, a flag other
than 0 or 1, a record that names no vetoing member — raises a typed error
naming the file and line. Nothing is returned until every row passed.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pyoxigraph as ox
from rdflib import Graph

from ...errors import DataError, InputError, UnknownStateError
from ...graph.states import StateResolver
from ...namespaces import DCTERMS, GK, ID, PROV, RDF, RDFS
from ..votes.dataset import VoteDataset
from ..votes.table import VoteTable, open_text

__all__ = ["read_vetoes", "DATASET", "MEMBERS", "UNSC_NOTE", "veto_memberships"]

#: The member names of the file (member columns and flag columns alike).
MEMBERS = ("China", "France", "Russia", "USSR", "UK", "USA")

#: What an item is and what N counts for the vetoes.
UNSC_NOTE = ("an item is one draft vetoed in the Security Council; a state's position there is its veto (stance no); "
             "the file records only the vetoing permanent members, so N counts the drafts both states vetoed")

DATASET = VoteDataset(
    "unsc-vetoes", "unsc", "un-sc",
    "Security Council vetoes 1946–2022, from the UN Dag Hammarskjöld Library's veto list (coded by the World Politics "
    "Data Lab, unsc_vetoes_1946_sept2022.csv)",
    "UNSC vetoed draft", "graphkit import unsc-vetoes FILE.csv",
    provenance=(
        "Copy: GitHub repository world-politics-datalab/vetoes-un-security-council, file unsc_vetoes_1946_sept2022.csv "
        "added in commit f389b3ff3681e1b39102bb6c76640b9973496992 (2022-09-16); HEAD 661c5246872143cf16e500e4e7f2f70a45df5ac8.",
        "Original publisher: UN Dag Hammarskjöld Library, veto list (https://research.un.org/en/docs/sc/quick/veto), "
        "scraped and coded by Carlos L. Yordan (World Politics Data Lab). Licence: MIT (the repository's LICENSE).",
        "Known gaps: the last record is 8 July 2022 (the vetoes of 2023 and later are missing); for early years the "
        "draft column holds a meeting symbol; crisis_topic and region are the scraper's own coding; the 0/1 member "
        "columns miss some vetoes that the member_veto columns name (graphkit audit lists them).",
    ),
    url="https://github.com/world-politics-datalab/vetoes-un-security-council/blob/"
        "f389b3ff3681e1b39102bb6c76640b9973496992/unsc_vetoes_1946_sept2022.csv",
    note=UNSC_NOTE, role="veto", grouped=False)

_REQUIRED = ("date", "draft", "meeting_record", "agenda_item", "member_veto1", "member_veto2", "member_veto3") + MEMBERS
_OPTIONAL = ("crisis_topic", "region")


def _rows(path: Path) -> list[tuple[int, dict]]:
    """(first physical line, row) for every record; columns matched without case."""
    out = []
    try:
        with open_text(path) as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            lower = {h.strip().lower(): i for i, h in enumerate(header)}
            missing = [c for c in _REQUIRED if c.lower() not in lower]
            if missing:
                raise InputError(f"missing column(s) {', '.join(missing)}", file=path, line=1,
                                 hint="the veto file has date, draft, meeting_record, agenda_item, member_veto1–3 and "
                                      "the 0/1 columns " + ", ".join(MEMBERS))
            index = {c: lower[c.lower()] for c in _REQUIRED + _OPTIONAL if c.lower() in lower}
            start = 2
            for record in reader:
                if record:
                    if len(record) < len(header):
                        raise InputError(f"row has {len(record)} fields, the header {len(header)}", file=path, line=start,
                                         hint="one row per vetoed draft, quoted where a field holds a comma or a line break")
                    out.append((start, {c: record[i].strip() for c, i in index.items()}))
                start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", file=path, hint="save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", file=path, hint="comma-separated, a header row") from None
    return out


def _date(text: str, path, line) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%m/%d/%Y").date()
    except ValueError:
        raise DataError(f"date {text!r} is not a date", file=path, line=line, value=text,
                        hint="write M/D/YYYY as the file does, for example 7/8/2022") from None


def _member(identity: StateResolver, name: str, day: dt.date, path, line) -> str:
    """The key of a member name on a day: dated assignments of the code list ``unsc-vetoes`` first, else the name."""
    if name not in MEMBERS:
        raise UnknownStateError(f"unknown member {name!r}", file=path, line=line, value=name,
                                hint="valid: " + ", ".join(MEMBERS))
    try:
        if any(a.code_list == "unsc-vetoes" and a.code == name for a in identity.assignments):
            return identity.resolve_code("unsc-vetoes", name, day)
        return identity.resolve(name)
    except UnknownStateError as exc:
        raise UnknownStateError(str(exc.args[0]).replace("country code", "member"), file=path, line=line, value=name,
                                hint=exc.hint) from None


def veto_memberships(data) -> dict[str, str]:
    """State key → the IRI of its Security Council membership with veto power, from a data folder's ``standing/`` (or a graph).

    Examples
    --------
    >>> from graphkit.resources import DEFAULT_DATA
    >>> sorted(veto_memberships(DEFAULT_DATA))
    ['CHN', 'FRA', 'GBR', 'RUS', 'USA']
    """
    if isinstance(data, Graph):
        graph = data
    else:
        graph = Graph()
        for path in sorted((Path(data) / "standing").glob("*.ttl")):
            graph.parse(path, format="turtle")
    out = {}
    for m in graph.subjects(GK.organisation, ID["org/un-sc"]):
        member, veto = graph.value(m, GK.member), graph.value(m, GK.hasVeto)
        if member is not None and veto is not None and veto.toPython() is True:
            out[str(member).rsplit("/", 1)[-1]] = str(m)
    return out


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def read_vetoes(path, *, identity: StateResolver, memberships: dict[str, str] | None = None) -> VoteTable:
    """Read the veto file; see the module docstring.

    Parameters
    ----------
    identity : StateResolver
        Resolves member names (dated for USSR, Russia and China).
    memberships : dict, optional
        State key → its Security Council membership IRI (:func:`veto_memberships`):
        each veto of that state is linked to it (``gk:underMembership``).

    Raises
    ------
    InputError
        The file is missing, unreadable or lacks a column.
    DataError, UnknownStateError
        A bad value, naming the file and line.
    """
    path = Path(path)
    memberships = memberships or {}
    rows = _rows(path)
    records, votes = [], []
    per_day: dict[dt.date, int] = {}
    parsed = []
    for line, row in rows:
        day = _date(row["date"], path, line)
        per_day[day] = per_day.get(day, 0) + 1
        parsed.append((line, row, day))
    seen_day: dict[dt.date, int] = {}
    d = DATASET
    g = _n(d.graph)
    extra = []
    for line, row, day in parsed:
        seen_day[day] = seen_day.get(day, 0) + 1
        rcid = day.isoformat() + (f"-{seen_day[day]}" if per_day[day] > 1 else "")
        named: dict[str, str] = {}
        for col in ("member_veto1", "member_veto2", "member_veto3"):
            name = row[col]
            if not name:
                continue
            if name in named:
                raise DataError(f"duplicated vote: {name} vetoes draft {row['draft']!r} twice ({named[name]} and {col})",
                                file=path, line=line, value=name, hint="name each vetoing member once")
            named[name] = col
        flags = {}
        for name in MEMBERS:
            text = row[name]
            if text not in ("0", "1", ""):
                raise DataError(f"column {name}: {text!r} is not a 0/1 flag", file=path, line=line, value=text,
                                hint="write 1 (vetoed), 0 or leave it empty")
            if text == "1":
                flags[name] = True
        if not named and not flags:
            raise DataError(f"draft {row['draft']!r} names no vetoing member", file=path, line=line, value=row["draft"],
                            hint="name the member in member_veto1 (China, France, Russia, USSR, UK or USA)")
        act = _n(d.act(rcid))
        member_list, flag_list = _n(ID[f"list/{d.key}-{rcid}-members"]), _n(ID[f"list/{d.key}-{rcid}-flags"])
        for lst, kind, excerpt in (
                (member_list, "member columns", "; ".join(f"{c} {n}" for n, c in named.items()) or "(none)"),
                (flag_list, "flag columns", "; ".join(f"{n} {'1' if n in flags else row[n] or '(empty)'}" for n in MEMBERS))):
            ev = _n(ID[f"evidence/{d.key}-{rcid}-{kind.split()[0]}"])
            extra += [ox.Quad(lst, _n(RDF.type), _n(GK.SignatoryList), g), ox.Quad(lst, _n(GK.listOf), act, g),
                      ox.Quad(lst, _n(DCTERMS.type), ox.Literal(kind), g),
                      ox.Quad(lst, _n(RDFS.label), ox.Literal(f"the file's {kind}, line {line}", language="en"), g),
                      ox.Quad(lst, _n(GK.evidence), ev, g), ox.Quad(ev, _n(RDF.type), _n(GK.Evidence), g),
                      ox.Quad(ev, _n(PROV.wasDerivedFrom), _n(d.dataset_iri), g),
                      ox.Quad(ev, _n(GK.excerpt), ox.Literal(f"line {line}: {excerpt}"), g)]
        keys = {}
        for name in list(named) + [n for n in MEMBERS if n in flags and n not in named]:
            key = _member(identity, name, day, path, line)
            if key in keys.values():
                raise DataError(f"duplicated vote: {key} ({name}) vetoes draft {row['draft']!r} twice", file=path, line=line,
                                value=name, hint="name each vetoing member once")
            keys[name] = key
            pos = _n(f"{d.position_prefix}{rcid}/{key}")
            if name in named:        # the position itself (type, act, stance, role, evidence) is the vote's (rdf.vote_nquads)
                extra.append(ox.Quad(pos, _n(GK.listedIn), member_list, g))
            if name in flags:
                extra.append(ox.Quad(pos, _n(GK.listedIn), flag_list, g))
            if key in memberships:
                extra.append(ox.Quad(pos, _n(GK.underMembership), _n(memberships[key]), g))
            votes.append({"rcid": rcid, "code": name, "key": key, "value": -1, "line": line})
        meeting = " ".join(row["meeting_record"].split())
        if meeting:
            extra.append(ox.Quad(act, _n(GK.meetingRecord), ox.Literal(meeting), g))
        coding = "; ".join(f"{label} {row[c]}" for c, label in (("crisis_topic", "crisis topic"), ("region", "region"))
                           if row.get(c))
        records.append({"rcid": rcid, "symbol": " ".join(row["draft"].split()), "raw_date": pd.Timestamp(day),
                        "short": " ".join(row["agenda_item"].split()), "agenda": " ".join(row["agenda_item"].split()),
                        "descr": f"Vetoed draft {row['draft']}; meeting record {meeting or '(none)'}"
                                 + (f"; the file's coding (World Politics Data Lab): {coding}" if coding else ""),
                        "no": len(flags), "line": line})
    rc = pd.DataFrame(records, columns=["rcid", "symbol", "raw_date", "short", "agenda", "descr", "no", "line"]).set_index("rcid")
    rc["raw_date"] = pd.to_datetime(rc["raw_date"])
    rc["date"] = rc["raw_date"]
    rc["precision"] = "day"
    rc["session"] = pd.array([pd.NA] * len(rc), dtype="Int64")
    rc["no"] = rc["no"].astype("Int64")
    for col in ("yes", "abstain"):
        rc[col] = pd.array([pd.NA] * len(rc), dtype="Int64")
    for col in ("amend", "para", "important"):
        rc[col] = pd.array([pd.NA] * len(rc), dtype="boolean")
    rc["adopted"] = pd.array([False] * len(rc), dtype="boolean")
    rc["record_kind"] = "vetoed draft"
    rc["issues"] = [()] * len(rc)
    v = pd.DataFrame(votes, columns=["rcid", "code", "key", "value", "line"])
    v["value"] = v["value"].astype(np.int8)
    per_record = v["rcid"].value_counts()
    differ = int(sum(int(n) != int(per_record.get(r, 0)) for r, n in zip(rc.index, rc["no"])))
    notes = [f"{differ} record(s) where the file's 0/1 columns and its member_veto columns disagree: both are kept "
             "(graphkit audit lists them)"] if differ else []
    return VoteTable(DATASET, rc, v, {}, [str(path)], 0, None, extra, notes)
