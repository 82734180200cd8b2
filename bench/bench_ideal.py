"""Benchmark and validate graphkit.analysis.ideal on real votes (../shared). Run by hand, not by pytest.

    python bench/bench_ideal.py [--shared DIR] [--stages ga-session,ga-year,one-session,hrc] [--out DIR]
                                [--priors '{"walk_sd": 0.6, "reversion": 0.8}']
    python bench/bench_ideal.py --stages cli-import,cli,cli-csv,cli-year,cli-session,cli-random [--store DIR]

Each stage is a new Python process, timed from the outside (interpreter start,
imports, reading, estimating, validating: the whole process) with its own peak
memory (``ru_maxrss``). Stages:

``ga-session``
    The General Assembly 1946–2020 (``reference/unga``, 870,109 votes) read with
    ``graphkit.sources.unga.read_voeten`` (states from ``load_states``), one
    row per dataset country code (COW continuity, as the published estimates:
    the USSR and Russia one series, Yugoslavia–Serbia one series, West Germany
    apart from Germany), periods = GA sessions, bridges from
    ``graphkit.analysis.ideal.bridges``, anchor the United States. Validated against
    ``reference/external/voeten-idealpoints/IdealpointestimatesAll_Jun2024.csv``
    (Bailey, Strezhnev & Voeten, ``IdealPointAll``), joined on (COW code, session),
    sessions 1–74: Pearson correlation per session (median, minimum), pooled over
    all country-sessions, the country-sessions that differ most, and our ``se``
    against their posterior spread ((Q95 − Q5) / 3.29).
``ga-year``
    The same with calendar years as periods, compared with the session that opens in that year.
``one-session``
    Session 70 alone (timed: the estimate; the whole process includes reading all the votes).
``hrc``
    The Human Rights Council 2006–2024 (``reference/external/hrc-recorded-votes``,
    YES / NO / ABSTAIN, NO_VOTE = no vote), periods = years, bridges from the titles.

Through the command line (the way a user runs it; each stage times one ``graphkit``
process from the outside, its peak memory read from ``RUSAGE_CHILDREN``):

``cli-import``
    ``graphkit import unga`` of ``reference/unga`` into ``--store`` (default
    ``/tmp/graphkit-bench-ideal/store``); the other ``cli-*`` stages read it.
``cli``
    ``graphkit ideal --source unga`` (the table, to /dev/null): the issue's 60 s / 2 GB goal.
``cli-csv``, ``cli-year``, ``cli-random``
    ``graphkit ideal --format csv -o FILE`` by session, by year, and with ``--walk random``,
    each validated against the published estimates like ``ga-session`` — rows are now
    graphkit keys (historic entities apart: the USSR and Russia, the Republic of China
    and China), joined to the COW codes through the dataset codes that voted under them.
``cli-session``
    ``graphkit ideal --session 70`` (goal: under 1 s; the process also starts Python), and the library call
    ``g.ideal("unga", session=70)`` timed in-process, cold then warm.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
STAGES = ("ga-session", "ga-year", "one-session", "hrc")
CLI_STAGES = ("cli-import", "cli", "cli-csv", "cli-year", "cli-session", "cli-random")
DEFAULT_STORE = Path("/tmp/graphkit-bench-ideal/store")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ga_matrix(shared: Path):
    """Votes → matrix with one row per dataset code; roll-call texts and the code → COW table."""
    import pandas as pd

    from graphkit.graph.states import load_states as load_identity
    from graphkit.sources.unga import read_voeten
    from graphkit.sources.votes.matrix import table_matrix as vote_matrix

    d = shared / "reference" / "unga"
    table = read_voeten(d / "votes.csv.gz", d / "roll_calls.csv.gz", d / "issues.csv.gz", identity=load_identity())
    by_code = dataclasses.replace(table, votes=table.votes.assign(key=table.votes["code"]))
    matrix = vote_matrix(by_code)
    cow = pd.read_csv(d / "countries.csv", keep_default_na=False).set_index("country_code")["cow_code"]
    return table, matrix, cow


def _published(shared: Path):
    import pandas as pd

    pub = pd.read_csv(shared / "reference" / "external" / "voeten-idealpoints" / "IdealpointestimatesAll_Jun2024.csv")
    pub = pub[pub["session"] <= 74].dropna(subset=["IdealPointAll"])
    pub["pub_sd"] = (pub["Q95%All"] - pub["Q5%All"]) / 3.29
    return pub[["ccode", "session", "Countryname", "IdealPointAll", "NVotesAll", "pub_sd"]]


def _validate(points, pub, cow, session_of=None) -> dict:
    import numpy as np

    p = points.assign(ccode=points["state"].map(cow))
    p["session"] = p["period"] if session_of is None else p["period"].map(session_of)
    joined = p.merge(pub, on=["ccode", "session"])
    per = joined.groupby("session")[["ideal", "IdealPointAll"]].apply(
        lambda g: float(np.corrcoef(g["ideal"], g["IdealPointAll"])[0, 1]) if len(g) > 2 else np.nan).dropna()
    slope, icept = np.polyfit(joined["ideal"], joined["IdealPointAll"], 1)
    joined["residual"] = joined["IdealPointAll"] - (slope * joined["ideal"] + icept)
    worst = joined.reindex(joined["residual"].abs().sort_values(ascending=False).index).head(12)
    ordered = joined.sort_values(["ccode", "session"])
    steps = ordered.groupby("ccode")[["ideal", "IdealPointAll"]].diff()
    steps = steps[ordered.groupby("ccode")["session"].diff() == 1]  # consecutive sessions only
    return {"joined_rows": len(joined), "our_rows": len(points), "median_session_r": round(float(per.median()), 4),
            "min_session_r": round(float(per.min()), 4), "min_session": int(per.idxmin()),
            "sessions_below_0.9": {int(k): round(v, 3) for k, v in per[per < 0.9].items()},
            "pooled_r": round(float(np.corrcoef(joined["ideal"], joined["IdealPointAll"])[0, 1]), 4),
            "pooled_spearman": round(float(joined[["ideal", "IdealPointAll"]].corr("spearman").iloc[0, 1]), 4),
            "session_change_sd": {"ours_rescaled": round(float(steps["ideal"].std() * slope), 3),
                                  "published": round(float(steps["IdealPointAll"].std()), 3),
                                  "r": round(float(steps.corr().iloc[0, 1]), 3)},
            "se_over_published_sd_median": round(float((joined["se"] * slope / joined["pub_sd"]).median()), 3),
            "per_session_r": {int(k): round(v, 4) for k, v in per.items()},
            "largest_differences": [
                {"state": r.state, "name": r.Countryname, "session": int(r.session), "ours_rescaled": round(slope * r.ideal + icept, 2),
                 "published": round(r.IdealPointAll, 2), "n_votes": int(r.n_votes)} for r in worst.itertuples()]}


def stage_ga(shared: Path, by: str, out: Path | None, priors) -> dict:
    import numpy as np

    from graphkit.analysis.ideal import estimate, find_bridges, roll_call_texts

    t0 = time.perf_counter()
    table, m, cow = _ga_matrix(shared)
    rc = table.roll_calls.loc[m.item_ids]
    periods = (m.items["session"] if by == "session" else m.items["year"]).to_numpy().astype(int)
    bridges = find_bridges(roll_call_texts(rc["short"], rc["descr"]), periods)
    t1 = time.perf_counter()
    res = estimate(m.values, periods, bridges=bridges, anchor_row=m.keys.index("US"), states=m.keys, priors=priors)
    t2 = time.perf_counter()
    session_of = None if by == "session" else (lambda year: year - 1945)
    report = {"stage": f"ga-{by}", "votes": int((~np.isnan(m.values)).sum()), "matrix": list(m.values.shape),
              "read_s": round(t1 - t0, 2), "estimate_s": round(t2 - t1, 2), **res.summary(),
              "validation": _validate(res.points, _published(shared), cow, session_of)}
    if out is not None:
        res.points.to_csv(out / f"ideal-ga-{by}.csv", index=False)
    return report


def stage_one_session(shared: Path, priors, session: int = 70) -> dict:
    import numpy as np

    from graphkit.analysis.ideal import estimate

    table, m, cow = _ga_matrix(shared)
    sel = (m.items["session"] == session).to_numpy()
    values = m.values[:, sel]
    rows = ~np.isnan(values).all(axis=1)
    keys = [k for k, r in zip(m.keys, rows) if r]
    t1 = time.perf_counter()
    res = estimate(values[rows], np.full(sel.sum(), session), anchor_row=keys.index("US"), states=keys, priors=priors)
    t2 = time.perf_counter()
    val = _validate(res.points, _published(shared), cow)
    return {"stage": "one-session", "session": session, "votes": int((~np.isnan(values)).sum()),
            "estimate_s": round(t2 - t1, 3), "iterations": res.iterations, "converged": res.converged,
            "r_published": val["median_session_r"]}


def stage_hrc(shared: Path, out: Path | None, priors) -> dict:
    import numpy as np
    import pandas as pd

    from graphkit.analysis.ideal import estimate, find_bridges

    t0 = time.perf_counter()
    d = shared / "reference" / "external" / "hrc-recorded-votes"
    votes = pd.read_csv(d / "hrc_votes.csv")
    calls = pd.read_csv(d / "hrc_resolutions.csv")
    calls = calls[calls["name"].isin(votes["resolution_name"])]
    calls = calls.assign(date=pd.to_datetime(calls["vote_date"], format="%Y/%m/%d")).sort_values(["date", "name"])
    value = votes["vote"].map({"YES": 1.0, "ABSTAIN": 0.0, "NO": -1.0})  # NO_VOTE: no position
    keys = sorted(votes["country_short"].unique())
    col = pd.Series(np.arange(len(calls)), index=calls["name"])
    row = pd.Series(np.arange(len(keys)), index=keys)
    values = np.full((len(keys), len(calls)), np.nan)
    values[row[votes["country_short"]].to_numpy(), col[votes["resolution_name"]].to_numpy()] = value.to_numpy()
    voted = ~np.isnan(values).all(axis=1)
    values, keys = values[voted], [k for k, v in zip(keys, voted) if v]
    years = calls["date"].dt.year.to_numpy()
    bridges = find_bridges((calls["type"] + " " + calls["summary"]).tolist(), years)
    t1 = time.perf_counter()
    res = estimate(values, years, bridges=bridges, anchor_row=keys.index("USA"), states=keys, priors=priors)
    t2 = time.perf_counter()
    if out is not None:
        res.points.to_csv(out / "ideal-hrc-year.csv", index=False)
    last = res.points[res.points["period"] == res.points["period"].max()].sort_values("ideal")
    return {"stage": "hrc", "roll_calls": len(calls), "votes": int((~np.isnan(values)).sum()), "read_s": round(t1 - t0, 2),
            "estimate_s": round(t2 - t1, 2), **res.summary(),
            "lowest_last_year": last.head(5)[["state", "ideal"]].round(2).values.tolist(),
            "highest_last_year": last.tail(5)[["state", "ideal"]].round(2).values.tolist()}


def _graphkit(args: list[str]) -> tuple[float, float, str]:
    """Run ``graphkit ARGS`` as its own process: (wall seconds, peak MiB, stderr); its CPU seconds in ``_CPU``."""
    exe = Path(sys.executable).with_name("graphkit")
    t0 = time.perf_counter()
    proc = subprocess.run([str(exe), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"graphkit {' '.join(args)} failed ({proc.returncode}): {proc.stderr.strip()}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    _CPU.append(round(usage.ru_utime + usage.ru_stime, 2))
    return wall, usage.ru_maxrss / 1024, proc.stderr


_CPU: list = []           # CPU seconds of the graphkit process a cli-* stage ran (one per stage process)


def _key_cow(shared: Path):
    """graphkit key → COW code, through the dataset codes that voted under each key (the most frequent one)."""
    import pandas as pd

    from graphkit.graph.states import load_states as load_identity
    from graphkit.sources.unga import read_voeten

    d = shared / "reference" / "unga"
    table = read_voeten(d / "votes.csv.gz", d / "roll_calls.csv.gz", d / "issues.csv.gz", identity=load_identity())
    cow = pd.read_csv(d / "countries.csv", keep_default_na=False).set_index("country_code")["cow_code"]
    pairs = table.votes.groupby(["key", "code"], observed=True).size().rename("n").reset_index()
    top = pairs.sort_values("n", ascending=False).drop_duplicates("key")
    return pd.Series(top["code"].map(cow).to_numpy(), index=top["key"].astype(str))


def stage_cli(name: str, shared: Path, store: Path, out: Path | None) -> dict:
    import pandas as pd

    if name == "cli-import":
        d = shared / "reference" / "unga"
        store.parent.mkdir(parents=True, exist_ok=True)
        wall, peak, err = _graphkit(["import", "unga", *(str(d / f) for f in ("votes.csv.gz", "roll_calls.csv.gz", "issues.csv.gz")),
                                     "--store", str(store), "--quiet"])
        return {"stage": name, "command_s": round(wall, 2), "command_peak_mib": round(peak), "said": err.strip()[-200:]}
    if name == "cli":
        wall, peak, _ = _graphkit(["ideal", "--source", "unga", "--store", str(store)])
        return {"stage": name, "command": "graphkit ideal --source unga", "command_s": round(wall, 2),
                "command_peak_mib": round(peak)}
    if name == "cli-session":
        wall, peak, _ = _graphkit(["ideal", "--source", "unga", "--session", "70", "--store", str(store)])
        import graphkit as gk

        g = gk.open(store=store)
        calls = []
        for _ in range(2):                 # the library call in this process: cold (store read), then warm
            t0 = time.perf_counter()
            g.ideal("unga", session=70)
            calls.append(round(time.perf_counter() - t0, 3))
        return {"stage": name, "command": "graphkit ideal --source unga --session 70", "command_s": round(wall, 2),
                "command_peak_mib": round(peak), "library_call_s": calls}
    by = "year" if name == "cli-year" else "session"
    extra = ["--walk", "random"] if name == "cli-random" else []
    target = (out or store.parent) / f"ideal-{name}.csv"
    args = ["ideal", "--source", "unga", "--by", by, *extra, "--format", "csv", "-o", str(target), "--store", str(store)]
    wall, peak, _ = _graphkit(args)
    got = pd.read_csv(target)
    points = got.assign(period=got[by])
    session_of = None if by == "session" else (lambda year: year - 1945)
    shown = " ".join({str(store): "DIR", str(target): "FILE"}.get(a, a) for a in args)
    return {"stage": name, "command": "graphkit " + shown,
            "command_s": round(wall, 2), "command_peak_mib": round(peak), "rows": len(got),
            "validation": _validate(points, _published(shared), _key_cow(shared), session_of)}


def run_stage(name: str, shared: Path, out: Path | None, priors: str, store: Path = DEFAULT_STORE) -> dict:
    from graphkit.analysis.ideal import Priors

    if name in CLI_STAGES:
        report = stage_cli(name, shared, store, out)
        return {**report, "command_cpu_s": _CPU[-1]}

    pr = Priors(**json.loads(priors))
    if name == "ga-session":
        return stage_ga(shared, "session", out, pr)
    if name == "ga-year":
        return stage_ga(shared, "year", out, pr)
    if name == "one-session":
        return stage_one_session(shared, pr)
    return stage_hrc(shared, out, pr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--stages", default=",".join(STAGES), help="any of " + ", ".join(STAGES + CLI_STAGES))
    ap.add_argument("--store", type=Path, default=DEFAULT_STORE, help="the store the cli-* stages import into and read")
    ap.add_argument("--out", type=Path, default=None, help="write each stage's estimates as CSV here")
    ap.add_argument("--priors", default="{}", help="prior scales as JSON (graphkit.analysis.ideal.Priors fields)")
    ap.add_argument("--stage", help=argparse.SUPPRESS)  # internal: run one stage in this process
    args = ap.parse_args()
    if args.stage:
        report = run_stage(args.stage, args.shared, args.out, args.priors, args.store)
        report["peak_mib"] = round(_peak_mib())
        usage = resource.getrusage(resource.RUSAGE_SELF)
        report["cpu_s"] = round(usage.ru_utime + usage.ru_stime, 2)  # less sensitive than wall time to a busy machine
        print(json.dumps(report))
        return
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for name in args.stages.split(","):
        cmd = [sys.executable, __file__, "--stage", name, "--shared", str(args.shared), "--priors", args.priors,
               "--store", str(args.store)]
        if args.out:
            cmd += ["--out", str(args.out)]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if proc.returncode:
            print(f"{name}: failed\n{proc.stderr}", file=sys.stderr)
            continue
        report = json.loads(proc.stdout.strip().splitlines()[-1])
        report["whole_process_s"] = round(wall, 2)
        per = report.get("validation", {}).pop("per_session_r", None)
        worst = report.get("validation", {}).pop("largest_differences", None)
        print(json.dumps(report, ensure_ascii=False))
        if per:
            print("  per-session r: " + " ".join(f"{k}:{v:.3f}" for k, v in per.items()))
        for row in worst or []:
            print("  differs: " + json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
