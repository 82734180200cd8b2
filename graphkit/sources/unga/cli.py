"""``graphkit import unga``: the command that reads the GA vote files and imports them (registered by :mod:`graphkit.cli.imports`)."""
from __future__ import annotations

from pathlib import Path

import click

from ...errors import InputError

__all__ = ["import_command"]


@click.command("unga")
@click.argument("votes", type=click.Path(path_type=Path))
@click.argument("roll_calls", required=False, type=click.Path(path_type=Path))
@click.argument("issues", required=False, type=click.Path(path_type=Path))
@click.option("--layout", type=click.Choice(["voeten", "undl"]), default="voeten", show_default=True,
              help="voeten: VOTES ROLL_CALLS [ISSUES] as in unvotes; undl: one UN Digital Library CSV.")
def import_command(votes, roll_calls, issues, layout):
    """Import UN General Assembly roll-call votes (CSV or CSV.gz), replacing their named graph.

    Every row is checked first (vote codes, roll calls, duplicates, country codes
    by date); any problem stops the import with the file and line, before anything is written.

    Example: graphkit import unga votes.csv.gz roll_calls.csv.gz issues.csv.gz
    """
    from . import read_undl, read_voeten

    states = click.get_current_context().obj["states"]()
    if layout == "voeten":
        if roll_calls is None:
            raise InputError("the voeten layout needs VOTES and ROLL_CALLS (ISSUES optional)",
                             hint="graphkit import unga votes.csv.gz roll_calls.csv.gz [issues.csv.gz]")
        return read_voeten(votes, roll_calls, issues, identity=states)
    if roll_calls is not None:
        raise InputError("the undl layout takes one file (its rows carry the roll calls)", value=str(roll_calls),
                         hint="graphkit import unga undl.csv --layout undl")
    return read_undl(votes, identity=states)
