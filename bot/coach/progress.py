"""A lifter's own numbers: /stats and the /chart pictures (all private).

The same model as the boards (bot.domain.figures.stats), computed for one lifter from
all of their entries, wherever they were logged. Failure sets and hard sets are those
of the advice (bot.domain.figures.volume): the lifter's last 7 local days, so /stats
shows the very number a W1 or W6 warning quotes at the same moment.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from bot.coach import charts
from bot.coach.figure_text import (
    CALIBRATION_FIELD,
    NO_NEXT,
    calibration_text,
    exercise_records,
    failure_line,
    metric_value,
    share,
    short_date,
    trend_text,
    volume_lines,
)
from bot.coach.lifter import Lifter
from bot.coach.replies import Reply, error_reply
from bot.domain.catalogue import Catalogue
from bot.domain.figures import (
    WEEKLY_SETS_HIGH,
    WEEKLY_SETS_LOW,
    Targets,
    adherence,
    calibrated,
    consistency_calendar,
    days_in_window,
    discipline,
    duration_best,
    exercise_progress,
    failure_sets_by_tier,
    fmt_number,
    hard_sets_per_muscle,
    in_deload,
    next_time,
    personal_records,
    rir_calibration,
    training_days,
    week_start,
    week_target,
    weekly_streak,
)
from bot.domain.models import LOG_EXAMPLE, Exercise, Profile, StoredEntry

MAX_CHART_WEEKS = 104
EXERCISES_SHOWN = 8
_EPOCH = datetime(1900, 1, 1, tzinfo=UTC)
FAILURE_FIELD = "Failure sets, last 7 days, by tier"
VOLUME_FIELD = (f"Hard sets per muscle, last 7 days (aim: {fmt_number(WEEKLY_SETS_LOW)}-"
                f"{fmt_number(WEEKLY_SETS_HIGH)})")


@dataclass(frozen=True)
class ChartReply:
    """A chart: the reply to show with it, and the PNG (None when there is nothing to draw)."""

    reply: Reply
    png: bytes | None = None
    filename: str = "chart.png"


class Progress:
    """/stats, /chart exercise and /chart consistency."""

    def __init__(self, lifter: Lifter) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._catalogue = lifter.catalogue

    # /stats ------------------------------------------------------------------------

    async def stats(self, user_id: str, exercise: str | None = None) -> Reply:
        """Consistency, the last 7 days' failure sets and volume, and records (private)."""
        catalogue = await self._lifter.catalogue_for(user_id)
        only: Exercise | None = None
        if exercise is not None and exercise.strip():
            found = _find(catalogue, exercise, "/stats squat")
            if isinstance(found, Reply):
                return found
            only = found
        profile, targets, raw, today = await self._figures_of(user_id, catalogue)
        if not raw:
            return Reply(title="Your stats", lines=(f"Nothing logged yet. Try /log "
                                                    f"{LOG_EXAMPLE}.",), private=True)
        rir_bias = rir_calibration(raw)
        entries = calibrated(raw, rir_bias)
        if only is not None:
            return _exercise_stats(only, [e for e in entries if e.exercise.key == only.key],
                                  profile, today)
        days = training_days(raw)
        four_weeks = week_start(today) - timedelta(weeks=3)
        fields = [
            ("Training days", f"this week {days_in_window(days, today, 1)} · last 4 weeks "
                              f"{days_in_window(days, today, 4)} · all time "
                              f"{days_in_window(days, today)}"),
            ("Weekly streak", f"{metric_value('streak', weekly_streak(days, today, targets))}"
                              f" (target {_days(_current_target(targets, today))} a week)"),
            ("Adherence", f"4 weeks {share(adherence(days, today, targets, 4))} · 12 weeks "
                          f"{share(adherence(days, today, targets, 12))} · all time "
                          f"{share(adherence(days, today, targets))}"),
            ("Discipline, last 4 weeks", share(discipline(raw, four_weeks, today))),
            (FAILURE_FIELD, failure_line(failure_sets_by_tier(entries, today))),
            (VOLUME_FIELD, volume_lines(hard_sets_per_muscle(entries, today))),
        ]
        fields.append(_records_field(entries, None, profile))
        if rir_bias is not None:
            fields.append((CALIBRATION_FIELD, calibration_text(rir_bias)))
        return Reply(title="Your stats", fields=tuple(fields), private=True,
                     footer="Training weeks run Monday to Sunday, and the last 7 days end "
                            f"today, in your time zone ({profile.timezone}).")

    # /chart --------------------------------------------------------------------------

    async def chart(self, user_id: str, exercise: str, weeks: int | str = 12) -> ChartReply:
        """e1RM (or the top set) and weekly hard sets of one exercise, as a PNG."""
        span = _chart_weeks(weeks, "/chart exercise name:squat weeks:12")
        if isinstance(span, Reply):
            return ChartReply(span)
        catalogue = await self._lifter.catalogue_for(user_id)
        found = _find(catalogue, exercise, "/chart exercise name:squat")
        if isinstance(found, Reply):
            return ChartReply(found)
        profile, _, entries, today = await self._figures_of(user_id, catalogue)
        first = week_start(today) - timedelta(weeks=span - 1)
        progress = exercise_progress([e for e in entries if e.exercise.key == found.key],
                                     first, today)
        if progress is None:
            return ChartReply(Reply(
                title=f"No {found.name} to chart",
                lines=(f"You logged no {found.name} in the last {span} weeks.",
                       "Try a longer span, e.g. weeks:52, or another exercise."),
                private=True))
        png = await asyncio.to_thread(charts.exercise_chart, progress, profile.unit)
        what = ("best e1RM per session" if any(p.kind == "e1rm" for p in progress.points)
                else "top set per session")
        return ChartReply(
            Reply(title=f"{found.name}: last {span} weeks",
                  lines=(f"{len(progress.points)} sessions: {what}, and hard sets per week.",),
                  private=True),
            png, f"{found.key}-{span}w.png")

    async def chart_consistency(self, user_id: str, weeks: int | str = 26) -> ChartReply:
        """A calendar heat-map of training days, with the weekly target marked."""
        span = _chart_weeks(weeks, "/chart consistency weeks:26")
        if isinstance(span, Reply):
            return ChartReply(span)
        catalogue = await self._lifter.catalogue_for(user_id)
        _, targets, entries, today = await self._figures_of(user_id, catalogue)
        days = training_days(entries)
        calendar = consistency_calendar(entries, today, span, targets,
                                        min(days) if days else None)
        png = await asyncio.to_thread(charts.consistency_chart, calendar, today)
        complete = [w for w in calendar[:-1] if w.counted]
        met = sum(1 for w in complete if w.met)
        streak = metric_value("streak", weekly_streak(days, today, targets))
        summary = (f"Target met in {met} of {len(complete)} complete weeks · streak "
                   f"{streak}." if complete
                   else "Your first weeks: the bar above a week turns green when it meets "
                        "your target.")
        return ChartReply(Reply(title=f"Training days: last {span} weeks", lines=(summary,),
                                private=True), png, f"consistency-{span}w.png")

    # shared ------------------------------------------------------------------------

    async def _figures_of(
        self, user_id: str, catalogue: Catalogue
    ) -> tuple[Profile, Targets, list[StoredEntry], date]:
        """Profile, targets, every entry (exercises as the catalogue knows them) and today."""
        profile = await self._lifter.profile_of(user_id)
        history = await self._storage.target_history(user_id)
        entries = await self._storage.entries_since(user_id, _EPOCH)
        known = [replace(e, exercise=catalogue.get(e.exercise.key) or e.exercise)
                 for e in entries]
        today = self._lifter.today(profile)
        targets: Targets = history or profile.weekly_target
        return profile, targets, known, today


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _current_target(targets: Targets, today: date) -> int:
    return week_target(targets, today)


