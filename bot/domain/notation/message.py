"""A message as a whole: which lines make one entry, and which date each entry gets.

``bot.domain.notation.parse`` reads each line (split at line breaks and ``;``) into a
``Line``; this module puts them together:

- a line with a name and sets is an entry; a line of sets alone continues the entry
  above it (``squat 100x5; 110x3``) or belongs to the name on the line above it
  (``Face pull`` / ``5x12 @ 25``);
- a line with a name the catalogue does not know and no sets under it is a header
  (``Push day``, ``Monday - legs``, ``Week 3 Day 2``); its words go to the note of the
  next entry, or of the last one when nothing follows; a known exercise with no sets
  is refused;
- dates: a line holding only a date dates the lines below it; when the message names
  one date only (written once or more, anywhere), it dates every entry; when it names
  several, an entry takes its own date or the one above it, and an entry with neither
  is refused, asking which day it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

from bot.domain.models import Exercise, LogEntry, Reading, SetRecord, Unit
from bot.domain.notation.amounts import MAX_SETS, fail
from bot.domain.notation.dates import Found, day_label
from bot.domain.notation.echo import entry_to_text
from bot.domain.notation.readings import (
    MAX_PLAUSIBLE_SETS,
    Alternative,
    entry_alternative,
    settle,
)

__all__ = ["Line", "assemble_message"]


class Line(NamedTuple):
    """One line of a message as read: ``exercise`` None for sets alone, headers and dates.

    ``flags`` are the ambiguities the grammar met and ``rerun`` reads the line again
    with one of them the other way (see ``bot.domain.notation.readings``); ``label`` is
    the text of a name written without sets, kept for a note if it turns out a header.
    """

    raw: str
    exercise: Exercise | None = None
    sets: tuple[SetRecord, ...] = ()
    on: Found | None = None
    notes: tuple[str, ...] = ()
    pr: bool = False
    flags: tuple[str, ...] = ()
    rerun: Callable[[str], tuple[SetRecord, ...] | None] | None = None
    label: tuple[str, ...] = ()
    doubt: bool = False


class LineError(Exception):
    """A message-level refusal that names its line."""

    def __init__(self, raw: str, error: str, hint: str, example: str) -> None:
        super().__init__(error)
        self.raw, self.error, self.hint, self.example = raw, error, hint, example


@dataclass(slots=True)
class _Draft:
    exercise: Exercise
    heading: Found | None
    texts: list[str] = field(default_factory=list)
    sets: list[SetRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pr: bool = False
    on: Found | None = None
    alternative: tuple[int, int, Alternative] | None = None  # (start, length, other)
    doubt: bool = False  # numbers that may be implausible as read

    def add(self, line: Line, unit: Unit) -> None:
        if line.on is not None:
            if self.on is not None and self.on[0] != line.on[0]:
                raise LineError(line.raw, f"That names a second date ({line.on[0].isoformat()})"
                                f" for {self.exercise.name}.", "Give one exercise one date.",
                                "squat 100x5 yesterday; 110x3")
            self.on = line.on
        sets = line.sets
        if line.flags and line.rerun is not None:
            sets, alternative = settle(self.exercise, sets, line.flags, line.rerun, unit)
            if alternative is not None and self.alternative is None:
                self.alternative = (len(self.sets), len(sets), alternative)
        self.texts.append(line.raw)
        self.sets.extend(sets)
        self.notes.extend(line.notes)
        self.pr = self.pr or line.pr
        self.doubt = self.doubt or line.doubt
        if len(self.sets) > MAX_SETS:
            raise LineError(line.raw, f"That makes {len(self.sets)} sets of "
                            f"{self.exercise.name}; I log at most {MAX_SETS} per entry.",
                            "Send the rest in a second log.", "squat 5x5 @100kg")


def assemble_message(lines: list[Line], unit: Unit, today: date) -> tuple[LogEntry, ...]:
    """The entries of a message's lines (see the module notes)."""
    drafts: list[_Draft] = []
    pending: Line | None = None  # a name waiting for its sets
    current: _Draft | None = None  # the entry sets alone go on
    heading: Found | None = None
    heading_line = ""
    heading_used = True
    header_notes: list[str] = []
    dates: list[Found] = []
    for line in lines:
        if line.on is not None:
            dates.append(line.on)
        if line.exercise is not None or (line.sets and pending is not None):
            if line.exercise is not None:
                header_notes.extend(_close(pending, drafts))
            name_line, pending = (line, None) if line.exercise is not None else (pending, None)
            assert name_line is not None and name_line.exercise is not None
            if not line.sets:
                pending, current = line, None
                continue
            current = _Draft(name_line.exercise, heading, notes=header_notes)
            header_notes = []
            if name_line is not line:
                current.add(name_line, unit)
            current.add(line, unit)
            drafts.append(current)
            heading_used = True
        elif line.sets:
            if current is None:
                raise LineError(line.raw, "I couldn't find the exercise name in that line.",
                                "Start the line with the exercise, then write the sets.",
                                "squat 5x5 @100kg rir2")
            current.add(line, unit)
        else:
            header_notes.extend(_close(pending, drafts))
            pending, current = None, None
            if line.on is not None:
                heading, heading_line, heading_used = line.on, line.raw, False
            header_notes.extend(line.notes)
    header_notes.extend(_close(pending, drafts, final=True))
    if not drafts:
        if dates and not heading_used:
            _no_exercise_after(heading_line)
        fail("I found no exercise in that message.",
             "Start each line with the exercise name, then the sets.", "squat 5x5 @100kg rir2")
    drafts[-1].notes.extend(header_notes)
    whens = _dates(drafts, dates, heading_used, heading_line)
    return tuple(_entry(d, on, unit, today) for d, on in zip(drafts, whens, strict=True))


