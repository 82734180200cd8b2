"""Seconds to turn away (or resolve) a state name of hostile length: the library call and the whole command.

Run by hand (not by pytest):  python bench/bench_names.py [--repeat 5]

Three measures per length: ``StateResolver.resolve`` alone on the shipped states (195 of them, 195
``gk:nameRegex`` patterns); ``graphkit state NAME`` as a new process (its time includes starting
Python and building the graph, so the line "3 chars" is the floor to compare with); and, for the
longest accepted name (200 characters), the worst case the patterns can cost. Before the limit,
``resolve`` took 11 s on 20,000 characters and more than 5 minutes on 120,000 (patterns such as
``.*italy`` searched through the whole text from every position).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphkit.graph.build import build  # noqa: E402
from graphkit.errors import GraphkitError  # noqa: E402
from graphkit.limits import MAX_NAME  # noqa: E402
from graphkit.graph.states import StateResolver  # noqa: E402


def name_of(length: int) -> str:
    return ("Frnace " * (length // 7 + 1))[:length]


def time_resolve(resolver: StateResolver, name: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            resolver.resolve(name)
        except GraphkitError:
            pass
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_command(name: str, repeat: int) -> tuple[float, int]:
    times, code = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "graphkit", "state", name], capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
        code = run.returncode
    return statistics.median(times), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    resolver = StateResolver(build(check=False).graph)
    print(f"{'length':>8}  {'resolve (s)':>12}  {'graphkit state (s)':>18}  exit")
    for length in (3, MAX_NAME, 20_000, 120_000):
        name = "FRN" if length == 3 else name_of(length)
        lib = time_resolve(resolver, name, args.repeat)
        cmd, code = time_command(name, max(1, args.repeat // 2))
        print(f"{length:>8,}  {lib:>12.6f}  {cmd:>18.2f}  {code}")


if __name__ == "__main__":
    main()
