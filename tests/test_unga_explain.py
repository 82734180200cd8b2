"""``graphkit explain A B --source unga`` and :meth:`graphkit.api.Graphkit.explain` on the vote fixture.

The fixture is drawn in tests/unga_support.py; every expected value below is
derived by hand from that table (votes +1 yes, 0 abstain, −1 no; share = same
vote / N; S = 1 − mean distance, yes–no being 2 apart):

    rcid  file line  date (precision)   votes  US   FR   RU        CN / TW      DE / FRG   issues  short title
    101   2          1971-10 (month)    4      no   yes  yes (SUN) TW no (ROC)  —          co      FICTIONAL CHINA SEAT
    102   3          1990-12 (month)    5      yes  yes  no  (SUN) CN abstain   FRG yes    —       FICTIONAL AFTER UNIFICATION
    103   4          2016-12-21 (day)   5      yes  yes  no  (RUS) CN no        DE yes     hr      FICTIONAL HR VOTE
    104   5          2019-12-18 (day)   5      no   abst yes (RUS) CN yes       DE abst    hr, me  (none)

``--min-votes`` defaults to 5, which leaves out roll call 101 (4 votes).
"""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.errors import InputError, UnknownStateError
from graphkit.api import Graphkit
from graphkit.sources.unga import DATASETS
from graphkit.sources.votes.evidence import record_details
from graphkit.store.votes import import_table
from unga_support import fixture_table

DATASET = "United Nations General Assembly Voting Data (Erik Voeten), CSV layout of the R package unvotes"


@pytest.fixture(scope="module")
def store(unga_cli_store):
    """The fixture imported by the command, as a user would (shared, see conftest.py)."""
    return unga_cli_store


@pytest.fixture(scope="module")
def lib_store(tmp_path_factory):
    """The fixture imported through the library with a known release label."""
    store_dir = tmp_path_factory.mktemp("explain-lib") / "store"
    import_table(fixture_table(), store_dir, release="fixture-release")
    import_table(fixture_table("undl"), store_dir, release="undl-release")
    return store_dir


def explain(store, a, b, **options):
    """The library call behind ``graphkit explain A B --source unga``: the pair with its provenance."""
    return Graphkit(store=store).explain(a, b, "unga", **options).pair


def run(store, *args):
    return CliRunner().invoke(main, ["explain", *args, "--source", "unga", "--store", str(store)])


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


# ---- the library

def test_library_pair_with_provenance(lib_store):
    x = explain(lib_store, "USA", "FRA", min_votes=0)
    # 101 no/yes, 102 yes/yes, 103 yes/yes, 104 no/abstain: 2 of 4 the same; S = 1 − (2 + 0 + 0 + 1)/4
    assert (x["n"], x["share"], x["s"]) == (4, 0.5, 0.25)
    assert [(r["rcid"], r["date"], r["precision"], r["session"], r["symbol"], r["vote_a"], r["vote_b"], r["agree"])
            for r in x["both"]] == [
        ("101", "1971-10", "month", 26, "R/26/9001", "no", "yes", False),
        ("102", "1990-12", "month", 45, "R/45/9002", "yes", "yes", True),
        ("103", "2016-12-21", "day", 71, "A/RES/71/9003", "yes", "yes", True),
        ("104", "2019-12-18", "day", 74, "A/RES/74/9004", "no", "abstain", False)]
    assert [r["title"] for r in x["both"]] == ["FICTIONAL CHINA SEAT", "FICTIONAL AFTER UNIFICATION", "FICTIONAL HR VOTE", ""]
    first = x["both"][0]
    assert first["act"] == "https://w3id.org/graphkit/id/act/unga-voeten-101"
    assert (first["dataset"], first["release"]) == (DATASET, "fixture-release")
    assert first["excerpt"].startswith("rcid 101; session 26;") and first["excerpt"].endswith("line 2")
    # USA voted no in 101: its vote is a participant of the roll call's "no" position
    assert first["position_a"] == "https://w3id.org/graphkit/id/position/unga-voeten-101/no"
    assert x["provenance"] == {"dataset": DATASET, "release": "fixture-release",
                               "graph": "https://w3id.org/graphkit/id/graph/unga-voeten"}
    assert (x["only_a"], x["only_b"], x["neither"], x["items"]) == ([], [], 0, 4)


