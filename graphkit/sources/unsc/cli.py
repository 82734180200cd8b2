"""``graphkit import unsc-vetoes``: read the Security Council's veto file and import it (registered by :mod:`graphkit.cli.imports`)."""
from __future__ import annotations

from pathlib import Path

import click

__all__ = ["import_command"]


@click.command("unsc-vetoes")
@click.argument("file", type=click.Path(path_type=Path))
def import_command(file):
    """Import the Security Council's vetoed drafts (unsc_vetoes_1946_sept2022.csv), replacing their named graph.

    Each vetoed draft becomes an act of the Security Council, each vetoing member a
    position (stance no, role veto) linked to its permanent membership in --data.
    Every row is checked first (dates, members by date, flags); any problem stops
    the import with the file and line, before anything is written.

    Example: graphkit import unsc-vetoes unsc_vetoes_1946_sept2022.csv
    """
    from .readers import read_vetoes, veto_memberships

    obj = click.get_current_context().obj
    return read_vetoes(file, identity=obj["states"](), memberships=veto_memberships(obj["data_dir"]))
