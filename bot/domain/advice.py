"""The advice engine: decide which coaching rules fire for a just-logged entry.

Pure functions of plain values: the caller passes ``now`` (an aware datetime) and the
lifter's recent entries; nothing here reads the clock or does I/O.

Conventions shared by all rules:

- Warm-up sets never count, for advice or for volume.
- A set's effort is ``SetRecord.effective_rir`` (0 at or beyond failure, about 1 for
  an AMRAP, None when not logged). A *failure set* is a working set whose effective
  RIR is known and 0. An unknown RIR never triggers a failure rule.
- A *hard set* is a working set with effective RIR <= 4, **or with unknown RIR**.
  Unknown efforts count as hard because lifters rarely log easy sets as working
  sets, and the volume warning (W6) should rather notice high volume than miss it.
- Weekly windows are the 7 days before ``now``: an entry counts when
  ``performed_at > now - 7 days`` (entries dated after ``now`` are counted too;
  storage should never hold any).
- A *session* is the lifter's entries that share the entry's ``local_date``.
- Muscles: each primary muscle counts a full set; a secondary muscle counts half a
  set for compounds (tiers A-C, and exercises without a tier) and nothing for
  isolation work (tier D).
- An exercise without a tier (a lifter's own) only gets the tier-independent rules
  A4, W2, W4, W5 and W7, and always gets a fit note asking to set its tier.

Choices beyond the bare table in COACHING.md (each is tested):

- A3 fires only when at least one working set of the session's entries for that
  exercise has a known RIR and none of the known ones is at RIR <= 1.
- A5 needs every working set at 6 reps or fewer with an RIR of 1-3: an RIR of 4 or
  more is not "heavy and close", and RIR >= 5 already draws W7.
- A6 stays quiet when A2 fires for the same entry: past-failure work on tier B is
  covered by A2, and "last set only, with safeties" would read as permission.
- W1 fires only when this entry itself adds a failure set to the count it reports
  (a tier A failure set for the tier A count; a failure set on that muscle for the
  share), so logging an unrelated curl does not repeat last week's warning.
- W2 measures the 48 h back from the entry's ``performed_at`` (a backdated entry is
  judged at its own time) and ignores earlier entries from the same session (same
  ``local_date``): that is one session, not a second exposure; A4 covers failing
  every set.
- W3 looks at calendar days before the entry's ``local_date``: failure sets on the
  same exercise in days 1-7 before and in days 8-14 before. It applies to tiers A
  and B only: on machine and isolation work (C, D) weekly failure is the plan.
- W4 counts a report as ``days`` plus the whole days since it was made, ignores
  reports older than 14 days and reports of 0 days (a cleared soreness), and
  matches body parts to muscles loosely ("quads" -> quadriceps, "back" -> lats,
  middle back, lower back and traps).
- W6 checks the entry's primary muscles only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType

from bot.domain.models import (
    Advice,
    AdviceItem,
    Exercise,
    Profile,
    SetRecord,
    Severity,
    Soreness,
    StoredEntry,
)
from bot.domain.rules import RULE_ORDER, RULES, Rule

MAX_ITEMS = 3
WEEK = timedelta(days=7)

HARD_SET_MAX_RIR = 4.0
"""A working set ending this many reps or fewer short of failure is a hard set."""

SECONDARY_WEIGHT = 0.5
"""A compound set counts this much for each of its secondary muscles."""

W1_TIER_A_FAILURE_SETS = 2
"""Rule of thumb: this many tier A failure sets in 7 days is a lot."""
W1_MIN_HARD_SETS = 6.0
"""The failure share of W1 only counts once a muscle has this many hard sets."""

W2_WINDOW = timedelta(hours=48)

A5_MAX_REPS = 6
A5_MIN_RIR = 1.0
A5_MAX_RIR = 3.0

W4_MIN_DAYS = 5
W4_REPORT_WINDOW = timedelta(days=14)

W5_MIN_AVERAGE_RIR = 4.0

WEEKLY_SETS_LOW = 10.0
WEEKLY_SETS_HIGH = 20.0

W7_MIN_RIR = 5.0
W7_MAX_REPS = 12

TIER_INDEPENDENT: frozenset[str] = frozenset({"A4", "W2", "W4", "W5", "W7"})
"""The rules that still apply when an exercise has no tier."""

SEVERITY_RANK: Mapping[Severity, int] = MappingProxyType({"warning": 0, "caution": 1, "praise": 2})

WARMUP_ONLY_NOTE = (
    "Only warm-up sets logged: they count toward nothing, so there is nothing to check."
)


# --------------------------------------------------------------------------- sets


def _is_failure(s: SetRecord) -> bool:
    rir = s.effective_rir
    return s.is_working and rir is not None and rir <= 0


def _is_hard(s: SetRecord) -> bool:
    rir = s.effective_rir
    return s.is_working and (rir is None or rir <= HARD_SET_MAX_RIR)


def _failure_count(entry: StoredEntry) -> int:
    return sum(1 for s in entry.sets if _is_failure(s))


def _known_rirs(sets: Iterable[SetRecord]) -> list[float]:
    return [r for s in sets if s.is_working and (r := s.effective_rir) is not None]


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _plural(n: float, word: str) -> str:
    return f"{_fmt(n)} {word}" if n == 1 else f"{_fmt(n)} {word}s"


# ------------------------------------------------------------------------ muscles


def _muscle_key(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").replace("-", " ").split())


def muscle_weights(exercise: Exercise) -> dict[str, float]:
    """How much one hard set of ``exercise`` counts for each muscle it trains."""
    secondary = 0.0 if exercise.tier == "D" else SECONDARY_WEIGHT
    weights: dict[str, float] = {}
    if secondary > 0:
        for muscle in exercise.secondary:
            weights[_muscle_key(muscle)] = secondary
    for muscle in exercise.primary:
        weights[_muscle_key(muscle)] = 1.0
    return weights


_MUSCLE_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "quad": "quadriceps",
        "quads": "quadriceps",
        "quadricep": "quadriceps",
        "thigh": "quadriceps",
        "thighs": "quadriceps",
        "ham": "hamstrings",
        "hams": "hamstrings",
        "hamstring": "hamstrings",
        "glute": "glutes",
        "butt": "glutes",
        "calf": "calves",
        "pec": "chest",
        "pecs": "chest",
        "delt": "shoulders",
        "delts": "shoulders",
        "shoulder": "shoulders",
        "front delts": "shoulders",
        "side delts": "shoulders",
        "rear delts": "shoulders",
        "ab": "abdominals",
        "abs": "abdominals",
        "core": "abdominals",
        "obliques": "abdominals",
        "bicep": "biceps",
        "tricep": "triceps",
        "forearm": "forearms",
        "lat": "lats",
        "trap": "traps",
        "trapezius": "traps",
        "lower backs": "lower back",
        "mid back": "middle back",
        "upper back": "middle back",
        "abductor": "abductors",
        "adductor": "adductors",
    }
)

_MUSCLE_GROUPS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "back": frozenset({"lats", "middle back", "lower back", "traps"}),
        "legs": frozenset(
            {"quadriceps", "hamstrings", "glutes", "calves", "adductors", "abductors"}
        ),
        "leg": frozenset(
            {"quadriceps", "hamstrings", "glutes", "calves", "adductors", "abductors"}
        ),
        "arms": frozenset({"biceps", "triceps", "forearms"}),
        "arm": frozenset({"biceps", "triceps", "forearms"}),
        "upper back": frozenset({"middle back", "traps", "lats"}),
    }
)


def _canonical_muscles(name: str) -> frozenset[str]:
    """The muscles a body-part or muscle name stands for (``"quads"`` -> quadriceps)."""
    key = _muscle_key(name)
    if key in _MUSCLE_GROUPS:
        return _MUSCLE_GROUPS[key]
    return frozenset({_MUSCLE_ALIASES.get(key, key)})


def _trains(exercise: Exercise, body_part: str) -> bool:
    sore = _canonical_muscles(body_part)
    trained: set[str] = set()
    for muscle in (*exercise.primary, *exercise.secondary):
        trained |= _canonical_muscles(muscle)
    return bool(sore & trained)


# ------------------------------------------------------------------------- volume


def _in_week(entry: StoredEntry, now: datetime) -> bool:
    return entry.performed_at > now - WEEK


def _unique(entries: Iterable[StoredEntry]) -> list[StoredEntry]:
    seen: set[int] = set()
    out: list[StoredEntry] = []
    for e in entries:
        if e.entry_id not in seen:
            seen.add(e.entry_id)
            out.append(e)
    return out


def _weekly_sets(
    entries: Iterable[StoredEntry], now: datetime, counts: Callable[[SetRecord], bool]
) -> dict[str, float]:
    totals: dict[str, float] = {}
    for e in _unique(entries):
        if not _in_week(e, now):
            continue
        n = sum(1 for s in e.sets if counts(s))
        if n == 0:
            continue
        for muscle, weight in muscle_weights(e.exercise).items():
            totals[muscle] = totals.get(muscle, 0.0) + n * weight
    return totals


def weekly_volume(history: Sequence[StoredEntry], now: datetime) -> dict[str, float]:
    """Hard sets per muscle over the 7 days before ``now``.

    A hard set is a working set at RIR <= 4 or with unknown RIR; warm-ups never
    count. Primary muscles count 1 per set, secondary muscles 0.5 for compounds
    (tiers A-C and untiered exercises) and 0 for isolation work (tier D). Entries
    with the same ``entry_id`` are counted once. Muscle names are lower-cased.
    """
    _require_aware(now)
    return _weekly_sets(history, now, _is_hard)


def volume_notes(
    volume: Mapping[str, float],
    low: float = WEEKLY_SETS_LOW,
    high: float = WEEKLY_SETS_HIGH,
) -> tuple[str, ...]:
    """Lines for a weekly summary: muscles above ``high`` or trained but below ``low``.

    Only muscles with some volume count as trained; untrained muscles get no line.
    Muscles over the top come first, each group in alphabetical order. Both limits
    are heuristics (about 10-20 hard sets per muscle per week), and the lines say so.
    """
    over = sorted(m for m, v in volume.items() if v > high)
    under = sorted(m for m, v in volume.items() if 0 < v < low)
    notes = [
        f"{m}: {_fmt(volume[m])} hard sets this week, above the rough {_fmt(high)}-set "
        "ceiling most lifters recover from (W6)"
        for m in over
    ]
    notes += [
        f"{m}: {_fmt(volume[m])} hard sets this week, below the rough {_fmt(low)} sets "
        "that reliably grow a muscle (W6)"
        for m in under
    ]
    return tuple(notes)


# ------------------------------------------------------------------------ context


@dataclass(frozen=True)
class _Context:
    entry: StoredEntry
    history: tuple[StoredEntry, ...]
    """The lifter's other entries: deduplicated, without ``entry``."""
    profile: Profile
    soreness: tuple[Soreness, ...]
    now: datetime

    @property
    def exercise(self) -> Exercise:
        return self.entry.exercise

    @property
    def working(self) -> tuple[SetRecord, ...]:
        return self.entry.working_sets

    def same_day(self) -> list[StoredEntry]:
        """This entry plus the session's other entries (same local date)."""
        day = self.entry.local_date
        return [self.entry, *(e for e in self.history if e.local_date == day)]

    def same_exercise_same_day(self) -> list[StoredEntry]:
        key = self.exercise.key
        return [e for e in self.same_day() if e.exercise.key == key]

    def week(self) -> list[StoredEntry]:
        return [e for e in (self.entry, *self.history) if _in_week(e, self.now)]


