"""graphkit.analysis.ideal: dynamic ideal points on vote worlds drawn from the model with a seed.

The synthetic world: 60 states whose true positions start N(0, 1) and follow a
random walk (σ = 0.3) over five years; 60 roll calls a year with discrimination
N(0, 1.5²), difficulty N(0, 1), abstention half-width U(0.1, 0.6); every vote
drawn from the ordered probit of :mod:`graphkit.analysis.ideal.model`, then 10 % of the
cells blanked (absent). Expected answers come from that construction (the
truth), never from the estimator's output.
"""
from __future__ import annotations

import numpy as np
import pytest
from scipy.special import ndtr
from scipy.stats import norm

from graphkit.errors import DataError
from graphkit.analysis.ideal import IdealResult, Priors, estimate, explain, find_bridges, normalise_title, roll_call_texts
from graphkit.analysis.ideal.numerics import chain_variances, interval_terms, solve_chains, vote_terms


def draw_votes(x, periods, beta, a, d, rng, missing=0.1):
    """Votes (+1/0/−1, NaN) drawn from the ordered probit for positions x (states × periods)."""
    eta = beta * x[:, periods] - a
    u = rng.random(eta.shape)
    v = np.where(u < ndtr(-d - eta), -1.0, np.where(u < ndtr(d - eta), 0.0, 1.0))
    v[rng.random(v.shape) < missing] = np.nan
    return v


def world(seed=0, n=60, years=5, per_year=60, walk=0.3):
    rng = np.random.default_rng(seed)
    steps = np.concatenate([rng.normal(0, 1, (n, 1)), rng.normal(0, walk, (n, years - 1))], axis=1)
    x = np.cumsum(steps, axis=1)
    col_year = np.repeat(np.arange(years), per_year)
    m = len(col_year)
    values = draw_votes(x, col_year, rng.normal(0, 1.5, m), rng.normal(0, 1, m), rng.uniform(0.1, 0.6, m), rng)
    return values, col_year + 2001, x


@pytest.fixture(scope="module")
def fitted():
    values, years, x = world()
    anchor = int(np.argmax(x.mean(axis=1)))
    return values, years, x, anchor, estimate(values, years, anchor_row=anchor)


def _truth(points, x):
    return x[points["state_index"].to_numpy(), points["period"].to_numpy() - 2001]


def test_recovers_the_true_positions(fitted):
    values, years, x, anchor, res = fitted
    assert isinstance(res, IdealResult) and res.converged
    pts = res.points
    assert len(pts) == 60 * 5 and list(pts.columns) == ["state_index", "state", "period", "ideal", "se", "n_votes"]
    assert np.corrcoef(pts["ideal"], _truth(pts, x))[0, 1] >= 0.95
    for year, group in pts.groupby("period"):
        assert np.corrcoef(group["ideal"], _truth(group, x))[0, 1] >= 0.9, year
    # reported scale: mean 0, sd 1 over all rows; n_votes counts the cast votes
    assert abs(pts["ideal"].mean()) < 1e-9 and abs(pts["ideal"].std(ddof=0) - 1) < 1e-9
    cast = (~np.isnan(values)).reshape(60, 5, 60).sum(axis=2)
    assert pts["n_votes"].tolist() == cast.ravel().tolist()


def test_the_anchor_fixes_the_direction(fitted):
    values, years, x, anchor, res = fitted
    assert res.points.loc[res.points["state_index"] == anchor, "ideal"].mean() > 0
    low = int(np.argmin(x.mean(axis=1)))  # the state truly furthest on the other side
    flipped = estimate(values, years, anchor_row=low)
    assert flipped.points.loc[flipped.points["state_index"] == low, "ideal"].mean() > 0
    assert np.corrcoef(flipped.points["ideal"], _truth(flipped.points, x))[0, 1] <= -0.95
    assert np.allclose(flipped.points["ideal"], -res.points["ideal"], atol=1e-3)


