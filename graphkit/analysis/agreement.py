"""Agreement indices for every pair of states: share, Signorino–Ritter S, Cohen's κ, Scott's π.

The input is a state × item matrix (:class:`VoteMatrix`): one row per state,
one column per *item* — a question the states answered — with

* ``+1`` / ``-1`` the state's side toward the act's target (supports /
  criticises; for a vote, the side a yes or a no expresses through
  ``gk:yesImplies``; for a vote without ``gk:yesImplies``, yes = +1 and
  no = −1, so only same-choice comparisons carry meaning);
* ``0`` an **abstention** — a choice in its own right, the middle category of
  the ordinal scale −1 < 0 < +1;
* ``NaN`` **absence**: the state did not take part (not a member of the body,
  absent, did not sign). Absence is not a choice: a pair's indices use only the
  items *both* states took part in (pairwise deletion), and ``n`` counts them.

**Items** are occasions (rival acts of one session or debate on one target,
``gk:occasion``) where acts have one, else acts; :mod:`graphkit.sources.curated.items` says
what a state's value at an occasion is (its side; NaN when it took both
sides, listed in :attr:`VoteMatrix.mixed`). ``by_occasion=False`` makes every
act its own item.

For a pair of states i, j over their ``n`` shared items:

``share``
    the proportion of items on which they made the same choice (abstain =
    abstain counts as agreement).
``s``
    Signorino & Ritter's S with the absolute ordinal distance on −1/0/+1 and
    ``dmax = 2``: ``S = 1 - 2 * mean|x_i - x_j| / dmax``. It runs from −1
    (always opposite) to +1 (always the same); an abstention against a yes
    costs half as much as a no against a yes.
``kappa``, ``pi``
    chance-corrected agreement after Häge (2011): ``1 - D_o / D_e``, where
    ``D_o`` is the observed mean distance between the two states' choices
    and ``D_e`` the mean distance expected if they chose independently —
    each from its *own* distribution of choices over the shared items for
    Cohen's κ, both from their *pooled* distribution for Scott's π. With the
    default ``metric="squared"`` (distance ``(x_i - x_j)**2``, Häge's measure
    for valued votes) ``D_e = var_i + var_j + (mean_i - mean_j)**2`` for κ; with
    ``metric="nominal"`` (distance 0 if equal, else 1) they are the textbook
    ``(p_o - p_e) / (1 - p_e)`` of Cohen (1960) and Scott (1955). On items
    with only two choices the two metrics give the same κ and π.
``n``
    the number of items both took part in.

Undefined values are ``NaN``, never a division error: every index is NaN
when ``n = 0``; κ and π are NaN when ``D_e = 0`` (both states made one and the
same choice throughout, so chance explains all agreement).

All pairs are computed at once with matrix products on one-hot category
matrices (``X_k[i, t] = 1`` when state i chose k on item t), so 200 states ×
6,000 roll calls take a few hundredths of a second.

References
----------
Signorino, C. S. and Ritter, J. M. (1999). Tau-b or not tau-b: measuring the similarity
of foreign policy positions. *International Studies Quarterly* 43(1): 115–144.
Häge, F. M. (2011). Choice or circumstance? Adjusting measures of foreign policy
similarity for chance agreement. *Political Analysis* 19(3): 287–305.
"""
from __future__ import annotations

import math

import numpy as np
from threadpoolctl import threadpool_limits


__all__ = ["agreement_indices", "pairwise_rows", "INDICES", "CATEGORIES"]

#: The ordinal categories of a choice: criticises / no, abstain, supports / yes.
CATEGORIES = (-1.0, 0.0, 1.0)
#: The keys :func:`agreement_indices` returns.
INDICES = ("share", "s", "kappa", "pi", "n")

_DISTANCES = {
    "squared": lambda k, l: (k - l) ** 2,
    "absolute": lambda k, l: abs(k - l),
    "nominal": lambda k, l: float(k != l),
}


