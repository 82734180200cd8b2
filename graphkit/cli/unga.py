"""``graphkit audit``, and ``graphkit unga ...``: the old GA-vote commands, kept for one release as aliases.

``graphkit unga agreement|drift|blocs|camps`` did for the GA votes what the
main commands now do for every source; each alias says what replaced it (on
stderr) and runs it.
"""
from __future__ import annotations

import click

from . import main
from .options import by_option, data_option, emit_report, format_option, store_option


@main.command("audit")
@store_option
@data_option
@format_option
def audit_command(store_dir, data_dir, fmt):
    """List tallies computed from the imported votes that differ from reported tallies (exit 0).

    Compares each record with its source's own tally columns, and with the
    curated acts in data/ (same symbol): their reported counts and signatory lists.

    Example: graphkit audit
    """
    from ..api import Graphkit

    emit_report(Graphkit(data_dir, store_dir).audit(), fmt)


def _vote_options(f):
    options = [
        click.option("--since", type=int, help="Only roll calls from this year on."),
        click.option("--until", type=int, help="Only roll calls up to this year."),
        click.option("--session", type=int, help="Only this GA session (1 = 1946 … 74 = 2019–20)."),
        click.option("--issue", help="Only roll calls with this issue code: me, nu, di, hr, co, ec."),
        click.option("--merge-successors", is_flag=True, default=None, help="One series per seat: USSR → Russia …"),
        click.option("--layout", type=click.Choice(["voeten", "undl"]), default=None, help="Which imported graph to read."),
        click.option("--min-votes", type=int, default=None, help="Leave out roll calls with fewer votes (default 5)."),
    ]
    for option in reversed(options):
        f = option(f)
    return store_option(data_option(f))


def _open(replacement: str, kw: dict):
    from ..api import Graphkit

    click.echo(f"note: `graphkit unga` is an alias kept for one release; use `{replacement}`", err=True)
    gk = Graphkit(kw.pop("data_dir"), kw.pop("store_dir"))
    for key in ("since", "until"):
        if kw.get(key) is not None:
            kw[key] = str(kw[key])
    return gk, {k: v for k, v in kw.items() if v is not None}


@main.group("unga")
def unga_group():
    """Deprecated aliases: the GA-vote analyses are now the main commands with --source unga.

    Example: graphkit unga drift --state FRA   (now: graphkit state FRA --source unga --drift)
    """


@unga_group.command("agreement")
@_vote_options
@by_option("year")
@click.option("--state", "states", multiple=True, help="Only pairs with this state (repeatable).")
@click.option("--min-n", type=int, default=1, show_default=True, help="Only pairs with this many roll calls in common.")
@format_option
def agreement_alias(by, states, min_n, fmt, **kw):
    """Alias of `graphkit compare --all-pairs --source unga --by year`.

    Example: graphkit unga agreement --state CHN --by decade --format csv
    """
    gk, options = _open("graphkit compare --all-pairs --source unga --by BY", kw)
    emit_report(gk.agreement(by, "unga", states=list(states) or None, min_n=min_n, **options), fmt)


@unga_group.command("drift")
@_vote_options
@by_option("year")
@click.option("--state", "states", multiple=True, help="Only these states (repeatable); default all.")
@click.option("--partner", "partners", multiple=True, help="Agreement with these (repeatable; default CHN and USA).")
@format_option
def drift_alias(by, states, partners, fmt, **kw):
    """Alias of `graphkit state STATE --source unga --drift --partner P`.

    Example: graphkit unga drift --state FRA --state IND --merge-successors
    """
    gk, options = _open("graphkit state STATE --source unga --drift", kw)
    emit_report(gk.drift(list(states) or None, tuple(partners) or ("CHN", "USA"), "unga", by=by, **options), fmt)


@unga_group.command("blocs")
@_vote_options
@by_option("decade")
@click.option("--index", type=click.Choice(["kappa", "pi", "s", "share"]), default="kappa", show_default=True)
@click.option("--min-n", type=int, default=20, show_default=True, help="Pairs with fewer shared roll calls get no tie.")
@click.option("--seed", type=int, default=0, show_default=True)
@format_option
def blocs_alias(by, index, min_n, seed, fmt, **kw):
    """Alias of `graphkit blocs --source unga --by decade`.

    Example: graphkit unga blocs --by decade --merge-successors
    """
    gk, options = _open("graphkit blocs --source unga --by decade", kw)
    emit_report(gk.blocs("unga", by=by, weight=index, min_n=min_n, seed=seed, **options), fmt)


@unga_group.command("camps")
@_vote_options
@by_option("year")
@click.option("--target", default="CHN", show_default=True)
@click.option("--camp-since", default="2019", show_default=True)
@click.option("--camp-until", default="2022-12-31", show_default=True)
@click.option("--index", type=click.Choice(["s", "share", "kappa", "pi"]), default="s", show_default=True)
@format_option
def camps_alias(by, target, camp_since, camp_until, index, fmt, **kw):
    """Alias of `graphkit camps --camps-of CHN --source unga`.

    Example: graphkit unga camps --target CHN --merge-successors
    """
    gk, options = _open("graphkit camps --camps-of TARGET --source unga", kw)
    emit_report(gk.camps(target, "unga", camp_since=camp_since, camp_until=camp_until, by=by, index=index, **options), fmt)
