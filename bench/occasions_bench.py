"""Benchmark: the state × item matrix with occasions against the per-act matrix (run by hand).

    python bench/occasions_bench.py [states] [acts]

Synthetic records: ``states`` states, ``acts`` acts (70 % of states take part
in each, sides drawn at random), the first half of the acts grouped in pairs
into occasions. Baseline: the per-act matrix built the way ``vote_matrix``
did before occasions (one pass over the records into a numpy array), copied
here. Also times ``signed_graph`` on the shipped data, by occasion and by act.
Medians of 5 runs; ratios against the baseline.
"""
from __future__ import annotations

import datetime as dt
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, ".")
from graphkit.analysis.agreement import vote_matrix  # noqa: E402
from graphkit.sources.curated.items import is_alignment, position_value  # noqa: E402
from graphkit.sources.curated.records import PositionRecord  # noqa: E402

ACT = "https://w3id.org/graphkit/id/act/"
OCCASION = "https://w3id.org/graphkit/id/occasion/"


def baseline_matrix(records):
    """The per-act matrix as vote_matrix built it before occasions."""
    kept = [r for r in records if is_alignment(r)]
    states = sorted({r.participant for r in kept})
    items = list(dict.fromkeys(r.act for r in kept))
    s_index = {s: i for i, s in enumerate(states)}
    i_index = {a: j for j, a in enumerate(items)}
    values = np.full((len(states), len(items)), np.nan)
    labels = {}
    for r in kept:
        values[s_index[r.participant], i_index[r.act]] = position_value(r)
        labels.setdefault(r.participant, r.participant_label)
        labels.setdefault(r.act, r.act_label)
    return values


def synthetic(states: int, acts: int) -> list[PositionRecord]:
    rng = np.random.default_rng(0)
    out = []
    for j in range(acts):
        occasion = OCCASION + f"o{j // 2}" if j < acts // 2 else None
        take = rng.random(states) < 0.7
        sides = rng.choice([-1, 0, 1], size=states)
        for s in np.nonzero(take)[0]:
            out.append(PositionRecord(
                act=ACT + f"a{j}", act_id=f"a{j}", act_label=f"act {j}", kind="JointStatement",
                date=dt.date(2000, 1, 1) + dt.timedelta(days=j), precision="day", forum=None, forum_label=None,
                topics=(), target="TGT", participant=f"S{s:03d}", participant_label=f"state {s}", is_state=True,
                stance="supports", roles=(), side=int(sides[s]), occasion=occasion,
                occasion_label=f"occasion {j // 2}" if occasion else None))
    return out


def median_time(f, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(states: int = 193, acts: int = 2000) -> None:
    records = synthetic(states, acts)
    base = median_time(lambda: baseline_matrix(records))
    by_occ = median_time(lambda: vote_matrix(records))
    by_act = median_time(lambda: vote_matrix(records, by_occasion=False))
    m = vote_matrix(records, by_occasion=False)
    assert np.array_equal(np.nan_to_num(m.values, nan=9), np.nan_to_num(baseline_matrix(records), nan=9))
    print(f"{len(records):,} records, {states} states, {acts} acts ({acts // 4} occasions of 2 acts)")
    print(f"baseline per-act matrix      {base:.3f} s")
    print(f"vote_matrix by occasion      {by_occ:.3f} s  ({by_occ / base:.2f}x baseline), "
          f"{len(vote_matrix(records).items)} items")
    print(f"vote_matrix by act           {by_act:.3f} s  ({by_act / base:.2f}x baseline), same values as baseline")

    from graphkit.graph.build import build
    from graphkit.analysis.projections import signed_graph
    from graphkit.sources.curated.records import Filters, position_records

    recs = position_records(build("data", check=False).graph, Filters(target="CHN"))
    for flag in (True, False):
        g = signed_graph(recs, by_occasion=flag)
        t = median_time(lambda: signed_graph(recs, by_occasion=flag))
        negative = sum(1 for *_, d in g.edges(data=True) if d["negative"])
        print(f"signed_graph shipped, by_occasion={flag!s:5}  {t:.3f} s, {g.number_of_edges()} ties, "
              f"{negative} with an opposite-side item")


if __name__ == "__main__":
    main(*map(int, sys.argv[1:3]))