def agreement_indices(values: np.ndarray, metric: str = "squared") -> dict[str, np.ndarray]:
    """All-pairs agreement indices of a state × item matrix (+1 / 0 / −1, NaN absent).

    Parameters
    ----------
    values : array_like, shape (states, items)
        Choices: +1, 0 (abstain), −1; NaN where the state did not take part.
    metric : {"squared", "absolute", "nominal"}
        The distance between two choices used by κ and π (S always uses the
        absolute distance with ``dmax = 2``; ``share`` is nominal by definition).

    Returns
    -------
    dict of str to numpy.ndarray
        ``"share"``, ``"s"``, ``"kappa"``, ``"pi"`` (floats, NaN where undefined)
        and ``"n"`` (ints), each a symmetric ``(states, states)`` array; also
        ``"same"`` (items with the same choice) and ``"opposite"`` (+1 against
        −1), the counts behind the signed graph.

    Raises
    ------
    ValueError
        When a value is not −1, 0, +1 or NaN, or ``metric`` is unknown.

    Examples
    --------
    With abstentions. A = (+1, +1, 0, −1), B = (+1, 0, 0, −1); by hand, over
    n = 4 shared items: share = 3/4; S = 1 − (0+1+0+0)/4 = 0.75. Squared
    distances: D_o = 1/4; A's mean is 1/4 and variance 3/4 − 1/16 = 11/16, B's
    mean 0 and variance 1/2, so D_e = 11/16 + 8/16 + 1/16 = 5/4 and
    κ = 1 − (1/4)/(5/4) = 0.8. Pooled, the eight choices have mean 1/8 and
    variance 5/8 − 1/64 = 39/64, D_e = 39/32 and π = 1 − 8/39 = 31/39:

    >>> ix = agreement_indices([[1, 1, 0, -1], [1, 0, 0, -1]])
    >>> [round(float(ix[k][0, 1]), 6) for k in ("share", "s", "kappa", "pi")]
    [0.75, 0.75, 0.8, 0.794872]
    >>> round(31 / 39, 6), int(ix["n"][0, 1])
    (0.794872, 4)

    Nominal κ for the same pair: p_o = 3/4, p_e = (2/4)(1/4) + (1/4)(2/4) +
    (1/4)(1/4) = 5/16, κ = (12/16 − 5/16) / (11/16) = 7/11:

    >>> round(float(agreement_indices([[1, 1, 0, -1], [1, 0, 0, -1]], "nominal")["kappa"][0, 1]), 6)
    0.636364
    >>> round(7 / 11, 6)
    0.636364

    Share and κ can rank pairs differently. A and B agree on 8 of 10 items but
    both nearly always say yes (9 of 10 each), so chance alone gives
    p_e = 0.9·0.9 + 0.1·0.1 = 0.82 and κ = (0.8 − 0.82)/0.18 = −1/9; C and D
    agree on only 6 of 10, yet each split 5/5, p_e = 0.5, κ = 0.2:

    >>> v = [[1, 1, 1, 1, 1, 1, 1, 1, 1, -1],      # A
    ...      [1, 1, 1, 1, 1, 1, 1, 1, -1, 1],      # B
    ...      [1, 1, 1, 1, 1, -1, -1, -1, -1, -1],  # C
    ...      [1, 1, 1, -1, -1, -1, -1, -1, 1, 1]]  # D
    >>> ix = agreement_indices(v)
    >>> float(ix["share"][0, 1]) > float(ix["share"][2, 3]), round(float(ix["kappa"][0, 1]), 4), round(float(ix["kappa"][2, 3]), 4)
    (True, -0.1111, 0.2)

    A pair with no item in common has n = 0 and NaN indices, not an error:

    >>> ix = agreement_indices([[1, float("nan")], [float("nan"), -1]])
    >>> int(ix["n"][0, 1]), bool(np.isnan(ix["share"][0, 1])), bool(np.isnan(ix["kappa"][0, 1]))
    (0, True, True)
    """
    if metric not in _DISTANCES:
        raise ValueError(f"unknown metric {metric!r}; valid: {', '.join(_DISTANCES)}")
    v = np.asarray(values, dtype=float)
    if v.ndim != 2:
        raise ValueError(f"values must be a states × items matrix, got shape {v.shape}")
    present = ~np.isnan(v)
    bad = present & ~np.isin(v, CATEGORIES)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise ValueError(f"value {v[i, j]!r} at row {i}, column {j}: expected -1, 0, +1 or NaN")
    # One-hot category matrices. Five products give everything: the counts are
    # integers below 2**24, exact in float32, which halves the work; products with
    # a C-contiguous transposed copy run several times faster in OpenBLAS.
    dtype = np.float32 if v.shape[1] < 2 ** 24 else np.float64
    plus, minus = (v == 1.0).astype(dtype), (v == -1.0).astype(dtype)
    p = present.astype(dtype)
    vals = plus - minus                           # v with NaN → 0

    def prod(x, y):
        # One BLAS thread: these products are small and multi-threaded OpenBLAS
        # loses badly when the cores are busy (measured 6× slower; bench/agreement_bench.py).
        with threadpool_limits(limits=1, user_api="blas"):
            return (x @ np.ascontiguousarray(y.T)).astype(float)

    n = prod(p, p)                                # items both took part in
    opposite = prod(plus, minus)
    opposite = opposite + opposite.T              # +1 against −1, either way round
    cross = prod(vals, vals)                      # Σ v_i v_j
    # margins[k][i, j]: how often i chose k on the items j also took part in.
    m_plus, m_minus = prod(plus, p), prod(minus, p)
    sq_p = m_plus + m_minus                       # Σ v_i² over the items j took part in
    sum_sq = sq_p + sq_p.T - 2 * cross            # Σ (v_i − v_j)² over shared items
    # both abstained: X0 X0ᵀ = n − sq_p − sq_pᵀ + Q Qᵀ with Q = X+ + X−, Q Qᵀ = cross + 2·opposite
    both_zero = n - sq_p - sq_p.T + cross + 2 * opposite
    agree = cross + opposite + both_zero          # ++ and −− (= cross + opposite), and 00
    margins = {1.0: m_plus, -1.0: m_minus, 0.0: n - m_plus - m_minus}
    delta = _DISTANCES[metric]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = agree / n
        abs_dist = sum_sq - 2 * opposite          # |d| = d**2 − 2 when d = ±2
        s = 1.0 - 2.0 * (abs_dist / n) / 2.0      # dmax = 2 on −1/0/+1
        d_obs = {"squared": sum_sq, "absolute": abs_dist, "nominal": n - agree}[metric] / n
        own = {k: m / n for k, m in margins.items()}       # i's distribution over the shared items
        other = {k: m.T / n for k, m in margins.items()}   # j's distribution over the shared items
        pooled = {k: (own[k] + other[k]) / 2 for k in CATEGORIES}
        d_cohen = sum(delta(a, b) * own[a] * other[b] for a in CATEGORIES for b in CATEGORIES if a != b)
        d_scott = sum(delta(a, b) * pooled[a] * pooled[b] for a in CATEGORIES for b in CATEGORIES if a != b)
        kappa = np.where(d_cohen > 1e-12, 1.0 - d_obs / d_cohen, np.nan)
        pi = np.where(d_scott > 1e-12, 1.0 - d_obs / d_scott, np.nan)
    undefined = n == 0
    for arr in (share, s, kappa, pi):
        arr[undefined] = np.nan
    return {"share": share, "s": s, "kappa": kappa, "pi": pi, "n": n.astype(int),
            "same": np.rint(agree).astype(int), "opposite": np.rint(opposite).astype(int)}


