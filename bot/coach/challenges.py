"""A server's group challenge: /challenge start (admins), /challenge show, /challenge end.

Every lifter on the server's boards (logged there, not opted out, not away: see
bot.coach.board_keeper) who trains while the challenge runs takes part; the figures are
bot.domain.figures.challenge's. A challenge runs from the Monday of the week it was
started in (on the starting admin's clock) and is over once its last Sunday has ended
in every time zone. Its end is announced in the server's recap channel: at once when an
admin ends it, or in the next weekly recap when it runs its course.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coach.board_scoring import AWAY
from bot.coach.lifter import Lifter
from bot.coach.names import Names
from bot.coach.replies import Reply, error_reply, literal
from bot.domain.figures import (
    MAX_CHALLENGE_DAYS,
    MAX_CHALLENGE_WEEKS,
    MIN_CHALLENGE_DAYS,
    MIN_CHALLENGE_WEEKS,
    ChallengeProgress,
    ChallengeSpec,
    LifterProgress,
    challenge_progress,
    week_start,
)
from bot.domain.limits import MAX_NAME
from bot.storage.contract import ChallengeRow

START_EXAMPLE = "/challenge start days:3 weeks:4 name:Winter block"
SHOWN = 20  # lifters listed by /challenge show
LAST_ZONE = ZoneInfo("Etc/GMT+12")  # the last clock on Earth to finish a Sunday


def _plain(user_id: str) -> str:
    return user_id


@dataclass(frozen=True)
class ChallengeEnd:
    """The reply to /challenge end, and the announcement for the recap channel (None
    when the server has no recap channel: the reply then says so)."""

    reply: Reply
    announcement: str | None = None
    channel_id: str | None = None
    challenge_id: int | None = None


def spec_of(row: ChallengeRow) -> ChallengeSpec:
    return ChallengeSpec(row.days, row.weeks, row.first_monday)


def is_over(row: ChallengeRow, now: datetime) -> bool:
    return now.astimezone(LAST_ZONE).date() > spec_of(row).last_day


def _day(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b}"


def describe(row: ChallengeRow) -> str:
    spec = spec_of(row)
    days = "1 training day" if row.days == 1 else f"{row.days} training days"
    weeks = "1 week" if row.weeks == 1 else f"{row.weeks} weeks"
    return f"{days} a week for {weeks}, {_day(spec.first_monday)} to {_day(spec.last_day)}"


def _number(text: str | int | None, low: int, high: int) -> int | None:
    try:
        value = int(str(text).strip())
    except ValueError:
        return None
    return value if low <= value <= high else None


class Challenges:
    """The server's challenge: start, show, end, and what the recap says of it."""

    def __init__(self, lifter: Lifter, names: Names) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._names = names

    async def start(self, guild_id: str, admin_id: str, days: str | int | None,
                    weeks: str | int | None, name: str | None = None) -> Reply:
        """Start a challenge from this week (the edge has checked ``admin_id`` is an admin)."""
        if not guild_id:
            return error_reply("Challenges belong to a server.", "Start it in the server.",
                               START_EXAMPLE)
        per_week = _number(days, MIN_CHALLENGE_DAYS, MAX_CHALLENGE_DAYS)
        if per_week is None:
            return error_reply(f"'{days}' is not a number of days a week.",
                               f"Give {MIN_CHALLENGE_DAYS} to {MAX_CHALLENGE_DAYS}.",
                               START_EXAMPLE)
        span = _number(weeks, MIN_CHALLENGE_WEEKS, MAX_CHALLENGE_WEEKS)
        if span is None:
            return error_reply(f"'{weeks}' is not a number of weeks.",
                               f"Give {MIN_CHALLENGE_WEEKS} to {MAX_CHALLENGE_WEEKS}.",
                               START_EXAMPLE)
        title = " ".join((name or "").split())
        if len(title) > MAX_NAME:
            return error_reply(f"That name is {len(title)} characters long.",
                               f"Keep it to {MAX_NAME}.", START_EXAMPLE)
        now = self._lifter.now()
        running = await self.current(guild_id, now)
        if running is not None:
            return error_reply(f"'{running[0].name}' is still running.",
                               "One challenge at a time: end it with /challenge end first.",
                               "/challenge end")
        today = self._lifter.today(await self._lifter.profile_of(admin_id), now)
        title = title or f"{per_week} days a week for {span} weeks"
        row = await self._storage.start_challenge(guild_id, title, per_week, span,
                                                  week_start(today), admin_id, now)
        if row is None:  # another admin started one at the same moment
            return error_reply("A challenge was started here just now.",
                               "See it with /challenge show.", "/challenge show")
        return Reply(title=f"Challenge on: {literal(row.name)}", lines=(
            f"{describe(row)}. This week counts already.",
            "Everyone who logs training here takes part, unless they opted out of the "
            "leaderboards (/leaderboard optout).",
            "Progress: /challenge show. Its end is announced in the recap channel "
            "(/recap set).",
        ), tone="ok", saved=True)

    async def current(self, guild_id: str, now: datetime
                      ) -> tuple[ChallengeRow, ChallengeProgress] | None:
        """The running challenge and its progress; one that ran its course is closed."""
        row = await self._storage.open_challenge(guild_id)
        if row is None:
            return None
        if is_over(row, now):
            await self._storage.end_challenge(row.challenge_id, spec_of(row).last_day)
            return None
        return row, await self.progress(row, now)

    async def progress(self, row: ChallengeRow, now: datetime) -> ChallengeProgress:
        """Everyone's progress, each lifter on their own clock, up to the challenge's
        last day (or the day it was ended)."""
        spec = spec_of(row)
        last = row.ended_on or spec.last_day
        data = await self._storage.board_data(row.guild_id, spec.first_monday,
                                              min(last, now.date() + timedelta(days=1)))
        away = await self._storage.board_away(row.guild_id, now - AWAY)
        days: dict[str, set[date]] = {}
        for user, day in data.days:
            days.setdefault(user, set()).add(day)
        lifters: dict[str, tuple[frozenset[date], date]] = {}
        records: dict[str, float] = {}
        for user, found in days.items():
            info = data.lifters.get(user)
            if user in away or info is None:
                continue
            today = now.astimezone(ZoneInfo(info.timezone or "UTC")).date()
            if row.ended_on is not None:
                today = min(today, row.ended_on + timedelta(days=1))
            lifters[user] = (frozenset(d for d in found if d <= last), today)
            if info.first_day is not None:
                records[user] = -float(info.first_day.toordinal())
        return challenge_progress(spec, lifters, records)

    async def show(self, guild_id: str, caller_id: str, *,
                   mention: Callable[[str], str] = _plain) -> Reply:
        """The running challenge: per lifter and for the group (anyone may look)."""
        if not guild_id:
            return error_reply("Challenges belong to a server.", "Run it in the server.",
                               "/challenge show")
        found = await self.current(guild_id, self._lifter.now())
        if found is None:
            return Reply(title="No challenge running", lines=(
                "An admin starts one with /challenge start, e.g. "
                f"`{START_EXAMPLE}`.",), private=True)
        row, progress = found
        lines = [f"{describe(row)}.", f"Group: {group_line(progress)}"]
        lines += [f"{mention(p.user_id)} · {_lifter_line(p, row.days)}"
                  for p in progress.lifters[:SHOWN]]
        if len(progress.lifters) > SHOWN:
            lines.append(f"… and {len(progress.lifters) - SHOWN} more")
        if not progress.lifters:
            lines.append("Nobody has trained since it began: log a workout to join in.")
        mine = next((p for p in progress.lifters if p.user_id == caller_id), None)
        you = (_lifter_line(mine, row.days) if mine is not None else
               "Not in it yet: your next training day logged here counts.")
        return Reply(title=f"Challenge: {literal(row.name)}", lines=tuple(lines),
                     fields=(("You", you),),
                     footer="Weeks run Monday to Sunday on each lifter's clock.")

    async def end(self, guild_id: str, admin_id: str) -> ChallengeEnd:
        """End the running challenge now, with its results for the recap channel."""
        now = self._lifter.now()
        found = await self.current(guild_id, now) if guild_id else None
        if found is None:
            return ChallengeEnd(Reply(title="No challenge running",
                                      lines=("There is nothing to end.",), private=True))
        row, _ = found
        today = self._lifter.today(await self._lifter.profile_of(admin_id), now)
        ended_on = max(row.first_monday, min(today, spec_of(row).last_day))
        if not await self._storage.end_challenge(row.challenge_id, ended_on):
            return ChallengeEnd(Reply(title="Already ended", lines=(
                "Another admin ended it a moment ago.",), private=True))
        ended = await self._ended_row(guild_id, row.challenge_id) or row
        progress = await self.progress(ended, now)
        names = await self._names.of(guild_id, winners(ended, progress))
        text = end_text(ended, progress, names)
        setting = await self._storage.get_recap(guild_id)
        channel = None if setting is None or not setting.schedule.enabled else (
            setting.schedule.dm_channel_id)
        where = ("Its results go to the recap channel now." if channel else
                 "No recap channel is set, so the results are only here (set one with "
                 "/recap set).")
        reply = Reply(title=f"Challenge ended: {literal(row.name)}",
                      lines=(where, *text.splitlines()), tone="ok", saved=True)
        return ChallengeEnd(reply, text if channel else None, channel, row.challenge_id)

    async def _ended_row(self, guild_id: str, challenge_id: int) -> ChallengeRow | None:
        rows = await self._storage.unannounced_challenges(guild_id)
        return next((r for r in rows if r.challenge_id == challenge_id), None)

    async def ended(self, guild_id: str, now: datetime
                    ) -> list[tuple[ChallengeRow, ChallengeProgress]]:
        """Ended challenges whose end was not announced yet, with their final figures."""
        await self.current(guild_id, now)  # closes one that ran its course
        rows = await self._storage.unannounced_challenges(guild_id)
        return [(row, await self.progress(row, now)) for row in rows]

    async def announced(self, challenge_ids: list[int]) -> None:
        await self._storage.mark_announced(challenge_ids)