@dataclass(frozen=True)
class _Hit:
    detail: str | None = None


Check = Callable[[_Context], _Hit | None]


# ------------------------------------------------------------------------- checks


def _check_a1(ctx: _Context) -> _Hit | None:
    if ctx.exercise.tier != "A":
        return None
    n = _failure_count(ctx.entry)
    if n == 0:
        return None
    return _Hit(f"Here: {_plural(n, 'set')} at failure on {ctx.exercise.name}.")


def _check_a2(ctx: _Context) -> _Hit | None:
    if ctx.exercise.tier not in ("A", "B"):
        return None
    techniques = sorted({s.technique for s in ctx.working if s.technique is not None})
    if not techniques:
        return None
    return _Hit(f"Here: {', '.join(techniques)} on {ctx.exercise.name}.")


def _check_a3(ctx: _Context) -> _Hit | None:
    if ctx.exercise.tier not in ("C", "D"):
        return None
    sets = [s for e in ctx.same_exercise_same_day() for s in e.sets]
    known = _known_rirs(sets)
    if not known or min(known) <= 1:
        return None
    return _Hit(f"Here: your hardest set today ended at RIR {_fmt(min(known))}.")


def _check_a4(ctx: _Context) -> _Hit | None:
    working = ctx.working
    if len(working) < 2 or not all(_is_failure(s) for s in working):
        return None
    count = "both" if len(working) == 2 else f"all {len(working)}"
    return _Hit(f"Here: {count} sets at failure.")


