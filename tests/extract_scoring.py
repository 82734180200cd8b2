"""Score extractions against the hand-written answers in tests/extract_texts/ (used by tests and bench).

Two answer formats live side by side:

- the legacy fixtures (``extract_texts/*.txt``, issue 6): an expected act is *found* when an extracted act has
  the same target, count, and tally or stance (:func:`score`);
- the development and test sets (``extract_texts/dev/``, ``extract_texts/test/``, issue 15): each expected act
  names an ``anchor`` (words of the sentence reporting it); an extracted act *is* that act when one of its
  evidence sentences contains the anchor and its kind is the same. For each act found, seven fields are
  scored (:data:`FIELDS`), and every state the extraction reports is checked against the states the text
  names (:func:`score_fields`).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

TEXTS = Path(__file__).parent / "extract_texts"
SET_DIRS = {"dev": TEXTS / "dev", "test": TEXTS / "test", "test2": TEXTS / "test2", "test3": TEXTS / "test3",
            "test4": TEXTS / "test4"}
FIELDS = ("date", "forum", "topics", "target", "stance", "count_or_tally", "lead")

HELDOUT = "heldout_"


def cases(heldout: bool | None = False) -> list[Path]:
    """The legacy texts that have an expected-answer file.

    ``heldout=False``: the texts the extractor was developed on; ``True``: only the held-out texts
    (prefix ``heldout_``, written before the extractor was run on them); ``None``: all.
    """
    found = sorted(p for p in TEXTS.glob("*.txt") if p.with_suffix(".expected.json").exists())
    return [p for p in found if heldout is None or p.name.startswith(HELDOUT) == heldout]


def set_cases(name: str) -> list[Path]:
    """The texts of the ``dev``, ``test``, ``test2``, ``test3`` or ``test4`` set (issue 15)."""
    folder = SET_DIRS[name]
    return sorted(p for p in folder.glob("*.txt") if p.with_suffix(".expected.json").exists())


def expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def matches(want: dict, got: dict) -> bool:
    """The legacy criterion: same target and count, and same tally (votes) or stance (other acts)."""
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


def _extract(path: Path, extract, want: dict) -> dict:
    return extract(path, dt.date.fromisoformat(want["published"]), want["lang"]).to_dict()


def score(path: Path, extract) -> dict:
    """Legacy scoring: match each expected act to a distinct extracted act; count secondary fields right."""
    want = expected(path)
    doc = _extract(path, extract, want)
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


# -- issue 15: acts found by anchor, seven fields per act, state precision ------------------------------

def field_checks(want: dict, got: dict) -> dict[str, bool]:
    """Which of the seven fields of an expected act the extracted act has right (stance not for votes).

    Examples
    --------
    >>> want = {"kind": "vote", "date": "2022-03-02", "forum": "General Assembly", "topics": ["ukraine"],
    ...         "target": "RUS", "stance": None, "count": None, "count_qualifier": None,
    ...         "tally": {"yes": 141, "no": 5, "abstain": 35}, "lead": None}
    >>> got = dict(want, tally={"yes": 5, "no": 141, "abstain": 35}, topics=["ukraine", "syria"])
    >>> field_checks(want, got)
    {'date': True, 'forum': True, 'topics': False, 'target': True, 'count_or_tally': False, 'lead': True}
    """
    out = {
        "date": got["date"] == want["date"],
        "forum": got["forum"] == want["forum"],
        "topics": set(got["topics"]) == set(want["topics"]),
        "target": got["target"] == want["target"],
    }
    if want["kind"] != "vote":
        out["stance"] = got["stance"] == want["stance"]
        out["count_or_tally"] = (got["count"], got["count_qualifier"]) == (want["count"], want["count_qualifier"])
    else:
        out["count_or_tally"] = got["tally"] == want["tally"]
    out["lead"] = got["lead"] == want["lead"]
    return out


def _anchor_span(text: str, anchor: str, file) -> tuple[int, int]:
    start = text.find(anchor)
    if start < 0 or text.find(anchor, start + 1) >= 0:
        raise ValueError(f"{file}: anchor {anchor!r} must occur exactly once in the text")
    return start, start + len(anchor)


def _covers(act: dict, span: tuple[int, int]) -> bool:
    return any(ev["start"] <= span[0] and span[1] <= ev["end"] for ev in act["evidence"])


def match_acts(text: str, wanted: list[dict], got: list[dict], file="<text>") -> list[tuple[dict, dict | None]]:
    """Pair each expected act with at most one extracted act: same kind, evidence containing its anchor.

    Among the possible pairings, the one with the most acts found, then the most fields right, is kept.

    Examples
    --------
    >>> text = "Cuba spoke for 45 states, and Germany for 39 countries."
    >>> ev = [{"start": 0, "end": len(text)}]
    >>> base = {"kind": "joint_statement", "date": None, "forum": None, "topics": [], "target": "CHN",
    ...         "stance": "support", "count": 45, "count_qualifier": "exactly", "tally": None, "lead": "CUB"}
    >>> w1 = dict(base, anchor="Cuba spoke"); w2 = dict(base, anchor="Germany for", lead="DEU", count=39,
    ...                                                  stance="criticise")
    >>> g1 = dict(base, evidence=ev, lead="DEU", count=39, stance="criticise"); g2 = dict(base, evidence=ev)
    >>> [(w["lead"], g and g["lead"]) for w, g in match_acts(text, [w1, w2], [g1, g2])]
    [('CUB', 'CUB'), ('DEU', 'DEU')]
    """
    spans = [_anchor_span(text, w["anchor"], file) for w in wanted]
    options = [[g for g in got if g["kind"] == w["kind"] and _covers(g, span)] for w, span in zip(wanted, spans)]

    best, best_key = None, None

    def search(i: int, used: list, chosen: list):
        nonlocal best, best_key
        if i == len(wanted):
            key = (sum(c is not None for c in chosen),
                   sum(sum(field_checks(w, c).values()) for w, c in zip(wanted, chosen) if c is not None))
            if best_key is None or key > best_key:
                best, best_key = list(chosen), key
            return
        for g in options[i]:
            if not any(g is u for u in used):
                search(i + 1, used + [g], chosen + [g])
        search(i + 1, used, chosen + [None])

    search(0, [], [])
    return list(zip(wanted, best))


def act_states(act: dict) -> list[str]:
    """Every state an extracted act reports, once per role it plays (members, lead, target, voters)."""
    states = list(dict.fromkeys(act["members"] + [s for s in (act["lead"], act["target"]) if s]))
    for codes in (act["positions"] or {}).values():
        states += [c for c in codes if c not in states]
    return states


def score_fields(path: Path, extract=None, doc: dict | None = None) -> dict:
    """Score one text of the dev or test set: acts found, the seven fields, state precision, bystanders.

    ``extract(path, published, lang)`` is called unless ``doc`` (an extraction as JSON) is given.
    """
    want = expected(path)
    text = path.read_text(encoding="utf-8")
    doc = doc if doc is not None else _extract(path, extract, want)
    pairs = match_acts(text, want["acts"], doc["acts"], file=path)
    fields = {f: [0, 0] for f in FIELDS}
    secondary = [0, 0]
    for w, g in pairs:
        if g is None:
            continue
        for f, ok in field_checks(w, g).items():
            fields[f][0] += ok
            fields[f][1] += 1
        if w.get("members"):
            secondary[0] += set(w["members"]) <= set(g["members"])
            secondary[1] += 1
        if w.get("positions"):
            secondary[0] += all(set(v) <= set((g["positions"] or {}).get(k, [])) for k, v in w["positions"].items())
            secondary[1] += 1
    reported = [(a["id"], s) for a in doc["acts"] for s in act_states(a)]
    unnamed = sorted({s for _, s in reported if s not in want["named_states"]})
    bystanders = sorted({s for a in doc["acts"] for s in act_states(a) if s in want.get("bystanders", ()) and s != a["target"]})
    matched = [g for _, g in pairs if g is not None]
    return {"expected": len(pairs), "found": len(matched), "fields": fields, "secondary": secondary,
            "states_reported": len(reported), "states_named": sum(s in want["named_states"] for _, s in reported),
            "unnamed": unnamed, "bystanders": bystanders,
            "extra": [a for a in doc["acts"] if not any(a is g for g in matched)], "pairs": pairs, "doc": doc}


def totals(scores: list[dict]) -> dict:
    """Sum the figures of :func:`score_fields` over texts."""
    out = {"texts": len(scores), "expected": 0, "found": 0, "fields": {f: [0, 0] for f in FIELDS},
           "secondary": [0, 0], "states_reported": 0, "states_named": 0, "bystanders": 0, "extra": 0}
    for s in scores:
        for k in ("expected", "found", "states_reported", "states_named"):
            out[k] += s[k]
        for f in FIELDS:
            out["fields"][f][0] += s["fields"][f][0]
            out["fields"][f][1] += s["fields"][f][1]
        out["secondary"][0] += s["secondary"][0]
        out["secondary"][1] += s["secondary"][1]
        out["bystanders"] += len(s["bystanders"])
        out["extra"] += len(s["extra"])
    out["fields_right"] = sum(v[0] for v in out["fields"].values())
    out["fields_all"] = sum(v[1] for v in out["fields"].values())
    return out


def check_answer_file(path: Path, topic_slugs: set[str]) -> list[str]:
    """Problems with a dev/test answer file (anchors, states, topics, fields), without running the extractor."""
    want, text = expected(path), path.read_text(encoding="utf-8")
    problems = []
    keys = {"anchor", "kind", "date", "forum", "topics", "target", "stance", "count", "count_qualifier", "tally", "lead", "members"}
    for act in want["acts"]:
        if not keys <= set(act):
            problems.append(f"act {act.get('anchor')!r} lacks {sorted(keys - set(act))}")
            continue
        try:
            _anchor_span(text, act["anchor"], path.name)
        except ValueError as exc:
            problems.append(str(exc))
        states = set(act["members"]) | {act["target"], act["lead"]} - {None}
        for codes in (act.get("positions") or {}).values():
            states |= set(codes)
        if states - set(want["named_states"]):
            problems.append(f"act {act['anchor']!r}: states {sorted(states - set(want['named_states']))} not in named_states")
        if not act["topics"] or set(act["topics"]) - topic_slugs:
            problems.append(f"act {act['anchor']!r}: topics {act['topics']} must be slugs of data/topics.ttl")
        if act["kind"] == "vote" and act["count"] is not None:
            problems.append(f"act {act['anchor']!r}: a vote has a tally, not a count")
    return problems
