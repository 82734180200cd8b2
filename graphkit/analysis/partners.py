"""One state's partners: who took the same positions most and least often (``graphkit state``), for any source.

The indices come from :func:`graphkit.analysis.agreement.agreement_indices`
over the whole selection; ``same`` and ``opposite`` count the items two states
were on the same side and on opposite sides (the signed graph's ties), and
``net`` is their difference.
"""
from __future__ import annotations

import math

import numpy as np

from .agreement import agreement_indices
from .matrix import PositionMatrix

__all__ = ["state_record", "RANKINGS"]

#: What partners can be ranked by: net ties (same − opposite items) or an agreement index.
RANKINGS = ("net", "share", "s", "kappa", "pi")


def _num(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def state_record(matrix: PositionMatrix, state: str, *, top: int = 5, rank_by: str = "s", min_n: int = 1,
                 metric: str = "squared") -> dict:
    """One state's positions in the selection and its closest and most opposed partners.

    Parameters
    ----------
    rank_by : str
        ``net`` (items on the same side minus opposite sides, then share and N:
        what suits a few dozen statements) or an index (``s`` by default, then
        share and N: what suits thousands of roll calls).
    min_n : int
        Partners need this many items in common with the state.

    Returns
    -------
    dict
        ``state``, ``name``, ``items`` (in the selection), ``positive``,
        ``negative``, ``abstain`` (items the state was +1, −1, 0 on: yes / no /
        abstain for votes, its side toward the target for statements),
        ``absent`` (no position), ``closest`` and ``opposed`` (``top`` rows
        each: ``partner, name, n, same, opposite, net, share, s, kappa, pi``),
        ``partners`` (how many), ``ranking`` (all of them) and ``rank_by``.
        The most opposed are those with a negative ``net`` (or index), lowest first.

    Examples
    --------
    USA on the UNGA fixture, by hand (S = 1 − mean distance): ROC 1 (one roll
    call, no/no), DEU 1 − (0 + 0 + 1)/3 = 2/3 (yes/yes, yes/yes, no/abstain),
    FRA 1/4, CHN −2/3, RUS and SUN −1 (always yes against no):

    >>> from graphkit.sources.votes.matrix import table_matrix
    >>> r = state_record(table_matrix(fixture_table(), resolver=fixture_identity()), "USA", top=3)
    >>> r["positive"], r["negative"], r["abstain"], r["absent"]
    (2, 2, 0, 0)
    >>> [(p["partner"], p["n"], round(p["s"], 3)) for p in r["closest"]]
    [('ROC', 1, 1.0), ('DEU', 3, 0.667), ('FRA', 4, 0.25)]
    >>> [(p["partner"], round(p["s"], 3)) for p in r["opposed"]]
    [('RUS', -1.0), ('SUN', -1.0), ('CHN', -0.667)]

    EEE in the tiny world, by net ties: with CCC and DDD twice on the same side,
    with BBB once each way, with AAA once together and twice apart:

    >>> from graphkit.sources.curated.matrix import curated_matrix
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> m = curated_matrix(position_records(tiny_world_graph(), Filters(target="SYL")))
    >>> [(p["partner"], p["same"], p["opposite"]) for p in state_record(m, "EEE", rank_by="net")["closest"]]
    [('CCC', 2, 0), ('DDD', 2, 0), ('BBB', 1, 1), ('AAA', 1, 2)]
    """
    if rank_by not in RANKINGS:
        raise ValueError(f"rank_by must be one of {RANKINGS}")
    key = matrix.key_of(state)
    row = matrix.row(key)
    ranking = []
    if key in matrix.keys:
        i = matrix.index(key)
        ix = agreement_indices(matrix.values, metric)
        for j, other in enumerate(matrix.keys):
            if j == i or ix["n"][i, j] < max(min_n, 1):
                continue
            same, opposite = int(ix["same"][i, j]), int(ix["opposite"][i, j])
            ranking.append({"partner": other, "name": matrix.name(other), "n": int(ix["n"][i, j]),
                            "same": same, "opposite": opposite, "net": same - opposite,
                            **{k: _num(float(ix[k][i, j])) for k in ("share", "s", "kappa", "pi")}})
    low = float("-inf")
    if rank_by == "net":
        ranking.sort(key=lambda p: (-p["net"], -(p["share"] or 0), -p["n"], p["partner"]))
        opposed = sorted((p for p in ranking if p["net"] < 0), key=lambda p: (p["net"], p["partner"]))
    else:
        ranking.sort(key=lambda p: (-(p[rank_by] if p[rank_by] is not None else low), -(p["share"] or 0), -p["n"], p["partner"]))
        opposed = sorted((p for p in ranking if p[rank_by] is not None and p[rank_by] < 0),
                         key=lambda p: (p[rank_by], -p["n"], p["partner"]))
    return {"state": key, "name": matrix.name(key), "items": len(matrix.items),
            "positive": int((row == 1).sum()), "negative": int((row == -1).sum()), "abstain": int((row == 0).sum()),
            "absent": int(np.isnan(row).sum()), "closest": ranking[:top], "opposed": opposed[:top],
            "partners": len(ranking), "ranking": ranking, "rank_by": rank_by}