def test_fewer_votes_mean_a_larger_se(fitted):
    values, years, x, anchor, res = fitted
    thin = values.copy()
    for year in range(2001, 2006):
        thin[7, np.flatnonzero(years == year)[8:]] = np.nan  # state 7 keeps at most 8 votes a year
    pts = estimate(thin, years, anchor_row=anchor).points
    mine = pts["state_index"] == 7
    assert pts.loc[mine, "n_votes"].max() <= 8
    assert pts.loc[mine, "se"].min() > 1.5 * pts.loc[~mine, "se"].median()


def test_a_thin_year_borrows_precision_from_its_neighbours(fitted):
    """Removing most of one state's votes in 2003 widens its se there, less so when the walk is tight."""
    values, years, x, anchor, res = fitted
    thin = values.copy()
    thin[7, np.flatnonzero(years == 2003)[8:]] = np.nan

    def growth(priors):
        se = [estimate(v, years, anchor_row=anchor, priors=priors).points.set_index(["state_index", "period"])
              .loc[(7, 2003), "se"] for v in (values, thin)]
        return se[1] / se[0]

    tight, loose = growth(Priors(walk_sd=0.15, reversion=1.0)), growth(Priors())
    assert 1.0 < tight < loose and loose > 1.2


def test_absent_periods_get_no_row_and_the_walk_spans_them(fitted):
    values, years, x, anchor, res = fitted
    gap = values.copy()
    gap[5, years == 2003] = np.nan
    pts = estimate(gap, years, anchor_row=anchor).points
    assert pts.loc[pts["state_index"] == 5, "period"].tolist() == [2001, 2002, 2004, 2005]


def test_bridges_share_item_parameters_and_carry_the_scale():
    """The same 30 questions asked in two years; every state truly moves +1 between them."""
    rng = np.random.default_rng(3)
    x1 = rng.normal(0, 1, 40)
    x = np.stack([x1, x1 + 1.0], axis=1)
    beta, a, d = rng.normal(0, 1.5, 30), rng.normal(0, 1, 30), rng.uniform(0.1, 0.6, 30)
    col_year = np.repeat([0, 1], 30)
    values = draw_votes(x, col_year, np.tile(beta, 2), np.tile(a, 2), np.tile(d, 2), rng, missing=0.0)
    bridges = np.tile(np.arange(30), 2)
    loose = Priors(walk_sd=1.0)  # the walk barely resists a move: only the bridges can date it
    linked = estimate(values, col_year + 1990, bridges=bridges, anchor_row=int(np.argmax(x1)), priors=loose)
    free = estimate(values, col_year + 1990, anchor_row=int(np.argmax(x1)), priors=loose)
    items = linked.items
    assert items["bridge"].tolist() == bridges.tolist()
    for name in ("discrimination", "difficulty", "width"):
        assert np.allclose(items[name].iloc[:30].to_numpy(), items[name].iloc[30:].to_numpy())
        assert not np.allclose(free.items[name].iloc[:30].to_numpy(), free.items[name].iloc[30:].to_numpy())

    def move(res):
        means = res.points.groupby("period")["ideal"].mean()
        return means[1991] - means[1990]

    assert move(linked) > 0.5  # the bridges see the whole assembly move
    assert abs(move(free)) < 0.2  # without them a common move is absorbed by the items


def test_explain_lists_the_votes_that_moved_the_state(fitted):
    values, years, x, anchor, res = fitted
    table = explain(res, values, 12, 2003, top=None)
    assert set(table.columns) == {"column", "vote", "shift", "probability", "discrimination", "bridge"}
    cols = np.flatnonzero((years == 2003) & ~np.isnan(values[12]))
    assert sorted(table["column"]) == cols.tolist()
    assert np.all(np.diff(np.abs(table["shift"].to_numpy())) <= 0)
    before = res.points.set_index(["state_index", "period"]).loc[(12, 2003), "ideal"]

    def without(col):
        v = values.copy()
        v[12, col] = np.nan
        after = estimate(v, years, anchor_row=anchor).points.set_index(["state_index", "period"])
        return after.loc[(12, 2003), "ideal"] - before

    strongest, weakest = table.iloc[0], table.iloc[-1]
    moved = without(int(strongest["column"]))
    assert np.sign(moved) == -np.sign(strongest["shift"])  # removing the vote undoes its pull
    assert abs(moved) > 5 * abs(without(int(weakest["column"])))
    assert len(explain(res, values, 12, 2003)) == 10


