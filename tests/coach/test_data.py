"""/export and /forget-me through the coach, and the round trip export → forget → import."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.coach import Coach
from bot.coach import data as data_module
from bot.domain.models import Soreness
from bot.domain.transfer.export import COLUMNS
from bot.storage.contract import ReminderOutcome, Storage
from bot.storage.migrations.personal_data import (
    CHILD_TABLES,
    SERVER_CACHES,
    SERVER_COUNTERS,
    SERVER_REFERENCES,
)
from tests.data_samples import hevy, sample_workouts, strong_comma
from tests.helpers import FakeClock


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


async def _import(coach: Coach, user: str, data: bytes, guild: str = "g1") -> None:
    preview = await coach.data.import_preview(user, guild, "f.csv", data)
    assert preview.pending_id is not None, preview.reply
    assert (await coach.data.import_confirm(user, preview.pending_id)).saved


async def _lifter_with_everything(coach: Coach, user: str, clock: FakeClock) -> None:
    """A lifter with every kind of data the bot keeps."""
    await coach.profile.set(user, unit="lb", timezone="Europe/Berlin", target=4)
    await coach.profile.set(user, target=3)  # a second weekly-target row
    await coach.logbook.log(user, "g1", "squat 5x5 @225lb rir2; curl 3x12 @30 f dropset")
    await coach.logbook.log(user, "g2", "sandbag over bar 3x5 rir1")
    await coach.profile.exercise(user, "sandbag over bar", "A")
    await coach.logbook.log(user, "", "bench 3x8 @185 rpe8 yesterday")  # in a DM: no server
    await coach.profile.sore(user, "quads", 6)
    await _import(coach, user, strong_comma(sample_workouts(1)).encode())
    await coach.data.import_preview(user, "g1", "later.csv", hevy(sample_workouts(2)).encode())
    assert not (await coach.reminders.set(user, "07:30", "mon,wed,fri")).is_error
    storage = coach.storage
    row = await storage.get_reminder(user)
    assert row is not None
    await storage.finish_reminders([ReminderOutcome(
        user, row.version, "sent", date(2026, 11, 25), row.next_due_at)], clock.now)


async def test_export_holds_every_set_with_the_documented_columns(
    coach: Coach, clock: FakeClock
) -> None:
    await coach.logbook.log("u1", "g1", "squat 5x5 @100kg rir2; leg extension 3x12 @40kg f")
    await coach.logbook.log("u1", "g1", "bench 135lb x 8,8,7 rpe 8")
    await coach.logbook.log("someone else", "g1", "deadlift 1x5 @200kg")
    export = await coach.data.export("u1")
    assert export.filename == "liftcoach-export-u1-2026-11-26.csv"
    assert export.reply.private and "3 entries with 11 sets" in export.reply.lines[0]
    rows = _rows(export.data)
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 11
    assert {r["exercise"] for r in rows} == {"back squat", "leg extension", "bench press"}
    squat = [r for r in rows if r["exercise"] == "back squat"]
    assert [r["set"] for r in squat] == ["1", "2", "3", "4", "5"]
    assert {(r["reps"], r["load_kg"], r["rir"], r["tier"]) for r in squat} == {
        ("5", "100", "2", "A")}
    bench = [r for r in rows if r["exercise"] == "bench press"]
    assert float(bench[0]["load_kg"]) == pytest.approx(135 * 0.45359237, abs=0.001)
    assert bench[0]["rir"] == "2" and bench[2]["reps"] == "7"
    assert all(r["failure"] == "1" for r in rows if r["exercise"] == "leg extension")
    assert "200" not in {r["load_kg"] for r in rows}  # nobody else's sets


async def test_export_with_nothing_logged_is_just_the_header(coach: Coach) -> None:
    export = await coach.data.export("nobody")
    assert export.data.decode().strip() == ",".join(COLUMNS)
    assert "nothing logged" in export.reply.lines[0]


async def test_export_pages_through_a_long_history(
    coach: Coach, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _import(coach, "u1", strong_comma(sample_workouts(weeks=3)).encode())
    whole = _rows((await coach.data.export("u1")).data)
    # Pages smaller than a workout: entries sharing one moment are split across pages.
    monkeypatch.setattr(data_module, "EXPORT_PAGE", 4)
    paged = _rows((await coach.data.export("u1")).data)
    assert paged == whole
    assert len({r["entry"] for r in paged}) == 3 * 12
    moments = [r["performed_at"] for r in paged]
    assert moments == sorted(moments)


async def test_round_trip_export_forget_import_gives_the_same_sets(
    coach: Coach, clock: FakeClock
) -> None:
    await _lifter_with_everything(coach, "u1", clock)
    before = await coach.data.export("u1")
    customs = await coach.storage.custom_exercises("u1")
    erased = await coach.data.forget_me_confirm("u1")
    assert erased.saved
    assert len(_rows((await coach.data.export("u1")).data)) == 0

    await _import(coach, "u1", before.data)
    after = await coach.data.export("u1")

    def sets(data: bytes) -> list[tuple[str, ...]]:
        return [tuple(v for k, v in r.items() if k != "entry") for r in _rows(data)]

    assert sets(after.data) == sets(before.data)
    assert len(sets(after.data)) > 40
    assert await coach.storage.custom_exercises("u1") == customs  # tiers come back too
    again = await coach.data.import_preview("u1", "g1", "f.csv", before.data)
    assert again.pending_id is None  # importing it once more adds nothing


async def test_importing_your_own_export_without_forgetting_adds_nothing(coach: Coach) -> None:
    await coach.logbook.log("u1", "g1", "squat 5x5 @100kg rir2; leg extension 3x12 @40kg f")
    export = await coach.data.export("u1")
    preview = await coach.data.import_preview("u1", "g1", export.filename, export.data)
    assert preview.pending_id is None and "already in your history" in preview.reply.lines[0]


# ------------------------------------------------------------------ /forget-me
async def _all_tables(storage: Storage) -> list[str]:
    driver: Any = storage.driver  # type: ignore[attr-defined]
    sql = ("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
           if driver.engine == "sqlite" else
           "SELECT table_name FROM information_schema.tables"
           " WHERE table_schema = current_schema()")
    return sorted(str(r[0]) for r in await driver.fetchall(sql))


async def _snapshot(storage: Storage, leaving_out: str | None = None) -> dict[str, list[str]]:
    """Every row of every table, except the rows about ``leaving_out`` (and counters)."""
    driver: Any = storage.driver  # type: ignore[attr-defined]
    await storage.catch_up_boards()  # the leaderboard tables as any reader sees them
    personal = await storage.tables_with_user_id()
    out: dict[str, list[str]] = {}
    for table in await _all_tables(storage):
        if table in SERVER_COUNTERS or table in SERVER_CACHES:  # server-level, rebuilt or
            continue  # bumped by anyone's change
        sql, params = f"SELECT * FROM {table}", ()
        if leaving_out is not None and table in personal:
            sql, params = f"{sql} WHERE user_id <> ?", (leaving_out,)
        elif leaving_out is not None and table in SERVER_REFERENCES:
            # A row naming the lifter loses that name; every other row stays as it was.
            sql = f"{sql} WHERE COALESCE({SERVER_REFERENCES[table]}, '') <> ?"
            params = (leaving_out,)
        elif leaving_out is not None and table in CHILD_TABLES:
            column, parent, parent_column = CHILD_TABLES[table]
            sql = (f"{sql} WHERE {column} NOT IN"
                   f" (SELECT {parent_column} FROM {parent} WHERE user_id = ?)")
            params = (leaving_out,)
        out[table] = sorted(repr(tuple(r)) for r in await driver.fetchall(sql, params))
    return out


async def test_forget_me_erases_everything_of_the_caller_and_nothing_else(
    coach: Coach, clock: FakeClock
) -> None:
    await _lifter_with_everything(coach, "alice", clock)
    await _lifter_with_everything(coach, "bob", clock)
    storage = coach.storage
    others_before = await _snapshot(storage, leaving_out="alice")
    asked = await coach.data.forget_me_request("alice")
    assert asked.tone == "warning" and asked.private
    assert await _snapshot(storage, leaving_out="alice") == others_before  # asking erases nothing
    listed = "\n".join(asked.lines)
    for what in ("logged entries", "sets", "profile", "exercises of your own", "soreness",
                 "server memberships", "reminder schedule", "reminder records",
                 "imports waiting"):
        assert what in listed, what

    erased = await coach.data.forget_me_confirm("alice")
    assert erased.saved and erased.private
    assert "\n".join(erased.lines).count("•") == listed.count("•")

    everything = await _snapshot(storage)
    for table in await storage.tables_with_user_id():
        assert not [r for r in everything[table] if "'alice'" in r], table
    assert everything == await _snapshot(storage, leaving_out="alice")  # nothing of hers left
    assert await _snapshot(storage) == others_before  # and nobody else's rows changed
    assert await storage.get_profile("alice") is None
    assert await storage.soreness("bob") == [Soreness("quadriceps", 6, clock.now)]

    nothing = await coach.data.forget_me_request("alice")
    assert nothing.tone != "warning" and "nothing" in nothing.title.lower()
    assert (await coach.data.forget_me_confirm("alice")).title == "Nothing to erase"


async def test_after_forget_me_the_coach_starts_from_scratch(coach: Coach) -> None:
    await coach.profile.set("u1", unit="lb")
    await coach.logbook.log("u1", "g1", "squat 5x5 @225 rir2")
    await coach.data.forget_me_confirm("u1")
    profile = await coach.profile.set("u1")
    assert dict(profile.fields)["Unit"] == "kg"
    assert "Nothing logged yet" in (await coach.logbook.history("u1")).lines[0]
    assert (await coach.logbook.log("u1", "g1", "squat 5x5 @100 rir2")).saved



def test_the_readme_documents_every_export_column() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    table = readme.split("### Export columns", 1)[1].split("\n\n## ", 1)[0]
    documented = tuple(line.split("`")[1] for line in table.splitlines()
                       if line.startswith("| `"))
    assert documented == COLUMNS
