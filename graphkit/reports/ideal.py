"""``graphkit ideal``: where each state stands on one scale, period by period, and which votes put it there.

:class:`IdealReport` is the table ``state, year, session, ideal, se, n_votes``
(every state, or the states asked for); its text view shows the states' series
when states were named, else the last period's two ends of the scale.
:class:`IdealExplainReport` lists the roll calls that moved one state most in
one period, each with its provenance (act, position, dataset, release, excerpt).
"""
from __future__ import annotations

import pandas as pd

from .base import TableReport
from .output import render_frame, render_rows

__all__ = ["IdealReport", "IdealExplainReport", "EXPLAIN_COLUMNS"]

#: Columns of the explanation's table (CSV, Parquet; JSON ``rows``).
EXPLAIN_COLUMNS = ["rcid", "date", "session", "symbol", "title", "vote", "shift", "probability", "discrimination",
                   "bridge", "act", "position", "dataset", "release", "excerpt"]
#: States shown at each end of the scale when none is named.
ENDS = 10
#: z for the uncertainty bands (a 95 % interval under the Laplace approximation).
BAND_Z = 1.96


def _period(row, by: str) -> str:
    if by == "session":
        return f"session {row['session']}" + (f" ({row['year']})" if row.get("year") is not None else "")
    return f"{row['year']}" + (f" (session {row['session']})" if row.get("session") is not None else "")


class IdealReport(TableReport):
    """Ideal points: the table (``.to_frame()``: ``state, year, session, ideal, se, n_votes``) and how it was made.

    Attributes
    ----------
    frame : pandas.DataFrame
        The rows reported: every state's, or only the states asked for.
    summary : dict
        Source, selection, periods, walk and priors, anchor, counts, notes (JSON ``summary``).
    names : dict
        Key → name of the states in ``frame``.
    states : list of str or None
        The states asked for, in order (None: all).
    points : graphkit.analysis.ideal.points.IdealPoints
        The estimate behind the table (all states; item parameters in ``points.result.items``).
    """

    def __init__(self, frame: pd.DataFrame, title: str, summary: dict, names: dict, states=None, points=None):
        super().__init__(frame.reset_index(drop=True), title, summary)
        self.names, self.states, self.points = names, states, points

    def render(self, fmt: str = "table") -> str:
        return self.text() if fmt == "table" else super().render(fmt)

    def _named(self, frame: pd.DataFrame) -> list[dict]:
        rows = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
        return [{**r, "name": self.names.get(r["state"], r["state"])} for r in rows]

    def text(self) -> str:
        s = self.summary
        by = s["by"]
        lines = [self.title,
                 f"{s['states']} states, {s['periods']} {by}s, {s['roll_calls']} roll calls ({s['bridged_roll_calls']} "
                 f"bridged by recurring texts); walk {s['walk']}; {s['anchor'] or 'no anchor'} positive; "
                 f"ideal on a scale of mean 0 and sd 1 over all rows, se its standard error"]
        cols = ["state", "name", "year", "session", "ideal", "se", "n_votes"]
        if self.states:
            lines += ["", render_rows(self._named(self.frame), "table", cols,
                                      title=f"{', '.join(self.states)} by {by}")]
        else:
            last = self.frame[self.frame[by] == self.frame[by].max()].sort_values("ideal", ascending=False)
            where = _period(self._named(last.head(1))[0], by) if len(last) else ""
            top = last.head(ENDS) if len(last) > 2 * ENDS else last
            lines += ["", render_rows(self._named(top), "table", cols,
                                      title=f"The last {by}, {where}: " + (f"the {ENDS} highest" if len(last) > 2 * ENDS
                                                                          else "every state, highest first"))]
            if len(last) > 2 * ENDS:
                lines += ["", render_rows(self._named(last.tail(ENDS)), "table", cols,
                                          title=f"… and the {ENDS} lowest")]
            lines.append(f"--state X for a state's series; --format csv for all {len(self.frame)} rows.")
        for note in s.get("notes", []):
            lines.append(f"Note: {note}.")
        return "\n".join(lines)

    def chart(self, states=None):
        """A :class:`~graphkit.render.lines.LineChart` of some states' series (default: the states asked for).

        The x axis is the calendar year when every period has its own; the band is ±1.96 se.
        """
        from ..render.lines import LineChart, LineSeries

        states = list(states or self.states or [])
        by = self.summary["by"]
        frame = self.frame
        years = frame.drop_duplicates(by)
        use_year = by == "year" or (years["year"].notna().all() and years["year"].is_unique)
        x_col = "year" if use_year else "session"
        series = []
        for key in states:
            rows = frame[frame["state"] == key].sort_values(by)
            if rows.empty:
                continue
            segments, seg, prev = [], [], None
            for r in rows.itertuples(index=False):
                period = getattr(r, by)
                if prev is not None and period - prev > 1:
                    segments.append(seg)
                    seg = []
                x = getattr(r, x_col)
                tip = (f"{key} ({self.names.get(key, key)}), {_period({'year': _opt(r.year), 'session': _opt(r.session)}, by)}: "
                       f"{r.ideal:.2f} ± {BAND_Z * r.se:.2f} ({r.n_votes} votes)")
                seg.append({"x": float(x), "y": float(r.ideal), "lo": float(r.ideal - BAND_Z * r.se),
                            "hi": float(r.ideal + BAND_Z * r.se), "tip": tip})
                prev = period
            segments.append(seg)
            series.append(LineSeries(key, f"{key} ({self.names.get(key, key)})", segments))
        s = self.summary
        caption = (f"{s['scope']}. Dynamic ordinal ideal points by {by} (walk {s['walk']}, {s['anchor'] or 'no anchor'} "
                   f"positive), bands ±{BAND_Z} se. " + " ".join(f"{n}." for n in s.get("notes", [])))
        x_label = "year" if x_col == "year" and by == "year" else ("year the session was held" if x_col == "year" else "session")
        return LineChart(self.title, x_label, "ideal point", series, caption=caption.strip(),
                         band=f"bands: ±{BAND_Z} se (95 %)")


