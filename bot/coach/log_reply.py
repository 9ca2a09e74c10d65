"""The reply to a stored log, assembled in one place.

From the top: the questions (another plausible reading, a name read as a catalogue
lift, pounds rather than kg), so none can be missed; then each entry as read, with
its note and the lines about it; then the advice for the session. The title says the
date once when every entry is on one day that is not today; entries on different
days each say theirs. Each question comes with its one step as a :class:`Choice`: a
button in Discord, one short line to type in the console (``/other 1``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from bot.coach.log_advice import SessionAdvice
from bot.coach.log_reading import Question
from bot.coach.replies import Choice, literal
from bot.domain.advice import names_text
from bot.domain.models import Exercise, LogEntry, StoredEntry, Unit
from bot.domain.notation import describe_entry as plain_description

_PR_WORD = re.compile(r"\bPRs?\b|personal (?:best|record)", re.IGNORECASE)


def day_text(day: date, today: date) -> str:
    """``Wed 18 Nov``, with the year when it is not this year's."""
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


def describe_entry(entry: LogEntry, unit: Unit) -> str:
    """The reading of an entry, safe to show: it may hold a lifter's own exercise name."""
    return literal(plain_description(entry, unit))


def note_line(note: str, pr: bool) -> str | None:
    """The lifter's note echoed under its entry, and their PR mark (once)."""
    parts = [f"Note: {literal(note)}"] if note else []
    if pr and not _PR_WORD.search(note):
        parts.append("marked as a PR")
    return " · ".join(parts) or None


def log_title(stored: Sequence[StoredEntry], today: date) -> str:
    """``Logged back squat``, ``Logged 3 exercises · Wed 18 Nov`` (a day not today)."""
    title = (f"Logged {literal(stored[0].exercise.name)}" if len(stored) == 1
             else f"Logged {len(stored)} exercises")
    days = {e.local_date for e in stored}
    if len(days) == 1 and today not in days:
        title += f" · {day_text(next(iter(days)), today)}"
    return title


def entry_lines(
    fresh: Sequence[StoredEntry], parsed: Sequence[LogEntry], said: SessionAdvice,
    unit: Unit, today: date, room: int,
) -> list[str]:
    """Each entry as read (with its day when the message spans several), its note, the
    line for an exercise new to the coach, and the advice under it; within ``room``
    characters as far as the lines under entries go (see :func:`_within`)."""
    several = len({e.local_date for e in fresh}) > 1
    blocks: list[_Block] = []
    for saved, entry in zip(fresh, parsed, strict=True):
        # The day and the note are said here, once each, rather than inside the echo.
        shown = replace(entry, exercise=saved.exercise, performed_on=None, note="")
        echo = f"**{describe_entry(shown, unit)}**"
        if several and saved.local_date != today:
            echo = f"{day_text(saved.local_date, today)}: {echo}"
        own = [echo]
        note = note_line(saved.note, saved.pr)
        if note is not None:
            own.append(note)
        if saved.exercise.tier is None:
            own.append(unknown_exercise_line(saved.exercise))
        blocks.append(_Block(literal(saved.exercise.name), own,
                             list(said.under.get(saved.entry_id, ()))))
    return _within(blocks, room)


@dataclass
class _Block:
    """One entry's lines: its own (always shown) and those under it (bests, next time)."""

    name: str
    own: list[str]
    under: list[str]


def _chars(lines: Sequence[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def _within(blocks: Sequence[_Block], room: int) -> list[str]:
    """Every entry's own lines; the lines under the last entries left out, whole, while
    the rest would pass ``room``, and those entries named in one closing line."""
    total = sum(_chars(b.own) + _chars(b.under) for b in blocks)
    dropped: list[_Block] = []
    for block in reversed(blocks):
        if total + len(_also(dropped)) <= room:
            break
        if block.under:
            total -= _chars(block.under)
            dropped.insert(0, block)
    lines = [line for b in blocks for line in (b.own if b in dropped else b.own + b.under)]
    return lines + ([_also(dropped, len(dropped) == len(blocks))] if dropped else [])


def _also(dropped: Sequence[_Block], every: bool = False) -> str:
    if not dropped:
        return ""
    names = ("every entry" if every
             else names_text(list(dict.fromkeys(b.name for b in dropped))))
    return (f"Also: the notes under {names} (bests, next time) are left out to keep this "
            "reply short; /stats EXERCISE shows an exercise's bests.")


def unknown_exercise_line(exercise: Exercise) -> str:
    """Under an exercise new to the coach: how to give it a tier (lifts near its name,
    if any, are offered at the top of the reply)."""
    name = literal(exercise.name)
    return (f"'{name}' is new to me, so I saved it as your own exercise. "
            f"Set its tier for advice: /exercise {name} tier:B")


def choices(questions: Sequence[Question], offer_ids: Sequence[int]) -> tuple[Choice, ...]:
    """One choice per question, named by its stored offer (a button, or a typed line)."""
    return tuple(
        Choice(offer_id, q.label)
        for q, offer_id in zip(questions, offer_ids, strict=True)
    )
