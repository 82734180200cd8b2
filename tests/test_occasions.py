"""Occasions as items: rival acts of one session are one question, a state's side its answer.

Expected values are derived by hand in the comments from the tiny world drawn in
tests/conftest.py (occasion w-2020-hrc = the 2020 critical and supporting
statements) and from the definitions in graphkit/agreement.py, not copied from
the code's output.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from fractions import Fraction as F

import pytest
from click.testing import CliRunner

from graphkit.analysis.agreement import items_of, pair_agreement, vote_matrix
from graphkit.analysis.blocs import signed_blocs, structural_balance
from graphkit.cli import main
from graphkit.analysis.drift import by_year, pair_by_year
from graphkit.analysis.projections import coalition_graph, signed_graph
from graphkit.sources.curated.records import Filters, position_records
from graphkit.reports.analyses import compare_states, explain_pair
from graphkit.analysis.swing import boundary_lean, swing_states
from world_support import WORLD_DIR

from records_helpers import ACT, OCCASION, rec

O2020 = OCCASION + "w-2020-hrc"
WORLD = ["--data", str(WORLD_DIR)]


def short(keys):
    return [k.rsplit("/", 1)[1] for k in keys]


@pytest.fixture(scope="module")
def recs(world):
    return position_records(world.graph, Filters(target="SYL"))


# ---- records

def test_records_carry_the_occasion(recs):
    by_act = {r.act_id: r.occasion for r in recs}
    assert by_act["w-2020-critical"] == by_act["w-2020-support"] == O2020
    assert by_act["w-2021-vote"] is None and by_act["w-2022-support"] is None
    label = next(r.occasion_label for r in recs if r.occasion)
    assert label == "Council session of summer 2020: rival statements on Syldavia"


# ---- the matrix

def test_matrix_items_are_occasions_then_acts(recs):
    m = vote_matrix(recs)
    assert short(m.items) == ["w-2020-hrc", "w-2021-vote", "w-2022-support"]
    assert short(m.acts[O2020]) == ["w-2020-critical", "w-2020-support"]
    # from the drawing: supporters AAA, BBB (+1), critics CCC, DDD, EEE (−1) at the 2020 session;
    # vote: AAA no (+1), BBB abstains, the rest yes (−1); 2022: AAA, EEE, BBB support
    rows = {s: m.row(s).tolist() for s in m.states}
    assert rows["AAA"] == [1, 1, 1]
    assert rows["BBB"] == [1, 0, 1]
    assert rows["EEE"] == [-1, -1, 1]
    assert rows["CCC"][:2] == [-1, -1] and math.isnan(rows["CCC"][2])
    assert m.mixed == [] and m.by_occasion


def test_aaa_and_ccc_share_the_2020_occasion_and_disagree(recs):
    # By act AAA (support) and CCC (critical) share no 2020 item: N = 1 (the vote).
    assert pair_agreement(recs, "AAA", "CCC", by_occasion=False)["n"] == 1
    p = pair_agreement(recs, "AAA", "CCC")
    # N counts occasions: the 2020 session (+1 vs −1) and the vote (+1 vs −1).
    assert p["n"] == 2
    assert [(i["item_id"], i["value_a"], i["value_b"], i["agree"]) for i in p["items"]] == [
        ("w-2020-hrc", 1, -1, False), ("w-2021-vote", 1, -1, False)]
    assert p["share"] == 0.0
    assert p["s"] == pytest.approx(-1.0)          # 1 − mean|d| = 1 − 2
    # squared: D_o = 4; AAA always +1, CCC always −1 → D_e = 0 + 0 + (1 − (−1))² = 4 → κ = 0
    assert p["kappa"] == pytest.approx(0.0)
    # pooled (+1, +1, −1, −1): mean 0, variance 1 → D_e = 2 → π = 1 − 4/2
    assert p["pi"] == pytest.approx(-1.0)
    # the item keeps its acts: each state's stance in the act it signed, None in the other
    assert [(a["act_id"], a["stance_a"], a["stance_b"]) for a in p["items"][0]["acts"]] == [
        ("w-2020-critical", None, "criticises"), ("w-2020-support", "supports", None)]


def test_bbb_and_eee_by_hand(recs):
    # BBB (1, 0, 1), EEE (−1, −1, 1) over the session, the vote and 2022: n = 3.
    p = pair_agreement(recs, "BBB", "EEE")
    assert p["n"] == 3 and p["share"] == pytest.approx(1 / 3)
    assert p["s"] == pytest.approx(0.0)                       # |d| = 2, 1, 0 → mean 1
    # D_o = (4 + 1 + 0)/3 = 5/3; BBB mean 2/3, var 2/3 − 4/9 = 2/9; EEE mean −1/3, var 1 − 1/9 = 8/9;
    # (2/3 + 1/3)² = 1 → D_e = 2/9 + 8/9 + 1 = 19/9 → κ = 1 − 15/19 = 4/19
    assert p["kappa"] == pytest.approx(float(1 - F(5, 3) / F(19, 9)))
    # pooled (1, 0, 1, −1, −1, 1): mean 1/6, E[x²] 5/6 → var 29/36, D_e = 29/18 → π = 1 − 30/29
    assert p["pi"] == pytest.approx(float(1 - F(5, 3) / F(29, 18)))


def test_compare_counts_occasions(recs):
    rows = {(r["a"], r["b"]): r for r in compare_states(recs, ["AAA", "CCC", "EEE"])}
    # AAA–EEE: session (+1, −1), vote (+1, −1), 2022 (+1, +1): 1 of 3
    assert rows[("AAA", "EEE")]["n"] == 3 and rows[("AAA", "EEE")]["share"] == pytest.approx(1 / 3)
    assert (rows[("AAA", "CCC")]["n"], rows[("AAA", "CCC")]["share"]) == (2, 0.0)
    assert (rows[("CCC", "EEE")]["n"], rows[("CCC", "EEE")]["share"]) == (2, 1.0)   # unchanged


# ---- absence, both sides, and one side twice: literal records

def test_absent_from_an_occasion_is_nan_not_disagreement():
    # Occasion X: AAA signs p (+1), CCC signs c (−1); DDD signs neither, only the later act z.
    recs = [rec("p", "AAA", "supports", 1, occasion="x"), rec("c", "CCC", "criticises", -1, occasion="x"),
            rec("z", "AAA", "supports", 1, date="2021-01-01"), rec("z", "DDD", "supports", 1, date="2021-01-01")]
    m = vote_matrix(recs)
    assert short(m.items) == ["x", "z"]
    assert math.isnan(m.row("DDD")[0])
    p = pair_agreement(recs, "AAA", "DDD")
    assert (p["n"], p["share"]) == (1, 1.0)        # only z; DDD is not counted as disagreeing at x


def test_both_sides_at_one_occasion_is_left_out_and_listed():
    # MMM signed both rival acts of X: two answers to one question → NaN, listed as mixed.
    recs = [rec("p", "AAA", "supports", 1, occasion="x"), rec("p", "MMM", "supports", 1, occasion="x"),
            rec("c", "CCC", "criticises", -1, occasion="x"), rec("c", "MMM", "criticises", -1, occasion="x")]
    m = vote_matrix(recs)
    assert math.isnan(m.row("MMM")[0]) and m.mixed == [("MMM", OCCASION + "x")]
    p = pair_agreement(recs, "AAA", "MMM")
    assert p["n"] == 0 and p["items"] == []
    assert [(i["item_id"], i["value_a"], i["value_b"], i["stance_b"]) for i in p["mixed"]] == [
        ("x", 1, None, "supports+criticises")]
    g = signed_graph(recs)
    assert "MMM" in g and g.degree("MMM") == 0 and g.edges["AAA", "CCC"]["sign"] == -1
    # act by act MMM sided with both
    g = signed_graph(recs, by_occasion=False)
    assert g.edges["AAA", "MMM"]["sign"] == 1 and g.edges["CCC", "MMM"]["sign"] == 1
    swing = {r["state"]: r for r in swing_states(recs)}
    assert swing["MMM"]["split"].startswith("at one occasion (Occasion x)")


def test_one_side_twice_at_one_occasion_counts_once():
    # SSS signed two supporting acts of X (like the Cuba- and Belarus-led statements at HRC44).
    recs = [rec("p1", "SSS", "supports", 1, occasion="x"), rec("p1", "AAA", "supports", 1, occasion="x"),
            rec("p2", "SSS", "supports", 1, occasion="x"), rec("p2", "AAA", "supports", 1, occasion="x"),
            rec("c", "CCC", "criticises", -1, occasion="x")]
    p = pair_agreement(recs, "AAA", "SSS")
    assert (p["n"], p["share"]) == (1, 1.0)
    assert [a["act_id"] for a in p["items"][0]["acts"]] == ["p1", "p2"]
    assert pair_agreement(recs, "AAA", "SSS", by_occasion=False)["n"] == 2
    e = coalition_graph(recs).edges["AAA", "SSS"]
    assert e["weight"] == 1 and e["acts"] == [ACT + "p1", ACT + "p2"]
    assert signed_graph(recs).edges["CCC", "SSS"]["negative"] == 1


def test_an_occasion_is_dated_by_its_first_act():
    recs = [rec("p", "AAA", "supports", 1, date="2020-12-30", occasion="x"),
            rec("c", "CCC", "criticises", -1, date="2021-01-02", occasion="x")]
    assert list(by_year(recs)) == [2020]
    assert list(by_year(recs, by_occasion=False)) == [2020, 2021]
    assert items_of(recs)[0].date == dt.date(2020, 12, 30)


# ---- graphs, blocs and balance on the world

def test_signed_edges_by_occasion_by_hand(recs):
    # items: session S (AAA, BBB +1; CCC, DDD, EEE −1), vote V (AAA +1, BBB 0, CCC, DDD, EEE −1),
    # 2022 T (AAA, BBB, EEE +1). Same/opposite per pair:
    #   AB: S same, T same → (2, 0)     AC, AD: S opp, V opp → (0, 2)     AE: T same; S, V opp → (1, 2)
    #   BC, BD: S opp (V: 0 vs −1 neither) → (0, 1)     BE: T same, S opp → (1, 1)
    #   CD, CE, DE: S same, V same → (2, 0)
    g = signed_graph(recs)
    got = {tuple(sorted(e)): (d["positive"], d["negative"]) for *e, d in g.edges(data=True)}
    assert got == {("AAA", "BBB"): (2, 0), ("AAA", "CCC"): (0, 2), ("AAA", "DDD"): (0, 2),
                   ("AAA", "EEE"): (1, 2), ("BBB", "CCC"): (0, 1), ("BBB", "DDD"): (0, 1),
                   ("BBB", "EEE"): (1, 1), ("CCC", "DDD"): (2, 0), ("CCC", "EEE"): (2, 0),
                   ("DDD", "EEE"): (2, 0)}
    e = g.edges["BBB", "CCC"]
    assert short(e["items_opposite"]) == ["w-2020-hrc"]
    assert short(e["acts_opposite"]) == ["w-2020-critical", "w-2020-support"]


def test_world_is_balanced_by_occasion(recs):
    signed = signed_graph(recs)
    r = signed_blocs(signed)
    assert [b.members for b in r.blocs] == [["CCC", "DDD", "EEE"], ["AAA", "BBB"]]
    # ties with a net sign: AB+ CD+ CE+ DE+ and AC− AD− AE− BC− BD− (BE nets 0): 9.
    # {AAA, BBB} | {CCC, DDD, EEE} violates none. Triangles with three signed ties:
    # ABC ABD ACD ACE ADE BCD CDE (ABE, BCE, BDE contain BE) — each with 0 or 2 negatives.
    rep = structural_balance(signed)
    assert (rep.ties, rep.frustration, rep.exact) == (9, 0, True)
    assert (rep.triads_total, rep.unbalanced_triads) == (7, 0)
    # EEE: +2 CCC +2 DDD inside, −1 AAA + 0 BBB outside → lean (4 + 1)/(4 + 1) = 1
    assert boundary_lean(signed, r.membership, "EEE") == (1.0, r.membership["AAA"], 4.0, -1.0)


def test_pair_by_year_meets_at_the_session(recs):
    rows = pair_by_year(recs, "AAA", "CCC")
    assert [(r["year"], r["n"], r["share"]) for r in rows[:2]] == [(2020, 1, 0.0), (2021, 1, 0.0)]


# ---- explain: the item, both acts and their evidence

def test_explain_lists_both_acts_with_evidence(world, recs):
    x = explain_pair(world.graph, recs, "AAA", "CCC")
    session = x["items"][0]
    assert session["item_id"] == "w-2020-hrc" and session["kind"] == "Occasion"
    assert [a["act_id"] for a in session["acts"]] == ["w-2020-critical", "w-2020-support"]
    assert [e["excerpt"] for e in session["evidence"]] == [
        "Two days after Carpania's statement, Avalon answered at the same session."]
    # each act's own evidence, and CCC's and AAA's listed positions in them
    critical, support = session["acts"]
    assert {e["about"] for e in critical["evidence"]} == {"act", "CCC"}
    assert {e["about"] for e in support["evidence"]} == {"act", "AAA"}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_explain_by_occasion():
    result = run("explain", "AAA", "CCC", *WORLD, "--until", "2020-12-31")
    assert result.exit_code == 0, result.output
    assert "AAA–CCC: N = 1 item in common; share 0.000" in result.output
    assert "w-2020-critical" in result.output and "w-2020-support" in result.output
    assert "Two days after Carpania's statement" in result.output
    data = json.loads(run("explain", "AAA", "CCC", *WORLD, "--until", "2020-12-31", "--format", "json").output)
    assert [a["act_id"] for a in data["items"][0]["acts"]] == ["w-2020-critical", "w-2020-support"]


def test_cli_compare_and_state_by_act_flag():
    assert "0.000 (1)" in run("compare", "AAA", "CCC", *WORLD, "--until", "2020-12-31").output
    assert "N=0" in run("compare", "AAA", "CCC", *WORLD, "--until", "2020-12-31", "--by-act").output
    closest = lambda *flag: [(q["partner"], q["same"], q["opposite"]) for q in json.loads(  # noqa: E731
        run("state", "EEE", *WORLD, "--target", "SYL", "--format", "json", *flag).output)["closest"]]
    # by occasion EEE–BBB: the 2022 statement together, the 2020 session apart; by act only 2022
    assert ("BBB", 1, 1) in closest() and ("BBB", 1, 0) in closest("--by-act")


# ---- the shipped data

def test_shipped_rival_statements_meet(shipped):
    recs = position_records(shipped.graph, Filters(target="CHN", until=dt.date(2021, 12, 31)))
    # before the 2022 vote: FRA criticised and PAK supported at HRC41 (letters), HRC44 and the
    # Third Committee debate of 6 October 2020 — three occasions, three disagreements
    p = pair_agreement(recs, "FRA", "PAK")
    assert p["n"] >= 2 and p["share"] == 0.0
    assert {i["item_id"] for i in p["items"]} >= {"hrc41-2019-china", "hrc44-2020-china"}
    assert pair_agreement(recs, "FRA", "PAK", by_occasion=False)["n"] == 0
    # negative ties no longer need the vote
    assert any(d["negative"] for *_, d in signed_graph(recs).edges(data=True))
    assert not any(d["negative"] for *_, d in signed_graph(recs, by_occasion=False).edges(data=True))

