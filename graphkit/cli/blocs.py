"""``graphkit blocs``: signed blocs, and for statements camps per act, sides, swing states and balance."""
from __future__ import annotations

import click

from ..reports.blocs import PARTS
from . import main
from .options import by_option, emit_report, format_option, open_graphkit, selection_options


@main.command("blocs")
@selection_options
@format_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bloc search (same seed, same blocs).")
@click.option("--part", type=click.Choice(PARTS), help="Statements: show one part only (CSV shows camps unless told).")
@click.option("--index", "weight", type=click.Choice(("net", "share", "s", "kappa", "pi")), default=None,
              help="What weighs a tie: net items (same minus opposite sides) or an index (default: net for statements, kappa for votes).")
@click.option("--min-n", type=int, default=None,
              help="Pairs with fewer items in common get no tie (default: 1 for statements, 10 for votes).")
@by_option("all")
def blocs_command(fmt, seed, part, weight, min_n, by, **kwargs):
    """Camps per act, blocs by signed modularity (size, cohesion, core, stance) and swing states.

    With a vote source, voting blocs (signed modularity on the pairs' kappa),
    for the whole selection or per --by decade, year, session or issue.

    \b
    Example: graphkit blocs --target CHN --since 2019
    Example: graphkit blocs --source unga --since 2010 --until 2019 --issue hr
    """
    gk, source, options = open_graphkit(kwargs)
    emit_report(gk.blocs(source, by=by, weight=weight, min_n=min_n, seed=seed, part=part, **options), fmt)
