"""The data-rights storage contract, on every engine: imports, pending previews, pages."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from bot.domain.models import Exercise, SetRecord
from bot.storage.contract import NewEntry, Storage

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
SQUAT = Exercise("back-squat", "back squat", "A")
OWN = Exercise("sandbag-over-bar", "sandbag over bar", None, custom=True)


def _entry(day: int, ref: str, exercise: Exercise = SQUAT, source: str = "import") -> NewEntry:
    at = NOW - timedelta(days=day)
    return NewEntry(exercise, (SetRecord(reps=5, load_kg=100), SetRecord(reps=5, load_kg=100)),
                    at, at.date(), source=source, source_ref=ref)


async def test_import_stores_new_entries_once(storage: Storage) -> None:
    batch = [_entry(3, "a"), _entry(2, "b"), _entry(2, "b")]  # a duplicate inside the file too
    assert sorted(await storage.import_entries("u1", "g1", batch, [], NOW)) == ["a", "b"]
    assert await storage.import_entries("u1", "g1", [_entry(3, "a"), _entry(1, "c")], [],
                                        NOW) == ["c"]
    stored = await storage.entries_since("u1", NOW - timedelta(days=30))
    assert len(stored) == 3 and all(len(e.sets) == 2 for e in stored)
    assert {e.guild_id for e in stored} == {"g1"}
    # The same fingerprint is another lifter's own business.
    assert await storage.import_entries("u2", "", [_entry(3, "a")], [], NOW) == ["a"]


async def test_concurrent_confirms_store_each_entry_once(storage: Storage) -> None:
    batch = [_entry(d, f"ref-{d}") for d in range(1, 40)]
    results = await asyncio.gather(*(storage.import_entries("u1", "g1", batch, [], NOW)
                                     for _ in range(3)))
    assert sorted(ref for refs in results for ref in refs) == sorted(e.source_ref or ""
                                                                      for e in batch)
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
    await storage.import_entries("u1", "", [_entry(1, "x", OWN)], [tiered, new], NOW)
    tiers = {e.key: e.tier for e in await storage.custom_exercises("u1")}
    assert tiers == {OWN.key: "B", "farm-cart": "C"}


async def test_pending_imports_are_the_owners_and_go_with_the_import(storage: Storage) -> None:
    old = NOW - timedelta(days=2)
    stale = await storage.save_pending_import("u1", "g1", "{}", old, old - timedelta(days=1))
    first = await storage.save_pending_import("u1", "g1", '{"n": 1}', NOW, NOW - timedelta(1))
    assert await storage.pending_import("u1", stale) is None  # swept as expired
    second = await storage.save_pending_import("u1", "g1", '{"n": 2}', NOW, NOW - timedelta(1))
    assert second > first
    latest = await storage.pending_import("u1", None)
    assert latest is not None and latest.pending_id == second and latest.payload == '{"n": 2}'
    assert latest.created_at == NOW and latest.guild_id == "g1"
    assert await storage.pending_import("u2", first) is None  # not theirs
    assert not await storage.delete_pending_import("u2", first)
    await storage.import_entries("u1", "g1", [_entry(1, "p")], [], NOW, pending_id=first)
    assert await storage.pending_import("u1", first) is None
    assert await storage.pending_import("u1", second) is not None


async def test_only_the_newest_previews_are_kept(storage: Storage) -> None:
    ids = [await storage.save_pending_import("u1", "", "{}", NOW, NOW - timedelta(1))
           for _ in range(8)]
    kept = [i for i in ids if await storage.pending_import("u1", i) is not None]
    assert kept == ids[-5:]


async def test_pages_walk_every_entry_once_in_time_order(storage: Storage) -> None:
    same_moment = [_entry(5, f"s{i}") for i in range(7)]  # one workout: one moment
    batch = [*same_moment, *(_entry(d, f"d{d}") for d in (1, 9, 3))]
    await storage.import_entries("u1", "g1", batch, [], NOW)
    await storage.import_entries("u2", "g1", [_entry(4, "other")], [], NOW)
    seen: list[tuple[datetime, int]] = []
    after = None
    while page := await storage.entries_page("u1", after, 3):
        seen += [(e.performed_at, e.entry_id) for e in page]
        after = seen[-1]
    assert len(seen) == 10 and len(set(seen)) == 10 and seen == sorted(seen)
    assert seen[0][0] == NOW - timedelta(days=9)
    assert {d.date() for d, _ in seen} == {date(2026, 11, d) for d in (17, 21, 23, 25)}
