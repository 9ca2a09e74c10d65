"""What a lifter tells the coach about themselves: profile, soreness, own exercises' tiers."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from bot.coach import help_text, own_exercises
from bot.coach.lifter import Lifter
from bot.coach.replies import Reply, error_reply, literal
from bot.domain.advice import W4_MIN_DAYS
from bot.domain.catalogue import normalize_body_part, slugify, vocabulary_hint
from bot.domain.models import (
    GOALS,
    MAX_TARGET,
    MIN_TARGET,
    TIERS,
    Exercise,
    Goal,
    Soreness,
    Tier,
)
from bot.domain.notation import unit_of
from bot.domain.reminders import ScheduleError, parse_timezone

MAX_SORE_DAYS = 60


class Profiles:
    """The lifter's own settings: their profile, soreness reports, own exercises' tiers."""

    def __init__(self, lifter: Lifter) -> None:
        self._lifter = lifter
        self._storage = lifter.storage

    # /profile ------------------------------------------------------------------

    async def set(
        self,
        user_id: str,
        unit: str | None = None,
        goal: str | None = None,
        timezone: str | None = None,
        target: str | int | None = None,
    ) -> Reply:
        current = await self._lifter.profile_of(user_id)
        updated = current
        if unit is not None:
            u = unit_of(unit)
            if u is None:
                return error_reply(f"'{unit}' is not a unit I know.", "Use kg or lb.",
                                   "/profile unit:lb")
            updated = replace(updated, unit=u)
        if goal is not None:
            g = goal.strip().lower()
            if g not in GOALS:
                return error_reply(f"'{goal}' is not a goal I know.",
                                   "Pick hypertrophy, strength or general.",
                                   "/profile goal:hypertrophy")
            updated = replace(updated, goal=_goal(g))
        if timezone is not None:
            zone = parse_timezone(timezone)
            if isinstance(zone, ScheduleError):
                return error_reply(zone.error, zone.hint, f"/profile tz:{zone.example}")
            updated = replace(updated, timezone=zone)
        if target is not None:
            try:
                days = int(str(target).strip())
            except ValueError:
                days = 0
            if not MIN_TARGET <= days <= MAX_TARGET:
                return error_reply(f"'{target}' is not a weekly target.",
                                   "Give the days a week you plan to train, "
                                   f"{MIN_TARGET} to {MAX_TARGET}.",
                                   "/profile target:3")
            updated = replace(updated, weekly_target=days)
        asked = any(v is not None for v in (unit, goal, timezone, target))
        if asked and (updated != current or await self._storage.get_profile(user_id) is None):
            now = self._lifter.now()
            today = now.astimezone(ZoneInfo(updated.timezone)).date()
            await self._storage.save_profile(user_id, updated, now, today)
        title = "Profile saved" if updated != current else "Your profile"
        return Reply(
            title=title,
            fields=(
                ("Unit", updated.unit), ("Goal", updated.goal), ("Time zone", updated.timezone),
                ("Weekly target", f"{updated.weekly_target} days"),
            ),
            tone="ok" if updated != current else "info",
            private=True,
            saved=updated != current,
        )

    # /sore ---------------------------------------------------------------------

    async def sore(self, user_id: str, body_part: str, days: str | int) -> Reply:
        """Store a soreness report under the body part's vocabulary name ("back" stays
        "back": W4 expands a group to its muscles when it checks an exercise)."""
        part = normalize_body_part(body_part)
        if part is None:
            return error_reply(f"I don't know the body part '{body_part.strip()}'.",
                               vocabulary_hint(), "/sore quads 6")
        try:
            n = int(str(days).strip())
        except ValueError:
            n = -1
        if not 0 <= n <= MAX_SORE_DAYS:
            return error_reply(f"'{days}' is not a number of days.",
                               f"Give how many days it has been sore, 0 to {MAX_SORE_DAYS} "
                               "(0 clears it).", "/sore quads 6")
        await self._storage.set_soreness(user_id, Soreness(part, n, self._lifter.now()))
        if n == 0:
            return Reply(title="Soreness cleared", lines=(f"{part}: no longer sore.",),
                         tone="ok", private=True, saved=True)
        note = (f"Sore {W4_MIN_DAYS} days or more: I'll suggest fewer failure sets for it "
                "[W4]." if n >= W4_MIN_DAYS
                else f"Noted. If it is still sore after {W4_MIN_DAYS} days, tell me again.")
        return Reply(title=f"{part.capitalize()}: sore for {n} day{'s' if n != 1 else ''}",
                     lines=(note,), tone="ok", private=True, saved=True)

    # /exercise -----------------------------------------------------------------

    async def exercise(self, user_id: str, name: str, tier: str) -> Reply:
        t = tier.strip().upper().removeprefix("TIER").strip()
        if t not in TIERS:
            return error_reply(f"'{tier}' is not a tier.", "Tiers are A, B, C and D; "
                               "ask /help for what each means.", "/exercise zercher squat tier:A")
        clean = " ".join(name.split()).lower()
        if not clean or len(clean) > 60:
            return error_reply("The exercise name is empty or too long.",
                               "Give the name you log it under (at most 60 characters).",
                               "/exercise zercher squat tier:A")
        catalogue = await self._lifter.catalogue_for(user_id)
        found = catalogue.lookup(clean)
        if found.exercise is not None and not found.exercise.custom:
            built_in = found.exercise
            return error_reply(
                f"{built_in.name} is a built-in exercise (tier {built_in.tier}).",
                "Built-in tiers follow the coaching rules; set tiers for your own exercises.",
                "/exercise zercher squat tier:A", title="That one is built in",
            )
        key = found.exercise.key if found.exercise is not None else slugify(clean)
        mine = Exercise(key=key, name=clean, tier=_tier(t), custom=True)
        await self._storage.save_custom_exercise(user_id, mine)
        return Reply(title=f"{literal(clean)}: tier {t}",
                     lines=(help_text.TIERS[TIERS.index(_tier(t))],),
                     tone="ok", private=True, saved=True)

    async def rename_exercise(self, user_id: str, old: str, new: str) -> Reply:
        """/exercise OLD rename:NEW: every entry of the lifter's own exercise gets the name."""
        return await own_exercises.rename(self._lifter, user_id, old, new)

    async def merge_exercise(self, user_id: str, old: str, into: str) -> Reply:
        """/exercise OLD merge:LIFT: the own exercise's entries become the catalogue lift's
        (also the one-step yes to "did you mean LIFT?" after a log)."""
        return await own_exercises.merge(self._lifter, user_id, old, into)


def _goal(text: str) -> Goal:
    for g in GOALS:
        if g == text:
            return g
    return "general"


def _tier(text: str) -> Tier:
    for t in TIERS:
        if t == text:
            return t
    raise ValueError(text)