def _check_a5(ctx: _Context) -> _Hit | None:
    if ctx.exercise.tier not in ("A", "B"):
        return None
    for s in ctx.working:
        rir = s.effective_rir
        if s.reps is None or s.reps > A5_MAX_REPS:
            return None
        if rir is None or not A5_MIN_RIR <= rir <= A5_MAX_RIR:
            return None
    return _Hit()


def _check_a6(ctx: _Context) -> _Hit | None:
    if ctx.exercise.tier != "B" or _check_a2(ctx) is not None:
        return None
    working = ctx.working
    failed = [i for i, s in enumerate(working) if _is_failure(s)]
    if not failed:
        return None
    if failed[0] < len(working) - 1:
        return _Hit("Here: failure came before the last set.")
    return _Hit()


def _check_w1(ctx: _Context) -> _Hit | None:
    if ctx.exercise.tier is None or _failure_count(ctx.entry) == 0:
        return None
    if not _in_week(ctx.entry, ctx.now):
        return None
    week = ctx.week()
    if ctx.exercise.tier == "A":
        tier_a = sum(_failure_count(e) for e in week if e.exercise.tier == "A")
        if tier_a >= W1_TIER_A_FAILURE_SETS:
            return _Hit(
                f"Here: {_plural(tier_a, 'failure set')} on tier A lifts in the last 7 days "
                f"(rule of thumb: {W1_TIER_A_FAILURE_SETS} or more is a lot)."
            )
    hard = _weekly_sets(week, ctx.now, _is_hard)
    failed = _weekly_sets(week, ctx.now, _is_failure)
    primaries = [m for m, weight in muscle_weights(ctx.exercise).items() if weight >= 1.0]
    for muscle in primaries:
        h = hard.get(muscle, 0.0)
        f = failed.get(muscle, 0.0)
        if h >= W1_MIN_HARD_SETS and 3 * f > h:
            return _Hit(
                f"Here: {_fmt(f)} of {_fmt(h)} hard sets for {muscle} in the last 7 days "
                "were at failure (rule of thumb: more than a third is a lot)."
            )
    return None


