"""/history: the lifter's sessions, newest first, a page at a time.

Which entries form a session, the page size and the numbers each entry is shown with
come from ``bot.domain.sessions``; this module reads the filters as typed, fetches
one page's entries and words the reply. The numbers are what ``/edit N`` takes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.coach.lifter import Lifter
from bot.coach.log_reply import day_text, describe_entry, note_line
from bot.coach.replies import Paging, Reply, error_reply, literal
from bot.domain.models import LogEntry, StoredEntry, Unit
from bot.domain.sessions import (
    MAX_HISTORY_DAYS,
    HistoryPage,
    SessionHead,
    history_page,
    in_logged_order,
)

MAX_PAGE = 10_000
_EXAMPLE = "/history squat days:30 page:2"


def as_log_entry(entry: StoredEntry) -> LogEntry:
    return LogEntry(exercise=entry.exercise, sets=entry.sets, note=entry.note, pr=entry.pr)


def entry_text(entry: StoredEntry, unit: Unit) -> str:
    """An entry as read, then its note (the PR mark with it)."""
    plain = describe_entry(replace(as_log_entry(entry), note=""), unit)
    note = note_line(entry.note, entry.pr)
    return plain if note is None else f"{plain} · {note}"


def _whole(value: int | str | None, low: int, high: int) -> int | None:
    """A whole number within [low, high] typed or given, else None."""
    if isinstance(value, int):
        return value if low <= value <= high else None
    text = (value or "").strip()
    if not (text.isascii() and text.isdecimal()) or len(text) > 6:
        return None
    return int(text) if low <= int(text) <= high else None


class History:
    """The lifter's own sessions, and nobody else's."""

    def __init__(self, lifter: Lifter) -> None:
        self._lifter = lifter
        self._storage = lifter.storage

    async def history(
        self, user_id: str, exercise: str | None = None, *, page: int | str = 1,
        days: int | str | None = None,
    ) -> Reply:
        """One page of sessions; ``exercise`` shows only sessions with it (only its
        entries); ``days`` only the last so many local days, today included."""
        number = _whole(page, 1, MAX_PAGE)
        if number is None:
            return error_reply(f"'{page}' is not a page number.",
                               f"Use a whole number from 1 to {MAX_PAGE}.", _EXAMPLE)
        window = None if days is None or days == "" else _whole(days, 1, MAX_HISTORY_DAYS)
        if days not in (None, "") and window is None:
            return error_reply(f"'{days}' is not a number of days.",
                               f"Use a whole number from 1 to {MAX_HISTORY_DAYS}.", _EXAMPLE)
        key, name = None, None
        if exercise and exercise.strip():
            catalogue = await self._lifter.catalogue_for(user_id)
            found = catalogue.lookup(exercise)
            if found.exercise is None:
                names = [e.name for e in (*found.ambiguous, *found.suggestions)]
                hint = f"Did you mean {', '.join(names)}?" if names else "Use a name you logged."
                return error_reply(f"I don't know the exercise '{exercise.strip()}'.", hint,
                                   "/history squat")
            key, name = found.exercise.key, found.exercise.name
        profile = await self._lifter.profile_of(user_id)
        today = self._lifter.today(profile)
        since = None if window is None else today - timedelta(days=window - 1)
        heads = await self._storage.session_heads(user_id, key)
        shown = history_page(heads, since=since, page=number)
        entries = await self._storage.session_entries(
            user_id, [head.session_id for head, _ in shown.sessions])
        lines = _page_lines(shown, entries, key, profile.unit, ZoneInfo(profile.timezone),
                            today)
        if not shown.found:
            lines = [_nothing(name, window)]
        return Reply(title=_title(name, window), lines=tuple(lines), private=True,
                     paging=Paging(shown.page, shown.pages, name, window),
                     footer=_footer(shown))


def _title(name: str | None, days: int | None) -> str:
    title = "Your sessions" if name is None else f"Your sessions with {literal(name)}"
    return title if days is None else f"{title}, last {days} day{'s' if days != 1 else ''}"


def _nothing(name: str | None, days: int | None) -> str:
    if name is None and days is None:
        return "Nothing logged yet. Try `/log squat 5x5 rir2`."
    what = "no sessions" if name is None else f"no sessions with {literal(name)}"
    when = "yet" if days is None else f"in the last {days} day{'s' if days != 1 else ''}"
    return f"You have {what} {when}. `/history` lists them all."


def _footer(shown: HistoryPage) -> str | None:
    if not shown.found:
        return None
    return f"Page {shown.page} of {shown.pages} · /edit N TEXT corrects entry N"


def _page_lines(
    shown: HistoryPage, entries: list[StoredEntry], key: str | None, unit: Unit,
    zone: ZoneInfo, today: date,
) -> list[str]:
    """Each session's line, then its entries (only ``key``'s when given) with their
    numbers; entries removed since the page was counted are left out."""
    lines: list[str] = []
    if shown.asked > shown.pages and shown.found:
        lines.append(f"There is no page {shown.asked}; page {shown.pages} is the last.")
    by_session: dict[int, list[StoredEntry]] = {}
    for entry in entries:
        by_session.setdefault(entry.session_id, []).append(entry)
    for head, first in shown.sessions:
        lines.append(_session_line(head, zone, today))
        for place, entry in enumerate(in_logged_order(by_session.get(head.session_id, ()))):
            if key is None or entry.exercise.key == key:
                lines.append(f"`{first + place}` {entry_text(entry, unit)}")
    return lines


def _session_line(head: SessionHead, zone: ZoneInfo, today: date) -> str:
    """``**Thu 26 Nov** · 18:02 · 3 exercises`` (``1 of 3`` under a filter)."""
    at = head.started_at.astimezone(zone)
    size = f"{head.matching} of {head.size}" if head.matching < head.size else str(head.size)
    noun = "exercise" if head.size == 1 else "exercises"
    return f"**{day_text(head.local_date, today)}** · {at:%H:%M} · {size} {noun}"
