"""Reports that are one table: drift (``state --drift``), camps (``camps``) and the audit (``audit``)."""
from __future__ import annotations

from .base import TableReport
from .output import render_rows

__all__ = ["DriftReport", "CampsReport", "AuditReport"]


class DriftReport(TableReport):
    """Agreement with partners group by group: ``group, state, partner, share, s, kappa, pi, n``."""


class CampsReport(TableReport):
    """Do the camps of the statements on a target vote together? Within and across camps, group by group.

    ``summary`` holds ``since`` (the first group from which each camp agrees more
    within than across by at least ``margin`` every group), ``last_gap``, the
    camps' sizes and the states on both sides (left out).
    """

    def text(self) -> str:
        s = self.summary
        return "\n".join([super().text(), "",
                          f"camps: {s['camps']}; on both sides (left out): {', '.join(s['on_both_sides']) or 'none'}; "
                          f"within > across by ≥ {s['margin']} every {s['by']} since: {s['since']}"])


class AuditReport(TableReport):
    """Tallies computed from the imported votes that differ from reported tallies (one row per finding)."""

    def text(self) -> str:
        rows = self.rows()
        return render_rows(rows, "table", self.columns, title=self.title)
