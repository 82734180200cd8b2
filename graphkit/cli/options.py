"""Options shared by commands: the data folder, the store, the output format, the source and its selection.

Every analysis command takes the same ``--source`` and selection options and
hands them, unparsed, to :meth:`graphkit.api.Graphkit` — the one place where a
source is resolved and an option that does not apply to it is refused.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

import click

from ..api import Graphkit
from ..limits import MAX_FILTER, check_length, shorten
from ..reports.output import FORMATS, TABLE_WIDTH
from ..resources import DEFAULT_DATA, default_store
from ..safe_text import terminal_text
from ..sources import SOURCE_NAMES, SOURCES

__all__ = ["data_option", "store_option", "format_option", "selection_options", "open_graphkit", "emit",
           "emit_report", "DateType", "by_option", "index_option", "wide_option", "table_width", "endpoint_options",
           "endpoint_from"]


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
        self.fail(f"{shorten(value)!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", param, ctx)


def data_option(f):
    """``--data DIR``: the data folder (default: the shipped data/)."""
    return click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA,
                        show_default="the shipped data/", help="Data folder: *.ttl files and lists/*.csv.")(f)


def store_option(f):
    """``--store DIR``: the embedded store (default ``$GRAPHKIT_STORE`` or the per-user store)."""
    return click.option("--store", "store_dir", type=click.Path(path_type=Path), default=default_store,
                        show_default="$GRAPHKIT_STORE or the per-user store",
                        help="The embedded store directory: built from --data by graphkit build, "
                             "holding the imported votes (graphkit import).")(f)


def _set_wide(ctx, param, value):
    if value:
        ctx.meta["graphkit.wide"] = True


def wide_option(f):
    """``--wide``: tables keep every cell whole instead of fitting the terminal."""
    return click.option("--wide", is_flag=True, expose_value=False, callback=_set_wide, is_eager=True,
                        help="Tables: show every cell whole (by default long columns are cut with … to fit the "
                             "terminal's width, or $COLUMNS).")(f)


def table_width() -> int | None:
    """How wide a table may be: None with ``--wide``, else ``$COLUMNS``, else the terminal's width.

    With no terminal at all (output and errors both redirected, as in a
    script) and no ``$COLUMNS``, tables keep every cell whole.
    """
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("graphkit.wide"):
        return None
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream.isatty():
                return shutil.get_terminal_size().columns
        except (AttributeError, ValueError, OSError):
            continue
    return None


def format_option(f=None, *, formats=FORMATS):
    """``--format table|csv|json`` for listings (``formats`` adds ``parquet`` where a table is written), and ``--wide``."""
    def wrap(g):
        g = wide_option(g)
        return click.option("--format", "fmt", type=click.Choice(formats), default="table", show_default=True,
                            help="Output as an aligned table, CSV or JSON" + (" or Parquet (with -o)" if "parquet" in formats else "") + ".")(g)
    return wrap(f) if f is not None else wrap


def by_option(default: str = "year"):
    """``--by year|session|decade|issue|all``: one result per group of items."""
    return click.option("--by", type=click.Choice(["year", "session", "decade", "issue", "all"]), default=default,
                        show_default=True, help="One result per year, session, decade, issue, or for the whole selection.")


def index_option(default: str | None, choices=("net", "share", "s", "kappa", "pi"), help_text: str = ""):
    return click.option("--index", "index", type=click.Choice(choices), default=default,
                        show_default=default or "the source's", help=help_text)


def selection_options(f):
    """``--source`` and every selection option (each source takes some: the others are a usage error)."""
    options = [
        click.option("--source", type=click.Choice(SOURCE_NAMES), default="curated", show_default=True,
                     help="curated: the acts in --data; " + "; ".join(
                         f"{name}: the {src.label} imported into --store" for name, src in SOURCES.items() if src.kind == "votes")
                     + "; all: every source side by side."),
        click.option("--since", type=DateType(), help="Only items on or after this date (YYYY[-MM[-DD]]; votes: whole years)."),
        click.option("--until", type=DateType(end=True), help="Only items on or before this date (a year or month counts whole)."),
        click.option("--forum", help="Curated: only acts in this forum (un-hrc, un-ga, un-ga-third-committee or a label)."),
        click.option("--topic", help="Curated: only acts on this topic (xinjiang, hong-kong, tibet, syria ...)."),
        click.option("--target", help="Curated: only acts targeting this state (ISO alpha-3, e.g. CHN)."),
        click.option("--kind", help="Curated: only acts of this kind (JointStatement, JointLetter, RecordedVote ...)."),
        click.option("--by-act", "by_act", is_flag=True, default=None,
                     help="Curated: count every act as its own item (default: rival acts of one session or debate, "
                          "gk:occasion, are one item and a state's value there is its side)."),
        click.option("--session", type=int, help="Votes: only this session (GA: 1 = 1946 … 74 = 2019–20)."),
        click.option("--issue", help="Votes: only records with this issue code (GA: me, nu, di, hr, co, ec)."),
        click.option("--merge-successors", is_flag=True, default=None,
                     help="Votes: one series per seat: USSR → Russia, FRG → Germany, ROC → China … (gk:continuedBy)."),
        click.option("--layout", type=click.Choice(["voeten", "undl"]), default=None,
                     help="GA votes: which imported layout to read (default voeten)."),
        click.option("--min-votes", type=int, default=None,
                     help="Votes: leave out records with fewer votes (default 5; the GA data has two with 2 and 4)."),
    ]
    for option in reversed(options):
        f = option(f)
    f = endpoint_options("Vote sources: read the votes from this SPARQL 1.1 server (loaded with graphkit import "
                         "... --endpoint), in pages, instead of --store.")(f)
    return store_option(data_option(f))


def endpoint_options(help_text: str, timeout: float = 30.0):
    """``--endpoint URL --engine NAME --timeout S``: a SPARQL 1.1 server (credentials: environment or netrc only)."""
    def decorate(f):
        options = [
            click.option("--endpoint", metavar="URL", help=help_text + " Credentials: GRAPHKIT_ENDPOINT_USER and "
                         "GRAPHKIT_ENDPOINT_PASSWORD, or a netrc file (GRAPHKIT_NETRC, ~/.netrc)."),
            click.option("--engine", type=click.Choice(["oxigraph", "virtuoso", "generic"]), default=None,
                         help="The server's engine (default: told from its Server header)."),
            click.option("--timeout", "endpoint_timeout", type=float, default=timeout, show_default=True,
                         help="Seconds to wait for each answer of the server."),
        ]
        for option in reversed(options):
            f = option(f)
        return f
    return decorate


def endpoint_from(kwargs: dict):
    """Pop ``--endpoint --engine --timeout``; the :class:`graphkit.store.endpoint.Endpoint`, or None without ``--endpoint``."""
    from click.core import ParameterSource

    url, engine, timeout = kwargs.pop("endpoint", None), kwargs.pop("engine", None), kwargs.pop("endpoint_timeout", None)
    if not url:
        ctx = click.get_current_context()
        if engine is not None:
            raise click.UsageError("--engine applies to --endpoint only")
        if ctx.get_parameter_source("endpoint_timeout") not in (None, ParameterSource.DEFAULT):
            raise click.UsageError("--timeout applies to --endpoint only")
        return None
    from ..store.endpoint import Endpoint
    return Endpoint(url, timeout=timeout, engine=engine)


_SELECTION = ("since", "until", "forum", "topic", "target", "kind", "by_act", "session", "issue", "merge_successors",
              "layout", "min_votes")


def open_graphkit(kwargs: dict) -> tuple[Graphkit, str, dict]:
    """Pop ``--data``, ``--store``, ``--source`` and the selection options: ``(graphkit, source, options)``."""
    gk = Graphkit(kwargs.pop("data_dir", None), kwargs.pop("store_dir", None), endpoint=endpoint_from(kwargs))
    source = kwargs.pop("source", "curated")
    options = {k: v for k in _SELECTION if (v := kwargs.pop(k, None)) is not None}
    for k in ("forum", "topic", "target", "kind", "issue"):
        if k in options:
            check_length(options[k], f"--{k}", MAX_FILTER, hint="an identifier, a code or a label")
    return gk, source, options


def emit(text: str) -> None:
    """Print a rendered result on stdout."""
    click.echo(text.rstrip("\n"))


def emit_report(report, fmt: str, output: Path | None = None) -> None:
    """Print a report in the chosen format, or write its table to ``output`` (CSV or Parquet)."""
    if output is not None:
        from ..reports.output import write_frame

        write_frame(report.to_frame(), output, "parquet" if fmt == "parquet" else "csv")
        click.echo(f"wrote {output}: {len(report.to_frame())} rows", err=True)
        return
    if fmt == "parquet":
        raise click.UsageError("--format parquet writes a file: add -o FILE.parquet")
    token = TABLE_WIDTH.set(table_width() if fmt == "table" else None)
    try:
        text = report.render(fmt)
        emit(terminal_text(text) if fmt == "table" else text)   # labels in headings come from data
    finally:
        TABLE_WIDTH.reset(token)
