"""Score extractions against the hand-written answers in tests/extract_texts/ (used by tests and bench)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

TEXTS = Path(__file__).parent / "extract_texts"


HELDOUT = "heldout_"


def cases(heldout: bool | None = False) -> list[Path]:
    """The test texts that have an expected-answer file.

    ``heldout=False``: the texts the extractor was developed on; ``True``: only the held-out texts
    (prefix ``heldout_``, written before the extractor was run on them); ``None``: all.
    """
    found = sorted(p for p in TEXTS.glob("*.txt") if p.with_suffix(".expected.json").exists())
    return [p for p in found if heldout is None or p.name.startswith(HELDOUT) == heldout]


def expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def matches(want: dict, got: dict) -> bool:
    """The main criterion: same target and count, and same tally (votes) or stance (other acts)."""
    if got["target"] != want["target"] or got["count"] != want.get("count"):
        return False
    if want.get("tally"):
        return got["tally"] == want["tally"]
    return got["stance"] == want["stance"]


def reported_states(act: dict) -> set[str]:
    states = set(act["members"]) | {act["target"], act["lead"]} - {None}
    for codes in (act["positions"] or {}).values():
        states |= set(codes)
    return states


def score(path: Path, extract) -> dict:
    """Match each expected act to a distinct extracted act; count secondary fields right."""
    want = expected(path)
    doc = extract(path, dt.date.fromisoformat(want["published"]), want["lang"]).to_dict()
    found, secondary_ok, secondary_all, pairs = 0, 0, 0, []
    free = list(doc["acts"])
    for w in want["acts"]:
        hit = next((g for g in free if matches(w, g)), None)
        pairs.append((w, hit))
        if hit is None:
            continue
        free.remove(hit)
        found += 1
        for field in ("kind", "lead", "date", "forum"):
            if field in w:
                secondary_all += 1
                secondary_ok += hit[field] == w[field]
        if "members" in w:
            secondary_all += 1
            secondary_ok += set(w["members"]) <= set(hit["members"])
        if "positions" in w:
            secondary_all += 1
            secondary_ok += all(set(w["positions"][k]) <= set((hit["positions"] or {}).get(k, [])) for k in w["positions"])
    unnamed = set().union(*(reported_states(a) for a in doc["acts"])) - set(want["named_states"]) if doc["acts"] else set()
    # states the text names only in passing, reported as taking part in an act (target aside)
    bystanders = set(want.get("bystanders", ())) & set().union(
        *(reported_states(a) - {a["target"]} for a in doc["acts"])) if doc["acts"] else set()
    return {"expected": len(want["acts"]), "found": found, "secondary_ok": secondary_ok,
            "secondary_all": secondary_all, "unnamed": unnamed, "bystanders": bystanders,
            "extra": len(free), "pairs": pairs, "doc": doc}
