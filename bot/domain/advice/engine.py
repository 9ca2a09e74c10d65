"""The advice engine: decide which coaching rules fire for a just-logged entry.

Pure functions of plain values: the caller passes ``now`` (an aware datetime) and the
lifter's recent entries; nothing here reads the clock or does I/O.

Each rule's condition is in ``bot.domain.advice.checks`` (with the choices made beyond
the bare table in docs/coaching.md); which sets count, the week and the weekly volume per
muscle are in ``bot.domain.figures.volume`` and ``bot.domain.catalogue.muscles``. This
module runs the checks, orders and caps what fired, and writes the fit note when
nothing did. The week ends on the lifter's local date at ``now``, in the time zone of
their profile.

- An entry with only warm-up sets fires nothing.
- An exercise without a tier (a lifter's own) only gets the tier-independent rules
  A4, W2, W4, W5 and W7, and always gets a fit note asking to set its tier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from types import MappingProxyType

from bot.domain.advice.checks import RULE_CHECKS, Check, Hit, RuleContext
from bot.domain.advice.rules import RULE_ORDER, RULES, Rule
from bot.domain.figures.volume import (
    WeekVolume,
    is_failure,
    known_rirs,
    require_aware,
    unique_entries,
)
from bot.domain.local_time import local_date_of
from bot.domain.models import Advice, AdviceItem, Exercise, Profile, Severity, Soreness, StoredEntry

MAX_ITEMS = 3

TIER_INDEPENDENT: frozenset[str] = frozenset({"A4", "W2", "W4", "W5", "W7"})
"""The rules that still apply when an exercise has no tier."""

SEVERITY_RANK: Mapping[Severity, int] = MappingProxyType({"warning": 0, "caution": 1, "praise": 2})

WARMUP_ONLY_NOTE = (
    "Only warm-up sets logged: they count toward nothing, so there is nothing to check."
)


# ---------------------------------------------------------------------- fit notes


def _untiered_note(exercise: Exercise) -> str:
    return (
        f"{exercise.name} has no tier yet, so only the general checks ran. Set one with "
        f"`/exercise {exercise.name} tier:X` (X is A, B, C or D) for advice on when to "
        "push it to failure."
    )


def _fit_note(ctx: RuleContext) -> str:
    exercise = ctx.exercise
    if exercise.tier is None:
        return _untiered_note(exercise)
    if not known_rirs(ctx.working):
        return (
            f"No effort logged for {exercise.name}. Add RIR or RPE (for example rir2 or "
            "@8) so the set can be checked against its tier."
        )
    if any(s.planned_max and is_failure(s) for s in ctx.working):
        return (
            f"A planned max on {exercise.name}: a test is meant to end at your limit, so "
            "no failure advice for it."
        )
    if exercise.tier in ("A", "B") and any(s.amrap and s.rir is None for s in ctx.working):
        return (
            f"An AMRAP on {exercise.name} without an RIR: add one (amrap rir1) so the bot "
            "can tell how close to failure it went."
        )
    if exercise.tier == "A":
        return (
            "Tier A lift kept short of failure: right for a heavy compound that asks "
            "the most of the nervous system."
        )
    if exercise.tier == "B":
        return (
            "Tier B lift kept short of failure: right for a free-weight compound, where "
            "failure is at most an occasional, spotted last set."
        )
    if exercise.tier == "C":
        return (
            f"Tier C lift with a set within a rep of failure {ctx.day_word}: right for a "
            "machine or cable compound, where a hard finish costs little."
        )
    return (
        f"Tier D isolation work with a hard set {ctx.day_word}: right for isolation, where "
        "the article sees failure as cheap."
    )


# ------------------------------------------------------------------------ engine


# Each rule with its check, in rule order, split by whether it needs a tier: the
# advice runs on every log, so the table is read once here rather than per rule.
_TIERED_CHECKS: tuple[tuple[Rule, Check], ...] = tuple(
    (rule, RULE_CHECKS[rule_id]) for rule_id, rule in RULES.items()
)
_UNTIERED_CHECKS: tuple[tuple[Rule, Check], ...] = tuple(
    (rule, check) for rule, check in _TIERED_CHECKS if rule.rule_id in TIER_INDEPENDENT
)


def _item(rule: Rule, hit: Hit) -> AdviceItem:
    text = rule.summary if hit.detail is None else f"{rule.summary} {hit.detail}"
    return AdviceItem(rule_id=rule.rule_id, severity=rule.severity, text=text)


def _order_key(item: AdviceItem) -> tuple[int, int]:
    return SEVERITY_RANK[item.severity], RULE_ORDER.index(item.rule_id)


RULE_LOOKBACK = timedelta(days=15)
"""The furthest any rule looks back from an entry's date (W3: two weeks before it)."""


