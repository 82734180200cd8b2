"""Roll-call vote tables, read and checked: the form every vote source hands to the store and the analyses.

A vote source (:mod:`graphkit.sources.unga`, ...) reads its files into a
:class:`VoteTable` with the helpers here — CSV (plain or gzip) read as
strings, columns matched without case, every value checked — so that every
problem raises a typed error naming the file and line, and nothing is
returned (and so nothing imported) until every row passed.
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
from .dataset import VoteDataset

__all__ = ["VoteTable", "open_text", "read_frame", "ints", "flags", "dates", "vote_values", "check_votes"]

@dataclass
class VoteTable:
    """Votes and records (roll calls) read and checked, ready to import or to analyse.

    ``dataset`` says which dataset the table is (its IRIs, forum, provenance).
    ``roll_calls`` is a DataFrame indexed by roll-call id (str) with columns
    ``session`` (Int64), ``raw_date`` and ``date`` (``datetime64``; ``date`` is
    the first of the month when ``precision`` is ``"month"``), ``precision``,
    ``symbol``, ``amend``, ``para``, ``important`` (boolean, NA when not coded),
    ``short``, ``descr``, ``issues`` (tuple of codes), ``yes``/``no``/``abstain``
    (the file's own tallies, NA when absent) and ``line``. ``votes`` has
    ``rcid``, ``code`` (as in the file), ``key`` (graphkit entity key), ``value``
    (+1 / 0 / −1) and ``line``.

    A source may also give, for its import: ``adopted`` (boolean, NA when not
    known), ``record_kind`` (resolution, decision, draft, amendment …),
    ``agenda`` (the agenda item as the file writes it) and ``locator`` (where
    the record is in the file, when not a CSV line: "table resolutions, rowid 12")
    as roll-call columns; ``non_votes``, members recorded as not voting
    (``rcid``, ``code``, ``key``, ``line``), kept in the graph as positions with
    ``gk:stance gk:noVote`` and left out of every matrix; ``extra_quads``,
    more pyoxigraph quads of its own for the dataset's graph; and ``notes``,
    what the import should tell the user.
    """

    dataset: VoteDataset
    roll_calls: pd.DataFrame
    votes: pd.DataFrame
    issue_names: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    skipped: int = 0
    non_votes: pd.DataFrame | None = None
    extra_quads: list = field(default_factory=list, repr=False)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {"dataset": self.dataset.key, "roll_calls": len(self.roll_calls), "votes": len(self.votes),
                "entities": int(self.votes["key"].nunique()), "skipped_non_votes": self.skipped,
                "kept_non_votes": 0 if self.non_votes is None else len(self.non_votes),
                "first": str(self.roll_calls["raw_date"].min())[:10], "last": str(self.roll_calls["raw_date"].max())[:10]}


def open_text(path: Path):
    path = Path(path)
    if not path.is_file():
        raise InputError(f"file {path} does not exist", file=path, hint="give the path of a CSV or CSV.gz file")
    with path.open("rb") as fh:
        magic = fh.read(2)
    raw = gzip.open(path, "rb") if magic == b"\x1f\x8b" else path.open("rb")
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")  # -sig: a byte-order mark is not in the header


def read_frame(path: Path, required: dict[str, tuple[str, ...]], optional: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """Read a CSV as strings, rename aliases to canonical names, add ``line`` (file line of each row)."""
    try:
        with open_text(path) as fh:
            header = next(csv.reader([fh.readline()]), [])
            fh.seek(0)
            frame = pd.read_csv(fh, dtype=str, keep_default_na=False, na_filter=False)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", file=path, hint="save the CSV as UTF-8") from None
    except pd.errors.EmptyDataError:
        raise InputError("the file is empty (no header row)", file=path, line=1,
                         hint="see the import command's --help for the columns it reads") from None
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
                         hint="see the import command's --help for the columns it reads")
    frame = frame.rename(columns=rename)[list(dict.fromkeys(rename.values()))]
    for c in optional:
        if c not in frame:
            frame[c] = ""
    frame["line"] = np.arange(2, len(frame) + 2)
    return frame


def ints(frame: pd.DataFrame, column: str, path, *, allow_empty=False) -> pd.Series:
    text = frame[column].str.strip()
    values = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = values.isna() & ((text != "") | (not allow_empty)) | (values.notna() & (values % 1 != 0))
    if bad.any():
        row = frame[bad].iloc[0]
        raise DataError(f"{column} {row[column]!r} is not a whole number", file=path, line=int(row["line"]),
                        value=row[column], hint=f"write {column} as digits" + (" or leave it empty" if allow_empty else ""))
    return values.astype("Int64")


def flags(frame: pd.DataFrame, column: str, path) -> pd.Series:
    text = frame[column].str.strip().str.lower()
    mapping = {"1": True, "0": False, "true": True, "false": False, "": pd.NA, "na": pd.NA}
    bad = ~text.isin(list(mapping))
    if bad.any():
        row = frame[bad].iloc[0]
        raise DataError(f"{column} {row[column]!r} is not a 0/1 flag", file=path, line=int(row["line"]),
                        value=row[column], hint="write 1, 0 or leave it empty (not coded)")
    return text.map(mapping).astype("boolean")


def dates(frame: pd.DataFrame, column: str, path) -> pd.Series:
    values = pd.to_datetime(frame[column].str.strip(), format="%Y-%m-%d", errors="coerce")
    if values.isna().any():
        row = frame[values.isna()].iloc[0]
        raise DataError(f"{column} {row[column]!r} is not a date", file=path, line=int(row["line"]),
                        value=row[column], hint="write YYYY-MM-DD, for example 2016-12-21")
    return values


def vote_values(frame: pd.DataFrame, codes: dict, path, *, fold_case: bool = False) -> tuple[pd.Series, pd.Series]:
    """The ``vote`` column as +1 / 0 / −1 (``codes`` maps the file's codes; None = no position) and a mask of positions."""
    text = frame["vote"].str.strip()
    if fold_case:
        text = text.str.lower()
    known = text.isin(list(codes))
    if not known.all():
        row = frame[~known].iloc[0]
        raise DataError(f"unknown vote code {row['vote']!r}", file=path, line=int(row["line"]), value=row["vote"],
                        hint="valid: " + ", ".join(repr(c) for c in codes if c))
    values = text.map(codes)
    return values, values.notna()


def check_votes(votes: pd.DataFrame, roll_calls: pd.DataFrame, path) -> None:
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


