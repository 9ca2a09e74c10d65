"""Frozen value types shared by the parser, the catalogue, the advice engine and stats.

Loads are always stored in kilograms; the user's unit only matters when reading
bare numbers and when displaying.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Literal, get_args

Tier = Literal["A", "B", "C", "D"]
Unit = Literal["kg", "lb"]
Goal = Literal["hypertrophy", "strength", "general"]
Severity = Literal["warning", "caution", "praise"]
Technique = Literal["dropset", "forced", "rest-pause", "myo", "partials", "negatives"]

TIERS: tuple[Tier, ...] = ("A", "B", "C", "D")
UNITS: tuple[Unit, ...] = ("kg", "lb")
GOALS: tuple[Goal, ...] = ("hypertrophy", "strength", "general")
TECHNIQUES: tuple[Technique, ...] = get_args(Technique)
LB_TO_KG = 0.45359237

SHORT_OF_FAILURE_TIERS: frozenset[Tier] = frozenset({"A", "B"})
"""Heavy and free-weight compounds: kept short of failure (failure at most a last set)."""
PUSH_TO_FAILURE_TIERS: frozenset[Tier] = frozenset({"C", "D"})
"""Machine compounds and isolation work: sets taken to failure or within a rep of it."""
ISOLATION_TIER: Tier = "D"
"""Isolation work: its sets count for the primary muscles only."""

LOG_EXAMPLE = "squat 5x5 @100kg rir2"
"""The log line error replies offer when nothing more specific fits."""

DEFAULT_TARGET = 3
MIN_TARGET = 1
MAX_TARGET = 7
"""Training days a week a lifter aims for: 3 unless they set another, 1 to 7."""


@dataclass(frozen=True)
class Exercise:
    """A catalogue entry, or a lifter's own exercise (``custom``; tier may be unset)."""

    key: str
    name: str
    tier: Tier | None
    primary: tuple[str, ...] = ()
    secondary: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    equipment: str | None = None
    custom: bool = False


@dataclass(frozen=True)
class SetRecord:
    """One set as the lifter reported it.

    ``rir`` is the low end of the reported effort and ``rir_max`` the high end of
    a range (``rir 1-2``), else None; ``reps_max`` likewise keeps the top of a rep
    range (``3x10-12``: reps 10, reps_max 12). ``failure`` means RIR 0; a
    ``technique`` means the set went beyond failure. A timed or distance set
    (``plank 3x60s``, ``farmer walk 4x40m``) carries ``seconds`` or ``meters``: those
    are never reps or load, and such sets stay out of e1RM, rep bests and rep-based
    advice. ``planned_max`` marks a set the lifter called a test or a max attempt.
    """

    reps: int | None
    load_kg: float | None = None
    bodyweight: bool = False
    rir: float | None = None
    rir_max: float | None = None
    failure: bool = False
    technique: Technique | None = None
    warmup: bool = False
    amrap: bool = False
    reps_max: int | None = None
    seconds: float | None = None
    meters: float | None = None
    planned_max: bool = False

    @property
    def timed(self) -> bool:
        """A set measured in time or distance rather than in reps."""
        return self.seconds is not None or self.meters is not None

    @property
    def effective_rir(self) -> float | None:
        """RIR used by the rules: 0 at or beyond failure, about 1 for an AMRAP."""
        if self.failure or self.technique is not None:
            return 0.0
        if self.rir is not None:
            return self.rir
        if self.amrap:
            return 1.0
        return None


@dataclass(frozen=True)
class Reading:
    """The other plausible reading of a line: what was chosen, and how to get the other.

    ``chosen`` says in words how the line was read ("16 kg for 10 reps, one set");
    ``other`` names the other reading ("16 sets of 10"); ``line`` is the exact log
    text that stores the other reading instead, so an edge can offer it in one step.
    """

    chosen: str
    other: str
    line: str


@dataclass(frozen=True)
class LogEntry:
    """One exercise with its sets, as read from one line of a log message.

    ``performed_on`` is None when the lifter gave no date (meaning today). ``note``
    is the lifter's own words set apart from the sets (``- felt heavy``, ``(90s
    rest)``), kept as written; ``pr`` is set when they marked it a personal record.
    ``question`` is there when the text has another plausible reading: the entry is
    stored as read, and the reply must show the question so it cannot be missed.
    """

    exercise: Exercise
    sets: tuple[SetRecord, ...]
    performed_on: date | None = None
    text: str = ""
    note: str = ""
    pr: bool = False
    question: Reading | None = None

    @cached_property
    def working_sets(self) -> tuple[SetRecord, ...]:
        # Worked out once: the advice rules ask for it many times per log.
        return tuple(s for s in self.sets if not s.warmup)


@dataclass(frozen=True)
class StoredEntry:
    """A logged entry as it comes back from storage: owned, dated, numbered."""

    entry_id: int
    exercise: Exercise
    sets: tuple[SetRecord, ...]
    performed_at: datetime
    local_date: date
    guild_id: str = ""
    note: str = ""
    pr: bool = False
    # The session it belongs to (see bot.domain.sessions) and the log (one message, or
    # one import) that stored it; both are ids of an entry, the first of its kind.
    session_id: int = 0
    log_id: int = 0

    @cached_property
    def working_sets(self) -> tuple[SetRecord, ...]:
        # Worked out once: the advice rules ask for it many times per log.
        return tuple(s for s in self.sets if not s.warmup)


@dataclass(frozen=True)
class Profile:
    """A lifter's settings. ``increment_kg`` is the smallest load step they can add (None:
    2.5 kg, or 5 lb for a lifter in pounds); ``deload_from``/``deload_until`` are the local
    dates of a deload they declared with /deload (None: none)."""

    unit: Unit = "kg"
    goal: Goal = "general"
    timezone: str = "UTC"
    weekly_target: int = DEFAULT_TARGET
    increment_kg: float | None = None
    deload_from: date | None = None
    deload_until: date | None = None


@dataclass(frozen=True)
class Soreness:
    """A body part the lifter says has been sore for ``days`` days, reported at ``reported_at``."""

    body_part: str
    days: int
    reported_at: datetime


@dataclass(frozen=True)
class AdviceItem:
    rule_id: str
    severity: Severity
    text: str


@dataclass(frozen=True)
class Advice:
    """At most three items, most important first; ``fit_note`` when none fired."""

    items: tuple[AdviceItem, ...] = ()
    fit_note: str | None = None

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(i.rule_id for i in self.items)


@dataclass(frozen=True)
class ParseError:
    """Why a message could not be read, with a hint and an example that would work."""

    error: str
    hint: str
    example: str = LOG_EXAMPLE
    suggestions: tuple[str, ...] = field(default=())
