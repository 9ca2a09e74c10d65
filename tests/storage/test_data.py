"""The data-rights storage contract, on every engine: staged imports, previews, pages."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from bot.domain.limits import PENDING_IMPORTS
from bot.domain.models import Exercise, SetRecord
from bot.storage.contract import NewEntry, Published, Storage
from tests.helpers import import_now

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
SQUAT = Exercise("back-squat", "back squat", "A")
OWN = Exercise("sandbag-over-bar", "sandbag over bar", None, custom=True)
DAY = timedelta(days=1)


def _entry(day: int, ref: str, exercise: Exercise = SQUAT, source: str = "import") -> NewEntry:
    at = NOW - timedelta(days=day)
    return NewEntry(exercise, (SetRecord(reps=5, load_kg=100), SetRecord(reps=5, load_kg=100)),
                    at, at.date(), source=source, source_ref=ref)


async def _stage(storage: Storage, entries: list[NewEntry], user: str = "u1",
                 when: datetime = NOW) -> int:
    return await storage.stage_import(user, "g1", '{"n": 1}', entries, when, when - DAY)


async def test_import_stores_new_entries_once(storage: Storage) -> None:
    batch = [_entry(3, "a"), _entry(2, "b"), _entry(2, "b")]  # a duplicate inside the file too
    assert await import_now(storage, "u1", "g1", batch, NOW) == Published(2, 4)
    assert await import_now(storage, "u1", "g1", [_entry(3, "a"), _entry(1, "c")],
                            NOW) == Published(1, 2)
    stored = await storage.entries_since("u1", NOW - timedelta(days=30))
    assert len(stored) == 3 and all(len(e.sets) == 2 for e in stored)
    assert {e.guild_id for e in stored} == {"g1"}
    # The same fingerprint is another lifter's own business.
    assert (await import_now(storage, "u2", "", [_entry(3, "a")], NOW)).entries == 1


async def test_a_preview_is_not_history_until_confirmed(storage: Storage) -> None:
    pending = await _stage(storage, [_entry(d, f"r{d}") for d in range(1, 6)])
    assert await storage.entries_page("u1", None, 50) == []
    assert await storage.publish_import("u1", pending, NOW) == Published(5, 10)
    assert len(await storage.entries_page("u1", None, 50)) == 5
    assert await storage.pending_import("u1", pending) is None


async def test_concurrent_confirms_store_each_entry_once(storage: Storage) -> None:
    batch = [_entry(d, f"ref-{d}") for d in range(1, 40)]
    same = await _stage(storage, batch)
    results = await asyncio.gather(*(storage.publish_import("u1", same, NOW)
                                     for _ in range(3)))
    assert sorted(results, key=lambda r: r is None) == [Published(39, 78), None, None]
    # Two previews of one file, both confirmed: the second finds every entry stored.
    again = [await _stage(storage, batch) for _ in range(2)]
    twice = await asyncio.gather(*(storage.publish_import("u1", p, NOW) for p in again))
    assert twice == [Published(0, 0), Published(0, 0)]
    stored = await storage.entries_since("u1", NOW - timedelta(days=60))
    assert len(stored) == 39 and all(len(e.sets) == 2 for e in stored)


async def test_log_entries_may_share_a_message_id(storage: Storage) -> None:
    """The unique index is for imports only: one channel post can store several entries."""
    twins = [_entry(0, "message-1", source="log"), _entry(0, "message-1", source="log")]
    await storage.add_entries("u1", "g1", twins, NOW)
    assert len(await storage.delete_entries_by_ref("u1", "message-1")) == 2


async def test_own_exercises_keep_a_tier_already_chosen(storage: Storage) -> None:
    await storage.save_custom_exercise("u1", Exercise(OWN.key, OWN.name, "B", custom=True))
    tiered = Exercise(OWN.key, OWN.name, "A", custom=True)
    new = Exercise("farm-cart", "farm cart", "C", custom=True)
    await import_now(storage, "u1", "", [_entry(1, "x", tiered), _entry(2, "y", new),
                                         _entry(3, "z", new)], NOW)
    tiers = {e.key: e.tier for e in await storage.custom_exercises("u1")}
    assert tiers == {OWN.key: "B", "farm-cart": "C"}


async def test_pending_imports_are_the_owners_and_go_with_the_import(storage: Storage) -> None:
    old = NOW - timedelta(days=2)
    stale = await _stage(storage, [_entry(9, "s")], when=old)
    first = await _stage(storage, [_entry(1, "p")])
    assert await storage.pending_import("u1", stale) is None  # swept as expired
    second = await storage.stage_import("u1", "g1", '{"n": 2}', [_entry(2, "q")], NOW,
                                        NOW - DAY)
    assert second > first
    latest = await storage.pending_import("u1", None)
    assert latest is not None and latest.pending_id == second and latest.payload == '{"n": 2}'
    assert latest.created_at == NOW and latest.guild_id == "g1"
    assert await storage.pending_import("u2", first) is None  # not theirs
    assert not await storage.delete_pending_import("u2", first)
    assert await storage.publish_import("u2", first, NOW) is None
    assert await storage.publish_import("u1", first, NOW) == Published(1, 2)
    assert await storage.pending_import("u1", first) is None
    assert await storage.pending_import("u1", second) is not None
    assert await storage.delete_pending_import("u1", second)
    assert await storage.publish_import("u1", second, NOW) is None  # cancelled: gone
    assert [e.local_date for e in await storage.entries_page("u1", None, 10)] == [
        (NOW - DAY).date()]
    assert set(await storage.user_data_counts("u1")) >= {"entries", "sets"}
    assert not {"import_entries", "import_sets", "pending_imports"} & set(
        await storage.user_data_counts("u1"))


async def test_only_the_newest_previews_are_kept(storage: Storage) -> None:
    ids = [await _stage(storage, [_entry(1, f"n{i}")]) for i in range(PENDING_IMPORTS + 3)]
    kept = [i for i in ids if await storage.pending_import("u1", i) is not None]
    assert kept == ids[-PENDING_IMPORTS:]
    assert (await storage.user_data_counts("u1"))["import_entries"] == PENDING_IMPORTS


async def test_pages_walk_every_entry_once_in_time_order(storage: Storage) -> None:
    same_moment = [_entry(5, f"s{i}") for i in range(7)]  # one workout: one moment
    batch = [*same_moment, *(_entry(d, f"d{d}") for d in (1, 9, 3))]
    await import_now(storage, "u1", "g1", batch, NOW)
    await import_now(storage, "u2", "g1", [_entry(4, "other")], NOW)
    seen: list[tuple[datetime, int]] = []
    after = None
    while page := await storage.entries_page("u1", after, 3):
        seen += [(e.performed_at, e.entry_id) for e in page]
        after = seen[-1]
    assert len(seen) == 10 and len(set(seen)) == 10 and seen == sorted(seen)
    assert seen[0][0] == NOW - timedelta(days=9)
    assert {d.date() for d, _ in seen} == {date(2026, 11, d) for d in (17, 21, 23, 25)}
