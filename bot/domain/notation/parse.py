"""Read a lifter's log message into ``LogEntry`` values.

``parse_log`` is pure: the lifter's local date comes in as ``today``, nothing reads
the clock, and bad input never raises: it comes back as a ``ParseError`` saying what
was wrong, how to fix it, and an example line that works.

A message holds one exercise per line (or per ``;``), in the notation the README
documents ("Writing a log"); a name may stand on the line above its sets, and lines
of sets alone go on the exercise above them (``bot.domain.notation.message``). The
pieces: words and tokens in ``words`` and ``lexer``, the lifter's notes in ``notes``,
names in ``names``, dates in ``dates``, numbers in ``schemes``, words and markers in
``grammar``, the sets in ``assembly`` and ``records``, and the choice between two
plausible readings in ``readings`` (all in this package).

How ambiguous notation is read (each rule is tested in tests/domain):

================================  ===================================================
written                           read as
================================  ===================================================
``A x B``, A with unit or ``bw``  load A, B reps, one set (``100kg x 5``, ``bw x 8``)
``A x B``, plain A > 20 or with   load x reps (``100x5``, ``12.5x10``); ``A for B``
a decimal point                   is always load for reps (``curl 10 for 12``)
``A x B``, plain A from 11 to 20  load x reps, asking about A sets (``16 x 10``)
``A x B``, plain A <= 10          A sets of B reps (``5x5``); when B is above 50 see
                                  ``readings``: ``4x55`` on a loaded lift is 4 reps at
                                  55, asking; above 100 B is always the load
``A x B``, only B with a unit     A reps at load B, one set (``5 x 100kg``)
``A x B x C``                     load x reps x sets when A is a load by the rules
                                  above, else sets x reps x load when C is; else an
                                  error asking for a unit (``5x5x5``)
``A x 8,8,7``, ``A x 5/5/5``      A sets when A equals the count, else A is the load
``8,8,7``, ``5/5/5``, ``10 8 6``  one set per number, reps as written
``3x8 85,85,80``                  a list right after sets x reps, one number per set:
                                  the load of each set; ``3x10 @ 20,22.5,25`` too
``85,85,80x8``, ``415-435-455x2`` a ladder: one set at each load, the reps after x
``100kg 8, 105kg 9``              a load with a unit, then a number: one set at it
``3x10-12``, ``8-12 reps``        reps 10 and reps_max 12: both ends are kept
``3 sets of 8``, ``8 reps``       3 sets of 8; one set of 8 (``4 sets x 8 reps``,
                                  ``260x 5 reps x 3 sets`` too)
``50 push ups``                   a count before a known name: one set of 50 reps
a bare number beside sets         a load in the user's unit (``squat 100 5x5``)
bare numbers, no sets at all      a number above 30 (or with a decimal point) is the
                                  load of the numbers after it (``squat 100 8``);
                                  the rest are reps, one set each (``pull-ups 10 8``);
                                  a bare number above 30 at the end is refused
``60s``, ``45 sec``, ``1min``,    seconds; ``40m``, ``1km``: metres, never reps or a
``1:30``                          load (``plank 3x60s``, ``farmer walk 4x40m @32kg``)
``20s``                           a pair of 20s: the load per dumbbell (20) is stored;
                                  on holds and carries (plank, hang, walk...) seconds,
                                  and on holds ``1m`` is a minute
``@x``                            RPE x when 5 <= x <= 10 in 0.5 steps, with no unit
                                  and no ``x`` after it; otherwise a load (``@ 10,12``
                                  is a load per set); with no load on the line, tier D
                                  and own exercises ask whether x was the load
``bw+20``, ``+20kg``              bodyweight plus 20; ``bw-20`` is refused, but on an
                                  assisted lift any load is its help (bodyweight minus it)
``rir 1-2``, ``rpe 8-9``          rir 1, rir_max 2: a range keeps both ends
``rir 2,1,0``, ``rpe 8,9,10``     one value per set; the counts must match
``rir 2,5``                       an RIR list (2 and 5); but ``rpe 8,5``, ``@8,5``
                                  and ``102,5kg`` are decimals (8.5, 102.5 kg)
``f``, ``fail``, ``tf``, ``mmf``,  failure (RIR 0) on every set
``rir0``, ``rpe10``, ``@10``
``drop``, ``forced``, ``myo``...  beyond failure, on the last set only
``F+``                            forced reps on the last set
``5+``, ``3x5+``                  AMRAP on that set (the last of ``3x5+``)
``amrap``, ``max reps``           AMRAP on the last set
``1+: 4``                         4 reps, AMRAP ("1+ planned" goes to the note)
``test``, ``max``, ``1rm``,       a planned max on the last set of the group it
``opener``                        follows (``squat 1rm 180``: one rep at 180)
``last [N] [sets] <marker>``      the marker applies to the final N sets (default 1);
``<marker> on the last set``      so does a marker followed by "last"
``rp``                            refused: rest-pause or RPE? the lifter must say
``w``, ``wu``, ``warmup``         every set is a warm-up (but see groups below)
``- felt heavy``, ``(slow)``,     the note (``bot.domain.notation.notes``): words in
``// …``, ``"…"``, ``#…``, words  it are never read as dates, loads or sets; ``PR``,
after the sets, ``PR``, ``!!``    ``PB``, ``new pr`` also set LogEntry.pr
``A1.``, ``1b)``, ``5/3/1``       a label before the name: kept in the note
``mon`` ... ``sunday``            the most recent such day, today included;
                                  ``last mon`` means strictly before today
``yesterday``, ``2 days ago``,    that date; future dates and dates more than 366
``2026-11-25``, ``nov 20``        days back are refused
``20/11``, ``11/20``              day first (``date_order="dmy"``) or month first
                                  (``"mdy"``); a part above 12 is the day; when both
                                  could be either, the rule decides and the entry asks
one date in the message           dates every entry, wherever it is written; with
                                  several, a date on a line of its own dates the lines
                                  below it, a date in a line that line only
================================  ===================================================

Groups and markers: see ``bot.domain.notation.records``. Names (where a line's
exercise name ends, and what it resolves to): ``bot.domain.notation.names``.

Every reading the parser is not sure of is impossible to miss: the entry carries a
``question`` (``Reading``: the reading chosen, the other one, and the exact log line
that stores the other), never a silent guess. Questions that need the lifter's
history (a load far above their best, kg or lb) are asked by
``bot.domain.plausibility``.

Limits: 500 characters per message, 1-100 reps per set, 20 sets per entry, loads up
to 1000 kg, RIR 0-10, RPE 1-10.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from operator import itemgetter
from typing import Final, NamedTuple

from bot.domain.assistance import with_assistance_entry
from bot.domain.catalogue.lookup import Catalogue
from bot.domain.models import LogEntry, ParseError, SetRecord, Unit
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import MAX_CHARS, MAX_ENTRIES, Stop
from bot.domain.notation.dates import DateOrder, Found, take_dates, take_whole_dates
from bot.domain.notation.express import express_entry
from bot.domain.notation.grammar import LineGrammar
from bot.domain.notation.joined import split_joined, two_in_one
from bot.domain.notation.lexer import Token, normalize, split_segments, token_offset, tokenize
from bot.domain.notation.message import Line, LineError, assemble_message
from bot.domain.notation.names import (
    EXAMPLE_LINE,
    Leading,
    later_name,
    leading_marks,
    leading_name,
    resolve_exercise,
    timed_kind,
)
from bot.domain.notation.notes import Split, plain_note_start, split_note
from bot.domain.notation.quick import quick_sets
from bot.domain.notation.readings import doubtful
from bot.domain.notation.values import log_entry

__all__ = ["MAX_CHARS", "UNEXPECTED_ERROR", "parse_log"]

# Discord mentions (users, roles, channels, @everyone/@here): never a load or a name.
_MENTION: Final = re.compile(r"<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b", re.IGNORECASE)
# The answer of the last-resort safety net; tests check it is never reached.
UNEXPECTED_ERROR: Final = "Something in that message tripped me up."
_HEADER_WORDS: Final = frozenset(
    {"day", "week", "wk", "session", "workout", "cycle", "phase", "block", "program"}
)
_NOT_IN_HEADER: Final = frozenset(nt.UNIT_WORDS.keys() | nt.EFFORT_WORDS | nt.SETS_WORDS
                                  | nt.REPS_WORDS)


def parse_log(
    text: str,
    catalogue: Catalogue,
    *,
    unit: Unit = "kg",
    today: date,
    date_order: DateOrder = "dmy",
) -> tuple[LogEntry, ...] | ParseError:
    """Read every exercise in ``text``; a ParseError for the first line that fails.

    ``date_order`` says how numeric dates such as ``6/11`` are read: ``"dmy"`` (day
    first, the default) or ``"mdy"`` (month first); see the table above.
    """
    try:
        read = _message_or_refusal(text, catalogue, unit, today, date_order)
        if two_in_one(read) and (joined := split_joined(text, catalogue)) != text:
            read = _message_or_refusal(joined, catalogue, unit, today, date_order)
        if isinstance(read, ParseError):
            return read
        return tuple(map(with_assistance_entry, read))
    except Exception:  # a safety net: bad input must never crash the bot
        return ParseError(error=UNEXPECTED_ERROR, example=EXAMPLE_LINE, hint="Write one "
                          "exercise per line: the name, then sets x reps, load and effort.")


def _message_or_refusal(text: str, catalogue: Catalogue, unit: Unit, today: date,
                        order: DateOrder) -> tuple[LogEntry, ...] | ParseError:
    try:
        return _parse_message(text, catalogue, unit, today, order)
    except Stop as stop:
        return stop.error


def _parse_message(
    text: str, catalogue: Catalogue, unit: Unit, today: date, order: DateOrder
) -> tuple[LogEntry, ...] | ParseError:
    if len(text) > MAX_CHARS:
        return ParseError(
            error=f"That message is {len(text)} characters long; I read at most {MAX_CHARS}.",
            hint="Split it into a few /log messages, a handful of exercises each.",
            example=EXAMPLE_LINE,
        )
    quick = express_entry(text, catalogue, unit, today)
    if quick is not None:
        return quick  # entries, or the one refusal it gives as the full reader does
    mention = _MENTION.search(text)
    if mention is not None:
        return ParseError(
            error=f"{mention.group(0)} looks like a mention, and mentions are not part of a log.",
            hint="Leave people, roles and channels out of the entry; write only what you lifted.",
            example=EXAMPLE_LINE,
        )
    segments = [s for s in split_segments(text) if s]
    if not segments:
        return ParseError(
            error="There is nothing to log in that message.",
            hint="Write the exercise, then the sets: name, sets x reps, load and effort.",
            example=EXAMPLE_LINE,
        )
    split: Split | None = None
    if len(segments) == 1:  # "squat 5x5 - felt heavy": the sets alone may be everyday ones
        split = split_note(segments[0], catalogue)
        quick = _express_with_note(segments[0], split, catalogue, unit, today)
        if quick is not None:
            return quick
    lines: list[Line] = []
    for raw in segments:
        try:
            lines.append(_read_line(raw, catalogue, unit, today, order, split))
        except Stop as stop:
            if len(segments) == 1:
                raise
            return _in_line(raw, stop.error)
    if len(lines) == 1:
        simple = _one_simple_line(lines[0])
        if simple is not None:
            return simple
    try:
        entries = assemble_message(lines, unit, today)
    except LineError as err:
        error = ParseError(error=err.error, hint=err.hint, example=err.example)
        return error if len(segments) == 1 else _in_line(err.raw, error)
    if len(entries) > MAX_ENTRIES:
        return ParseError(
            error=f"That message holds {len(entries)} exercises; one log takes at most "
            f"{MAX_ENTRIES}.",
            hint="Send the rest in a second log.",
            example="squat 5x5 @100kg rir2; leg curl 3x12 f",
        )
    return entries


def _express_with_note(raw: str, split: Split, catalogue: Catalogue, unit: Unit,
                       today: date) -> tuple[LogEntry, ...] | ParseError | None:
    if not (split.notes or split.pr):
        return None  # the express reader has seen this line as it is
    return express_entry(split.notation, catalogue, unit, today, raw=raw, notes=split.notes,
                         pr=split.pr)


def _one_simple_line(line: Line) -> tuple[LogEntry, ...] | None:
    """The everyday message (one line, one exercise, nothing to ask) without the
    message-level assembly; None for anything else."""
    if line.exercise is None or not line.sets or line.flags or line.doubt:
        return None
    on = line.on
    if on is not None and on[1] is not None:
        return None
    note = "; ".join(dict.fromkeys(line.notes)) if line.notes else ""
    return (log_entry(line.exercise, line.sets, on[0] if on is not None else None, line.raw,
                      note, line.pr),)


def _in_line(raw: str, err: ParseError) -> ParseError:
    shown = raw if len(raw) <= 60 else raw[:57] + "..."
    return ParseError(error=f'In "{shown}": {err.error}', hint=err.hint, example=err.example,
                      suggestions=err.suggestions)


# Reading the sets is a pure function of the notation's tokens (everything after
# the name, dates taken out), the unit, the marks before the name and whether the
# name is a hold or a carry. The same notation comes back all the time, under many
# exercise names, so results are remembered in a bounded table that starts afresh
# when full. Errors are not remembered.
class _Read(NamedTuple):
    sets: tuple[SetRecord, ...]
    flags: tuple[str, ...]
    note_at: int | None  # where the note starts, counted from the notation's start
    doubt: bool  # numbers to question as read (see readings.entry_alternative)


_SETS_MEMO: dict[tuple[object, ...], _Read] = {}
_SETS_MEMO_LIMIT: Final = 8192
_TEXT: Final = itemgetter(1)  # Token.text
_REPS_WORD: Final = Token("word", "reps")


def _read_line(raw: str, catalogue: Catalogue, unit: Unit, today: date,
               order: DateOrder, split: Split | None = None) -> Line:
    """One line: its exercise (None for sets alone), sets, date and note pieces
    (``split``: the line's note pieces when they were taken out already)."""
    if split is None:
        split = split_note(raw, catalogue)
    text, notes = split.notation, split.notes
    norm = normalize(text)
    tokens, dated = tokenize(norm)
    total = len(tokens)
    on = None
    date_first = False
    if dated:
        date_first = tokens[0].kind in ("day", "date", "num") or tokens[0].text in nt.MONTHS
        tokens, on, cut = _dates_before_the_note(tokens, dated, catalogue, today, order)
        if cut is not None:
            notes = (*notes, text[token_offset(text, norm, cut):].strip())
            total = cut
    if not tokens or (on is not None and all(t.kind == "comma" for t in tokens)):
        return Line(raw, on=on, notes=notes, pr=split.pr)  # a date alone ("Tue, Dec 1, 2026")
    lead = leading_marks(tokens)
    words, start = leading_name(tokens, lead.start)
    if (tokens[0].text in _HEADER_WORDS or not _HEADER_WORDS.isdisjoint(words)) and not any(
        t.kind == "x" or t.text in _NOT_IN_HEADER for t in tokens
    ):  # "Week 3 Day 2", "Bench: phase 5, week 3": a heading, kept as a note
        return Line(raw, on=on, notes=(text.strip(), *notes), pr=split.pr)
    if not words:
        later = later_name(tokens, start, catalogue)
        if later is not None:
            words, at = later
            tokens = _without_name(tokens, lead.start, at, len(words))
            start = lead.start
    exercise = resolve_exercise(" ".join(words), catalogue) if words else None
    if start >= len(tokens):
        label = () if exercise is None else (text.strip(),)
        return Line(raw, exercise, on=on, notes=notes, pr=split.pr, label=label,
                    date_first=date_first)
    timed = timed_kind(words)
    name = exercise.name if exercise is not None else raw
    key = (unit, lead.warmup, lead.planned, timed, *map(_TEXT, tokens[start:]))
    read = _SETS_MEMO.get(key)
    if read is None:
        read = _read_sets(tokens, start, unit, catalogue, timed, lead, name, "")
        if len(_SETS_MEMO) >= _SETS_MEMO_LIMIT:
            _SETS_MEMO.clear()
        _SETS_MEMO[key] = read
    if read.note_at is not None:
        index = total - (len(tokens) - (start + read.note_at))
        notes = (*notes, text[token_offset(text, norm, index):].strip())
    rerun = _rerun(tokens, start, unit, catalogue, timed, lead, name) if read.flags else None
    return Line(raw, exercise, read.sets, on, notes, split.pr, read.flags, rerun,
                doubt=read.doubt)


def _dates_before_the_note(
    tokens: list[Token], dated: int, catalogue: Catalogue, today: date, order: DateOrder
) -> tuple[list[Token], Found | None, int | None]:
    """The tokens without their date, the date, and where plain words of a note start
    (dates written inside a note are part of it)."""
    cut = plain_note_start(tokens, 0, catalogue)
    if cut is not None:
        tokens = tokens[:cut]
    if dated == 1:
        kept, on = take_whole_dates(tokens, today)
    else:
        kept, on = take_dates(tokens, today, order)
    return kept, on, cut


def _rerun(tokens: list[Token], start: int, unit: Unit, catalogue: Catalogue, timed: int,
           lead: Leading, name: str) -> Callable[[str], tuple[SetRecord, ...] | None]:
    """Reading the line again with one ambiguity the other way (None when it fails)."""
    def rerun(flip: str) -> tuple[SetRecord, ...] | None:
        try:
            return _read_sets(tokens, start, unit, catalogue, timed, lead, name, flip).sets
        except Stop:
            return None
    return rerun


def _read_sets(tokens: list[Token], start: int, unit: Unit, catalogue: Catalogue, timed: int,
               lead: Leading, name: str, flip: str) -> _Read:
    if not (flip or timed or lead.planned):
        sets = quick_sets(tokens, start, unit, lead.warmup)
        if sets is not None:
            return _Read(sets, (), None, doubtful(sets))
    grammar = LineGrammar(tokens, unit, catalogue, timed, flip)
    try:
        grammar.run(start, warmup=lead.warmup, planned=lead.planned)
        sets = grammar.build(name)
    except Stop:
        # "squat 12x5 100kg": 12x5 first read as 12 kg for 5 fails on the load after it;
        # the other way of a doubt met on the way (12 sets of 5) is the line's reading.
        for other in () if flip else dict.fromkeys(grammar.flags):
            try:
                read = _read_sets(tokens, start, unit, catalogue, timed, lead, name, other)
            except Stop:
                continue
            return read._replace(flags=tuple(f for f in read.flags if f != other))
        raise
    note_at = None if grammar.note_at is None else grammar.note_at - start
    return _Read(sets, tuple(grammar.flags), note_at, doubtful(sets))


def _without_name(tokens: list[Token], lead: int, at: int, size: int) -> list[Token]:
    """The tokens without a name written after the sets; a count just before the name
    (``50 push ups``) is its reps."""
    rest = tokens[:at] + tokens[at + size:]
    if at == lead + 1:
        count = tokens[lead]
        if count.kind == "num" and not (count.pair or count.decimal or count.high is not None):
            rest.insert(lead + 1, _REPS_WORD)
    return rest
