"""The tiny fictional test world and the synthetic UNGA fixture, for tests and doctests.

``tests/world/`` holds seven fictional states — Avalon (AAA), Borduria (BBB),
Carpania (CCC), Dorvia (DDD), Elbonia (EEE), Freedonia (FFF) and the target
Syldavia (SYL) — and four acts; ``tests/conftest.py`` draws it with its
expected answers. The doctests of the library get these names from the
``doctest_namespace`` fixture of the top-level ``conftest.py``; the library
itself never imports this module.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["WORLD_DIR", "tiny_world", "tiny_world_graph"]

WORLD_DIR = Path(__file__).resolve().parent / "world"


@lru_cache(maxsize=1)
def tiny_world():
    """The built tiny world (a :class:`graphkit.graph.build.Build`), validated."""
    from graphkit.graph.build import build

    result = build(WORLD_DIR)
    if not result.report.conforms:
        raise AssertionError(f"the test world fails its shapes: {result.report.violations}")
    return result


def tiny_world_graph():
    """The tiny world's union graph (an :class:`rdflib.Graph`)."""
    return tiny_world().graph
