"""The line a log's reply adds when a deload looks due (see bot.domain.figures.deload)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from bot.domain.figures.deload import FALLING_SESSIONS, in_deload, w1_week
from bot.domain.figures.next_session import falling_sessions, sessions_of
from bot.domain.models import Profile, StoredEntry


def deload_due(
    fresh: Sequence[StoredEntry], history: Sequence[StoredEntry], profile: Profile, w1: bool
) -> str | None:
    """A line when a deload looks due: W1 now and in the week before, or a lift's e1RM
    falling three sessions running; nothing during a deload."""
    day = max(e.local_date for e in fresh)
    pool = [*history, *fresh]
    if in_deload(profile, pool, day):
        return None
    signs: list[str] = []
    if w1 and w1_week(pool, day - timedelta(days=7)):
        signs.append("a lot of failure work two weeks running (W1)")
    for name, key in dict.fromkeys((e.exercise.name, e.exercise.key) for e in fresh
                                   if e.exercise.tier in ("A", "B")):
        sessions = sessions_of([e for e in pool if e.exercise.key == key], day)
        if falling_sessions(sessions) >= FALLING_SESSIONS:
            signs.append(f"your {name} e1RM fell {FALLING_SESSIONS} sessions running")
    if not signs:
        return None
    return (f"A deload may be due: {'; '.join(signs)}. `/deload on` gives you a lighter "
            "week with the push-harder advice quiet.")
