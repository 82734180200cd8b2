"""``graphkit explain``: the items and acts behind a pair's score, with sources and excerpts."""
from __future__ import annotations


import click

from ..graph.build import build
from ..reports.analyses import explain_pair
from ..safe_text import terminal_text
from ..sources.curated.selection import resolve_states, select_records
from . import main
from .options import (by_act_option, data_option, emit, emit_json, filter_options, filters_from, format_option,
                      source_options, unga_from)


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
@source_options
@format_option
@by_act_option
@click.option("--all", "show_all", is_flag=True, default=False,
              help="GA: also list the roll calls only one of the two voted in (by default they are counted).")
def explain_command(a, b, data_dir, fmt, by_act, show_all, **kwargs):
    """The items and acts behind two states' agreement, each with its sources and quoted excerpts.

    An item is an occasion (rival acts of one session or debate, listed under it)
    or an act; with --by-act every act is an item. With --source unga, the
    imported UN General Assembly roll calls both states voted in, each with
    both votes and its provenance (dataset, release, roll-call id).

    \b
    Example: graphkit explain FRA PAK --target CHN
    Example: graphkit explain USA FRA --source unga --session 74 --issue hr
    """
    filters = filters_from(kwargs)
    votes = unga_from(kwargs, filters, by_act, unga_only=("show_all",))
    if votes is not None:
        from ..analysis.explain_votes import explain_pair_votes
        from ..sources.unga.selection import load_matrix

        store_dir, selection = votes
        pair = explain_pair_votes(load_matrix(store_dir, selection, data_dir), a, b, store_dir=store_dir,
                                  layout=selection.layout)
        _emit_votes(pair, fmt, selection.describe(), show_all)
        return
    graph = build(data_dir, check=False).graph
    a, b = resolve_states(graph, [a, b])
    pair = explain_pair(graph, select_records(graph, filters), a, b, by_occasion=not by_act)
    rows = _rows(pair, a, b)
    if fmt == "json":
        emit_json(pair)
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


def _short(row: dict, width: int = 60) -> dict:
    """The row with its title cut to ``width`` characters for the table (CSV and JSON keep it whole)."""
    title = row.get("title") or ""
    return {**row, "title": title if len(title) <= width else title[:width - 1].rstrip() + "…"}


def _emit_votes(pair: dict, fmt: str, scope: str, show_all: bool) -> None:
    """Print :func:`graphkit.analysis.explain_votes.explain_pair_votes`: indices, the roll calls both voted in, the others counted."""
    a, b = pair["a"], pair["b"]
    lists = {"both": "both", "only_a": f"only {a}", "only_b": f"only {b}"}
    if not show_all:
        pair = {**pair, **{f"{k}_count": len(pair[k]) for k in ("only_a", "only_b")}, "only_a": None, "only_b": None}
    if fmt == "json":
        emit_json(pair)
        return
    rename = lambda r, voted: {**r, a: r["vote_a"], b: r["vote_b"], "voted": voted,
                               "agree": {True: "yes", False: "no", None: ""}[r["agree"]]}
    if fmt == "csv":
        rows = [rename(r, label) for k, label in lists.items() for r in (pair[k] or [])]
        emit(rows, "csv", ["rcid", "date", "precision", "session", "symbol", "title", "issues", a, b, "agree", "voted",
                           "voter_a", "voter_b", "position_a", "position_b", "act", "dataset", "release", "excerpt"])
        return
    head = terminal_text(f"{a}–{b} ({pair['name_a']}, {pair['name_b']}), {scope}: ")
    if pair["n"] == 0:
        click.echo(head + "no roll call both voted in (N = 0): no index can be computed.")
    else:
        click.echo(head + f"N = {pair['n']} roll call{'s' if pair['n'] != 1 else ''} both voted in; "
                   f"share {_fmt(pair['share'])}, S {_fmt(pair['s'])}, kappa {_fmt(pair['kappa'])}, pi {_fmt(pair['pi'])}")
        if pair["source"]:
            click.echo(terminal_text(f"Source: {pair['source']['dataset']}, release {pair['source']['release'] or '(none)'}; "
                                     "each row is one roll call (rcid = its id there; --format json or csv gives the act, "
                                     "the evidence excerpt and each vote's position)"))
        click.echo()
        columns = ["date", "session", "symbol", "title", a, b, "agree", "rcid"]
        emit([_short(rename(r, "both")) for r in pair["both"]], fmt, columns,
             title="Roll calls both voted in (agree = the same vote; date YYYY-MM = precise to the month only)")
    for key, who, other in (("only_a", a, b), ("only_b", b, a)):
        rows = pair[key]
        count = len(rows) if rows is not None else pair[f"{key}_count"]
        if rows:
            click.echo()
            emit([_short(rename(r, lists[key])) for r in rows], fmt, ["date", "session", "symbol", "title", who, "rcid"],
                 title=f"Roll calls only {who} voted in ({other}: absent, not voting or not a member)")
        elif count:
            click.echo(f"Only {who} voted in {count} roll call{'s' if count != 1 else ''} of the selection "
                       f"({other} absent, not voting or not a member; --all lists them).")
    if pair["neither"]:
        click.echo(f"Neither voted in {pair['neither']} of the {pair['roll_calls']} roll calls selected.")
