"""Read a lifter's log message into ``LogEntry`` values.

``parse_log`` is pure: the lifter's local date comes in as ``today``, nothing reads
the clock, and bad input never raises: it comes back as a ``ParseError`` saying what
was wrong, how to fix it, and an example line that works.

A message holds one exercise per line (or per ``;``). A line starts with the
exercise name, then the notation of COACHING.md ("Notation lifters write"). The
vocabulary and tokenizer are in ``bot.domain.notation``; the notation grammar is in
``bot.domain.sets_grammar``, ``bot.domain.set_assembly`` and ``bot.domain.set_numbers``.

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

Names. The leading words are the name (``Bench Press:``, ``45 degree leg press``);
warm-up and date words around it are taken out. When a line starts with the sets, a
known exercise written later is accepted (``5x5 squat``). A name the catalogue does
not know is the lifter's own exercise (``custom``, no tier), not an error; an
ambiguous one (``pu``) is an error listing the candidates.

Limits: 500 characters per message, 1-100 reps per set, 20 sets per line, loads up
to 1000 kg, RIR 0-10, RPE 1-10.
"""

from __future__ import annotations

import re
from datetime import date
from operator import itemgetter
from typing import Final

from bot.domain import notation as nt
from bot.domain.exercises import Catalogue, slugify
from bot.domain.models import Exercise, LogEntry, ParseError, SetRecord, Unit
from bot.domain.notation import Token
from bot.domain.set_numbers import MAX_CHARS, Stop, fail
from bot.domain.sets_grammar import LineGrammar

__all__ = ["MAX_CHARS", "UNEXPECTED_ERROR", "parse_log"]

_EXAMPLE: Final = "squat 5x5 @100kg rir2"
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
            example=_EXAMPLE,
        )