def group_line(progress: ChallengeProgress) -> str:
    """How the group stands, for a line that names it first (``Group: …``)."""
    counted = progress.weeks_counted
    lifters = len(progress.lifters)
    if not counted:
        taking = "1 lifter" if lifters == 1 else f"{lifters} lifters"
        return f"{taking} in it, the first week under way"
    return (f"{len(progress.on_track)} of {lifters} lifters on track · "
            f"{progress.weeks_met} of {counted} lifter-weeks met "
            f"({progress.weeks_met / counted:.0%})")


def _lifter_line(p: LifterProgress, days: int) -> str:
    weeks = f"{p.met} of {p.complete} weeks met" if p.complete else "first week"
    if p.this_week is None:
        return weeks
    return f"{weeks} · this week {p.this_week} of {days} days"


def winners(row: ChallengeRow, progress: ChallengeProgress) -> tuple[str, ...]:
    """Who met every week: of all its weeks, or of the weeks it ran when ended early."""
    if row.ended_on is None or row.ended_on >= spec_of(row).last_day:
        return progress.finished
    return tuple(p.user_id for p in progress.lifters if p.complete and p.met == p.complete)


def end_text(row: ChallengeRow, progress: ChallengeProgress, names: Mapping[str, str]
             ) -> str:
    """The results of an ended challenge, in a few lines (``names``: display names)."""
    found = [names.get(u, u) for u in winners(row, progress)]
    lines = [f"**Challenge over: {literal(row.name)}** ({describe(row)})"]
    if found:
        shown = ", ".join(found[:SHOWN]) + (
            f" and {len(found) - SHOWN} more" if len(found) > SHOWN else "")
        lines.append(f"Met every week: {shown}.")
    else:
        lines.append("Nobody met every week this time.")
    lines.append(f"Group: {group_line(progress)}")
    return "\n".join(lines)
