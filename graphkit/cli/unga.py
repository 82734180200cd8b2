"""``graphkit import unga``, ``graphkit audit`` and ``graphkit unga agreement|drift|blocs|camps``."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError
from ..output import to_jsonable
from . import main
from .options import (data_option, emit, emit_frame, endpoint_from, endpoint_options, format_option, store_option,
                      vote_options)

@main.group("import")
def import_group():
    """Import external data sets into the store.

    Example: graphkit import unga votes.csv.gz roll_calls.csv.gz issues.csv.gz
    """


@import_group.command("unga")
@click.argument("votes", type=click.Path(path_type=Path))
@click.argument("roll_calls", required=False, type=click.Path(path_type=Path))
@click.argument("issues", required=False, type=click.Path(path_type=Path))
@click.option("--layout", type=click.Choice(["voeten", "undl"]), default="voeten", show_default=True,
              help="voeten: VOTES ROLL_CALLS [ISSUES] as in unvotes; undl: one UN Digital Library CSV.")
@click.option("--release", help="Release label of the data set (default: file names and sha256 prefixes).")
@store_option
@data_option
@click.option("--quiet", is_flag=True, help="No progress bar.")
@endpoint_options("Load the votes into this SPARQL 1.1 server instead of --store (Graph Store Protocol: "
                  "the roll calls in one PUT, the votes in POSTs of 100,000), replacing the graph an earlier import wrote.",
                  timeout=300.0)
def import_unga(votes, roll_calls, issues, layout, release, store_dir, data_dir, quiet, **kwargs):
    """Import UN General Assembly roll-call votes (CSV or CSV.gz), replacing their named graph.

    Every row is checked first (vote codes, roll calls, duplicates, country codes
    by date); any problem stops the import with the file and line, before anything is written.

    \b
    Example: graphkit import unga votes.csv.gz roll_calls.csv.gz issues.csv.gz --store build/store
    Example: graphkit import unga votes.csv.gz roll_calls.csv.gz issues.csv.gz --endpoint http://127.0.0.1:8890
    """
    endpoint = endpoint_from(kwargs)
    from ..unga.identity import load_identity
    from ..unga.readers import read_undl, read_voeten
    from ..unga.store import import_table

    identity = load_identity(data_dir)
    if layout == "voeten":
        if roll_calls is None:
            raise InputError("the voeten layout needs VOTES and ROLL_CALLS (ISSUES optional)",
                             hint="graphkit import unga votes.csv.gz roll_calls.csv.gz [issues.csv.gz]")
        table = read_voeten(votes, roll_calls, issues, identity=identity)
    else:
        if roll_calls is not None:
            raise InputError("the undl layout takes one file (its rows carry the roll calls)", value=str(roll_calls),
                             hint="graphkit import unga undl.csv --layout undl")
        table = read_undl(votes, identity=identity)
    s = table.summary()
    if endpoint is not None:
        from ..endpoint_load import load_votes

        sent = load_votes(table, endpoint, release=release, progress=not quiet)
        click.echo(f"imported {sent['votes']} votes on {sent['roll_calls']} roll calls ({s['first']} to {s['last']}, "
                   f"{s['entities']} voters; {s['skipped_non_votes']} non-votes skipped) into {sent['graph']} "
                   f"on {endpoint.url} ({endpoint.profile.name}): {sent['triples']} triples, {sent['seconds']:.1f} s")
        return
    result = import_table(table, store_dir, release=release, progress=not quiet)
    click.echo(f"imported {result.votes} votes on {result.roll_calls} roll calls ({s['first']} to {s['last']}, "
               f"{s['entities']} voters; {s['skipped_non_votes']} non-votes skipped) into {result.graph} "
               f"in {store_dir}: {result.quads} quads, {result.seconds:.1f} s")


@main.command("audit")
@store_option
@data_option
@format_option
def audit_command(store_dir, data_dir, fmt):
    """List tallies computed from the imported votes that differ from reported tallies (exit 0).

    Compares each roll call with its source's own tally columns, and with the
    curated acts in data/ (same symbol): their reported counts and signatory lists.

    Example: graphkit audit --store build/store
    """
    from ..build import build
    from ..store import open_store
    from ..unga.audit import FINDING_COLUMNS, audit
    from ..unga.store import import_hint

    store = open_store(store_dir, read_only=True, missing_hint=import_hint(store_dir=store_dir))
    findings, summary = audit(store, build(data_dir, check=False).graph)
    rows = [f.as_dict() for f in findings]
    if fmt == "json":
        click.echo(json.dumps({"summary": summary, "findings": rows}, ensure_ascii=False, indent=2))
        return
    emit(rows, fmt, FINDING_COLUMNS, title=f"Discrepancies: {summary['discrepancies']} "
         f"({summary['roll_calls']} roll calls, {summary['curated_acts_matched']} curated acts matched, "
         f"{summary['compared_tallies']} tallies compared)")


# ---------------------------------------------------------------- analyses


def unga_filters(f):
    """``--since --until`` (years) and :func:`~graphkit.cli.options.vote_options`: which votes and how to key them."""
    f = vote_options(f)
    for option in reversed([click.option("--since", type=int, help="Only roll calls from this year on."),
                            click.option("--until", type=int, help="Only roll calls up to this year.")]):
        f = option(f)
    return f


def _matrix(store_dir, data_dir, kw):
    from ..unga.selection import VoteSelection, load_matrix

    names = ("session", "issue", "since", "until", "merge_successors", "layout", "min_votes")
    return load_matrix(store_dir, VoteSelection(**{k: kw.pop(k) for k in names}), data_dir)


def _records(frame):
    return json.loads(frame.to_json(orient="records", force_ascii=False))


@main.group("unga")
def unga_group():
    """Analyses of the imported UN General Assembly votes.

    Example: graphkit unga drift --state FRA --partner CHN --partner USA
    """


_BY = click.option("--by", type=click.Choice(["year", "session", "decade", "issue", "all"]), default="year", show_default=True,
                   help="One result per year, session, decade, issue or for the whole selection.")


@unga_group.command("agreement")
@store_option
@data_option
@unga_filters
@_BY
@click.option("--state", "states", multiple=True, help="Only pairs with this state (repeatable; ISO alpha-3 or historic key).")
@click.option("--min-n", type=int, default=1, show_default=True, help="Only pairs with this many roll calls in common.")
@format_option
def agreement_command(store_dir, data_dir, by, states, min_n, fmt, **kw):
    """Agreement indices (share, S, kappa, pi, n) of every pair of states, by year, session, decade or issue.

    Example: graphkit unga agreement --state CHN --by decade --format csv
    """
    from ..unga.analysis import agreement_table

    m = _matrix(store_dir, data_dir, kw)
    emit_frame(agreement_table(m, by, states=list(states) or None, min_n=min_n), fmt, f"Agreement by {by}")


@unga_group.command("drift")
@store_option
@data_option
@unga_filters
@_BY
@click.option("--state", "states", multiple=True, help="Only these states (repeatable); default all.")
@click.option("--partner", "partners", multiple=True, help="Agreement with these (repeatable; default CHN and USA).")
@format_option
def drift_command(store_dir, data_dir, by, states, partners, fmt, **kw):
    """Each state's agreement with China and the United States (or other partners), year by year.

    Example: graphkit unga drift --state FRA --state IND --merge-successors
    """
    from ..unga.analysis import drift

    m = _matrix(store_dir, data_dir, kw)
    emit_frame(drift(m, tuple(partners) or ("CHN", "USA"), states=list(states) or None, by=by), fmt, f"Agreement with partners by {by}")


@unga_group.command("blocs")
@store_option
@data_option
@unga_filters
@click.option("--by", type=click.Choice(["year", "session", "decade", "issue", "all"]), default="decade", show_default=True,
              help="Blocs per decade (default), year, session, issue or for the whole selection.")
@click.option("--index", type=click.Choice(["kappa", "pi", "s", "share"]), default="kappa", show_default=True,
              help="Agreement index weighting the ties (kappa, pi: chance-corrected).")
@click.option("--min-n", type=int, default=20, show_default=True, help="Pairs with fewer shared roll calls get no tie.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bloc search (same seed, same blocs).")
@format_option
def blocs_command(store_dir, data_dir, by, index, min_n, seed, fmt, **kw):
    """Voting blocs per decade: signed modularity on the pairs' agreement.

    Example: graphkit unga blocs --by decade --merge-successors
    """
    from ..unga.analysis import blocs

    m = _matrix(store_dir, data_dir, kw)
    emit_frame(blocs(m, by, index=index, min_n=min_n, seed=seed), fmt, f"Blocs by {by} ({index})")


@unga_group.command("camps")
@store_option
@data_option
@unga_filters
@_BY
@click.option("--target", default="CHN", show_default=True, help="Target of the joint statements defining the camps.")
@click.option("--camp-since", default="2019", show_default=True, help="Statements from this date (YYYY[-MM[-DD]]).")
@click.option("--camp-until", default="2022-12-31", show_default=True, help="Statements up to this date.")
@click.option("--index", type=click.Choice(["s", "share", "kappa", "pi"]), default="s", show_default=True)
@format_option
def camps_command(store_dir, data_dir, by, target, camp_since, camp_until, index, fmt, **kw):
    """Do the camps of the joint statements on a target also vote together in the GA, and since when?

    Example: graphkit unga camps --target CHN --merge-successors
    """
    from ..unga.camps import statement_camps
    from ..unga.analysis import camp_agreement

    camps, excluded = statement_camps(data_dir, target, camp_since, camp_until)
    m = _matrix(store_dir, data_dir, kw)
    frame, summary = camp_agreement(m, camps, by=by, index=index)
    summary = {**summary, "camps": {k: len(v) for k, v in camps.items()}, "on_both_sides": excluded}
    if fmt == "json":
        click.echo(json.dumps(to_jsonable({"summary": summary, "rows": _records(frame)}), ensure_ascii=False, indent=2))
        return
    emit_frame(frame, fmt, f"Mean {index} within and across the camps of the statements on {target}")
    if fmt == "table":
        click.echo(f"\ncamps: {summary['camps']}; on both sides (left out): {', '.join(excluded) or 'none'}; "
                   f"within > across by ≥ {summary['margin']} every {by} since: {summary['since']}")
