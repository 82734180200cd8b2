"""``graphkit query``, ``graphkit queries`` and ``graphkit serve``: SPARQL for researchers."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from ..errors import InputError, QueryError
from ..limits import MAX_PARAM, check_length, shorten
from ..reports.output import render_rows
from ..store.library import compact, list_queries, query_columns
from ..store.embedded import ensure_store
from . import main
from .options import data_option, store_option, table_width, wide_option, endpoint_from, endpoint_options

QUERY_FORMATS = ("table", "csv", "json", "tsv")


def existing_store(data_dir, store_dir) -> Path:
    """The store, refreshed if the data changed since it was built; never created here.

    A query with no store would otherwise build one without being asked to.
    """
    if not Path(store_dir).is_dir():
        raise InputError(f"no store at {store_dir}", value=str(store_dir),
                         hint="build one first: graphkit build (with --data DIR --store DIR if yours), "
                              "or point --store at an existing store, or --endpoint at a server")
    return ensure_store(data_dir, store_dir)


def _param(ctx, param, values):
    params = {}
    for item in values:
        check_length(item, "--param", MAX_PARAM + 100, hint="name=value with a value of at most "
                                                           f"{MAX_PARAM:,} characters")
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{shorten(item)!r}: write name=value, e.g. --param target=CHN", ctx, param)
        params[name.strip().lstrip("?$")] = value
    return params


service_option = click.option(
    "--allow-service", is_flag=True,
    help="Let SPARQL SERVICE (and LOAD) reach other servers; refused by default, as nothing goes to the network unasked.")


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
@click.option("--graph", "graphs", multiple=True, metavar="NAME",
              help="The graphs to read (repeatable): curated, votes, votes:unga, votes:unga-voeten, all, or a graph IRI "
                   "(default: the query's '# dataset:' line, else curated).")
@click.option("--allow-update", is_flag=True,
              help="Run a SPARQL Update (refused otherwise); it writes a new generation of the store.")
@service_option
@wide_option
def query_command(name, params, fmt, data_dir, store_dir, graphs, allow_update, allow_service, **kwargs):
    """Run a library query (see graphkit queries) or a .rq file, with bound parameters, on the graphs it names.

    Example: graphkit query positions-on-target --param target=CHN --param since=2020 --format csv
    """
    from ..store.datasets import parse_names
    from ..store.library import find_query

    query = find_query(name)  # an unknown name is reported before any store is opened
    dataset = parse_names(graphs) if graphs else None
    if dataset is None and not query.dataset.strip():
        click.echo(f"note: {query.name} has no '# dataset:' line: it reads the curated graphs "
                   "(--graph votes:unga or --graph all to read the imported votes too)", err=True)
    endpoint = endpoint_from(kwargs)
    if endpoint is not None:
        backend = {"endpoint": endpoint}
    else:
        backend = {"store": existing_store(data_dir, store_dir)}
    columns, rows = query_columns(name, params, allow_update=allow_update, allow_service=allow_service, dataset=dataset,
                                  **backend)
    if not columns:
        click.echo("update done", err=True)
        return
    if fmt == "table":
        rows = [{k: compact(v) for k, v in r.items()} for r in rows]
    if fmt == "tsv":
        click.echo(_tsv(rows, columns), nl=False)
        return
    text = render_rows(rows, fmt, columns, width=table_width() if fmt == "table" else None)
    click.echo(text, nl=not text.endswith("\n"))


def _tsv(rows, columns) -> str:
    from ..reports.output import tsv_text
    return tsv_text(rows, columns)


@main.command("queries")
@click.option("--format", "fmt", type=click.Choice(("table", "csv", "json")), default="table", show_default=True,
              help="Output as an aligned table, CSV or JSON.")
@wide_option
def queries_command(fmt):
    """List the library queries with their titles and parameters.

    Example: graphkit queries
    """
    rows = [{"name": q.name, "title": q.title, "reads": " ".join(q.datasets),
             "parameters": " ".join(f"?{p.name}={p.default}" if p.default else f"?{p.name}" for p in q.params)}
            for q in list_queries()]
    click.echo(render_rows(rows, fmt, ["name", "title", "reads", "parameters"], width=table_width() if fmt == "table" else None))


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server installed with graphkit: beside this Python first (a venv need not be on PATH), then PATH."""
    beside = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _wait_for(port: int, proc: subprocess.Popen, log: Path, seconds: float = 20.0) -> None:
    """Return once the server accepts connections on 127.0.0.1:port; raise if it exits or never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            raise QueryError(f"the oxigraph server stopped at start (exit code {proc.returncode})"
                             + (f": {said[0][:300]}" if said else ""), hint="run graphkit build again if the store is damaged")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise QueryError(f"the oxigraph server did not start within {seconds:g} s")


@main.command("serve")
@data_option
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (loopback unless you mean otherwise).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="TCP port (0: any free port).")
@click.option("--timeout", type=click.IntRange(1), default=60, show_default=True,
              help="Seconds after which the server abandons a query.")
@service_option
def serve_command(data_dir, store_dir, host, port, timeout, allow_service):
    """Serve the built graph read-only as a SPARQL 1.1 endpoint (Oxigraph server behind a guard).

    Queries see the union of the named graphs. The guard refuses updates and,
    unless --allow-service, queries using SERVICE (which would make the server
    fetch any URL a client names). Stop with Ctrl-C.

    Example: graphkit serve --port 7878   (then point YASGUI or SPARQLWrapper at http://127.0.0.1:7878/query)
    """
    from ..store.guard import GuardProxy

    binary = oxigraph_binary()
    if binary is None:
        raise InputError("the oxigraph server is not installed", hint="pip install 'oxigraph>=0.5.13,<0.6' "
                         "(it comes with pip install graphkit; reinstall if it was removed)")
    store = existing_store(data_dir, store_dir)
    try:
        proxy = GuardProxy(host, port, 0, allow_service=allow_service, upstream_timeout=timeout + 30)
    except OSError as exc:
        shown = f"[{host}]" if ":" in host else host
        if exc.errno == errno.EADDRINUSE:
            raise InputError(f"port {port} on {shown} is already in use (another graphkit serve?)", value=str(port),
                             hint="stop the other server, or choose another --port (--port 0 picks a free one)") from None
        raise InputError(f"cannot listen on {shown}:{port}: {exc.strerror or exc}", value=host,
                         hint="check --host (an address of this machine, e.g. 127.0.0.1 or ::1) and --port") from None
    inner = free_port()
    proxy.upstream_port = inner
    log = Path(tempfile.mkstemp(prefix="graphkit-oxigraph-", suffix=".log")[1])
    from ..store.generations import current_dir
    cmd = [binary, "serve-read-only", "--location", str(current_dir(store)), "--bind", f"127.0.0.1:{inner}",
           "--union-default-graph", "--timeout-s", str(timeout)]
    with log.open("w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # stop the server with us, not leave it running
    started = False
    try:
        _wait_for(inner, proc, log)
        proxy.start()
        started = True
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"SPARQL endpoint: http://{shown}:{proxy.port}/query   (read-only; SERVICE "
                   f"{'allowed' if allow_service else 'refused'}; Ctrl-C stops it)")
        sys.stdout.flush()
        code = proc.wait()
    except KeyboardInterrupt:
        code = 0
    finally:
        if started:
            proxy.shutdown()
        proxy.server_close()
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        said = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        log.unlink(missing_ok=True)
    if code not in (0, -15, 143):
        raise QueryError(f"the oxigraph server stopped with exit code {code}" + (f": {said[-1][:300]}" if said else ""))
