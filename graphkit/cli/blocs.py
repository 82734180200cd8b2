"""``graphkit blocs``: camps per act and the states always on one side."""
from __future__ import annotations

import json

import click

from ..build import build
from ..camps import act_camps, reported_counts, side_consistency
from ..errors import DataError
from ..output import to_jsonable
from ..records import position_records
from . import main
from .options import data_option, emit, filter_options, filters_from, format_option


@main.command("blocs")
@data_option
@filter_options
@format_option
def blocs_command(data_dir, fmt, **kwargs):
    """Camps per act (listed vs reported counts) and each state's side across acts.

    Example: graphkit blocs --target CHN --since 2019
    """
    filters = filters_from(kwargs)
    graph = build(data_dir, check=False).graph
    records = position_records(graph, filters)
    if not records:
        raise DataError(f"no positions left after the filters ({filters.describe()})",
                        hint="widen --since/--until or check --forum/--topic/--target spelling")
    camps = act_camps(records, reported_counts(graph))
    sides = side_consistency(records)
    if fmt == "json":
        click.echo(json.dumps(to_jsonable({"camps": camps, "sides": sides}), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        emit(camps, "csv", ["act", "date", "forum", "kind", "target", "camp", "listed", "reported", "differs", "members"])
        return
    emit(camps, fmt, ["date", "act", "forum", "camp", "listed", "reported"], title="Camps per act (listed vs reported counts)")
    click.echo()
    emit([{**r, "acts": f"{r['supports']}+ {r['criticises']}- {r['abstains']}="} for r in sides], fmt,
         ["category", "state", "name", "acts"], title="Sides toward the target across acts (+ supports, - criticises, = abstains)")
