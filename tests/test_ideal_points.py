"""graphkit.analysis.ideal.points: a vote matrix's periods, labels, direction and refusals, on literal matrices.

Each matrix is written out below; the expected labels and messages follow from it by hand.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from graphkit.analysis.ideal.points import ideal_points
from graphkit.analysis.matrix import PositionMatrix, item_frame
from graphkit.errors import DataError, InputError

nan = float("nan")
#: A and B against C and D on six roll calls; B abstains once and misses one.
VOTES = [[1, 1, -1, 1, 1, -1], [1, 0, -1, 1, 1, nan], [-1, -1, 1, -1, 0, 1], [-1, -1, 1, -1, -1, 1]]


def matrix(keys=("USA", "BBB", "CCC", "DDD"), votes=VOTES, sessions=(1, 1, 1, 2, 2, 2),
           dates=("2001-10-01", "2001-11-01", "2002-01-10", "2002-10-01", "2002-11-01", "2002-12-01")):
    items = item_frame(item=[f"r{i}" for i in range(len(dates))], session=list(sessions), date=list(dates))
    return PositionMatrix(list(keys), np.array(votes, dtype=float), items)


def test_the_other_label_is_the_majority_of_the_periods_roll_calls():
    # session 1: two roll calls in 2001, one in 2002 → 2001; by year, 2002 holds one of session 1 and three of session 2 → 2
    by_session = ideal_points(matrix(), "session").period_labels
    assert by_session[["period", "year", "roll_calls"]].values.tolist() == [[1, 2001, 3], [2, 2002, 3]]
    by_year = ideal_points(matrix(), "year").period_labels
    assert by_year[["period", "session", "roll_calls"]].values.tolist() == [[2001, 1, 2], [2002, 2, 4]]


def test_no_majority_leaves_the_label_empty():
    # 2002 now holds one roll call of session 1, one of session 2, one of session 3: none has more than half
    m = matrix(sessions=(1, 1, 1, 2, 3, 3), dates=("2001-10-01", "2001-11-01", "2002-01-10", "2002-10-01", "2002-11-01",
                                                 "2003-01-05"))
    labels = ideal_points(m, "year").period_labels.set_index("period")["session"]
    assert labels[2001] == 1 and pd.isna(labels[2002])


def test_the_united_states_is_positive_else_the_next_anchor_with_a_note():
    ip = ideal_points(matrix(), "session")
    assert ip.anchor == "USA" and ip.frame.loc[ip.frame["state"] == "USA", "ideal"].mean() > 0 and ip.notes == []
    ip = ideal_points(matrix(keys=("AAA", "BBB", "FRA", "DDD")), "session")     # FRA votes with C: it is made positive
    assert ip.anchor == "FRA" and ip.frame.loc[ip.frame["state"] == "FRA", "ideal"].mean() > 0
    assert ip.notes == ["USA cast no vote in the selection: the direction is fixed by FRA (positive)"]


def test_roll_calls_without_a_period_are_left_out_with_a_note():
    m = matrix()
    m.items.loc[5, "session"] = None                      # r5: no session recorded
    ip = ideal_points(m, "session")
    assert ip.notes == ["1 roll call(s) without a session left out"]
    assert ip.matrix.item_ids == ["r0", "r1", "r2", "r3", "r4"] and len(ip.result.items) == 5


@pytest.mark.parametrize("votes, message", [
    ([[-1, nan, -1, nan, nan, -1], [nan, -1, nan, -1, -1, nan]] + [[nan] * 5 + [-1]] * 2,
     "every position in the selection is 'no': ideal points need roll calls on which states chose differently"),
    ([[1] * 6] * 4, "every position in the selection is 'yes'"),
])
def test_one_choice_only_cannot_place_anyone(votes, message):
    with pytest.raises(DataError, match=message) as info:
        ideal_points(matrix(votes=votes), "session")
    assert info.value.exit_code == 2


def test_bad_options():
    with pytest.raises(InputError, match="cannot take periods by 'decade'"):
        ideal_points(matrix(), "decade")
    with pytest.raises(InputError, match="unknown walk 'drunk'"):
        ideal_points(matrix(), walk="drunk")
    m = matrix()
    m.items["session"] = None
    with pytest.raises(DataError, match="no roll call of the selection has a session — take periods by year"):
        ideal_points(m, "session")
