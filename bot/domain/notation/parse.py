"""Read a lifter's log message into ``LogEntry`` values.

``parse_log`` is pure: the lifter's local date comes in as ``today``, nothing reads
the clock, and bad input never raises: it comes back as a ``ParseError`` saying what
was wrong, how to fix it, and an example line that works.

A message holds one exercise per line (or per ``;``). A line starts with the
exercise name, then the notation the README documents ("Writing a log"). The
vocabulary and tokenizer are in ``words``; the notation grammar is in ``grammar``,
``assembly`` and ``amounts`` (all in this package).

How ambiguous notation is read (each rule is tested in tests/domain):

================================  ===================================================
written                           read as
================================  ===================================================
``A x B``, A with unit or ``bw``  load A, B reps, one set (``100kg x 5``, ``bw x 8``)
``A x B``, plain A > 20 or with   load x reps (``100x5``, ``12.5x10``); ``A for B``
a decimal point                   is always load for reps (``curl 10 for 12``)
``A x B``, plain A <= 20          A sets of B reps (``5x5``; ``20x3`` is 20 sets)
``A x B``, only B with a unit     A reps at load B, one set (``5 x 100kg``)
``A x B x C``                     load x reps x sets when A is a load by the rules
                                  above, else sets x reps x load when C is; else an
                                  error asking for a unit (``5x5x5``)
``A x 8,8,7``, ``A x 5/5/5``      A sets when A equals the count, else A is the load
``8,8,7``, ``5/5/5``, ``10 8 6``  one set per number, reps as written
``3x8-12``, ``8-12 reps``         the low end of the rep range (8 reps)
``3 sets of 8``, ``8 reps``       3 sets of 8; one set of 8
a bare number beside sets         a load in the user's unit (``squat 100 5x5``)
bare numbers, no sets at all      reps, one set each (``pull-ups 10 8``); a bare
                                  number above 30 is refused as unclear
``@x``                            RPE x when 5 <= x <= 10 in 0.5 steps, with no unit
                                  and no ``x`` after it; otherwise a load
``20s``                           a pair of 20s: the load per dumbbell (20) is stored
``bw+20``, ``+20kg``              bodyweight plus 20; ``bw-20`` (assisted) is refused
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
``last [N] [sets] <marker>``      the marker applies to the final N sets (default 1);
``<marker> on the last set``      so does a marker followed by "last"
``rp``                            refused: rest-pause or RPE? the lifter must say
``w``, ``wu``, ``warmup``         every set is a warm-up (but see groups below)
``mon`` ... ``sunday``            the most recent such day, today included;
                                  ``last mon`` means strictly before today
``yesterday``, ``2026-11-25``     that date; future dates and dates more than 366
                                  days back are refused
a date inside a line              applies to that line only; a line holding only a
                                  date applies to the lines below it
================================  ===================================================

Groups. Sets written apart (``100x5 @8, 110x3 @9``, ``60x5 wu, 100x5x3``) form
groups. A marker (effort, failure, warm-up, or a load written after the sets) belongs
to the group it follows. When only the last of several groups carries a kind of
marker, that marker applies to the whole line (``175x5, 175x5, 170x6 rir1``); an
effort moved that way skips groups marked as warm-ups. A marker written before any
sets applies to the whole line. Techniques and ``amrap`` land on the last set of the
group they follow.

Names (where a line's exercise name ends, and what it resolves to) are read in
``bot.domain.notation.names``; dates in ``bot.domain.notation.dates``.

Limits: 500 characters per message, 1-100 reps per set, 20 sets per line, loads up
to 1000 kg, RIR 0-10, RPE 1-10.
"""

from __future__ import annotations

import re
from datetime import date
from operator import itemgetter
from typing import Final

from bot.domain.catalogue.lookup import Catalogue
from bot.domain.models import LogEntry, ParseError, SetRecord, Unit
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import MAX_CHARS, MAX_ENTRIES, Stop
from bot.domain.notation.dates import take_dates
from bot.domain.notation.grammar import LineGrammar
from bot.domain.notation.names import (
    EXAMPLE_LINE,
    later_name,
    leading_name,
    leading_warmup,
    resolve_exercise,
)

__all__ = ["MAX_CHARS", "UNEXPECTED_ERROR", "parse_log"]

# Discord mentions (users, roles, channels, @everyone/@here): never a load or a name.
_MENTION: Final = re.compile(r"<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b", re.IGNORECASE)
# The answer of the last-resort safety net; tests check it is never reached.
UNEXPECTED_ERROR: Final = "Something in that message tripped me up."


