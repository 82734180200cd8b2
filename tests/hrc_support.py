"""The Human Rights Council and Security Council vote fixtures (``tests/hrc/``, ``tests/unsc/``), drawn with their answers.

``tests/hrc/`` — seven records in the layout of ``tsujamin/unhrc-nominate`` (real
state codes, invented votes; ``—`` = not a member, NV = ``NO_VOTE``)::

    record (symbol)       date        kind        item   CHN  CUB  FRA  GBR  PAK  RUS  USA
    A/HRC/DEC/1/106       2006-06-30  decision    —      yes  yes  no   no   yes  yes  —     (2006 numbering: no item)
    A/HRC/RES/40/1        2019-03-22  resolution  item4  no   no   yes  yes  abs  —    —     MYANMAR
    A/HRC/41/L.5          2019-07-11  amendment   item3  yes  yes  no   no   yes  —    —     rejected
    A/HRC/RES/S-30/1      2021-05-27  resolution  —      yes  yes  abs  no   yes  yes  —     special session 30
    A/HRC/50/L.40         2022-07-08  amendment   item3  (no votes at all)                    rejected
    A/HRC/RES/51/1        2022-10-06  resolution  item2  no   no   yes  yes  NV   —    yes   SRI LANKA
    A/HRC/RES/51/25       2022-10-07  resolution  item4  no   no   yes  yes  abs  —    yes   RUSSIAN FEDERATION

Hand-derived: FRA–CHN both voted in 6 records and never agreed: share 0, S = 1 − (2+2+2+1+2+2)/6 = −5/6;
CHN–RUS N = 2, share 1; FRA–PAK N = 5 (Pakistan's NO_VOTE on 51/1 is no position), share 0,
S = 1 − (1+2+1+1+2)/5 = −0.4. A/HRC/51/L.6 is not in the fixture (nor in the real file): the curated act
of 6 October 2022 stays the only record of that vote. Every record has fewer than 47 members recorded.

``tests/unsc/vetoes.csv`` — nine vetoed drafts in the World Politics Data Lab layout (one quoted field
spans lines 8–9)::

    line  date        draft        member_veto columns      0/1 columns
    2     1946-02-16  S/PV.23      USSR                     USSR
    3, 4  1946-06-26  S/PV.49 ×2   USSR                     USSR            ids 1946-06-26-1, -2
    5     1976-02-06  S/11967      France                   (none)          the columns disagree
    6     1981-04-30  S/14459      USA, UK, France          UK, USA         the columns disagree
    7     2011-10-04  S/2011/612   China, Russia            China, Russia
    8     2020-07-07  S/2020/654   Russia, China            China, Russia
    10    2022-05-26  S/2022/431   China, Russia            China, Russia
    11    2018-06-01  S/2018/516   USA                      USA

Vetoes by member (member columns / 0/1 columns): SUN 3/3, FRA 2/0, USA 2/2, GBR 1/1, CHN 3/3, RUS 3/3;
RUS with successors merged (USSR → Russia): 6. CHN–RUS: N = 3 drafts both vetoed, share 1.
"""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

__all__ = ["HRC_DIR", "UNSC_FILE", "HRC_CSV", "make_sqlite"]

HRC_DIR = Path(__file__).resolve().parent / "hrc"
UNSC_FILE = Path(__file__).resolve().parent / "unsc" / "vetoes.csv"
HRC_CSV = tuple(HRC_DIR / n for n in ("hrc_votes.csv", "hrc_resolutions.csv", "hrc_countries.csv"))

_SCHEMA = """
CREATE TABLE votes (resolution_name TEXT, country_short TEXT, vote TEXT, PRIMARY KEY (resolution_name, country_short));
CREATE TABLE resolutions (name TEXT, vote_date TEXT, summary TEXT, agenda TEXT, passed BOOLEAN, type TEXT, PRIMARY KEY (name));
CREATE TABLE countries (country_short TEXT PRIMARY KEY, country_long TEXT, category TEXT);
"""


def make_sqlite(path: Path, csv_dir: Path = HRC_DIR) -> Path:
    """The fixture as an SQLite file with the original's schema (tables filled from the CSV files, in their order)."""
    db = sqlite3.connect(path)
    db.executescript(_SCHEMA)
    for table, name in (("votes", "hrc_votes.csv"), ("resolutions", "hrc_resolutions.csv"), ("countries", "hrc_countries.csv")):
        with (csv_dir / name).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        marks = ", ".join("?" * len(rows[0]))
        db.executemany(f"INSERT INTO {table} ({', '.join(rows[0])}) VALUES ({marks})", rows[1:])
    db.commit()
    db.close()
    return path
