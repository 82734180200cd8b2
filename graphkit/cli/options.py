"""Options shared by commands: the data folder, the output format, the filters.

Every command that reads the graph takes ``--data``; every listing takes
``--format``; every analysis takes the same filters. Defining them once keeps
the commands uniform and their help consistent.
"""
from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import click

from ..loading import DEFAULT_DATA
from ..output import FORMATS, render_rows
from ..records import Filters

__all__ = ["data_option", "format_option", "filter_options", "filters_from", "by_act_option", "emit", "DateType"]


class DateType(click.ParamType):
    """A date as YYYY, YYYY-MM or YYYY-MM-DD.

    A year or a month stands for its first day, or, with ``end=True`` (for
    ``--until``), its last day: ``--until 2020`` keeps all of 2020.
    """

    name = "date"

    def __init__(self, end: bool = False):
        self.end = end

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        for pattern, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
            try:
                start = dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
            if not self.end or precision == "day":
                return start
            if precision == "year":
                return dt.date(start.year, 12, 31)
            nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        self.fail(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", param, ctx)


def data_option(f):
    """``--data DIR``: the data folder (default: the shipped data/)."""
    return click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA,
                        show_default="the shipped data/", help="Data folder: *.ttl files and lists/*.csv.")(f)


def format_option(f):
    """``--format table|csv|json`` for listings."""
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output as an aligned table, CSV or JSON.")(f)


def filter_options(f):
    """``--since --until --forum --topic --target --kind``: the selection of acts."""
    options = [
        click.option("--since", type=DateType(), help="Only acts on or after this date (YYYY[-MM[-DD]])."),
        click.option("--until", type=DateType(end=True), help="Only acts on or before this date (a year or month counts whole)."),
        click.option("--forum", help="Only acts in this forum (un-hrc, un-ga, un-ga-third-committee or a label)."),
        click.option("--topic", help="Only acts on this topic (xinjiang, hong-kong, tibet, syria ...)."),
        click.option("--target", help="Only acts targeting this state (ISO alpha-3, e.g. CHN)."),
        click.option("--kind", help="Only acts of this kind (JointStatement, JointLetter, RecordedVote ...)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def by_act_option(f):
    """``--by-act``: every act its own item (by default rival acts of one occasion are one item)."""
    return click.option("--by-act", "by_act", is_flag=True, default=False,
                        help="Count every act as its own item (default: rival acts of one session or debate, "
                             "gk:occasion, are one item and a state's value there is its side).")(f)


def filters_from(kwargs: dict) -> Filters:
    """Pop the filter options out of a command's kwargs into a :class:`Filters`."""
    return Filters(**{k: kwargs.pop(k, None) for k in ("since", "until", "forum", "topic", "target", "kind")})


def emit(rows: list[dict], fmt: str, columns: list[str] | None = None, title: str | None = None) -> None:
    """Print rows in the chosen format."""
    click.echo(render_rows(rows, fmt, columns, title=title if fmt == "table" else None).rstrip("\n"))
