"""Migration 016 on both engines: what a log keeps of older history (lift recalls, the
calibration's pairs) comes back with the next log's context; anything else that
changes that history drops it; a plan that asks for more history gets it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta

from bot.domain.figures import KnownPairs, LiftRecall, Pair
from bot.domain.models import Exercise, SetRecord, StoredEntry
from bot.storage.contract import HistoryWanted, LogContext, LogWrite, NewEntry, Storage
from bot.storage.rows import earliest_local_date

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
SINCE = NOW - timedelta(days=50)
SQUAT = Exercise(key="back-squat", name="back squat", tier="A")
CURL = Exercise(key="curl", name="curl", tier="D")
PAIRS = KnownPairs(date(2026, 11, 19), (Pair("back squat", 100.0, 2.0, 1.0, date(2026, 10, 1)),))


def new(ex: Exercise, load: float, days_ago: int = 0) -> NewEntry:
    when = NOW - timedelta(days=days_ago)
    return NewEntry(ex, (SetRecord(reps=5, load_kg=load, rir=2.0),), when, when.date())


def keep_all(stored: Sequence[StoredEntry]) -> Mapping[str, LiftRecall]:
    return {e.exercise.key: LiftRecall(bests=(e,), sessions=(e,), heaviest=e.sets[0].load_kg)
            for e in stored}


async def log(
    storage: Storage, entries: Sequence[NewEntry], *, pairs: KnownPairs | None = None,
    recalls: Callable[[Sequence[StoredEntry]], Mapping[str, LiftRecall]] | None = keep_all,
    ask: HistoryWanted | None = None, user: str = "u",
) -> list[LogContext]:
    seen: list[LogContext] = []

    def plan(context: LogContext) -> LogWrite | HistoryWanted:
        seen.append(context)
        if ask is not None and len(seen) == 1:
            return ask
        return LogWrite(entries, pairs=pairs, recalls=recalls)

    await storage.log_entries(user, "g", SINCE, NOW, plan)
    return seen


async def context(storage: Storage, user: str = "u") -> LogContext:
    return await storage.log_context(user, SINCE)


async def test_what_a_log_keeps_comes_back_with_the_next_log(storage: Storage) -> None:
    await log(storage, [new(SQUAT, 100.0), new(CURL, 20.0)], pairs=PAIRS)
    got = await context(storage)
    assert dict(got.best_loads) == {"back-squat": 100.0, "curl": 20.0}
    kept = got.recalls["back-squat"]
    assert [(e.local_date, e.sets) for e in kept.bests] == [
        (NOW.date(), (SetRecord(reps=5, load_kg=100.0, rir=2.0),))]
    assert kept.sessions[0].entry_id == kept.bests[0].entry_id
    assert got.known_pairs == PAIRS
    # the log reads from the first day a test after the kept pairs can be paired with
    assert got.history_from == min(PAIRS.before - timedelta(days=42), earliest_local_date(SINCE))
    assert (await context(storage, "someone else")).recalls == {}


async def test_a_log_reads_its_weeks_and_from_where_the_kept_pairs_leave_off(
    storage: Storage,
) -> None:
    await storage.add_entries("u", "", [new(SQUAT, 90.0, days_ago=200),
                                        new(SQUAT, 95.0, days_ago=70)], NOW)
    assert {e.sets[0].load_kg for e in (await context(storage)).history} == set()
    await log(storage, [new(CURL, 20.0)],
              pairs=KnownPairs(NOW.date() - timedelta(days=100), ()))
    got = await context(storage)
    assert {e.sets[0].load_kg for e in got.history} == {95.0, 20.0}


async def test_kept_recalls_go_when_their_lift_changes_other_than_by_a_log(
    storage: Storage,
) -> None:
    await log(storage, [new(SQUAT, 100.0), new(CURL, 20.0)], pairs=PAIRS)
    await storage.add_entries("u", "", [new(SQUAT, 105.0)], NOW)
    got = await context(storage)
    assert set(got.recalls) == {"curl"} and got.known_pairs == PAIRS  # a day after the pairs
    await log(storage, [new(SQUAT, 100.0), new(CURL, 20.0)])
    [curl] = [e for e in (await context(storage)).history if e.exercise.key == "curl"][-1:]
    await storage.delete_entry("u", curl.entry_id)
    assert set((await context(storage)).recalls) == {"back-squat"}
    imported = NewEntry(SQUAT, new(SQUAT, 1).sets, NOW, NOW.date(), source_ref="x")
    pending = await storage.stage_import("u", "", "{}", [imported], NOW, NOW - timedelta(days=1))
    assert set((await context(storage)).recalls) == {"back-squat"}  # a preview changes nothing
    await storage.publish_import("u", pending, NOW)
    assert (await context(storage)).recalls == {}


async def test_kept_pairs_go_when_a_day_before_them_changes(storage: Storage) -> None:
    await log(storage, [new(SQUAT, 100.0)], pairs=PAIRS)
    await storage.add_entries("u", "", [new(CURL, 20.0, days_ago=1)], NOW)
    assert (await context(storage)).known_pairs == PAIRS
    await storage.add_entries("u", "", [new(CURL, 20.0, days_ago=30)], NOW)  # backdated
    assert (await context(storage)).known_pairs is None
    await log(storage, [new(SQUAT, 100.0)], pairs=PAIRS)
    old = [e for e in (await context(storage)).history if e.local_date < PAIRS.before]
    await storage.delete_entry("u", old[0].entry_id)
    assert (await context(storage)).known_pairs is None


async def test_a_backdated_log_drops_the_pairs_it_was_written_with(storage: Storage) -> None:
    await log(storage, [new(SQUAT, 100.0, days_ago=20)], pairs=PAIRS)
    assert (await context(storage)).known_pairs is None


async def test_a_plan_asking_for_more_history_gets_it_before_it_chooses(
    storage: Storage,
) -> None:
    await storage.add_entries("u", "", [new(SQUAT, 90.0, days_ago=300),
                                        new(CURL, 10.0, days_ago=200),
                                        new(SQUAT, 95.0, days_ago=2)], NOW)
    await storage.add_entries("v", "", [new(SQUAT, 500.0, days_ago=300)], NOW)
    far = (NOW - timedelta(days=200)).date()
    first, again = await log(storage, [new(SQUAT, 100.0)],
                             ask=HistoryWanted(frozenset({"back-squat"}), True, frozenset({far})))
    assert first.lifts == {} and first.older is None
    assert sorted(e.sets[0].load_kg or 0 for e in again.lifts["back-squat"]) == [90.0, 95.0]
    assert first.history_from is not None
    assert {e.sets[0].load_kg for e in again.older or ()} == {90.0, 10.0}
    assert {e.sets[0].load_kg for e in again.history} == {95.0, 10.0}  # the day asked for
    assert "back-squat" in (await context(storage)).recalls  # and its write was stored
