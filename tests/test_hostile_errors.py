"""Every error is a message: each hostile case of issue 16 is fed to the command line, which must answer
with one line naming the problem and exit 2 (1 for data failing a check) — never a Python traceback,
rdflib's logged traceback or a Rust panic. Disk-full cases are in test_hostile_output.py, SERVICE and a
busy port in test_hostile_network.py."""
from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys

from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from world_support import WORLD_DIR
from unga_support import FIXTURE_DIR

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # run as python -m graphkit from the checkout

VOETEN = FIXTURE_DIR / "voeten"
LONG = "Syldavia" * 2_500              # 20,000 characters
LONGER = "Syldavia" * 15_000           # 120,000 characters
CRASH_SIGNS = ("Traceback", "panicked at", "Failed to convert Literal")


def _files(tmp):
    """The hostile files the cases read, made fresh in ``tmp``."""
    packed = gzip.compress((VOETEN / "votes.csv").read_bytes())
    (tmp / "garbled.csv.gz").write_bytes(packed[:10] + b"\x00not deflate at all" * 8)
    (tmp / "empty.csv").write_bytes(b"")
    world = tmp / "world"
    shutil.copytree(WORLD_DIR, world)
    bad_date = tmp / "bad-date"
    shutil.copytree(WORLD_DIR, bad_date)
    act = bad_date / "acts" / "w-2021-vote.ttl"
    act.write_text(act.read_text(encoding="utf-8").replace('"2021-03-15"^^xsd:date', '"2021-13-45"^^xsd:date'), encoding="utf-8")
    header_only = tmp / "header-only"
    shutil.copytree(WORLD_DIR, header_only)
    (header_only / "lists" / "w-2022-support.csv").write_text("state,position,role\n", encoding="utf-8")
    issues = tmp / "issues.csv"
    issues.write_text((VOETEN / "issues.csv").read_text(encoding="utf-8") + "103,zz,Zoning\n", encoding="utf-8")
    (tmp / "empty-folder").mkdir()
    return {"tmp": tmp, "world": world, "bad_date": bad_date, "header_only": header_only, "issues": issues,
            "votes": VOETEN / "votes.csv", "rolls": VOETEN / "roll_calls.csv"}


#: (id, arguments with {placeholders}, exit code, what the message must say)
CASES = [
    ("garbled-gz", ["import", "unga", "{tmp}/garbled.csv.gz", "{rolls}", "--store", "{tmp}/s", "--quiet"], 2,
     "garbled.csv.gz: damaged gzip file"),
    ("empty-votes", ["import", "unga", "{tmp}/empty.csv", "{rolls}", "--store", "{tmp}/s", "--quiet"], 2,
     "empty.csv:1: the file is empty (no header row)"),
    ("empty-roll-calls", ["import", "unga", "{votes}", "{tmp}/empty.csv", "--store", "{tmp}/s", "--quiet"], 2,
     "empty.csv:1: the file is empty (no header row)"),
    ("empty-issues", ["import", "unga", "{votes}", "{rolls}", "{tmp}/empty.csv", "--store", "{tmp}/s", "--quiet"], 2,
     "empty.csv:1: the file is empty (no header row)"),
    ("unknown-issue-code", ["import", "unga", "{votes}", "{rolls}", "{issues}", "--store", "{tmp}/s", "--quiet"], 2,
     "unknown issue code 'zz' — valid: me (Palestinian conflict)"),
    ("endpoint-url", ["query", "acts-by-forum-year", "--endpoint", "http://[::1"], 2,
     "not an endpoint URL: 'http://[::1' (Invalid IPv6 URL)"),
    ("build-endpoint-url", ["build", "--data", "{world}", "-o", "{tmp}/g.ttl", "--store", "{tmp}/bs",
                            "--endpoint", "http://[::1"], 2, "not an endpoint URL"),
    ("long-query-name", ["query", "q" * 20_000, "--data", "{world}"], 2,
     "query name 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq…' is 20,000 characters long"),
    ("long-query-param", ["query", "co-signers", "--param", "state=" + LONG, "--data", "{world}"], 2,
     "is 20,006 characters long"),
    ("long-state", ["state", LONG, "--data", "{world}"], 2, "state name 'SyldaviaSyldavia"),
    ("longer-state", ["compare", "AAA", LONGER, "--data", "{world}"], 2, "is 120,000 characters long"),
    ("long-target", ["blocs", "--target", LONG, "--data", "{world}"], 2, "--target 'SyldaviaSyldavia"),
    ("bad-date", ["check", "--data", "{bad_date}"], 2,
     "w-2021-vote.ttl:18: '2021-13-45' is not a valid xsd:date — write an xsd:date like 2020-07-01"),
    ("header-only-list", ["build", "--data", "{header_only}", "-o", "{tmp}/h.ttl", "--store", "{tmp}/hs"], 2,
     "w-2022-support.csv:2: the list has a header but no row"),
    ("no-store", ["query", "acts-by-forum-year", "--store", "{tmp}/empty-folder/build/store"], 2,
     "no store at"),
]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return _files(tmp_path_factory.mktemp("hostile"))


def _args(args, files):
    return [a.format(**files) if "{" in a and len(a) < 200 else a for a in args]


@pytest.mark.parametrize("case,args,code,message", CASES, ids=[c[0] for c in CASES])
def test_each_case_is_one_message_and_an_exit_code(files, case, args, code, message):
    result = CliRunner().invoke(main, _args(args, files))
    said = result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == code, said[:500]
    assert message in said, said[:500]
    assert not any(sign in said for sign in CRASH_SIGNS), said[:2000]
    assert len(said) < 1200  # a long value is quoted cut, not echoed whole
    assert said.startswith("Error: ")


@pytest.mark.parametrize("case", ["bad-date", "garbled-gz", "long-state"])
def test_in_a_real_process_stderr_holds_only_the_message(files, case):
    """Logging and panics bypass click: a real process shows what a user would see."""
    _, args, code, message = next(c for c in CASES if c[0] == case)
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT)}
    run = subprocess.run([sys.executable, "-m", "graphkit", *_args(args, files)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert run.returncode == code
    assert run.stdout == "" and run.stderr.startswith("Error: ") and run.stderr.count("\n") == 1, run.stderr[:2000]
    assert message in run.stderr


def test_no_store_is_created_by_the_failed_query(files):
    assert not (files["tmp"] / "empty-folder" / "build").exists()
