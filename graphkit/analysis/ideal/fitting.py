"""The fitting machinery behind :func:`graphkit.analysis.ideal.model.estimate` (see its module docstring for the math).

:class:`Problem` lays the votes out once (sorted by choice, each vote pointing at
its state-period cell and its item group) with the random walk's prior precision;
:func:`fit` runs the sweeps — items, positions, location and scale — accelerated
by SQUAREM, from the starting values of :func:`initial_positions`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...errors import DataError
from .numerics import chain_variances, solve_chains, tridiagonal_times, vote_terms

__all__ = ["Problem", "State", "check_input", "initial_positions", "fit", "position_variances"]


class Problem:
    """The votes as sorted arrays, the chains' layout and the prior precision."""

    def __init__(self, values, periods, bridges, states, priors):
        values = np.asarray(values, dtype=float)
        check_input(values, periods, bridges, states)
        n, m = values.shape
        self.n, self.m, self.priors = n, m, priors
        periods = np.asarray(periods).astype(np.int64)
        rows, cols = np.nonzero(~np.isnan(values))
        vote = values[rows, cols]
        order = np.argsort(vote, kind="stable")  # no, abstain, yes
        self.rows, self.cols = rows[order], cols[order]
        vote = vote[order]
        self.bounds = (int(np.searchsorted(vote, -0.5)), int(np.searchsorted(vote, 0.5)))
        self.period_values, pcol = np.unique(periods, return_inverse=True)
        T = len(self.period_values)
        cell_key, inverse, self.cell_votes = np.unique(self.rows * T + pcol[self.cols], return_inverse=True,
                                                       return_counts=True)
        state, per = cell_key // T, cell_key % T
        slot = np.arange(len(cell_key)) - np.searchsorted(state, state)
        self.L = L = int(slot.max()) + 1
        self.cell_flat = state * L + slot
        self.cell_state, self.cell_period = state, per
        self.obs_cell = self.cell_flat[inverse]
        self.valid = np.zeros(n * L, bool)
        self.valid[self.cell_flat] = True
        self._prior_precision(state, slot, per)
        if bridges is None:
            group = np.arange(m)
        else:
            b = np.asarray(bridges).astype(np.int64)
            group = np.where(b >= 0, b, -1 - np.arange(m))
        _, self.col_group = np.unique(group, return_inverse=True)
        self.G = int(self.col_group.max()) + 1
        self.obs_group = self.col_group[self.cols]
        self.col_period = pcol
        self.col_votes = np.bincount(self.cols, minlength=m)

    def _prior_precision(self, state, slot, per):
        p, n, L = self.priors, self.n, self.L
        qdiag = np.zeros(n * L)
        qoff = np.zeros(n * L)
        first = slot == 0
        qdiag[self.cell_flat[first]] += 1.0 / p.first_sd ** 2
        nxt = np.flatnonzero(~first)  # cell k continues cell k-1 of the same state
        gap = (self.period_values[per[nxt]] - self.period_values[per[nxt - 1]]).astype(float)
        rho = p.reversion
        pull = rho ** gap  # x_t | x_t' ~ N(pull x_t', var): a pure random walk when rho = 1
        var = p.walk_sd ** 2 * (gap if rho == 1.0 else (1.0 - rho ** (2 * gap)) / (1.0 - rho ** 2))
        qdiag[self.cell_flat[nxt]] += 1.0 / var
        qdiag[self.cell_flat[nxt - 1]] += pull * pull / var
        qoff[self.cell_flat[nxt - 1]] = -pull / var
        qdiag[~self.valid] = 1.0
        self.qdiag = qdiag.reshape(n, L)
        self.qoff = qoff.reshape(n, L)[:, :-1]

    # -- objective pieces ------------------------------------------------------------------
    def terms(self, x, beta, a, d):
        g = self.obs_group
        eta = beta[g] * x.ravel()[self.obs_cell] - a[g]
        return vote_terms(eta, d[g], self.bounds)

    def item_prior(self, beta, a, d):
        p = self.priors
        return (-0.5 * beta ** 2 / p.discrimination_sd ** 2 - 0.5 * a ** 2 / p.difficulty_sd ** 2
                + p.width_shape * np.log(d) - d / p.width_scale)

    def chain_prior(self, x):
        return -0.5 * (x * tridiagonal_times(self.qdiag, self.qoff, x)).sum(axis=1)


