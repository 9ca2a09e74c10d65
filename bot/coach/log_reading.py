"""How a log message becomes what is stored, and what the reply must ask about it.

This runs inside the storage's one trip (see ``Storage.log_entries``): it reads the
text with the lifter's unit and date order, stores a close spelling of a catalogue
lift under that lift (``sqaut`` is the back squat) instead of creating an exercise of
the lifter's own, and collects the questions the reply states at its top, each with
the one step that takes the other reading (an offer stored beside the entries).

A pressed offer comes back here as a :class:`Replacing`: the entries it names are
replaced in the same transaction by the other reading, on the dates they had.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.coach import log_questions
from bot.coach.replies import literal
from bot.domain import limits
from bot.domain.catalogue import Catalogue, kinds_in, normalize, slugify
from bot.domain.limits import MAX_OWN_EXERCISES
from bot.domain.models import Exercise, LogEntry, ParseError, Profile, StoredEntry, Unit
from bot.domain.notation import parse_log
from bot.domain.sessions import session_to_join
from bot.storage.contract import LogContext, LogWrite, NewEntry
from bot.storage.log_types import NewOffer, Offer, OfferKind

MAX_LIFTS = 3  # catalogue lifts offered for a name new to the coach

# Where a name written before the sets ends: the first word with a digit, or notation.
_NOT_NAME = re.compile(r"\d|^[@+]|^(?:x|wu|w|warmup|f|fail|amrap|rir|rpe)$", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    """Something the reply states at its top so it cannot be missed, with its one step.

    ``entries`` are positions in the message's entries; ``label`` names the other
    reading in a few words (a button's text); ``line`` is what the offer stores (see
    :class:`bot.storage.log_types.Offer`). Several choices for one thing (which lift a
    new name is) share one ``says``: the first carries it, the others say nothing.
    """

    kind: OfferKind
    entries: tuple[int, ...]
    says: str
    label: str
    line: str


@dataclass(frozen=True)
class Replacing:
    """A log that replaces stored entries: the offer pressed."""

    offer: Offer


@dataclass(frozen=True)
class ReadLog:
    """What the plan read: the parse (or why it failed), the entries as they are stored
    (close spellings already on the catalogue lift), the questions, the lifter's today."""

    result: tuple[LogEntry, ...] | ParseError
    catalogue: Catalogue
    questions: tuple[Question, ...] = ()
    today: date | None = None
    unit: Unit = "kg"
    stale: bool = False  # a replacing log whose entries are no longer all there


def read_log(
    text: str, context: LogContext, base: Catalogue, now: datetime,
    replacing: Replacing | None = None,
) -> ReadLog:
    """Parse ``text`` against the lifter's context; settle names; collect questions."""
    profile = context.profile or Profile()
    today = now.astimezone(ZoneInfo(profile.timezone)).date()
    catalogue = base.with_custom(context.customs)
    kind = replacing.offer.kind if replacing is not None else None
    if replacing is not None and len(context.replaced) != len(replacing.offer.entry_ids):
        return ReadLog(ParseError("gone", ""), catalogue, today=today, stale=True)
    unit: Unit = "lb" if kind == "pounds" else profile.unit
    if kind == "own":
        assert replacing is not None
        own = _own_exercise(replacing.offer.line, context)
        entries = tuple(_as_log_entry(e, own) for e in context.replaced)
        return ReadLog(entries, catalogue.with_custom((own,)), today=today, unit=unit)
    result = parse_log(text, catalogue, unit=unit, today=today,
                       date_order=context.prefs.date_order)
    if not isinstance(result, tuple):
        return ReadLog(result, catalogue, today=today, unit=unit)
    known = {c.key for c in context.customs}
    too_long = _too_long_name(result, known)
    if too_long is not None:
        return ReadLog(too_long, catalogue, today=today, unit=unit)
    settled: list[LogEntry] = []
    questions: list[Question] = []
    for i, entry in enumerate(result):
        near = _near_miss(entry, catalogue, known)
        if near is not None:
            entry, written = near
            questions.append(_own_question(i, written, entry.exercise))
        elif entry.exercise.custom and entry.exercise.key not in known:
            questions.extend(_lift_questions(i, entry.exercise, catalogue))
        settled.append(entry)
    new_own = {e.exercise.key for e in settled if e.exercise.custom and e.exercise.key not in known}
    if new_own and len(known) + len(new_own) > MAX_OWN_EXERCISES:
        return ReadLog(_too_many_own(len(known), new_own), catalogue, today=today, unit=unit)
    checked, pounds = log_questions.with_load_questions(settled, context, unit)
    questions.extend(_reading_question(i, e) for i, e in enumerate(checked)
                     if e.question is not None)
    if pounds:
        questions.insert(0, Question(
            "pounds", tuple(range(len(checked))),
            log_questions.unit_question_says(checked, pounds), log_questions.POUNDS_LABEL,
            text))
    return ReadLog(checked, catalogue, tuple(questions), today, unit)


