"""Options shared by commands: the data folder, the output format, the filters.

Every command that reads the graph takes ``--data``; every listing takes
``--format``; every analysis takes the same filters. Defining them once keeps
the commands uniform and their help consistent.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import json

import click
from click.core import ParameterSource

from ..loading import DEFAULT_DATA
from ..output import FORMATS, render_rows, to_jsonable
from ..records import Filters
from ..store import DEFAULT_STORE

__all__ = ["data_option", "format_option", "filter_options", "filters_from", "by_act_option", "emit", "emit_frame",
           "DateType", "store_option", "vote_options", "source_options", "unga_from", "SOURCES", "endpoint_options",
           "endpoint_from"]

#: Where ``compare``, ``state`` and ``blocs`` read positions: the curated acts or the imported GA votes.
SOURCES = ("curated", "unga")


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


def emit_frame(frame, fmt: str, title: str | None = None) -> None:
    """Print a pandas DataFrame like :func:`emit` (numbers rounded to 4 places except in JSON)."""
    if fmt == "json":
        click.echo(json.dumps(to_jsonable(json.loads(frame.to_json(orient="records", force_ascii=False))),
                              ensure_ascii=False, indent=2))
    else:
        rows = json.loads(frame.round(4).to_json(orient="records", force_ascii=False))
        emit(rows, fmt, list(frame.columns), title=title)


# ---------------------------------------------------------------- the imported UN votes


def store_option(f):
    """``--store DIR``: the store holding the imported votes (default build/store)."""
    return click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DEFAULT_STORE, show_default=True,
                        help="pyoxigraph store directory holding the imported UN votes (graphkit import unga).")(f)


def vote_options(f):
    """``--session --issue --merge-successors --layout --min-votes``: which GA votes and how to key the voters."""
    options = [
        click.option("--session", type=int, help="Only this GA session (1 = 1946 … 74 = 2019–20)."),
        click.option("--issue", help="Only roll calls with this issue code: me, nu, di, hr, co, ec."),
        click.option("--merge-successors", is_flag=True,
                     help="One series per seat: USSR → Russia, FRG → Germany, ROC → China … (gk:continuedBy)."),
        click.option("--layout", type=click.Choice(["voeten", "undl"]), default="voeten", show_default=True,
                     help="Which imported graph to read."),
        click.option("--min-votes", type=int, default=5, show_default=True,
                     help="Leave out roll calls with fewer votes (the Voeten data has two defective ones, with 2 and 4)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def source_options(f):
    """``--source curated|unga`` with the GA-vote options (``--store`` and :func:`vote_options`)."""
    f = vote_options(store_option(f))
    return click.option("--source", type=click.Choice(SOURCES), default="curated", show_default=True,
                        help="curated: the acts in --data; unga: the UN General Assembly roll-call votes imported "
                             "into --store, selected with --session, --issue and --since/--until (whole years).")(f)


#: Options that only make sense for one source (besides the command's own, passed as ``unga_only``).
_VOTE_PARAMS = ("store_dir", "session", "issue", "merge_successors", "layout", "min_votes")
_CURATED_FILTERS = ("forum", "topic", "target", "kind")


def _flag(ctx, name: str) -> str:
    return next((p.opts[0] for p in ctx.command.params if p.name == name), "--" + name.replace("_", "-"))


def unga_from(kwargs: dict, filters: Filters, by_act: bool = False, unga_only=()):
    """Pop ``--source`` and the GA-vote options; ``(store_dir, VoteSelection)`` for ``--source unga``, else None.

    Options that belong to the other source are a usage error (exit 2):
    ``--session`` with the curated acts, ``--target`` with the GA votes …
    ``--since``/``--until`` become whole years (:func:`graphkit.unga.selection.years_of`).
    """
    ctx = click.get_current_context()
    source = kwargs.pop("source")
    votes = {k: kwargs.pop(k) for k in _VOTE_PARAMS}
    if source == "curated":
        given = [n for n in (*_VOTE_PARAMS, *unga_only) if ctx.get_parameter_source(n) != ParameterSource.DEFAULT]
        if given:
            raise click.UsageError(f"{_flag(ctx, given[0])} applies to the GA votes only: add --source unga "
                                   "(and import them first: graphkit import unga …)")
        return None
    wrong = [n for n in _CURATED_FILTERS if getattr(filters, n) is not None] + (["by_act"] if by_act else [])
    if wrong:
        raise click.UsageError(f"{_flag(ctx, wrong[0])} does not apply to --source unga: select GA roll calls with "
                               "--session, --issue, --since and --until")
    from ..unga.selection import VoteSelection, years_of

    since, until = years_of(filters.since, filters.until)
    store_dir = votes.pop("store_dir")
    return store_dir, VoteSelection(since=since, until=until, **votes)


# ---------------------------------------------------------------- a remote SPARQL store


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
    """Pop ``--endpoint --engine --timeout``; the :class:`graphkit.endpoint.Endpoint`, or None without ``--endpoint``."""
    url, engine, timeout = kwargs.pop("endpoint"), kwargs.pop("engine"), kwargs.pop("endpoint_timeout")
    if not url:
        ctx = click.get_current_context()
        if engine is not None:
            raise click.UsageError("--engine applies to --endpoint only")
        if ctx.get_parameter_source("endpoint_timeout") != ParameterSource.DEFAULT:
            raise click.UsageError("--timeout applies to --endpoint only")
        return None
    from ..endpoint import Endpoint
    return Endpoint(url, timeout=timeout, engine=engine)
