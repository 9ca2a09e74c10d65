"""Dates written in a log line: find them, check them, and take them out.

Forms: ``today``, ``yesterday``; a weekday (``mon`` ... ``sunday``: the most recent
such day, today included; ``last mon`` is strictly before today); ``2 days ago``,
``a week ago``; ISO ``2026-11-25`` and ``2026/11/25``; a month by name (``nov 20``,
``20 nov``, ``20th of november``, ``nov 20 2026``); and day and month in numbers
(``20/11``, ``20.11.``, ``20/11/2026``, ``11/20/26``).

Numbers: a part above 12 is the day. When both parts are 12 or less the lifter's
``date_order`` decides (``dmy``: day first, the default; ``mdy``: month first) and
the other reading is returned too, so the entry can ask; when only one reading is a
date that can be logged (not in the future, at most 366 days back), that one is
taken. A date without a year is the most recent such day, today included. A line
holding only numbers like ``10/8`` after a name is a list of reps, not a date: a
numeric date is read at the start of a line, on a line of its own, after ``on`` or a
weekday (``Mon 23/11``), or after the line's sets.

Future dates and dates more than 366 days back are refused, and so is a line naming
two different dates.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, Literal

from bot.domain.notation import words as nt
from bot.domain.notation.amounts import fail
from bot.domain.notation.lexer import Token

__all__ = ["DateOrder", "day_label", "iso_date", "take_dates", "take_whole_dates",
           "weekday_date"]

DateOrder = Literal["dmy", "mdy"]
_NOT_BEFORE_DATE: Final = frozenset({"x", "comma", "slash", "at", "plus", "dash", "hash"})
_SET_WORDS: Final = nt.SETS_WORDS | nt.REPS_WORDS
# Words that may follow the number that starts a date: "20 nov", "20th", "2 days ago".
_AFTER_DAY_NUMBER: Final = frozenset(nt.MONTHS.keys() | nt.ORDINAL_SUFFIXES | nt.AGO_SPANS.keys())
_MONTH_ABBR: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                      "Nov", "Dec")
_DAY_ABBR: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

Found = tuple[date, date | None]  # the date read, and the other reading of its numbers


def weekday_date(word: str, today: date, *, strictly_before: bool = False) -> date:
    """The most recent date that falls on ``word``'s weekday, today included.

    With ``strictly_before`` (``last mon``) a match on today means a week ago.
    """
    back = (today.weekday() - nt.WEEKDAYS[word]) % 7
    if back == 0 and strictly_before:
        back = 7
    return today - timedelta(days=back)


def iso_date(text: str) -> date | None:
    """``2026-11-25`` as a date, or None when the day does not exist."""
    year, month, day = text.split("-")
    return _calendar(int(year), int(month), int(day))


def day_label(when: date, today: date) -> str:
    """``Fri 20 Nov``, with the year when it is not this one: ``Thu 11 Dec 2025``."""
    text = f"{_DAY_ABBR[when.weekday()]} {when.day} {_MONTH_ABBR[when.month - 1]}"
    return text if when.year == today.year else f"{text} {when.year}"


def _calendar(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _loggable(when: date | None, today: date) -> bool:
    return when is not None and when <= today and (today - when).days <= nt.MAX_DAYS_BACK


def _without_year(month: int, day: int, today: date) -> date | None:
    """The most recent ``day``/``month`` not after today."""
    this_year = _calendar(today.year, month, day)
    if this_year is not None and this_year <= today:
        return this_year
    return _calendar(today.year - 1, month, day)


def _year(text: str) -> int:
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _numeric(parts: list[str], today: date, order: DateOrder) -> Found | None:
    """``20/11``, ``11/20/2026``, ``2026/11/20``: the date by the rules above, or None."""
    if len(parts[0]) == 4:
        when = _calendar(int(parts[0]), int(parts[1]), int(parts[2]))
        return (when, None) if when is not None else None
    a, b = int(parts[0]), int(parts[1])
    year = _year(parts[2]) if len(parts) == 3 else None

    def reading(month: int, day: int) -> date | None:
        if year is None:
            return _without_year(month, day, today)
        return _calendar(year, month, day)

    day_first = reading(b, a) if b <= 12 else None
    month_first = reading(a, b) if a <= 12 else None
    chosen, other = (day_first, month_first) if order == "dmy" else (month_first, day_first)
    if chosen is None or (not _loggable(chosen, today) and _loggable(other, today)):
        chosen, other = other, None
    if chosen is None:
        return None
    if other == chosen or not _loggable(other, today):
        other = None
    return chosen, other


def _numeric_at(tokens: list[Token], i: int) -> tuple[list[str], int] | None:
    """The parts of ``20/11`` or ``20/11/2026`` starting at ``i``, and where they end."""
    n = len(tokens)
    parts = [tokens[i].text]
    j = i + 1
    while j + 1 < n and len(parts) < 3 and tokens[j].kind == "slash" \
            and tokens[j + 1].kind == "num":
        parts.append(tokens[j + 1].text)
        j += 2
    if len(parts) < 2 or not all(p.isdecimal() for p in parts):
        return None
    if len(parts) == 3 and len(parts[0]) != 4 and len(parts[2]) not in (2, 4):
        return None
    if len(parts[0]) > 2 and len(parts[0]) != 4:
        return None
    return parts, j


def _date_place(tokens: list[Token], i: int, end: int) -> bool:
    """Whether numbers at ``i:end`` stand where a date is written (see the module notes)."""
    if end < len(tokens):
        after = tokens[end]
        if after.kind in ("x", "plus") or after.text in nt.UNIT_WORDS or after.text in _SET_WORDS:
            return False
    if i == 0:
        return True
    before = tokens[i - 1]
    if (before.kind == "word" and before.text in ("on", "date")) or before.kind == "day":
        return True  # "on 20/11", "Mon 23/11"
    if before.kind in _NOT_BEFORE_DATE:
        return False
    return any(t.kind == "x" or t.text in _SET_WORDS for t in tokens[:i])


def _day_number(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """A day of the month at ``j`` (``20``, ``20th``), and where it ends."""
    if j >= len(tokens) or tokens[j].kind != "num" or not tokens[j].text.isdecimal():
        return None
    day = int(tokens[j].text)
    if not 1 <= day <= 31:
        return None
    j += 1
    if j < len(tokens) and tokens[j].text in nt.ORDINAL_SUFFIXES:
        j += 1
    if j < len(tokens) and (tokens[j].kind == "x" or tokens[j].text in nt.UNIT_WORDS):
        return None
    return day, j


def _year_at(tokens: list[Token], j: int) -> tuple[int | None, int]:
    if j < len(tokens) and tokens[j].kind == "num" and len(tokens[j].text) == 4:
        return int(tokens[j].text), j + 1
    return None, j


def _named_month(tokens: list[Token], i: int, today: date) -> tuple[int, Found, int] | None:
    """``nov 20 [2026]`` or ``20[th] [of] nov [2026]`` starting at ``i``: (start, date,
    end)."""
    n = len(tokens)
    if tokens[i].text in nt.MONTHS:
        month_word = tokens[i].text
        found = _day_number(tokens, i + 1)
        if found is None:
            return None
        day, j = found
    else:
        found = _day_number(tokens, i)
        if found is None:
            return None
        day, j = found
        if j < n and tokens[j].text == "of":
            j += 1
        if j >= n or tokens[j].text not in nt.MONTHS:
            return None
        month_word = tokens[j].text
        j += 1
    if j + 1 < n and tokens[j].kind == "comma" and len(tokens[j + 1].text) == 4:
        j += 1  # "Dec 1, 2026", as apps write it
    year, end = _year_at(tokens, j)
    end = _time_of_day(tokens, end)
    month = nt.MONTHS[month_word]
    when = _without_year(month, day, today) if year is None else _calendar(year, month, day)
    if when is None:
        fail(f"{day} {month_word} is not a date on the calendar.",
             "Write the day and the month, like 20 nov or nov 20.", "squat 5x5 @100kg nov 2")
    return i, (when, None), end


def _time_of_day(tokens: list[Token], j: int) -> int:
    """Past a time of day after a date (``at 7:05am``, ``18:30 pm``): where it ends. A
    workout app's header gives one; the day is what a log keeps."""
    k = j + 1 if j < len(tokens) and tokens[j].text == "at" else j
    if k < len(tokens) and tokens[k].kind == "clock":
        if k + 1 < len(tokens) and tokens[k + 1].text in ("am", "pm"):
            return k + 2
        if k > j:
            return k + 1
    return j


