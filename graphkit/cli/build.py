"""``graphkit build`` and ``graphkit check``."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..graph.build import build, write_build
from ..store.endpoint_load import load_build_to_endpoint
from ..errors import InputError
from ..resources import default_store, home
from ..store.embedded import load_build
from ..reports.output import render_rows
from ..graph.writing import FORMATS, write_error
from . import main
from .options import data_option, format_option, table_width, endpoint_from, endpoint_options

EXTENSIONS = {"turtle": "ttl", "trig": "trig", "nt": "nt", "json-ld": "jsonld"}


@main.command("build")
@data_option
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="turtle", show_default=True,
              help="Serialisation; TriG keeps one named graph per data file.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Where to write the graph (default: graph.<ext> in $GRAPHKIT_HOME or the per-user graphkit folder).")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=default_store, show_default="$GRAPHKIT_STORE or the per-user store",
              help="The embedded SPARQL store to load (the curated graphs; imported votes are kept).")
@endpoint_options("Also load a SPARQL 1.1 server: one Graph Store Protocol PUT per graph, replacing what an "
                  "earlier build wrote there and removing its stale graphs.", timeout=300.0)
def build_command(data_dir, fmt, output, store_dir, **kwargs):
    """Load, validate and write the graph; print a summary.

    Exits 1 (and writes nothing) when the data fails the SHACL shapes.

    Also loads the embedded store (the per-user store, or --store DIR) that graphkit query and serve read.

    \b
    Example: graphkit build --format trig -o graph.trig
    Example: graphkit build --endpoint http://127.0.0.1:8890
    """
    result = build(data_dir)
    if not result.report.conforms:
        _print_violations(result.report.violations, "table")
        click.echo(f"Error: {len(result.report.violations)} violation(s); nothing written. Run graphkit check for details.", err=True)
        sys.exit(1)
    ep = endpoint_from(kwargs)   # a malformed URL is reported before anything is written
    if output is None:
        output = home() / f"graph.{EXTENSIONS[fmt]}"
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(output.parent, exc) from None
    write_build(result, output, fmt)
    s = result.summary()
    click.echo(f"{s['states']} states, {s['acts']} acts, {s['positions']} positions, "
               f"{s['sources']} sources, {s['triples']} triples; 0 violations")
    click.echo(f"wrote {output}", err=True)
    try:
        stored = load_build(result, store_dir, data_dir=data_dir)
    except OSError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise InputError(f"cannot write the store {store_dir}: {reason}", value=str(store_dir),
                         hint="free some disk space (or pass --store DIR elsewhere) and run graphkit build again") from None
    click.echo(f"stored {stored['triples']} triples in the curated graphs of {store_dir}", err=True)
    if stored["dropped"]:
        click.echo(f"note: the store was written by an older graphkit; its imported votes ({', '.join(stored['dropped'])}) "
                   "were not kept: run the imports again (graphkit import unga ...)", err=True)
    if ep is not None:
        sent = load_build_to_endpoint(result, ep)
        removed = f", removed {sent['removed']} stale graph(s)" if sent.get("removed") else ""
        click.echo(f"loaded {sent['graphs']} named graphs into {ep.url} ({ep.profile.name}){removed}", err=True)


@main.command("check")
@data_option
@format_option
def check_command(data_dir, fmt):
    """Validate the data against the shapes and list every violation.

    Exit code 0 when it conforms, 1 when it does not, 2 when input cannot be read.

    Example: graphkit check --data my-data/
    """
    result = build(data_dir)
    if result.report.conforms:
        click.echo(f"conforms: {len(result.loaded.files)} files, 0 violations")
        return
    _print_violations(result.report.violations, fmt)
    if fmt == "table":
        click.echo(f"{len(result.report.violations)} violation(s)", err=True)
    sys.exit(1)


def _print_violations(violations, fmt):
    click.echo(render_rows([v.as_dict() for v in violations], fmt, ["file", "focus", "path", "message", "value"],
                           width=table_width() if fmt == "table" else None))
