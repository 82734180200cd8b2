"""Numerical kernels of the ideal-point model: ordered-probit vote terms and tridiagonal chains.

Two jobs, both vectorised over every vote or every state at once:

* :func:`interval_terms` / :func:`vote_terms` — the log-probability of each cast
  vote under the ordered probit and its first and second derivatives with respect
  to the linear predictor ``eta`` and the half-width ``d`` of the abstention band,
  computed with the scaled complementary error function so that nothing underflows
  in the tails;
* :func:`solve_chains` / :func:`chain_variances` — the Thomas algorithm and the
  diagonal of the inverse of symmetric tridiagonal matrices, one per state
  (its periods), all states in one sweep over the periods.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import erf, erfcx

__all__ = ["interval_terms", "lower_tail", "vote_terms", "VoteTerms", "solve_chains", "chain_variances",
           "tridiagonal_times"]

_SQRT2 = np.sqrt(2.0)
_TWO_PHI0 = 2.0 / np.sqrt(2.0 * np.pi)


def interval_terms(lo: np.ndarray, hi: np.ndarray):
    """Log-probability that a standard normal falls in ``[lo, hi)``, with the ratios its derivatives need.

    Returns ``(logp, r_lo, r_hi, lo_r_lo, hi_r_hi)`` where ``r = φ(bound) / P``
    (zero at an infinite bound) and ``lo_r_lo = lo · r_lo`` (zero at −∞).
    The interval is mirrored when its midpoint is positive, so both bounds are
    evaluated where ``erfcx`` is accurate; ``P`` is never formed as a difference
    of two numbers close to one.

    Examples
    --------
    >>> logp, r_lo, r_hi, _, _ = interval_terms(np.array([-np.inf, 0.0]), np.array([0.0, np.inf]))
    >>> np.round(np.exp(logp), 6).tolist(), np.round(r_hi, 6).tolist(), np.round(r_lo, 6).tolist()
    ([0.5, 0.5], [0.797885, 0.0], [0.0, 0.797885])
    >>> round(float(interval_terms(np.array([-np.inf]), np.array([-40.0]))[0][0]), 3)  # log Φ(−40), no underflow
    -804.608
    """
    flip = (lo + hi) > 0
    low = np.where(flip, -hi, lo)
    up = np.where(flip, -lo, hi)  # finite, and up <= -low
    centre = up > 0  # then low < 0 < up: P = (erf(up/√2) - erf(low/√2)) / 2, no cancellation
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        tail_up = np.minimum(up, 0.0)  # both bounds in the lower tail: P = Φ(up) (1 - Φ(low)/Φ(up))
        damp = np.where(np.isfinite(low), np.exp(0.5 * (tail_up * tail_up - low * low)), 0.0)
        bracket = erfcx(-tail_up / _SQRT2) - erfcx(-low / _SQRT2) * damp  # = 2 P exp(up²/2)
        bracket = np.maximum(bracket, 1e-300)
        mass = np.maximum(0.5 * (erf(up / _SQRT2) - erf(low / _SQRT2)), 1e-300)
        logp = np.where(centre, np.log(mass), np.log(0.5 * bracket) - 0.5 * tail_up * tail_up)
        phi_up = 0.5 * _TWO_PHI0 * np.exp(-0.5 * up * up)
        phi_low = np.where(np.isfinite(low), 0.5 * _TWO_PHI0 * np.exp(-0.5 * low * low), 0.0)
        r_up = np.where(centre, phi_up / mass, _TWO_PHI0 / bracket)
        r_low = np.where(centre, phi_low / mass, _TWO_PHI0 / bracket * damp)
        up_r = up * r_up
        low_r = np.where(np.isfinite(low), low * r_low, 0.0)
    r_lo = np.where(flip, r_up, r_low)
    r_hi = np.where(flip, r_low, r_up)
    lo_r_lo = np.where(flip, -up_r, low_r)
    hi_r_hi = np.where(flip, -low_r, up_r)
    return logp, r_lo, r_hi, lo_r_lo, hi_r_hi


@dataclass
class VoteTerms:
    """Per-vote log-probability and derivatives: ``g_eta``, ``h_eta`` (≤ 0), ``g_d``, ``h_d``, ``h_eta_d``."""

    logp: np.ndarray
    g_eta: np.ndarray
    h_eta: np.ndarray
    g_d: np.ndarray
    h_d: np.ndarray
    h_eta_d: np.ndarray


def vote_terms(eta: np.ndarray, d: np.ndarray, bounds: tuple[int, int]) -> VoteTerms:
    """Terms of every vote, the votes sorted by choice: no ``[:n0]``, abstain ``[n0:n1]``, yes ``[n1:]``.

    The latent utility is ``y* = eta + e``, ``e ~ N(0, 1)``; the vote is no when
    ``y* < -d``, abstain when ``-d <= y* < d``, yes when ``y* >= d``.

    Examples
    --------
    A state right on the item's midpoint (``eta = 0``): yes and no are equally
    likely, and the pull of a yes on ``eta`` is the opposite of a no's.

    >>> t = vote_terms(np.zeros(3), np.full(3, 0.5), (1, 2))
    >>> np.round(np.exp(t.logp), 4).tolist(), np.round(t.g_eta, 4).tolist()
    ([0.3085, 0.3829, 0.3085], [-1.1411, 0.0, 1.1411])
    """
    n0, n1 = bounds
    out = VoteTerms(*(np.empty(len(eta)) for _ in range(6)))
    # no: log P = log Φ(hi), hi = -d - eta
    hi = -d[:n0] - eta[:n0]
    logp, r = lower_tail(hi)
    l_hh = -hi * r - r * r
    out.logp[:n0], out.g_eta[:n0], out.h_eta[:n0] = logp, -r, l_hh
    out.g_d[:n0], out.h_d[:n0], out.h_eta_d[:n0] = -r, l_hh, l_hh
    # yes: log P = log Φ(-lo), lo = d - eta
    lo = d[n1:] - eta[n1:]
    logp, r = lower_tail(-lo)
    l_ll = lo * r - r * r
    out.logp[n1:], out.g_eta[n1:], out.h_eta[n1:] = logp, r, l_ll
    out.g_d[n1:], out.h_d[n1:], out.h_eta_d[n1:] = -r, l_ll, -l_ll
    # abstain: both bounds, lo = -d - eta, hi = d - eta
    dd, ee = d[n0:n1], eta[n0:n1]
    logp, r_lo, r_hi, lo_r, hi_r = interval_terms(-dd - ee, dd - ee)
    l_ll, l_hh, l_lh = lo_r - r_lo * r_lo, -hi_r - r_hi * r_hi, r_lo * r_hi
    out.logp[n0:n1], out.g_eta[n0:n1], out.h_eta[n0:n1] = logp, r_lo - r_hi, l_ll + l_hh + 2.0 * l_lh
    out.g_d[n0:n1], out.h_d[n0:n1], out.h_eta_d[n0:n1] = r_lo + r_hi, l_ll + l_hh - 2.0 * l_lh, l_ll - l_hh
    np.minimum(out.h_eta, -1e-12, out=out.h_eta)  # log-concave: clip rounding noise
    np.minimum(out.h_d, 0.0, out=out.h_d)
    return out


def lower_tail(z: np.ndarray):
    """``log Φ(z)`` and the inverse Mills ratio ``φ(z) / Φ(z)``, accurate for any ``z`` (one ``erfcx`` call).

    Examples
    --------
    >>> logp, r = lower_tail(np.array([-40.0, 0.0, 8.0]))
    >>> np.round(logp, 4).tolist(), np.round(r, 4).tolist()
    ([-804.6084, -0.6931, -0.0], [40.025, 0.7979, 0.0])
    """
    w = erfcx(np.abs(z) / _SQRT2)  # Φ(-|z|) = w exp(-z²/2) / 2
    half_sq = 0.5 * z * z
    logp = np.log(0.5 * w) - half_sq  # z <= 0
    r = _TWO_PHI0 / w
    up = np.flatnonzero(z > 0)  # Φ(z) = 1 - q, q = Φ(-z)
    g = np.exp(-half_sq[up])
    q = 0.5 * w[up] * g
    logp[up] = np.log1p(-q)
    r[up] = 0.5 * _TWO_PHI0 * g / (1.0 - q)
    return logp, r


def tridiagonal_times(diag, off, vec):
    """``M @ vec`` for the symmetric tridiagonal ``M`` of each row (``diag`` and ``vec`` ``(n, T)``, ``off`` ``(n, T - 1)``).

    Examples
    --------
    >>> tridiagonal_times(np.array([[2.0, 2.0]]), np.array([[-1.0]]), np.array([[1.0, 3.0]])).tolist()
    [[-1.0, 5.0]]
    """
    out = diag * vec
    out[:, :-1] += off * vec[:, 1:]
    out[:, 1:] += off * vec[:, :-1]
    return out


def solve_chains(diag: np.ndarray, off: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Solve ``M x = rhs`` for every row's symmetric positive definite tridiagonal ``M``.

    ``diag`` and ``rhs`` are ``(n, T)``, ``off`` is ``(n, T - 1)`` (the coupling of
    ``t`` and ``t + 1``). Padding entries (diagonal 1, coupling 0, right side 0) solve to 0.

    Examples
    --------
    The chain ``[[2, -1, 0], [-1, 2, -1], [0, -1, 2]] x = [1, 0, 1]`` and a padded row:

    >>> solve_chains(np.array([[2.0, 2.0, 2.0], [2.0, 1.0, 1.0]]), np.array([[-1.0, -1.0], [0.0, 0.0]]),
    ...              np.array([[1.0, 0.0, 1.0], [4.0, 0.0, 0.0]])).round(12).tolist()
    [[1.0, 1.0, 1.0], [2.0, 0.0, 0.0]]
    """
    n, T = diag.shape
    cp = np.zeros((n, T))
    dp = np.zeros((n, T))
    for t in range(T):
        denom = diag[:, t].copy()
        num = rhs[:, t].copy()
        if t:
            denom -= off[:, t - 1] * cp[:, t - 1]
            num -= off[:, t - 1] * dp[:, t - 1]
        if t < T - 1:
            cp[:, t] = off[:, t] / denom
        dp[:, t] = num / denom
    x = np.empty((n, T))
    x[:, -1] = dp[:, -1]
    for t in range(T - 2, -1, -1):
        x[:, t] = dp[:, t] - cp[:, t] * x[:, t + 1]
    return x


def chain_variances(diag: np.ndarray, off: np.ndarray) -> np.ndarray:
    """The diagonal of ``M⁻¹`` for every row's tridiagonal ``M`` (forward and backward Schur complements).

    Examples
    --------
    ``[[2, -1], [-1, 2]]`` has the inverse ``[[2, 1], [1, 2]] / 3``:

    >>> np.round(chain_variances(np.array([[2.0, 2.0]]), np.array([[-1.0]])), 6).tolist()
    [[0.666667, 0.666667]]
    """
    n, T = diag.shape
    fwd = np.empty((n, T))
    bwd = np.empty((n, T))
    fwd[:, 0] = diag[:, 0]
    for t in range(1, T):
        fwd[:, t] = diag[:, t] - off[:, t - 1] ** 2 / fwd[:, t - 1]
    bwd[:, -1] = diag[:, -1]
    for t in range(T - 2, -1, -1):
        bwd[:, t] = diag[:, t] - off[:, t] ** 2 / bwd[:, t + 1]
    return 1.0 / (fwd + bwd - diag)
