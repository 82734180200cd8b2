"""Agreement indices checked against values derived by hand from their definitions.

Each expected number below is worked out in the comment next to it from the
definitions in graphkit/agreement.py's module docstring (share; S with
absolute distance and dmax 2; κ and π as 1 − D_o/D_e with Cohen's own
marginals or Scott's pooled marginals), not copied from the code's output.
"""
from __future__ import annotations

import math
from fractions import Fraction as F

import numpy as np
import pytest

from graphkit.analysis.agreement import agreement_indices, pair_agreement, vote_matrix
from graphkit.sources.curated.records import Filters, position_records

from records_helpers import rec

NAN = float("nan")


def at(ix, key, i=0, j=1):
    return float(ix[key][i, j])


def test_abstentions_by_hand():
    # A = (+1, +1, 0, −1), B = (+1, 0, 0, −1): n = 4.
    ix = agreement_indices([[1, 1, 0, -1], [1, 0, 0, -1]])
    assert int(ix["n"][0, 1]) == 4
    assert at(ix, "share") == pytest.approx(3 / 4)             # items 1, 3, 4 equal
    assert at(ix, "s") == pytest.approx(1 - F(1, 4))           # |d| = 0,1,0,0 → mean 1/4
    # squared: D_o = 1/4; var_A = 3/4 − (1/4)² = 11/16, var_B = 1/2, (m_A − m_B)² = 1/16 → D_e = 5/4
    assert at(ix, "kappa") == pytest.approx(1 - F(1, 4) / F(5, 4))
    # pooled: 8 choices, mean 1/8, E[x²] = 5/8 → var 39/64, D_e = 2·39/64 = 39/32
    assert at(ix, "pi") == pytest.approx(1 - F(1, 4) / F(39, 32))


def test_abstentions_nominal_by_hand():
    ix = agreement_indices([[1, 1, 0, -1], [1, 0, 0, -1]], metric="nominal")
    # Cohen: p_A = (+ 2/4, 0 1/4, − 1/4), p_B = (1/4, 2/4, 1/4): p_e = 2/16 + 2/16 + 1/16 = 5/16
    assert at(ix, "kappa") == pytest.approx((F(3, 4) - F(5, 16)) / (1 - F(5, 16)))   # 7/11
    # Scott: pooled (+ 3/8, 0 3/8, − 2/8): p_e = 9/64 + 9/64 + 4/64 = 22/64
    assert at(ix, "pi") == pytest.approx((F(3, 4) - F(22, 64)) / (1 - F(22, 64)))    # 13/21


def test_abstention_costs_half_a_no_in_s():
    # A yes against an abstention is distance 1, against a no distance 2 (dmax).
    ix = agreement_indices([[1, 1], [0, 0], [-1, -1]])
    assert at(ix, "s", 0, 1) == pytest.approx(0.0)       # 1 − 1
    assert at(ix, "s", 0, 2) == pytest.approx(-1.0)      # 1 − 2
    assert at(ix, "share", 0, 1) == at(ix, "share", 0, 2) == 0.0


def test_kappa_and_share_disagree_in_rank():
    v = [[1, 1, 1, 1, 1, 1, 1, 1, 1, -1],      # A: 9 yes, 1 no
         [1, 1, 1, 1, 1, 1, 1, 1, -1, 1],      # B: 9 yes, 1 no; agree with A on 8
         [1, 1, 1, 1, 1, -1, -1, -1, -1, -1],  # C: 5 / 5
         [1, 1, 1, -1, -1, -1, -1, -1, 1, 1]]  # D: 5 / 5; agree with C on items 1-3, 6-8
    for metric in ("squared", "nominal"):  # two choices only: both metrics agree
        ix = agreement_indices(v, metric)
        assert at(ix, "share", 0, 1) == pytest.approx(0.8)
        assert at(ix, "share", 2, 3) == pytest.approx(0.6)
        # A, B: p_e = .9·.9 + .1·.1 = .82 → κ = (.8 − .82)/(1 − .82) = −1/9
        assert at(ix, "kappa", 0, 1) == pytest.approx(-1 / 9)
        # C, D: p_e = .5 → κ = (.6 − .5)/.5 = .2
        assert at(ix, "kappa", 2, 3) == pytest.approx(0.2)
        # identical marginals → Scott's π equals Cohen's κ here
        assert at(ix, "pi", 0, 1) == pytest.approx(-1 / 9)
        assert at(ix, "pi", 2, 3) == pytest.approx(0.2)
    # the ranks flip: share says A–B are closer, κ says C–D are
    assert at(ix, "share", 0, 1) > at(ix, "share", 2, 3)
    assert at(ix, "kappa", 0, 1) < at(ix, "kappa", 2, 3)
    # S: A–B 2 disagreements × distance 2 over 10 → 1 − 0.4; C–D 4 × 2 → 1 − 0.8
    assert at(ix, "s", 0, 1) == pytest.approx(0.6)
    assert at(ix, "s", 2, 3) == pytest.approx(0.2)