def test_library_without_merging_keeps_historic_seats_apart(lib_store):
    # RUS votes from 2016 (103, 104); CHN from 1990 (102–104); SUN and ROC are other entities
    x = explain(lib_store, "RUS", "CHN", min_votes=0)
    assert x["n"] == 2 and x["share"] == 1.0                      # 103 no/no, 104 yes/yes
    assert [r["rcid"] for r in x["both"]] == ["103", "104"]
    assert [(r["rcid"], r["vote_a"], r["vote_b"], r["agree"]) for r in x["only_b"]] == [("102", None, "abstain", None)]
    assert x["only_a"] == [] and x["neither"] == 1               # 101: SUN and ROC voted, not RUS or CHN


def test_library_merged_successors_name_the_entity_that_voted(lib_store):
    # one series per seat: 101 SUN yes / ROC no, 102 SUN no / CHN abstain, 103 no/no, 104 yes/yes
    x = explain(lib_store, "RUS", "CHN", min_votes=0, merge_successors=True)
    assert x["n"] == 4 and x["share"] == 0.5 and x["s"] == pytest.approx(1 - (2 + 1 + 0 + 0) / 4)
    assert [(r["rcid"], r["voter_a"], r["voter_b"]) for r in x["both"]] == [
        ("101", "SUN", "ROC"), ("102", "SUN", "CHN"), ("103", "RUS", "CHN"), ("104", "RUS", "CHN")]
    assert x["both"][0]["position_b"] == "https://w3id.org/graphkit/id/position/unga-voeten-101/no"   # ROC voted no


def test_library_undl_layout(lib_store):
    x = explain(lib_store, "USA", "CHN", layout="undl")
    # 9003 Y/N, 9004 N/Y: never the same, both two steps apart
    assert (x["n"], x["share"], x["s"]) == (2, 0.0, -1.0)
    assert [(r["rcid"], r["title"], r["release"]) for r in x["both"]] == [
        ("9003", "Fictional human-rights vote", "undl-release"), ("9004", "Fictional vote", "undl-release")]


def test_library_errors_and_n_zero(lib_store):
    with pytest.raises(UnknownStateError, match="did you mean FRA"):
        explain(lib_store, "USA", "FRN", min_votes=0)
    with pytest.raises(InputError, match="same state"):
        explain(lib_store, "USA", "United States", min_votes=0)
    x = explain(lib_store, "USA", "ZWE", min_votes=0)   # Zimbabwe: a state with no vote in the fixture
    assert (x["n"], x["share"], x["s"], x["both"]) == (0, None, None, [])
    assert [r["rcid"] for r in x["only_a"]] == ["101", "102", "103", "104"]


def test_roll_call_details_need_the_import(tmp_path):
    with pytest.raises(InputError, match="no store at"):
        record_details(DATASETS["voeten"], tmp_path / "none", ["101"])
    import_table(fixture_table("undl"), tmp_path / "store", release="r")
    with pytest.raises(InputError, match="no UNGA votes imported"):
        record_details(DATASETS["voeten"], tmp_path / "store", ["101"])


# ---- the command

def test_help_names_the_source_and_all():
    result = CliRunner().invoke(main, ["explain", "--help"])
    assert result.exit_code == 0
    for option in ("--source [curated|unga|hrc|unsc|all]", "--store", "--session", "--issue", "--merge-successors", "--all"):
        assert option in result.output
    assert "Example: graphkit explain USA FRA --source unga" in result.output


def test_table_default_min_votes(store):
    # without 101 (4 votes): 102 yes/yes, 103 yes/yes, 104 no/abstain — share 2/3, S = 1 − 1/3
    r = run(store, "USA", "FRA")
    assert r.exit_code == 0, r.output
    assert "N = 3 roll calls both voted in; share 0.667, S 0.667" in r.output
    assert DATASET in r.output and "release votes.csv sha256:" in r.output
    lines = r.output.splitlines()
    row = next(line for line in lines if line.startswith("2019-12-18")).split()
    assert row == ["2019-12-18", "74", "A/RES/74/9004", "no", "abstain", "no", "104"]
    assert next(line for line in lines if line.startswith("1990-12 ")).split()[-4:] == ["yes", "yes", "yes", "102"]
    assert "1971" not in r.output


