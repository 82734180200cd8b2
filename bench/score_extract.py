"""Acts found, fields right and state precision of `graphkit extract` on the hand-written texts; time per text.

Run by hand:  python bench/score_extract.py [--set dev|test|test2|test3|test4|legacy-dev|heldout|legacy] [-v] [--json]

dev / test / test2 / test3 / test4 = the development set and the frozen test sets of issue 15 (tests/extract_texts/dev,
test, test2, test3, test4): an act is found
when an extracted act of the same kind has the anchor sentence in its evidence; for each act found, seven
fields are scored (date, forum, topics, target, stance — not for votes —, count or tally, lead), and every
state reported is checked against the states the text names. The test set is scored once per release and
never tuned on (tests/extract_texts/test/README.md).

legacy-dev / heldout / legacy = the first fixtures of issue 6 with their own criterion (target, count, and
stance or tally): the 13 texts developed on, the ``heldout_*`` texts, or both.

``--code DIR`` scores the extractor of another checkout (e.g. a worktree of main, for "before" figures).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

LEGACY = {"legacy-dev": False, "heldout": True, "legacy": None}


def load_extractor(code: Path):
    sys.path.insert(0, str(code))
    module = importlib.import_module("graphkit.extract")
    assert Path(module.__file__).resolve().is_relative_to(code.resolve()), module.__file__
    return module


def legacy(paths, extract_file, verbose: bool) -> None:
    from extract_scoring import score

    totals = dict.fromkeys(("expected", "found", "secondary_ok", "secondary_all", "extra"), 0)
    unnamed, bystanders = 0, 0
    for path in paths:
        s = score(path, extract_file)
        for k in totals:
            totals[k] += s[k]
        unnamed += len(s["unnamed"])
        bystanders += len(s["bystanders"])
        print(f"{path.stem:44} acts {s['found']}/{s['expected']}  fields {s['secondary_ok']}/{s['secondary_all']}"
              f"  extra {s['extra']}  unnamed {sorted(s['unnamed']) or '-'}  bystanders {sorted(s['bystanders']) or '-'}")
        if verbose:
            for w, hit in s["pairs"]:
                if hit is None:
                    print("    MISSED", json.dumps(w, ensure_ascii=False))
    print(f"\nrecall {totals['found']}/{totals['expected']} = {totals['found'] / max(totals['expected'], 1):.0%}"
          f"; fields {totals['secondary_ok']}/{totals['secondary_all']}"
          f" = {totals['secondary_ok'] / max(totals['secondary_all'], 1):.0%}"
          f"; unnamed states reported {unnamed}; bystanders reported {bystanders}; unmatched extracted acts {totals['extra']}")


def _brief(act: dict) -> dict:
    keys = ("kind", "date", "forum", "topics", "target", "stance", "count", "count_qualifier", "tally", "lead")
    return {k: act.get(k) for k in keys}


def fields_set(paths, extract_file, verbose: bool, as_json: bool) -> dict:
    from extract_scoring import FIELDS, expected, field_checks, score_fields, totals

    scores, seconds = [], []
    for path in paths:
        want = expected(path)
        t0 = time.perf_counter()
        doc = extract_file(path, dt.date.fromisoformat(want["published"]), want["lang"]).to_dict()
        seconds.append(time.perf_counter() - t0)
        s = score_fields(path, doc=doc)
        scores.append(s)
        right = sum(v[0] for v in s["fields"].values())
        total = sum(v[1] for v in s["fields"].values())
        if not as_json:
            print(f"{path.stem:40} acts {s['found']}/{s['expected']}  fields {right}/{total}  extra {len(s['extra'])}"
                  f"  unnamed {s['unnamed'] or '-'}  bystanders {s['bystanders'] or '-'}  {seconds[-1] * 1000:5.0f} ms")
        if verbose:
            for w, g in s["pairs"]:
                if g is None:
                    print("    MISSED ", w["anchor"], json.dumps(_brief(w), ensure_ascii=False))
                else:
                    wrong = [f for f, ok in field_checks(w, g).items() if not ok]
                    if wrong:
                        print("    WRONG  ", w["anchor"], {f: (w[f] if f in w else None, g.get(f)) for f in wrong
                                                           if f != "count_or_tally"},
                              *(["tally/count", (w["tally"], g["tally"], w["count"], g["count"])] if "count_or_tally" in wrong else []))
            for a in s["extra"]:
                print("    EXTRA  ", json.dumps(_brief(a), ensure_ascii=False), "|", a["evidence"][0]["text"][:70])
    t = totals(scores)
    t["seconds_per_text"] = {"mean": statistics.mean(seconds), "median": statistics.median(seconds), "max": max(seconds)}
    if as_json:
        print(json.dumps(t, indent=1))
        return t
    print(f"\nacts found {t['found']}/{t['expected']} = {t['found'] / max(t['expected'], 1):.1%}")
    print(f"fields right {t['fields_right']}/{t['fields_all']} = {t['fields_right'] / max(t['fields_all'], 1):.1%}  (of the acts found)")
    for f in FIELDS:
        ok, n = t["fields"][f]
        print(f"  {f:15} {ok:3}/{n:<3} = {ok / max(n, 1):.0%}")
    print(f"state precision {t['states_named']}/{t['states_reported']} = {t['states_named'] / max(t['states_reported'], 1):.1%}"
          f"; bystanders reported {t['bystanders']}; members/voters named {t['secondary'][0]}/{t['secondary'][1]}"
          f"; extracted acts matching nothing {t['extra']}")
    print(f"seconds per text (models loaded): mean {t['seconds_per_text']['mean']:.3f}, max {t['seconds_per_text']['max']:.3f}")
    return t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["dev", "test", "test2", "test3", "test4", *LEGACY], default="dev")
    parser.add_argument("--dir", type=Path, help="score the texts of this folder instead (either answer format)")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose extractor is scored (default: this one)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show missed acts, wrong fields and extra acts")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args()
    module = load_extractor(args.code)
    module.load_pipeline("fr"), module.load_pipeline("en"), module.default_gazetteer()   # not timed
    from extract_scoring import cases, set_cases

    if args.dir:
        paths = sorted(p for p in args.dir.glob("*.txt") if p.with_suffix(".expected.json").exists())
        anchored = any("anchor" in a for p in paths for a in json.loads(p.with_suffix(".expected.json").read_text())["acts"])
        if anchored:
            fields_set(paths, module.extract_file, args.verbose, args.json)
        else:
            legacy(paths, module.extract_file, args.verbose)
    elif args.set in LEGACY:
        legacy(cases(LEGACY[args.set]), module.extract_file, args.verbose)
    else:
        fields_set(set_cases(args.set), module.extract_file, args.verbose, args.json)


if __name__ == "__main__":
    main()
