"""``graphkit ideal`` on vote stores imported by ``graphkit import unga``, as a user would.

Two fixtures. The synthetic General Assembly of tests/ideal_support.py (``tests/unga/ideal/``:
20 states, sessions 60–65, 24 roll calls a session, 8 of them recurring; drawn from the model,
so its truth is known): every expected value below comes from that construction — the true
positions (``truth.csv``), the vote files themselves — never from the estimator's output. And the
four-roll-call fixture of tests/unga_support.py (one roll call a session), for the errors.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.errors import DataError, InputError
from graphkit.namespaces import ID
from sparql_support import empty_store as make_empty_store
from ideal_support import IDEAL_DIR, SESSIONS, START, world_files, write_world

ISO3 = {code: iso3 for code, iso3, _ in START}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store_dir = tmp_path_factory.mktemp("ideal") / "store"
    r = CliRunner().invoke(main, ["import", "unga", *map(str, world_files()), "--store", str(store_dir), "--quiet"])
    assert r.exit_code == 0, r.output
    return store_dir


@pytest.fixture(scope="module")
def truth():
    return pd.read_csv(IDEAL_DIR / "truth.csv")


def run(store, *args):
    return CliRunner().invoke(main, ["ideal", *args, "--store", str(store)])


def frame(result) -> pd.DataFrame:
    assert result.exit_code == 0, result.output
    return pd.read_csv(io.StringIO(result.output))


def test_the_committed_world_is_what_the_generator_draws(tmp_path):
    for path in write_world(tmp_path):
        assert path.read_bytes() == (IDEAL_DIR / path.name).read_bytes(), f"run python tests/ideal_support.py ({path.name})"


def test_help_has_an_example_and_the_options():
    r = CliRunner().invoke(main, ["ideal", "--help"])
    assert r.exit_code == 0
    for text in ("Example: graphkit ideal", "--source", "--by [session|year]", "--walk [reverting|random]", "--explain",
                 "--year", "--figure", "--state", "--since", "--until", "--issue", "--session", "--format"):
        assert text in r.output, text


def test_csv_has_one_row_per_state_and_session_it_voted_in(store, truth):
    got = frame(run(store, "--format", "csv"))
    assert list(got.columns) == ["state", "year", "session", "ideal", "se", "n_votes"]
    assert sorted(zip(got["state"], got["session"])) == sorted(zip(truth["state"], truth["session"]))  # Syria misses 63
    assert (got["year"] == got["session"] + 1945).all()          # most of session s is held in 1945 + s
    votes = pd.read_csv(IDEAL_DIR / "votes.csv").merge(pd.read_csv(IDEAL_DIR / "roll_calls.csv"), on="rcid")
    cast = Counter(zip(votes["country_code"].map(ISO3), votes["session"]))
    assert {(s, p): n for s, p, n in zip(got["state"], got["session"], got["n_votes"])} == dict(cast)
    assert (got["se"] > 0).all() and "ZWE" not in set(got["state"])


def test_estimates_recover_the_true_positions_with_the_united_states_positive(store, truth):
    got = frame(run(store, "--format", "csv")).merge(truth, on=["state", "session"], suffixes=("", "_true"))
    assert np.corrcoef(got["ideal"], got["ideal_true"])[0, 1] >= 0.95
    for session, rows in got.groupby("session"):
        assert np.corrcoef(rows["ideal"], rows["ideal_true"])[0, 1] >= 0.9, session
    assert got.loc[got["state"] == "USA", "ideal"].min() > 0
    assert got.loc[got["state"] == "CUB", "ideal"].max() < 0


def _rise(got: pd.DataFrame, state: str) -> float:
    """A state's estimated change from session 60 to 65, in the truth's units (pooled regression slope)."""
    slope = np.polyfit(got["ideal_true"], got["ideal"], 1)[0]
    mine = got[got["state"] == state].set_index("session")["ideal"]
    return (mine[65] - mine[60]) / slope


def test_the_reverting_walk_follows_a_state_that_moves_and_the_random_walk_smooths_it(store, truth):
    """India truly rises by +0.3 a session (plus noise): the default walk sees most of it, the pure random walk little."""
    true_rise = float(truth.set_index(["state", "session"]).loc[("IND", 65), "ideal"]
                      - truth.set_index(["state", "session"]).loc[("IND", 60), "ideal"])
    rising = {}
    for walk in ("reverting", "random"):
        got = frame(run(store, "--format", "csv", "--walk", walk)).merge(truth, on=["state", "session"],
                                                                          suffixes=("", "_true"))
        rising[walk] = _rise(got, "IND")
    assert true_rise > 1.0
    assert rising["reverting"] >= 0.5 * true_rise
    assert rising["random"] < 0.5 * true_rise and rising["random"] < rising["reverting"]


def test_by_year_labels_each_year_with_the_session_holding_most_of_its_roll_calls(store):
    got = frame(run(store, "--by", "year", "--format", "csv"))
    years = got.drop_duplicates("year").set_index("year")["session"]
    # 2006 holds 22 roll calls of session 61 and the 2 resumed ones of session 60; 2011 only session 65's last two
    assert years.to_dict() == {2005: 60, 2006: 61, 2007: 62, 2008: 63, 2009: 64, 2010: 65, 2011: 65}
    assert got.loc[got["year"] == 2011, "n_votes"].max() <= 2


def test_state_prints_only_those_series_in_the_order_given(store):
    got = frame(run(store, "--state", "India", "--state", "USA", "--format", "csv"))
    assert got["state"].tolist() == ["IND"] * 6 + ["USA"] * 6
    assert got["session"].tolist() == list(SESSIONS) * 2
    table = run(store, "--state", "SYR")
    assert table.exit_code == 0 and "Syria" in table.output
    rows = [line.split() for line in table.output.splitlines() if line.startswith("SYR    Syria")]
    assert [r[3] for r in rows] == ["60", "61", "62", "64", "65"]       # no row for the session it missed


def test_table_without_states_shows_the_last_session_highest_first(store):
    r = run(store)
    assert r.exit_code == 0, r.output
    lines = [line.split()[0] for line in r.output.splitlines() if line[:3] in ISO3.values()]
    assert len(lines) == 20 and lines[0] == "USA" and "session 65 (2010)" in r.output
    assert "20 states, 6 sessions, 144 roll calls (48 bridged" in r.output   # 8 recurring × 6 sessions


def test_json_and_parquet(store, tmp_path):
    r = run(store, "--state", "FRA", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["summary"]["anchor"] == "USA" and doc["summary"]["walk"] == "reverting" and doc["summary"]["by"] == "session"
    assert [row["session"] for row in doc["rows"]] == list(SESSIONS) and set(doc["rows"][0]) == {
        "state", "year", "session", "ideal", "se", "n_votes"}
    out = tmp_path / "ideal.parquet"
    r = run(store, "--format", "parquet", "-o", str(out))
    assert r.exit_code == 0, r.output
    back = pd.read_parquet(out)
    assert list(back.columns) == ["state", "year", "session", "ideal", "se", "n_votes"] and len(back) == 119


def test_issue_and_since_select_the_roll_calls(store):
    got = frame(run(store, "--issue", "hr", "--format", "csv"))
    # hr: the 4 recurring questions 0–3 and one-off questions 2, 6, 10, 14 → 8 a session
    assert got["n_votes"].max() == 8
    got = frame(run(store, "--since", "2008", "--format", "csv"))
    # session 62's two resumed roll calls fall in early 2008, the rest of it in 2007
    assert sorted(got["session"].unique()) == [62, 63, 64, 65]
    assert got.loc[got["session"] == 62, "n_votes"].max() <= 2
    got = frame(run(store, "--session", "62", "--format", "csv"))
    assert got["session"].unique().tolist() == [62] and len(got) == 20


def test_explain_lists_the_votes_that_moved_the_state_with_provenance(store):
    r = run(store, "--explain", "IND", "--year", "2009", "--format", "csv", "--top", "50")
    got = frame(r)
    assert list(got.columns[:7]) == ["rcid", "date", "session", "symbol", "title", "vote", "shift"]
    calls = pd.read_csv(IDEAL_DIR / "roll_calls.csv")
    votes = pd.read_csv(IDEAL_DIR / "votes.csv")
    session64 = set(calls.loc[calls["session"] == 64, "rcid"])
    india = votes[(votes["country_code"] == "IN") & votes["rcid"].isin(session64)]
    assert sorted(got["rcid"]) == sorted(india["rcid"])        # every vote India cast in session 64
    assert dict(zip(got["rcid"], got["vote"])) == dict(zip(india["rcid"], india["vote"]))
    assert (np.diff(got["shift"].abs().to_numpy()) <= 1e-12).all()
    assert (got["act"] == [f"{ID}act/unga-voeten-{r}" for r in got["rcid"]]).all()
    # a vote is one participant of its side's position (the vote-group model)
    assert (got["position"] == [f"{ID}position/unga-voeten-{r}/{v}" for r, v in zip(got["rcid"], got["vote"])]).all()
    assert got["excerpt"].str.startswith("rcid ").all() and got["release"].str.contains("votes.csv sha256:").all()
    symbols = dict(zip(calls["rcid"], calls["unres"]))
    assert all(symbols[r] == sym for r, sym in zip(got["rcid"], got["symbol"]))
    text = run(store, "--explain", "India", "--year", "2009", "--top", "3")
    assert text.exit_code == 0, text.output
    assert "IND (India), session 64 (2009)" in text.output and "Source: United Nations General Assembly" in text.output
    assert sum(1 for line in text.output.splitlines() if line.startswith("2009-") or line.startswith("2010-")) == 3


@pytest.mark.parametrize("suffix, magic", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("html", b"<!DOCTYPE html>")])
def test_figure(store, tmp_path, suffix, magic):
    out = tmp_path / f"ideal.{suffix}"
    r = run(store, "--state", "USA", "--state", "IND", "--figure", str(out))
    assert r.exit_code == 0, r.output
    assert out.read_bytes().startswith(magic) and f"wrote {out}: 2 state(s)" in r.output
    if suffix != "png":
        assert "IND (India)" in out.read_text()


# ---- bad input: a clear message and exit 2

@pytest.fixture(scope="module")
def empty_store(tmp_path_factory):
    return make_empty_store(tmp_path_factory.mktemp("empty") / "store")


@pytest.mark.parametrize("args, message", [
    ([], "no UNGA votes imported: the store holds no graph"),
    (["--source", "curated"], "Invalid value for '--source'"),
])
def test_a_store_without_votes(empty_store, args, message):
    r = run(empty_store, *args)
    assert r.exit_code == 2 and message in r.output and "Traceback" not in r.output


def test_no_store_at_all(tmp_path):
    r = run(tmp_path / "nothing")
    assert r.exit_code == 2 and "no store at" in r.output and "graphkit import unga" in r.output


@pytest.mark.parametrize("args, message", [
    (["--session", "74"], "session 74 has 1 roll call; an ideal point needs at least 2"),
    (["--min-votes", "0"], "every session of the selection has fewer than two roll calls (26: 1, 45: 1, 71: 1, 74: 1)"),
    (["--by", "year", "--min-votes", "0"], "every year of the selection has fewer than two roll calls"),
])
def test_periods_with_fewer_than_two_roll_calls(unga_cli_store, args, message):
    r = run(unga_cli_store, *args)
    assert r.exit_code == 2, r.output
    assert message in r.output


@pytest.mark.parametrize("args, message", [
    (["--state", "ZWE"], "ZWE (Zimbabwe) cast no vote in the selection"),
    (["--explain", "ZWE", "--year", "2009"], "ZWE (Zimbabwe) cast no vote in the selection"),
    (["--state", "SYR", "--session", "63"], "SYR (Syria) cast no vote in the selection"),
    (["--explain", "SYR", "--year", "2008"], "SYR cast no vote in the session held in 2008"),
    (["--explain", "IND", "--year", "1999"], "no session of the selection is held in 1999"),
    (["--state", "Narnia"], "unknown state"),
])
def test_a_state_that_never_voted(store, args, message):
    r = run(store, *args)
    assert r.exit_code == 2, r.output
    assert message in r.output and "Traceback" not in r.output


@pytest.mark.parametrize("args, message", [
    (["--explain", "IND"], "--explain STATE goes with --year YEAR"),
    (["--year", "2009"], "--year goes with --explain STATE"),
    (["--figure", "x.png"], "name the states to draw with --state"),
    (["--state", "USA", "--figure", "x.pdf"], "cannot tell the figure's format"),
    (["--state", "USA", "--figure", "/no/such/folder/x.png"], "output folder /no/such/folder does not exist"),
    (["--explain", "IND", "--year", "2009", "--figure", "x.png"], "does not go with --explain"),
    (["--format", "parquet"], "--format parquet writes a file"),
    (["--explain", "IND", "--year", "2009", "--top", "0"], "0 is not in the range x>=1"),
])
def test_usage_errors(store, args, message):
    r = run(store, *args)
    assert r.exit_code == 2 and message in r.output, r.output


def test_the_library_refuses_merged_successors_and_sources_without_votes(store):
    import graphkit as gk

    g = gk.open(store=store)
    with pytest.raises(InputError, match="--merge-successors does not apply to ideal points"):
        g.ideal(merge_successors=True)
    with pytest.raises(InputError, match="ideal points are estimated from recorded votes; --source curated has none"):
        g.ideal("curated")
    with pytest.raises(DataError, match="cast no vote"):
        g.ideal(state="ZWE")
    rep = g.ideal(state=["CHN"], by="year", since=2009, until=2009)
    assert rep.to_frame()[["state", "year"]].values.tolist() == [["CHN", 2009]]
    assert list(rep.rows()[0]) == ["state", "year", "session", "ideal", "se", "n_votes"]
