"""CLI tests for build, check and blocs: help, happy path, error path."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from world_support import WORLD_DIR


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    return invoke


@pytest.mark.parametrize("command", ["build", "check", "blocs"])
def test_help(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example: graphkit" in result.output


def test_build_writes_turtle_and_summary(run, tmp_path):
    out = tmp_path / "g.ttl"
    result = run("build", "--data", WORLD_DIR, "-o", out)
    assert result.exit_code == 0, result.output
    assert "7 states, 4 acts, 14 positions, 2 sources" in result.output
    assert out.read_text().startswith("PREFIX")


def test_build_trig(run, tmp_path):
    out = tmp_path / "g.trig"
    assert run("build", "--data", WORLD_DIR, "--format", "trig", "-o", out).exit_code == 0
    assert "GRAPH" in out.read_text() or "{" in out.read_text()


def test_build_unknown_state_exits_2_and_writes_nothing(run, world_copy, tmp_path):
    f = world_copy / "lists" / "w-2021-vote.csv"
    f.write_text(f.read_text().replace("Carpania", "Karpania"))
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["build", "--data", str(world_copy), "-o", str(out)])
    assert result.exit_code == 2
    assert "w-2021-vote.csv:2" in result.output and "Karpania" in result.output and "CCC" in result.output
    assert not out.exists() and list(tmp_path.glob("*.tmp")) == []


def test_build_failing_shapes_exits_1_and_writes_nothing(run, world_copy, tmp_path):
    ttl = world_copy / "acts" / "w-2021-vote.ttl"
    ttl.write_text(ttl.read_text().replace("gk:datePrecision gk:day ;", ""))
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["build", "--data", str(world_copy), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()


def test_check_conforming(run):
    result = run("check", "--data", WORLD_DIR)
    assert result.exit_code == 0 and "0 violations" in result.output


def test_check_lists_each_violation_with_its_file(world_copy):
    vote = world_copy / "acts" / "w-2021-vote.ttl"
    vote.write_text(vote.read_text().replace("gk:datePrecision gk:day ;", ""))
    sup = world_copy / "acts" / "w-2022-support.ttl"
    sup.write_text(sup.read_text().replace("gk:count 3 ;", "gk:count -3 ;"))
    result = CliRunner().invoke(main, ["check", "--data", str(world_copy), "--format", "json"])
    assert result.exit_code == 1
    rows = json.loads(result.output)
    assert {(r["file"], r["path"]) for r in rows} >= {("acts/w-2021-vote.ttl", ""), ("acts/w-2022-support.ttl", "gk:count")}
    assert all(r["message"] and r["focus"] for r in rows)


def test_check_unreadable_input_exits_2(tmp_path):
    (tmp_path / "bad.ttl").write_text("this is not turtle")
    result = CliRunner().invoke(main, ["check", "--data", str(tmp_path)])
    assert result.exit_code == 2 and "bad.ttl" in result.output


def test_blocs_table_and_json(run):
    table = run("blocs", "--data", WORLD_DIR, "--target", "SYL")
    assert table.exit_code == 0
    assert "w-2020-critical" in table.output and "both sides" in table.output
    data = json.loads(run("blocs", "--data", WORLD_DIR, "--target", "SYL", "--format", "json").output)
    sides = {r["state"]: r["category"] for r in data["sides"]}
    assert sides == {"AAA": "always supports", "BBB": "supports or abstains", "CCC": "always criticises",
                     "DDD": "always criticises", "EEE": "both sides"}
    crit = next(c for c in data["camps"] if c["act"] == "w-2020-critical")
    assert (crit["listed"], crit["reported"], crit["differs"]) == (3, "3, 4", True)


def test_blocs_csv(run):
    out = run("blocs", "--data", WORLD_DIR, "--format", "csv").output.splitlines()
    assert out[0].startswith("act,date,forum") and len(out) == 1 + 6  # 6 act/camp rows


def test_blocs_empty_selection_says_which_filter(world_copy):
    result = CliRunner().invoke(main, ["blocs", "--data", str(world_copy), "--since", "2030"])
    assert result.exit_code == 2 and "since=2030-01-01" in result.output


def test_bad_date_option(world_copy):
    result = CliRunner().invoke(main, ["blocs", "--data", str(world_copy), "--since", "last year"])
    assert result.exit_code == 2 and "YYYY" in result.output


def test_python_dash_m(tmp_path):
    import subprocess, sys
    r = subprocess.run([sys.executable, "-m", "graphkit", "check", "--data", str(WORLD_DIR)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "conforms" in r.stdout


@pytest.mark.parametrize("value,end,expected", [
    ("2020", False, "2020-01-01"), ("2020", True, "2020-12-31"), ("2020-02", True, "2020-02-29"),
    ("2020-12", True, "2020-12-31"), ("2020-07-01", True, "2020-07-01")])
def test_date_option_periods(value, end, expected):
    from graphkit.cli.options import DateType
    assert DateType(end=end).convert(value, None, None).isoformat() == expected


def test_until_a_year_keeps_the_whole_year(run):
    data = json.loads(run("blocs", "--data", WORLD_DIR, "--until", "2020", "--format", "json", "--part", "camps").output)
    rows = data if isinstance(data, list) else data["camps"]
    assert {r["act"] for r in rows} == {"w-2020-critical", "w-2020-support"}