def _ago(tokens: list[Token], i: int, today: date) -> tuple[Found, int] | None:
    """``2 days ago``, ``a week ago`` starting at ``i``."""
    if i + 2 >= len(tokens) or tokens[i + 2].text != "ago":
        return None
    count_tok, span = tokens[i], tokens[i + 1].text
    if span not in nt.AGO_SPANS:
        return None
    if count_tok.text == "a":
        count = 1
    elif count_tok.kind == "num" and count_tok.text.isdecimal():
        count = int(count_tok.text)
    else:
        return None
    days = count * nt.AGO_SPANS[span]
    return (date.fromordinal(max(1, today.toordinal() - min(days, 10_000))), None), i + 3


def _one_at(
    tokens: list[Token], i: int, today: date, order: DateOrder
) -> tuple[Found, int, int] | None:
    """A date starting at ``i`` (possibly at ``i - 1`` for ``last mon``): (found, start,
    end), or None."""
    tok = tokens[i]
    kind = tok.kind
    if kind == "date":
        when = iso_date(tok.text)
        if when is None:
            recent = date.fromordinal(today.toordinal() - 2).isoformat()
            fail(f"{tok.text} is not a date on the calendar.",
                 f"Write dates as year-month-day, like {recent}.", f"squat 5x5 @100kg {recent}")
        return (when, None), i, i + 1
    if kind == "day":
        if tok.text in nt.RELATIVE_DAYS:
            return (today - timedelta(days=nt.RELATIVE_DAYS[tok.text]), None), i, i + 1
        before = i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].text in nt.LAST_WORDS
        when = weekday_date(tok.text, today, strictly_before=before)
        return (when, None), i - 1 if before else i, i + 1
    after_scheme = i > 0 and tokens[i - 1].kind in _NOT_BEFORE_DATE and not (
        i > 1 and tokens[i - 1].kind == "comma" and tokens[i - 2].kind == "day")  # "Tue, Dec 1"
    if (kind == "word" or kind == "num") and not after_scheme:
        ago = _ago(tokens, i, today)
        if ago is not None:
            return ago[0], i, ago[1]
        named = _named_month(tokens, i, today)
        if named is not None:
            return named[1], named[0], named[2]
    if kind == "num":
        numeric = _numeric_at(tokens, i)
        if numeric is not None and _date_place(tokens, i, numeric[1]):
            found = _numeric(numeric[0], today, order)
            if found is not None:
                return found, i, numeric[1]
    return None


