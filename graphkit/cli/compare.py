"""``graphkit compare``: agreement indices for every pair of the states named, as a grid."""
from __future__ import annotations

import click

from ..build import build
from ..reports import compare_states
from ..selection import resolve_states, select_records
from . import main
from .options import (by_act_option, data_option, emit, endpoint_from, endpoint_options, filter_options, filters_from,
                      format_option, source_options, unga_from)

INDEX_CHOICES = ("share", "s", "kappa", "pi")


def _unit(by_act: bool) -> str:
    return "acts both took part in" if by_act else \
        "items both took part in; an item = the rival acts of one occasion, or an act"


@main.command("compare")
@click.argument("states", nargs=-1, required=True)
@data_option
@filter_options
@source_options
@format_option
@by_act_option
@click.option("--index", "index", type=click.Choice(INDEX_CHOICES), default="share", show_default=True,
              help="The index shown in the grid (CSV and JSON give all of them).")
@click.option("--metric", type=click.Choice(("squared", "absolute", "nominal")), default="squared",
              show_default=True, help="Distance used by kappa and pi.")
@endpoint_options("With --source unga: read the GA votes from this SPARQL 1.1 server (loaded with graphkit import "
                  "unga --endpoint), in pages, instead of --store.")
def compare_command(states, data_dir, fmt, index, metric, by_act, **kwargs):
    """Pairwise agreement (share, S, kappa, pi, N) between states, as a grid.

    With --source unga, over the imported UN General Assembly roll calls
    (select them with --session, --issue, --since and --until).

    \b
    Example: graphkit compare FRA DEU IND --target CHN --index kappa
    Example: graphkit compare USA FRA CHN --source unga --session 74 --issue hr
    Example: graphkit compare USA ISR --source unga --endpoint http://127.0.0.1:8890
    """
    filters = filters_from(kwargs)
    endpoint = endpoint_from(kwargs)
    votes = unga_from(kwargs, filters, by_act)
    if endpoint is not None and votes is None:
        raise click.UsageError("--endpoint applies to --source unga only (the curated acts are read from --data)")
    if votes is not None:
        from ..unga.analysis import compare_pairs
        from ..unga.selection import load_matrix

        store_dir, selection = votes
        matrix = load_matrix(store_dir, selection, data_dir, endpoint=endpoint, progress=endpoint is not None)
        codes = [matrix.key_of(s) for s in states]
        rows = compare_pairs(matrix, codes, metric)
        unit, item, scope = "roll calls both voted in", "roll call", selection.describe()
    else:
        graph = build(data_dir, check=False).graph
        codes = resolve_states(graph, list(states))
        rows = compare_states(select_records(graph, filters), codes, metric, by_occasion=not by_act) if len(codes) > 1 else []
        unit, item, scope = _unit(by_act), ("act" if by_act else "item"), filters.describe()
    if len(codes) < 2:
        raise click.UsageError("name at least two states, e.g. graphkit compare FRA DEU")
    if fmt != "table":
        emit(rows, fmt, ["a", "b", "n", "share", "s", "kappa", "pi"])
        return
    cell = {}
    for r in rows:
        v = r[index]
        text = "N=0" if r["n"] == 0 else f"{'n/a' if v is None else f'{v:.3f}'} ({r['n']})"
        cell[(r["a"], r["b"])] = cell[(r["b"], r["a"])] = text
    grid = [{"state": a, **{b: ("—" if a == b else cell[(a, b)]) for b in codes}} for a in codes]
    emit(grid, fmt, ["state"] + codes, title=f"{index} (N = {unit}); {scope}")
    empty = [f"{r['a']}–{r['b']}" for r in rows if r["n"] == 0]
    if empty:
        click.echo(f"N = 0 (no {item} in common, indices undefined): {', '.join(empty)}")
    if any(r["n"] and r[index] is None for r in rows):
        click.echo("n/a: undefined — both states made one and the same choice throughout, so chance explains it all.")
