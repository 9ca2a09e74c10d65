"""/plan: this week's plan, the block choice, and the plan line under a log reply.

The plan itself is pure (bot.domain.plan); this area reads what it needs (profile,
soreness, the last weeks' entries, the block setting), passes the lifter's own week
(Monday to Sunday in their time zone) and renders the answer. The weekly check-in
(bot/coach/checkin.py) reads the same plan through :meth:`Plan.week_plan`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.coach.checkin import Checkins
from bot.coach.lifter import Lifter, rehydrate
from bot.coach.replies import Reply, error_reply, literal
from bot.domain.catalogue import Catalogue
from bot.domain.models import LOG_EXAMPLE, Exercise, Profile, Soreness, StoredEntry
from bot.domain.plan import (
    BLOCK_CHOICES,
    BlockChoiceError,
    BlockSetting,
    PlanInputs,
    WeekPlan,
    budget_line,
    day_label,
    default_setting,
    group_fields,
    headline,
    monday_of,
    parse_block,
    plan_check,
    plan_week,
    starter_lines,
    with_length,
)
from bot.storage.contract import PlanSettingsRow

LOOKBACK = timedelta(weeks=6)  # four weeks of habits, this week, and a margin for zones
BLOCK_USAGE = "/plan block:" + "|".join(f"{n}w" for n in BLOCK_CHOICES) + "|off"


def name_of(exercise: Exercise) -> str:
    """An exercise's name, safe to show (a lifter's own names are their own text)."""
    return literal(exercise.name)


@dataclass(frozen=True)
class LifterWeek:
    """What a plan is worked out from for one lifter, read once."""

    profile: Profile
    entries: tuple[StoredEntry, ...]
    inputs: PlanInputs


class Plan:
    """/plan and /plan block; the check-in's settings live on :attr:`checkins`."""

    def __init__(self, lifter: Lifter) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self.checkins = Checkins(lifter, self)

    # /plan ------------------------------------------------------------------------

    async def show(self, user_id: str, block: str | None = None) -> Reply:
        """This week's plan (private); ``block`` first changes the block length."""
        profile = await self._lifter.profile_of(user_id)
        now = self._lifter.now()
        monday = monday_of(self._lifter.today(profile, now))
        said: tuple[str, ...] = ()
        if block is not None and block.strip():
            weeks = parse_block(block)
            if isinstance(weeks, BlockChoiceError):
                return error_reply(weeks.error, weeks.hint, weeks.example)
            current = await self._storage.get_plan_settings(user_id)
            chosen = with_length(_setting(current), weeks, monday)
            await self._storage.save_plan_settings(user_id, _row(chosen), now)
            said = (f"Blocks set: {weeks} weeks of failure, then {weeks} heavy."
                    if weeks else "Blocks off: the tier policy every week, no heavy blocks.",)
        week = await self.read_week(user_id, now)
        plan = plan_week(week.inputs)
        reply = render(plan, profile)
        return Reply(title=reply.title, lines=(*said, *reply.lines), fields=reply.fields,
                     footer=reply.footer, private=True, saved=bool(said),
                     tone="ok" if said else "info")

    # the week -----------------------------------------------------------------------

    async def setting(self, user_id: str, today: date) -> BlockSetting:
        """The lifter's blocks, stored with the default the first time they are needed."""
        kept = await self._storage.keep_plan_settings(
            user_id, _row(default_setting(today)), self._lifter.now())
        return BlockSetting(kept.block_weeks, kept.block_start)

    async def read_week(self, user_id: str, now: datetime, today: date | None = None,
                        before: date | None = None, setting: BlockSetting | None = None
                        ) -> LifterWeek:
        """The plan's inputs for the week holding ``today`` (default: the lifter's today);
        ``before`` leaves out entries from that local date on (a week's plan as it
        stood when the week began); ``setting`` saves reading the blocks again."""
        profile = await self._lifter.profile_of(user_id)
        day = today or self._lifter.today(profile, now)
        setting = setting or await self.setting(user_id, day)
        catalogue = await self._lifter.catalogue_for(user_id)
        entries = await self._entries(user_id, now, catalogue)
        if before is not None:
            entries = tuple(e for e in entries if e.local_date < before)
        soreness = tuple(await self._storage.soreness(user_id))
        inputs = PlanInputs(entries, monday_of(day), day, now, setting, profile.goal,
                            profile.weekly_target, soreness, _deload(profile))
        return LifterWeek(profile, entries, inputs)

    async def week_plan(self, user_id: str, now: datetime, today: date | None = None,
                        before: date | None = None) -> WeekPlan:
        return plan_week((await self.read_week(user_id, now, today, before)).inputs)

    async def _entries(self, user_id: str, now: datetime, catalogue: Catalogue
                       ) -> tuple[StoredEntry, ...]:
        found = await self._storage.entries_since(user_id, now - LOOKBACK)
        return tuple(rehydrate(e, catalogue) for e in found)

    # the log reply ------------------------------------------------------------------

    async def note_for_log(self, user_id: str, fresh_entries: Sequence[StoredEntry]
                           ) -> tuple[str, ...]:
        """The plan's lines under a log reply: as planned, or off plan and why.

        Only for a lifter who has a plan (they opened /plan, chose a block or turned
        the check-in on); the plan judged is the one from before this log. A log reply
        works it out from what the log read (:meth:`note_from`); this reads it all.
        """
        stored = await self._storage.get_plan_settings(user_id) if fresh_entries else None
        if stored is None:
            return ()
        now = self._lifter.now()
        profile = await self._lifter.profile_of(user_id)
        catalogue = await self._lifter.catalogue_for(user_id)
        fresh = [rehydrate(e, catalogue) for e in fresh_entries]
        older = await self._entries(user_id, now, catalogue)
        soreness = await self._storage.soreness(user_id)
        return self.note_from(fresh, stored, profile, older, soreness, now)

    def note_from(
        self, fresh: Sequence[StoredEntry], stored: PlanSettingsRow | None, profile: Profile,
        older: Sequence[StoredEntry], soreness: Sequence[Soreness], now: datetime,
    ) -> tuple[str, ...]:
        """:meth:`note_for_log` from what a log read: its plan blocks, its ``older``
        entries (the plan's look-back at least) and the lifter's soreness; no trip to
        the database."""
        setting = _setting(stored)
        if setting is None or not fresh:
            return ()
        day = self._lifter.today(profile, now)
        fresh_ids = {e.entry_id for e in fresh}
        since = now - LOOKBACK
        week = sorted((e for e in [*(o for o in older if o.entry_id not in fresh_ids), *fresh]
                       if e.performed_at >= since), key=lambda e: (e.performed_at, e.entry_id))
        before = tuple(e for e in week if e.entry_id not in fresh_ids)
        plan = plan_week(PlanInputs(
            before, monday_of(day), day, now, setting, profile.goal,
            profile.weekly_target, tuple(soreness), _deload(profile)))
        this_week = [e for e in week if e.local_date >= plan.week_first]
        return plan_check(fresh, this_week, plan, name_of)


