"""What the coach says about a logged message: the advice for the session as a whole.

The logbook stores the entries and echoes each one; this module decides what is
said about them. It returns lines for under each entry and the items for the
message, so the log reply is assembled in one place (``bot.coach.logbook``) and
the choice of advice in another.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.domain.advice import advise
from bot.domain.models import Profile, Soreness, StoredEntry


@dataclass(frozen=True)
class SessionAdvice:
    """Lines under each entry (by entry id), the message's advice items, closing lines."""

    under: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    items: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()


def session_advice(
    fresh: Sequence[StoredEntry],
    older: Sequence[StoredEntry],
    profile: Profile,
    soreness: Sequence[Soreness],
    now: datetime,
) -> SessionAdvice:
    """Advice for the entries just stored (``fresh``), given the lifter's ``older`` ones."""
    under: dict[int, tuple[str, ...]] = {}
    rule_ids: list[str] = []
    for saved in fresh:
        others = [*older, *(f for f in fresh if f.entry_id != saved.entry_id)]
        advice = advise(saved, others, profile, soreness, now)
        lines = [f"[{item.rule_id}] {item.text}" for item in advice.items]
        rule_ids.extend(i.rule_id for i in advice.items if i.rule_id not in rule_ids)
        if not advice.items and advice.fit_note and saved.exercise.tier is not None:
            lines.append(advice.fit_note)
        under[saved.entry_id] = tuple(lines)
    return SessionAdvice(under=under, rule_ids=tuple(rule_ids))
