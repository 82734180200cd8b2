"""``graphkit camps``: do the camps of the joint statements on a target also vote together, and since when?"""
from __future__ import annotations

import click

from . import main
from .options import by_option, emit_report, format_option, open_graphkit, selection_options


@main.command("camps")
@click.option("--camps-of", "target", default="CHN", show_default=True, help="Target of the joint statements defining the camps.")
@click.option("--camp-since", default="2019", show_default=True, help="Statements from this date (YYYY[-MM[-DD]]).")
@click.option("--camp-until", default="2022-12-31", show_default=True, help="Statements up to this date.")
@selection_options
@by_option("year")
@click.option("--index", type=click.Choice(["s", "share", "kappa", "pi"]), default="s", show_default=True,
              help="The agreement index averaged within and across the camps.")
@format_option
def camps_command(target, camp_since, camp_until, by, index, fmt, **kwargs):
    """Mean agreement within and across the camps of the statements on a target, group by group, in a vote source.

    The camps are the signatories of the joint statements and letters on the
    target in the period (states on both sides left out); the votes are those
    of --source (default unga).

    Example: graphkit camps --camps-of CHN --source unga --merge-successors
    """
    gk, source, options = open_graphkit(kwargs)
    if source == "curated" and click.get_current_context().get_parameter_source("source").name == "DEFAULT":
        source = "unga"
    emit_report(gk.camps(target, source, camp_since=camp_since, camp_until=camp_until, by=by, index=index, **options), fmt)