def _find(catalogue: Catalogue, text: str, example: str) -> Exercise | Reply:
    found = catalogue.lookup(text)
    if found.exercise is not None:
        return found.exercise
    names = [e.name for e in (*found.ambiguous, *found.suggestions)][:5]
    hint = f"Did you mean {', '.join(names)}?" if names else "Use a name you logged."
    return error_reply(f"I don't know the exercise '{text.strip()}'.", hint, example)


def _chart_weeks(weeks: int | str, example: str) -> int | Reply:
    try:
        span = int(str(weeks).strip().lower().removesuffix("w"))
    except ValueError:
        span = 0
    if not 1 <= span <= MAX_CHART_WEEKS:
        return error_reply(f"'{weeks}' is not a number of weeks.",
                           f"Give 1 to {MAX_CHART_WEEKS} weeks.", example)
    return span


def _records_field(
    entries: list[StoredEntry], only: Exercise | None, profile: Profile
) -> tuple[str, str]:
    by_key: dict[str, list[StoredEntry]] = {}
    for entry in entries:
        by_key.setdefault(entry.exercise.key, []).append(entry)
    name = "Best e1RM (tiers A-B; reps + RIR, Epley) and PRs"
    if only is not None:
        logged = by_key.get(only.key, [])
        if not logged:
            return name, f"No {only.name} logged yet."
        return name, exercise_records(only.name, only.tier, personal_records(logged),
                                      profile.unit, all_rep_maxes=True)
    recent = sorted(by_key.values(), key=lambda es: max(e.local_date for e in es),
                    reverse=True)
    lines = [exercise_records(es[0].exercise.name, es[0].exercise.tier,
                              personal_records(es), profile.unit, duration=duration_best(es))
             for es in recent[:EXERCISES_SHOWN]]
    if len(recent) > EXERCISES_SHOWN:
        lines.append(f"…and {len(recent) - EXERCISES_SHOWN} more: /stats EXERCISE for one.")
    return name, "\n".join(lines)


TREND_SESSIONS = 6


def _exercise_stats(
    exercise: Exercise, entries: list[StoredEntry], profile: Profile, today: date
) -> Reply:
    """/stats EXERCISE: that exercise alone: its trend, bests and next suggestion."""
    title = f"Your stats · {exercise.name}"
    if not entries:
        return Reply(title=title, lines=(f"No {exercise.name} logged yet.",), private=True)
    last = max(e.local_date for e in entries)
    fields = [
        ("Trend", trend_text(exercise_progress(entries, min(e.local_date for e in entries),
                                               today), profile.unit, TREND_SESSIONS)),
        ("Bests", exercise_records(exercise.name, exercise.tier, personal_records(entries),
                                   profile.unit, all_rep_maxes=True, bare=True,
                                   duration=duration_best(entries))),
    ]
    if in_deload(profile, entries, today):
        fields.append(("Next time", "Paused during your deload."))
    else:
        line = next_time(entries, last, profile)
        fields.append(("Next time", NO_NEXT if line is None
                       else line.removeprefix("Next time: ")))
    return Reply(title=title, fields=tuple(fields), private=True,
                 footer=f"Last logged {short_date(last)}. Estimated 1RM: Epley on reps + RIR, "
                        "with your RIR calibration when one is applied.")