def _parse_message(
    text: str, catalogue: Catalogue, unit: Unit, today: date
) -> tuple[LogEntry, ...] | ParseError:
    if len(text) > MAX_CHARS:
        return ParseError(
            error=f"That message is {len(text)} characters long; I read at most {MAX_CHARS}.",
            hint="Split it into a few /log messages, a handful of exercises each.",
            example=_EXAMPLE,
        )
    mention = _MENTION.search(text)
    if mention is not None:
        return ParseError(
            error=f"{mention.group(0)} looks like a mention, and mentions are not part of a log.",
            hint="Leave people, roles and channels out of the entry; write only what you lifted.",
            example=_EXAMPLE,
        )
    segments = [s for s in nt.split_segments(text) if s]
    if not segments:
        return ParseError(
            error="There is nothing to log in that message.",
            hint="Write the exercise, then the sets: name, sets x reps, load and effort.",
            example=_EXAMPLE,
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
    if not entries:
        return ParseError(
            error="I found no exercise in that message.",
            hint="Start each line with the exercise name, then the sets.",
            example=_EXAMPLE,
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
        tokens, on = _take_dates(tokens, today)
    if not tokens:
        return on
    warmup_end = _leading_warmup(tokens)
    name_words, start = _name_words(tokens, warmup_end)
    if not name_words:
        name_words, name_at = _later_name(tokens, start, catalogue)
        tokens = tokens[:name_at] + tokens[name_at + len(name_words) :]
        start = warmup_end
    exercise = _resolve(" ".join(name_words), catalogue)
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


def _leading_warmup(tokens: list[Token]) -> int:
    """Where the name starts after warm-up words (``wu squat 60x5``)."""
    i, n = 0, len(tokens)
    while i < n and tokens[i].kind == "word":
        word = tokens[i].text
        if word in nt.WARMUP_WORDS:
            i += 1
        elif word == "warm" and i + 1 < n and tokens[i + 1].text in ("up", "ups"):
            i += 2
        else:
            break
    return i


def _take_dates(tokens: list[Token], today: date) -> tuple[list[Token], date | None]:
    """Remove date tokens; return the rest and the one date they name (if any)."""
    found: date | None = None
    kept: list[Token] = []
    for tok in tokens:
        when: date | None
        if tok.kind == "date":
            when = nt.iso_date(tok.text)
            if when is None:
                recent = date.fromordinal(today.toordinal() - 2).isoformat()
                fail(
                    f"{tok.text} is not a date on the calendar.",
                    f"Write dates as year-month-day, like {recent}.",
                    f"squat 5x5 @100kg {recent}",
                )
        elif tok.kind != "day":
            kept.append(tok)
            continue
        elif tok.text in nt.RELATIVE_DAYS:
            when = date.fromordinal(today.toordinal() - nt.RELATIVE_DAYS[tok.text])
        else:
            before = bool(kept) and kept[-1].kind == "word" and kept[-1].text in nt.LAST_WORDS
            if before:
                kept.pop()
            when = nt.weekday_date(tok.text, today, strictly_before=before)
        if found is not None and when != found:
            fail(
                f"That line names two dates ({found.isoformat()} and {when.isoformat()}).",
                "Give each line one date at most.",
                "squat 5x5 @100kg yesterday",
            )
        found = when
    if found is not None:
        if found > today:
            fail(
                f"{found.isoformat()} is in the future.",
                "Log sets you have done: today, yesterday, a weekday or a past date.",
                "squat 5x5 @100kg yesterday",
            )
        if today.toordinal() - found.toordinal() > nt.MAX_DAYS_BACK:
            fail(
                f"{found.isoformat()} is more than a year ago.",
                "Backdate by a year at most.",
                "squat 5x5 @100kg yesterday",
            )
    return kept, found


def _is_marker(tokens: list[Token], i: int) -> bool:
    """Whether the word at ``i`` starts notation (so it ends an exercise name)."""
    word = tokens[i].text
    if word in nt.MARKER_WORDS:
        return True
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return (word, nxt) in nt.MARKER_PAIRS


def _name_words(tokens: list[Token], i: int) -> tuple[list[str], int]:
    """The exercise name at the start of a line, and where the notation begins."""
    words: list[str] = []
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        kind = tok.kind
        if kind == "word":
            if words and _is_marker(tokens, i):
                break
            words.append(tok.text)
        elif kind == "num":
            # "45 degree leg press": a number directly followed by a plain word
            nxt = tokens[i + 1] if i + 1 < n else None
            if (
                tok.high is not None
                or tok.pair
                or nxt is None
                or nxt.kind != "word"
                or nxt.text in nt.NOT_NAME_AFTER_NUMBER
            ):
                break
            words.append(tok.text)
        elif kind in ("dash", "slash", "comma"):
            if not (i + 1 < n and tokens[i + 1].kind == "word" and words):
                break
        else:
            break
        i += 1
    while words and words[-1] in nt.FILLER_WORDS:
        words.pop()
    return words, i


def _later_name(tokens: list[Token], start: int, catalogue: Catalogue) -> tuple[list[str], int]:
    """For ``5x5 squat @100kg``: a known exercise written after some of the sets.

    Returns the name's words and where they start; they end ``len(words)`` later.
    """
    n = len(tokens)
    first = start
    while first < n and (tokens[first].kind != "word" or _is_notation_word(tokens, first)):
        first += 1
    while first > start and tokens[first - 1].kind == "word" and _is_filler(tokens, first - 1):
        first -= 1  # "leg" in "leg press" is also a filler word
    stop = first
    while stop < n and tokens[stop].kind == "word" and (
        _is_filler(tokens, stop) or not _is_notation_word(tokens, stop)
    ):
        stop += 1
    words = [t.text for t in tokens[first:stop]]
    while words and words[-1] in nt.FILLER_WORDS:
        words.pop()
    while words:
        if catalogue.lookup(" ".join(words)).exercise is not None:
            return words, first
        if words[0] not in nt.FILLER_WORDS:
            break
        words.pop(0)
        first += 1
    fail(
        "I couldn't find the exercise name in that line.",
        "Start the line with the exercise, then write the sets.",
        _EXAMPLE,
    )


def _is_filler(tokens: list[Token], i: int) -> bool:
    return tokens[i].text in nt.FILLER_WORDS


def _is_notation_word(tokens: list[Token], i: int) -> bool:
    word = tokens[i].text
    if word in nt.FILLER_WORDS or _is_marker(tokens, i):
        return True
    prev = tokens[i - 1].text if i > 0 else ""
    return (prev, word) in nt.MARKER_PAIRS


# A catalogue does not change once built, so how it resolves a name is kept for the
# few catalogues in use (holding them, so that their ids stay theirs).
_NAME_MEMO: dict[int, tuple[Catalogue, dict[str, Exercise]]] = {}
_NAME_MEMO_CATALOGUES: Final = 4
_NAME_MEMO_NAMES: Final = 4096


def _resolve(name: str, catalogue: Catalogue) -> Exercise:
    slot = _NAME_MEMO.get(id(catalogue))
    if slot is None or slot[0] is not catalogue:
        if len(_NAME_MEMO) >= _NAME_MEMO_CATALOGUES:
            _NAME_MEMO.clear()
        slot = _NAME_MEMO[id(catalogue)] = (catalogue, {})
    names = slot[1]
    exercise = names.get(name)
    if exercise is None:
        exercise = _lookup(name, catalogue)
        if len(names) >= _NAME_MEMO_NAMES:
            names.clear()
        names[name] = exercise
    return exercise


def _lookup(name: str, catalogue: Catalogue) -> Exercise:
    found = catalogue.lookup(name)
    if found.exercise is not None:
        return found.exercise
    if found.ambiguous:
        names = tuple(e.name for e in found.ambiguous)
        quoted = [f'"{n}"' for n in names]
        listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
        fail(
            f'"{name}" could mean more than one exercise.',
            f"Which one did you do: {listed}? Write its full name.",
            f"{names[0]} 3x8 rir2",
            names,
        )
    key = slugify(name) or "-".join(name.split())
    return Exercise(key=key, name=name, tier=None, custom=True)