def _context(
    entry: StoredEntry,
    history: Sequence[StoredEntry],
    profile: Profile,
    soreness: Sequence[Soreness],
    now: datetime,
    volume: WeekVolume | None = None,
) -> RuleContext:
    today = local_date_of(now, profile.timezone)
    first = min(entry.local_date, today) - RULE_LOOKBACK
    return RuleContext(
        entry=entry,
        history=tuple(e for e in unique_entries(history)
                      if e.entry_id != entry.entry_id and e.local_date >= first),
        profile=profile,
        soreness=tuple(soreness),
        now=now,
        today=today,
        shared_volume=volume,
    )


def fired(
    entry: StoredEntry,
    history: Sequence[StoredEntry],
    profile: Profile,
    soreness: Sequence[Soreness],
    now: datetime,
    volume: WeekVolume | None = None,
) -> tuple[tuple[Rule, Hit], ...]:
    """Every rule that fires for ``entry`` with its hit, in rule id order (no ordering by
    importance, no cap): what a reply for a whole message is chosen from. ``volume``:
    the week's volume of ``entry`` and ``history`` together, when the caller has it."""
    require_aware(now)
    if not entry.working_sets:
        return ()
    ctx = _context(entry, history, profile, soreness, now, volume)
    checks = _UNTIERED_CHECKS if entry.exercise.tier is None else _TIERED_CHECKS
    return tuple((rule, hit) for rule, check in checks if (hit := check(ctx)) is not None)


def fit_note(
    entry: StoredEntry, profile: Profile, now: datetime
) -> str | None:
    """Why ``entry``'s sets fit its tier, for an entry no rule fired on (None: warm-ups)."""
    if not entry.working_sets:
        return None
    return _fit_note(_context(entry, (), profile, (), now))


def evaluate(
    entry: StoredEntry,
    history: Sequence[StoredEntry],
    profile: Profile,
    soreness: Sequence[Soreness],
    now: datetime,
) -> tuple[AdviceItem, ...]:
    """Every rule that fires for ``entry``, most important first, without the cap.

    Warnings come first, then cautions, then praise; within a severity, rule id
    order (A1-A6, then W1-W8). An entry with only warm-up sets fires nothing.
    """
    items = [_item(rule, hit) for rule, hit in fired(entry, history, profile, soreness, now)]
    return tuple(sorted(items, key=_order_key))


def advise(
    entry: StoredEntry,
    history: Sequence[StoredEntry],
    profile: Profile,
    soreness: Sequence[Soreness],
    now: datetime,
) -> Advice:
    """Advice for the just-logged ``entry``: at most three items, most important first.

    ``history`` is the same lifter's other entries (any order; a copy of ``entry`` in
    it is ignored), ``soreness`` their soreness reports, ``now`` an aware datetime.
    Each item's text is the rule's summary, sometimes followed by one concrete
    detail. When nothing fires, ``fit_note`` says briefly why the set fits the
    exercise's tier. An exercise without a tier always gets a fit note asking the
    lifter to set one, even when items fired.
    """
    items = evaluate(entry, history, profile, soreness, now)[:MAX_ITEMS]
    if not entry.working_sets:
        return Advice(items=(), fit_note=WARMUP_ONLY_NOTE)
    if entry.exercise.tier is None:
        return Advice(items=items, fit_note=_untiered_note(entry.exercise))
    if items:
        return Advice(items=items)
    return Advice(items=(), fit_note=fit_note(entry, profile, now))


__all__ = [
    "MAX_ITEMS",
    "RULE_LOOKBACK",
    "SEVERITY_RANK",
    "TIER_INDEPENDENT",
    "WARMUP_ONLY_NOTE",
    "advise",
    "evaluate",
    "fired",
    "fit_note",
]
