r"""Dynamic ordinal ideal points from roll-call votes (yes / abstain / no), estimated in seconds.

The model follows Bailey, Strezhnev and Voeten (JCR 2017): one dimension, three
ordered choices, states' positions linked from period to period by a random walk,
recurring resolutions used as bridges. It is fitted by maximising the posterior
with Newton steps instead of their sampler, in the spirit of Imai, Lo and Olmsted
(APSR 2016, "Fast estimation of ideal points with massive data"), vectorised over
all votes and all states (numpy, ``scipy.special.erfcx``); the machinery is in
:mod:`graphkit.analysis.ideal.fitting` and :mod:`graphkit.analysis.ideal.numerics`.

Model
-----
State ``i`` in period ``t`` has position :math:`x_{it}`. Roll call ``j`` (held in
period :math:`t_j`) has a discrimination :math:`\beta_j`, a difficulty
:math:`a_j` and an abstention half-width :math:`d_j > 0`. With
:math:`\eta_{ij} = \beta_j x_{i t_j} - a_j` and :math:`y^* = \eta_{ij} + \varepsilon`,
:math:`\varepsilon \sim N(0, 1)`:

.. math::
    P(\text{no}) = \Phi(-d_j - \eta_{ij}),\quad
    P(\text{abstain}) = \Phi(d_j - \eta_{ij}) - \Phi(-d_j - \eta_{ij}),\quad
    P(\text{yes}) = \Phi(\eta_{ij} - d_j).

Roll calls of one bridge group (the same resolution voted in several periods,
:mod:`graphkit.analysis.ideal.bridges`) share :math:`(\beta, a, d)`: they carry the scale
from one period to the next. A missing vote (absent, not a member) is taken as
missing at random, as in the published estimates: it adds nothing.

Priors
------
* each state's first voting period: :math:`x \sim N(0, \sigma_0^2)` (``first_sd``);
* the walk: :math:`x_{it} \sim N(\rho^g x_{it'}, \sigma^2 \sum_{k<g} \rho^{2k})`
  from the state's previous voting period :math:`t'`, :math:`g = t - t'` periods
  earlier (``walk_sd`` = σ, ``reversion`` = ρ). With ρ = 1 it is the pure random
  walk of Bailey, Strezhnev and Voeten, its variance :math:`\sigma^2 g` growing
  with the sessions or years elapsed; with ρ < 1 the walk is pulled back toward
  the centre (an AR(1)), and the spread it allows stays :math:`\sigma / \sqrt{1 -
  \rho^2}` however long the series;
* :math:`\beta \sim N(0, s_\beta^2)`, :math:`a \sim N(0, s_a^2)`, and
  :math:`\log p(d) = \kappa \log d - d / \theta` (gamma, shape κ + 1), which keeps
  the abstention band open on roll calls where nobody abstained.

With :math:`s_a`, κ and θ fixed, only :math:`\sigma_0 s_\beta`, :math:`\sigma s_\beta`
and ρ shape the estimates (the scale is reported standardised, below). The defaults — σ₀ = 1, ρ = 0.8,
σ = 0.6 (so every period's prior spread is σ₀ = 1), :math:`s_\beta` = 0.4,
:math:`s_a` = 3, κ = θ = 1 — were chosen on the General Assembly against the
published estimates (``bench/bench_ideal.py``, sessions 1–74): per-session
correlation median 0.991, minimum 0.950, pooled 0.961, and session-to-session
changes correlated 0.82 with theirs. The pure random walk (ρ = 1, σ = 0.15, the
best σ for it) gives median 0.977, minimum 0.889, pooled 0.960, but changes
correlated only 0.48: without a pull to the centre, a looser walk lets each
period's spread inflate against the discrimination prior (the period's scale is
otherwise free), so it must be kept tight, and it then smooths away most yearly
moves. A tight discrimination prior keeps a small bloc voting as one (the Soviet
bloc of the 1960s) from being pushed far out on the votes it alone opposed.

Periods and absences
--------------------
A state gets one position for each period in which it cast at least one vote; a
period it missed gets no row, the walk spans the gap with a wider variance.
Positions are never extrapolated before a state's first vote or after its last.
A period with a single roll call is allowed when other periods surround it (its
positions lean on the walk; listed in ``IdealResult.thin_periods``); alone, it is
an error.

Identification and reported scale
---------------------------------
The likelihood is unchanged when all positions move by ``c`` (``a`` by ``βc``),
are multiplied by ``s`` (``β`` divided by ``s``), or change sign with ``β``.
Location and scale are fixed by the priors: after each sweep the fit moves along
the first two directions to the best prior value (parameter expansion).
Comparability across periods comes from the walk and the bridges. The results
are then reported on a standardised scale: shifted and scaled so that all rows
(state-periods) have mean 0 and standard deviation 1 (``se`` and the item
parameters transformed alike, ``η`` unchanged), and signed so that the anchor
state's mean position is positive (the United States, as in the published
estimates).

Estimation
----------
Block coordinate ascent on the log posterior, each block concave: (1) all item
groups' :math:`(\beta, a, d)` by one Newton step (3 × 3 systems solved at once),
(2) all states' chains by one Newton step — a tridiagonal system per state,
solved for every state in one sweep over the periods — (3) location and scale.
A step that lowers a group's or a state's posterior is halved. Two sweeps are
extrapolated along their common direction (SQUAREM, Varadhan and Roland 2008),
kept only when the posterior improves. It stops when no position moves by more
than ``tol`` in a sweep. Starting values: the first principal component of each
period's votes, each period oriented along the previous one.

Uncertainty
-----------
``se`` is the posterior standard deviation of the Laplace approximation
conditional on the item parameters: the square root of the diagonal of the
inverse negative Hessian of the log posterior in the positions (the votes'
curvature plus the walk's precision), computed exactly for each state's chain.
Limits: it ignores the uncertainty of the item parameters and of the scale (small
with 100+ votes per roll call, larger in a forum of 47 members), treats the
priors' scales as known, and assumes a Gaussian posterior around the mode; a state
with few votes in a period borrows precision from its neighbouring periods. On the
General Assembly it is 0.74 times the published posterior spread ((Q95 − Q5) /
3.29, scales aligned); fitted one session at a time it is 1.01 times: the gap is
the walk's borrowing (and their looser linking), not a different vote model. No
bootstrap is run: a parametric bootstrap would cost one fit per replicate (≈ 8 s
each on the whole Assembly).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from ...errors import DataError
from .fitting import Problem, fit, position_variances

__all__ = ["Priors", "IdealResult", "estimate"]


@dataclass(frozen=True)
class Priors:
    """Prior scales (see the module docstring): ``walk_sd`` σ and ``reversion`` ρ of the walk per period.

    ``Priors(reversion=1.0, walk_sd=0.15)`` is the pure random walk.
    """

    walk_sd: float = 0.6
    first_sd: float = 1.0
    discrimination_sd: float = 0.4
    difficulty_sd: float = 3.0
    width_shape: float = 1.0
    width_scale: float = 1.0
    reversion: float = 0.8

    def __post_init__(self):
        for name, value in asdict(self).items():
            if not (np.isfinite(value) and value > 0):
                raise DataError(f"prior {name} = {value!r} must be a positive number", value=value)
        if self.reversion > 1:
            raise DataError(f"prior reversion = {self.reversion!r} must be at most 1", value=self.reversion,
                            hint="1 is a pure random walk; 0.8 pulls each position a fifth of the way back to 0 per period")


@dataclass
class IdealResult:
    """What :func:`estimate` returns.

    Attributes
    ----------
    points : pandas.DataFrame
        One row per state and period in which it voted: ``state_index`` (row of
        ``values``), ``state`` (the label given, else the row index), ``period``,
        ``ideal``, ``se``, ``n_votes``; sorted by state and period.
    items : pandas.DataFrame
        One row per roll call (column of ``values``): ``column``, ``period``,
        ``bridge`` (group id, −1 for none), ``discrimination``, ``difficulty``,
        ``width`` (the abstention half-width d), ``n_votes``; on the reported scale.
    iterations, converged, log_posterior
        Sweeps made, whether the largest move fell below ``tol``, the posterior at the end.
    thin_periods : list of int
        Periods with fewer than two roll calls.
    scale : tuple of float
        ``(shift, factor)``: a reported position is ``(x - shift) / factor`` of the fitted one.
    """

    points: pd.DataFrame
    items: pd.DataFrame
    iterations: int
    converged: bool
    log_posterior: float
    priors: Priors
    anchor_row: int | None = None
    thin_periods: list = field(default_factory=list)
    scale: tuple = (0.0, 1.0)

    def summary(self) -> dict:
        """Counts and settings, for a report line or a JSON footer."""
        return {"states": int(self.points["state_index"].nunique()), "periods": int(self.points["period"].nunique()),
                "rows": len(self.points), "roll_calls": len(self.items),
                "bridged_roll_calls": int((self.items["bridge"] >= 0).sum()), "iterations": self.iterations,
                "converged": self.converged, "log_posterior": round(self.log_posterior, 3), **asdict(self.priors)}


def estimate(values, periods, *, bridges=None, anchor_row: int | None = None, states=None,
             priors: Priors | None = None, tol: float = 1e-4, max_iter: int = 400) -> IdealResult:
    """Estimate dynamic ideal points from a states × roll-calls vote matrix.

    Parameters
    ----------
    values : array_like, shape (n_states, n_roll_calls)
        +1 yes, 0 abstain, −1 no, NaN no vote.
    periods : array_like of int, shape (n_roll_calls,)
        The period of each roll call (GA session, calendar year …); the random
        walk's variance grows with the difference between two periods.
    bridges : array_like of int, optional
        A group id per roll call (−1 = none): the roll calls of a group share their
        item parameters (:func:`graphkit.analysis.ideal.bridges.find_bridges` makes them).
    anchor_row : int, optional
        The row whose mean position is made positive (the United States).
    states : sequence of str, optional
        Row labels, for messages and the ``state`` column.
    priors : Priors, optional
        Prior scales, ``walk_sd`` among them.
    tol, max_iter
        Stop when no position moves by more than ``tol`` in a sweep, or after ``max_iter`` sweeps.

    Returns
    -------
    IdealResult

    Raises
    ------
    DataError
        No vote at all, a value other than +1/0/−1/NaN, a state that never voted,
        a single period with fewer than two roll calls, arrays of the wrong length.

    Examples
    --------
    Four states, two periods; A and B vote together, C and D against them; B
    abstains once and misses a vote, C abstains once where D votes no:

    >>> nan = float("nan")
    >>> votes = [[1, 1, -1, 1, 1, -1], [1, 0, -1, 1, 1, nan], [-1, -1, 1, -1, 0, 1], [-1, -1, 1, -1, -1, 1]]
    >>> res = estimate(votes, [1, 1, 1, 2, 2, 2], anchor_row=0, states=["A", "B", "C", "D"])
    >>> res.points.round(2)
       state_index state  period  ideal    se  n_votes
    0            0     A       1   1.19  0.57        3
    1            0     A       2   1.17  0.58        3
    2            1     B       1   0.80  0.57        3
    3            1     B       2   0.79  0.59        2
    4            2     C       1  -0.90  0.57        3
    5            2     C       2  -0.85  0.57        3
    6            3     D       1  -1.09  0.58        3
    7            3     D       2  -1.11  0.58        3
    >>> res.converged, res.items["discrimination"].round(2).tolist()
    (True, [0.69, 0.66, -0.69, 0.68, 0.64, -0.57])
    >>> estimate([[1, -1], [nan, nan]], [1, 1])
    Traceback (most recent call last):
    ...
    graphkit.errors.DataError: state row 1 never voted in the selection — drop it from the matrix or widen the selection
    """
    priors = priors or Priors()
    values = np.asarray(values, dtype=float)
    pb = Problem(values, periods, bridges, states, priors)
    if anchor_row is not None and not 0 <= anchor_row < pb.n:
        raise DataError(f"anchor row {anchor_row} is outside the matrix (0 … {pb.n - 1})", value=anchor_row)
    state, sweeps, converged = fit(pb, values, anchor_row, tol, max_iter)
    return _result(pb, state, anchor_row, states, sweeps, converged)


def _result(pb: Problem, st, anchor_row, states, sweeps, converged) -> IdealResult:
    flat = pb.cell_flat
    x, beta, a = st.x.ravel()[flat], st.beta, st.a
    var = position_variances(pb, st).ravel()[flat]
    shift, factor = float(x.mean()), float(x.std()) or 1.0
    if anchor_row is not None and x[pb.cell_state == anchor_row].mean() < shift:
        factor = -factor
    ideal = (x - shift) / factor  # eta = beta x - a = (beta factor) ideal - (a - beta shift)
    beta, a = beta * factor, a - beta * shift
    labels = np.asarray(states, dtype=object) if states is not None else np.arange(pb.n)
    points = pd.DataFrame({"state_index": pb.cell_state, "state": labels[pb.cell_state],
                           "period": pb.period_values[pb.cell_period], "ideal": ideal,
                           "se": np.sqrt(var) / abs(factor), "n_votes": pb.cell_votes})
    g = pb.col_group
    items = pd.DataFrame({"column": np.arange(pb.m), "period": pb.period_values[pb.col_period],
                          "bridge": _bridge_ids(g), "discrimination": beta[g], "difficulty": a[g], "width": st.d[g],
                          "n_votes": pb.col_votes})
    counts = np.bincount(pb.col_period[pb.col_votes > 0], minlength=len(pb.period_values))
    thin = [int(v) for v in pb.period_values[counts < 2]]
    return IdealResult(points, items, sweeps, converged, st.value, pb.priors, anchor_row, thin, (shift, factor))


def _bridge_ids(groups: np.ndarray) -> np.ndarray:
    """−1 for a roll call alone in its group, else the group numbered from 0 in order of first column."""
    shared = np.bincount(groups)[groups] > 1
    out = np.full(len(groups), -1)
    if shared.any():
        out[shared] = pd.factorize(groups[shared])[0]
    return out
