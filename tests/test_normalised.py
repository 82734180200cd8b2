"""Committed Turtle is in graphkit's normalised form (rdflib longturtle)."""
from __future__ import annotations

import pytest

from graphkit.curation.normalise import DEFAULT_ROOTS, normalised_text, turtle_files
from world_support import WORLD_DIR

FILES = turtle_files([*DEFAULT_ROOTS, WORLD_DIR])


def test_there_are_files_to_check():
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_file_is_normalised(path):
    assert path.read_text(encoding="utf-8") == normalised_text(path), (
        f"{path} is not normalised: run python -m graphkit.curation.normalise {path}")
