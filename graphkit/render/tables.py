"""CSV tables shaped for Datawrapper (and spreadsheets): edges, state × bloc, agreement by year.

Three tables, each one row per thing, plain columns, act IRIs in every row that
has acts behind it (space-separated, so a reader can trace any number back):

``edges``
    ``source target source_name target_name weight [positive negative sign] n_acts first last acts``
``blocs``
    ``iso3 name bloc bloc_label centrality n_acts acts``
``years``
    agreement by year, long format (what Datawrapper's line and dot charts
    take): ``year source target source_name target_name weight acts`` — the
    coalition projection of that year's acts alone.

:func:`write_tables` writes one table to a file (``table="edges"``) or all
three into a folder (``edges.csv``, ``blocs.csv``, ``years.csv``).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import InputError
from ..graph.writing import atomic_write
from ..safe_text import csv_cell, terminal_text

__all__ = ["TABLES", "edge_rows", "bloc_rows", "year_rows", "table_rows", "write_tables", "csv_text"]

TABLES = ("edges", "blocs", "years")


def _acts_of(data: dict) -> list[str]:
    if data.get("acts") is not None:
        return list(data["acts"])
    return list(data.get("acts_same") or ()) + list(data.get("acts_opposite") or ()) or ([data["act"]] if data.get("act") else [])


def edge_rows(view) -> list[dict]:
    """One row per edge of ``view.graph`` with its weight, dates and act IRIs."""
    g, info = view.graph, view.acts_info
    label = {n: d.get("label", n) for n, d in g.nodes(data=True)}
    rows = []
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        acts = _acts_of(d)
        dates = sorted(info.get(a, {}).get("date") or "" for a in acts)
        dates = [x for x in dates if x]
        row = {"source": u, "target": v, "source_name": label[u], "target_name": label[v],
               "weight": d.get("weight", 1)}
        if "positive" in d:
            row.update(positive=d["positive"], negative=d["negative"], sign=d.get("sign"))
        if "stance" in d:
            row.update(stance=d["stance"], side=d.get("side"))
        row.update(n_acts=len(acts), first=dates[0] if dates else "", last=dates[-1] if dates else "",
                   acts=" ".join(acts))
        rows.append(row)
    return rows


def bloc_rows(view) -> list[dict]:
    """One row per state: its bloc, bloc label, centrality and acts."""
    g = view.graph
    labels = g.graph.get("bloc_labels", {})
    rows = []
    for n, d in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
        if d.get("type") == "act":
            continue
        bloc = d.get("bloc")
        rows.append({"iso3": n, "name": d.get("label", n), "bloc": "" if bloc is None else bloc,
                     "bloc_label": labels.get(bloc, "") if bloc is not None else "",
                     "centrality": round(float(d.get("centrality") or 0), 4),
                     "n_acts": len(d.get("acts") or ()), "acts": " ".join(d.get("acts") or ())})
    return rows


def year_rows(view) -> list[dict]:
    """Agreement by year: the coalition projection of each year's items (long format)."""
    from ..analysis.projections import coalition_graph

    rows = []
    for year, sub in view.matrix.groups("year"):
        g = coalition_graph(sub)
        for u, v, d in sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
            rows.append({"year": year, "source": u, "target": v, "source_name": g.nodes[u].get("label", u),
                         "target_name": g.nodes[v].get("label", v), "weight": d.get("weight", 1),
                         "acts": " ".join(d.get("acts") or ())})
    return rows


def table_rows(view, table: str) -> list[dict]:
    """Rows of one of :data:`TABLES`."""
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}", value=table, hint="valid: " + ", ".join(TABLES))
    return {"edges": edge_rows, "blocs": bloc_rows, "years": year_rows}[table](view)


def _safe(value):
    """A cell as a spreadsheet should see it: text from data that would start a formula is quoted (numbers stay numbers)."""
    return csv_cell(terminal_text(value)) if isinstance(value, str) else value


def csv_text(rows: list[dict], columns: list[str] | None = None) -> str:
    """Rows as CSV text (header from the first row's keys unless ``columns`` is given).

    Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
    ``@`` …) start with ``'``, and control characters are dropped
    (:mod:`graphkit.safe_text`).

    >>> print(csv_text([{"a": 1, "b": "x y", "c": -0.5}, {"a": 2, "b": "=cmd()", "c": "-1"}]), end="")
    a,b,c
    1,x y,-0.5
    2,'=cmd(),-1
    """
    columns = columns or (list(rows[0]) if rows else [])
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: _safe(v) for k, v in row.items()} for row in rows)
    return buf.getvalue()


def write_tables(view, path, table: str | None = None) -> list[Path]:
    """Write one table to the file ``path``, or (``table=None``) all three into the folder ``path``.

    The folder is created when its parent exists. Returns the files written.
    """
    path = Path(path)
    if table is not None:
        rows = table_rows(view, table)
        with atomic_write(path) as fh:
            fh.write(csv_text(rows))
        return [path]
    if path.exists() and not path.is_dir():
        raise InputError(f"{path} is a file; without --table the CSV export writes a folder of tables",
                         file=path, hint="give a folder path, or --table edges|blocs|years")
    if not path.parent.is_dir():
        raise InputError(f"output folder {path.parent} does not exist", file=path, hint="create it or choose another -o path")
    path.mkdir(exist_ok=True)
    written = []
    for name in TABLES:
        target = path / f"{name}.csv"
        with atomic_write(target) as fh:
            fh.write(csv_text(table_rows(view, name)))
        written.append(target)
    return written