def test_indices_are_those_of_compare(store):
    args = ["--min-votes", "0", "--format", "json"]
    x = json.loads(run(store, "USA", "CHN", *args).output)
    c = csv_rows(CliRunner().invoke(main, ["compare", "USA", "CHN", "--source", "unga", "--store", str(store),
                                           "--min-votes", "0", "--format", "csv"]).output)[0]
    assert (str(x["n"]), f"{x['share']:.3f}", f"{x['s']:.3f}", f"{x['kappa']:.3f}", f"{x['pi']:.3f}") == \
        (c["n"], c["share"], c["s"], c["kappa"], c["pi"])
    # by hand: 102 yes/abstain, 103 yes/no, 104 no/yes; 101 USA only (the seat was the ROC's)
    assert x["n"] == 3 and x["share"] == 0.0 and x["s"] == pytest.approx(1 - 5 / 3)
    assert x["only_a"] is None and x["only_a_count"] == 1 and x["only_b_count"] == 0


def test_only_one_voted_counted_then_listed_with_all(store):
    r = run(store, "USA", "CHN", "--min-votes", "0")
    assert r.exit_code == 0, r.output
    assert "Only USA voted in 1 roll call of the selection" in r.output and "--all lists them" in r.output
    assert "FICTIONAL CHINA SEAT" not in r.output
    r = run(store, "USA", "CHN", "--min-votes", "0", "--all")
    assert r.exit_code == 0, r.output
    assert "Roll calls only USA voted in" in r.output
    row = next(line for line in r.output.splitlines() if line.startswith("1971-10 ")).split()
    assert row[:3] == ["1971-10", "26", "R/26/9001"] and row[-2:] == ["no", "101"]


def test_csv_rows_with_provenance(store):
    r = run(store, "USA", "FRA", "--issue", "hr", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = csv_rows(r.output)
    assert [(x["rcid"], x["USA"], x["FRA"], x["agree"], x["voted"]) for x in rows] == [
        ("103", "yes", "yes", "yes", "both"), ("104", "no", "abstain", "no", "both")]
    assert rows[0]["act"].endswith("/act/unga-voeten-103") and rows[0]["excerpt"].endswith("line 4")
    assert rows[0]["dataset"] == DATASET and rows[0]["release"].startswith("votes.csv sha256:")
    assert rows[1]["issues"] == "hr me" and rows[1]["title"] == ""


def test_session_and_years(store):
    r = run(store, "USA", "FRA", "--session", "74")
    assert r.exit_code == 0 and "N = 1 roll call both voted in; share 0.000" in r.output     # 104 no/abstain
    r = run(store, "USA", "FRA", "--since", "2016", "--until", "2016", "--format", "csv")
    assert [x["rcid"] for x in csv_rows(r.output)] == ["103"]


def test_n_zero_is_said_plainly(store):
    r = run(store, "USA", "ZWE")
    assert r.exit_code == 0, r.output
    assert "no roll call both voted in (N = 0): no index can be computed" in r.output
    assert "Only USA voted in 3 roll calls of the selection" in r.output       # 102–104 (101 has 4 votes)


@pytest.mark.parametrize("args, code, words", [
    (["USA", "FRN"], 2, "did you mean FRA"),
    (["USA", "usa"], 2, "same state"),
    (["USA", "FRA", "--target", "CHN"], 2, "--target does not apply to --source unga"),
    (["USA", "FRA", "--by-act"], 2, "--by-act does not apply to --source unga"),
    (["USA", "FRA", "--since", "2016-06"], 2, "whole years"),
])
def test_errors(store, args, code, words):
    r = run(store, *args)
    assert r.exit_code == code and words in r.output, r.output


def test_all_needs_votes():
    r = CliRunner().invoke(main, ["explain", "FRA", "PAK", "--all"])
    assert r.exit_code == 2 and "--all applies to vote sources" in r.output


def test_missing_votes_say_to_import_first(tmp_path):
    r = run(tmp_path / "none", "USA", "FRA")
    assert r.exit_code == 2 and "no store at" in r.output and "graphkit import unga" in r.output
    import_table(fixture_table("undl"), tmp_path / "store", release="r")
    r = run(tmp_path / "store", "USA", "FRA")
    assert r.exit_code == 2 and "no UNGA votes imported" in r.output