def check_input(values, periods, bridges, states) -> None:
    """Raise :class:`~graphkit.errors.DataError` on anything :func:`~graphkit.analysis.ideal.model.estimate` cannot scale."""
    if values.ndim != 2 or values.size == 0:
        raise DataError(f"the vote matrix must be states × roll calls with at least one cell (got shape {values.shape})",
                        hint="rows are states, columns roll calls")
    n, m = values.shape
    known = np.isnan(values) | np.isin(values, (-1.0, 0.0, 1.0))
    if not known.all():
        i, j = map(int, np.argwhere(~known)[0])
        raise DataError(f"vote {float(values[i, j])!r} at row {i}, column {j} is not a choice", value=float(values[i, j]),
                        hint="+1 yes, 0 abstain, -1 no, NaN no vote")
    if np.isnan(values).all():
        raise DataError("no votes to scale: every cell of the vote matrix is empty",
                        hint="widen --since/--until or drop --issue")
    for name, arr, hint in (("periods", periods, "a year or session number per roll call"),
                            ("bridges", bridges, "a group id per roll call, -1 for none")):
        if arr is None and name == "bridges":
            continue
        arr = np.asarray(arr)
        if arr.shape != (m,):
            raise DataError(f"{name} has shape {arr.shape}, the vote matrix has {m} roll calls", hint=hint)
        try:
            whole = np.issubdtype(arr.dtype, np.integer) or bool((arr.astype(float) % 1 == 0).all())
        except (TypeError, ValueError):
            whole = False
        if not whole:
            raise DataError(f"{name} must be whole numbers", value=str(arr[:3].tolist()), hint=hint)
    if states is not None and len(states) != n:
        raise DataError(f"{len(states)} state labels for {n} rows", hint="one label per row")
    silent = np.isnan(values).all(axis=1)
    if silent.any():
        i = int(np.flatnonzero(silent)[0])
        who = f"{states[i]} (row {i})" if states is not None else f"row {i}"
        raise DataError(f"state {who} never voted in the selection", value=who,
                        hint="drop it from the matrix or widen the selection")
    if n < 2:
        raise DataError("only one state voted: positions are relative, at least two are needed",
                        hint="widen the selection")
    per = np.asarray(periods).astype(np.int64)
    cast = ~np.isnan(values).all(axis=0)
    uniq = np.unique(per[cast])
    if len(uniq) == 1 and cast.sum() < 2:
        raise DataError(f"period {uniq[0]} has {int(cast.sum())} roll call; an ideal point needs at least 2",
                        value=int(uniq[0]), hint="widen --since/--until or choose another period")


def initial_positions(pb: Problem, values, anchor_row):
    """First principal component of each period's votes, standardised, oriented along the previous period."""
    x = np.zeros((pb.n, pb.L))
    prev = None
    for t in range(len(pb.period_values)):
        cells = np.flatnonzero(pb.cell_period == t)
        if not len(cells):  # a period whose roll calls nobody voted on
            continue
        rows = pb.cell_state[cells]
        sub = values[np.ix_(rows, np.flatnonzero(pb.col_period == t))]
        sub = sub[:, ~np.isnan(sub).all(axis=0)]
        filled = np.where(np.isnan(sub), np.nanmean(sub, axis=0), sub)
        filled -= filled.mean(axis=0)
        score = _leading_component(filled) if len(rows) > 1 else np.zeros(len(rows))
        sign = 0.0
        if prev is not None:
            common = np.isin(rows, prev[0])
            if common.sum() > 1:
                ref = pd.Series(prev[1], index=prev[0]).loc[rows[common]].to_numpy()
                sign = np.sign(np.dot(score[common], ref))
        score *= sign or 1.0
        x.ravel()[pb.cell_flat[cells]] = score
        prev = (rows, score)
    if anchor_row is not None and x[anchor_row].sum() < 0:
        x = -x
    return x


