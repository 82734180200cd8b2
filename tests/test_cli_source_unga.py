"""``graphkit compare|state|blocs --source unga`` on the synthetic vote fixture (tests/unga/).

The fixture is drawn in tests/unga_support.py; every expected value below is
derived by hand from that table (votes +1 yes, 0 abstain, −1 no; S = 1 − mean
distance, the distance of yes and no being 2):

    rcid  year  votes  US   FR   RU        CN / TW      DE / FRG   issues
    101   1971  4      no   yes  yes (SUN) TW no (ROC)  —          co
    102   1990  5      yes  yes  no  (SUN) CN abstain   FRG yes    —
    103   2016  5      yes  yes  no  (RUS) CN no        DE yes     hr
    104   2019  5      no   abst yes (RUS) CN yes       DE abst    hr, me

``--min-votes`` defaults to 5, which leaves out roll call 101 (4 votes).
"""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.store.embedded import open_store




@pytest.fixture(scope="module")
def store(unga_cli_store):
    return unga_cli_store


def run(store, *args):
    return CliRunner().invoke(main, [*args, "--source", "unga", "--store", str(store)])


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("command", ["compare", "state", "blocs"])
def test_help_names_the_source_and_vote_filters(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    for option in ("--source [curated|unga|hrc|unsc|all]", "--store", "--session", "--issue", "--merge-successors", "--min-votes"):
        assert option in result.output
    assert f"Example: graphkit {command} " in result.output and "--source unga" in result.output


# ---- compare

def test_compare_all_roll_calls(store):
    r = run(store, "compare", "USA", "France", "CHN", "--min-votes", "0", "--format", "csv")
    assert r.exit_code == 0, r.output
    got = {(x["a"], x["b"]): (x["n"], x["share"], x["s"]) for x in csv_rows(r.output)}
    # USA–FRA no/yes, yes/yes, yes/yes, no/abstain: share 2/4, S = 1 − 3/4
    # USA–CHN yes/abstain, yes/no, no/yes: share 0, S = 1 − 5/3; FRA–CHN yes/abstain, yes/no, abstain/yes: S = 1 − 4/3
    assert got == {("USA", "FRA"): ("4", "0.500", "0.250"), ("USA", "CHN"): ("3", "0.000", "-0.667"),
                   ("FRA", "CHN"): ("3", "0.000", "-0.333")}


def test_compare_default_min_votes_leaves_out_the_small_roll_call(store):
    # without 101: USA–FRA yes/yes, yes/yes, no/abstain: share 2/3 over 3
    r = run(store, "compare", "USA", "FRA")
    assert r.exit_code == 0, r.output
    assert "0.667 (3)" in r.output and "roll calls both voted in" in r.output and "≥ 5 votes" in r.output


@pytest.mark.parametrize("args, want", [
    (["--issue", "hr"], ("2", "0.000", "-1.000")),            # 103 yes/no, 104 no/yes
    (["--session", "74"], ("1", "0.000", "-1.000")),          # 104 no/yes
    (["--since", "2016", "--until", "2016"], ("1", "0.000", "-1.000")),   # 103 yes/no
    (["--since", "1990", "--until", "1990"], ("1", "0.000", "0.000")),    # 102 yes/abstain
])
def test_compare_filters(store, args, want):
    r = run(store, "compare", "USA", "CHN", *args, "--format", "csv")
    assert r.exit_code == 0, r.output
    (row,) = csv_rows(r.output)
    assert (row["n"], row["share"], row["s"]) == want


def test_compare_merged_successors(store):
    # SUN (101, 102) and RUS (103, 104) are one seat: yes/no, no/yes, no/yes, yes/no against USA: S = −1 over 4
    r = run(store, "compare", "USA", "SUN", "--merge-successors", "--min-votes", "0", "--format", "csv")
    (row,) = csv_rows(r.output)
    assert (row["a"], row["b"], row["n"], row["s"]) == ("USA", "RUS", "4", "-1.000")
    unmerged = csv_rows(run(store, "compare", "USA", "SUN", "--min-votes", "0", "--format", "csv").output)
    assert (unmerged[0]["b"], unmerged[0]["n"]) == ("SUN", "2")


def test_compare_entity_without_votes_has_n_zero(store):
    r = run(store, "compare", "USA", "ZWE")
    assert r.exit_code == 0 and "N = 0 (no roll call in common, indices undefined): USA–ZWE" in r.output


# ---- state

def test_state_record(store):
    r = run(store, "state", "USA", "--min-votes", "0", "--min-n", "1", "--top", "3", "--format", "json")
    assert r.exit_code == 0, r.output
    rec = json.loads(r.output)
    assert (rec["yes"], rec["no"], rec["abstain"], rec["absent"], rec["roll_calls"]) == (2, 2, 0, 0, 4)
    # S with USA: ROC 1 (no/no), DEU 1 − 1/3 (yes/yes, yes/yes, no/abstain), FRA 1/4, CHN −2/3, RUS and SUN −1
    assert [p["partner"] for p in rec["closest"]] == ["ROC", "DEU", "FRA"]
    assert rec["closest"][1]["s"] == pytest.approx(2 / 3)
    assert [p["partner"] for p in rec["opposed"]] == ["RUS", "SUN", "CHN"]
    assert rec["partners"] == 6


def test_state_min_n_and_table(store):
    # with ≥ 3 roll calls in common: DEU (3), FRA (4), CHN (3); ROC, RUS and SUN have fewer
    rows = csv_rows(run(store, "state", "USA", "--min-votes", "0", "--min-n", "3", "--format", "csv").output)
    assert [x["partner"] for x in rows] == ["DEU", "FRA", "CHN"]
    r = run(store, "state", "United States", "--min-votes", "0", "--min-n", "3")
    assert r.exit_code == 0, r.output
    assert "United States (USA): voted on 4 of 4 roll calls — 2 yes, 2 no, 0 abstaining" in r.output
    assert "Most opposed" in r.output


def test_state_without_votes_in_the_selection(store):
    r = run(store, "state", "DEU", "--session", "26", "--min-votes", "0")     # 1971: no German vote
    assert r.exit_code == 2 and "no positions of 'DEU' in the selection" in r.output


# ---- blocs

def test_blocs_since_2016(store):
    # 103 and 104: USA (+1, −1), FRA and DEU (+1, 0), RUS and CHN (−1, +1). κ (squared distance):
    # FRA–DEU and RUS–CHN identical, κ = 1; USA–FRA D_o = 1/2, D_e = 1 + 1/4 + 1/4, κ = 2/3;
    # across the camps USA–CHN κ = −1, FRA–CHN D_o = 5/2, D_e = 3/2, κ = −2/3: two blocs, no tie broken.
    r = run(store, "blocs", "--since", "2016", "--min-n", "2", "--format", "json")
    assert r.exit_code == 0, r.output
    assert [(b["size"], b["members"], b["cohesion"]) for b in json.loads(r.output)] == [(3, "DEU FRA USA", 1.0), (2, "CHN RUS", 1.0)]


def test_blocs_min_n_too_high(store):
    r = run(store, "blocs", "--since", "2016")          # two roll calls, default --min-n 20
    assert r.exit_code == 2 and "lower --min-n" in r.output


# ---- errors

@pytest.mark.parametrize("args, words", [
    (["compare", "USA", "FRN"], "did you mean FRA (France)"),
    (["compare", "USA", "FRA", "--target", "CHN"], "--target does not apply to --source unga"),
    (["state", "USA", "--by-act"], "--by-act does not apply to --source unga"),
    (["compare", "USA", "FRA", "--since", "2016-05"], "selected by whole years"),
    (["compare", "USA", "FRA", "--until", "2019-06-30"], "until=2019-06-30"),
    (["compare", "USA", "FRA", "--issue", "xx"], "unknown issue code 'xx' — one of me, nu, di, hr, co, ec"),
    (["compare", "USA", "FRA", "--session", "99"], "no record left"),
    (["compare", "USA"], "name at least two states"),
    (["blocs", "--part", "swing"], "--part applies to the curated acts only"),
])
def test_usage_errors(store, args, words):
    r = run(store, *args)
    assert r.exit_code == 2 and words in r.output, r.output


@pytest.mark.parametrize("args, words", [
    (["compare", "AAA", "BBB", "--session", "74"], "--session does not apply to --source curated"),
    (["state", "AAA", "--issue", "hr"], "--issue does not apply to --source curated"),
    (["blocs", "--merge-successors"], "--merge-successors does not apply to --source curated"),
    (["blocs", "--min-votes", "3"], "--min-votes does not apply to --source curated"),
])
def test_vote_options_with_the_curated_source(args, words):
    from world_support import WORLD_DIR
    r = CliRunner().invoke(main, [*args, "--data", str(WORLD_DIR)])
    assert r.exit_code == 2 and words in r.output, r.output


def test_missing_votes_say_to_import_first(tmp_path, world):
    from graphkit.store.embedded import load_build
    r = CliRunner().invoke(main, ["compare", "USA", "FRA", "--source", "unga", "--store", str(tmp_path / "nowhere")])
    assert r.exit_code == 2 and "no store at" in r.output and "graphkit import unga" in r.output
    load_build(world, tmp_path / "empty")                  # a store, but no vote graph in it
    r = CliRunner().invoke(main, ["state", "USA", "--source", "unga", "--store", str(tmp_path / "empty")])
    assert r.exit_code == 2 and "no UNGA votes imported" in r.output and "graphkit import unga" in r.output


def test_blocs_table_lists_members_below(store):
    r = run(store, "blocs", "--since", "2016", "--min-n", "2")
    assert r.exit_code == 0, r.output
    assert "bloc 0: DEU FRA USA" in r.output and "bloc 1: CHN RUS" in r.output and "2016–…" in r.output
