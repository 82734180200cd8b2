"""Engine variants of library queries: the text an engine runs where the portable text fails on it.

A library query that one engine cannot run as written says so in its header::

    # variant: virtuoso — Virtuoso 7.2 hangs on LANG(?name) = "en" beside the nested IFs; langMatches instead

and its stand-in lives in ``queries/variants/<engine>/<name>.rq`` (the same
result columns and parameters; tests check that it gives the query's golden
rows on the embedded store, so the two cannot drift apart). The endpoint
backend runs the variant when the server is that engine
(:meth:`graphkit.store.backends.EndpointBackend.text_for`); every other backend
runs the query itself. ``queries/variants/`` is not part of the library listing.

Examples
--------
>>> declared_variants("# title: x\\n# variant: virtuoso — it hangs there\\nSELECT * {}")
{'virtuoso': 'it hangs there'}
>>> declared_variants("SELECT * {}")
{}
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import QueryError
from ..resources import QUERIES_DIR

__all__ = ["VARIANTS_DIR", "declared_variants", "variant_path", "text_for_engine"]

VARIANTS_DIR = QUERIES_DIR / "variants"
_VARIANT = re.compile(r"^#\s*variant:\s*(?P<engine>[A-Za-z0-9_-]+)\s*(?:—|–|--|-)\s*(?P<why>.+?)\s*$")


def declared_variants(text: str) -> dict[str, str]:
    """The ``# variant: ENGINE — why`` lines of a query's header: engine → reason."""
    found = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _VARIANT.match(line)
        if m:
            found[m.group("engine").lower()] = m.group("why")
    return found


def variant_path(name: str, engine: str, directory: Path = VARIANTS_DIR) -> Path:
    """Where the ``engine`` variant of the library query ``name`` lives."""
    return Path(directory) / engine / f"{name}.rq"


def text_for_engine(query, engine: str) -> str:
    """The text ``engine`` should run for ``query`` (a :class:`graphkit.store.library.QueryFile`): its variant, if declared.

    Raises
    ------
    QueryError
        The header declares a variant for the engine but its file is missing.
    """
    if engine not in declared_variants(query.text):
        return query.text
    path = variant_path(query.name, engine)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise QueryError(f"{query.name} declares a {engine} variant but {path} cannot be read", file=query.path,
                         hint=f"write the variant at {path}, or remove the '# variant: {engine}' line") from None
