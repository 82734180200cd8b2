"""The tiny fictional test world, for doctests, notebooks and tests.

``tests/world/`` (in a source checkout) holds seven fictional states — Avalon
(AAA), Borduria (BBB), Carpania (CCC), Dorvia (DDD), Elbonia (EEE), Freedonia
(FFF) and the target Syldavia (SYL) — and four acts; ``tests/conftest.py``
draws it with its expected answers.
"""
from __future__ import annotations

from functools import lru_cache

from .loading import PACKAGE_ROOT

__all__ = ["WORLD_DIR", "tiny_world", "tiny_world_graph"]

WORLD_DIR = PACKAGE_ROOT / "tests" / "world"


@lru_cache(maxsize=1)
def tiny_world():
    """The built tiny world (a :class:`graphkit.build.Build`), validated."""
    from .build import build

    result = build(WORLD_DIR)
    if not result.report.conforms:
        raise AssertionError(f"the test world fails its shapes: {result.report.violations}")
    return result


def tiny_world_graph():
    """The tiny world's union graph (an :class:`rdflib.Graph`)."""
    return tiny_world().graph
