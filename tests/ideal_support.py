"""A synthetic General Assembly for the ideal-point tests and notebook, drawn from the model with a seed.

``python tests/ideal_support.py`` writes it to ``tests/unga/ideal/`` in the Voeten
layout (``votes.csv``, ``roll_calls.csv``, ``issues.csv``) with the truth
(``truth.csv``: ``state, session, ideal``); ``tests/test_cli_ideal.py`` checks that
the committed files are exactly what this module draws, so they cannot drift.

The world, by construction::

    20 real states (fictional votes), sessions 60–65 (2005–2010), 24 roll calls a session:
      8 recurring questions (the same text and the same true item parameters every session: bridges),
      16 questions asked once (texts told apart by words: a bridge's text is compared without digits); 2 of the 24 are held in January–February of the next year (resumed session).
    true positions: the table START below, then a random walk (σ = 0.1) — India also drifts +0.3 a session
    toward the United States; Syria casts no vote in session 63; Zimbabwe never votes.
    every vote drawn from the ordered probit (yes / abstain / no) of graphkit.analysis.ideal.model,
    discrimination N(0, 1.5²) signed, difficulty N(0, 0.7²), abstention half-width U(0.15, 0.6);
    5 % of the votes blanked (absent).
    issues: recurring questions 0–3 are "hr", one-off questions take me / di / hr / ec in turn.

Expected answers come from this construction (the truth), never from the estimator.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from scipy.special import ndtr

IDEAL_DIR = Path(__file__).resolve().parent / "unga" / "ideal"
SEED = 14
SESSIONS = range(60, 66)
#: ISO alpha-2 (the Voeten layout's code), ISO alpha-3, true starting position.
START = [("US", "USA", 2.0), ("IL", "ISR", 1.7), ("GB", "GBR", 1.2), ("FR", "FRA", 1.1), ("CA", "CAN", 1.0),
         ("AU", "AUS", 0.95), ("DE", "DEU", 0.9), ("JP", "JPN", 0.8), ("MX", "MEX", 0.0), ("BR", "BRA", -0.1),
         ("ZA", "ZAF", -0.4), ("IN", "IND", -0.9), ("ID", "IDN", -0.6), ("NG", "NGA", -0.5), ("EG", "EGY", -0.8),
         ("RU", "RUS", -0.9), ("CN", "CHN", -1.0), ("IR", "IRN", -1.3), ("SY", "SYR", -1.4), ("CU", "CUB", -1.6)]
RECURRING, ONCE = 8, 16
ONE_OFF_ISSUES = ("me", "di", "hr", "ec")
#: Words, not digits, tell the questions apart: a bridge's text is compared without its digits.
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima",
         "mike", "november", "oscar", "papa")
SESSION_WORDS = {60: "sixtieth", 61: "sixty-first", 62: "sixty-second", 63: "sixty-third", 64: "sixty-fourth",
                 65: "sixty-fifth"}
ISSUE_NAMES = {"me": "Palestinian conflict", "di": "Arms control and disarmament", "hr": "Human rights",
               "ec": "Economic development"}


def draw_world(seed: int = SEED) -> dict:
    """The world as rows: ``votes``, ``roll_calls``, ``issues``, ``truth`` (lists of dicts)."""
    rng = np.random.default_rng(seed)
    n, sessions = len(START), list(SESSIONS)
    x = np.zeros((n, len(sessions)))
    x[:, 0] = [s[2] for s in START]
    india = [s[0] for s in START].index("IN")
    for t in range(1, len(sessions)):
        x[:, t] = x[:, t - 1] + rng.normal(0, 0.1, n)
        x[india, t] += 0.3
    rec = {"beta": rng.normal(0, 1.5, RECURRING), "a": rng.normal(0, 0.7, RECURRING), "d": rng.uniform(0.15, 0.6, RECURRING)}
    votes, roll_calls, issues, truth = [], [], [], []
    rcid = 1000
    for t, session in enumerate(sessions):
        year = 1945 + session
        beta = np.concatenate([rec["beta"], rng.normal(0, 1.5, ONCE)])
        a = np.concatenate([rec["a"], rng.normal(0, 0.7, ONCE)])
        d = np.concatenate([rec["d"], rng.uniform(0.15, 0.6, ONCE)])
        eta = beta[None, :] * x[:, t, None] - a[None, :]
        u = rng.random(eta.shape)
        choice = np.where(u < ndtr(-d - eta), "no", np.where(u < ndtr(d - eta), "abstain", "yes"))
        absent = rng.random(eta.shape) < 0.05
        for j in range(RECURRING + ONCE):
            rcid += 1
            late = j >= RECURRING + ONCE - 2          # the last two: resumed session, early next year
            date = f"{year + 1}-0{1 + (j % 2)}-1{j % 9}" if late else f"{year}-{10 + j % 3}-{10 + j % 18}"
            if j < RECURRING:
                short = f"FICTIONAL RECURRING {WORDS[j].upper()}"
                descr = f"Fictional recurring question {WORDS[j]} : resolution / adopted by the General Assembly"
                codes = ["hr"] if j < 4 else []
            else:
                k = j - RECURRING
                short = f"FICTIONAL QUESTION {session}-{k}"
                descr = f"Fictional question {WORDS[k]} asked once, in the {SESSION_WORDS[session]} session"
                codes = [ONE_OFF_ISSUES[k % len(ONE_OFF_ISSUES)]]
            roll_calls.append({"rcid": rcid, "session": session, "date": date, "unres": f"A/RES/{session}/{9000 + j}",
                               "short": short, "descr": descr})
            issues += [{"rcid": rcid, "short_name": c, "issue": ISSUE_NAMES[c]} for c in codes]
            for i, (code, iso3, _) in enumerate(START):
                if absent[i, j] or (iso3 == "SYR" and session == 63):
                    continue
                votes.append({"rcid": rcid, "country_code": code, "vote": choice[i, j]})
    for i, (code, iso3, _) in enumerate(START):
        for t, session in enumerate(sessions):
            if not (iso3 == "SYR" and session == 63):
                truth.append({"state": iso3, "session": session, "ideal": f"{x[i, t]:.4f}"})
    return {"votes": votes, "roll_calls": roll_calls, "issues": issues, "truth": truth}


def write_world(folder: Path = IDEAL_DIR, seed: int = SEED) -> list[Path]:
    """Write the world's four CSV files into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rows in draw_world(seed).items():
        path = folder / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        paths.append(path)
    return paths


def world_files(folder: Path = IDEAL_DIR) -> list[Path]:
    """The three files ``graphkit import unga`` reads, in its order."""
    return [folder / n for n in ("votes.csv", "roll_calls.csv", "issues.csv")]


if __name__ == "__main__":
    for p in write_world():
        print(p)