def _leading_component(a: np.ndarray, sweeps: int = 60) -> np.ndarray:
    """Row scores on the first principal component of a centred matrix (power iteration), standardised."""
    u = a @ np.random.default_rng(0).normal(size=a.shape[1])
    for _ in range(sweeps):
        norm = np.linalg.norm(u)
        if norm == 0:
            return np.zeros(a.shape[0])
        u = a @ (a.T @ (u / norm))
    sd = u.std()
    return (u - u.mean()) / sd if sd > 0 else np.zeros(a.shape[0])


def _item_step(pb: Problem, x, beta, a, d, terms):
    p, G, g = pb.priors, pb.G, pb.obs_group
    xk = x.ravel()[pb.obs_cell]

    def bc(w):
        return np.bincount(g, w, minlength=G)

    ge, he, hed = terms.g_eta, terms.h_eta, terms.h_eta_d
    grad = np.stack([bc(ge * xk) - beta / p.discrimination_sd ** 2, -bc(ge) - a / p.difficulty_sd ** 2,
                     bc(terms.g_d) + p.width_shape / d - 1.0 / p.width_scale], axis=1)
    hbb, hba, haa = bc(he * xk * xk) - 1.0 / p.discrimination_sd ** 2, -bc(he * xk), bc(he) - 1.0 / p.difficulty_sd ** 2
    hbd, had, hdd = bc(hed * xk), -bc(hed), bc(terms.h_d) - p.width_shape / d ** 2
    hess = np.stack([np.stack([hbb, hba, hbd], 1), np.stack([hba, haa, had], 1), np.stack([hbd, had, hdd], 1)], 1)
    step = -np.linalg.solve(hess, grad[:, :, None])[:, :, 0]
    shrink = np.where(step[:, 2] < 0, np.minimum(1.0, 0.9 * d / np.maximum(-step[:, 2], 1e-300)), 1.0)
    step *= shrink[:, None]
    old = bc(terms.logp) + pb.item_prior(beta, a, d)
    for _ in range(12):
        nb, na, nd = beta + step[:, 0], a + step[:, 1], d + step[:, 2]
        new_terms = pb.terms(x, nb, na, nd)
        worse = bc(new_terms.logp) + pb.item_prior(nb, na, nd) < old - 1e-9 * np.abs(old)
        if not worse.any():
            return nb, na, nd, new_terms
        step[worse] *= 0.5
    step[worse] = 0.0
    nb, na, nd = beta + step[:, 0], a + step[:, 1], d + step[:, 2]
    return nb, na, nd, pb.terms(x, nb, na, nd)


def _x_step(pb: Problem, x, beta, a, d, terms):
    size = pb.n * pb.L
    bk = beta[pb.obs_group]
    grad = np.bincount(pb.obs_cell, bk * terms.g_eta, minlength=size).reshape(pb.n, pb.L)
    grad -= tridiagonal_times(pb.qdiag, pb.qoff, x)
    curv = np.bincount(pb.obs_cell, bk * bk * terms.h_eta, minlength=size).reshape(pb.n, pb.L)
    step = solve_chains(pb.qdiag - curv, pb.qoff, grad)
    rows = pb.rows

    def value(xx, tt):
        return np.bincount(rows, tt.logp, minlength=pb.n) + pb.chain_prior(xx)

    old = value(x, terms)
    for _ in range(12):
        new_x = x + step
        new_terms = pb.terms(new_x, beta, a, d)
        worse = value(new_x, new_terms) < old - 1e-9 * np.abs(old)
        if not worse.any():
            return new_x, new_terms
        step[worse] *= 0.5
    step[worse] = 0.0
    return x + step, pb.terms(x + step, beta, a, d)


