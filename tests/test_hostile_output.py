"""Safe output and output for people: files readable as the umask says, nothing from data driving a
terminal or a spreadsheet, tables that fit, messages on stderr, a full disk reported as such."""
from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import stat
import subprocess

import pytest
from click.testing import CliRunner

import graphkit.graph.writing
from graphkit.cli import main
from world_support import WORLD_DIR

OSC = "\\u001B]0;owned\\u0007"     # Turtle escapes for ESC ] 0 ; owned BEL (sets a terminal's title)
CSI = "\\u001B[2J"                  # clears the screen
C1 = "\\u009B31m"                   # a one-character CSI on some terminals


def invoke(*args, env=None):
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


@pytest.fixture
def umask():
    def set_mask(mask):
        os.umask(mask)
    old = os.umask(0o022)
    yield set_mask
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_outputs_get_the_mode_the_umask_gives(tmp_path, umask):
    for mask, expected in ((0o022, 0o644), (0o027, 0o640), (0o002, 0o664)):
        umask(mask)
        out = tmp_path / f"m{mask:o}"
        out.mkdir()
        assert invoke("build", "--data", WORLD_DIR, "-o", out / "g.ttl", "--store", out / "s").exit_code == 0
        assert invoke("render", "--data", WORLD_DIR, "-o", out / "v.html").exit_code == 0
        assert invoke("export", "--data", WORLD_DIR, "--format", "csv", "-o", out / "tables").exit_code == 0
        for path in (out / "g.ttl", out / "v.html", out / "tables" / "edges.csv"):
            assert _mode(path) == expected, (oct(mask), path, oct(_mode(path)))


@pytest.fixture
def tainted(world_copy):
    """The tiny world with a state label carrying terminal escapes and a formula, and an act label starting with '='."""
    states = world_copy / "states.ttl"
    states.write_text(states.read_text(encoding="utf-8").replace(
        '"Avalon"@en', f'"=HYPERLINK(\\"http://example.org\\"){OSC}Ava{CSI}lon{C1}"@en'), encoding="utf-8")
    act = world_copy / "acts" / "w-2021-vote.ttl"
    act.write_text(act.read_text(encoding="utf-8").replace(
        '"General Assembly recorded vote', '"@SUM(1+1) General Assembly recorded vote'), encoding="utf-8")
    return world_copy


def _no_controls(text: str):
    bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    assert not bad, [hex(ord(c)) for c in bad]


def test_labels_reach_the_terminal_without_control_characters(tainted):
    for args in (["state", "AAA"], ["state", "BBB"], ["blocs", "--target", "SYL"], ["compare", "AAA", "BBB", "CCC"],
                 ["explain", "AAA", "BBB"], ["query", "states-by-bloc", "--param", "target=SYL"]):
        if args[0] == "query":
            store = tainted.parent / "s"
            assert invoke("build", "--data", tainted, "-o", tainted.parent / "g.ttl", "--store", store).exit_code == 0
            args = args + ["--store", store]
        out = invoke(*args, "--data", tainted)
        assert out.exit_code == 0, (args, out.output)
        _no_controls(out.output)
    header = invoke("state", "AAA", "--data", tainted).output.splitlines()[0]
    assert header.startswith('=HYPERLINK("http://example.org")]0;ownedAva[2Jlon31m (AAA):')  # the text stays, inert
    data = json.loads(invoke("state", "AAA", "--data", tainted, "--format", "json").output)
    assert "\x1b" in data["name"]  # JSON keeps the value whole, escaped (\u001b), for programs to judge
    raw = invoke("state", "AAA", "--data", tainted, "--format", "json").output
    _no_controls(raw)


