"""Working out lifters' board figures from the storage, at a given instant.

Used by bot.coach.board_keeper for a whole board (a server's first), for the lifters
that changed since a kept board, and for one time zone's lifters at its next midnight
(worked out before it, so the turn costs a request nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coach.board_cache import Score
from bot.coach.figure_text import WINDOWS
from bot.domain.figures import (
    BOARD_AWAY_WEEKS,
    BoardLifter,
    DisciplineDay,
    Metric,
    Targets,
    consistency_figures,
    discipline_figures,
    week_start,
)
from bot.domain.models import DEFAULT_TARGET
from bot.storage.contract import BoardData, DisciplineRow, Storage

AWAY = timedelta(weeks=BOARD_AWAY_WEEKS)
_WHOLE = 3  # more than a third of a board's lifters at once: one read of the whole range


@dataclass(frozen=True)
class Scored:
    """Figures worked out for some lifters at one instant.

    ``scores`` holds every lifter asked for (None: not listed); ``zones`` the zone of
    each one read; ``ahead`` those with a training day after their today; ``todays``
    each zone's date at that instant.
    """

    scores: dict[str, Score]
    zones: dict[str, str]
    ahead: set[str]
    todays: dict[str, date]


def today_in(zone: str, at: datetime) -> date:
    return at.astimezone(ZoneInfo(zone)).date()


async def score(
    storage: Storage, guild_id: str, metric: Metric, window: str, at: datetime,
    users: set[str] | None, listed: int = 0,
) -> Scored:
    """The figures of ``users`` (everyone's when None) as they stand at ``at``.

    ``listed`` is how many lifters the board holds: a large share of them is read as
    one range of the whole server rather than lifter by lifter.
    """
    weeks = WINDOWS[window]
    # Every lifter's today lies within a day of the UTC date, whatever their zone.
    until = at.date() + timedelta(days=1)
    since = None if weeks is None else (
        week_start(at.date() - timedelta(days=1)) - timedelta(weeks=weeks - 1))
    discipline = metric == "discipline"
    cutoff = at - AWAY
    if users is None or _WHOLE * len(users) > listed:
        data = await storage.board_data(guild_id, since, until)
        rows = await storage.board_discipline(guild_id, since, until) if discipline else []
        away = await storage.board_away(guild_id, cutoff)
        if users is not None:
            away |= set(data.lifters) - users
    else:
        data, rows = await storage.board_subset(guild_id, sorted(users), since, until,
                                                discipline=discipline)
        away = await storage.board_away(guild_id, cutoff, sorted(users))
    if away:
        data, rows = _without(data, rows, away)
    todays: dict[str, date] = {}
    lifters = _lifters(data, at, todays)
    if discipline:
        figures = discipline_figures(lifters, (
            (r.user_id, r.local_date,
             DisciplineDay(r.short, r.judged, r.hard_sessions, r.sessions)) for r in rows
        ), weeks)
        found = dict(figures.values)
    else:
        found = await _consistency(storage, guild_id, metric, weeks, since, data, lifters)
    firsts = _first_days(data, lifters, found)
    scores: dict[str, Score] = dict.fromkeys(users or ())
    scores.update({u: (value, firsts[u]) for u, value in found.items()})
    return Scored(
        scores=scores,
        zones={u: row.timezone or "UTC" for u, row in data.lifters.items()},
        ahead={u for u, day in data.days if u in lifters and day > lifters[u].today},
        todays=todays)


async def _consistency(
    storage: Storage, guild_id: str, metric: Metric, weeks: int | None, since: date | None,
    data: BoardData, lifters: dict[str, BoardLifter],
) -> dict[str, float]:
    assert metric != "discipline"
    figures = consistency_figures(metric, lifters, data.days, weeks, since=since)
    values = dict(figures.values)
    if figures.incomplete:
        # Streaks that reach back beyond the window: read those lifters' whole history.
        days, histories = await storage.board_days_of(guild_id, sorted(figures.incomplete))
        again = {u: lifters[u]._replace(targets=histories.get(u) or _plain_target(data, u))
                 for u in figures.incomplete}
        values.update(consistency_figures(metric, again, days, weeks).values)
    return values


def _without(
    data: BoardData, rows: list[DisciplineRow], away: set[str]
) -> tuple[BoardData, list[DisciplineRow]]:
    """The board's data without the members who are away from the server (or not asked)."""
    kept = BoardData(
        days=[(u, d) for u, d in data.days if u not in away],
        lifters={u: row for u, row in data.lifters.items() if u not in away},
        histories={u: h for u, h in data.histories.items() if u not in away})
    return kept, [r for r in rows if r.user_id not in away]


def _lifters(data: BoardData, at: datetime, todays: dict[str, date]) -> dict[str, BoardLifter]:
    """Each listed lifter's today, targets and first day; ``todays`` collects the zones."""
    out: dict[str, BoardLifter] = {}
    for user, row in data.lifters.items():
        zone = row.timezone or "UTC"
        today = todays.get(zone)
        if today is None:
            today = todays[zone] = today_in(zone, at)
        targets: Targets = data.histories.get(user) or _plain_target(data, user)
        out[user] = BoardLifter(today, targets, row.first_day)
    return out


def _first_days(
    data: BoardData, lifters: dict[str, BoardLifter], found: dict[str, float]
) -> dict[str, int]:
    """The ordinal of each ranked lifter's first training day (on or before their today)."""
    firsts = {u: lifters[u].first_day for u in found}
    earliest: dict[str, date] = {}
    for user, day in data.days:
        if (firsts.get(user, date.min) is None and day <= lifters[user].today
                and day < earliest.get(user, date.max)):
            earliest[user] = day
    return {u: (first or earliest.get(u) or lifters[u].today).toordinal()
            for u, first in firsts.items()}


def _plain_target(data: BoardData, user: str) -> int:
    """The target of a lifter whose target did not change in the range read."""
    row = data.lifters[user]
    if row.target_at_since is not None:
        return row.target_at_since
    return row.weekly_target or DEFAULT_TARGET