def _expand(pb: Problem, x, beta, a):
    """Move along the likelihood's exact symmetries to the best prior value: scale, then location."""
    p = pb.priors
    quad = 0.5 * (x * tridiagonal_times(pb.qdiag, pb.qoff, x)).sum()
    bquad = 0.5 * (beta ** 2).sum() / p.discrimination_sd ** 2
    if quad > 0 and bquad > 0:
        s = (bquad / quad) ** 0.25
        x, beta = x * s, beta / s
    ones = pb.valid.reshape(x.shape).astype(float)
    q1 = tridiagonal_times(pb.qdiag, pb.qoff, ones) * ones  # Q 1 (padding excluded)
    c = -((q1 * x).sum() + (a * beta).sum() / p.difficulty_sd ** 2) / (
        (q1 * ones).sum() + (beta ** 2).sum() / p.difficulty_sd ** 2)
    x = x + c * ones
    return x, beta, a + beta * c



@dataclass
class State:
    x: np.ndarray
    beta: np.ndarray
    a: np.ndarray
    d: np.ndarray
    terms: object
    value: float


def _objective(pb: Problem, x, beta, a, d, terms) -> float:
    return float(terms.logp.sum() + pb.item_prior(beta, a, d).sum() + pb.chain_prior(x).sum())


def _sweep(pb: Problem, st: State) -> State:
    """One sweep: items, positions, then location and scale."""
    beta, a, d, terms = _item_step(pb, st.x, st.beta, st.a, st.d, st.terms)
    x, terms = _x_step(pb, st.x, beta, a, d, terms)
    x, beta, a = _expand(pb, x, beta, a)
    return State(x, beta, a, d, terms, _objective(pb, x, beta, a, d, terms))


def _squarem(pb: Problem, s0: State, s1: State, s2: State) -> State:
    """Extrapolate two sweeps along their common direction (Varadhan & Roland's SQUAREM), if it helps.

    The sweeps converge linearly, slowest along smooth drifts of whole periods; the
    extrapolated point is kept only when, after one more sweep, its posterior beats ``s2``'s.
    """
    def pack(s):
        return np.concatenate([s.x.ravel()[pb.cell_flat], s.beta, s.a, np.log(s.d)])

    p0, p1, p2 = pack(s0), pack(s1), pack(s2)
    r, v = p1 - p0, p2 - 2 * p1 + p0
    vv = float(v @ v)
    if vv == 0.0:
        return s2
    alpha = -np.sqrt(float(r @ r) / vv)
    while alpha < -1.0:
        q = p0 - 2 * alpha * r + alpha * alpha * v
        x = np.zeros_like(s0.x)
        x.ravel()[pb.cell_flat] = q[:len(pb.cell_flat)]
        beta, a, logd = np.split(q[len(pb.cell_flat):], 3)
        d = np.exp(logd)
        terms = pb.terms(x, beta, a, d)
        trial = _sweep(pb, State(x, beta, a, d, terms, _objective(pb, x, beta, a, d, terms)))
        if np.isfinite(trial.value) and trial.value >= s2.value:
            return trial
        alpha = (alpha - 1.0) / 2.0
    return s2




def fit(pb: Problem, values, anchor_row, tol: float, max_iter: int):
    """Sweep to the posterior mode; returns ``(state, sweeps, converged)``."""
    x = initial_positions(pb, values, anchor_row)
    beta, a, d = np.zeros(pb.G), np.zeros(pb.G), np.full(pb.G, 0.5)
    terms = pb.terms(x, beta, a, d)
    for _ in range(3):
        beta, a, d, terms = _item_step(pb, x, beta, a, d, terms)
    state = State(x, beta, a, d, terms, _objective(pb, x, beta, a, d, terms))
    sweeps = 0
    while sweeps < max_iter:
        s1 = _sweep(pb, state)
        s2 = _sweep(pb, s1)
        sweeps += 2
        if np.abs(s2.x - s1.x).max() < tol:
            return s2, sweeps, True
        state = _squarem(pb, state, s1, s2)
    return state, sweeps, False


def position_variances(pb: Problem, st: State) -> np.ndarray:
    """Laplace variances of every cell's position given the items: diag of the inverse negative Hessian."""
    bk = st.beta[pb.obs_group]
    curv = np.bincount(pb.obs_cell, bk * bk * st.terms.h_eta, minlength=pb.n * pb.L).reshape(pb.n, pb.L)
    return chain_variances(pb.qdiag - curv, pb.qoff)