def test_absence_is_excluded_pairwise():
    # A is absent on item 2; only items 1 and 3 count for A–B, all three for B–C.
    ix = agreement_indices([[1, NAN, -1], [1, -1, 1], [1, -1, 1]])
    assert int(ix["n"][0, 1]) == 2 and int(ix["n"][1, 2]) == 3
    assert at(ix, "share", 0, 1) == pytest.approx(0.5)


def test_no_shared_item_is_nan_not_an_error():
    ix = agreement_indices([[1, NAN, NAN], [NAN, -1, 0]])
    assert int(ix["n"][0, 1]) == 0
    for key in ("share", "s", "kappa", "pi"):
        assert math.isnan(at(ix, key))


def test_no_variation_leaves_kappa_undefined():
    # both always say yes: perfect agreement, but chance explains all of it (D_e = 0)
    ix = agreement_indices([[1, 1, 1], [1, 1, 1]])
    assert at(ix, "share") == 1.0 and at(ix, "s") == 1.0
    assert math.isnan(at(ix, "kappa")) and math.isnan(at(ix, "pi"))


def test_empty_matrix():
    ix = agreement_indices(np.empty((2, 0)))
    assert int(ix["n"][0, 1]) == 0 and math.isnan(at(ix, "share"))


def test_bad_values_and_metric():
    with pytest.raises(ValueError, match="row 1, column 0"):
        agreement_indices([[1, 0], [2, 0]])
    with pytest.raises(ValueError, match="unknown metric"):
        agreement_indices([[1]], metric="cosine")


def _reference(x, y, metric):
    """Indices of one pair straight from the definitions, one item at a time."""
    pairs = [(a, b) for a, b in zip(x, y) if not (math.isnan(a) or math.isnan(b))]
    n = len(pairs)
    if n == 0:
        return {"n": 0}
    dist = {"squared": lambda a, b: (a - b) ** 2, "absolute": lambda a, b: abs(a - b),
            "nominal": lambda a, b: float(a != b)}[metric]
    cats = (-1.0, 0.0, 1.0)
    px = {c: sum(a == c for a, _ in pairs) / n for c in cats}
    py = {c: sum(b == c for _, b in pairs) / n for c in cats}
    pooled = {c: (px[c] + py[c]) / 2 for c in cats}
    d_o = sum(dist(a, b) for a, b in pairs) / n
    d_k = sum(px[c] * py[d] * dist(c, d) for c in cats for d in cats)
    d_p = sum(pooled[c] * pooled[d] * dist(c, d) for c in cats for d in cats)
    return {"n": n, "share": sum(a == b for a, b in pairs) / n,
            "s": 1 - 2 * (sum(abs(a - b) for a, b in pairs) / n) / 2,
            "kappa": 1 - d_o / d_k if d_k > 1e-12 else NAN, "pi": 1 - d_o / d_p if d_p > 1e-12 else NAN}


@pytest.mark.parametrize("metric", ["squared", "absolute", "nominal"])
def test_matrix_products_match_the_definitions_pair_by_pair(metric):
    rng = np.random.default_rng(7)
    v = rng.choice([-1.0, 0.0, 1.0, NAN], size=(9, 40), p=[0.3, 0.15, 0.4, 0.15])
    v[3, :] = NAN          # a state with no vote at all
    v[5, :20] = 1.0        # a state with little variation
    ix = agreement_indices(v, metric)
    for i in range(9):
        for j in range(9):
            ref = _reference(v[i], v[j], metric)
            assert int(ix["n"][i, j]) == ref["n"]
            for key in ("share", "s", "kappa", "pi"):
                expected = ref.get(key, NAN)
                got = float(ix[key][i, j])
                assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected), (i, j, key)
            assert ix["share"][i, j] == ix["share"][j, i] or math.isnan(ix["share"][i, j])


