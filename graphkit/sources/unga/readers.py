"""Read UN General Assembly roll-call votes from CSV (plain or gzip), checking every row.

Two layouts are accepted. Column names are matched without case; extra columns are ignored.

**Voeten / unvotes** (``--layout voeten``, three files, as in Erik Voeten's data
and the R package ``unvotes``):

``VOTES``
    ``rcid`` roll-call id; ``country_code`` ISO 3166-1 alpha-2 or a code of
    ``data/historic-entities.ttl`` (``FRG``, ``YAR``, ``ZAN`` …); ``vote``:
    ``yes`` / ``no`` / ``abstain`` or Voeten's numbers 1 yes, 2 abstain, 3 no
    (8 absent and 9 non-member are skipped: absence is no position); optional
    ``country``, ``cow_code``.
``ROLL_CALLS``
    ``rcid``, ``session``, ``date`` (YYYY-MM-DD); optional ``unres`` (symbol),
    ``importantvote``, ``amend``, ``para`` (0/1, empty = not coded), ``short``,
    ``descr``, and tally columns ``yes``, ``no``, ``abstain``.
``ISSUES`` (optional)
    ``rcid``, ``short_name`` (``me`` ``nu`` ``di`` ``hr`` ``co`` ``ec`` …), ``issue`` (its name).

**UN Digital Library** (``--layout undl``, one file, a row per member state and vote):
``undl_id`` (or ``record_id``) the record id; ``ms_code`` (or ``country_code``)
ISO 3166-1 alpha-3 or a historic key (SUN, YUG, CSK …); ``ms_name`` (or
``country``); ``ms_vote`` (or ``vote``): ``Y`` / ``N`` / ``A``, and ``NV``, ``X``
or empty for a member that did not vote (skipped); ``date`` (YYYY-MM-DD);
``resolution`` (or ``symbol``); optional ``session``, ``title``, and tallies
``total_yes``, ``total_no``, ``total_abstentions``. Every row of one record must
give the same date and symbol.

Dates: Voeten's dates of sessions 1–51 are precise to the month only (the day is
1–7 and not the real day); sessions 52–57 are mixed (a day of 1–7 is read as
month-precise); from session 58 they are day-precise. UNDL dates are day-precise.

Every problem — an unknown vote code, a vote on a roll call that is not in the
roll-call file, a duplicated vote, a country code that denotes nothing at the
vote's date, an issue code outside Voeten's six, a malformed number or date,
an empty or damaged (gzip) file — raises a typed error naming the file and
line. Nothing is returned (and so nothing imported) until every row passed.
Files may start with a UTF-8 byte-order mark (Excel's "CSV UTF-8").
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError, InputError
from ...graph.states import StateResolver

__all__ = ["VoteTable", "read_voeten", "read_undl", "LAYOUTS", "VOTE_CODES", "ISSUE_NAMES"]

LAYOUTS = ("voeten", "undl")
#: Accepted vote codes → +1 yes / 0 abstain / −1 no; None = no position (absent, not voting, not a member).
VOTE_CODES = {
    "voeten": {"yes": 1, "no": -1, "abstain": 0, "1": 1, "2": 0, "3": -1, "8": None, "9": None},
    "undl": {"Y": 1, "N": -1, "A": 0, "NV": None, "X": None, "": None},
}
#: Voeten's issue codes and their names (from the data's ``issue`` column).
ISSUE_NAMES = {"me": "Palestinian conflict", "nu": "Nuclear weapons and nuclear material",
               "di": "Arms control and disarmament", "hr": "Human rights", "co": "Colonialism",
               "ec": "Economic development"}


@dataclass
class VoteTable:
    """Votes and roll calls read and checked, ready to import or to analyse.

    ``roll_calls`` is a DataFrame indexed by roll-call id (str) with columns
    ``session`` (Int64), ``raw_date`` and ``date`` (``datetime64``; ``date`` is
    the first of the month when ``precision`` is ``"month"``), ``precision``,
    ``symbol``, ``amend``, ``para``, ``important`` (boolean, NA when not coded),
    ``short``, ``descr``, ``issues`` (tuple of codes), ``yes``/``no``/``abstain``
    (the file's own tallies, NA when absent) and ``line``. ``votes`` has
    ``rcid``, ``code`` (as in the file), ``key`` (graphkit entity key), ``value``
    (+1 / 0 / −1) and ``line``.
    """

    layout: str
    roll_calls: pd.DataFrame
    votes: pd.DataFrame
    issue_names: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    skipped: int = 0

    def summary(self) -> dict:
        return {"layout": self.layout, "roll_calls": len(self.roll_calls), "votes": len(self.votes),
                "entities": int(self.votes["key"].nunique()), "skipped_non_votes": self.skipped,
                "first": str(self.roll_calls["raw_date"].min())[:10], "last": str(self.roll_calls["raw_date"].max())[:10]}


def _open_text(path: Path):
    path = Path(path)
    if not path.is_file():
        raise InputError(f"file {path} does not exist", file=path, hint="give the path of a CSV or CSV.gz file")
    with path.open("rb") as fh:
        magic = fh.read(2)
    raw = gzip.open(path, "rb") if magic == b"\x1f\x8b" else path.open("rb")
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")  # -sig: a byte-order mark is not in the header


def _read_frame(path: Path, required: dict[str, tuple[str, ...]], optional: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """Read a CSV as strings, rename aliases to canonical names, add ``line`` (file line of each row)."""
    try:
        with _open_text(path) as fh:
            header = next(csv.reader([fh.readline()]), [])
            fh.seek(0)
            frame = pd.read_csv(fh, dtype=str, keep_default_na=False, na_filter=False)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", file=path, hint="save the CSV as UTF-8") from None
    except pd.errors.EmptyDataError:
        raise InputError("the file is empty (no header row)", file=path, line=1,
                         hint="see `graphkit import unga --help` for the columns of each layout") from None
    except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
        raise InputError(f"damaged gzip file: {str(exc).strip() or 'it ends too early'}", file=path,
                         hint="download it again, or give the uncompressed CSV") from None
    except (pd.errors.ParserError, csv.Error, OSError) as exc:
        raise InputError(f"malformed CSV: {str(exc).strip()}", file=path, hint="one row per line, comma-separated, a header row") from None
    lower = {c.strip().lower(): c for c in header}
    rename = {}
    for canonical, aliases in {**required, **optional}.items():
        for alias in aliases:
            if alias in lower:
                rename[lower[alias]] = canonical
                break
    missing = [" or ".join(a) for c, a in required.items() if not set(a) & set(lower)]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}", file=path, line=1,
                         hint="see `graphkit import unga --help` for the columns of each layout")
    frame = frame.rename(columns=rename)[list(dict.fromkeys(rename.values()))]
    for c in optional:
        if c not in frame:
            frame[c] = ""
    frame["line"] = np.arange(2, len(frame) + 2)
    return frame


def _ints(frame: pd.DataFrame, column: str, path, *, allow_empty=False) -> pd.Series:
    text = frame[column].str.strip()
    values = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = values.isna() & ((text != "") | (not allow_empty)) | (values.notna() & (values % 1 != 0))
    if bad.any():
        row = frame[bad].iloc[0]
        raise DataError(f"{column} {row[column]!r} is not a whole number", file=path, line=int(row["line"]),
                        value=row[column], hint=f"write {column} as digits" + (" or leave it empty" if allow_empty else ""))
    return values.astype("Int64")


def _flags(frame: pd.DataFrame, column: str, path) -> pd.Series:
    text = frame[column].str.strip().str.lower()
    mapping = {"1": True, "0": False, "true": True, "false": False, "": pd.NA, "na": pd.NA}
    bad = ~text.isin(list(mapping))
    if bad.any():
        row = frame[bad].iloc[0]
        raise DataError(f"{column} {row[column]!r} is not a 0/1 flag", file=path, line=int(row["line"]),
                        value=row[column], hint="write 1, 0 or leave it empty (not coded)")
    return text.map(mapping).astype("boolean")


def _dates(frame: pd.DataFrame, column: str, path) -> pd.Series:
    values = pd.to_datetime(frame[column].str.strip(), format="%Y-%m-%d", errors="coerce")
    if values.isna().any():
        row = frame[values.isna()].iloc[0]
        raise DataError(f"{column} {row[column]!r} is not a date", file=path, line=int(row["line"]),
                        value=row[column], hint="write YYYY-MM-DD, for example 2016-12-21")
    return values


def _precision(sessions: pd.Series, dates: pd.Series) -> pd.Series:
    """Voeten's date precision: month to session 51, month for days 1–7 in 52–57, day from 58."""
    s = sessions.fillna(0).astype(int)
    month = (s <= 51) | ((s <= 57) & (dates.dt.day <= 7))
    return pd.Series(np.where(month, "month", "day"), index=sessions.index)


def _stances(frame: pd.DataFrame, layout: str, path) -> tuple[pd.Series, pd.Series]:
    codes = VOTE_CODES[layout]
    text = frame["vote"].str.strip()
    if layout == "voeten":
        text = text.str.lower()
    known = text.isin(list(codes))
    if not known.all():
        row = frame[~known].iloc[0]
        raise DataError(f"unknown vote code {row['vote']!r}", file=path, line=int(row["line"]), value=row["vote"],
                        hint="valid: " + ", ".join(repr(c) for c in codes if c))
    values = text.map(codes)
    return values, values.notna()


def _check_votes(votes: pd.DataFrame, roll_calls: pd.DataFrame, path) -> None:
    missing = ~votes["rcid"].isin(roll_calls.index)
    if missing.any():
        row = votes[missing].iloc[0]
        raise DataError(f"vote on roll call {row['rcid']!r}, which is not in the roll calls", file=path,
                        line=int(row["line"]), value=row["rcid"], hint="add the roll call or remove its votes")
    dup = votes.duplicated(["rcid", "key"], keep=False)
    if dup.any():
        rows = votes[dup].sort_values("line")
        first = rows.iloc[0]
        second = rows[(rows["rcid"] == first["rcid"]) & (rows["key"] == first["key"])].iloc[1]
        raise DataError(f"duplicated vote: {first['key']} ({second['code']}) votes twice on roll call {first['rcid']} "
                        f"(first at line {int(first['line'])})", file=path, line=int(second["line"]), value=second["code"],
                        hint="keep one row per state and roll call")


def read_voeten(votes, roll_calls, issues=None, *, identity: StateResolver) -> VoteTable:
    """Read the Voeten / unvotes layout; see the module docstring for the columns.

    Raises
    ------
    InputError
        A file is missing, not UTF-8 or lacks a required column.
    DataError, UnknownStateError
        A bad value, naming file and line.
    """
    rc = _read_frame(roll_calls, {"rcid": ("rcid",), "session": ("session",), "date": ("date",)},
                     {"symbol": ("unres", "symbol", "resolution"), "important": ("importantvote",), "amend": ("amend",),
                      "para": ("para",), "short": ("short",), "descr": ("descr",), "yes": ("yes",), "no": ("no",),
                      "abstain": ("abstain",)})
    rc["rcid"] = rc["rcid"].str.strip()
    dup = rc["rcid"].duplicated()
    if dup.any():
        row = rc[dup].iloc[0]
        raise DataError(f"roll call {row['rcid']!r} appears twice", file=roll_calls, line=int(row["line"]),
                        value=row["rcid"], hint="one row per roll call")
    _ints(rc, "rcid", roll_calls)
    rc["session"] = _ints(rc, "session", roll_calls)
    rc["raw_date"] = _dates(rc, "date", roll_calls)
    rc["precision"] = _precision(rc["session"], rc["raw_date"])
    rc["date"] = rc["raw_date"].where(rc["precision"] == "day", rc["raw_date"].dt.to_period("M").dt.to_timestamp())
    for col in ("important", "amend", "para"):
        rc[col] = _flags(rc, col, roll_calls)
    for col in ("yes", "no", "abstain"):
        rc[col] = _ints(rc, col, roll_calls, allow_empty=True)
    rc = rc.set_index("rcid")
    rc["issues"] = [()] * len(rc)
    names: dict[str, str] = {}
    if issues is not None:
        iss = _read_frame(issues, {"rcid": ("rcid",), "issue_code": ("short_name", "issue_code")}, {"issue": ("issue",)})
        iss["rcid"] = iss["rcid"].str.strip()
        iss["issue_code"] = iss["issue_code"].str.strip()
        unknown = ~iss["rcid"].isin(rc.index)
        if unknown.any():
            row = iss[unknown].iloc[0]
            raise DataError(f"issue for roll call {row['rcid']!r}, which is not in the roll calls", file=issues,
                            line=int(row["line"]), value=row["rcid"], hint="check the rcid")
        bad = ~iss["issue_code"].isin(list(ISSUE_NAMES))
        if bad.any():
            row = iss[bad].iloc[0]
            raise DataError(f"unknown issue code {row['issue_code']!r}", file=issues, line=int(row["line"]),
                            value=row["issue_code"], hint="valid: " + ", ".join(f"{c} ({n})" for c, n in ISSUE_NAMES.items()))
        names = {c: (n or ISSUE_NAMES.get(c, c)) for c, n in zip(iss["issue_code"], iss["issue"].str.strip())}
        grouped = iss.drop_duplicates(["rcid", "issue_code"]).groupby("rcid")["issue_code"].agg(lambda s: tuple(sorted(s)))
        rc.loc[grouped.index, "issues"] = grouped
    v = _read_frame(votes, {"rcid": ("rcid",), "code": ("country_code",), "vote": ("vote",)}, {"name": ("country",)})
    for col in ("rcid", "code", "vote"):  # few distinct values: strip them once each
        cat = v[col].astype("category")
        v[col] = np.asarray(cat.cat.categories.str.strip(), dtype=object)[cat.cat.codes.to_numpy()]
    values, keep = _stances(v, "voeten", votes)
    skipped = int((~keep).sum())
    v = v[keep].assign(value=values[keep].astype(np.int8))
    missing = ~v["rcid"].isin(rc.index)
    if missing.any():
        _check_votes(v.assign(key=v["code"]), rc, votes)
    days = rc.loc[v["rcid"], "raw_date"].to_numpy().astype("datetime64[D]")
    v["key"] = identity.resolve_many("voeten", v["code"].to_numpy(), days, v["line"].to_numpy(), file=votes)
    _check_votes(v, rc, votes)
    return VoteTable("voeten", rc, v[["rcid", "code", "key", "value", "line"]].reset_index(drop=True), names,
                     [str(p) for p in (votes, roll_calls, issues) if p is not None], skipped)


def read_undl(votes, *, identity: StateResolver) -> VoteTable:
    """Read the UN Digital Library layout (one file); see the module docstring for the columns."""
    f = _read_frame(votes, {"rcid": ("undl_id", "record_id", "rcid"), "code": ("ms_code", "country_code"),
                            "vote": ("ms_vote", "vote"), "date": ("date",), "symbol": ("resolution", "symbol")},
                    {"name": ("ms_name", "country"), "session": ("session",), "short": ("title",),
                     "yes": ("total_yes",), "no": ("total_no",), "abstain": ("total_abstentions",)})
    for col in ("rcid", "code", "symbol"):
        f[col] = f[col].str.strip()
    bad = ~f["rcid"].str.fullmatch(r"[A-Za-z0-9._-]+")
    if bad.any():
        row = f[bad].iloc[0]
        raise DataError(f"record id {row['rcid']!r} is empty or has characters other than letters, digits, '.', '_', '-'",
                        file=votes, line=int(row["line"]), value=row["rcid"], hint="every row needs its roll call's record id")
    f["raw_date"] = _dates(f, "date", votes)
    for col in ("session", "yes", "no", "abstain"):
        f[col] = _ints(f, col, votes, allow_empty=True)
    per_call = ["raw_date", "symbol", "session", "yes", "no", "abstain"]
    first = f.drop_duplicates("rcid").set_index("rcid")
    for col in per_call:
        ref = first.loc[f["rcid"], col].to_numpy()
        differs = ~((f[col].to_numpy() == ref) | (pd.isna(f[col]).to_numpy() & pd.isna(ref)))
        if differs.any():
            row = f[differs].iloc[0]
            raise DataError(f"record {row['rcid']}: {col} {row[col]!s} differs from its first row's {first.at[row['rcid'], col]!s}",
                            file=votes, line=int(row["line"]), value=str(row[col]), hint="all rows of one record share date, symbol and tallies")
    rc = first[per_call + ["short", "line"]].copy()
    sess = rc["symbol"].str.extract(r"^A/RES/(\d+)/", expand=False)
    rc["session"] = rc["session"].fillna(pd.to_numeric(sess, errors="coerce").astype("Int64"))
    rc["precision"] = "day"
    rc["date"] = rc["raw_date"]
    for col in ("important", "amend", "para"):
        rc[col] = pd.array([pd.NA] * len(rc), dtype="boolean")
    rc["descr"] = ""
    rc["issues"] = [()] * len(rc)
    values, keep = _stances(f, "undl", votes)
    skipped = int((~keep).sum())
    v = f[keep].assign(value=values[keep].astype(np.int8))
    days = v["raw_date"].to_numpy().astype("datetime64[D]")
    v["key"] = identity.resolve_many("undl", v["code"].to_numpy(), days, v["line"].to_numpy(), file=votes)
    _check_votes(v, rc, votes)
    return VoteTable("undl", rc, v[["rcid", "code", "key", "value", "line"]].reset_index(drop=True), {}, [str(votes)], skipped)
