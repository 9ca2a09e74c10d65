"""Board storage on each engine: the training days a server's board sees, kept exact."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.domain.models import Exercise, Profile, SetRecord
from bot.storage.contract import NewEntry, Storage

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
TODAY = NOW.date()
SQUAT = Exercise(key="back-squat", name="back squat", tier="A")
WORK = SetRecord(reps=5, load_kg=100.0, rir=2.0)
WARMUP = SetRecord(reps=5, load_kg=60.0, warmup=True)


def entry(day: date, *sets: SetRecord) -> NewEntry:
    moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return NewEntry(SQUAT, tuple(sets) or (WORK,), moment, day)


async def log(storage: Storage, user: str, guild: str, day: date, *sets: SetRecord) -> int:
    [stored] = await storage.add_entries(user, guild, [entry(day, *sets)], NOW)
    return stored.entry_id


async def board(storage: Storage, guild: str) -> set[tuple[str, date]]:
    data = await storage.board_data(guild, None, TODAY + timedelta(days=1))
    return set(data.days)


def driver(storage: Storage) -> Any:
    return storage.driver  # type: ignore[attr-defined]


async def test_a_working_set_makes_a_training_day_on_the_board(storage: Storage) -> None:
    await log(storage, "ann", "g1", TODAY)
    await log(storage, "ann", "g1", TODAY - timedelta(days=1), WARMUP)  # warm-ups only
    await log(storage, "ann", "g1", TODAY - timedelta(days=2), WARMUP, WORK)
    assert await board(storage, "g1") == {("ann", TODAY), ("ann", TODAY - timedelta(days=2))}


async def test_days_logged_anywhere_count_on_every_board_the_lifter_is_on(
    storage: Storage,
) -> None:
    await log(storage, "ann", "g1", TODAY - timedelta(days=3))
    await log(storage, "ann", "", TODAY - timedelta(days=2))  # in a DM
    await log(storage, "ann", "g2", TODAY - timedelta(days=1))  # joins g2's board
    days = {("ann", TODAY - timedelta(days=n)) for n in (1, 2, 3)}
    assert await board(storage, "g1") == days
    assert await board(storage, "g2") == days
    assert await board(storage, "g3") == set()  # never logged there


async def test_undo_removes_a_day_only_with_its_last_working_set(storage: Storage) -> None:
    first = await log(storage, "ann", "g1", TODAY)
    second = await log(storage, "ann", "g1", TODAY)
    await storage.delete_entry("ann", first)
    assert await board(storage, "g1") == {("ann", TODAY)}
    await storage.delete_entry("ann", second)
    assert await board(storage, "g1") == set()


async def test_opting_out_takes_the_lifter_off_that_board_only(storage: Storage) -> None:
    await log(storage, "ann", "g1", TODAY)
    await log(storage, "ann", "g2", TODAY)
    assert await storage.set_board_opt_out("g1", "ann", True, NOW) == ("in", "out")
    await log(storage, "ann", "g1", TODAY - timedelta(days=1))  # still logging there
    assert await board(storage, "g1") == set()
    assert len(await board(storage, "g2")) == 2
    assert await storage.board_membership("g1", "ann") == "out"
    assert await storage.set_board_opt_out("g1", "ann", False, NOW) == ("out", "in")
    assert await board(storage, "g1") == await board(storage, "g2")


async def test_opting_out_before_logging_there_sticks(storage: Storage) -> None:
    await log(storage, "ann", "g1", TODAY)
    assert await storage.set_board_opt_out("g2", "ann", True, NOW) == ("none", "out")
    await log(storage, "ann", "g2", TODAY)
    assert await board(storage, "g2") == set()
    # Changing one's mind before ever logging there again: back to not being a member.
    await storage.forget_user("ann")
    assert await storage.set_board_opt_out("g3", "ann", True, NOW) == ("none", "out")
    assert await storage.set_board_opt_out("g3", "ann", False, NOW) == ("out", "none")
    assert await storage.board_membership("g3", "ann") == "none"
    assert await storage.set_board_opt_out("g3", "ann", False, NOW) == ("none", "none")


async def test_forget_me_leaves_nothing_on_any_board(storage: Storage) -> None:
    await log(storage, "ann", "g1", TODAY)
    await log(storage, "bob", "g1", TODAY)
    await storage.forget_user("ann")
    assert await board(storage, "g1") == {("bob", TODAY)}


async def test_edits_made_in_sql_keep_the_board_exact(storage: Storage) -> None:
    """Writes that no command makes today (a set turned into a warm-up, a date moved)."""
    moved = await log(storage, "ann", "g1", TODAY - timedelta(days=4))
    await log(storage, "ann", "g1", TODAY)
    db = driver(storage)
    await db.execute("UPDATE sets SET warmup = 1 WHERE entry_id = ?", (moved,))
    assert await board(storage, "g1") == {("ann", TODAY)}
    await db.execute("UPDATE sets SET warmup = 0 WHERE entry_id = ?", (moved,))
    await db.execute("UPDATE entries SET local_date = ? WHERE entry_id = ?",
                     (TODAY - timedelta(days=5), moved))
    assert await board(storage, "g1") == {("ann", TODAY), ("ann", TODAY - timedelta(days=5))}
    await db.execute("DELETE FROM sets WHERE entry_id = ?", (moved,))
    assert await board(storage, "g1") == {("ann", TODAY)}


async def test_board_data_reads_a_range_with_what_each_lifter_needs(storage: Storage) -> None:
    since = TODAY - timedelta(days=10)
    await log(storage, "ann", "g1", TODAY - timedelta(days=30))  # before the range
    await log(storage, "ann", "g1", TODAY)
    await log(storage, "bob", "g1", TODAY - timedelta(days=2))
    await log(storage, "cid", "g1", TODAY - timedelta(days=40))  # nothing in the range
    await storage.save_profile("ann", Profile(timezone="Pacific/Tongatapu", weekly_target=4),
                               NOW, TODAY - timedelta(days=60))
    await storage.save_profile("bob", Profile(weekly_target=2), NOW, TODAY - timedelta(days=60))
    await storage.save_profile("bob", Profile(weekly_target=5), NOW, TODAY - timedelta(days=3))
    data = await storage.board_data("g1", since, TODAY)
    assert sorted(data.days) == [("ann", TODAY), ("bob", TODAY - timedelta(days=2))]
    assert set(data.lifters) == {"ann", "bob"}
    ann, bob = data.lifters["ann"], data.lifters["bob"]
    assert (ann.timezone, ann.weekly_target, ann.target_at_since) == ("Pacific/Tongatapu", 4, 4)
    assert ann.first_day == TODAY - timedelta(days=30)
    assert bob.first_day == TODAY - timedelta(days=2)
    assert data.histories == {"bob": [(TODAY - timedelta(days=60), 2),
                                      (TODAY - timedelta(days=3), 5)]}
    everything = await storage.board_data("g1", None, TODAY)
    assert set(everything.lifters) == {"ann", "bob", "cid"}
    assert set(everything.histories) == {"ann", "bob"}
    days, histories = await storage.board_days_of("g1", ["ann", "cid"])
    assert sorted(days) == [("ann", TODAY - timedelta(days=30)), ("ann", TODAY),
                            ("cid", TODAY - timedelta(days=40))]
    assert histories == {"ann": [(TODAY - timedelta(days=60), 4)]}


async def test_discipline_counts_per_day(storage: Storage) -> None:
    curl = Exercise(key="barbell-curl", name="barbell curl", tier="D")
    own = Exercise(key="my-lift", name="my lift", tier=None)
    day = TODAY - timedelta(days=1)
    at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    await storage.add_entries("ann", "g1", [
        NewEntry(SQUAT, (WARMUP, SetRecord(5, 100.0, rir=2.0), SetRecord(5, 100.0, failure=True,
                                                                        rir=0.0),
                         SetRecord(5, 100.0)), at, day),  # 2 judged, 1 short; no RIR: unjudged
        NewEntry(curl, (SetRecord(10, 20.0, rir=2.0),), at, day),
        NewEntry(curl, (SetRecord(10, 20.0, amrap=True),), at, day),  # same session: hard
        NewEntry(own, (SetRecord(10, 20.0, rir=0.0),), at, day),  # no tier: left out
    ], NOW)
    rows = await storage.board_discipline("g1", TODAY - timedelta(days=7), TODAY)
    assert [(r.user_id, r.local_date, r.short, r.judged, r.hard_sessions, r.sessions)
            for r in rows] == [("ann", day, 1, 2, 1, 1)]
    assert await storage.board_discipline("g2", None, TODAY) == []


async def test_upgrading_a_database_fills_the_boards_from_its_history(tmp_path: Any) -> None:
    from bot.storage.migrations import load_migrations
    from bot.storage.sqlite import SQLiteStorage
    from tests.storage.old_rows import add_old_entries

    path = tmp_path / "old.db"
    old = await SQLiteStorage.open(path, migrations=load_migrations("sqlite")[:2])
    await add_old_entries(old.driver, "ann", "g1",
                          [entry(TODAY), entry(TODAY - timedelta(days=1), WARMUP)], NOW)
    await add_old_entries(old.driver, "bob", "g1", [entry(TODAY)], NOW)
    await old.driver.execute("UPDATE guild_members SET opted_out = 1 WHERE user_id = 'bob'")
    await old.close()
    upgraded = await SQLiteStorage.open(path)
    try:
        assert await board(upgraded, "g1") == {("ann", TODAY)}
    finally:
        await upgraded.close()


async def test_discipline_counts_follow_undo_and_tier_changes(storage: Storage) -> None:
    own = Exercise(key="sled-push", name="sled push", tier="D", custom=True)
    day = TODAY - timedelta(days=1)
    at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    [squat, sled] = await storage.add_entries("ann", "g1", [
        NewEntry(SQUAT, (SetRecord(5, 100.0, rir=2.0),), at, day),
        NewEntry(own, (SetRecord(10, 80.0, rir=3.0),), at, day),
    ], NOW)

    async def counts() -> list[tuple[int, int, int, int]]:
        rows = await storage.board_discipline("g1", None, TODAY)
        return [(r.short, r.judged, r.hard_sessions, r.sessions) for r in rows]

    assert await counts() == [(1, 1, 0, 1)]
    await storage.save_custom_exercise("ann", Exercise(key="sled-push", name="sled push",
                                                       tier="A", custom=True))
    assert await counts() == [(2, 2, 0, 0)]  # now judged as a heavy lift
    await storage.delete_entry("ann", squat.entry_id)
    assert await counts() == [(1, 1, 0, 0)]
    await storage.delete_entry("ann", sled.entry_id)
    assert await counts() == []


async def test_changes_name_the_lifters_whose_figures_may_have_moved(storage: Storage) -> None:
    async def since(position: int) -> list[str]:
        changes = await storage.board_changes("g1", position)
        assert changes.user_ids is not None
        return sorted(changes.user_ids)

    start = await storage.board_changes("g1", None)
    assert start.user_ids is None
    first = await log(storage, "ann", "g1", TODAY)
    assert await since(start.position) == ["ann"]
    p1 = (await storage.board_changes("g1", None)).position
    assert await since(p1) == []  # nothing new since
    await log(storage, "ann", "g1", TODAY)  # same day: the discipline counts move
    assert await since(p1) == ["ann"]
    p2 = (await storage.board_changes("g1", None)).position
    await log(storage, "bob", "g2", TODAY)  # another server: nobody on g1 changed
    await log(storage, "ann", "", TODAY - timedelta(days=1))  # a DM log is ann's day too
    assert await since(p2) == ["ann"]
    p3 = (await storage.board_changes("g1", None)).position
    await storage.save_profile("ann", Profile(weekly_target=5), NOW, TODAY)
    assert await since(p3) == ["ann"]
    p4 = (await storage.board_changes("g1", None)).position
    await storage.set_board_opt_out("g1", "ann", True, NOW)
    assert await since(p4) == ["ann"]
    resets = (await storage.board_changes("g1", None)).resets
    await storage.delete_entry("ann", first)
    await storage.forget_user("ann")  # a member leaves the server's members: a reset
    assert (await storage.board_changes("g1", None)).resets > resets
