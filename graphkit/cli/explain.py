"""``graphkit explain``: the items behind a pair's score, with sources and excerpts."""
from __future__ import annotations

import click

from . import main
from .options import emit_report, format_option, open_graphkit, selection_options


@main.command("explain")
@click.argument("a")
@click.argument("b")
@selection_options
@format_option
@click.option("--all", "show_all", is_flag=True, default=False,
              help="Votes: also list the records only one of the two voted in (by default they are counted).")
def explain_command(a, b, fmt, show_all, **kwargs):
    """The items and acts behind two states' agreement, each with its sources and quoted excerpts.

    An item is an occasion (rival acts of one session or debate, listed under it)
    or an act; with --by-act every act is an item. With a vote source, the
    records both states voted in, each with both votes and its provenance
    (dataset, release, record id).

    \b
    Example: graphkit explain FRA PAK --target CHN
    Example: graphkit explain USA FRA --source unga --session 74 --issue hr
    """
    gk, source, options = open_graphkit(kwargs)
    emit_report(gk.explain(a, b, source, show_all=show_all, **options), fmt)
