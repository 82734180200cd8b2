"""A throw-away Virtuoso server on 127.0.0.1, for the endpoint tests, ``.ci/run`` and ``bench/bench_endpoints.py``.

One recipe for all three, so that the benchmark measures the server CI tests:

1. write ``virtuoso.ini`` into a fresh folder (database, logs and temporary
   files all inside it; SQL and HTTP ports free on loopback);
2. create the database offline with random passwords for ``dba`` and ``dav``
   (``+checkpoint-only +pwdold dba +pwddba …``), so the well-known default
   passwords never face a port;
3. start ``virtuoso-t +foreground`` and wait until ``/sparql`` answers;
4. create the user ``graphkit`` with the ``SPARQL_UPDATE`` role (via ``isql-vt``):
   the anonymous ``/sparql`` stays read-only, writes go to ``/sparql-auth`` and
   ``/sparql-graph-crud-auth`` over HTTP Digest;
5. write a netrc file (mode 600) with that user's password, which graphkit
   reads through ``GRAPHKIT_NETRC``.

Run ``python -m tests.virtuoso_support start DIR`` to start one and print the
shell variables that describe it (``.ci/run`` evaluates them), and
``python -m tests.virtuoso_support stop DIR`` to stop it.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

__all__ = ["VirtuosoServer", "start_virtuoso", "virtuoso_binaries", "INI"]

USER = "graphkit"

#: The server's configuration; ``{dir}``, ``{sql_port}`` and ``{http_port}`` are filled in.
INI = """\
; Throw-away Virtuoso for graphkit's tests and benchmarks (written by tests/virtuoso_support.py).
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 20
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = {dir}
; ~1.3 GB of page buffers (Virtuoso's advice for 2 GB of memory to spare)
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 10
MaxQueryMem = 2G

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 20
ServerThreads = 20
MaxKeepAlives = 10
KeepAliveTimeout = 10
Charset = UTF-8

[SPARQL]
; Debian's default: answers are cut at 10,000 rows (graphkit refuses a cut answer and reads in pages)
ResultSetMaxRows = {max_rows}
; Debian's 400 refuses queries by the optimizer's estimate of their time, which is far off on graphkit's data:
; acts-by-forum-year over the full UN votes is estimated at 2,516 s and runs in 5.5 s
MaxQueryCostEstimationTime = 100000
MaxQueryExecutionTime = 300
"""


def virtuoso_binaries() -> tuple[str, str] | None:
    """``(virtuoso-t, isql-vt)`` paths when Debian's virtuoso-opensource is installed, else None."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, isql) if server and isql else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class VirtuosoServer:
    """A running throw-away server and what it takes to use it."""

    folder: Path
    http_port: int
    sql_port: int
    pid: int
    user: str = USER

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def netrc(self) -> Path:
        return self.folder / "netrc"

    def credentials(self):
        """The write user's credentials, read from the netrc file as graphkit would."""
        from graphkit.store.endpoint_auth import credentials_for
        return credentials_for(self.url, {"GRAPHKIT_NETRC": str(self.netrc)})

    def isql(self, sql: str, timeout: float = 120, secret: str | None = None) -> str:
        """Run SQL as dba (the throw-away dba password is kept in the folder, mode 600)."""
        dba = (self.folder / "dba-password").read_text().strip()
        _, isql = virtuoso_binaries()
        # the statements go through stdin, so the user's password never shows in a process list
        out = subprocess.run([isql, f"127.0.0.1:{self.sql_port}", "dba", dba], input=sql + "\n",
                             capture_output=True, text=True, timeout=timeout)
        text = out.stdout + out.stderr
        if out.returncode != 0 or "*** Error" in text:
            shown = text.replace(secret, "(password)") if secret else text
            raise RuntimeError(f"isql failed: {shown.strip()[-500:]}")
        return out.stdout

    def stop(self, timeout: float = 30) -> None:
        """Stop the server (SIGTERM, then SIGKILL) — only this server's process."""
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                done, _ = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # not our child (started by another process): poll its existence
                try:
                    os.kill(self.pid, 0)
                except ProcessLookupError:
                    return
                done = 0
            if done:
                return
            time.sleep(0.1)
        os.kill(self.pid, signal.SIGKILL)


def _wait_ready(url: str, seconds: float, log: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=2).read()
            return
        except OSError:
            time.sleep(0.1)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"
    raise RuntimeError(f"Virtuoso did not start at {url} within {seconds:g} s; its log ends:\n{tail}")


def start_virtuoso(folder, *, ready_seconds: float = 120, max_rows: int = 10_000) -> VirtuosoServer:
    """Create a database in ``folder`` (an empty or new directory) and start Virtuoso on it.

    ``max_rows`` is the server's ``ResultSetMaxRows``: Debian's 10,000 for CI
    (the tests check that graphkit refuses an answer cut there); the benchmark
    raises it to show the queries whose answers are larger.

    Raises
    ------
    RuntimeError
        Virtuoso is not installed, or does not start (with the end of its log).
    """
    binaries = virtuoso_binaries()
    if binaries is None:
        raise RuntimeError("Virtuoso is not installed: apt-get install virtuoso-opensource")
    server, _ = binaries
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = _free_port(), _free_port()
    while sql_port == http_port:
        sql_port = _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(dir=folder, sql_port=sql_port, http_port=http_port, max_rows=max_rows))
    # virtuoso-t +pwddba silently sets a password that never logs in when the value starts with a digit
    # or is longer than 20 characters: hence a letter first and 20 characters
    dba, dav, password = ("gk" + secrets.token_hex(9) for _ in range(3))
    for name, secret in (("dba-password", dba),):
        path = folder / name
        path.write_text(secret + "\n")
        path.chmod(0o600)
    log = folder / "server.log"
    with open(log, "ab") as out:
        created = subprocess.run([server, "+foreground", "+configfile", str(ini), "+checkpoint-only",
                                  "+pwdold", "dba", "+pwddba", dba, "+pwddav", dav],
                                 cwd=folder, stdout=out, stderr=subprocess.STDOUT, timeout=ready_seconds)
    if created.returncode != 0:
        raise RuntimeError(f"Virtuoso could not create its database in {folder}: see {log}")
    with open(log, "ab") as out:
        proc = subprocess.Popen([server, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    v = VirtuosoServer(folder, http_port, sql_port, proc.pid)
    try:
        _wait_ready(v.url, ready_seconds, folder / "virtuoso.log", proc)
        v.isql(f"DB.DBA.USER_CREATE('{USER}', '{password}');\nGRANT SPARQL_UPDATE TO \"{USER}\";", secret=password)
    except BaseException:
        v.stop()
        raise
    netrc = v.netrc
    netrc.write_text(f"machine 127.0.0.1:{http_port} login {USER} password {password}\n")
    netrc.chmod(0o600)
    (folder / "pid").write_text(f"{proc.pid}\n")
    return v


def _main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: python -m tests.virtuoso_support start|stop DIR", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "stop":
        pid = int((folder / "pid").read_text())
        VirtuosoServer(folder, 0, 0, pid).stop()
        return 0
    started = time.monotonic()
    v = start_virtuoso(folder)
    print(f"export GRAPHKIT_TEST_VIRTUOSO={v.url}")
    print(f"export GRAPHKIT_TEST_VIRTUOSO_NETRC={v.netrc}")
    print(f"export GRAPHKIT_TEST_VIRTUOSO_SQL_PORT={v.sql_port}")
    print(f"VIRTUOSO_PID={v.pid}")
    print(f"# Virtuoso ready in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