def take_dates(
    tokens: list[Token], today: date, order: DateOrder = "dmy"
) -> tuple[list[Token], Found | None]:
    """Remove the tokens of dates; return the rest and the one date they name (if any),
    with the other reading of an ambiguous numeric date."""
    found: Found | None = None
    kept: list[Token] = []
    i, n = 0, len(tokens)
    months = nt.MONTHS
    while i < n:
        tok = tokens[i]
        kind = tok.kind
        if kind == "date" or kind == "day" or (kind == "word" and (
            tok.text in months or tok.text == "a"
        )) or (kind == "num" and i + 1 < n and (
            tokens[i + 1].kind == "slash" or tokens[i + 1].text in _AFTER_DAY_NUMBER
        )):
            hit = _one_at(tokens, i, today, order)
        else:
            hit = None
        if hit is None:
            kept.append(tok)
            i += 1
            continue
        when, start, end = hit
        if start < i:  # "last" before a weekday was kept already
            kept.pop()
        if found is not None and when[0] != found[0]:
            fail(f"That line names two dates ({found[0].isoformat()} and {when[0].isoformat()}).",
                 "Give each line one date at most.", "squat 5x5 @100kg yesterday")
        if found is None:
            found = when
        i = end
    if found is not None:
        check_loggable(found[0], today)
    return kept, found


def take_whole_dates(tokens: list[Token], today: date) -> tuple[list[Token], Found | None]:
    """``take_dates`` for a line whose only date tokens are whole ones (``mon``,
    ``yesterday``, ``2026-11-25``): the same result, found faster."""
    kept = [t for t in tokens if t.kind != "day" and t.kind != "date"]
    if len(kept) == len(tokens) - 1 and not any(t.text in nt.LAST_WORDS for t in kept):
        tok = next(t for t in tokens if t.kind == "day" or t.kind == "date")
        if tok.kind == "day":
            if tok.text in nt.RELATIVE_DAYS:
                when = date.fromordinal(today.toordinal() - nt.RELATIVE_DAYS[tok.text])
            else:
                when = weekday_date(tok.text, today)
            return kept, (when, None)
    return take_dates(tokens, today)


def check_loggable(when: date, today: date) -> None:
    """Refuse a date in the future or more than a year back."""
    if when > today:
        fail(f"{when.isoformat()} is in the future.",
             "Log sets you have done: today, yesterday, a weekday or a past date.",
             "squat 5x5 @100kg yesterday")
    if today.toordinal() - when.toordinal() > nt.MAX_DAYS_BACK:
        fail(f"{when.isoformat()} is more than a year ago.", "Backdate by a year at most.",
             "squat 5x5 @100kg yesterday")
