"""Read the Human Rights Council's recorded votes — three CSV exports or the SQLite file — checking every row.

The data (``tsujamin/unhrc-nominate``, read from the UN Library's voting
records) has three tables, as CSV files or as tables of one SQLite file:

``votes`` (``hrc_votes.csv``)
    ``resolution_name`` (the record's symbol), ``country_short`` (ISO 3166-1
    alpha-3), ``vote``: ``YES`` / ``NO`` / ``ABSTAIN``, or ``NO_VOTE`` for a
    member recorded as not voting (kept in the graph as ``gk:noVote``, no
    position in any matrix).
``resolutions`` (``hrc_resolutions.csv``)
    ``name`` (the symbol: ``A/HRC/RES/51/1``, ``A/HRC/DEC/1/106``, the draft
    ``A/HRC/51/L.43``), ``vote_date`` (``YYYY/MM/DD``), ``summary`` (the title,
    ending with its document type), ``agenda`` (report, agenda item, subject
    headings), ``passed`` (1 adopted, 0 rejected); ``type`` is read but not
    kept (the symbol and the title's type decide the kind; :mod:`.records`).
``countries`` (``hrc_countries.csv``, optional with CSV)
    ``country_short``, ``country_long``; ``category`` (the repository
    author's own North/South label) is not imported.

Every problem — an unknown vote code, a vote for a record that is not in the
file, a duplicated vote, a country code that denotes no state (or is missing
from the countries table), a date that is not a date, a ``passed`` that is
neither 0 nor 1 — raises a typed error naming the file and line (for SQLite:
the table and rowid) and what would be valid. Nothing is returned, and so
nothing imported, until every row passed.
"""
from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError, InputError, UnknownStateError
from ...graph.states import StateResolver
from ..votes.dataset import VoteDataset
from ..votes.table import VoteTable, open_text
from .curated import match_curated
from .records import AGENDA_ITEMS, clean_title, parse_agenda, parse_symbol, record_id, record_kind
from .quads import record_quads

__all__ = ["read_hrc", "read_hrc_csv", "read_hrc_sqlite", "DATASET", "VOTE_CODES", "HRC_NOTE", "is_sqlite"]

#: The file's vote codes → +1 yes / 0 abstain / −1 no; None: recorded as not voting (gk:noVote).
VOTE_CODES = {"YES": 1, "NO": -1, "ABSTAIN": 0, "NO_VOTE": None}

#: What an item is and what N counts (the Council's membership changes every year).
HRC_NOTE = ("an item is one recorded vote of the Human Rights Council; its 47 members change every year (three-year "
            "terms), so N counts only the votes both states cast as members in the same vote (yes, no or abstain); "
            "a member recorded as not voting (NO_VOTE), an absent member and a non-member have no position")

#: The dataset: one named graph, whichever form (CSV or SQLite) it was read from.
DATASET = VoteDataset(
    "hrc", "hrc", "un-hrc",
    "UN Human Rights Council recorded votes 2006–2024, from the UN Library's voting records "
    "(scraped by the tsujamin/unhrc-nominate project)",
    "HRC recorded vote", "graphkit import hrc VOTES RESOLUTIONS [COUNTRIES] (or FILE.sqlite3)", AGENDA_ITEMS,
    provenance=(
        "Copy: GitHub repository tsujamin/unhrc-nominate, file votes.sqlite3 at commit "
        "9c7d142b8889a18f11b1dfe7e1530000e7c2b90f (branch 2024-thesis, 2025-01-11); the CSV files are exports of its "
        "three tables.",
        "Original publisher: OHCHR / UN Library voting records (searchlibrary.ohchr.org, collection Voting, Human Rights "
        "Council, recorded votes): MARC field 791 symbol, 269 date, 245 title, 991 agenda, 967 country and vote.",
        "Licence: none stated by the repository (it has no LICENSE file); the underlying UN records fall under the "
        "UN terms of use.",
        "Known gaps: A/HRC/51/L.6 (6 October 2022, the rejected draft decision on a debate on Xinjiang) is not in the "
        "file; 8 records have no votes and 15 fewer than 47; some votes are keyed by the draft symbol.",
    ),
    url="https://github.com/tsujamin/unhrc-nominate/tree/9c7d142b8889a18f11b1dfe7e1530000e7c2b90f",
    seats=47, note=HRC_NOTE)

_SQLITE_MAGIC = b"SQLite format 3\x00"
_TABLES = {
    "votes": (("resolution_name", "country_short", "vote"), ()),
    "resolutions": (("name", "vote_date", "summary", "agenda", "passed"), ("type",)),
    "countries": (("country_short",), ("country_long",)),
}