def test_csv_cells_that_would_be_formulas_are_quoted_numbers_are_not(tainted, tmp_path):
    out = invoke("state", "BBB", "--data", tainted, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert rows and all(not r["act_id"].startswith(("=", "+", "@")) for r in rows)
    blocs = invoke("blocs", "--target", "SYL", "--data", tainted, "--part", "sides", "--format", "csv").output
    names = {r["state"]: r["name"] for r in csv.DictReader(io.StringIO(blocs))}
    assert names["AAA"].startswith("'=HYPERLINK(") and "\x1b" not in names["AAA"]
    assert invoke("export", "--data", tainted, "--format", "csv", "-o", tmp_path / "t").exit_code == 0
    table = list(csv.DictReader(open(tmp_path / "t" / "blocs.csv", encoding="utf-8")))
    avalon = next(r for r in table if r["iso3"] == "AAA")
    assert avalon["name"].startswith("'=HYPERLINK(")
    edges = list(csv.DictReader(open(tmp_path / "t" / "edges.csv", encoding="utf-8")))
    assert all(not r["source_name"].startswith("=") for r in edges)
    sides = json.loads(invoke("blocs", "--target", "SYL", "--data", tainted, "--format", "json").output)["blocs"]
    assert any(b["mean_side"] < 0 for b in sides)
    signed = invoke("blocs", "--target", "SYL", "--data", tainted, "--part", "blocs", "--format", "csv").output
    mean = [r["mean_side"] for r in csv.DictReader(io.StringIO(signed))]
    assert any(m.startswith("-") for m in mean)  # a negative number stays a number, unquoted


def test_tables_fit_columns_and_wide_shows_everything(tmp_path):
    camps = ["blocs", "--target", "SYL", "--data", WORLD_DIR, "--part", "camps"]
    for width in (100, 60):
        cut = invoke(*camps, env={"COLUMNS": str(width)}).output
        assert cut.strip() and max(len(line) for line in cut.splitlines()) <= width and "…" in cut
    assert "w-2020-critical " in invoke(*camps, env={"COLUMNS": "100"}).output  # the first column, naming the row,
    wide = invoke(*camps, "--wide", env={"COLUMNS": "60"}).output                # is kept whole while it can be
    assert max(len(line) for line in wide.splitlines()) > 100 and "…" not in wide
    out = invoke("queries", env={"COLUMNS": "80"}).output
    assert max(len(line) for line in out.splitlines()) <= 80


def test_blocs_help_shows_its_examples_on_two_lines():
    lines = invoke("blocs", "--help").output.splitlines()
    examples = [line.strip() for line in lines if line.strip().startswith("Example:")]
    assert examples == ["Example: graphkit blocs --target CHN --since 2019",
                        "Example: graphkit blocs --source unga --since 2010 --until 2019 --issue hr"]


def test_side_labels_agree_with_the_counts_beside_them():
    rows = json.loads(invoke("blocs", "--target", "SYL", "--data", WORLD_DIR, "--format", "json").output)["sides"]
    for r in rows:
        pro, con, abstain = r["supports"], r["criticises"], r["abstains"]
        expected = ("both sides" if pro and con else "always supports" if pro and not abstain else
                    "supports or abstains" if pro else "always criticises" if con and not abstain else
                    "criticises or abstains" if con else "abstains only")
        assert r["category"] == expected, r
    assert {r["state"]: r["category"] for r in rows}["BBB"] == "supports or abstains"  # 2 supports, 1 abstention


def test_progress_and_wrote_messages_go_to_stderr(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--data", str(WORLD_DIR), "-o", str(tmp_path / "g.ttl"),
                                  "--store", str(tmp_path / "s")])
    assert result.exit_code == 0
    assert "0 violations" in result.stdout and "wrote" not in result.stdout and "stored" not in result.stdout
    assert "wrote" in result.stderr and "stored" in result.stderr
    for args in (["render", "-o", tmp_path / "v.html"], ["export", "--format", "gexf", "-o", tmp_path / "v.gexf"]):
        result = runner.invoke(main, [str(a) for a in args] + ["--data", str(WORLD_DIR)])
        assert result.exit_code == 0 and result.stdout == "" and "wrote" in result.stderr


def test_query_without_a_built_store_creates_nothing(tmp_path, monkeypatch):
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("GRAPHKIT_HOME", str(home))
    monkeypatch.delenv("GRAPHKIT_STORE", raising=False)
    for args in (["query", "acts-by-forum-year"], ["serve", "--port", "0"]):
        out = invoke(*args)
        assert out.exit_code == 2 and f"no store at {home / 'store'}" in out.output and "graphkit build" in out.output
    assert list(tmp_path.iterdir()) == [work] and list(work.iterdir()) == []


# ------------------------------------------------------------------------------------------------ disk full


class _FullDisk:
    """A file whose writes fail as on a full disk (what the system says when the last block is gone)."""

    def __init__(self, fh):
        self.fh = fh

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.fh, name)


@pytest.fixture
def full_disk(monkeypatch):
    real = os.fdopen
    monkeypatch.setattr(graphkit.graph.writing.os, "fdopen", lambda fd, *a, **k: _FullDisk(real(fd, *a, **k)))


@pytest.mark.parametrize("args,target", [
    (["build", "-o", "{d}/g.ttl", "--store", "{d}/s"], "g.ttl"),
    (["render", "-o", "{d}/v.html"], "v.html"),
    (["render", "--png", "-o", "{d}/v.png"], "v.png"),
    (["export", "--format", "gexf", "-o", "{d}/v.gexf"], "v.gexf"),
])
def test_a_full_disk_is_a_message_and_leaves_nothing(tmp_path, full_disk, args, target):
    out = invoke(*[a.format(d=tmp_path) for a in args], "--data", WORLD_DIR)
    assert out.exit_code == 2, out.output
    assert f"{tmp_path / target}: cannot write: No space left on device — free some disk space" in out.output
    assert "Traceback" not in out.output
    assert [p.name for p in tmp_path.iterdir() if p.name != "s"] == []  # no output, no temporary file


def test_a_store_on_a_really_full_disk_is_a_message(tmp_path):
    """A real small file system (tmpfs): the store's own writes (RocksDB, in Rust) fail as they would on a full disk."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    try:
        out = invoke("build", "--data", WORLD_DIR, "-o", tmp_path / "g.ttl", "--store", mount / "store")
        assert out.exit_code == 2, out.output
        assert f"cannot write the store {mount / 'store'}" in out.output and "No space left on device" in out.output
        assert "Traceback" not in out.output
    finally:
        subprocess.run(["umount", str(mount)], check=False)
