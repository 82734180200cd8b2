"""Recall and field accuracy of `graphkit extract` on the hand-written test texts, per text and in total.

Run by hand:  python bench/score_extract.py [--set dev|heldout|all] [-v]

dev = the 13 texts the extractor was developed on; heldout = the ``heldout_*`` texts, written before
the extractor was first run on them (see tests/extract_texts/README.md, "Held-out evaluation").
Figures: acts found (right target, count, and stance or tally), secondary fields right (kind, lead,
date, forum, members, positions), states reported that the text does not name, bystanders (states
named only in passing) reported as taking part, and extracted acts matching no expected act.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from extract_scoring import cases, score  # noqa: E402
from graphkit.extract import extract_file  # noqa: E402

SETS = {"dev": False, "heldout": True, "all": None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, default="heldout")
    parser.add_argument("--dir", type=Path, help="score the texts of this folder instead (e.g. tests/extract_texts/pending)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show missed acts and extracted acts")
    args = parser.parse_args()
    totals = dict.fromkeys(("expected", "found", "secondary_ok", "secondary_all", "extra"), 0)
    unnamed, bystanders = 0, 0
    paths = sorted(p for p in args.dir.glob("*.txt") if p.with_suffix(".expected.json").exists()) if args.dir \
        else cases(SETS[args.set])
    for path in paths:
        s = score(path, extract_file)
        for k in totals:
            totals[k] += s[k]
        unnamed += len(s["unnamed"])
        bystanders += len(s["bystanders"])
        print(f"{path.stem:44} acts {s['found']}/{s['expected']}  fields {s['secondary_ok']}/{s['secondary_all']}"
              f"  extra {s['extra']}  unnamed {sorted(s['unnamed']) or '-'}  bystanders {sorted(s['bystanders']) or '-'}")
        if args.verbose:
            for w, hit in s["pairs"]:
                if hit is None:
                    print("    MISSED", json.dumps(w, ensure_ascii=False))
            for a in s["doc"]["acts"]:
                keep = {k: a[k] for k in ("id", "kind", "target", "stance", "count", "tally", "lead", "members", "date", "forum")}
                print("    got   ", json.dumps(keep, ensure_ascii=False), "|", a["evidence"][0]["text"][:60])
    print(f"\nrecall {totals['found']}/{totals['expected']} = {totals['found'] / max(totals['expected'], 1):.0%}"
          f"; fields {totals['secondary_ok']}/{totals['secondary_all']}"
          f" = {totals['secondary_ok'] / max(totals['secondary_all'], 1):.0%}"
          f"; unnamed states reported {unnamed}; bystanders reported {bystanders}; unmatched extracted acts {totals['extra']}")


if __name__ == "__main__":
    main()
