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

import numpy as np
import pandas as pd

from ...errors import DataError, InputError
from ...graph.states import StateResolver
from ..votes.dataset import VoteDataset
from ..votes.table import VoteTable, check_votes, dates, flags, ints, read_frame, vote_values

__all__ = ["read_voeten", "read_undl", "LAYOUTS", "VOTE_CODES", "ISSUE_NAMES", "DATASETS"]

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

#: The two layouts, each imported into its own named graph.
DATASETS = {
    "voeten": VoteDataset(
        "unga-voeten", "unga", "un-ga",
        "United Nations General Assembly Voting Data (Erik Voeten), CSV layout of the R package unvotes",
        "UNGA roll call", "graphkit import unga VOTES ROLL_CALLS [ISSUES]", ISSUE_NAMES),
    "undl": VoteDataset(
        "unga-undl", "unga", "un-ga", "UN Digital Library, General Assembly voting data (CSV)",
        "UNGA roll call", "graphkit import unga VOTES.csv --layout undl", ISSUE_NAMES),
}


def _precision(sessions: pd.Series, dates: pd.Series) -> pd.Series:
    """Voeten's date precision: month to session 51, month for days 1–7 in 52–57, day from 58."""
    s = sessions.fillna(0).astype(int)
    month = (s <= 51) | ((s <= 57) & (dates.dt.day <= 7))
    return pd.Series(np.where(month, "month", "day"), index=sessions.index)


def _stances(frame: pd.DataFrame, layout: str, path) -> tuple[pd.Series, pd.Series]:
    return vote_values(frame, VOTE_CODES[layout], path, fold_case=layout == "voeten")


def read_voeten(votes, roll_calls, issues=None, *, identity: StateResolver) -> VoteTable:
    """Read the Voeten / unvotes layout; see the module docstring for the columns.

    Raises
    ------
    InputError
        A file is missing, not UTF-8 or lacks a required column.
    DataError, UnknownStateError
        A bad value, naming file and line.
    """
    rc = read_frame(roll_calls, {"rcid": ("rcid",), "session": ("session",), "date": ("date",)},
                     {"symbol": ("unres", "symbol", "resolution"), "important": ("importantvote",), "amend": ("amend",),
                      "para": ("para",), "short": ("short",), "descr": ("descr",), "yes": ("yes",), "no": ("no",),
                      "abstain": ("abstain",)})
    rc["rcid"] = rc["rcid"].str.strip()
    dup = rc["rcid"].duplicated()
    if dup.any():
        row = rc[dup].iloc[0]
        raise DataError(f"roll call {row['rcid']!r} appears twice", file=roll_calls, line=int(row["line"]),
                        value=row["rcid"], hint="one row per roll call")
    ints(rc, "rcid", roll_calls)
    rc["session"] = ints(rc, "session", roll_calls)
    rc["raw_date"] = dates(rc, "date", roll_calls)
    rc["precision"] = _precision(rc["session"], rc["raw_date"])
    rc["date"] = rc["raw_date"].where(rc["precision"] == "day", rc["raw_date"].dt.to_period("M").dt.to_timestamp())
    for col in ("important", "amend", "para"):
        rc[col] = flags(rc, col, roll_calls)
    for col in ("yes", "no", "abstain"):
        rc[col] = ints(rc, col, roll_calls, allow_empty=True)
    rc = rc.set_index("rcid")
    rc["issues"] = [()] * len(rc)
    names: dict[str, str] = {}
    if issues is not None:
        iss = read_frame(issues, {"rcid": ("rcid",), "issue_code": ("short_name", "issue_code")}, {"issue": ("issue",)})
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
    v = read_frame(votes, {"rcid": ("rcid",), "code": ("country_code",), "vote": ("vote",)}, {"name": ("country",)})
    for col in ("rcid", "code", "vote"):  # few distinct values: strip them once each
        cat = v[col].astype("category")
        v[col] = np.asarray(cat.cat.categories.str.strip(), dtype=object)[cat.cat.codes.to_numpy()]
    values, keep = _stances(v, "voeten", votes)
    skipped = int((~keep).sum())
    v = v[keep].assign(value=values[keep].astype(np.int8))
    missing = ~v["rcid"].isin(rc.index)
    if missing.any():
        check_votes(v.assign(key=v["code"]), rc, votes)
    days = rc.loc[v["rcid"], "raw_date"].to_numpy().astype("datetime64[D]")
    v["key"] = identity.resolve_many("voeten", v["code"].to_numpy(), days, v["line"].to_numpy(), file=votes)
    check_votes(v, rc, votes)
    return VoteTable(DATASETS["voeten"], rc, v[["rcid", "code", "key", "value", "line"]].reset_index(drop=True), names,
                     [str(p) for p in (votes, roll_calls, issues) if p is not None], skipped)


def read_undl(votes, *, identity: StateResolver) -> VoteTable:
    """Read the UN Digital Library layout (one file); see the module docstring for the columns."""
    f = read_frame(votes, {"rcid": ("undl_id", "record_id", "rcid"), "code": ("ms_code", "country_code"),
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
    f["raw_date"] = dates(f, "date", votes)
    for col in ("session", "yes", "no", "abstain"):
        f[col] = ints(f, col, votes, allow_empty=True)
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
    check_votes(v, rc, votes)
    return VoteTable(DATASETS["undl"], rc, v[["rcid", "code", "key", "value", "line"]].reset_index(drop=True), {}, [str(votes)], skipped)
