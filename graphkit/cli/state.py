"""``graphkit state``: one state's record and its closest partners."""
from __future__ import annotations


import click

from ..graph.build import build
from ..reports.analyses import state_profile
from ..safe_text import terminal_text
from ..sources.curated.selection import resolve_states, select_records
from . import main
from .options import (by_act_option, data_option, emit, emit_json, filter_options, filters_from, format_option,
                      source_options, unga_from)


@main.command("state")
@click.argument("state")
@data_option
@filter_options
@source_options
@format_option
@by_act_option
@click.option("--top", type=int, default=5, show_default=True, help="How many partners to list.")
@click.option("--min-n", type=int, default=10, show_default=True,
              help="GA: partners need this many roll calls in common with the state.")
def state_command(state, data_dir, fmt, top, by_act, min_n, **kwargs):
    """One state's positions and its closest and most opposed partners.

    With --source unga, its votes in the imported UN General Assembly roll
    calls and the states that voted most and least like it (by S).

    \b
    Example: graphkit state CHN --since 2019
    Example: graphkit state FRA --source unga --since 2010 --issue hr
    """
    filters = filters_from(kwargs)
    votes = unga_from(kwargs, filters, by_act, unga_only=("min_n",))
    if votes is not None:
        from ..analysis.votes import state_record
        from ..sources.unga.selection import load_matrix

        store_dir, selection = votes
        record = state_record(load_matrix(store_dir, selection, data_dir), state, top=top, min_n=min_n)
        _emit_votes_record(record, fmt, selection.describe(), min_n)
        return
    graph = build(data_dir, check=False).graph
    code = resolve_states(graph, [state])[0]
    profile = state_profile(select_records(graph, filters), code, top=top, by_occasion=not by_act)
    if fmt == "json":
        emit_json(profile)
        return
    if fmt == "csv":
        emit(profile["positions"], "csv", ["date", "act_id", "kind", "forum", "target", "stance", "side", "roles"])
        return
    click.echo(terminal_text(f"{profile['name']} ({code}): {len(profile['positions'])} positions — "
                             f"{profile['supports']} supporting, {profile['criticises']} criticising, "
                             f"{profile['abstains']} abstaining toward the target ({filters.describe()})"))
    if not profile["positions"]:
        click.echo("No position of this state in the selection.")
        return
    click.echo()
    emit(profile["positions"], fmt, ["date", "act_id", "forum", "target", "stance", "roles"], title="Positions")
    click.echo()
    cols = ["partner", "name", "n", "same", "opposite", "share", "kappa"]
    emit(profile["closest"], fmt, cols, title=f"Closest partners ({'acts' if by_act else 'items'} on the same side minus opposite, then share)")
    if profile["opposed"]:
        click.echo()
        emit(profile["opposed"], fmt, cols, title="Most opposed")
    for key, title in (("supporters", "supported"), ("critics", "criticised")):
        if profile["as_target"][key]:
            click.echo()
            emit(profile["as_target"][key], fmt, ["state", "acts", "act_ids"],
                 title=f"States that most often {title} {code} (as the target of acts)")
    if not profile["partners"]:
        click.echo("No other state took part in any of these acts (N = 0 with everyone).")


def _emit_votes_record(record: dict, fmt: str, scope: str, min_n: int) -> None:
    """Print :func:`graphkit.analysis.votes.state_record`: its votes, then closest and most opposed partners."""
    cols = ["partner", "name", "n", "share", "s", "kappa", "pi"]
    if fmt == "json":
        emit_json(record)
        return
    if fmt == "csv":
        emit(record["ranking"], "csv", cols)
        return
    click.echo(terminal_text(f"{record['name']} ({record['state']}): voted on {record['roll_calls'] - record['absent']} of "
                             f"{record['roll_calls']} roll calls — {record['yes']} yes, {record['no']} no, "
                             f"{record['abstain']} abstaining ({scope})"))
    if not record["ranking"]:
        click.echo(f"No other state voted on {min_n} or more of the same roll calls (lower --min-n).")
        return
    click.echo()
    emit(record["closest"], fmt, cols, title=f"Closest partners (highest S, then share; ≥ {min_n} roll calls in common)")
    if record["opposed"]:
        click.echo()
        emit(record["opposed"], fmt, cols, title="Most opposed (S < 0: further apart than one step on average)")