def _close(pending: Line | None, drafts: list[_Draft], final: bool = False) -> list[str]:
    """A name that got no sets: a header (its words for a note), or a refusal."""
    if pending is None:
        return []
    assert pending.exercise is not None
    if pending.exercise.custom and (drafts or not final):
        return [*pending.label, *pending.notes]
    raise LineError(pending.raw, f'I found "{pending.exercise.name}" but no sets.',
                    "After the exercise, write sets x reps (3x8) or load x reps (100x5), on "
                    "its line or the line below.", "squat 5x5 @100kg rir2")


def _no_exercise_after(heading_line: str) -> None:
    fail(f'"{heading_line}" gives a date, but no exercise follows it.',
         "Put the date on the exercise's line, or the exercises on the lines below it.",
         "squat 5x5 @100kg yesterday")


def _dates(
    drafts: list[_Draft], dates: list[Found], heading_used: bool, heading_line: str
) -> list[Found | None]:
    distinct = {found[0] for found in dates}
    if len(distinct) <= 1:
        one = next((f for f in dates if f[1] is not None), dates[0] if dates else None)
        return [one] * len(drafts)
    if not heading_used:
        _no_exercise_after(heading_line)
    out: list[Found | None] = []
    for draft in drafts:
        when = draft.on or draft.heading
        if when is None:
            days = ", ".join(sorted(d.isoformat() for d in distinct))
            raise LineError(draft.texts[0], f"This message names more than one date ({days}), "
                            f"and {draft.exercise.name} has none: which day was it?",
                            "Give that exercise its own date, or put each day's date on a line "
                            "above its exercises.", "mon\nsquat 5x5 @100kg\ntue\nbench 3x8 @80kg")
        out.append(when)
    return out


def _entry(draft: _Draft, on: Found | None, unit: Unit, today: date) -> LogEntry:
    entry = LogEntry(
        exercise=draft.exercise,
        sets=tuple(draft.sets),
        performed_on=on[0] if on is not None else None,
        text="\n".join(draft.texts),
        note="; ".join(dict.fromkeys(n for n in draft.notes if n)),
        pr=draft.pr,
    )
    question = _sets_question(draft, entry, unit)
    if question is None and on is not None and on[1] is not None:
        other = replace(entry, performed_on=on[1])
        question = Reading(day_label(on[0], today), day_label(on[1], today),
                           entry_to_text(other, unit))
    return replace(entry, question=question) if question is not None else entry


def _sets_question(draft: _Draft, entry: LogEntry, unit: Unit) -> Reading | None:
    if draft.alternative is not None:
        start, length, alt = draft.alternative
        sets = entry.sets[:start] + alt.sets + entry.sets[start + length:]
    elif draft.doubt or len(entry.sets) > MAX_PLAUSIBLE_SETS:
        found = entry_alternative(entry.exercise, entry.sets, unit)
        if found is None:
            return None
        alt, sets = found, found.sets
    else:
        return None
    return Reading(alt.chosen, alt.other, entry_to_text(replace(entry, sets=sets), unit))
