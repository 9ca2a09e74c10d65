"""Dates written in a log line: find them, check them, and take them out.

A weekday (``mon`` ... ``sunday``) is the most recent such day, today included;
``last mon`` means strictly before today. ``yesterday`` and ISO dates
(``2026-11-25``) name that date. Future dates and dates more than 366 days back are
refused, and so is a line naming two different dates.
"""

from __future__ import annotations

from datetime import date

from bot.domain.notation import words as nt
from bot.domain.notation.amounts import fail
from bot.domain.notation.words import Token

__all__ = ["take_dates"]


def take_dates(tokens: list[Token], today: date) -> tuple[list[Token], date | None]:
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
