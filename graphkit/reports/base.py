"""What every report offers: rows, a dict, a DataFrame, and its rendering as a table, CSV or JSON.

A report is what one command prints and what the same call in a notebook
returns (:class:`graphkit.api.Graphkit`): the CLI renders it, a notebook keeps
the object and asks for ``.rows()``, ``.to_dict()`` or ``.to_frame()``.
"""
from __future__ import annotations

import json

import pandas as pd

from ..safe_text import json_text
from .output import render_frame, render_rows, to_jsonable

__all__ = ["Report", "TableReport"]


class Report:
    """Base class: ``rows()`` and ``columns`` for CSV, ``to_dict()`` for JSON, ``text()`` for the table view."""

    columns: list[str] = []
    title: str = ""

    def rows(self) -> list[dict]:
        """The report's main listing, one dict per row."""
        raise NotImplementedError

    def to_dict(self) -> dict:
        """Everything in the report, JSON-ready."""
        return {"title": self.title, "rows": self.rows()}

    def to_frame(self) -> pd.DataFrame:
        """The main listing as a pandas DataFrame."""
        return pd.DataFrame(self.rows(), columns=self.columns or None)

    def text(self) -> str:
        """The human-readable view (the default ``--format table``)."""
        return render_rows(self.rows(), "table", self.columns, title=self.title)

    def render(self, fmt: str = "table") -> str:
        """The report as ``table`` text, ``csv`` (the main listing) or ``json`` (everything)."""
        if fmt == "json":
            return json_text(json.dumps(to_jsonable(self.to_dict()), ensure_ascii=False, indent=2))
        if fmt == "csv":
            return render_rows(self.rows(), "csv", self.columns)
        if fmt == "table":
            return self.text()
        raise ValueError(f"unknown format {fmt!r}")

    def __str__(self) -> str:
        return self.text()

    def _repr_html_(self):
        return self.to_frame()._repr_html_()


class TableReport(Report):
    """A report that is one (possibly large) table, kept as a DataFrame and written vectorised."""

    def __init__(self, frame: pd.DataFrame, title: str = "", summary: dict | None = None):
        self.frame = frame
        self.title = title
        self.columns = list(frame.columns)
        self.summary = summary or {}

    def rows(self) -> list[dict]:
        return json.loads(self.frame.to_json(orient="records", force_ascii=False))

    def to_frame(self) -> pd.DataFrame:
        return self.frame

    def to_dict(self) -> dict:
        out = {"title": self.title, "rows": self.rows()}
        if self.summary:
            out["summary"] = self.summary
        return out

    def render(self, fmt: str = "table") -> str:
        if fmt == "json" and not self.summary:
            return json_text(json.dumps(to_jsonable(self.rows()), ensure_ascii=False, indent=2))
        if fmt in ("csv", "table"):
            return render_frame(self.frame, fmt, title=self.title if fmt == "table" else None)
        return super().render(fmt)