def is_sqlite(path) -> bool:
    """Whether ``path`` is an SQLite database file (by its first 16 bytes)."""
    path = Path(path)
    if not path.is_file():
        return False
    with path.open("rb") as fh:
        return fh.read(16) == _SQLITE_MAGIC


@dataclass
class _Frame:
    """One table's rows as strings, with where each row is: ``file`` and ``line`` (CSV) or ``file`` alone (SQLite)."""

    rows: pd.DataFrame
    kind: str                 # "csv" or "sqlite"

    def where(self, row) -> dict:
        return {"file": row["_file"], "line": int(row["_line"]) if self.kind == "csv" else None}

    def at(self, row) -> str:
        return f"line {int(row['_line'])}" if self.kind == "csv" else f"rowid {int(row['_line'])}"


def _read_csv(path: Path, table: str) -> _Frame:
    required, optional = _TABLES[table]
    rows, lines = [], []
    try:
        with open_text(path) as fh:
            reader = csv.reader(fh)
            header = [h.strip().lower() for h in next(reader, [])]
            missing = [c for c in required if c not in header]
            if missing:
                raise InputError(f"missing column(s) {', '.join(missing)} of the {table} table", file=path, line=1,
                                 hint=f"the {table} CSV has the columns " + ", ".join(required + optional))
            index = {c: header.index(c) for c in required + optional if c in header}
            start = 2
            for record in reader:
                if record:
                    if len(record) < len(header):
                        raise InputError(f"row has {len(record)} fields, the header {len(header)}", file=path,
                                         line=start, hint="one row per record, comma-separated, quoted where needed")
                    rows.append({c: record[i] for c, i in index.items()})
                    lines.append(start)
                start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", file=path, hint="save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", file=path, hint="one row per record, comma-separated, a header row") from None
    frame = pd.DataFrame(rows, columns=list(required + optional), dtype=object).fillna("")
    frame["_file"] = str(path)
    frame["_line"] = np.asarray(lines, dtype=np.int64)
    return _Frame(frame, "csv")


def _read_table(db: sqlite3.Connection, path: Path, table: str) -> _Frame:
    required, optional = _TABLES[table]
    columns = [r[1].lower() for r in db.execute(f"PRAGMA table_info({table})")]
    if not columns:
        raise InputError(f"no table {table!r} in the SQLite file", file=path,
                         hint="the file needs the tables votes, resolutions and countries of tsujamin/unhrc-nominate")
    missing = [c for c in required if c not in columns]
    if missing:
        raise InputError(f"table {table} has no column(s) {', '.join(missing)}", file=path,
                         hint=f"table {table} needs " + ", ".join(required))
    wanted = [c for c in required + optional if c in columns]
    cursor = db.execute(f"SELECT rowid, {', '.join(wanted)} FROM {table} ORDER BY rowid")
    data = cursor.fetchall()
    frame = pd.DataFrame([[("" if v is None else str(v)) for v in r[1:]] for r in data], columns=wanted, dtype=object)
    for c in optional:
        if c not in frame:
            frame[c] = ""
    frame["_line"] = np.asarray([r[0] for r in data], dtype=np.int64)
    frame["_file"] = [f"{path} [table {table}, rowid {r[0]}]" for r in data]
    return _Frame(frame, "sqlite")


def read_hrc_csv(votes, resolutions, countries=None, *, identity: StateResolver, curated=()) -> VoteTable:
    """Read the three CSV exports (``countries`` optional); see the module docstring for the columns."""
    frames = {"votes": _read_csv(Path(votes), "votes"), "resolutions": _read_csv(Path(resolutions), "resolutions")}
    if countries is not None:
        frames["countries"] = _read_csv(Path(countries), "countries")
    files = [str(p) for p in (votes, resolutions, countries) if p is not None]
    return _table(frames, identity, files, curated)


def read_hrc_sqlite(path, *, identity: StateResolver, curated=()) -> VoteTable:
    """Read the SQLite file (tables ``votes``, ``resolutions``, ``countries``), opened read-only."""
    path = Path(path)
    if not is_sqlite(path):
        raise InputError("not an SQLite database file", file=path,
                         hint="give the .sqlite3 file, or the CSV files VOTES RESOLUTIONS [COUNTRIES]")
    try:
        db = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InputError(f"cannot open the SQLite file ({exc})", file=path, hint="check the file") from None
    try:
        frames = {t: _read_table(db, path, t) for t in ("votes", "resolutions", "countries")}
    except sqlite3.DatabaseError as exc:
        raise InputError(f"cannot read the SQLite file ({exc})", file=path, hint="check the file") from None
    finally:
        db.close()
    return _table(frames, identity, [str(path)], curated)


