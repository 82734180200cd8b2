"""Shared fixtures and the tiny fictional world every test can rely on.

The world (``tests/world/``), drawn::

    target: Syldavia (SYL)

    2020-06-29  HRC   joint statement, criticises   CCC (lead), DDD, EEE       reported 3 (Gazette), 4 (Herald)
    2020-07-01  HRC   joint statement, supports     AAA (lead), BBB, FFF*      reported 4        *FFF withdrew 2020-07-10
    2021-03-15  UNGA  recorded vote (yes criticises) yes: CCC DDD EEE  no: AAA  abstain: BBB   reported 3/1/1
    2022-10-20  3rd C joint statement, supports     AAA (lead), EEE, BBB (joined 2022-11-01)  reported 3

    occasion w-2020-hrc (tests/world/occasions.ttl): the two 2020 statements answered each other
    at one Council session, so by default they are one item — supporters AAA, BBB (+1) against
    critics CCC, DDD, EEE (−1).

Expected answers, derived by hand:

* always supports Syldavia: AAA; supports or abstains: BBB (abstained once); always criticises: CCC, DDD;
  on both sides: EEE (criticised in 2020 and 2021, supported in 2022). FFF is left out
  once its withdrawal counts.
* reported vs listed: the 2020 supporting statement reports 4 and lists 2 (3 with FFF);
  the 2020 critical one reports 3 and 4 and lists 3.
* items by occasion (the default): w-2020-hrc, w-2021-vote, w-2022-support; rows
  AAA (+1, +1, +1), BBB (+1, 0, +1), CCC (−1, −1, ·), DDD (−1, −1, ·), EEE (−1, −1, +1).
  AAA and CCC share the session and the vote and disagree on both: N = 2, share 0
  (one item per act, ``by_occasion=False``: N = 1, the vote only). AAA–EEE N = 3, share 1/3;
  BBB–EEE N = 3, share 1/3, S 0. The signed graph is then perfectly balanced (9 signed
  ties, frustration 0; one item per act: 7 ties, frustration 1). Worked out in
  tests/test_occasions.py; the per-act answers in tests/test_agreement.py and the others.

Beside the world, for the queries on imported votes (``world_votes_store``), the Council's votes of the
world (``tests/world_votes/``) and the veto fixture (``tests/unsc/``, drawn in tests/hrc_support.py)::

    record            date        kind        subjects             AAA  BBB  CCC  DDD  EEE  FFF
    A/HRC/RES/90/1    2021-03-20  resolution  SYLDAVIA, NORTH MARCH  no   no   yes  no   abs  no vote
    A/HRC/90/L.9      2021-03-20  amendment   SYLDAVIA, NORTH MARCH  yes  yes  no   no   no   —
    A/HRC/RES/91/2    2021-07-10  resolution  RIGHT TO DEVELOPMENT   yes  yes  yes  no   yes  —

* council-votes-on-topic (DDD, "syldavia"): its two no votes of 2021-03-20, each with the dataset and its excerpt.
* critics-voting-no (SYL): of the critics of 2020 (CCC, DDD, EEE), only DDD voted no on a text concerning
  Syldavia that is not an amendment (A/HRC/RES/90/1); CCC's and EEE's no were on the amendment.
* vetoes (CHN since 2011): 2011-10-04 S/2011/612, 2020-07-07 S/2020/654, 2022-05-26 S/2022/431.
* vetoes-by-member: SUN 3/3/3, CHN 3/3/3, RUS 3/3/3, FRA 2/2/0, USA 2/2/2, GBR 1/1/1 (vetoes, member
  columns, 0/1 columns).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graphkit.graph.loading import DEFAULT_DATA
from world_support import WORLD_DIR, tiny_world

TESTS = Path(__file__).parent


@pytest.fixture(autouse=True)
def _full_width_tables(monkeypatch):
    """Tables keep every cell whole unless a test sets $COLUMNS: a developer's exported COLUMNS must not cut them."""
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture(scope="session")
def world():
    """The built tiny world (validated)."""
    return tiny_world()


@pytest.fixture
def world_copy(tmp_path) -> Path:
    """A writable copy of the tiny world's data folder, for breaking things."""
    target = tmp_path / "world"
    shutil.copytree(WORLD_DIR, target)
    return target


@pytest.fixture(scope="session")
def shipped():
    """The shipped data/, built and validated once per session."""
    from graphkit.graph.build import build

    return build(DEFAULT_DATA)


@pytest.fixture(scope="session")
def unga_cli_store(tmp_path_factory) -> Path:
    """The synthetic UNGA fixture (tests/unga/voeten) imported by ``graphkit import unga``, as a user would.

    Read-only for the tests that use it: they query it, never import into it.
    """
    from click.testing import CliRunner

    from graphkit.cli import main
    from unga_support import FIXTURE_DIR

    voeten = FIXTURE_DIR / "voeten"
    store_dir = tmp_path_factory.mktemp("unga") / "store"
    result = CliRunner().invoke(main, ["import", "unga", *(str(voeten / n) for n in ("votes.csv", "roll_calls.csv", "issues.csv")),
                                       "--store", str(store_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    return store_dir
