"""CLI: blocs, compare, state, explain — help, a happy path and an error path each (click's CliRunner)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from world_support import WORLD_DIR

WORLD = ["--data", str(WORLD_DIR)]


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", ["blocs", "compare", "state", "explain"])
def test_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example: graphkit " + command in result.output
    for option in ("--since", "--until", "--forum", "--topic", "--target", "--kind", "--format"):
        assert option in result.output


def test_blocs_world_table():
    result = run("blocs", *WORLD, "--target", "SYL")
    assert result.exit_code == 0, result.output
    assert "Camps per act" in result.output
    assert "bloc 0: CCC DDD EEE" in result.output and "bloc 1: AAA BBB" in result.output
    assert "EEE    Elbonia   both sides" in result.output


def test_blocs_world_json_and_csv():
    out = json.loads(run("blocs", *WORLD, "--target", "SYL", "--format", "json").output)
    assert [b["members"] for b in out["blocs"]] == [["CCC", "DDD", "EEE"], ["AAA", "BBB"]]
    # the 2020 session as one item: balanced (see tests/test_blocs.py); act by act one tie breaks
    assert out["balance"]["frustration"] == 0 and out["balance"]["items"] == "occasions"
    by_act = json.loads(run("blocs", *WORLD, "--target", "SYL", "--format", "json", "--by-act").output)
    assert by_act["balance"]["frustration"] == 1 and by_act["balance"]["items"] == "acts"
    rows = list(csv.DictReader(io.StringIO(run("blocs", *WORLD, "--format", "csv", "--part", "swing").output)))
    assert [r["state"] for r in rows] == ["BBB", "EEE"]


def test_blocs_empty_selection_names_the_filter():
    result = CliRunner().invoke(main, ["blocs", *WORLD, "--target", "SYL", "--kind", "OpenLetter"])
    assert result.exit_code == 2
    assert "kind=OpenLetter removed the last ones" in result.output


def test_blocs_unknown_target():
    result = CliRunner().invoke(main, ["blocs", *WORLD, "--target", "SYX"])
    assert result.exit_code == 2 and "did you mean SYL" in result.output


def test_compare_grid_and_csv():
    result = run("compare", "AAA", "BBB", "CCC", *WORLD, "--target", "SYL")
    assert result.exit_code == 0, result.output
    # AAA–BBB share 2/3 over 3 acts (see tests/test_agreement.py)
    assert "0.667 (3)" in result.output
    rows = list(csv.DictReader(io.StringIO(run("compare", "AAA", "BBB", *WORLD, "--format", "csv").output)))
    assert rows[0]["a"] == "AAA" and rows[0]["n"] == "3"


def test_compare_says_n_zero():
    result = run("compare", "AAA", "CCC", *WORLD, "--since", "2022")
    assert "N=0" in result.output and "N = 0 (no item in common, indices undefined): AAA–CCC" in result.output


def test_compare_unknown_state_suggests():
    result = CliRunner().invoke(main, ["compare", "AAA", "CCD", *WORLD])
    assert result.exit_code == 2
    assert "unknown state code 'CCD'" in result.output and "did you mean CCC" in result.output


def test_compare_needs_two_states():
    assert CliRunner().invoke(main, ["compare", "AAA", *WORLD]).exit_code == 2


def test_state_profile():
    result = run("state", "EEE", *WORLD, "--target", "SYL")
    assert result.exit_code == 0, result.output
    assert "Elbonia (EEE): 3 positions — 1 supporting, 2 criticising, 0 abstaining" in result.output
    assert "Closest partners" in result.output
    data = json.loads(run("state", "SYL", *WORLD, "--format", "json").output)
    # as the target: AAA supported Syldavia in 3 acts (2020, 2021 no-vote, 2022)
    assert data["as_target"]["supporters"][0] == {"state": "AAA", "acts": 3,
                                                  "act_ids": ["w-2020-support", "w-2021-vote", "w-2022-support"]}


def test_state_unknown():
    result = CliRunner().invoke(main, ["state", "XXX", *WORLD])
    assert result.exit_code == 2 and "unknown state code 'XXX'" in result.output


def test_explain_by_act_shows_acts_and_sources():
    result = run("explain", "AAA", "EEE", *WORLD, "--target", "SYL", "--by-act")
    assert result.exit_code == 0, result.output
    assert "N = 2 acts in common; share 0.500" in result.output
    assert "w-2021-vote" in result.output and "w-2022-support" in result.output
    assert "Adopted by 3 votes to 1" in result.output   # the excerpt of the vote's source
    data = json.loads(run("explain", "AAA", "EEE", *WORLD, "--format", "json", "--by-act").output)
    assert all(act["evidence"] for item in data["items"] for act in item["acts"])


def test_explain_by_act_n_zero_is_said():
    result = run("explain", "AAA", "CCC", *WORLD, "--until", "2020-12-31", "--by-act")
    assert result.exit_code == 0
    assert "no act in common (N = 0)" in result.output


def test_explain_unknown_state():
    result = CliRunner().invoke(main, ["explain", "AAA", "Atlantis", *WORLD])
    assert result.exit_code == 2 and "Atlantis" in result.output


def test_shipped_blocs_china():
    """Done-when, through the CLI: the critics' bloc holds FRA, DEU, JPN, GBR; swing states come with acts."""
    out = json.loads(run("blocs", "--target", "CHN", "--since", "2019", "--until", "2023-12-31",
                         "--format", "json").output)
    bloc_of = {m: b["bloc"] for b in out["blocs"] for m in b["members"]}
    assert len({bloc_of[s] for s in ("FRA", "DEU", "JPN", "GBR")}) == 1
    assert bloc_of["PAK"] != bloc_of["FRA"] and bloc_of["CUB"] == bloc_of["PAK"]
    swing = {s["state"]: s for s in out["swing"]}
    assert "both sides" in swing["SOM"]["reasons"] and swing["SOM"]["evidence"]
    assert "abstained" in swing["IND"]["reasons"]
