"""What the coach says about a logged message: the advice for the session as a whole.

The logbook stores the entries and echoes each one; this module decides what is
said about them. It returns lines for under each entry and the items for the
message, so the log reply is assembled in one place (``bot.coach.logbook``) and
the choice of advice in another.

- The advice (at most three items for the message, each rule once) is chosen by
  ``bot.domain.advice.advise_session``, which reads the effort as the lifter's own
  calibration corrects it (``bot.domain.figures.calibration``); the bests and the
  next-time line read the same corrected effort.
- Under each entry: why it fits its tier when no rule fired on it, the bests it set
  (``bot.domain.figures.bests``, against every other entry of the exercise in
  ``older``) and, under the last entry of each exercise, what to do next time
  (``bot.domain.figures.next_session``; not during a deload).
- Closing lines: the rules that did not fit, the one request for effort, the deload
  note and a deload that looks due.

``older`` holds the lifter's whole history, or their recent weeks (from
``history_from``) with what is kept of the rest (see :mod:`bot.coach.log_recall`):
each lift's recall for its bests and next time, the calibration's older pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from bot.domain.advice import advise_session
from bot.domain.figures import (
    Calibration,
    KnownPairs,
    LiftRecall,
    best_line,
    calibrated,
    in_deload,
    new_bests,
    next_time,
)
from bot.domain.local_time import local_date_of
from bot.domain.models import Profile, Soreness, StoredEntry


@dataclass(frozen=True)
class SessionAdvice:
    """Lines under each entry (by entry id), the message's advice items, closing lines."""

    under: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    items: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()


def session_advice(
    fresh: Sequence[StoredEntry],
    older: Sequence[StoredEntry],
    profile: Profile,
    soreness: Sequence[Soreness],
    now: datetime,
    *,
    known: KnownPairs | None = None,
    recalls: Mapping[str, LiftRecall] | None = None,
    history_from: date | None = None,
) -> SessionAdvice:
    """Advice for the entries just stored (``fresh``), given the lifter's ``older`` ones
    (all of them; or those from ``history_from`` on, with the lifts' ``recalls`` and the
    calibration's ``known`` pairs)."""
    fresh_ids = {e.entry_id for e in fresh}
    past = [e for e in older if e.entry_id not in fresh_ids]
    reply = advise_session(fresh, past, profile, soreness, now, known)
    found = reply.calibration  # from every entry (a set without work sets tests nothing)
    past_c = calibrated(past, found)
    fresh_c = calibrated(fresh, found)
    lifts = _recalled(fresh, recalls or {}, found, history_from)
    today = local_date_of(now, profile.timezone)
    under: dict[int, list[str]] = {e.entry_id: [] for e in fresh_c}
    for entry_id, note in reply.fit_notes.items():
        under[entry_id].append(note)
    for i, entry in enumerate(fresh_c):
        before = [*past_c, *lifts.get(entry.exercise.key, ((), ()))[0], *fresh_c[:i]]
        for best in new_bests(entry, before):
            under[entry.entry_id].append(best_line(best, entry.exercise.name, profile.unit,
                                                   today))
    pool = [*past_c, *fresh_c]
    last_of: dict[str, StoredEntry] = {e.exercise.key: e for e in fresh_c if e.working_sets}
    for key, entry in last_of.items():
        if in_deload(profile, pool, entry.local_date):
            continue
        line = next_time([*lifts.get(key, ((), ()))[1],
                          *(e for e in pool if e.exercise.key == key)], entry.local_date, profile)
        if line is not None:
            under[entry.entry_id].append(line)
    closing = [line for line in (_left_out(reply.left_out), reply.effort_request,
                                 reply.deload_note, reply.deload_due) if line]
    return SessionAdvice(
        under={k: tuple(v) for k, v in under.items()},
        items=tuple(item.text for item in reply.items),
        closing=tuple(closing),
        rule_ids=reply.rule_ids,
    )


def _recalled(
    fresh: Sequence[StoredEntry], recalls: Mapping[str, LiftRecall],
    found: Calibration | None, history_from: date | None,
) -> dict[str, tuple[list[StoredEntry], list[StoredEntry]]]:
    """Each logged lift's kept best sets, and its kept sessions before the weeks read,
    as the fresh entry's exercise and with the lifter's calibration."""
    out: dict[str, tuple[list[StoredEntry], list[StoredEntry]]] = {}
    for entry in fresh:
        kept = recalls.get(entry.exercise.key)
        if kept is None or entry.exercise.key in out:
            continue
        as_lift = [replace(e, exercise=entry.exercise) for e in kept.bests]
        earlier = [replace(e, exercise=entry.exercise) for e in kept.sessions
                   if history_from is None or e.local_date < history_from]
        out[entry.exercise.key] = (calibrated(as_lift, found), calibrated(earlier, found))
    return out


def _left_out(ids: Sequence[str]) -> str | None:
    if not ids:
        return None
    return f"also: {', '.join(ids)} · /why {ids[0]}"


__all__ = ["SessionAdvice", "session_advice"]