def _check_w2(ctx: _Context) -> _Hit | None:
    if _failure_count(ctx.entry) == 0:
        return None
    at = ctx.entry.performed_at
    gaps = [
        at - e.performed_at
        for e in ctx.history
        if e.exercise.key == ctx.exercise.key
        and e.local_date != ctx.entry.local_date
        and _failure_count(e) > 0
        and timedelta(0) < at - e.performed_at <= W2_WINDOW
    ]
    if not gaps:
        return None
    hours = int(min(gaps).total_seconds() // 3600)
    return _Hit(f"Here: your last failure set on {ctx.exercise.name} was {hours} h earlier.")


def _check_w3(ctx: _Context) -> _Hit | None:
    if ctx.exercise.tier not in ("A", "B") or _failure_count(ctx.entry) == 0:
        return None
    day = ctx.entry.local_date
    days_back = {
        (day - e.local_date).days
        for e in ctx.history
        if e.exercise.key == ctx.exercise.key and _failure_count(e) > 0
    }
    last_week = any(1 <= d <= 7 for d in days_back)
    week_before = any(8 <= d <= 14 for d in days_back)
    if not (last_week and week_before):
        return None
    return _Hit(f"Here: failure sets on {ctx.exercise.name} in each of the last 3 weeks.")


def _check_w4(ctx: _Context) -> _Hit | None:
    for report in ctx.soreness:
        age = ctx.now - report.reported_at
        if report.days <= 0 or age > W4_REPORT_WINDOW:
            continue
        total = report.days + max(age.days, 0)
        if total >= W4_MIN_DAYS and _trains(ctx.exercise, report.body_part):
            return _Hit(f"Here: {report.body_part} sore for about {total} days.")
    return None


def _check_w5(ctx: _Context) -> _Hit | None:
    if ctx.profile.goal != "hypertrophy":
        return None
    known = _known_rirs(s for e in ctx.same_day() for s in e.sets)
    if not known:
        return None
    average = sum(known) / len(known)
    if average < W5_MIN_AVERAGE_RIR:
        return None
    return _Hit(f"Here: average RIR {average:.1f} over {_plural(len(known), 'set')} today.")


def _check_w6(ctx: _Context) -> _Hit | None:
    volume = _weekly_sets(ctx.week(), ctx.now, _is_hard)
    over = [
        (muscle, volume[key])
        for muscle in ctx.exercise.primary
        if volume.get(key := _muscle_key(muscle), 0.0) > WEEKLY_SETS_HIGH
    ]
    if not over:
        return None
    parts = ", ".join(f"{muscle} {_fmt(v)}" for muscle, v in over)
    return _Hit(f"Here: hard sets in the last 7 days: {parts}.")


def _check_w7(ctx: _Context) -> _Hit | None:
    working = ctx.working
    high_rir = [r for r in _known_rirs(working) if r >= W7_MIN_RIR]
    long_sets = [s.reps for s in working if s.reps is not None and s.reps > W7_MAX_REPS]
    if high_rir:
        return _Hit(f"Here: a set logged at RIR {_fmt(max(high_rir))}.")
    if long_sets:
        return _Hit(f"Here: a set of {max(long_sets)} reps.")
    return None


def _check_w8(ctx: _Context) -> _Hit | None:
    if ctx.profile.goal != "strength" or ctx.exercise.tier not in ("A", "B", "C"):
        return None
    n = _failure_count(ctx.entry)
    if n == 0:
        return None
    return _Hit(f"Here: {_plural(n, 'set')} at failure on {ctx.exercise.name}.")


RULE_CHECKS: Mapping[str, Check] = MappingProxyType(
    {
        "A1": _check_a1,
        "A2": _check_a2,
        "A3": _check_a3,
        "A4": _check_a4,
        "A5": _check_a5,
        "A6": _check_a6,
        "W1": _check_w1,
        "W2": _check_w2,
        "W3": _check_w3,
        "W4": _check_w4,
        "W5": _check_w5,
        "W6": _check_w6,
        "W7": _check_w7,
        "W8": _check_w8,
    }
)
"""The condition of each rule in ``RULES``, by id."""


# ---------------------------------------------------------------------- fit notes


def _untiered_note(exercise: Exercise) -> str:
    return (
        f"{exercise.name} has no tier yet, so only the general checks ran. Set one with "
        f"`/exercise {exercise.name} tier:X` (X is A, B, C or D) for advice on when to "
        "push it to failure."
    )


def _fit_note(ctx: _Context) -> str:
    exercise = ctx.exercise
    if exercise.tier is None:
        return _untiered_note(exercise)
    if not _known_rirs(ctx.working):
        return (
            f"No effort logged for {exercise.name}. Add RIR or RPE (for example rir2 or "
            "@8) so the set can be checked against its tier."
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
            "Tier C lift with a set within a rep of failure today: right for a machine or "
            "cable compound, where a hard finish costs little."
        )
    return (
        "Tier D isolation work with a hard set today: right for isolation, where failure "
        "costs the nervous system little."
    )


# ------------------------------------------------------------------------ engine


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (UTC)")


def _item(rule: Rule, hit: _Hit) -> AdviceItem:
    text = rule.summary if hit.detail is None else f"{rule.summary} {hit.detail}"
    return AdviceItem(rule_id=rule.rule_id, severity=rule.severity, text=text)


def _order_key(item: AdviceItem) -> tuple[int, int]:
    return SEVERITY_RANK[item.severity], RULE_ORDER.index(item.rule_id)


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
    _require_aware(now)
    if not entry.working_sets:
        return ()
    ctx = _Context(
        entry=entry,
        history=tuple(e for e in _unique(history) if e.entry_id != entry.entry_id),
        profile=profile,
        soreness=tuple(soreness),
        now=now,
    )
    items: list[AdviceItem] = []
    for rule_id, rule in RULES.items():
        if entry.exercise.tier is None and rule_id not in TIER_INDEPENDENT:
            continue
        hit = RULE_CHECKS[rule_id](ctx)
        if hit is not None:
            items.append(_item(rule, hit))
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
    ctx = _Context(entry=entry, history=(), profile=profile, soreness=(), now=now)
    return Advice(items=(), fit_note=_fit_note(ctx))


__all__ = [
    "MAX_ITEMS",
    "RULE_CHECKS",
    "TIER_INDEPENDENT",
    "advise",
    "evaluate",
    "muscle_weights",
    "volume_notes",
    "weekly_volume",
]
