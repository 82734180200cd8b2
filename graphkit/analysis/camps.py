"""Do the members of given camps also vote (or sign) together? Agreement within and across camps, group by group."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .agreement import agreement_indices
from .matrix import PositionMatrix

__all__ = ["camp_agreement"]


def camp_agreement(matrix: PositionMatrix, camps: dict[str, list[str]], *, by: str = "year", index: str = "s",
                   margin: float = 0.1, metric: str = "squared") -> tuple[pd.DataFrame, dict]:
    """Do the members of given camps also vote together? Mean agreement within and across camps, per group.

    Parameters
    ----------
    camps : dict
        Camp name → member keys (for example the signatories of the 2019–2022
        statements supporting and criticising China). A key in two camps is an error.
    index : str
        The agreement index averaged (S by default).
    margin : float
        "Since when" is the first group from which every later group has each
        camp's within-camp mean above the across-camp mean by at least ``margin``.

    Returns
    -------
    (pandas.DataFrame, dict)
        Rows ``group``, ``within:<camp>`` for each camp, ``across``, ``gap``
        (smallest within minus across), ``members`` (members voting in the
        group); and a summary ``{"since": group or None, "last_gap": …}``.

    Examples
    --------
    By hand (S): in 1971 the west splits (USA no, FRA yes: −1). In 1990 the east has one voter (CHN; RUS was SUN), so no
    within-east mean; across, three yes against CHN's abstention, S = 0. In
    2016 each camp votes as one, opposite: within 1, across −1. In 2019 the
    west splits (USA no, FRA and DEU abstain: within (0 + 0 + 1)/3) and the
    east votes yes: across (−1 −1 + 0 + 0 + 0 + 0)/6 = −1/3. The gap stays
    above 0.1 from 2016 on:

    >>> from graphkit.sources.votes.matrix import table_matrix
    >>> rows, summary = camp_agreement(table_matrix(fixture_table()), {"west": ["USA", "FRA", "DEU"], "east": ["CHN", "RUS"]})
    >>> rows[["group", "within:west", "within:east", "across"]].round(3).astype(object).values.tolist()
    [[1971, -1.0, nan, nan], [1990, 1.0, nan, 0.0], [2016, 1.0, 1.0, -1.0], [2019, 0.333, 1.0, -0.333]]
    >>> summary["since"]
    2016
    """
    seen: dict[str, str] = {}
    for camp, members in camps.items():
        for m in members:
            if m in seen and seen[m] != camp:
                raise ValueError(f"{m} is in two camps: {seen[m]} and {camp}")
            seen[m] = camp
    rows = []
    for group, sub in matrix.groups(by):
        ix = agreement_indices(sub.values, metric)
        vals, n = ix[index], ix["n"]
        pos = {camp: [sub.keys.index(m) for m in members if m in sub.keys] for camp, members in camps.items()}
        row = {"group": group}
        within = []
        for camp, idx in pos.items():
            block = vals[np.ix_(idx, idx)][np.triu_indices(len(idx), k=1)] if len(idx) > 1 else np.array([])
            block = block[np.isfinite(block)]
            row[f"within:{camp}"] = float(block.mean()) if len(block) else float("nan")
            within.append(row[f"within:{camp}"])
        names = list(pos)
        across = []
        for a in range(len(names)):
            for b in range(a + 1, len(names)):
                block = vals[np.ix_(pos[names[a]], pos[names[b]])]
                have = n[np.ix_(pos[names[a]], pos[names[b]])] > 0
                across.extend(block[have & np.isfinite(block)].tolist())
        row["across"] = float(np.mean(across)) if across else float("nan")
        row["gap"] = float(min(within) - row["across"]) if within and not np.isnan(within).any() and across else float("nan")
        row["members"] = sum(len(v) for v in pos.values())
        rows.append(row)
    frame = pd.DataFrame(rows)
    since = None
    for group, gap in zip(frame["group"][::-1], frame["gap"][::-1]):
        if not (gap >= margin):
            break
        since = group
    last = frame["gap"].dropna()
    return frame, {"since": since, "last_gap": float(last.iloc[-1]) if len(last) else None, "index": index, "margin": margin}
