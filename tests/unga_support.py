"""The synthetic UNGA fixture (``tests/unga/``), for tests and doctests (through ``doctest_namespace``).

Four fictional roll calls, five voters in each, in the Voeten layout
(``tests/unga/voeten/``) and two of them again in the UN Digital Library
layout (``tests/unga/undl/``)::

    rcid  date (precision)      US   FR   RU        CN / TW    DE / FRG     issues
    101   1971-10 (month)       no   yes  yes (SUN) TW no (ROC)   —         co
    102   1990-12 (month)       yes  yes  no  (SUN) CN abstain  FRG yes (DEU) —
    103   2016-12-21 (day)      yes  yes  no  (RUS) CN no       DE yes      hr   tally columns say 3 no: 2 listed
    104   2019-12-18 (day)      no   abst yes (RUS) CN yes      DE abst     hr, me

Hand-derived: USA–FRA share 2/4 = 0.5, S = 1 − (2+0+0+1)/4 = 0.25;
USA–CHN share 0/3, S = 1 − (1+2+2)/3 = −2/3.
"""
from __future__ import annotations

from functools import lru_cache

from pathlib import Path

__all__ = ["FIXTURE_DIR", "fixture_table", "fixture_identity"]

FIXTURE_DIR = Path(__file__).resolve().parent / "unga"


@lru_cache(maxsize=1)
def fixture_identity():
    """The identity table of the shipped data (states and historic entities)."""
    from graphkit.graph.states import load_states

    return load_states()


def fixture_table(layout: str = "voeten"):
    """The fixture read in one layout (a :class:`~graphkit.sources.unga.readers.VoteTable`)."""
    from graphkit.sources.unga.readers import read_undl, read_voeten

    if layout == "undl":
        return read_undl(FIXTURE_DIR / "undl" / "votes.csv", identity=fixture_identity())
    d = FIXTURE_DIR / "voeten"
    return read_voeten(d / "votes.csv", d / "roll_calls.csv", d / "issues.csv", identity=fixture_identity())
