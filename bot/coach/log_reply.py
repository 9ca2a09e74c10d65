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
from dataclasses import replace
from datetime import date

from bot.coach.log_advice import SessionAdvice
from bot.coach.log_reading import Question
from bot.coach.replies import Choice, literal
from bot.domain.catalogue import Catalogue
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
    unit: Unit, today: date, base: Catalogue,
) -> list[str]:
    """Each entry as read (with its day when the message spans several), its note, the
    line for an exercise new to the coach, and the advice under it."""
    several = len({e.local_date for e in fresh}) > 1
    lines: list[str] = []
    for saved, entry in zip(fresh, parsed, strict=True):
        # The day and the note are said here, once each, rather than inside the echo.
        shown = replace(entry, exercise=saved.exercise, performed_on=None, note="")
        echo = f"**{describe_entry(shown, unit)}**"
        if several and saved.local_date != today:
            echo = f"{day_text(saved.local_date, today)}: {echo}"
        lines.append(echo)
        note = note_line(saved.note, saved.pr)
        if note is not None:
            lines.append(note)
        if saved.exercise.tier is None:
            lines.append(unknown_exercise_line(saved.exercise))
        lines.extend(said.under.get(saved.entry_id, ()))
    return lines


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
