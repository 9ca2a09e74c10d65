"""The everyday message, read in one pattern match.

Most messages are a single line: a name, one scheme, perhaps a load, an effort or one
marker, perhaps a date word (``bench press 4x10 @60kg rir2 mon``, ``pull-ups 10,8,6``,
``bench 135x8,8,7 rir 2,1,0``). ``express_entry`` matches exactly those shapes with one
regular expression and builds the entry directly, by the rules of the full reader
(``bot.domain.notation.parse``): the same readings and the same checks. Anything else
(punctuation that may start a note, a second line, words the name finder treats
specially, a form with two plausible readings, a number out of bounds) answers None
and takes the full path, which also gives every refusal. A test runs both readers
over every combination of the pieces below and requires equal answers.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final, cast

from bot.domain import limits
from bot.domain.catalogue.lookup import Catalogue
from bot.domain.models import LB_TO_KG, Exercise, LogEntry, ParseError, SetRecord, Technique, Unit
from bot.domain.notation import words as nt
from bot.domain.notation.amounts import FAILURE, Effort, Stop, effort_of, rpe_like
from bot.domain.notation.dates import check_loggable, iso_date, weekday_date
from bot.domain.notation.express_pattern import (
    _A,
    _ABWL,
    _ABWU,
    _APAIR,
    _AT,
    _AU,
    _AV,
    _B,
    _BH,
    _BLIST,
    _C,
    _DAY,
    _EV,
    _EW,
    _L,
    _LAT,
    _LBW,
    _LBWL,
    _LBWU,
    _LINE,
    _LISTED,
    _LP,
    _LPU,
    _LU,
    _MARK,
    _MULTI,
    _NAME,
    _NAME_STOPS,
    _ONE_GROUP,
    _SB,
    _SBH,
    _SETS,
    _SPLIT_LIST,
    _SV,
    _SW,
    _TA,
    _TSP,
    _TU,
    _TV,
    _UNITS,
    _WORDS_AT,
    ascii_lower,
    has_decimal_comma,
)
from bot.domain.notation.lexer import Token, normalize, tokenize
from bot.domain.notation.names import resolve_exercise, timed_kind
from bot.domain.notation.notes import NOTE_LEAD, has_pr_mark, is_notation_word
from bot.domain.notation.values import Load, Measure, log_entry, set_records

__all__ = ["express_entry"]

Mark = tuple[tuple[Effort, ...], Technique | None, bool, bool]  # efforts, technique, amrap, wu
_MOST_SETS: Final = 10
_MOST_REPS: Final = 50
_MOST_SECONDS: Final = 24 * 3600.0
_MOST_METERS: Final = 100_000.0


class _Out(Exception):
    """This line is for the full reader."""


class _Refused(Exception):
    """This line is refused, exactly as the full reader refuses it."""

    def __init__(self, error: ParseError) -> None:
        super().__init__(error.error)
        self.error = error


def express_entry(
    text: str, catalogue: Catalogue, unit: Unit, today: date, *, raw: str | None = None,
    notes: tuple[str, ...] = (), pr: bool = False,
) -> tuple[LogEntry, ...] | ParseError | None:
    """The entry of an everyday one-line message (see the module notes), or None. A
    refusal is given only for one effort per set that does not fit the sets; any other
    line the full reader refuses answers None, so that its refusal is the full one.

    ``text`` may be a line with its note taken out (``notes.split_note``): then ``raw``
    is the line as written, and ``notes``/``pr`` what was taken out. Plain words after
    everything else (``squat 5x5 felt easy``) are a note too, as the grammar finds it.
    """
    lowered = ascii_lower(text)
    # "(" and a dash after a space are never in a match: notes ("(paused)", "- felt
    # heavy") are left at once, not after the pattern has tried every way to match.
    match = None if "(" in lowered or " -" in lowered else _LINE.fullmatch(lowered)
    if match is None or ("," in text and has_decimal_comma(lowered)):
        return None  # (a line that matches is ASCII but for "×": lowered is text.lower())
    groups = match.groups()
    try:
        if groups[_WORDS_AT - 1] is not None:
            notes = (*notes, _plain_note(text, match))
        exercise, sets, on = _read(groups, catalogue, unit, today)
    except (_Out, Stop):
        return None
    except _Refused as refused:
        return refused.error
    note = "; ".join(dict.fromkeys(notes)) if notes else ""
    return (log_entry(exercise, sets, on, (text if raw is None else raw).strip(), note, pr),)


def _plain_note(text: str, match: re.Match[str]) -> str:
    """The words after the sets as the grammar takes them for a note: from the first word
    the notation does not know, with only filler words before it (``and it hurt``)."""
    start = match.start(_WORDS_AT)
    tokens, _ = tokenize(normalize(text[start:]))
    if has_pr_mark(text[start:]) or (tokens and tokens[0].text in ("plate", "plates")):
        raise _Out  # a PR mark the full reader takes out first; "2 plates", it refuses
    for i in range(len(tokens)):
        if not is_notation_word(tokens, i):
            if any(t.text not in NOTE_LEAD for t in tokens[:i]):
                raise _Out
            return text[start:].strip()
    raise _Out  # notation words only: the grammar reads them


def _read(
    g: tuple[str | None, ...], catalogue: Catalogue, unit: Unit, today: date
) -> tuple[Exercise, tuple[SetRecord, ...], date | None]:
    name, timed = _name(g[_NAME] or "")
    counted: list[int] = []
    if g[_TV] is not None:
        reps, tops, loads, measures = _timed(g, timed)
    else:
        if timed and g[_APAIR] is not None:
            raise _Out  # "60s" on a hold is seconds, for the full reader
        counted, tops, loads = _scheme(g, unit)
        reps = cast("list[int | None]", counted)  # the same list: no set is timed
        measures = [None] * len(reps)
    effort_at: Effort | None = None
    has_load = loads.count(None) != len(loads)
    rpe_unloaded = False  # "@8" on a line with no load (see readings: ask on tier D)
    at_text = g[_L]
    if at_text is not None and g[_LAT] is not None and g[_LU] is None and _rpe_like(at_text):
        if any(o is not None for o in (g[_EW], g[_SV], g[_AT], g[_AV], g[_MARK])):
            raise _Out
        rpe_unloaded = not has_load
        effort_at = _effort(at_text, True)
    elif at_text is not None or g[_LBW] is not None or g[_LP] is not None:
        if has_load:
            raise _Out  # two loads: the full reader refuses it
        apart = _load_apart(g, unit)
        loads = [apart] * len(reps)
        has_load = True
    efforts, technique, amrap, warmup = _mark(g, has_load, effort_at)
    if len(reps) > _MOST_SETS or (reps[0] is not None and max(counted) > _MOST_REPS):
        raise _Out  # numbers the full reader asks about
    on = _day(g[_DAY], today)
    exercise = resolve_exercise(name, catalogue)
    if len(efforts) > 1 and len(efforts) != len(reps):
        word = g[_EW] or "rir"
        raise _Refused(ParseError(
            error=f'"{word}" gives {len(efforts)} values for {len(reps)} set(s).',
            hint="Give one value for all sets, or exactly one per set.",
            example="bench 3x8 @80kg rir 2,1,0"))
    if rpe_unloaded and (exercise.tier == "D" or exercise.custom):
        raise _Out  # it asks whether 8 was the load
    sets = set_records(reps, tops, loads, measures, efforts, technique, amrap, warmup)
    return exercise, sets, on


# The name part of a line, as the name finder would read it ("" when it reads it some
# other way): names repeat all the time, so each answer is kept (bounded).
_NAMES: dict[str, tuple[str, int]] = {}
_NAMES_LIMIT: Final = 4096


def _name(raw: str) -> tuple[str, int]:
    """The name as the name finder reads it, and whether it is a hold or a carry (see
    ``names.timed_kind``)."""
    found = _NAMES.get(raw)
    if found is None:
        words = raw.split()
        if any(w in _NAME_STOPS for w in words):
            words = []
        timed = timed_kind(words)
        while words and words[-1] in nt.FILLER_WORDS:
            words.pop()
        found = " ".join(words), timed
        if len(_NAMES) >= _NAMES_LIMIT:
            _NAMES.clear()
        _NAMES[raw] = found
    if not found[0]:
        raise _Out
    return found


def _reps(text: str | None) -> int:
    assert text is not None
    reps = int(text)
    if not limits.MIN_REPS <= reps <= limits.MAX_REPS:
        raise _Out
    return reps


def _top(low: int, text: str | None) -> int | None:
    if text is None:
        return None
    top = int(text)
    if top < low or top > limits.MAX_REPS:
        raise _Out
    return top if top != low else None


def _kg(text: str, written: str | None, unit: Unit) -> float:
    value = float(text)
    if (_UNITS[written] if written else unit) == "lb":
        value = round(value * LB_TO_KG, 3)
    if not limits.load_allowed(value):
        raise _Out
    return value


def _bodyweight(added: str | None, written: str | None, unit: Unit) -> Load:
    return (None if added is None else _kg(added, written, unit)), True


Scheme = tuple[list[int], list[int | None], list[Load | None]]
def _timed(
    g: tuple[str | None, ...], timed: int
) -> tuple[list[int | None], list[int | None], list[Load | None], list[Measure | None]]:
    """``3x60s``, ``4x40m``, ``3x1min``, ``60 sec``: sets of a duration or a distance."""
    value = float(g[_TV] or 0)
    word = g[_TU] or ""
    seconds: float | None = None
    meters: float | None = None
    if word == "s" and not g[_TSP] and not timed:
        raise _Out  # "20s" glued to its number is a pair of dumbbells: the full reader's
    if word in nt.TIME_WORDS:
        seconds = value * nt.TIME_WORDS[word]
    elif word == "m" and timed == 1:  # on a hold, "1m" is a minute
        seconds = value * 60
    else:
        meters = value * nt.DISTANCE_WORDS[word]
    if not (0 < (seconds or meters or 0) <= (_MOST_SECONDS if seconds else _MOST_METERS)):
        raise _Out
    count = int(g[_TA] or 1)
    if not 1 <= count <= _MOST_SETS:
        raise _Out
    return [None] * count, [None] * count, [None] * count, [(seconds, meters)] * count


def _scheme(g: tuple[str | None, ...], unit: Unit) -> Scheme:
    """Reps, rep-range tops and loads per set, by the grammar's rules."""
    if g[_MULTI] is not None:
        return _groups(g[_MULTI] or "", unit)
    if g[_SETS] is not None:
        sets, reps = int(g[_SETS] or 0), _reps(g[_SB])
        if not 1 <= sets <= 10:
            raise _Out
        return [reps] * sets, [_top(reps, g[_SBH])] * sets, [None] * sets
    if g[_LISTED] is not None:
        listed = [_reps(p) for p in _SPLIT_LIST.split(g[_LISTED] or "")]
        return listed, [None] * len(listed), [None] * len(listed)
    a_text = g[_A]
    load: Load | None = None
    if a_text is None:
        load = _bodyweight(g[_ABWL], g[_ABWU], unit)
        a = 0.0
    else:
        a = float(a_text)
        if g[_APAIR] is not None or g[_AU] is not None or "." in a_text or a > 20:
            load = _kg(a_text, g[_AU], unit), False
    if g[_BLIST] is not None:
        listed = [_reps(p) for p in _SPLIT_LIST.split(g[_BLIST] or "")]
        if load is None and len(listed) == a:
            return listed, [None] * len(listed), [None] * len(listed)
        if load is None:
            load = _kg(a_text or "", None, unit), False
        return listed, [None] * len(listed), [load] * len(listed)
    reps = _reps(g[_B])
    top = _top(reps, g[_BH])
    c = g[_C]
    if c is not None:
        sets = int(c)
        if load is None or not 1 <= sets <= 10 or top is not None:
            raise _Out
        return [reps] * sets, [None] * sets, [load] * sets
    if top is None and reps > 50:
        raise _Out  # a question the full reader asks
    if load is not None:
        return [reps], [top], [load]
    if not 1 <= a <= 10:
        raise _Out  # no sets, or a form with two readings
    return [reps] * int(a), [top] * int(a), [None] * int(a)


