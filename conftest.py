"""Doctest set-up for the library: the tiny world and the UNGA fixture as names in every doctest.

As networkx does, the library's doctests get their fixtures from pytest's
``doctest_namespace`` instead of importing test helpers: library code never
reaches into ``tests/``. Every test runs with ``GRAPHKIT_HOME`` set to a
throw-away folder, so no test writes to the user's own store.
"""
import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "tests"))

# The tests never touch the user's own graphkit folder: every default store and
# graph goes to a throw-away home (inherited by the CLI subprocesses and notebook kernels).
os.environ["GRAPHKIT_HOME"] = tempfile.mkdtemp(prefix="graphkit-test-home-")
os.environ.pop("GRAPHKIT_STORE", None)

from unga_support import FIXTURE_DIR, fixture_identity, fixture_table  # noqa: E402
from world_support import WORLD_DIR, tiny_world, tiny_world_graph  # noqa: E402


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace):
    doctest_namespace.update(tiny_world=tiny_world, tiny_world_graph=tiny_world_graph, WORLD_DIR=WORLD_DIR,
                             fixture_table=fixture_table, fixture_identity=fixture_identity, FIXTURE_DIR=FIXTURE_DIR)
