"""``graphkit query``, ``graphkit queries`` and ``graphkit serve``: SPARQL for researchers."""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import click

from ..errors import InputError, QueryError
from ..output import render_rows
from ..queries import compact, list_queries, query_columns
from ..store import DEFAULT_STORE, ensure_store
from . import main
from .options import data_option, endpoint_from, endpoint_options

QUERY_FORMATS = ("table", "csv", "json", "tsv")


def store_option(f):
    """``--store DIR``: the embedded store (default build/store)."""
    return click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DEFAULT_STORE,
                        show_default=True, help="The embedded store directory (built from --data when missing or stale).")(f)


def _param(ctx, param, values):
    params = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r}: write name=value, e.g. --param target=CHN", ctx, param)
        params[name.strip().lstrip("?$")] = value
    return params


@main.command("query")
@click.argument("name")
@click.option("--param", "params", multiple=True, callback=_param, metavar="NAME=VALUE",
              help="A parameter value (repeatable): a state code or name, a date YYYY[-MM[-DD]], a number ...")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True,
              help="Table (IRIs shortened), CSV, TSV or JSON (full IRIs).")
@data_option
@store_option
@endpoint_options("Query a SPARQL 1.1 server (its root URL) instead of the store; queries read the graphs "
                  "graphkit loaded there.")
@click.option("--allow-update", is_flag=True, help="Run a SPARQL Update (refused otherwise).")
def query_command(name, params, fmt, data_dir, store_dir, allow_update, **kwargs):
    """Run a library query (see graphkit queries) or a .rq file, with bound parameters.

    Example: graphkit query positions-on-target --param target=CHN --param since=2020 --format csv
    """
    endpoint = endpoint_from(kwargs)
    if endpoint is not None:
        backend = {"endpoint": endpoint}
    else:
        backend = {"store": ensure_store(data_dir, store_dir)}
    columns, rows = query_columns(name, params, allow_update=allow_update, **backend)
    if not columns:
        click.echo("update done", err=True)
        return
    if fmt == "table":
        rows = [{k: compact(v) for k, v in r.items()} for r in rows]
    if fmt == "tsv":
        click.echo(_tsv(rows, columns), nl=False)
        return
    text = render_rows(rows, fmt, columns)
    click.echo(text, nl=not text.endswith("\n"))


def _tsv(rows, columns) -> str:
    from ..output import _cell
    clean = lambda v: _cell(v).replace("\t", " ").replace("\n", " ")
    return "\n".join(["\t".join(columns)] + ["\t".join(clean(r.get(c)) for c in columns) for r in rows]) + "\n"


@main.command("queries")
@click.option("--format", "fmt", type=click.Choice(("table", "csv", "json")), default="table", show_default=True,
              help="Output as an aligned table, CSV or JSON.")
def queries_command(fmt):
    """List the library queries with their titles and parameters.

    Example: graphkit queries
    """
    rows = [{"name": q.name, "title": q.title,
             "parameters": " ".join(f"?{p.name}={p.default}" if p.default else f"?{p.name}" for p in q.params)}
            for q in list_queries()]
    click.echo(render_rows(rows, fmt, ["name", "title", "parameters"]))


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@main.command("serve")
@data_option
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (loopback unless you mean otherwise).")
@click.option("--port", type=int, default=7878, show_default=True, help="TCP port (0: any free port).")
@click.option("--timeout", type=int, default=60, show_default=True, help="Seconds after which the server abandons a query.")
def serve_command(data_dir, store_dir, host, port, timeout):
    """Serve the built graph read-only as a SPARQL 1.1 endpoint (Oxigraph server).

    Queries see the union of the named graphs. Stop with Ctrl-C.

    Example: graphkit serve --port 7878   (then point YASGUI or SPARQLWrapper at http://127.0.0.1:7878/query)
    """
    binary = shutil.which("oxigraph")
    if binary is None:
        raise InputError("the oxigraph server is not installed", hint="pip install 'oxigraph>=0.5.13,<0.6'")
    store = ensure_store(data_dir, store_dir)
    port = port or free_port(host)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"SPARQL endpoint: http://{shown}:{port}/query   (read-only; Ctrl-C stops it)", err=False)
    sys.stdout.flush()
    cmd = [binary, "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
           "--union-default-graph", "--timeout-s", str(timeout)]
    proc = subprocess.Popen(cmd)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # stop the server with us, not leave it running
    try:
        code = proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        code = proc.wait()
    if code not in (0, -15, 143):
        raise QueryError(f"the oxigraph server stopped with exit code {code}",
                         hint=f"is port {port} already taken? try --port 0 for a free one")
