"""Weekly training volume: which sets count, and how many hard sets each muscle got.

Pure functions of plain values: the caller passes ``now`` (an aware datetime).

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
- How a set counts for each muscle is in ``bot.domain.catalogue.muscles``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from bot.domain.catalogue.muscles import muscle_weight_pairs
from bot.domain.models import SetRecord, StoredEntry

WEEK = timedelta(days=7)

HARD_SET_MAX_RIR = 4.0
"""A working set ending this many reps or fewer short of failure is a hard set."""

WEEKLY_SETS_LOW = 10.0
WEEKLY_SETS_HIGH = 20.0


# --------------------------------------------------------------------------- sets


def is_failure(s: SetRecord) -> bool:
    """A working set with a known effort at (or beyond) failure."""
    if s.warmup:
        return False
    rir = s.effective_rir
    return rir is not None and rir <= 0


def is_hard(s: SetRecord) -> bool:
    """A working set at RIR <= 4, or with its effort unknown."""
    if s.warmup:
        return False
    rir = s.effective_rir
    return rir is None or rir <= HARD_SET_MAX_RIR


def failure_count(entry: StoredEntry) -> int:
    return sum(map(is_failure, entry.sets))


def known_rirs(sets: Iterable[SetRecord]) -> list[float]:
    """The efforts of the working sets that have one."""
    return [r for s in sets if not s.warmup and (r := s.effective_rir) is not None]


def fmt_number(value: float) -> str:
    """``5`` for a whole number, else one decimal (``7.5``)."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def plural(n: float, word: str) -> str:
    return f"{fmt_number(n)} {word}" if n == 1 else f"{fmt_number(n)} {word}s"


# ------------------------------------------------------------------------- volume


def require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (UTC)")


def in_week(entry: StoredEntry, now: datetime) -> bool:
    return entry.performed_at > now - WEEK


def unique_entries(entries: Iterable[StoredEntry]) -> list[StoredEntry]:
    """``entries`` in order, each ``entry_id`` once."""
    seen: set[int] = set()
    out: list[StoredEntry] = []
    for e in entries:
        if e.entry_id not in seen:
            seen.add(e.entry_id)
            out.append(e)
    return out


def weekly_sets(
    entries: Iterable[StoredEntry], now: datetime, counts: Callable[[SetRecord], bool]
) -> dict[str, float]:
    """Per muscle, the weighted number of sets ``counts`` accepts in the week before ``now``."""
    totals: dict[str, float] = {}
    for e in unique_entries(entries):
        if not in_week(e, now):
            continue
        n = sum(map(counts, e.sets))
        if n == 0:
            continue
        for muscle, weight in muscle_weight_pairs(e.exercise):
            totals[muscle] = totals.get(muscle, 0.0) + n * weight
    return totals


def weekly_volume(history: Sequence[StoredEntry], now: datetime) -> dict[str, float]:
    """Hard sets per muscle over the 7 days before ``now``.

    A hard set is a working set at RIR <= 4 or with unknown RIR; warm-ups never
    count. Primary muscles count 1 per set, secondary muscles 0.5 for compounds
    (tiers A-C and untiered exercises) and 0 for isolation work (tier D). Entries
    with the same ``entry_id`` are counted once. Muscle names are lower-cased.
    """
    require_aware(now)
    return weekly_sets(history, now, is_hard)


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
        f"{m}: {fmt_number(volume[m])} hard sets this week, above the rough "
        f"{fmt_number(high)}-set ceiling most lifters recover from (W6)"
        for m in over
    ]
    notes += [
        f"{m}: {fmt_number(volume[m])} hard sets this week, below the rough "
        f"{fmt_number(low)} sets that reliably grow a muscle (W6)"
        for m in under
    ]
    return tuple(notes)


__all__ = [
    "HARD_SET_MAX_RIR",
    "WEEK",
    "WEEKLY_SETS_HIGH",
    "WEEKLY_SETS_LOW",
    "failure_count",
    "fmt_number",
    "in_week",
    "is_failure",
    "is_hard",
    "known_rirs",
    "plural",
    "require_aware",
    "unique_entries",
    "volume_notes",
    "weekly_sets",
    "weekly_volume",
]
