"""``graphkit state``: one state's record and its closest partners."""
from __future__ import annotations

import json

import click

from ..build import build
from ..output import to_jsonable
from ..reports import state_profile
from ..selection import resolve_states, select_records
from . import main
from .options import by_act_option, data_option, emit, filter_options, filters_from, format_option


@main.command("state")
@click.argument("state")
@data_option
@filter_options
@format_option
@by_act_option
@click.option("--top", type=int, default=5, show_default=True, help="How many partners to list.")
def state_command(state, data_dir, fmt, top, by_act, **kwargs):
    """One state's positions and its closest and most opposed partners.

    Example: graphkit state CHN --since 2019
    """
    filters = filters_from(kwargs)
    graph = build(data_dir, check=False).graph
    code = resolve_states(graph, [state])[0]
    profile = state_profile(select_records(graph, filters), code, top=top, by_occasion=not by_act)
    if fmt == "json":
        click.echo(json.dumps(to_jsonable(profile), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        emit(profile["positions"], "csv", ["date", "act_id", "kind", "forum", "target", "stance", "side", "roles"])
        return
    click.echo(f"{profile['name']} ({code}): {len(profile['positions'])} positions — "
               f"{profile['supports']} supporting, {profile['criticises']} criticising, "
               f"{profile['abstains']} abstaining toward the target ({filters.describe()})")
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
