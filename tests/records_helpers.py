"""Build PositionRecord literals for tests without an RDF graph."""
from __future__ import annotations

import datetime as dt

from graphkit.sources.curated.records import PositionRecord

ACT = "https://w3id.org/graphkit/id/act/"
OCCASION = "https://w3id.org/graphkit/id/occasion/"


def rec(act_id: str, state: str, stance: str, side, *, date="2020-01-01", kind="JointStatement",
        target="TGT", forum="https://w3id.org/graphkit/id/org/un-hrc", topics=("t",), is_state=True,
        roles=("signatory",), occasion: str | None = None) -> PositionRecord:
    """One position record with sensible defaults."""
    return PositionRecord(
        act=ACT + act_id, act_id=act_id, act_label=f"Act {act_id}", kind=kind,
        date=dt.date.fromisoformat(date) if date else None, precision="day",
        forum=forum, forum_label="Human Rights Council", topics=tuple(topics), target=target,
        participant=state, participant_label=f"State {state}", is_state=is_state, stance=stance,
        roles=tuple(roles), side=side,
        occasion=OCCASION + occasion if occasion else None, occasion_label=f"Occasion {occasion}" if occasion else None)