def _groups(text: str, unit: Unit) -> Scheme:
    """``175x5, 175x5, 170x6``, ``60x5 80x3 100x5x3``: each group its own load."""
    reps: list[int] = []
    loads: list[Load | None] = []
    for group in _ONE_GROUP.finditer(text):
        a_text, written = group.group("a"), group.group("au")
        if not (written is not None or "." in a_text or float(a_text) > 20):
            raise _Out  # a group of sets x reps among loaded ones: the grammar's to read
        count = int(group.group("c") or 1)
        if not 1 <= count <= 10:
            raise _Out
        load = _kg(a_text, written, unit), False
        reps.extend([_reps(group.group("b"))] * count)
        loads.extend([load] * count)
    return reps, [None] * len(reps), loads


def _load_apart(g: tuple[str | None, ...], unit: Unit) -> Load:
    """A load after the scheme: ``@100kg``, ``@ 100``, ``100kg``, ``100``, ``bw``, ``+20kg``."""
    if g[_LBW] is not None:
        return _bodyweight(g[_LBWL], g[_LBWU], unit)
    if g[_LP] is not None:
        return _kg(g[_LP] or "", g[_LPU], unit), True
    return _kg(g[_L] or "", g[_LU], unit), False


def _mark(g: tuple[str | None, ...], loaded: bool, effort_at: Effort | None) -> Mark:
    if effort_at is not None:
        return (effort_at,), None, False, False
    word, value, at_rpe, suffixed, at = g[_EW], g[_EV], g[_AV], g[_SV], g[_AT]
    if word is not None:
        rpe = word == "rpe"
        text = value or ""
        if "," not in text and "/" not in text:
            return (_effort(text, rpe),), None, False, False
        return tuple(_effort(p, rpe) for p in _SPLIT_LIST.split(text)), None, False, False
    if at_rpe is not None:
        return (_effort(at_rpe, True),), None, False, False
    if suffixed is not None:
        return (_effort(suffixed, g[_SW] == "rpe"),), None, False, False
    if at is not None:
        if not _rpe_like(at) or not loaded:
            raise _Out  # a load after the load, or an effort that may be a load
        return (_effort(at, True),), None, False, False
    word = g[_MARK]
    if word is None:
        return (), None, False, False
    if word in nt.FAILURE_WORDS:
        return (FAILURE,), None, False, False
    technique = nt.TECHNIQUE_WORDS.get(word)
    if technique is not None:
        return (), technique, False, False
    return (), None, word == "amrap", word != "amrap"


def _rpe_like(text: str) -> bool:
    """``rpe_like`` of the lexer's number for ``text`` (a bare ``@x`` is RPE 5-10 by 0.5)."""
    return rpe_like(Token("num", text, float(text)))


def _effort(text: str, rpe: bool) -> Effort:
    """RIR (or RPE turned into RIR) as ``effort_of`` reads it; one value in range fast."""
    if "-" not in text:
        value = float(text)
        if rpe and limits.rpe_allowed(value):
            rir = limits.rir_of_rpe(value)
            return rir, None, rir == 0.0
        if not rpe and limits.rir_allowed(value):
            return value, None, value == 0.0
    low, _, high = text.partition("-")
    return effort_of(Token("num", text, float(low), float(high) if high else None), rpe)


def _day(text: str | None, today: date) -> date | None:
    """The date of a trailing day word or ISO date."""
    if text is None:
        return None
    if text in nt.RELATIVE_DAYS:
        return date.fromordinal(today.toordinal() - nt.RELATIVE_DAYS[text])
    if text in nt.WEEKDAYS:
        return weekday_date(text, today)
    when = iso_date(text)
    if when is None:
        raise _Out
    check_loggable(when, today)
    return when
