"""``graphkit import hrc``: read the Council's recorded votes (CSV or SQLite) and import them (registered by :mod:`graphkit.cli.imports`)."""
from __future__ import annotations

from pathlib import Path

import click

__all__ = ["import_command"]


@click.command("hrc")
@click.argument("votes", type=click.Path(path_type=Path))
@click.argument("resolutions", required=False, type=click.Path(path_type=Path))
@click.argument("countries", required=False, type=click.Path(path_type=Path))
def import_command(votes, resolutions, countries):
    """Import the Human Rights Council's recorded votes (SQLite file, or CSV files), replacing their named graph.

    Give the SQLite file alone, or the CSV exports VOTES RESOLUTIONS [COUNTRIES]
    (hrc_votes.csv, hrc_resolutions.csv, hrc_countries.csv). Every row is checked
    first (vote codes, records, duplicates, country codes, dates); any problem
    stops the import with the file and line (or table and rowid), before anything
    is written. Records that are the same vote as a curated act of --data are linked to it.

    Example: graphkit import hrc unhrc_votes_2006-2024.sqlite3
    """
    from .curated import curated_votes
    from .readers import read_hrc

    obj = click.get_current_context().obj
    return read_hrc(votes, resolutions, countries, identity=obj["states"](), curated=curated_votes(obj["data_dir"]))
