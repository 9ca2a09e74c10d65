"""Migration 010 on both engines: notes, PRs, the new set fields, how a lifter's logs
are read, and the offers stored under a log reply; old data keeps working."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.domain.models import Exercise, Profile, SetRecord
from bot.storage.contract import LogContext, LogWrite, NewEntry, NewOffer, Storage
from bot.storage.log_types import OFFER_LIFETIME, LogPrefs
from bot.storage.migrations import load_migrations
from bot.storage.sql.storage import SqlStorage
from bot.storage.sqlite import SQLiteStorage
from tests.helpers import import_now, open_in_schema, require_postgres, throwaway_schema

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
TODAY = NOW.date()
SQUAT = Exercise(key="back-squat", name="back squat", tier="A")
PLANK = Exercise(key="plank", name="plank", tier="D")
SETS = (
    SetRecord(reps=10, load_kg=60.0, reps_max=12),
    SetRecord(reps=1, load_kg=140.0, planned_max=True),
)
TIMED = (SetRecord(reps=None, seconds=60.0), SetRecord(reps=None, meters=40.5))


def noted(ex: Exercise, sets: tuple[SetRecord, ...], note: str = "", pr: bool = False,
          when: datetime = NOW) -> NewEntry:
    return NewEntry(ex, sets, when, when.date(), note=note, pr=pr)


async def log(
    storage: Storage, user: str, entries: Sequence[NewEntry], offers: Sequence[NewOffer] = (),
    replacing: Sequence[int] = (), **write: object,
) -> tuple[LogContext, list[int], list[int]]:
    def plan(context: LogContext) -> LogWrite:
        replaces = tuple(e.entry_id for e in context.replaced)
        return LogWrite(entries, offers=offers, replaces=replaces, **write)  # type: ignore[arg-type]

    logged = await storage.log_entries(user, "g", NOW - timedelta(days=15), NOW, plan,
                                       replacing=replacing)
    return logged.context, [e.entry_id for e in logged.stored], logged.offer_ids


async def test_notes_prs_and_new_set_fields_come_back_on_every_read_path(
    storage: Storage,
) -> None:
    await log(storage, "u", [noted(SQUAT, SETS, "felt heavy (90s rest)", pr=True),
                             noted(PLANK, TIMED)])
    since = await storage.entries_since("u", NOW - timedelta(days=1))
    history = await storage.history("u", None, 10)
    context = await storage.log_context("u", NOW - timedelta(days=1))
    page = await storage.entries_page("u", None, 10)
    for entries in (since, history, list(context.history), page):
        by_key = {e.exercise.key: e for e in entries}
        assert by_key["back-squat"].sets == SETS
        assert by_key["back-squat"].note == "felt heavy (90s rest)"
        assert by_key["back-squat"].pr is True
        assert by_key["plank"].sets == TIMED
        assert by_key["plank"].note == "" and by_key["plank"].pr is False
    assert all(s.timed for s in by_key["plank"].sets)


async def test_imported_entries_keep_their_note_pr_and_set_fields(storage: Storage) -> None:
    new = NewEntry(SQUAT, SETS, NOW, TODAY, source_ref="fp-1", note="belt", pr=True)
    assert (await import_now(storage, "u", "", [new], NOW)).entries == 1
    [back] = await storage.entries_page("u", None, 10)
    assert (back.sets, back.note, back.pr) == (SETS, "belt", True)


async def test_log_prefs_default_and_follow_the_profile(storage: Storage) -> None:
    assert await storage.get_log_prefs("u") == LogPrefs()
    await storage.save_profile("u", Profile(goal="strength"), NOW, TODAY)
    assert (await storage.get_log_prefs("u")).unit_chosen is False
    await storage.save_profile("u", Profile(unit="kg"), NOW, TODAY, unit_chosen=True)
    await storage.save_profile("u", Profile(goal="general"), NOW, TODAY)
    assert (await storage.get_log_prefs("u")).unit_chosen is True  # it stays chosen
    await storage.save_date_order("u", "mdy", NOW)
    await storage.save_date_order("fresh", "mdy", NOW)
    assert (await storage.get_log_prefs("u")).date_order == "mdy"
    assert (await storage.get_log_prefs("fresh")).date_order == "mdy"
    assert await storage.get_profile("u") == Profile(goal="general")
    context = await storage.log_context("u", NOW)
    assert context.prefs == LogPrefs(date_order="mdy", unit_chosen=True)


async def test_a_log_can_record_the_unit_question_and_the_unit_chosen(
    storage: Storage,
) -> None:
    await log(storage, "u", [noted(SQUAT, SETS)], unit_asked=True)
    assert await storage.get_log_prefs("u") == LogPrefs(unit_asked=True)
    assert await storage.get_profile("u") == Profile()
    await log(storage, "u", [noted(SQUAT, SETS)], unit="lb")
    assert await storage.get_log_prefs("u") == LogPrefs(unit_chosen=True, unit_asked=True)
    assert (await storage.get_profile("u")) == Profile(unit="lb")


async def test_an_offer_is_the_lifters_own_and_taken_once(storage: Storage) -> None:
    offer = NewOffer("reading", (1,), "16x10 dumbbell curl")
    _, ids, [offer_id] = await log(
        storage, "u", [noted(SQUAT, SETS), noted(PLANK, TIMED)], [offer])
    assert await storage.take_offer("intruder", offer_id) is None
    taken = await storage.take_offer("u", offer_id)
    assert taken is not None
    assert (taken.kind, taken.entry_ids, taken.line) == ("reading", (ids[1],),
                                                         "16x10 dumbbell curl")
    assert taken.guild_id == "g" and taken.created_at == NOW
    assert await storage.take_offer("u", offer_id) is None
    await storage.put_back_offer("u", taken)
    assert await storage.take_offer("u", offer_id) == taken
    assert await storage.take_offer("u", 12345) is None


async def test_a_replacing_log_removes_only_the_lifters_named_entries(storage: Storage) -> None:
    _, mine, _ = await log(storage, "u", [noted(SQUAT, SETS), noted(PLANK, TIMED)])
    _, theirs, _ = await log(storage, "v", [noted(SQUAT, SETS)])
    context, new, _ = await log(storage, "u", [noted(SQUAT, SETS[:1])],
                                replacing=(mine[0], theirs[0]))
    assert [e.entry_id for e in context.replaced] == [mine[0]]
    left = {e.entry_id for e in await storage.history("u", None, 10)}
    assert left == {mine[1], *new}
    assert [e.entry_id for e in await storage.history("v", None, 10)] == theirs


async def test_old_offers_are_swept_by_later_logs(storage: Storage) -> None:
    offer = NewOffer("own", (0,), "sqaut")
    _, _, [old] = await log(storage, "u", [noted(SQUAT, SETS)], [offer])
    later = NOW + OFFER_LIFETIME + timedelta(minutes=1)

    def plan(context: LogContext) -> LogWrite:
        return LogWrite([noted(SQUAT, SETS, when=later)], offers=[offer])

    await storage.log_entries("v", "", later - timedelta(days=15), later, plan)
    assert await storage.take_offer("u", old) is None


async def test_forget_me_erases_the_lifters_offers(storage: Storage) -> None:
    _, _, [offer_id] = await log(storage, "u", [noted(SQUAT, SETS)],
                                 [NewOffer("pounds", (0,), "squat 225 5x5")])
    assert (await storage.user_data_counts("u"))["log_offers"] == 1
    await storage.forget_user("u")
    assert await storage.take_offer("u", offer_id) is None


async def _upgrade_keeps_data(engine: str, tmp_path: Path, url: str | None = None,
                              schema: str | None = None) -> None:
    """Rows written as the code before migration 010 wrote them read back after it."""
    before = load_migrations(engine)[:9]
    if engine == "sqlite":
        old: SqlStorage = await SQLiteStorage.open(tmp_path / "old.db", migrations=before)
    else:
        assert url is not None and schema is not None
        old = await open_in_schema(url, schema, migrations=before)
    try:
        async with old.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO entries (entry_id, user_id, guild_id, exercise_key, exercise_name,"
                " tier, performed_at, local_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (7, "u", "g", SQUAT.key, SQUAT.name, SQUAT.tier, NOW, TODAY, NOW))
            await tx.execute(
                "INSERT INTO sets (entry_id, position, reps, load_kg, rir) VALUES (?, ?, ?, ?, ?)",
                (7, 0, 5, 100.0, 2.0))
            for user, unit in (("lb-lifter", "lb"), ("kg-lifter", "kg")):
                await tx.execute("INSERT INTO users (user_id, unit, created_at) VALUES (?, ?, ?)",
                                 (user, unit, NOW))
    finally:
        await old.close()
    if engine == "sqlite":
        new: Storage = await SQLiteStorage.open(tmp_path / "old.db")
    else:
        assert url is not None and schema is not None
        new = await open_in_schema(url, schema)
    try:
        [back] = await new.history("u", None, 5)
        assert back.entry_id == 7 and back.sets == (SetRecord(reps=5, load_kg=100.0, rir=2.0),)
        assert back.note == "" and back.pr is False
        assert (await new.get_log_prefs("lb-lifter")).unit_chosen is True
        assert await new.get_log_prefs("kg-lifter") == LogPrefs()
    finally:
        await new.close()


async def test_a_sqlite_database_from_migration_009_upgrades_with_its_data(
    tmp_path: Path,
) -> None:
    await _upgrade_keeps_data("sqlite", tmp_path)


async def test_a_postgres_database_from_migration_009_upgrades_with_its_data(
    tmp_path: Path,
) -> None:
    url = require_postgres()
    async with throwaway_schema(url) as schema:
        await _upgrade_keeps_data("postgres", tmp_path, url, schema)


def test_both_engines_number_their_migrations_alike() -> None:
    sqlite, postgres = load_migrations("sqlite"), load_migrations("postgres")
    assert [m.version for m in sqlite][:10] == [m.version for m in postgres][:10]
    assert sqlite[9].name == postgres[9].name == "010_log_details.sql"