# ---- on records: the tiny world (see tests/conftest.py)

def test_vote_matrix_of_the_world_by_act(world):
    m = vote_matrix(position_records(world.graph, Filters(target="SYL")), by_occasion=False)
    assert m.states == ["AAA", "BBB", "CCC", "DDD", "EEE"]
    acts = [i.rsplit("/", 1)[1] for i in m.items]
    assert acts == ["w-2020-critical", "w-2020-support", "w-2021-vote", "w-2022-support"]
    # from the drawing: AAA supports in 2020 and 2022, votes no (= supports SYL) in 2021
    assert m.row("AAA").tolist()[1:] == [1, 1, 1] and math.isnan(m.row("AAA")[0])
    # EEE: criticised 2020, absent from the 2020 support, yes (criticises) 2021, supports 2022
    eee = m.row("EEE").tolist()
    assert [eee[0], eee[2], eee[3]] == [-1, -1, 1] and math.isnan(eee[1])
    assert m.row("BBB")[2] == 0   # abstained


def test_pair_agreement_world_by_act_by_hand(world):
    recs = position_records(world.graph, Filters(target="SYL"))
    # One item per act: AAA–EEE meet twice: 2021 vote (+1 vs −1), 2022 statement (+1, +1).
    p = pair_agreement(recs, "AAA", "EEE", by_occasion=False)
    assert p["n"] == 2 and p["share"] == 0.5
    assert p["s"] == pytest.approx(0.0)                # 1 − (2 + 0)/2
    # D_o = (4 + 0)/2 = 2; AAA var 0, mean 1; EEE var 1, mean 0 → D_e = 0 + 1 + 1 = 2
    assert p["kappa"] == pytest.approx(0.0)
    # pooled (+1, +1, −1, +1): mean 1/2, var 1 − 1/4 = 3/4 → D_e = 3/2, π = 1 − 2/(3/2)
    assert p["pi"] == pytest.approx(-1 / 3)
    assert [a["item_id"] for a in p["items"]] == ["w-2021-vote", "w-2022-support"]
    assert [a["agree"] for a in p["items"]] == [False, True]
    assert [a["item_id"] for a in p["only_b"]] == ["w-2020-critical"]
    assert [a["item_id"] for a in p["only_a"]] == ["w-2020-support"]


def test_pair_agreement_constant_pair(world):
    # CCC and EEE criticised together twice: share 1, κ undefined (no variation)
    p = pair_agreement(position_records(world.graph, Filters(target="SYL")), "CCC", "EEE")
    assert (p["n"], p["share"], p["s"]) == (2, 1.0, 1.0)
    assert math.isnan(p["kappa"])


def test_pair_without_shared_act(world):
    recs = position_records(world.graph, Filters(target="SYL", since=__import__("datetime").date(2022, 1, 1)))
    p = pair_agreement(recs, "AAA", "CCC")
    assert p["n"] == 0 and math.isnan(p["share"]) and p["items"] == []


def test_target_and_rejections_are_not_alignments():
    recs = [rec("x", "TGT", "supports", 1), rec("x", "AAA", "supports", 1),
            rec("y", "AAA", "rejects", None), rec("y", "BBB", "rejects", None),
            rec("z", "AAA", "supports", 1, is_state=False)]
    m = vote_matrix(recs)
    assert m.states == ["AAA"] and [i.rsplit("/", 1)[1] for i in m.items] == ["x"]


def test_votes_without_side_use_the_raw_choice():
    recs = [rec("v", "AAA", "yes", None, kind="RecordedVote"), rec("v", "BBB", "yes", None, kind="RecordedVote"),
            rec("v", "CCC", "no", None, kind="RecordedVote"), rec("v", "DDD", "abstain", None, kind="RecordedVote")]
    m = vote_matrix(recs)
    assert m.values[:, 0].tolist() == [1, 1, -1, 0]