def _too_long_name(entries: Sequence[LogEntry], known: set[str]) -> ParseError | None:
    """A new exercise of the lifter's own is held to the name length /exercise takes."""
    for entry in entries:
        name = entry.exercise.name
        if entry.exercise.custom and entry.exercise.key not in known and len(
                name) > limits.MAX_NAME:
            return ParseError(
                f"'{name[:40]}…' is too long for an exercise name.",
                f"Name a new exercise in at most {limits.MAX_NAME} characters, then the sets.",
                "zercher squat 3x8 @60kg")
    return None


def _too_many_own(mine: int, new: set[str]) -> ParseError:
    """A log that would take the lifter past the exercises of their own allowed."""
    return ParseError(
        error=f"You have {mine} exercises of your own, the most I keep is "
              f"{MAX_OWN_EXERCISES}, and this log names {len(new)} more I don't know.",
        hint="Write a catalogue lift's name (/help lists them), or merge an exercise of "
             "your own into one with /exercise NAME merge:LIFT to make room.",
        example="squat 3x5 @100")


def to_write(
    read: ReadLog, context: LogContext, now: datetime, source_ref: str | None,
    replacing: Replacing | None = None,
) -> LogWrite | None:
    """What to store for what was read (None: nothing, the reply says why)."""
    if not isinstance(read.result, tuple) or read.today is None:
        return None
    profile = context.profile or Profile()
    zone = ZoneInfo(profile.timezone)
    known = {c.key for c in context.customs}
    customs = list({e.exercise.key: e.exercise for e in read.result
                    if e.exercise.custom and e.exercise.key not in known}.values())
    if replacing is None:
        news = in_sessions([_new_entry(e, now, zone, read.today, source_ref)
                            for e in read.result], context.history)
        offers = [NewOffer(q.kind, q.entries, q.line) for q in read.questions]
        asked = any(q.kind == "pounds" for q in read.questions)
        return LogWrite(news, customs, offers=offers, unit_asked=asked)
    offer = replacing.offer
    news = _replacements(read.result, context.replaced, offer, now, zone, read.today)
    others = [e for e in context.history if e.entry_id not in offer.entry_ids]
    moved = in_sessions([n for n in news if n.session_id is None], others)
    news = [n if n.session_id is not None else moved.pop(0) for n in news]
    offers = [NewOffer(q.kind, q.entries, q.line) for q in read.questions]
    return LogWrite(news, customs, replaces=offer.entry_ids, offers=offers,
                    unit="lb" if offer.kind == "pounds" else None)


def _replacements(
    entries: Sequence[LogEntry], replaced: Sequence[StoredEntry], offer: Offer,
    now: datetime, zone: ZoneInfo, today: date,
) -> list[NewEntry]:
    """The other reading keeps the replaced entries' moments and sessions (by
    position), unless it names another day (a question about the date), and their
    log and message reference."""
    out = []
    for i, entry in enumerate(entries):
        old = replaced[min(i, len(replaced) - 1)]
        if offer.kind == "reading" and entry.performed_on not in (None, old.local_date):
            new = replace(_new_entry(entry, now, zone, today, offer.source_ref),
                          log_id=old.log_id)  # its session is found on its new day
        else:  # the replaced entry's moment, session and log
            new = NewEntry(entry.exercise, entry.sets, old.performed_at, old.local_date,
                           source_ref=offer.source_ref, note=entry.note, pr=entry.pr,
                           session_id=old.session_id, log_id=old.log_id)
        out.append(new)
    return out


def in_sessions(news: Sequence[NewEntry], history: Sequence[StoredEntry]) -> list[NewEntry]:
    """One message's entries in sessions (bot.domain.sessions): those on one day share
    one, the session of the lifter's entry close together with them, or a new one."""
    days = sorted({n.local_date for n in news})
    joined = {day: session_to_join(next(n.performed_at for n in news if n.local_date == day),
                                   day, history) for day in days}
    return [replace(n, session_id=joined[n.local_date], new_session=days.index(n.local_date))
            for n in news]


