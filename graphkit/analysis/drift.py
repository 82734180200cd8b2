"""Drift: agreement with partners group by group (year, session, decade, issue), for any source.

Each group's indices come from :func:`graphkit.analysis.agreement.agreement_indices`
on that group's items only, so N is the number of items of that group the
pair both took part in. Years are calendar years of the items' dates (an
occasion is dated by its earliest act, so it is never split across two
years); undated items are left out.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from .agreement import agreement_indices
from .matrix import PositionMatrix
from .pairs import INDEX_COLUMNS

__all__ = ["drift", "pair_by_year", "state_by_year"]


def drift(matrix: PositionMatrix, partners=("CHN", "USA"), *, states=None, by: str = "year",
          metric: str = "squared") -> pd.DataFrame:
    """Each entity's agreement with each partner, per group (by default per year).

    Returns
    -------
    pandas.DataFrame
        ``group, state, partner, share, s, kappa, pi, n`` (pairs with n ≥ 1).

    Examples
    --------
    FRA with CHN: 1990 yes/abstain (S = 1 − 1 = 0), 2016 yes/no (S = 1 − 2 = −1),
    2019 abstain/yes (S = 0); never the same choice, so share 0:

    >>> from graphkit.sources.votes.matrix import table_matrix
    >>> d = drift(table_matrix(fixture_table()), partners=["CHN"], states=["FRA"])
    >>> d[["group", "share", "s", "n"]].astype(object).values.tolist()
    [[1990, 0.0, 0.0, 1], [2016, 0.0, -1.0, 1], [2019, 0.0, 0.0, 1]]
    """
    frames = []
    if states is not None:  # only the rows needed: a per-state series costs a few milliseconds per year
        wanted = set(states) | set(partners)
        rows = np.array([k in wanted for k in matrix.keys])
        matrix = replace(matrix, keys=[k for k, r in zip(matrix.keys, rows) if r], values=matrix.values[rows])
    for group, sub in matrix.groups(by):
        present = [p for p in partners if p in sub.keys]
        if not present:
            continue
        ix = agreement_indices(sub.values, metric)
        keys = np.asarray(sub.keys, dtype=object)
        for partner in present:
            j = sub.keys.index(partner)
            rows = np.arange(len(keys))
            keep = (rows != j) & (ix["n"][:, j] > 0)
            if states is not None:
                keep &= np.isin(keys, list(states))
            data = {"group": group, "state": keys[keep], "partner": partner}
            for name in INDEX_COLUMNS:
                data[name] = ix[name][keep, j]
            frames.append(pd.DataFrame(data))
    if not frames:
        return pd.DataFrame(columns=["group", "state", "partner", *INDEX_COLUMNS])
    return pd.concat(frames, ignore_index=True).sort_values(["state", "partner", "group"], kind="stable").reset_index(drop=True)


def pair_by_year(matrix: PositionMatrix, a: str, b: str, metric: str = "squared") -> list[dict]:
    """Per year: the indices of the pair ``a``, ``b`` (years where either took part; N = 0 when only one did).

    Examples
    --------
    In the tiny world AAA and EEE answered each other at the 2020 session (AAA
    supporting, EEE criticising), disagree in the 2021 vote and sign together
    in 2022; with one item per act they never meet in 2020:

    >>> from graphkit.sources.curated.matrix import curated_matrix
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> [(r["year"], r["n"], r["share"]) for r in pair_by_year(curated_matrix(recs), "AAA", "EEE")]
    [(2020, 1, 0.0), (2021, 1, 0.0), (2022, 1, 1.0)]
    >>> [(r["year"], r["n"], r["share"]) for r in pair_by_year(curated_matrix(recs, by_occasion=False), "AAA", "EEE")]
    [(2020, 0, nan), (2021, 1, 0.0), (2022, 1, 1.0)]
    """
    rows = []
    for year, sub in matrix.groups("year"):
        if a not in sub.keys and b not in sub.keys:
            continue
        row = {"year": year, "a": a, "b": b, "n": 0, "share": float("nan"), "s": float("nan"),
               "kappa": float("nan"), "pi": float("nan")}
        if a in sub.keys and b in sub.keys:
            ix = agreement_indices(sub.values[[sub.index(a), sub.index(b)]], metric)
            row.update({k: float(ix[k][0, 1]) for k in ("share", "s", "kappa", "pi")}, n=int(ix["n"][0, 1]))
        rows.append(row)
    return rows


def state_by_year(matrix: PositionMatrix, state: str, metric: str = "squared") -> list[dict]:
    """Per year: a state's items, mean value, mean agreement with the others and closest partners.

    ``acts`` counts the items the state took a position on that year;
    ``mean_side`` is their mean. ``mean_share`` / ``mean_kappa`` average over
    the partners it shared at least one item with that year (NaN κ left out);
    ``closest`` are the partners with the highest share (ties broken by N,
    then code), up to three.

    Examples
    --------
    At the 2020 session EEE sided with CCC and DDD against AAA and BBB:

    >>> from graphkit.sources.curated.matrix import curated_matrix
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> rows = state_by_year(curated_matrix(position_records(tiny_world_graph(), Filters(target="SYL"))), "EEE")
    >>> [(r["year"], r["acts"], r["mean_side"], r["partners"], r["closest"]) for r in rows]
    [(2020, 1, -1.0, 4, ['CCC', 'DDD', 'AAA']), (2021, 1, -1.0, 4, ['CCC', 'DDD', 'AAA']), (2022, 1, 1.0, 2, ['AAA', 'BBB'])]
    """
    rows = []
    for year, m in matrix.groups("year"):
        if state not in m.keys:
            continue
        i = m.index(state)
        ix = agreement_indices(m.values, metric)
        others = [j for j in range(len(m.keys)) if j != i and ix["n"][i, j] > 0]
        shares = [float(ix["share"][i, j]) for j in others]
        kappas = [float(ix["kappa"][i, j]) for j in others if not np.isnan(ix["kappa"][i, j])]
        row_vals = m.values[i][~np.isnan(m.values[i])]
        closest = sorted(others, key=lambda j: (-ix["share"][i, j], -ix["n"][i, j], m.keys[j]))[:3]
        rows.append({"year": year, "state": state, "acts": int(len(row_vals)),
                     "mean_side": float(row_vals.mean()) if len(row_vals) else float("nan"),
                     "partners": len(others), "mean_share": float(np.mean(shares)) if shares else float("nan"),
                     "mean_kappa": float(np.mean(kappas)) if kappas else float("nan"),
                     "closest": [m.keys[j] for j in closest]})
    return rows
