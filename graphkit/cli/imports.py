"""``graphkit import SOURCE ...``: each vote source's own reader, then one import into the store.

Every source that imports files (:data:`graphkit.sources.SOURCES`, an
``import_cli`` attribute naming its click command) gets a subcommand here: the
source's command reads and checks the files and returns a
:class:`~graphkit.sources.votes.table.VoteTable`; this module imports it into
the store and reports what it did. A new source adds its command in its own
package and nothing here changes.
"""
from __future__ import annotations

import importlib

import click

from ..graph.states import load_states
from ..sources import SOURCES
from ..store.votes import ImportProgress, import_table
from . import main
from .options import data_option, endpoint_from, endpoint_options, store_option


@main.group("import")
def import_group():
    """Import external data sets (recorded votes) into the store, each into its own named graph.

    Example: graphkit import unga votes.csv.gz roll_calls.csv.gz issues.csv.gz
    """


def _wrap(command: click.Command) -> click.Command:
    """The source's reader command, with --store, --data, --release and --quiet, importing what it returns."""
    read = command.callback

    def callback(store_dir, data_dir, release, quiet, allow_empty, **kwargs):
        ctx = click.get_current_context()
        ctx.obj = {"states": lambda: load_states(data_dir), "data_dir": data_dir}
        endpoint = endpoint_from(kwargs)
        progress = ImportProgress(f"import {command.name}", not quiet and endpoint is None)
        try:
            progress.phase("reading and checking the files")
            table = read(**kwargs)
            result = None if endpoint is not None else import_table(table, store_dir, release=release, progress=progress,
                                                                    allow_empty=allow_empty)
        finally:
            progress.close()
        s = table.summary()
        non_votes = (f"{s['kept_non_votes']} non-votes kept as gk:noVote" if s["kept_non_votes"] else
                     f"{s['skipped_non_votes']} non-votes skipped")
        if endpoint is not None:
            from ..store.endpoint_load import load_votes

            sent = load_votes(table, endpoint, release=release, progress=not quiet)
            click.echo(f"imported {sent['votes']} votes on {sent['roll_calls']} records ({s['first']} to {s['last']}, "
                       f"{s['entities']} voters; {non_votes}) into {sent['graph']} "
                       f"on {endpoint.url} ({endpoint.profile.name}): {sent['triples']} triples, {sent['seconds']:.1f} s",
                       err=True)
            for note in table.notes:
                click.echo(f"note: {note}", err=True)
            return
        click.echo(f"imported {result.votes} votes on {result.roll_calls} records ({s['first']} to {s['last']}, "
                   f"{s['entities']} voters; {non_votes}) into {result.graph} "
                   f"in {store_dir}: {result.quads} quads, {result.seconds:.1f} s"
                   + (f"; {result.links} linked to curated acts of the same vote (gk:sameVoteAs)" if result.links else ""),
                   err=True)
        for note in table.notes:
            click.echo(f"note: {note}", err=True)

    wrapped = click.Command(command.name, callback=callback, params=list(command.params), help=command.help,
                            short_help=command.short_help)
    for option in (click.Option(["--release"], help="Release label of the data set (default: file names and sha256 prefixes)."),
                   click.Option(["--quiet"], is_flag=True, help="No progress bar."),
                   click.Option(["--allow-empty"], is_flag=True,
                                help="Import files holding no vote (this empties the graph); refused otherwise.")):
        wrapped.params.append(option)
    wrapped = endpoint_options("Load the votes into this SPARQL 1.1 server instead of --store (Graph Store Protocol: "
                               "the records in one PUT, the votes in POSTs of 100,000), replacing the graph an earlier "
                               "import wrote.", timeout=300.0)(wrapped)
    return store_option(data_option(wrapped))


for _source in SOURCES.values():
    _target = getattr(_source, "import_cli", None)
    if _target:
        _module, _name = _target.split(":")
        import_group.add_command(_wrap(getattr(importlib.import_module(_module), _name)))