def read_hrc(votes, resolutions=None, countries=None, *, identity: StateResolver, curated=()) -> VoteTable:
    """Read either form: one SQLite file, or the CSV files ``VOTES RESOLUTIONS [COUNTRIES]``.

    Parameters
    ----------
    identity : StateResolver
        Resolves the country codes (``resolve_code("iso3", code, day)``).
    curated : iterable of CuratedVote
        The curated recorded votes of the Council (:func:`.curated.curated_votes`):
        the notes name a record with the same symbol and date (the store links
        it to its curated act, ``gk:sameVoteAs``) and a curated vote the file lacks.

    Raises
    ------
    InputError
        A file is missing, unreadable, or lacks a table or column.
    DataError, UnknownStateError
        A bad value, naming the file and line (or table and rowid).
    """
    if is_sqlite(votes):
        if resolutions is not None:
            raise InputError("an SQLite file holds all three tables: give it alone", value=str(resolutions),
                             hint="graphkit import hrc unhrc_votes.sqlite3")
        return read_hrc_sqlite(votes, identity=identity, curated=curated)
    if resolutions is None:
        if not Path(votes).is_file():
            raise InputError(f"file {votes} does not exist", file=votes, hint="give the .sqlite3 file or the CSV files")
        raise InputError("a CSV votes file needs its resolutions file", file=votes,
                         hint="graphkit import hrc hrc_votes.csv hrc_resolutions.csv [hrc_countries.csv]")
    return read_hrc_csv(votes, resolutions, countries, identity=identity, curated=curated)


# ---------------------------------------------------------------------------------------------- checks


