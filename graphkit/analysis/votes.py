"""UNGA analyses at full scale: agreement by year or issue, drift, blocs per decade, camps.

All of them slice one :class:`~graphkit.analysis.matrix.UngaMatrix` and call
:func:`graphkit.analysis.agreement.agreement_indices` (share, S, κ, π and n for every
pair at once, with matrix products) on each slice — never one query per pair.
Blocs use :func:`graphkit.analysis.blocs.signed_blocs` on the pairs' chance-corrected
agreement (κ by default): pairs that agree more than chance pull together,
pairs that agree less push apart.
"""
from __future__ import annotations

from dataclasses import replace

import networkx as nx
import numpy as np
import pandas as pd

from .agreement import agreement_indices
from .blocs import signed_blocs
from ..reports.analyses import pairwise_rows
from .matrix import UngaMatrix

__all__ = ["agreement_table", "drift", "blocs", "camp_agreement", "compare_pairs", "state_record", "INDEX_COLUMNS"]

INDEX_COLUMNS = ["share", "s", "kappa", "pi", "n"]


def _pairs_frame(group, keys, ix, rows, cols) -> pd.DataFrame:
    data = {"group": group, "a": np.asarray(keys, dtype=object)[rows], "b": np.asarray(keys, dtype=object)[cols]}
    for name in INDEX_COLUMNS:
        data[name] = ix[name][rows, cols]
    return pd.DataFrame(data)