def parse_log(
    text: str, catalogue: Catalogue, *, unit: Unit = "kg", today: date
) -> tuple[LogEntry, ...] | ParseError:
    """Read every exercise in ``text``; a ParseError for the first line that fails."""
    try:
        return _parse_message(text, catalogue, unit, today)
    except Stop as stop:
        return stop.error
    except Exception:  # a safety net: bad input must never crash the bot
        return ParseError(
            error=UNEXPECTED_ERROR,
            hint="Write one exercise per line: the name, then sets x reps, load and effort.",
            example=EXAMPLE_LINE,
        )


def _parse_message(
    text: str, catalogue: Catalogue, unit: Unit, today: date
) -> tuple[LogEntry, ...] | ParseError:
    if len(text) > MAX_CHARS:
        return ParseError(
            error=f"That message is {len(text)} characters long; I read at most {MAX_CHARS}.",
            hint="Split it into a few /log messages, a handful of exercises each.",
            example=EXAMPLE_LINE,
        )
    mention = _MENTION.search(text)
    if mention is not None:
        return ParseError(
            error=f"{mention.group(0)} looks like a mention, and mentions are not part of a log.",
            hint="Leave people, roles and channels out of the entry; write only what you lifted.",
            example=EXAMPLE_LINE,
        )
    segments = [s for s in nt.split_segments(text) if s]
    if not segments:
        return ParseError(
            error="There is nothing to log in that message.",
            hint="Write the exercise, then the sets: name, sets x reps, load and effort.",
            example=EXAMPLE_LINE,
        )
    entries: list[LogEntry] = []
    heading: date | None = None
    heading_line = ""
    heading_used = True
    for raw in segments:
        try:
            result = _parse_segment(raw, catalogue, unit, today, heading)
        except Stop as stop:
            if len(segments) == 1:
                raise
            err = stop.error
            shown = raw if len(raw) <= 60 else raw[:57] + "..."
            return ParseError(
                error=f'In "{shown}": {err.error}',
                hint=err.hint,
                example=err.example,
                suggestions=err.suggestions,
            )
        if isinstance(result, date):
            heading, heading_line, heading_used = result, raw, False
        elif result is not None:
            entries.append(result)
            heading_used = True
    if not heading_used:
        return ParseError(
            error=f'"{heading_line}" gives a date, but no exercise follows it.',
            hint="Put the date on the exercise's line, or the exercises on the lines below it.",
            example="squat 5x5 @100kg yesterday",
        )
    if len(entries) > MAX_ENTRIES:
        return ParseError(
            error=f"That message holds {len(entries)} exercises; one log takes at most "
            f"{MAX_ENTRIES}.",
            hint="Send the rest in a second log.",
            example="squat 5x5 @100kg rir2; leg curl 3x12 f",
        )
    if not entries:
        return ParseError(
            error="I found no exercise in that message.",
            hint="Start each line with the exercise name, then the sets.",
            example=EXAMPLE_LINE,
        )
    return tuple(entries)


# Reading the sets is a pure function of the notation's tokens (everything after
# the name, dates taken out), the unit and a leading warm-up word. The same notation
# comes back all the time, under many exercise names, so results are remembered in
# a bounded table that starts afresh when full. Errors are not remembered.
_SETS_MEMO: dict[tuple[object, ...], tuple[SetRecord, ...]] = {}
_SETS_MEMO_LIMIT: Final = 8192
_TEXT: Final = itemgetter(1)  # Token.text


def _parse_segment(
    raw: str, catalogue: Catalogue, unit: Unit, today: date, heading: date | None
) -> LogEntry | date | None:
    """One line: an entry, a date (a line holding only a date) or None (nothing)."""
    norm = nt.normalize(raw)
    tokens, dated = nt.tokenize(norm)
    on: date | None = None
    if dated:
        tokens, on = take_dates(tokens, today)
    if not tokens:
        return on
    warmup_end = leading_warmup(tokens)
    name_words, start = leading_name(tokens, warmup_end)
    if not name_words:
        name_words, name_at = later_name(tokens, start, catalogue)
        tokens = tokens[:name_at] + tokens[name_at + len(name_words) :]
        start = warmup_end
    exercise = resolve_exercise(" ".join(name_words), catalogue)
    key = (unit, warmup_end > 0, *map(_TEXT, tokens[start:]))
    sets = _SETS_MEMO.get(key)
    if sets is None:
        grammar = LineGrammar(tokens, unit, catalogue)
        grammar.run(start, warmup=warmup_end > 0)
        sets = grammar.build(exercise.name)
        if len(_SETS_MEMO) >= _SETS_MEMO_LIMIT:
            _SETS_MEMO.clear()
        _SETS_MEMO[key] = sets
    return LogEntry(
        exercise=exercise,
        sets=sets,
        performed_on=on if on is not None else heading,
        text=raw,
    )

