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
    date_first: bool = False  # the line opens with its date


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
                            "Log the rest as a second entry: the exercise name again, on a "
                            "line of its own.", "squat 5x5 @100kg")


def assemble_message(lines: list[Line], unit: Unit, today: date) -> tuple[LogEntry, ...]:
    """The entries of a message's lines (see the module notes)."""
    assembly = _Assembly(unit)
    for line in lines:
        assembly.add(line)
    drafts, dates = assembly.finish()
    whens = _dates(drafts, dates, assembly.heading_used, assembly.heading_line)
    return tuple(_entry(d, on, unit, today) for d, on in zip(drafts, whens, strict=True))


class _Assembly:
    """The lines of a message going into drafts of entries, in order."""

    def __init__(self, unit: Unit) -> None:
        self.unit: Unit = unit
        self.drafts: list[_Draft] = []
        self.pending: Line | None = None  # a name waiting for its sets
        self.current: _Draft | None = None  # the entry that sets alone go on
        self.heading: Found | None = None
        self.heading_line = ""
        self.heading_used = True
        self.header_notes: list[str] = []
        self.dates: list[Found] = []

    def add(self, line: Line) -> None:
        if line.on is not None and (line.sets or line.exercise is None):
            self.dates.append(line.on)  # a name's own date counts once it is settled
        if line.exercise is not None:
            self._close()
            if line.sets:
                self._start(line, line)
            else:
                self.pending, self.current = line, None
        elif line.sets and self.pending is not None:
            name_line, self.pending = self.pending, None
            if name_line.on is not None:
                self.dates.append(name_line.on)
            self._start(name_line, line)
        elif line.sets:
            if self.current is None:
                raise LineError(line.raw, "I couldn't find the exercise name in that line.",
                                "Start the line with the exercise, then write the sets.",
                                "squat 5x5 @100kg rir2")
            self.current.add(line, self.unit)
        else:
            self._close()
            self.current = None
            if line.on is not None:
                self._set_heading(line)
            self.header_notes.extend(line.notes)

    def _start(self, name_line: Line, line: Line) -> None:
        assert name_line.exercise is not None
        self.current = _Draft(name_line.exercise, self.heading, notes=self.header_notes)
        self.header_notes = []
        if name_line is not line:
            self.current.add(name_line, self.unit)
        self.current.add(line, self.unit)
        self.drafts.append(self.current)
        self.heading_used = True

    def _set_heading(self, line: Line) -> None:
        self.heading, self.heading_line, self.heading_used = line.on, line.raw, False

    def _close(self, final: bool = False) -> None:
        """A name that got no sets: a header (its words for a note), or a refusal. A date
        opening a header (``Monday legs``) dates the lines below; one inside its words
        (``felt great today``) is part of the words."""
        pending, self.pending = self.pending, None
        if pending is None:
            return
        assert pending.exercise is not None
        if not pending.exercise.custom or (final and not self.drafts):
            raise LineError(pending.raw, f'I found "{pending.exercise.name}" but no sets.',
                            "After the exercise, write sets x reps (3x8) or load x reps "
                            "(100x5), on its line or the line below.", "squat 5x5 @100kg rir2")
        if pending.on is not None and pending.date_first:
            self.dates.append(pending.on)
            self._set_heading(pending)
        self.header_notes.extend([*pending.label, *pending.notes])

    def finish(self) -> tuple[list[_Draft], list[Found]]:
        self._close(final=True)
        if not self.drafts:
            if self.dates and not self.heading_used:
                _no_exercise_after(self.heading_line)
            fail("I found no exercise in that message.",
                 "Start each line with the exercise name, then the sets.",
                 "squat 5x5 @100kg rir2")
        self.drafts[-1].notes.extend(self.header_notes)
        return self.drafts, self.dates


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
