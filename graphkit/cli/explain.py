"""``graphkit explain``: the acts behind a pair's score, with sources and excerpts."""
from __future__ import annotations

import json

import click

from ..build import build
from ..output import to_jsonable
from ..reports import explain_pair
from ..selection import resolve_states, select_records
from . import main
from .options import data_option, emit, filter_options, filters_from, format_option


def _fmt(v):
    return "undefined" if v is None or v != v else f"{v:.3f}"


@main.command("explain")
@click.argument("a")
@click.argument("b")
@data_option
@filter_options
@format_option
def explain_command(a, b, data_dir, fmt, **kwargs):
    """The acts behind two states' agreement, each with its sources and quoted excerpts.

    Example: graphkit explain FRA PAK --target CHN
    """
    filters = filters_from(kwargs)
    graph = build(data_dir, check=False).graph
    a, b = resolve_states(graph, [a, b])
    pair = explain_pair(graph, select_records(graph, filters), a, b)
    rows = []
    for act in pair["acts"]:
        for ev in act["evidence"] or [{}]:
            rows.append({"date": act["date"], "act": act["act_id"], "kind": act["kind"], "forum": act["forum"],
                         a: act["stance_a"], b: act["stance_b"], "agree": "yes" if act["agree"] else "no",
                         "about": ev.get("about"), "source": ev.get("title") or ev.get("source"),
                         "url": ev.get("url"), "excerpt": ev.get("excerpt")})
    if fmt == "json":
        click.echo(json.dumps(to_jsonable(pair), ensure_ascii=False, indent=2))
        return
    columns = ["date", "act", "kind", "forum", a, b, "agree", "about", "source", "url", "excerpt"]
    if fmt == "csv":
        emit(rows, "csv", columns)
        return
    if pair["n"] == 0:
        click.echo(f"{a} and {b} took part in no act in common (N = 0) under these filters "
                   f"({filters.describe()}): no index can be computed.")
    else:
        click.echo(f"{a}–{b}: N = {pair['n']} acts in common; share {_fmt(pair['share'])}, S {_fmt(pair['s'])}, "
                   f"kappa {_fmt(pair['kappa'])}, pi {_fmt(pair['pi'])}")
        click.echo()
        emit(rows, fmt, ["date", "act", a, b, "agree", "about", "source", "excerpt"],
             title="Acts counted, with their evidence (about = the act itself or a state's listed position)")
    for key, who in (("only_a", a), ("only_b", b)):
        if pair[key]:
            click.echo(f"Only {who} took part in: " + ", ".join(x["act_id"] for x in pair[key]))
