"""The result of an extraction: acts with their evidence, as objects and as JSON.

The JSON form follows ``schema.json`` (beside this module), documented in the
README section "Extracting facts from text". :func:`validate_json` checks a
document against it with ``jsonschema``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

__all__ = ["Evidence", "Act", "Extraction", "SCHEMA_FILE", "load_schema", "validate_json", "KINDS", "STANCES"]

SCHEMA_FILE = Path(__file__).with_name("schema.json")
KINDS = ("joint_statement", "joint_letter", "open_letter", "vote", "statement", "call", "mechanism")
STANCES = ("support", "criticise", "reject")


@dataclass
class Evidence:
    """A sentence of the text and its character offsets (``text == source[start:end]``)."""

    text: str
    start: int
    end: int


@dataclass
class Act:
    """One alignment act found in a text (see the JSON schema for each field)."""

    id: str
    kind: str
    forum: str | None = None
    date: str | None = None
    date_precision: str | None = None
    topics: list[str] = field(default_factory=list)
    target: str | None = None
    stance: str | None = None
    count: int | None = None
    count_qualifier: str | None = None
    tally: dict | None = None
    lead: str | None = None
    members: list[str] = field(default_factory=list)
    positions: dict | None = None
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The act as a JSON object, keys in schema order."""
        return {
            "id": self.id, "kind": self.kind, "forum": self.forum, "date": self.date,
            "date_precision": self.date_precision, "topics": list(self.topics), "target": self.target,
            "stance": self.stance, "count": self.count, "count_qualifier": self.count_qualifier,
            "tally": self.tally, "lead": self.lead, "members": list(self.members),
            "positions": self.positions, "confidence": round(self.confidence, 2),
            "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in self.evidence],
        }


@dataclass
class Extraction:
    """All acts found in one text."""

    source: str
    published: str
    lang: str
    acts: list[Act] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The extraction as the JSON document of ``schema.json``.

        Examples
        --------
        >>> doc = Extraction("a.txt", "2020-09-10", "fr", [Act("a1", "statement", target="CHN", stance="reject",
        ...     members=["CHN"], evidence=[Evidence("Pékin rejette.", 0, 14)])]).to_dict()
        >>> validate_json(doc)
        >>> doc["acts"][0]["stance"], doc["acts"][0]["evidence"][0]["end"]
        ('reject', 14)
        """
        return {"source": self.source, "published": self.published, "lang": self.lang,
                "acts": [a.to_dict() for a in self.acts]}

    def to_json(self) -> str:
        """The JSON document, indented, non-ASCII kept."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def load_schema() -> dict:
    """The JSON Schema of an extraction document."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def validate_json(doc: dict, *, file=None) -> None:
    """Raise :class:`InputError` when ``doc`` does not follow the schema.

    Examples
    --------
    >>> validate_json({"source": "a.txt", "published": "2020-09-10", "lang": "de", "acts": []})
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: extraction does not follow the schema at lang: 'de' is not one of ['fr', 'en'] — see README, "Extracting facts from text"
    """
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(load_schema()).iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.path) or "(top)"
        raise InputError(f"extraction does not follow the schema at {where}: {err.message}", file=file,
                         hint='see README, "Extracting facts from text"')
