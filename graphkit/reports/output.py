"""One writer for every listing: a readable table, CSV or JSON.

Commands and notebooks hand :func:`render_rows` a list of dicts and a format;
the CLI's shared ``--format`` option (see :mod:`graphkit.cli.options`) feeds it.
"""
from __future__ import annotations

import csv
import io
import json
import datetime as dt

__all__ = ["render_rows", "FORMATS", "to_jsonable"]

FORMATS = ("table", "csv", "json")


def to_jsonable(value):
    """Dates as ISO strings, tuples and sets as lists, so rows serialise as JSON."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in (sorted(value) if isinstance(value, (set, frozenset)) else value)]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return " ".join(_cell(v) for v in value)
    return str(to_jsonable(value))


def render_rows(rows: list[dict], fmt: str = "table", columns: list[str] | None = None, *, title: str | None = None) -> str:
    """Render ``rows`` as ``table`` (aligned text), ``csv`` or ``json``.

    Examples
    --------
    >>> print(render_rows([{"state": "FRA", "n": 3}, {"state": "DEU", "n": 12}]))
    state  n
    -----  --
    FRA    3
    DEU    12
    >>> print(render_rows([{"state": "FRA", "n": 3}], "csv"), end="")
    state,n
    FRA,3
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    columns = columns or (list(rows[0].keys()) if rows else [])
    if fmt == "json":
        return json.dumps([{c: to_jsonable(r.get(c)) for c in columns} for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
        return buffer.getvalue()
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = []
    if title:
        lines.append(title)
    lines.append("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    if not rows:
        lines.append("(no rows)")
    return "\n".join(lines)
