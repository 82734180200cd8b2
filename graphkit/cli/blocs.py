"""``graphkit blocs``: camps per act, sides across acts, signed blocs, swing states and balance."""
from __future__ import annotations


import click

from ..graph.build import build
from ..errors import DataError
from ..analysis.camps import act_camps, reported_counts, side_consistency
from ..reports.analyses import blocs_report
from ..sources.curated.selection import select_records
from . import main
from .options import (by_act_option, data_option, emit, emit_frame, emit_json, filter_options, filters_from,
                      format_option, source_options, unga_from)

PARTS = ("camps", "sides", "blocs", "swing", "triads", "bridges")


@main.command("blocs")
@data_option
@filter_options
@source_options
@format_option
@by_act_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bloc search (same seed, same blocs).")
@click.option("--part", type=click.Choice(PARTS), help="Show one part only (CSV shows camps unless told).")
@click.option("--min-n", type=int, default=20, show_default=True,
              help="GA: pairs with fewer roll calls in common get no tie.")
def blocs_command(data_dir, fmt, seed, part, by_act, min_n, **kwargs):
    """Camps per act, blocs by signed modularity (size, cohesion, core, stance) and swing states.

    With --source unga, voting blocs in the imported UN General Assembly roll
    calls (signed modularity on the pairs' kappa; per decade: graphkit unga blocs).

    \b
    Example: graphkit blocs --target CHN --since 2019
    Example: graphkit blocs --source unga --since 2010 --until 2019 --issue hr
    """
    filters = filters_from(kwargs)
    votes = unga_from(kwargs, filters, by_act, unga_only=("min_n",))
    if votes is not None:
        if part:
            raise click.UsageError("--part applies to the curated acts only (the GA votes give blocs)")
        from ..analysis.votes import blocs
        from ..sources.unga.selection import load_matrix

        store_dir, selection = votes
        frame = blocs(load_matrix(store_dir, selection, data_dir), "all", min_n=min_n, seed=seed)
        if frame.empty:
            raise DataError(f"no pair of states voted on {min_n} or more of the same roll calls in the selection",
                            value=min_n, hint="lower --min-n or widen the selection")
        frame = frame.drop(columns="group")
        emit_frame(frame.drop(columns="members") if fmt == "table" else frame, fmt, title=f"Voting blocs by signed "
                   f"modularity on kappa (seed {seed}, ties between pairs with ≥ {min_n} roll calls in common); {selection.describe()}")
        if fmt == "table":
            for bloc, members in zip(frame["bloc"], frame["members"]):
                click.echo(f"  bloc {bloc}: {members}")
        return
    graph = build(data_dir, check=False).graph
    records = select_records(graph, filters)
    rep = blocs_report(records, seed=seed, by_occasion=not by_act)
    parts = {
        "camps": lambda: act_camps(records, reported_counts(graph)),
        "sides": lambda: side_consistency(records),
        "blocs": rep.bloc_rows,
        "swing": lambda: rep.swing,
        "triads": lambda: rep.balance.triads,
        "bridges": lambda: rep.bridges,
    }
    if fmt == "json":
        wanted = [part] if part else list(PARTS)
        out = {p: parts[p]() for p in wanted}
        if not part:
            b = rep.balance
            out["balance"] = {"frustration": b.frustration, "ties": b.ties, "exact": b.exact, "method": b.method,
                              "bloc_frustration": b.partition_frustration, "unbalanced_triads": b.unbalanced_triads,
                              "triads": b.triads_total, "modularity": rep.blocs.modularity, "seed": seed,
                              "items": "acts" if by_act else "occasions"}
        emit_json(out)
        return
    columns = {
        "camps": ["act", "date", "forum", "kind", "target", "camp", "listed", "reported", "differs", "members"],
        "sides": ["category", "state", "name", "supports", "criticises", "abstains"],
        "blocs": ["bloc", "size", "stance", "mean_side", "cohesion", "core", "members"],
        "swing": ["state", "name", "reasons", "split", "bloc", "lean", "evidence"],
        "triads": ["states", "strength", "negative", "ties"],
        "bridges": ["state", "name", "bloc", "participation", "betweenness", "outside"],
    }
    if fmt == "csv":
        p = part or "camps"
        emit(parts[p](), "csv", columns[p])
        return
    if part:
        emit(parts[part](), fmt, columns[part])
        return
    emit(parts["camps"](), fmt, ["date", "act", "forum", "camp", "listed", "reported"],
         title="Camps per act (listed vs reported counts)")
    click.echo()
    emit([{**r, "acts": f"{r['supports']}+ {r['criticises']}- {r['abstains']}="} for r in parts["sides"]()], fmt,
         ["category", "state", "name", "acts"],
         title="Sides toward the target across acts (+ supports, - criticises, = abstains)")
    click.echo()
    emit(rep.bloc_rows(), fmt, ["bloc", "size", "stance", "cohesion", "core"],
         title=f"Blocs by signed modularity (Q = {rep.blocs.modularity:.3f}, seed {seed}); "
               "cohesion = share of member pairs with a positive tie; ties counted per "
               + ("act" if by_act else "item (rival acts of one occasion are one item)"))
    for row in rep.bloc_rows():
        click.echo(f"  bloc {row['bloc']}: {' '.join(row['members'])}")
    click.echo()
    emit([{**s, "reasons": ", ".join(s["reasons"]),
           "evidence": "; ".join(s["evidence"])} for s in rep.swing], fmt,
         ["state", "name", "reasons", "split", "evidence"], title="Swing states (both sides, abstained, near a bloc boundary)")
    b = rep.balance
    click.echo()
    click.echo(f"Structural balance: {b.frustration} of {b.ties} ties violate the best two-camp split "
               f"({b.method}); {b.partition_frustration} violate the blocs; "
               f"{b.unbalanced_triads} of {b.triads_total} triads unbalanced.")
