"""Seconds per article for `graphkit extract` once the spaCy models are loaded; and the seed's five facts.

Run by hand (not by pytest):  python bench/bench_extract.py [--repeat 5]

Reads the seed article from ../shared/seeds/ when it exists (published date taken as 2020-09-10, so
"le 1er juillet dernier" is 2020-07-01), the legacy texts in tests/extract_texts/ and the development set
(tests/extract_texts/dev/; the frozen test set is timed by ``score_extract.py --set test`` when it is scored).
The baseline is the issue's target: under one second per article after the model is loaded.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from extract_scoring import cases, expected, set_cases  # noqa: E402
from graphkit.extract import default_gazetteer, extract_text, load_pipeline, read_text  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_93e03e03e5328509.txt"
SEED_PUBLISHED = dt.date(2020, 9, 10)

#: The seed's facts (our own copy, from issue 6 and data/acts/): (field values, words of the evidence).
SEED_FACTS = [
    ({"count": 46, "stance": "support", "target": "CHN", "forum": "Human Rights Council", "date": "2020-07-01"}, "46 Etats"),
    ({"count": 28, "stance": "criticise", "target": "CHN", "lead": "GBR", "date": "2020-06-29"}, "27 autres pays"),
    ({"kind": "open_letter", "target": "CHN"}, "lettre ouverte"),
    ({"kind": "statement", "stance": "reject", "target": "CHN"}, "sans fondement"),
    ({"kind": "mechanism", "forum": "General Assembly", "date": "2016", "target": "SYR"}, "mécanisme d'enquête"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    t0 = time.perf_counter()
    load_pipeline("fr"), load_pipeline("en"), default_gazetteer()
    print(f"load (spaCy fr + en, gazetteer): {time.perf_counter() - t0:.2f} s")

    articles = [(p.name, read_text(p), dt.date.fromisoformat(expected(p)["published"]), expected(p)["lang"])
                for p in cases(None) + set_cases("dev")]
    if SEED.exists():
        articles.insert(0, ("seed " + SEED.name, read_text(SEED), SEED_PUBLISHED, "auto"))
    else:
        print(f"(seed not found at {SEED}; timing the test texts only)")

    per_article = []
    for name, text, published, lang in articles:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            extraction = extract_text(text, published, lang, source=name)
            times.append(time.perf_counter() - t)
        per_article.append(statistics.median(times))
        print(f"{name:44} {len(text):5} chars  {len(extraction.acts)} acts  {statistics.median(times) * 1000:7.1f} ms")
    mean = statistics.mean(per_article)
    print(f"\nseconds per article (median of {args.repeat} runs, mean over {len(articles)} articles): {mean:.3f} s"
          f" — {mean / 1.0:.3f} × the 1 s target; worst {max(per_article):.3f} s")

    if SEED.exists():
        doc = extract_text(read_text(SEED), SEED_PUBLISHED, "auto", source=str(SEED)).to_dict()
        print("\nseed facts:")
        for fields, words in SEED_FACTS:
            hits = [a for a in doc["acts"] if all(a.get(k) == v for k, v in fields.items())
                    and any(words in e["text"] for e in a["evidence"])]
            status = "found" if hits else "MISSING"
            print(f"  {status:8} {json.dumps(fields, ensure_ascii=False)}"
                  + (f"  ← {hits[0]['id']}: {hits[0]['evidence'][0]['text'][:70]}…" if hits else ""))


if __name__ == "__main__":
    main()
