"""``graphkit state``: one state's record and its closest partners, or its drift toward partners."""
from __future__ import annotations

import click

from . import main
from .options import by_option, emit_report, format_option, open_graphkit, selection_options


@main.command("state")
@click.argument("state")
@selection_options
@format_option
@click.option("--top", type=int, default=5, show_default=True, help="How many partners to list.")
@click.option("--min-n", type=int, default=None,
              help="Partners need this many items in common with the state (default: 1 for statements, 10 for votes).")
@click.option("--rank-by", type=click.Choice(("net", "share", "s", "kappa", "pi")), default=None,
              help="Rank partners by net ties (same minus opposite sides) or an index (default: net for statements, S for votes).")
@click.option("--drift", is_flag=True, help="Agreement with --partner states group by group (--by year) instead.")
@click.option("--partner", "partners", multiple=True, help="With --drift: the partners (repeatable; default CHN and USA).")
@by_option("year")
def state_command(state, fmt, top, min_n, rank_by, drift, partners, by, **kwargs):
    """One state's positions and its closest and most opposed partners.

    With a vote source, its votes and the states that voted most and least like
    it (by S); with --drift, its agreement with partners year by year.

    \b
    Example: graphkit state CHN --since 2019
    Example: graphkit state FRA --source unga --since 2010 --issue hr
    Example: graphkit state FRA --source unga --drift --partner CHN --partner USA
    """
    gk, source, options = open_graphkit(kwargs)
    if drift:
        emit_report(gk.drift([state], tuple(partners) or ("CHN", "USA"), source, by=by, **options), fmt)
        return
    emit_report(gk.state(state, source, top=top, min_n=min_n, rank_by=rank_by, **options), fmt)
