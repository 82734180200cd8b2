"""``graphkit ideal``: dynamic ideal points from any vote source, their explanation and their figure."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from ..sources import vote_sources
from . import main
from .options import DateType, data_option, emit_report, format_option, open_graphkit, store_option

_FIGURES = {".png": "png", ".svg": "svg", ".html": "html", ".htm": "html"}


def _check_figure(path: Path | None) -> None:
    """Refuse a figure path that cannot be written before minutes of work, not after."""
    if path is None:
        return
    if path.suffix.lower() not in _FIGURES:
        raise InputError(f"cannot tell the figure's format from {str(path)!r}", file=path,
                         hint="end the file name in .png, .svg or .html")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"output folder {parent} does not exist", hint="create it or choose another --figure path")


@main.command("ideal")
@click.option("--source", type=click.Choice([s.name for s in vote_sources()]), default="unga", show_default=True,
              help="The recorded votes to scale (imported into --store with graphkit import).")
@click.option("--by", type=click.Choice(["session", "year"]), default="session", show_default=True,
              help="One position per state and session, or per calendar year.")
@click.option("--since", type=DateType(), help="Only roll calls of this year or later (whole years).")
@click.option("--until", type=DateType(end=True), help="Only roll calls of this year or earlier (whole years).")
@click.option("--session", type=int, help="Only this session (GA: 1 = 1946 … 74 = 2019–20): one session scaled alone.")
@click.option("--issue", help="Only roll calls with this issue code (GA: me, nu, di, hr, co, ec).")
@click.option("--min-votes", type=int, default=None, help="Leave out roll calls with fewer votes (default 5).")
@click.option("--layout", type=click.Choice(["voeten", "undl"]), default=None,
              help="GA votes: which imported layout to read (default voeten).")
@click.option("--state", "states", multiple=True,
              help="Print (and draw) only this state's series (repeatable; ISO alpha-3, historic key or name). "
                   "Every state is estimated either way.")
@click.option("--walk", type=click.Choice(["reverting", "random"]), default="reverting", show_default=True,
              help="reverting: each period's position is pulled a fifth of the way back toward the centre (matches the "
                   "published estimates best); random: the pure random walk of Bailey, Strezhnev and Voeten.")
@click.option("--explain", "explain", metavar="STATE",
              help="List the roll calls that moved STATE most in the period of --year, with their provenance.")
@click.option("--year", type=int, help="With --explain: the year (by session: the session held that year).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="With --explain: how many roll calls to list.")
@click.option("--figure", type=click.Path(dir_okay=False, path_type=Path),
              help="Draw the --state series over time with ±1.96 se bands: FILE.png, FILE.svg or FILE.html "
                   "(a small self-contained chart, no network).")
@format_option(formats=("table", "csv", "json", "parquet"))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the table to this file (CSV, or Parquet with --format parquet).")
@store_option
@data_option
def ideal_command(states, by, walk, explain, year, top, figure, fmt, output, **kwargs):
    """Where each state stands on one scale, session by session (dynamic ideal points).

    A one-dimensional ordinal model of the roll calls (yes, abstain, no), positions
    linked from one period to the next, recurring resolutions as bridges; the
    United States positive. CSV columns: state, year, session, ideal, se, n_votes.

    \b
    Example: graphkit ideal --state USA --state CHN --state IND --figure ideal.png
    Example: graphkit ideal --by year --since 2000 --format csv -o ideal.csv
    Example: graphkit ideal --explain FRA --year 2015
    """
    if figure is not None and explain is not None:
        raise click.UsageError("--figure draws the --state series; it does not go with --explain")
    if figure is not None and not states:
        raise click.UsageError("name the states to draw with --state (e.g. --state USA --state CHN)")
    if explain is None and year is not None:
        raise click.UsageError("--year goes with --explain STATE")
    _check_figure(figure)
    gk, source, options = open_graphkit(kwargs)
    report = gk.ideal(source, by=by, state=list(states) or None, walk=walk, explain=explain, year=year, top=top,
                      **options)
    emit_report(report, fmt, output)
    if figure is not None:
        from ..render.lines import write_chart

        chart = report.chart()
        write_chart(chart, figure)
        click.echo(f"wrote {figure}: {len(chart.series)} state(s)", err=True)