def _date(text: str) -> dt.date | None:
    for pattern in ("%Y/%m/%d", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _records(f: _Frame) -> pd.DataFrame:
    """The resolutions table checked: symbols unique and readable as ids, dates dates, passed 0 or 1."""
    rows = f.rows
    out = []
    seen: dict[str, str] = {}
    for _, row in rows.iterrows():
        symbol = " ".join(row["name"].split())
        if not symbol:
            raise DataError("a record without its symbol (name is empty)", **f.where(row),
                            hint="every record needs its UN symbol, e.g. A/HRC/RES/51/1")
        rcid = record_id(symbol)
        if rcid in seen:
            raise DataError(f"record {symbol!r} appears twice (first at {seen[rcid]})", **f.where(row), value=symbol,
                            hint="one row per recorded vote")
        seen[rcid] = f.at(row)
        day = _date(row["vote_date"])
        if day is None:
            raise DataError(f"vote_date {row['vote_date']!r} is not a date", **f.where(row), value=row["vote_date"],
                            hint="write YYYY/MM/DD as the file does, for example 2022/10/06")
        passed = row["passed"].strip().lower()
        if passed not in ("0", "1", "true", "false"):
            raise DataError(f"passed {row['passed']!r} is neither 0 nor 1", **f.where(row), value=row["passed"],
                            hint="1 adopted, 0 rejected")
        sym = parse_symbol(symbol)
        kind = record_kind(sym, row["summary"])
        agenda = parse_agenda(row["agenda"])
        out.append({
            "rcid": rcid, "symbol": symbol, "raw_date": pd.Timestamp(day), "session": sym.session if sym and not sym.special else pd.NA,
            "special": sym.session if sym and sym.special else None, "short": clean_title(row["summary"]),
            "record_kind": kind, "adopted": passed in ("1", "true"),
            "amend": {"amendment": True, "resolution": False, "decision": False, "draft": False}.get(kind, pd.NA),
            "agenda": agenda.text, "issues": (agenda.item,) if agenda.item else (), "subjects": agenda.subjects,
            "line": int(row["_line"]), "locator": f"{Path(row['_file'].split(' [')[0]).name} {f.at(row)}"
                                                   if f.kind == "csv" else f"table resolutions, rowid {int(row['_line'])}"})
    rc = pd.DataFrame(out, columns=["rcid", "symbol", "raw_date", "session", "special", "short", "record_kind", "adopted",
                                    "amend", "agenda", "issues", "subjects", "line", "locator"]).set_index("rcid")
    rc["session"] = rc["session"].astype("Int64")
    rc["raw_date"] = pd.to_datetime(rc["raw_date"])
    rc["date"] = rc["raw_date"]
    rc["precision"] = "day"
    rc["amend"] = rc["amend"].astype("boolean")
    rc["adopted"] = rc["adopted"].astype("boolean")
    for col in ("para", "important"):
        rc[col] = pd.array([pd.NA] * len(rc), dtype="boolean")
    for col in ("yes", "no", "abstain"):
        rc[col] = pd.array([pd.NA] * len(rc), dtype="Int64")
    rc["descr"] = ""
    return rc


def _resolve(identity: StateResolver, code: str, day: dt.date, where: dict) -> str:
    try:
        return identity.resolve_code("iso3", code, day)
    except UnknownStateError as exc:
        raise UnknownStateError(str(exc.args[0]), **where, value=code, hint=exc.hint) from None


def _table(frames: dict[str, _Frame], identity: StateResolver, files: list[str], curated) -> VoteTable:
    rec = frames["resolutions"]
    rc = _records(rec)
    by_symbol = {s: r for r, s in zip(rc.index, rc["symbol"])}
    last_day = rc["raw_date"].max().date() if len(rc) else dt.date.today()
    listed = None
    if "countries" in frames:
        cf = frames["countries"]
        listed = {}
        for _, row in cf.rows.iterrows():
            code = row["country_short"].strip()
            if code in listed:
                raise DataError(f"country {code!r} appears twice in the countries table (first at {listed[code]})",
                                **cf.where(row), value=code, hint="one row per country")
            _resolve(identity, code, last_day, cf.where(row))
            listed[code] = cf.at(row)
    vf = frames["votes"]
    v = vf.rows
    v = v.assign(symbol=v["resolution_name"].map(lambda s: " ".join(s.split())), code=v["country_short"].str.strip(),
                 vote=v["vote"].str.strip().str.upper())
    bad = ~v["vote"].isin(list(VOTE_CODES))
    if bad.any():
        row = v[bad].iloc[0]
        raise DataError(f"unknown vote code {row['vote']!r}", **vf.where(row), value=row["vote"],
                        hint="valid: " + ", ".join(repr(c) for c in VOTE_CODES))
    rcid = v["symbol"].map(by_symbol)
    missing = rcid.isna()
    if missing.any():
        row = v[missing].iloc[0]
        raise DataError(f"vote for record {row['symbol']!r}, which is not in the resolutions table", **vf.where(row),
                        value=row["symbol"], hint="add the record to the resolutions table, or drop its votes")
    v = v.assign(rcid=rcid)
    if listed is not None:
        unlisted = ~v["code"].isin(list(listed))
        if unlisted.any():
            row = v[unlisted].iloc[0]
            raise UnknownStateError(f"country code {row['code']!r} is not in the countries table", **vf.where(row),
                                    value=row["code"], hint="add it to the countries table, or correct the code")
    v = v.assign(day=rc.loc[v["rcid"], "raw_date"].dt.date.to_numpy())
    dated = {a.code for a in identity.assignments if a.code_list == "iso3"}
    keys = {}                       # one lookup per code (per code and day for codes whose meaning changes)
    for _, row in v.drop_duplicates("code").iterrows():
        if row["code"] not in dated:
            keys[row["code"]] = _resolve(identity, row["code"], row["day"], vf.where(row))
    is_dated = v["code"].isin(list(dated)).to_numpy()
    for _, row in v[is_dated].drop_duplicates(["code", "day"]).iterrows():
        keys[(row["code"], row["day"])] = _resolve(identity, row["code"], row["day"], vf.where(row))
    key = v["code"].map(keys).to_numpy(dtype=object)
    if is_dated.any():
        key[is_dated] = [keys[(c, d)] for c, d in zip(v["code"][is_dated], v["day"][is_dated])]
    v = v.assign(key=key, line=v["_line"])
    dup = v.duplicated(["rcid", "key"], keep=False)
    if dup.any():
        rows = v[dup]
        first = rows.iloc[0]
        second = rows[(rows["rcid"] == first["rcid"]) & (rows["key"] == first["key"])].iloc[1]
        raise DataError(f"duplicated vote: {first['key']} ({second['code']}) votes twice on {first['symbol']} "
                        f"(first at {vf.at(first)})", **vf.where(second), value=second["code"],
                        hint="keep one row per member and record")
    value = v["vote"].map(VOTE_CODES)
    cast = value.notna()
    votes = v[cast].assign(value=value[cast].astype(np.int8))[["rcid", "code", "key", "value", "line"]].reset_index(drop=True)
    non_votes = v[~cast][["rcid", "code", "key", "line"]].reset_index(drop=True)
    notes = match_curated(rc, curated)
    extra = list(record_quads(rc, DATASET, identity))
    empty = int((~rc.index.isin(v["rcid"])).sum())
    if empty:
        notes.append(f"{empty} record(s) have no votes; graphkit audit lists them with their symbols")
    return VoteTable(DATASET, rc.drop(columns=["subjects"]), votes, {}, files, 0, non_votes, extra, notes)