def _num(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def pairwise_rows(keys: list[str], values: np.ndarray, states: list[str], metric: str = "squared") -> list[dict]:
    """All pairs among ``states`` from a keys × items matrix: n, share, S, κ, π (None where undefined).

    A state without a row in ``keys`` has N = 0 with everyone. The one
    implementation behind ``graphkit compare`` for every source.

    Examples
    --------
    >>> values = np.array([[1, 1, -1], [1, -1, np.nan]])
    >>> [(r["a"], r["b"], r["n"], r["share"]) for r in pairwise_rows(["AAA", "BBB"], values, ["BBB", "AAA", "ZZZ"])]
    [('BBB', 'AAA', 2, 0.5), ('BBB', 'ZZZ', 0, None), ('AAA', 'ZZZ', 0, None)]
    """
    index = {s: i for i, s in enumerate(keys)}
    chosen = np.full((len(states), values.shape[1]), np.nan)
    for k, s in enumerate(states):
        if s in index:
            chosen[k] = values[index[s]]
    ix = agreement_indices(chosen, metric)
    rows = []
    for i in range(len(states)):
        for j in range(i + 1, len(states)):
            rows.append({"a": states[i], "b": states[j], "n": int(ix["n"][i, j]),
                         **{k: _num(float(ix[k][i, j])) for k in ("share", "s", "kappa", "pi")}})
    return rows