def _new_entry(
    entry: LogEntry, now: datetime, zone: ZoneInfo, today: date, source_ref: str | None
) -> NewEntry:
    """Today's entries at the moment of the log; a backdated one at the same local time
    on its own date, so the day's order of sessions is kept."""
    if entry.performed_on is None or entry.performed_on == today:
        return NewEntry(entry.exercise, entry.sets, now, today, source_ref=source_ref,
                        note=entry.note, pr=entry.pr)
    local_now = now.astimezone(zone)
    moment = datetime.combine(entry.performed_on, local_now.timetz()).astimezone(UTC)
    return NewEntry(entry.exercise, entry.sets, moment, entry.performed_on,
                    source_ref=source_ref, note=entry.note, pr=entry.pr)


def _as_log_entry(entry: StoredEntry, exercise: Exercise) -> LogEntry:
    return LogEntry(exercise=exercise, sets=entry.sets, performed_on=entry.local_date,
                    note=entry.note, pr=entry.pr)


def _own_exercise(name: str, context: LogContext) -> Exercise:
    key = slugify(name) or "-".join(name.split())
    mine = next((c for c in context.customs if c.key == key), None)
    return mine or Exercise(key=key, name=name, tier=None, custom=True)


def _near_miss(
    entry: LogEntry, catalogue: Catalogue, known: set[str]
) -> tuple[LogEntry, str] | None:
    """(the entry on the catalogue lift, the name as written) for a close spelling."""
    exercise = entry.exercise
    if exercise.custom:
        if exercise.key in known:
            return None  # an exercise of the lifter's own, named exactly
        close = catalogue.close_match(exercise.name)
        if close is None or close.custom:
            return None
        return replace(entry, exercise=close), exercise.name
    written = written_name(entry, catalogue)
    return None if written is None else (entry, written)


def written_name(entry: LogEntry, catalogue: Catalogue) -> str | None:
    """The name as the lifter wrote it, when it was read through a misspelling."""
    first = entry.text.splitlines()[0] if entry.text else ""
    words = first.split()
    runs = [words[:next((i for i, w in enumerate(words) if _NOT_NAME.search(w)), len(words))]]
    tail = next((i for i in range(len(words) - 1, -1, -1) if _NOT_NAME.search(words[i])), None)
    if tail is not None:
        runs.append(words[tail + 1:])
    for run in runs:
        for size in range(len(run), 0, -1):
            candidate = " ".join(run[:size])
            found = catalogue.lookup(candidate)
            if found.exercise is not None and found.exercise.key == entry.exercise.key:
                return candidate if found.corrected else None
    return None


def _own_question(position: int, written: str, lift: Exercise) -> Question:
    name = literal(written)
    return Question(
        "own", (position,),
        f"⚠ I read '{name}' as {literal(lift.name)}, a lift I know, and stored it so. "
        f"If '{name}' is an exercise of your own, keep it as yours (below).",
        f"Keep '{written}' as my own exercise", written)


def _lift_questions(position: int, own: Exercise, catalogue: Catalogue) -> list[Question]:
    """A name new to the coach is saved as the lifter's own exercise; when lifts in the
    catalogue come near it, each is one step away (the own exercise merged into it)."""
    tail = _lift_at_the_end(own.name, catalogue)
    near = [*([tail] if tail else []),
            *(e for e in catalogue.lookup(own.name).suggestions if not e.custom and e != tail)
            ][:MAX_LIFTS]
    name = literal(own.name)
    says = (f"⚠ Is '{name}' one of the lifts I know? Pick it (below) and its sets become "
            "that lift's; otherwise it stays your own exercise.")
    return [Question("lift", (position,), says if i == 0 else "", f"It is {lift.name}",
                     f"{own.name}\n{lift.name}") for i, lift in enumerate(near)]


def _lift_at_the_end(name: str, catalogue: Catalogue) -> Exercise | None:
    """The lift the name's last words name exactly (``legs squat``: the back squat), the
    likeliest meaning of a name with a heading in front; never past a word that names
    equipment (``hammer strength press`` is a machine, not the overhead press)."""
    words = name.split()
    for start in range(1, len(words)):
        if kinds_in(normalize(" ".join(words[:start]))):
            return None
        found = catalogue.lookup(" ".join(words[start:]))
        if found.exercise is not None and not found.corrected and not found.exercise.custom:
            return found.exercise
    return None


def _reading_question(position: int, entry: LogEntry) -> Question:
    assert entry.question is not None
    q = entry.question
    first = entry.text.splitlines()[0].strip() if entry.text else entry.exercise.name
    quoted = first.replace("`", "'")  # inert inside a code span; only a backtick ends it
    return Question(
        "reading", (position,),
        f"⚠ I read `{quoted}` as {literal(q.chosen)}. Meant {literal(q.other)}? (below)",
        f"Log it as {q.other}", q.line)
