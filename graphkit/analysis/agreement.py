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

from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits

from ..sources.curated.items import Item, item_key, items_of, position_value
from ..sources.curated.records import PositionRecord

__all__ = ["VoteMatrix", "vote_matrix", "position_value", "agreement_indices", "pair_agreement",
           "Item", "items_of", "item_key", "INDICES", "CATEGORIES"]

#: The ordinal categories of a choice: criticises / no, abstain, supports / yes.
CATEGORIES = (-1.0, 0.0, 1.0)
#: The keys :func:`agreement_indices` returns.
INDICES = ("share", "s", "kappa", "pi", "n")

@dataclass
class VoteMatrix:
    """States × items matrix of choices: +1 / 0 / −1, NaN for absent.

    Attributes
    ----------
    states : list of str
        ISO3 codes, the rows (sorted).
    items : list of str
        Item keys, the columns (in date order): occasion IRIs, and act IRIs for
        acts without an occasion (every act is an item with ``by_occasion=False``).
    values : numpy.ndarray
        Float array of shape ``(len(states), len(items))``.
    labels : dict
        ISO3 → state name, item key → occasion or act label (for display).
    acts : dict
        Item key → the act IRIs behind it (one for an act item).
    mixed : list of (str, str)
        (state, item key) where the state took different sides at one occasion
        and its value is NaN.
    by_occasion : bool
        Whether occasions were used as items.
    """

    states: list[str]
    items: list[str]
    values: np.ndarray
    labels: dict[str, str] = field(default_factory=dict)
    acts: dict[str, list[str]] = field(default_factory=dict)
    mixed: list[tuple[str, str]] = field(default_factory=list)
    by_occasion: bool = True

    def row(self, state: str) -> np.ndarray:
        """The row of one state."""
        return self.values[self.states.index(state)]


def vote_matrix(records: list[PositionRecord], by_occasion: bool = True) -> VoteMatrix:
    """Build the state × item matrix from position records.

    Only states count; the target's own positions are left out (a state's
    stance toward itself is no alignment), as are positions without a value
    (see :func:`position_value`). Items are occasions where acts have one,
    else acts (see the module docstring); ``by_occasion=False`` makes every
    act an item.

    Examples
    --------
    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> m = vote_matrix(recs)
    >>> m.states
    ['AAA', 'BBB', 'CCC', 'DDD', 'EEE']
    >>> [i.rsplit("/", 1)[1] for i in m.items]
    ['w-2020-hrc', 'w-2021-vote', 'w-2022-support']
    >>> m.row("CCC").tolist()   # criticised at the 2020 session, voted yes, absent in 2022
    [-1.0, -1.0, nan]
    >>> [a.rsplit("/", 1)[1] for a in m.acts[m.items[0]]]
    ['w-2020-critical', 'w-2020-support']

    One item per act:

    >>> m = vote_matrix(recs, by_occasion=False)
    >>> [i.rsplit("/", 1)[1] for i in m.items]
    ['w-2020-critical', 'w-2020-support', 'w-2021-vote', 'w-2022-support']
    >>> m.row("BBB").tolist()   # absent, supports, abstains, supports
    [nan, 1.0, 0.0, 1.0]
    """
    items = items_of(records, by_occasion)
    states = sorted({s for item in items for s in item.values})
    s_index = {s: i for i, s in enumerate(states)}
    values = np.full((len(states), len(items)), np.nan)
    rows, cols, vals = [], [], []
    for j, item in enumerate(items):
        rows += [s_index[s] for s in item.values]
        cols += [j] * len(item.values)
        vals += item.values.values()
    values[rows, cols] = vals
    # the first label met for each state (later ones are overwritten by earlier ones)
    labels = {r.participant: r.participant_label for item in reversed(items) for r in reversed(item.records)}
    labels.update({item.key: item.label for item in items})
    mixed = [(s, item.key) for item in items for s in item.mixed]
    return VoteMatrix(states, [i.key for i in items], values, labels,
                      {i.key: list(i.acts) for i in items}, mixed, by_occasion)


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
        and ``"n"`` (ints), each a symmetric ``(states, states)`` array.

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
    return {"share": share, "s": s, "kappa": kappa, "pi": pi, "n": n.astype(int)}


def _stances(recs: list[PositionRecord]) -> str | None:
    return "+".join(dict.fromkeys(r.stance for r in recs)) or None


