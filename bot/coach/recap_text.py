"""What the weekly recap post says, from the week's figures and display names.

Names are display names (bot.coach.names), never mentions: the post pings nobody.
Lifters who opted out of a server's boards are not on them, so they never appear.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.coach.challenges import describe, end_text, group_line, winners
from bot.coach.replies import literal
from bot.domain.figures import ChallengeProgress, WeekRecap
from bot.domain.models import PUSH_TO_FAILURE_TIERS, SHORT_OF_FAILURE_TIERS
from bot.domain.reminders import MESSAGE_LIMIT
from bot.storage.contract import ChallengeRow

NAMES_SHOWN = 25
_DAY = "{d:%a} {d.day} {d:%b}"


@dataclass(frozen=True)
class RecapWeek:
    """Everything one recap post says, before names are put in."""

    recap: WeekRecap
    failures: Mapping[str, int]  # failure sets per tier, logged in the server that week
    running: tuple[ChallengeRow, ChallengeProgress] | None = None
    ended: tuple[tuple[ChallengeRow, ChallengeProgress], ...] = ()

    def user_ids(self) -> list[str]:
        """Every lifter the post names."""
        found = [*self.recap.met, *(u for u, _ in self.recap.streaks),
                 *(i.user_id for i in self.recap.improved)]
        for row, progress in self.ended:
            found += winners(row, progress)
        return found


def _day(d: object) -> str:
    return _DAY.format(d=d)


def _list(names: Sequence[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    return shown + (f" and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else "")


def _weeks(n: int) -> str:
    return "1 week" if n == 1 else f"{n} weeks"


def failure_line(by_tier: Mapping[str, int]) -> str:
    """Where the week's failure sets went, against where the coaching puts them."""
    light = sum(by_tier.get(t, 0) for t in PUSH_TO_FAILURE_TIERS)
    tier_a = by_tier.get("A", 0)
    tier_b = sum(by_tier.get(t, 0) for t in SHORT_OF_FAILURE_TIERS if t != "A")
    line = (f"**Failure sets**: {light} where the coaching puts them (tier C/D: machines "
            f"and isolation) · {tier_a} where it does not (tier A: heavy compounds)")
    return line + (f" · {tier_b} on tier B (a last set at most)" if tier_b else "")


def recap_text(week: RecapWeek, names: Mapping[str, str]) -> str:
    """The post, at most one Discord message long."""
    recap = week.recap
    lines = [f"**Weekly recap · {_day(recap.monday)} to {_day(recap.sunday)}**"]
    if not recap.trained:
        lines.append("A quiet week: nobody logged a training day. This week is a fresh "
                     "start.")
    else:
        met = [names.get(u, u) for u in recap.met]
        lines.append(f"**Target met** ({len(met)}): {_list(met)}" if met else
                     "**Target met**: nobody this week.")
        if recap.streaks:
            lines.append("**Longest streaks**: " + " · ".join(
                f"{names.get(u, u)} {_weeks(n)}" for u, n in recap.streaks))
        if recap.improved:
            lines.append("**Most improved** (4-week adherence): " + " · ".join(
                f"{names.get(i.user_id, i.user_id)} {i.before:.0%} → {i.after:.0%}"
                for i in recap.improved))
        lifters = "1 lifter" if recap.trained == 1 else f"{recap.trained} lifters"
        lines.append(f"**Training days**: {recap.training_days}, by {lifters}")
        lines.append(failure_line(week.failures))
    if week.running is not None:
        row, progress = week.running
        lines.append(f"**Challenge: {literal(row.name)}** ({describe(row)}): "
                     f"{group_line(progress)}")
    for row, progress in week.ended:
        lines.append(end_text(row, progress, names))
    lines.append("-# Weeks run Monday to Sunday on each lifter's clock; lifters who opted "
                 "out of the leaderboards are never shown.")
    text = "\n".join(lines)
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"
