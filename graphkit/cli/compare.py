"""``graphkit compare``: agreement indices for the states named (a grid), or for all pairs by year."""
from __future__ import annotations

from pathlib import Path

import click

from . import main
from .options import by_option, emit_report, format_option, open_graphkit, selection_options


@main.command("compare")
@click.argument("states", nargs=-1)
@selection_options
@format_option(formats=("table", "csv", "json", "parquet"))
@click.option("--index", "index", type=click.Choice(("share", "s", "kappa", "pi")), default="share", show_default=True,
              help="The index shown in the grid (CSV and JSON give all of them).")
@click.option("--metric", type=click.Choice(("squared", "absolute", "nominal")), default="squared",
              show_default=True, help="Distance used by kappa and pi.")
@click.option("--all-pairs", is_flag=True, help="Every pair of states (or every pair with the STATES named), group by group.")
@by_option("year")
@click.option("--min-n", type=int, default=1, show_default=True, help="With --all-pairs: only pairs with this many items in common.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="With --all-pairs: write the table to this file (CSV, or Parquet with --format parquet).")
def compare_command(states, fmt, index, metric, all_pairs, by, min_n, output, **kwargs):
    """Pairwise agreement (share, S, kappa, pi, N) between states, as a grid.

    With --all-pairs, every pair's indices in every group (--by year, session,
    decade, issue or all), as a table for other tools.

    \b
    Example: graphkit compare FRA DEU IND --target CHN --index kappa
    Example: graphkit compare USA FRA CHN --source unga --session 74 --issue hr
    Example: graphkit compare --all-pairs --source unga --by year --format parquet -o pairs.parquet
    """
    gk, source, options = open_graphkit(kwargs)
    if all_pairs:
        report = gk.agreement(by, source, states=list(states) or None, min_n=min_n, metric=metric, **options)
        emit_report(report, fmt, output)
        return
    if output is not None or fmt == "parquet":
        raise click.UsageError("-o and --format parquet go with --all-pairs")
    if len(states) < 2:
        raise click.UsageError("name at least two states, e.g. graphkit compare FRA DEU (or use --all-pairs)")
    emit_report(gk.compare(states, source, index=index, metric=metric, **options), fmt)
