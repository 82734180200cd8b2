"""``graphkit explain``: the items and acts behind a pair's score, with sources and excerpts."""
from __future__ import annotations

import json

import click

from ..build import build
from ..output import to_jsonable
from ..reports import explain_pair
from ..selection import resolve_states, select_records
from . import main
from .options import by_act_option, data_option, emit, filter_options, filters_from, format_option


def _fmt(v):
    return "undefined" if v is None or v != v else f"{v:.3f}"


def _rows(pair: dict, a: str, b: str) -> list[dict]:
    """One row per piece of evidence: the occasion's own, then each act's (act and both positions)."""
    rows = []
    for item in pair["items"]:
        base = {"date": item["date"], "item": item["item_id"], "agree": "yes" if item["agree"] else "no"}
        for ev in item["evidence"]:
            rows.append({**base, "act": "", "kind": "Occasion", "forum": item["forum"],
                         a: item["stance_a"], b: item["stance_b"], **_evidence(ev)})
        for act in item["acts"]:
            for ev in act["evidence"] or [{}]:
                rows.append({**base, "date": act["date"], "act": act["act_id"], "kind": act["kind"], "forum": act["forum"],
                             a: act["stance_a"] or "-", b: act["stance_b"] or "-", **_evidence(ev)})
    return rows


def _evidence(ev: dict) -> dict:
    return {"about": ev.get("about"), "source": ev.get("title") or ev.get("source"), "url": ev.get("url"),
            "excerpt": ev.get("excerpt")}


@main.command("explain")
@click.argument("a")
@click.argument("b")
@data_option
@filter_options
@format_option
@by_act_option
def explain_command(a, b, data_dir, fmt, by_act, **kwargs):
    """The items and acts behind two states' agreement, each with its sources and quoted excerpts.

    An item is an occasion (rival acts of one session or debate, listed under it)
    or an act; with --by-act every act is an item.

    Example: graphkit explain FRA PAK --target CHN
    """
    filters = filters_from(kwargs)
    graph = build(data_dir, check=False).graph
    a, b = resolve_states(graph, [a, b])
    pair = explain_pair(graph, select_records(graph, filters), a, b, by_occasion=not by_act)
    rows = _rows(pair, a, b)
    if fmt == "json":
        click.echo(json.dumps(to_jsonable(pair), ensure_ascii=False, indent=2))
        return
    columns = ["date", "item", "act", "kind", "forum", a, b, "agree", "about", "source", "url", "excerpt"]
    if fmt == "csv":
        emit(rows, "csv", columns)
        return
    unit = "acts" if by_act else "items"
    if pair["n"] == 0:
        click.echo(f"{a} and {b} took part in no {unit[:-1]} in common (N = 0) under these filters "
                   f"({filters.describe()}): no index can be computed.")
    else:
        click.echo(f"{a}–{b}: N = {pair['n']} {unit if pair['n'] != 1 else unit[:-1]} in common; share {_fmt(pair['share'])}, S {_fmt(pair['s'])}, "
                   f"kappa {_fmt(pair['kappa'])}, pi {_fmt(pair['pi'])}")
        if not by_act:
            click.echo("(an item is an occasion — rival acts of one session or debate, "
                       "a state's side there — or an act; --by-act counts every act)")
        click.echo()
        emit(rows, fmt, ["date", "item", "act", a, b, "agree", "about", "source", "excerpt"],
             title=f"{unit.capitalize()} counted, with their evidence "
                   "(about = the occasion, the act itself or a state's listed position; - = did not sign that act)")
    for key, who in (("only_a", a), ("only_b", b)):
        if pair[key]:
            click.echo(f"Only {who} took part in: " + ", ".join(x["item_id"] for x in pair[key]))
    for item in pair["mixed"]:
        click.echo(f"Not counted: {item['item_id']} — {a} {item['stance_a'] or '-'}, {b} {item['stance_b'] or '-'} "
                   "(different sides at one occasion)")
