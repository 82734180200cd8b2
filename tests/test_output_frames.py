"""Large tables are written vectorised (CSV through Arrow, Parquet) and stay as safe as the row writer."""
from __future__ import annotations

import io

import pandas as pd
import pytest

from graphkit.reports.output import render_frame, write_frame


@pytest.mark.parametrize("dtype", [object, "string", "str"])
def test_formula_cells_are_quoted_whatever_the_text_dtype(dtype):
    frame = pd.DataFrame({"label": pd.array(["=HYPERLINK(\"x\")", "@SUM(A1)", "-0.5", "France"], dtype=dtype),
                          "n": [1, 2, 3, 4]})
    rows = pd.read_csv(io.StringIO(render_frame(frame, "csv")), dtype=str, keep_default_na=False)["label"].tolist()
    assert rows == ["'=HYPERLINK(\"x\")", "'@SUM(A1)", "-0.5", "France"]


def test_control_characters_are_dropped_and_missing_values_empty():
    frame = pd.DataFrame({"label": ["Fr\x1b]0;x\x07ance", None], "share": [0.123456, float("nan")]})
    text = render_frame(frame, "csv")
    assert text.splitlines() == ["label,share", "Fr]0;xance,0.1235", ","]


def test_parquet_keeps_the_types(tmp_path):
    frame = pd.DataFrame({"group": [2019, 2020], "a": ["FRA", "DEU"], "n": [3, 0], "share": [0.5, float("nan")]})
    path = tmp_path / "t.parquet"
    write_frame(frame, path, "parquet")
    back = pd.read_parquet(path)
    assert back["group"].tolist() == [2019, 2020] and back["a"].tolist() == ["FRA", "DEU"]
    assert back["share"].isna().tolist() == [False, True]