def test_explain_rejects_a_period_without_votes(fitted):
    values, years, x, anchor, res = fitted
    with pytest.raises(DataError, match="cast no vote in period 1999"):
        explain(res, values, 3, 1999)
    with pytest.raises(DataError, match="does not match"):
        explain(res, values[:, :10], 3, 2001)


@pytest.mark.parametrize("values, periods, message", [
    ([[np.nan, np.nan], [np.nan, np.nan]], [1, 1], "no votes to scale"),
    ([[1, np.nan], [-1, np.nan], [1, np.nan]], [2019, 2019], "period 2019 has 1 roll call; an ideal point needs at least 2"),
    ([[1, -1], [np.nan, np.nan], [-1, 1]], [1, 1], "state row 1 never voted"),
    ([[1, 2], [-1, 1]], [1, 1], "vote 2.0 at row 0, column 1 is not a choice"),
    ([[1, -1], [-1, 1]], [1, 1, 1], "periods has shape \\(3,\\), the vote matrix has 2 roll calls"),
    ([[1, -1], [-1, 1]], ["a", "b"], "periods must be whole numbers"),
    ([[1, -1, 1]], [1, 1, 1], "only one state voted"),
])
def test_bad_input_is_a_clear_data_error(values, periods, message):
    with pytest.raises(DataError, match=message) as info:
        estimate(values, periods)
    assert info.value.exit_code == 2


def test_bad_input_names_the_state_and_the_anchor():
    with pytest.raises(DataError, match="state SYL \\(row 1\\) never voted"):
        estimate([[1, -1], [np.nan, np.nan]], [1, 1], states=["ARD", "SYL"])
    with pytest.raises(DataError, match="anchor row 5 is outside the matrix"):
        estimate([[1, -1], [-1, 1]], [1, 1], anchor_row=5)
    with pytest.raises(DataError, match="bridges has shape"):
        estimate([[1, -1], [-1, 1]], [1, 1], bridges=[0])
    with pytest.raises(DataError, match="walk_sd"):
        Priors(walk_sd=0)
    with pytest.raises(DataError, match="reversion = 1.5 must be at most 1"):
        Priors(reversion=1.5)


def test_a_thin_period_between_others_is_placed_by_the_walk(fitted):
    values, years, x, anchor, res = fitted
    v = values.copy()
    y = years.copy()
    y[np.flatnonzero(years == 2003)[0]] = 2003  # keep one roll call in 2003 ...
    v[:, np.flatnonzero(years == 2003)[1:]] = np.nan  # ... and blank the others
    out = estimate(v, y, anchor_row=anchor)
    assert out.thin_periods == [2003]
    assert set(out.points["period"]) == {2001, 2002, 2003, 2004, 2005}


# -- bridges -------------------------------------------------------------------------------

def test_find_bridges_on_texts_from_three_eras():
    short = ["CUBA, U.S. EMBARGO", "", "Necessity of ending the embargo : resolution / adopted by the General Assembly",
             "ISRAELI PRACTICES", "ISRAELI PRACTICES", "The Syrian Golan : resolution / adopted by the General Assembly", ""]
    descr = ["Necessity of ending the embargo", "Necessity of ending the embargo : resolution / adopted by the General Assembly",
             "A/72/251 42 - Necessity of ending the embargo.", "TO ADOPT PART A (A/C.4/L.12)",
             "TO ADOPT PART A (A/C.4/L.99)", "A/72/251 37 - The situation in the Middle East.", "The Syrian Golan"]
    periods = [50, 69, 72, 40, 40, 72, 74]
    texts = roll_call_texts(short, descr)
    assert texts[2] == short[2] and texts[0] == descr[0]
    groups = find_bridges(texts, periods)
    assert groups[0] == groups[1] == groups[2] >= 0  # one question across three catalogue styles
    assert groups[3] == groups[4] == -1  # twice in one session: which one recurs cannot be told
    assert groups[5] == groups[6] >= 0 and groups[5] != groups[0]
    assert find_bridges(texts, periods, min_periods=4).tolist() == [-1] * 7