def pair_agreement(records: list[PositionRecord], a: str, b: str, metric: str = "squared",
                   by_occasion: bool = True) -> dict:
    """The indices of one pair of states and the items (with their acts) behind them.

    Returns a dict with ``a``, ``b``, ``by_occasion``, the indices (``share``,
    ``s``, ``kappa``, ``pi`` — NaN when undefined — and ``n``) and:

    ``items``
        one dict per item both took part in: ``item`` (key), ``item_id``,
        ``occasion`` (IRI or None), ``label``, ``date`` (earliest act),
        ``kind`` ("Occasion" or the act's kind), ``forum``, ``value_a``,
        ``value_b``, ``stance_a``, ``stance_b`` (joined with "+" when a state
        took part in several of the item's acts), ``agree``, and ``acts``: the
        acts behind it that either state took part in (``act``, ``act_id``,
        ``label``, ``date``, ``kind``, ``forum``, ``stance_a``, ``stance_b`` —
        None for the one absent from that act);
    ``only_a`` / ``only_b``
        the items only one of them took part in;
    ``mixed``
        items where one of them took different sides (not counted; the value of
        that state is None).

    A state absent from the records gets ``n = 0``.

    Examples
    --------
    In the tiny world AAA and CCC meet at the 2020 session — AAA signed the
    supporting statement, CCC the critical one — and in the 2021 vote (AAA's
    no = +1 toward Syldavia, CCC's yes = −1): n = 2, share 0.

    >>> from graphkit.sources.curated.records import position_records, Filters
    >>> recs = position_records(tiny_world_graph(), Filters(target="SYL"))
    >>> p = pair_agreement(recs, "AAA", "CCC")
    >>> p["n"], p["share"]
    (2, 0.0)
    >>> [(x["item_id"], x["value_a"], x["value_b"]) for x in p["items"]]
    [('w-2020-hrc', 1, -1), ('w-2021-vote', 1, -1)]
    >>> [(x["act_id"], x["stance_a"], x["stance_b"]) for x in p["items"][0]["acts"]]
    [('w-2020-critical', None, 'criticises'), ('w-2020-support', 'supports', None)]

    With one item per act they shared only the vote:

    >>> pair_agreement(recs, "AAA", "CCC", by_occasion=False)["n"]
    1

    AAA and BBB: both +1 at the 2020 session and in 2022, +1 against an
    abstention (0) in the vote: share 2/3, S = 1 − (0+1+0)/3 = 2/3.

    >>> p = pair_agreement(recs, "AAA", "BBB")
    >>> p["n"], round(p["share"], 4), round(p["s"], 4)
    (3, 0.6667, 0.6667)
    """
    kept = [r for r in records if r.participant in (a, b)]
    both, only_a, only_b, mixed = [], [], [], []
    for item in items_of(kept, by_occasion):
        first = item.records[0]
        recs = {s: [r for r in item.records if r.participant == s] for s in (a, b)}
        acts = []
        for act in item.acts:
            ra = [r for r in recs[a] if r.act == act]
            rb = [r for r in recs[b] if r.act == act]
            r0 = (ra or rb)[0]
            acts.append({"act": act, "act_id": r0.act_id, "label": r0.act_label, "date": r0.date,
                         "kind": r0.kind, "forum": r0.forum_label,
                         "stance_a": _stances(ra), "stance_b": _stances(rb)})
        va, vb = item.values.get(a), item.values.get(b)
        row = {"item": item.key, "item_id": item.item_id, "occasion": item.occasion, "label": item.label,
               "date": item.date, "kind": "Occasion" if item.occasion else first.kind,
               "forum": first.forum_label, "stance_a": _stances(recs[a]), "stance_b": _stances(recs[b]),
               "value_a": None if va is None or va != va else int(va),
               "value_b": None if vb is None or vb != vb else int(vb), "acts": acts}
        if (va is not None and va != va) or (vb is not None and vb != vb):
            mixed.append(row)
        elif va is not None and vb is not None:
            both.append({**row, "agree": va == vb})
        elif va is not None:
            only_a.append(row)
        else:
            only_b.append(row)
    values = np.full((2, len(both)), np.nan)
    for j, row in enumerate(both):
        values[0, j], values[1, j] = row["value_a"], row["value_b"]
    ix = agreement_indices(values, metric)
    out = {"a": a, "b": b, "by_occasion": by_occasion,
           **{k: (int(ix[k][0, 1]) if k == "n" else float(ix[k][0, 1])) for k in INDICES}}
    out.update(items=both, only_a=only_a, only_b=only_b, mixed=mixed)
    return out
