"""What a lifter tells the coach about themselves: profile, soreness, own exercises' tiers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.coach import help_text, own_exercises
from bot.coach.lifter import Lifter
from bot.coach.replies import Reply, error_reply, literal
from bot.domain import guard, limits
from bot.domain.advice import W4_MIN_DAYS
from bot.domain.catalogue import normalize_body_part, slugify, vocabulary_hint
from bot.domain.figures import declared, deload_end, plate_step_kg, week_start
from bot.domain.limits import MAX_OWN_EXERCISES
from bot.domain.models import (
    GOALS,
    LB_TO_KG,
    MAX_TARGET,
    MIN_TARGET,
    TIERS,
    Exercise,
    Goal,
    Profile,
    Soreness,
    Tier,
)
from bot.domain.notation import format_load, unit_of
from bot.domain.reminders import ScheduleError, parse_timezone
from bot.storage.log_types import DATE_ORDERS, DateOrder

MAX_SORE_DAYS = 60
MAX_DELOAD_WEEKS = 4
MIN_STEP_KG = 0.25
MAX_STEP_KG = 25.0
_STEP_RANGE = "0.25 to 25 kg (or the same in lb)"


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
        increment: str | float | None = None,
        dates: str | None = None,
    ) -> Reply:
        current = await self._lifter.profile_of(user_id)
        updated = current
        prefs = await self._storage.get_log_prefs(user_id)
        # Naming a unit, even the default, makes it the lifter's choice (no pounds question).
        chose_unit = unit is not None and not prefs.unit_chosen
        was_order = prefs.date_order
        order = was_order if dates is None else _date_order(dates)
        if order is None:
            return error_reply(f"'{dates}' is not a date order I know.",
                               "dmy reads 3/11 as 3 November, mdy as 11 March.",
                               "/profile dates:mdy")
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
        if increment is not None:
            ok, step = _plate_step(increment, updated.unit)
            if not ok:
                return error_reply(f"'{increment}' is not a plate step I can use.",
                                   f"Give the smallest load you can add, {_STEP_RANGE}.",
                                   "/profile increment:1.25")
            updated = replace(updated, increment_kg=step)
            if updated.increment_kg != current.increment_kg:
                await self._storage.save_increment(user_id, step, self._lifter.now())
        asked = any(v is not None for v in (unit, goal, timezone, target))
        if asked and (updated != current or chose_unit
                      or await self._storage.get_profile(user_id) is None):
            now = self._lifter.now()
            today = now.astimezone(ZoneInfo(updated.timezone)).date()
            await self._storage.save_profile(user_id, updated, now, today,
                                             unit_chosen=unit is not None)
        if order != was_order:
            await self._storage.save_date_order(user_id, order, self._lifter.now())
        changed = updated != current or order != was_order or chose_unit
        title = "Profile saved" if changed else "Your profile"
        return Reply(
            title=title,
            lines=_target_note(current, updated, self._lifter.today(updated)),
            fields=(
                ("Unit", updated.unit), ("Goal", updated.goal), ("Time zone", updated.timezone),
                ("Weekly target", f"{updated.weekly_target} days"),
                *_step_field(updated),
                *_deload_field(updated, self._lifter.today(updated)),
                ("Dates", DATE_ORDER_TEXT[order]),
            ),
            tone="ok" if changed else "info",
            private=True,
            saved=changed,
        )

    # /deload -------------------------------------------------------------------

    async def deload(self, user_id: str, action: str, weeks: str | int | None = None) -> Reply:
        """Start a deload of ``weeks`` weeks from today (``on``) or end it (``off``):
        while it runs W5, A3 and W7 stay quiet and next-time suggestions pause."""
        verb = action.strip().lower()
        profile = await self._lifter.profile_of(user_id)
        today = self._lifter.today(profile)
        now = self._lifter.now()
        if verb == "off":
            if not declared(profile, today):
                return Reply(title="No deload on", lines=("Nothing to end: no deload runs.",),
                             private=True)
            # Ended early: the days it ran stay on record (the log reply re-reads
            # what it said on them); begun today, it simply goes.
            start = profile.deload_from
            if start is not None and start < today:
                await self._storage.save_deload(user_id, start, today - timedelta(days=1), now)
            else:
                await self._storage.save_deload(user_id, None, None, now)
            return Reply(title="Deload over", tone="ok", private=True, saved=True, lines=(
                "W5, A3 and W7 speak again, and next-time suggestions are back.",))
        if verb != "on":
            return error_reply(f"'/deload {action.strip()}' is not something I can do.",
                               "Use /deload on [WEEKS] or /deload off.", "/deload on 1")
        try:
            n = 1 if weeks is None or str(weeks).strip() == "" else int(str(weeks).strip())
        except ValueError:
            n = 0
        if not 1 <= n <= MAX_DELOAD_WEEKS:
            return error_reply(f"'{weeks}' is not a number of weeks.",
                               f"A deload lasts 1 to {MAX_DELOAD_WEEKS} weeks.", "/deload on 1")
        end = deload_end(today, n)
        await self._storage.save_deload(user_id, today, end, now)
        return Reply(title=f"Deload on until {_day(end)}", tone="ok", private=True, saved=True,
                     lines=(
                         f"For {n} week{'s' if n != 1 else ''}, W5, A3 and W7 stay quiet and "
                         "I suggest no next-session loads.",
                         "A deload week: about half your usual hard sets, every set at RIR 3 "
                         "or more, at loads you know. `/deload off` ends it early.",
                     ))

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
        clean = guard.name(name)
        if clean is None or not slugify(clean):
            return error_reply("The exercise name is empty or too long.",
                               "Give the name you log it under (at most "
                               f"{limits.MAX_NAME} characters).",
                               "/exercise zercher squat tier:A")
        catalogue = await self._lifter.catalogue_for(user_id)
        found = catalogue.lookup(clean)
        # A close spelling of a lift ("sqaut") may still be the lifter's own exercise:
        # that is how the console keeps a name a log reply read as the lift.
        if found.exercise is not None and not found.exercise.custom and not found.corrected:
            built_in = found.exercise
            return error_reply(
                f"{built_in.name} is a built-in exercise (tier {built_in.tier}).",
                "Built-in tiers follow the coaching rules; set tiers for your own exercises.",
                "/exercise zercher squat tier:A", title="That one is built in",
            )
        own = found.exercise is not None and found.exercise.custom
        if not own and len(await self._storage.custom_exercises(user_id)) >= MAX_OWN_EXERCISES:
            return error_reply(
                f"You have {MAX_OWN_EXERCISES} exercises of your own, the most I keep.",
                "Merge one into a catalogue lift first: /exercise NAME merge:LIFT.",
                "/exercise sqaut merge:back squat", title="No room for another")
        key = found.exercise.key if own and found.exercise is not None else slugify(clean)
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


DATE_ORDER_TEXT: dict[DateOrder, str] = {
    "dmy": "day first (dmy): 3/11 is 3 November",
    "mdy": "month first (mdy): 11/3 is 3 November",
}


def _date_order(text: str) -> DateOrder | None:
    """``dmy`` or ``mdy`` (how a lifter writes numeric dates), as typed."""
    clean = text.strip().lower().replace("/", "").replace("-", "")
    return next((o for o in DATE_ORDERS if o == clean), None)


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


def _plate_step(text: str | float, unit: str) -> tuple[bool, float | None]:
    """Whether ``text`` is a plate step, and the step in kg: ``1.25``, ``2.5kg`` or ``5lb``
    (a bare number in the lifter's unit); ``default`` or ``0`` is the default (None)."""
    raw = str(text).strip().lower().replace(",", ".")
    if raw in ("default", "0"):
        return True, None
    in_lb = raw.endswith(("lb", "lbs")) or (unit == "lb" and not raw.endswith("kg"))
    number = raw.removesuffix("lbs").removesuffix("lb").removesuffix("kg").strip()
    try:
        value = float(number)
    except ValueError:
        return False, None
    kg = value * LB_TO_KG if in_lb else value
    if not MIN_STEP_KG <= kg <= MAX_STEP_KG:
        return False, None
    return True, round(kg, 6)


def _step_field(profile: Profile) -> tuple[tuple[str, str], ...]:
    """The plate step, once the lifter set one (the default goes unsaid)."""
    if profile.increment_kg is None:
        return ()
    return (("Plate step", format_load(plate_step_kg(profile), profile.unit)),)


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _deload_field(profile: Profile, today: date) -> tuple[tuple[str, str], ...]:
    if not declared(profile, today) or profile.deload_until is None:
        return ()
    return (("Deload", f"until {_day(profile.deload_until)}"),)


def _target_note(current: Profile, updated: Profile, today: date) -> tuple[str, ...]:
    """When a new weekly target starts to count: this week, said plainly."""
    if updated.weekly_target == current.weekly_target:
        return ()
    monday = week_start(today)
    return (f"Your target of {updated.weekly_target} days a week counts from this week "
            f"(Monday {monday.day} {monday:%b}): /stats, the leaderboards and your "
            "reminders use it from now on.",)