def test_normalise_title_drops_symbols_numbers_and_catalogue_suffixes():
    assert normalise_title("Human rights in the occupied Syrian Golan :resolution /adopted by the Human Rights "
                           "Council at its 2nd session") == "human rights in the occupied syrian golan"
    assert normalise_title("TO ADOPT DRAFT A/C.1/L.123, RESOLUTION 1514 (XV).") == "to adopt draft resolution"


# -- numerics ------------------------------------------------------------------------------

def test_interval_terms_match_the_normal_distribution():
    lo = np.array([-np.inf, -1.0, 0.5, 3.0, -9.0, -np.inf])
    hi = np.array([0.3, 2.0, np.inf, 3.5, -8.0, -30.0])
    logp, r_lo, r_hi, _, _ = interval_terms(lo, hi)
    ref = np.log(norm.cdf(hi) - norm.cdf(lo))
    assert np.allclose(logp[:5], ref[:5], rtol=1e-10)
    assert np.isclose(logp[5], norm.logcdf(-30.0), rtol=1e-10)  # deep tail: no underflow
    p = np.exp(logp[:5])
    assert np.allclose(r_lo[1:5], norm.pdf(lo[1:5]) / p[1:], rtol=1e-8) and r_lo[0] == 0.0
    assert np.allclose(r_hi[:2], norm.pdf(hi[:2]) / p[:2], rtol=1e-8) and r_hi[2] == 0.0


def test_vote_terms_derivatives_match_finite_differences():
    rng = np.random.default_rng(1)
    eta, d = rng.normal(0, 3, 12), rng.uniform(0.05, 2, 12)
    bounds, h = (4, 8), 1e-6
    t = vote_terms(eta, d, bounds)
    up, down = vote_terms(eta + h, d, bounds), vote_terms(eta - h, d, bounds)
    assert np.allclose((up.logp - down.logp) / (2 * h), t.g_eta, atol=1e-6)
    assert np.allclose((up.g_eta - down.g_eta) / (2 * h), t.h_eta, atol=1e-6)
    assert np.allclose((up.g_d - down.g_d) / (2 * h), t.h_eta_d, atol=1e-6)
    up, down = vote_terms(eta, d + h, bounds), vote_terms(eta, d - h, bounds)
    assert np.allclose((up.logp - down.logp) / (2 * h), t.g_d, atol=1e-6)
    assert np.allclose((up.g_d - down.g_d) / (2 * h), t.h_d, atol=1e-5)


def test_chain_solver_and_variances_match_dense_algebra():
    rng = np.random.default_rng(2)
    n, T = 3, 6
    off = -rng.uniform(0.1, 1.0, (n, T - 1))
    diag = rng.uniform(2.5, 4.0, (n, T))
    rhs = rng.normal(size=(n, T))
    x = solve_chains(diag, off, rhs)
    var = chain_variances(diag, off)
    for i in range(n):
        dense = np.diag(diag[i]) + np.diag(off[i], 1) + np.diag(off[i], -1)
        assert np.allclose(dense @ x[i], rhs[i])
        assert np.allclose(var[i], np.diag(np.linalg.inv(dense)))


def test_unanimous_and_empty_roll_calls_do_not_break_the_fit():
    nan = np.nan
    values = np.array([[1, -1, nan, 1, 1, -1], [-1, 1, nan, 1, -1, 1], [1, 1, nan, 1, 1, 0]])
    res = estimate(values, [1, 1, 2, 2, 3, 3], anchor_row=0)  # period 2: one unanimous roll call, one empty
    assert res.converged and res.thin_periods == [2]
    assert res.points["period"].tolist() == [1, 2, 3] * 3
    assert np.isfinite(res.points[["ideal", "se"]].to_numpy()).all()
    ideal = res.points.groupby("state_index")["ideal"].mean()
    assert ideal[0] > ideal[2] > ideal[1]  # 1 always against 0; 2 with 0 but abstains once
    assert res.items.loc[2, "n_votes"] == 0
