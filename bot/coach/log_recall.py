"""What a log reads back of the lifter's older history, and keeps for the next log.

A log reads the lifter's recent weeks (:data:`WINDOW`): the rules, the week's earlier
replies and the deload signs need no more. Three things compare with all of the
lifter's history: a lift's new bests and its next-time line (which read the lift's
:class:`bot.domain.figures.LiftRecall`) and the RIR calibration (the pairs of every
test, :class:`bot.domain.figures.KnownPairs`). The storage keeps both beside the
entries; this module works them out again from the whole history when they are
missing (the storage drops them when something other than a log changed that history)
and hands them back updated with each log's own entries.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from bot.domain.advice import LOOKBACK
from bot.domain.figures import KnownPairs, LiftRecall, recall_of, rir_pairs
from bot.domain.models import StoredEntry
from bot.domain.sessions import MAX_HISTORY_DAYS
from bot.storage.contract import HistoryWanted, LogContext, LogWrite

WINDOW = LOOKBACK + timedelta(days=8)
"""The weeks a log reads: the advice's look-back before the oldest message of the
week whose replies it recalls, and a day for time zones."""
PAIRS_KEPT_BEFORE = timedelta(days=7)
"""The calibration's pairs are kept for the tests before the week a log reads again."""


def wanted(context: LogContext, keys: Iterable[str], days: Iterable[date]
           ) -> HistoryWanted | None:
    """What the log must read more before it can be stored: the whole history of each
    lift logged with nothing kept, every older entry when no pairs are kept, the days
    before the weeks read that the log is backdated to (their sessions)."""
    first = context.history_from
    lifts = frozenset(k for k in keys if k not in context.recalls)
    older = context.known_pairs is None and first is not None
    far = frozenset(d for d in days if first is not None and d < first)
    if not (lifts or older or far):
        return None
    return HistoryWanted(lifts, older, far)


WHOLE_LOG = timedelta(days=MAX_HISTORY_DAYS)
"""A read back this far holds every entry a lifter has (/edit's advice reads it all)."""


def whole(context: LogContext) -> LogContext:
    """A context read over :data:`WHOLE_LOG`, with its lifts' recalls and best loads
    worked out from that history."""
    lifts: dict[str, list[StoredEntry]] = {}
    for entry in context.history:
        lifts.setdefault(entry.exercise.key, []).append(entry)
    return with_rebuilt(replace(context, lifts={k: tuple(v) for k, v in lifts.items()}))


def with_rebuilt(context: LogContext) -> LogContext:
    """The context with the recalls of the lifts it read whole (see :func:`wanted`)."""
    if not context.lifts:
        return context
    built = {key: recall_of(entries) for key, entries in context.lifts.items()}
    loads = {**context.best_loads,
             **{key: r.heaviest for key, r in built.items() if r.heaviest is not None}}
    return replace(context, recalls=ChainMap(built, dict(context.recalls)), best_loads=loads)


def pairs_now(context: LogContext, today: date) -> KnownPairs | None:
    """The calibration's pairs of the tests before this week (the lifter's ``today``),
    from the whole history when it was read, else from those kept and the weeks read."""
    before = today - PAIRS_KEPT_BEFORE
    known = context.known_pairs
    if context.older is not None:
        pairs = rir_pairs([*context.older, *context.history])
        return KnownPairs(before, tuple(p for p in pairs if p.tested_on < before))
    if known is None or known.before >= before:
        return known
    newer = tuple(p for p in rir_pairs(context.history) if known.before <= p.tested_on < before)
    return KnownPairs(before, known.pairs + newer)


def recalls_after(
    context: LogContext, keys: Iterable[str]
) -> Callable[[Sequence[StoredEntry]], Mapping[str, LiftRecall]]:
    """The recalls to keep once the log's entries are stored (with their ids)."""
    wanted_keys = tuple(dict.fromkeys(keys))

    def after(stored: Sequence[StoredEntry]) -> Mapping[str, LiftRecall]:
        return {key: recall_of([e for e in stored if e.exercise.key == key],
                            context.recalls.get(key))
                for key in wanted_keys}

    return after


def kept(write: LogWrite, context: LogContext, pairs: KnownPairs | None) -> LogWrite:
    """``write`` with what it keeps for the next log (``pairs``: :func:`pairs_now`). A log
    that replaces entries keeps nothing: its deletes drop what was kept of their lifts,
    worked out again later."""
    if write.replaces:
        return write
    keys = [e.exercise.key for e in write.entries]
    return replace(write, pairs=None if pairs is context.known_pairs else pairs,
                   recalls=recalls_after(context, keys))