def render(plan: WeekPlan, profile: Profile) -> Reply:
    """The /plan reply: the week's kind, then each group of days with its exercises."""
    title = f"Your plan · week of {day_label(plan.week_first)}"
    footer = (f"Weeks run Monday to Sunday in your time zone ({literal(profile.timezone)}). "
              f"Blocks: {BLOCK_USAGE}.")
    if not plan.exercises:
        return Reply(title=title, lines=(
            "Nothing logged in the last four weeks, so there is nothing to plan yet.",
            f"Log a session (`/log {LOG_EXAMPLE}`) and /plan starts from it: a starter "
            "plan that adapts as you log.", *headline(plan, name_of)[:2]),
            footer=footer, private=True)
    lines = [*headline(plan, name_of), *starter_lines(plan)]
    budget = budget_line(plan)
    if budget:
        lines.append(budget)
    return Reply(title=title, lines=tuple(lines), fields=group_fields(plan, name_of),
                 footer=footer, private=True)


def _setting(row: PlanSettingsRow | None) -> BlockSetting | None:
    return None if row is None else BlockSetting(row.block_weeks, row.block_start)


def _row(setting: BlockSetting) -> PlanSettingsRow:
    return PlanSettingsRow(setting.weeks, setting.start)


def _deload(profile: Profile) -> tuple[date, date] | None:
    """The declared deload's first and last day (a profile without deloads: None)."""
    first, last = profile.deload_from, profile.deload_until
    if first is not None and last is not None:
        return first, last
    return None
