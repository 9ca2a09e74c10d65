"""Read a lifter's log message into ``LogEntry`` values.

``parse_log`` is pure: the lifter's local date comes in as ``today``, nothing reads
the clock, and bad input never raises: it comes back as a ``ParseError`` with what
was wrong, how to fix it and an example line that works.

A message holds one exercise per line (or per ``;``). Each line starts with the
exercise name; the notation follows (COACHING.md, "Notation lifters write").
The vocabulary and the tokenizer live in ``bot.domain.notation``.

How ambiguous notation is read (every rule is tested):

=================================  =================================================
written                            read as
=================================  =================================================
``A x B``, A has a unit or ``bw``  load A x B reps, one set (``100kg x 5``, ``bw x 8``)
``A x B``, plain A > 20 or decimal load x reps (``100x5``, ``12.5x10``)
``A x B``, plain A <= 20           A sets x B reps (``5x5``, ``20x3`` is 20 sets)
``A x B`` where only B has a unit  A reps at load B, one set (``5 x 100kg``)
``A x B x C``                      load x reps x sets when A is a load (rule above),
                                   else sets x reps x load when C is; else an error
``A x 8,8,7`` / ``A x 5/5/5``      A sets when A equals the count, else A is the load
``8,8,7`` / ``5/5/5``              one set per number, reps as written
``3x8-12`` / ``8-12 reps``         the low end of a rep range (8 reps)
``3 sets of 8``, ``8 reps``        3 sets of 8; one set of 8
a bare number with sets nearby     a load in the user's unit (``squat 100 5x5``)
bare numbers and no sets at all    one set per number, reps (``pull-ups 10 8``); a
                                   bare number above 30 is refused as unclear
``@x``                             RPE x when 5 <= x <= 10 in 0.5 steps, no unit and
                                   no ``x`` after it; otherwise a load
``20s``                            a pair of 20s: 20 per dumbbell is stored
``bw+20`` / ``+20kg``              bodyweight with 20 added; ``bw-20`` is refused
``rir 1-2`` / ``rpe 8-9``          rir 1, rir_max 2 (a range keeps both ends)
``rir 2,1,0``                      one value per set; the count must match
``rir0``, ``rpe10``, ``@10``, ``f`` failure (RIR 0) on every set
``5+``, ``3x5+``                   AMRAP on that set; on the last set of ``3x5+``
``amrap``, ``max reps``            AMRAP on the last set
``drop``, ``forced``, ``myo``...   beyond failure on the last set only
``F+``                             forced reps (beyond failure) on the last set
``last [N] [sets] <marker>``       the marker applies to the final N (default 1) sets
``rp``                             refused: it could be rest-pause or a set's RPE
``w``, ``wu``, ``warmup``          every set of the line is a warm-up
``mon`` ... ``sunday``             the most recent such day, today included;
                                   ``last mon`` is strictly before today
a date inside a line               that line only; a line holding only a date sets
                                   the date for the lines below it
=================================  =================================================

Markers (effort, failure, warm-up, a load after the sets) written after one of
several comma-separated groups belong to that group (``100x5 @8, 110x3 @9``); when
only the last group carries that kind of marker it applies to every set of the
line (``175x5, 175x5, 170x6 rir1``). A marker written before any sets applies to the
whole line. Technique and AMRAP words land on the last set of the group they follow.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from bot.domain import notation as nt
from bot.domain.exercises import Catalogue, slugify
from bot.domain.models import Exercise, LogEntry, ParseError, SetRecord, Unit
from bot.domain.notation import Token
from bot.domain.set_assembly import MAX_CHARS, Stop, fail
from bot.domain.sets_grammar import LineGrammar

__all__ = ["MAX_CHARS", "UNEXPECTED_ERROR", "parse_log"]

_EXAMPLE: Final = "squat 5x5 @100kg rir2"
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
    for number, raw in enumerate(segments, start=1):
        try:
            result = _parse_segment(raw, catalogue, unit, today, heading)
        except Stop as stop:
            if len(segments) == 1:
                raise
            err = stop.error
            shown = raw if len(raw) <= 60 else raw[:57] + "..."
            return ParseError(
                error=f'Line {number} ("{shown}"): {err.error}',
                hint=err.hint,
                example=err.example,
                suggestions=err.suggestions,
            )
        if isinstance(result, date):
            heading, heading_line = result, raw
        elif result is not None:
            entries.append(result)
    if not entries:
        if heading is not None:
            return ParseError(
                error=f'"{heading_line}" gives a date, but no exercise follows it.',
                hint="Put the exercises on the lines below the date, or on the same line.",
                example="yesterday squat 5x5 @100kg",
            )
        return ParseError(
            error="I found no exercise in that message.",
            hint="Start each line with the exercise name, then the sets.",
            example=_EXAMPLE,
        )
    return tuple(entries)


# Reading the sets is a pure function of the normalised line, the unit and where the
# name sits in it; lifters repeat their lines, so results are remembered (a bounded
# table that starts afresh when full).
_SETS_MEMO: dict[tuple[str, str, int, int], tuple[SetRecord, ...]] = {}
_SETS_MEMO_LIMIT: Final = 4096


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
    name_at = warmup_end
    if not name_words:
        name_words, name_at = _later_name(tokens, start, catalogue)
        tokens = tokens[:name_at] + tokens[name_at + len(name_words) :]
        start = warmup_end
    exercise = _resolve(" ".join(name_words), catalogue)
    key = (norm, unit, name_at, len(name_words))
    sets = _SETS_MEMO.get(key)
    if sets is None:
        grammar = LineGrammar(tokens, unit, catalogue)
        grammar.run(start, len(tokens), warmup=warmup_end > 0)
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


def _resolve(name: str, catalogue: Catalogue) -> Exercise:
    found = catalogue.lookup(name)
    if found.exercise is not None:
        return found.exercise
    if found.ambiguous:
        names = tuple(e.name for e in found.ambiguous)
        listed = ", ".join(f'"{n}"' for n in names[:-1]) + f' or "{names[-1]}"'
        fail(
            f'"{name}" could mean more than one exercise.',
            f"Which one did you do: {listed}? Write its full name.",
            f"{names[0]} 3x8 rir2",
            names,
        )
    key = slugify(name) or "-".join(name.split())
    return Exercise(key=key, name=name, tier=None, custom=True)