def _opt(value):
    return None if pd.isna(value) else int(value)


class IdealExplainReport(TableReport):
    """The roll calls that moved one state most in one period (``graphkit ideal --explain S --year Y``).

    ``summary`` holds the state's row (``state``, ``name``, ``year``, ``session``,
    ``ideal``, ``se``, ``n_votes``), the scope and the dataset's provenance;
    the frame one row per roll call (:data:`EXPLAIN_COLUMNS`), strongest pull first.
    """

    def render(self, fmt: str = "table") -> str:
        return self.text() if fmt == "table" else super().render(fmt)

    def text(self) -> str:
        s = self.summary
        st = s["state"]
        by = s["by"]
        head = (f"{st['state']} ({st['name']}), {_period(st, by)}: ideal {st['ideal']:.3f}, se {st['se']:.3f}, "
                f"{st['n_votes']} votes; {s['scope']}")
        lines = [head, f"The {len(self.frame)} roll calls that moved it most: shift = how far that one vote moved its "
                       f"position (+ toward {s['anchor'] + chr(39) + 's' if s['anchor'] else 'the positive'} side); probability = how likely the model "
                       "found that vote."]
        table = self.frame.assign(title=self.frame["title"].map(lambda t: t if len(t) <= 60 else t[:59].rstrip() + "…"))
        lines += ["", render_frame(table[["date", "symbol", "title", "vote", "shift", "probability", "rcid"]], "table")]
        src = s.get("provenance") or {}
        if src:
            lines.append(f"Source: {src.get('dataset') or '?'}, release {src.get('release') or '(none)'}; "
                         "--format csv or json gives each roll call's act, the state's position and the evidence excerpt.")
        return "\n".join(lines)