def agreement_table(matrix: UngaMatrix, by: str = "year", *, states=None, min_n: int = 1,
                    metric: str = "squared") -> pd.DataFrame:
    """Agreement indices of every pair of entities in every group (year, session, decade, issue, all).

    Parameters
    ----------
    states : iterable of str, optional
        Only pairs with at least one of these entities.
    min_n : int
        Only pairs with at least this many roll calls in common.

    Returns
    -------
    pandas.DataFrame
        ``group, a, b, share, s, kappa, pi, n``, one row per pair (``a < b``) and group.

    Examples
    --------
    Hand-derived on the fixture (``tests/unga_support.py``): USA and FRA meet on
    four roll calls — no/yes, yes/yes, yes/yes, no/abstain — share 2/4, S =
    1 − mean|d| = 1 − (2+0+0+1)/4 = 0.25 (``dmax = 2``); per year, a single roll
    call each: no/yes S = −1, yes/yes S = 1, no/abstain S = 0.

    >>> from graphkit.analysis.matrix import vote_matrix
    >>> m = vote_matrix(fixture_table())
    >>> t = agreement_table(m, "all", states=["USA"])
    >>> row = t[(t.a == "FRA") & (t.b == "USA")].iloc[0]
    >>> float(row.share), float(row.s), int(row.n)
    (0.5, 0.25, 4)
    >>> t = agreement_table(m, "year", states=["USA"])
    >>> t[(t.a == "FRA") & (t.b == "USA")][["group", "share", "s", "n"]].astype(object).values.tolist()
    [[1971, 0.0, -1.0, 1], [1990, 1.0, 1.0, 1], [2016, 1.0, 1.0, 1], [2019, 0.0, 0.0, 1]]
    """
    frames = []
    wanted = set(states) if states is not None else None
    for group, sub in matrix.groups(by):
        if len(sub.keys) < 2:
            continue
        ix = agreement_indices(sub.values, metric)
        rows, cols = np.triu_indices(len(sub.keys), k=1)
        keep = ix["n"][rows, cols] >= max(min_n, 1)
        if wanted is not None:
            mask = np.array([k in wanted for k in sub.keys])
            keep &= mask[rows] | mask[cols]
        frames.append(_pairs_frame(group, sub.keys, ix, rows[keep], cols[keep]))
    if not frames:
        return pd.DataFrame(columns=["group", "a", "b", *INDEX_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def drift(matrix: UngaMatrix, partners=("CHN", "USA"), *, states=None, by: str = "year",
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

    >>> from graphkit.analysis.matrix import vote_matrix
    >>> d = drift(vote_matrix(fixture_table()), partners=["CHN"], states=["FRA"])
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


def blocs(matrix: UngaMatrix, by: str = "decade", *, index: str = "kappa", min_n: int = 20, seed: int = 0,
          metric: str = "squared") -> pd.DataFrame:
    """Voting blocs per group: signed modularity on the pairs' agreement index.

    Each pair with at least ``min_n`` shared roll calls gets an edge weighted by
    ``index`` (κ by default: positive when the two agree more than chance);
    :func:`graphkit.analysis.blocs.signed_blocs` then splits the entities so positive
    weight falls inside blocs. Same ``seed`` → same blocs.

    Returns
    -------
    pandas.DataFrame
        ``group, bloc, size, core, members, cohesion, modularity``.

    Examples
    --------
    >>> from graphkit.analysis.matrix import vote_matrix
    >>> b = blocs(vote_matrix(fixture_table(), since=2016), by="all", min_n=2)
    >>> b[["bloc", "members"]].values.tolist()
    [[0, 'DEU FRA USA'], [1, 'CHN RUS']]
    """
    rows = []
    for group, sub in matrix.groups(by):
        ix = agreement_indices(sub.values, metric)
        g = nx.Graph()
        for k in sub.keys:
            g.add_node(k, label=sub.names.get(k, k))
        i, j = np.triu_indices(len(sub.keys), k=1)
        w = ix[index][i, j]
        ok = (ix["n"][i, j] >= min_n) & np.isfinite(w) & (w != 0)
        g.add_weighted_edges_from((sub.keys[a], sub.keys[b], float(x)) for a, b, x in zip(i[ok], j[ok], w[ok]))
        g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
        if g.number_of_nodes() == 0:
            continue
        result = signed_blocs(g, seed=seed)
        for bloc in result.blocs:
            rows.append({"group": group, "bloc": bloc.id, "size": bloc.size, "core": " ".join(bloc.core),
                         "members": " ".join(bloc.members), "cohesion": bloc.cohesion, "modularity": result.modularity})
    return pd.DataFrame(rows, columns=["group", "bloc", "size", "core", "members", "cohesion", "modularity"])


def camp_agreement(matrix: UngaMatrix, camps: dict[str, list[str]], *, by: str = "year", index: str = "s",
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

    >>> from graphkit.analysis.matrix import vote_matrix
    >>> rows, summary = camp_agreement(vote_matrix(fixture_table()), {"west": ["USA", "FRA", "DEU"], "east": ["CHN", "RUS"]})
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


def compare_pairs(matrix: UngaMatrix, states, metric: str = "squared") -> list[dict]:
    """All pairs among ``states`` over the matrix's roll calls: n, share, S, κ, π — as ``graphkit compare``.

    The rows have the shape of :func:`graphkit.reports.analyses.compare_states` (same
    helper, :func:`graphkit.reports.analyses.pairwise_rows`); ``states`` may be codes,
    historic keys or English names (:meth:`~graphkit.analysis.matrix.UngaMatrix.key_of`).

    Examples
    --------
    By hand on the fixture: USA–FRA no/yes, yes/yes, yes/yes, no/abstain: share
    2/4, S = 1 − 3/4; FRA–CHN yes/abstain, yes/no, abstain/yes: share 0,
    S = 1 − (1 + 2 + 1)/3 = −1/3; USA–CHN share 0, S = 1 − (1 + 2 + 2)/3 = −2/3.

    >>> from graphkit.analysis.matrix import vote_matrix
    >>> m = vote_matrix(fixture_table(), identity=fixture_identity())
    >>> [(r["a"], r["b"], r["n"], r["share"], round(r["s"], 3)) for r in compare_pairs(m, ["USA", "France", "CHN"])]
    [('USA', 'FRA', 4, 0.5, 0.25), ('USA', 'CHN', 3, 0.0, -0.667), ('FRA', 'CHN', 3, 0.0, -0.333)]
    """
    keys = [matrix.key_of(s) for s in states]
    return pairwise_rows(matrix.keys, matrix.values, keys, metric)


def state_record(matrix: UngaMatrix, state: str, *, top: int = 5, index: str = "s", min_n: int = 1,
                 metric: str = "squared") -> dict:
    """One entity's votes in the selection and its closest and most opposed partners — as ``graphkit state``.

    Partners are every other entity with at least ``min_n`` roll calls in
    common, ranked by ``index`` (S by default), then share and N; the most
    opposed are those with a negative ``index``, lowest first. The indices
    come from :func:`drift` over the whole selection.

    Returns
    -------
    dict
        ``state``, ``name``, ``roll_calls`` (in the selection), ``yes``, ``no``,
        ``abstain``, ``absent`` (no vote recorded: absent or not a member),
        ``closest`` and ``opposed`` (``top`` rows each: ``partner, name, n,
        share, s, kappa, pi``), ``partners`` (how many) and ``ranking`` (all of them).

    Examples
    --------
    USA on the fixture, by hand (S = 1 − mean distance): ROC 1 (one roll call,
    no/no), DEU 1 − (0 + 0 + 1)/3 = 2/3 (yes/yes, yes/yes, no/abstain), FRA 1/4,
    CHN −2/3, RUS and SUN −1 (always yes against no):

    >>> from graphkit.analysis.matrix import vote_matrix
    >>> r = state_record(vote_matrix(fixture_table(), identity=fixture_identity()), "USA", top=3)
    >>> r["yes"], r["no"], r["abstain"], r["absent"]
    (2, 2, 0, 0)
    >>> [(p["partner"], p["n"], round(p["s"], 3)) for p in r["closest"]]
    [('ROC', 1, 1.0), ('DEU', 3, 0.667), ('FRA', 4, 0.25)]
    >>> [(p["partner"], round(p["s"], 3)) for p in r["opposed"]]
    [('RUS', -1.0), ('SUN', -1.0), ('CHN', -0.667)]
    """
    key = matrix.key_of(state)
    row = matrix.values[matrix.index(key)]
    frame = drift(matrix, partners=(key,), by="all", metric=metric)
    frame = frame[frame["n"] >= max(min_n, 1)]
    ranking = []
    for r in frame.itertuples(index=False):
        ranking.append({"partner": r.state, "name": matrix.names.get(r.state, r.state), "n": int(r.n),
                        **{k: (None if np.isnan(getattr(r, k)) else float(getattr(r, k))) for k in ("share", "s", "kappa", "pi")}})
    low = float("-inf")
    ranking.sort(key=lambda p: (-(p[index] if p[index] is not None else low), -(p["share"] or 0), -p["n"], p["partner"]))
    opposed = sorted((p for p in ranking if p[index] is not None and p[index] < 0), key=lambda p: (p[index], -p["n"], p["partner"]))
    return {"state": key, "name": matrix.names.get(key, key), "roll_calls": len(matrix.rcids),
            "yes": int((row == 1).sum()), "no": int((row == -1).sum()), "abstain": int((row == 0).sum()),
            "absent": int(np.isnan(row).sum()), "closest": ranking[:top], "opposed": opposed[:top],
            "partners": len(ranking), "ranking": ranking, "index": index}
