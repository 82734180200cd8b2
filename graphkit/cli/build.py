"""``graphkit build`` and ``graphkit check``."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build import build, write_build
from ..endpoint import load_build_to_endpoint
from ..store import DEFAULT_STORE, load_build
from ..output import render_rows
from ..writing import FORMATS
from . import main
from .options import data_option, endpoint_from, endpoint_options, format_option

EXTENSIONS = {"turtle": "ttl", "trig": "trig", "nt": "nt", "json-ld": "jsonld"}


@main.command("build")
@data_option
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="turtle", show_default=True,
              help="Serialisation; TriG keeps one named graph per data file.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Where to write the graph (default: build/graph.<ext>).")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DEFAULT_STORE, show_default=True,
              help="The embedded SPARQL store to load (one named graph per data file).")
@endpoint_options("Also load a SPARQL 1.1 server: one Graph Store Protocol PUT per graph, replacing what an "
                  "earlier build wrote there and removing its stale graphs.", timeout=300.0)
def build_command(data_dir, fmt, output, store_dir, **kwargs):
    """Load, validate and write the graph; print a summary.

    Exits 1 (and writes nothing) when the data fails the SHACL shapes.

    Also loads the embedded store (build/store) that graphkit query and serve read.

    \b
    Example: graphkit build --format trig -o build/graph.trig
    Example: graphkit build --endpoint http://127.0.0.1:8890
    """
    endpoint = endpoint_from(kwargs)
    result = build(data_dir)
    if not result.report.conforms:
        _print_violations(result.report.violations, "table")
        click.echo(f"Error: {len(result.report.violations)} violation(s); nothing written. Run graphkit check for details.", err=True)
        sys.exit(1)
    if output is None:
        output = Path("build") / f"graph.{EXTENSIONS[fmt]}"
        output.parent.mkdir(exist_ok=True)
    write_build(result, output, fmt)
    s = result.summary()
    click.echo(f"{s['states']} states, {s['acts']} acts, {s['positions']} positions, "
               f"{s['sources']} sources, {s['triples']} triples; 0 violations")
    click.echo(f"wrote {output}")
    stored = load_build(result, store_dir, data_dir=data_dir)
    click.echo(f"stored {stored['graphs']} named graphs in {store_dir}")
    if endpoint is not None:
        sent = load_build_to_endpoint(result, endpoint)
        removed = f", removed {sent['removed']} stale graph(s)" if sent["removed"] else ""
        click.echo(f"loaded {sent['graphs']} named graphs into {endpoint.url} ({endpoint.profile.name}){removed}")


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
    click.echo(render_rows([v.as_dict() for v in violations], fmt, ["file", "focus", "path", "message", "value"]))
