"""What a log reads about the lifter before it is stored, in as few statements as can be.

One trip reads: the profile with its coaching settings, log preferences, plan blocks
and kept calibration pairs (one row); own exercises; soreness; the entries of the
recent weeks (from the day the kept pairs need, when that is earlier); the kept
recalls; and the entries a replacing log names. A plan that finds something kept
missing asks for more (:class:`bot.storage.contract.HistoryWanted`): its steps are
:func:`wanted_steps` and their rows join the context in :func:`with_wanted`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.domain.models import StoredEntry
from bot.storage.contract import HistoryWanted, LogContext, PlanSettingsRow
from bot.storage.driver import Rows, Step
from bot.storage.rows import (
    CUSTOM_SELECT,
    ENTRY_SELECT,
    PROFILE_COLUMNS,
    SORENESS_SELECT,
    as_date,
    as_datetime,
    custom_from_row,
    earliest_local_date,
    group_entries,
    marks,
    profile_from_row,
    soreness_from_row,
)
from bot.storage.sql.offers import prefs_from_row
from bot.storage.sql.recalls import RECALLS_SELECT, Recalls, pairs_from, reads_from

# One row whether or not the lifter has a profile, plan blocks or kept pairs.
_LIFTER = (
    "SELECT " + ", ".join(f"u.{c}" for c in PROFILE_COLUMNS) + ", u.date_order,"
    " u.unit_chosen, u.unit_asked, p.block_weeks, p.block_start, c.pairs_before, c.pairs,"
    " u.user_id"
    " FROM (SELECT CAST(? AS TEXT) AS user_id) q"
    " LEFT JOIN users u ON u.user_id = q.user_id"
    " LEFT JOIN plan_settings p ON p.user_id = q.user_id"
    " LEFT JOIN calibration_pairs c ON c.user_id = q.user_id"
)
# The recent weeks, or from the first day the kept pairs leave to the log if earlier.
# No time order is needed (advice takes history in any order): the index's own order
# spares a sort.
_RECENT = (
    f"{ENTRY_SELECT} WHERE e.user_id = ? AND e.local_date >= COALESCE("
    "(SELECT c.reads_from FROM calibration_pairs c WHERE c.user_id = ? AND c.reads_from < ?),"
    " ?) ORDER BY e.local_date, e.entry_id, s.position"
)
_ORDER = " ORDER BY e.entry_id, s.position"


def context_steps(user_id: str, since: datetime, replacing: Sequence[int]) -> list[Step]:
    start = earliest_local_date(since)
    steps = [
        Step(_LIFTER, (user_id,), fetch=True),
        Step(CUSTOM_SELECT, (user_id,), fetch=True),
        Step(SORENESS_SELECT, (user_id,), fetch=True),
        Step(_RECENT, (user_id, user_id, start, start), fetch=True),
        Step(RECALLS_SELECT, (user_id,), fetch=True),
    ]
    if replacing:
        ids = tuple(replacing)
        steps.append(Step(f"{ENTRY_SELECT} WHERE e.user_id = ? AND e.entry_id IN"
                          f" ({marks(ids)}){_ORDER}", (user_id, *ids), fetch=True))
    return steps


def context_from(rows: Rows, since: datetime) -> LogContext:
    """The context from the rows of :func:`context_steps`."""
    lifter, customs, soreness, history, recalls = rows[:5]
    row = lifter[0]
    known = pairs_from(row[12], row[13])
    start = earliest_local_date(since)
    first = reads_from(known)
    kept = Recalls(recalls)
    return LogContext(
        profile=None if row[14] is None else profile_from_row(row[:7]),
        customs=tuple(custom_from_row(r) for r in customs),
        soreness=tuple(soreness_from_row(r) for r in soreness),
        history=tuple(group_entries(history, as_datetime, as_date)),
        prefs=prefs_from_row(row[7:10] if row[14] is not None else None),
        best_loads=kept.heaviest,
        replaced=tuple(group_entries(rows[5], as_datetime, as_date)) if len(rows) > 5 else (),
        plan=None if row[11] is None else PlanSettingsRow(
            None if row[10] is None else int(row[10]), as_date(row[11])),
        history_from=first if first is not None and first < start else start,
        recalls=kept,
        known_pairs=known,
    )


def wanted_steps(user_id: str, context: LogContext, wanted: HistoryWanted) -> list[Step]:
    """Steps for what the plan asked for, in the order :func:`with_wanted` reads them."""
    steps = []
    if wanted.lifts:
        keys = tuple(sorted(wanted.lifts))
        steps.append(Step(f"{ENTRY_SELECT} WHERE e.user_id = ? AND e.exercise_key IN"
                          f" ({marks(keys)}){_ORDER}", (user_id, *keys), fetch=True))
    if wanted.older and context.history_from is not None:
        steps.append(Step(f"{ENTRY_SELECT} WHERE e.user_id = ? AND e.local_date < ?{_ORDER}",
                          (user_id, context.history_from), fetch=True))
    days = tuple(sorted(d for d in wanted.days
                        if context.history_from is not None and d < context.history_from))
    if days:
        steps.append(Step(f"{ENTRY_SELECT} WHERE e.user_id = ? AND e.local_date IN"
                          f" ({marks(days)}){_ORDER}", (user_id, *days), fetch=True))
    return steps


def with_wanted(context: LogContext, wanted: HistoryWanted, rows: Rows) -> LogContext:
    """The context with the rows of :func:`wanted_steps` in it."""
    found = iter(rows)
    lifts = dict(context.lifts)
    if wanted.lifts:
        by_key: dict[str, list[StoredEntry]] = {key: [] for key in wanted.lifts}
        for entry in group_entries(next(found), as_datetime, as_date):
            by_key[entry.exercise.key].append(entry)
        lifts.update({key: tuple(entries) for key, entries in by_key.items()})
    older = context.older
    if wanted.older:
        older = (tuple(group_entries(next(found), as_datetime, as_date))
                 if context.history_from is not None else ())
    history = context.history
    if any(context.history_from is not None and d < context.history_from
           for d in wanted.days):
        seen = {e.entry_id for e in history}
        history = history + tuple(e for e in group_entries(next(found), as_datetime, as_date)
                                  if e.entry_id not in seen)
    return replace(context, lifts=lifts, older=older, history=history)
