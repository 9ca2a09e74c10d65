"""/import through the coach: preview, confirm, idempotency, bad files, and what it feeds."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.console.render import plain
from bot.domain.figures.stats import training_days, weekly_streak
from bot.domain.limits import IMPORTS_PER_HOUR, MAX_OWN_EXERCISES, PENDING_IMPORTS
from bot.domain.models import Exercise
from bot.storage.sqlite import SQLiteStorage
from tests.data_samples import (
    SampleExercise,
    SampleSet,
    Workout,
    hevy,
    replace_cell,
    sample_workouts,
    strong_comma,
    strong_semicolon,
)
from tests.helpers import FakeClock


def _text(reply: Reply) -> str:
    """What the lifter reads: the escapes of names from the file undone."""
    return plain("\n".join((reply.title, *reply.lines,
                            *(f"{k}: {v}" for k, v in reply.fields), reply.footer or "")))


async def _stored(coach: Coach, user: str = "u1") -> int:
    return len(await coach.storage.entries_since(user, datetime(2000, 1, 1, tzinfo=UTC)))


async def test_preview_shows_rows_sets_dates_and_unmapped_names_and_stores_nothing(
    coach: Coach,
) -> None:
    await coach.profile.set("u1", timezone="Europe/Berlin")
    preview = await coach.data.import_preview(
        "u1", "g1", "strong.csv", strong_comma(sample_workouts()).encode())
    text = _text(preview.reply)
    assert preview.pending_id is not None and preview.reply.private
    assert "not set a time zone" not in text
    assert "78 rows → 78 sets in 24 entries from 6 workouts" in text
    assert "07 Sep 2026 to 18 Sep 2026" in text
    assert "Warm-ups 10 · drop sets 2 · sets to failure 8" in text
    assert "Converging Chest Press (Hammer Strength): 4 sets" in text  # unmapped, listed
    assert "Squat (Barbell) → back squat" in text
    assert "Left out" not in text  # the treadmill is kept, as timed sets
    assert "Timed or distance sets 2" in text
    assert await _stored(coach) == 0


async def test_confirm_stores_the_entries_as_previewed(coach: Coach) -> None:
    preview = await coach.data.import_preview(
        "u1", "g1", "hevy.csv", hevy(sample_workouts()).encode())
    assert preview.pending_id is not None
    assert "not set a time zone" in _text(preview.reply)  # no profile yet: times read as UTC
    done = await coach.data.import_confirm("u1", preview.pending_id)
    assert done.saved and "Added 24 entries with 78 sets" in _text(done)
    assert await _stored(coach) == 24
    history = _text(await coach.logbook.history("u1", "squat"))
    assert "back squat" in history and "Fri 18 Sep" in history
    own = await coach.storage.custom_exercises("u1")
    assert own == [Exercise("converging-chest-press-hammer-strength",
                            "converging chest press (hammer strength)", None, custom=True),
                   Exercise("treadmill", "treadmill", None, custom=True)]


async def test_importing_the_same_file_twice_adds_nothing(coach: Coach) -> None:
    data = strong_semicolon(sample_workouts()).encode()
    first = await coach.data.import_preview("u1", "g1", "s.csv", data)
    second = await coach.data.import_preview("u1", "g1", "s.csv", data)  # before confirming
    assert (await coach.data.import_confirm("u1", first.pending_id)).saved
    again = await coach.data.import_confirm("u1", second.pending_id)
    assert "Added 0 entries" in _text(again) and "Skipped 24" in _text(again)
    assert not again.saved
    third = await coach.data.import_preview("u1", "g1", "s.csv", data)
    assert third.pending_id is None and "already in your history" in _text(third.reply)
    assert await _stored(coach) == 24


async def test_partly_new_files_add_only_the_new_entries(coach: Coach) -> None:
    await _import(coach, "u1", strong_comma(sample_workouts(weeks=1)))
    preview = await coach.data.import_preview(
        "u1", "g1", "more.csv", strong_comma(sample_workouts(weeks=2)).encode())
    assert "12 of these entries are already in your history" in _text(preview.reply)
    done = await coach.data.import_confirm("u1", preview.pending_id)
    assert "Added 12 entries" in _text(done) and "Skipped 12" in _text(done)
    assert await _stored(coach) == 24


async def test_only_the_importer_can_confirm_and_only_once(coach: Coach) -> None:
    preview = await coach.data.import_preview(
        "alice", "g1", "a.csv", hevy(sample_workouts(1)).encode())
    assert preview.pending_id is not None
    stolen = await coach.data.import_confirm("bob", preview.pending_id)
    assert stolen.is_error and await _stored(coach, "bob") == 0
    assert not (await coach.data.import_cancel("bob", preview.pending_id)).saved
    assert (await coach.data.import_confirm("alice", preview.pending_id)).saved
    twice = await coach.data.import_confirm("alice", preview.pending_id)
    assert twice.is_error and "Example:" in twice.lines[2]
    for forged in (0, -1, 10**40):
        assert (await coach.data.import_confirm("alice", forged)).is_error
        assert (await coach.data.import_cancel("alice", forged)).is_error
    assert await _stored(coach, "alice") == 12


async def test_cancel_drops_the_preview(coach: Coach) -> None:
    preview = await coach.data.import_preview(
        "u1", "g1", "a.csv", hevy(sample_workouts(1)).encode())
    cancelled = await coach.data.import_cancel("u1", preview.pending_id)
    assert cancelled.title == "Import cancelled"
    assert (await coach.data.import_confirm("u1", preview.pending_id)).is_error
    assert (await coach.data.import_cancel("u1")).is_error
    assert await _stored(coach) == 0


async def test_a_preview_expires_after_a_day(coach: Coach, clock: FakeClock) -> None:
    preview = await coach.data.import_preview(
        "u1", "g1", "a.csv", hevy(sample_workouts(1)).encode())
    clock.advance(hours=25)
    late = await coach.data.import_confirm("u1", preview.pending_id)
    assert late.is_error and "older than a day" in late.lines[0]
    assert await _stored(coach) == 0


async def test_a_preview_from_another_version_asks_to_import_again(
    coach: Coach, clock: FakeClock
) -> None:
    pending = await coach.storage.stage_import(
        "u1", "g1", '{"v": 0, "entries": []}', [], clock.now, clock.now - timedelta(days=1))
    reply = await coach.data.import_confirm("u1", pending)
    assert reply.is_error and "can no longer be read" in reply.lines[0]
    assert (await coach.data.import_confirm("u1", pending)).title == "Nothing to confirm"


async def test_a_preview_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "restart.db"
    storage = await SQLiteStorage.open(path)
    preview = await Coach(storage, clock).data.import_preview(
        "u1", "g1", "a.csv", hevy(sample_workouts(1)).encode())
    await storage.close()
    storage = await SQLiteStorage.open(path)
    try:
        done = await Coach(storage, clock).data.import_confirm("u1")  # the latest
        assert done.saved and "Added 12 entries" in _text(done)
        assert preview.pending_id is not None
    finally:
        await storage.close()


async def test_a_mapping_reads_unknown_names_as_catalogue_lifts(coach: Coach) -> None:
    preview = await coach.data.import_preview(
        "u1", "g1", "s.csv", strong_comma(sample_workouts(1)).encode(),
        mapping="Converging Chest Press (Hammer Strength)=machine chest press")
    assert "Converging Chest Press (Hammer Strength): " not in _text(preview.reply)
    assert "Converging Chest Press (Hammer Strength) → machine chest press" in _text(
        preview.reply)
    bad = await coach.data.import_preview("u1", "g1", "s.csv", b"x", mapping="just words")
    assert bad.reply.is_error and "Name=exercise" in _text(bad.reply)


# ------------------------------------------------------------------ bad files
async def _refused(coach: Coach, data: bytes, *, fmt: str = "auto", limit: int = 5 << 20
                   ) -> str:
    default, coach.data.max_bytes = coach.data.max_bytes, limit
    try:
        preview = await coach.data.import_preview("u1", "g1", "file.csv", data, fmt)
    finally:
        coach.data.max_bytes = default
    assert preview.pending_id is None and preview.reply.is_error, preview.reply
    assert preview.reply.footer == "Nothing was imported."
    assert any(line.startswith("Hint:") for line in preview.reply.lines)
    assert any(line.startswith("Example: /import") for line in preview.reply.lines)
    assert await _stored(coach) == 0
    return _text(preview.reply)


async def test_every_kind_of_bad_file_is_refused_and_changes_nothing(coach: Coach) -> None:
    good = strong_comma(sample_workouts(1))
    assert "empty" in await _refused(coach, b"")
    assert "spreadsheet" in await _refused(coach, b"PK\x03\x04" + b"\x00" * 200)
    assert "PDF" in await _refused(coach, b"%PDF-1.7\n" + b"\x00\x01" * 100)
    assert "binary" in await _refused(coach, b"Date,Weight\n\x00\x00\x01\x02\x03")
    assert "not a Strong, Hevy or liftcoach" in await _refused(coach, b"a,b,c\n1,2,3\n")
    assert "looks like a Strong export" in await _refused(coach, good.encode(), fmt="hevy")
    assert "lacks the column" in await _refused(
        coach, good.replace("Set Order", "Order").encode())
    assert "row 5: Date 'soon'" in await _refused(
        coach, replace_cell(good, 5, "Date", "soon").encode())
    assert "row 9: Weight '80kg'" in await _refused(
        coach, replace_cell(good, 9, "Weight", "80kg").encode())
    assert "limit" not in await _refused(coach, b"\x89PNG\r\n\x1a\n")


async def test_files_over_the_size_limit_are_refused(coach: Coach) -> None:
    data = strong_comma(sample_workouts(4)).encode()
    text = await _refused(coach, data, limit=len(data) - 1)
    assert "I take files up to" in text
    early = coach.data.check_size(6 * 1024 * 1024)  # the default limit is 5 MB
    assert early is not None and "6.0 MB" in early.lines[0] and "5.0 MB" in early.lines[0]
    assert coach.data.check_size(5 * 1024 * 1024) is None


async def test_text_in_other_encodings_is_read(coach: Coach) -> None:
    text = strong_comma(sample_workouts(1)).replace("Push Day", "Brust & Schultern – Tag")
    for data in (text.encode("utf-16"), text.encode("cp1252"), b"\xef\xbb\xbf" + text.encode()):
        preview = await coach.data.import_preview("u1", "g1", "s.csv", data)
        assert preview.pending_id is not None, preview.reply


# ------------------------------------------------------------------ what imports feed
async def _import(coach: Coach, user: str, text: str, guild: str = "g1") -> None:
    preview = await coach.data.import_preview(user, guild, "f.csv", text.encode())
    assert preview.pending_id is not None, preview.reply
    assert (await coach.data.import_confirm(user, preview.pending_id)).saved


async def test_imported_history_feeds_advice(coach: Coach, clock: FakeClock) -> None:
    yesterday = clock.now - timedelta(hours=24)
    workout = [Workout(yesterday.replace(tzinfo=None), "Legs", 40, (
        SampleExercise("Leg Press (Machine)", (SampleSet(200, 10, "failure"),) * 3),))]
    await _import(coach, "u1", hevy(workout, date_style="iso"))
    reply = await coach.logbook.log("u1", "g1", "leg press 3x10 f")
    assert "W2" in reply.rule_ids  # two failure sessions within 48 hours


async def test_imported_history_feeds_stats_and_the_importing_servers_board(
    coach: Coach,
) -> None:
    await _import(coach, "u1", strong_comma(sample_workouts(2)), guild="gym")
    stored = await coach.storage.entries_since("u1", datetime(2000, 1, 1, tzinfo=UTC))
    days = training_days(stored)
    assert len(days) == 6
    assert weekly_streak(days, max(days)) == 2  # two weeks of three days
    assert {e.guild_id for e in stored} == {"gym"}
    members = await coach.storage.driver.fetchall(  # type: ignore[attr-defined]
        "SELECT guild_id, user_id FROM guild_members")
    assert [tuple(m) for m in members] == [("gym", "u1")]
    tiers = {e.exercise.name: e.exercise.tier for e in stored}
    assert tiers["back squat"] == "A" and tiers["leg extension"] == "D"


# ------------------------------------------------------------------ issue #14
def _pounds_file() -> bytes:
    lifts = (SampleExercise("Squat (Barbell)", tuple(SampleSet(w, 5) for w in (135, 185, 225))),
             SampleExercise("Bench Press (Barbell)", tuple(SampleSet(w, 8) for w in (95, 135))),
             SampleExercise("Bicep Curl (Dumbbell)", tuple(SampleSet(w, 10) for w in (25, 30))))
    days = [Workout(datetime(2026, 10, d, 18, 0), "Full body", 60, lifts)  # noqa: DTZ001
            for d in (5, 7, 9, 12)]
    return strong_comma(days).encode()


async def test_pounds_in_a_kg_profile_are_flagged_with_the_line_that_fixes_it(
    coach: Coach,
) -> None:
    preview = await coach.data.import_preview("u1", "g1", "strong.csv", _pounds_file())
    text = _text(preview.reply)
    assert preview.pounds_hint and preview.reply.tone == "warning"
    assert "look like pounds" in text and "/import file:strong.csv unit:lb" in text
    await coach.data.import_cancel("u1", preview.pending_id)
    as_lb = await coach.data.import_preview("u1", "g1", "strong.csv", _pounds_file(), unit="lb")
    assert not as_lb.pounds_hint and "as you chose with unit:lb" in _text(as_lb.reply)
    await coach.data.import_confirm("u1", as_lb.pending_id)
    stored = await coach.storage.entries_since("u1", datetime(2000, 1, 1, tzinfo=UTC))
    heaviest = max(s.load_kg or 0 for e in stored for s in e.sets)
    assert round(heaviest, 1) == 102.1  # 225 lb, not 225 kg
    bad = await coach.data.import_preview("u1", "g1", "s.csv", _pounds_file(), unit="stone")
    assert bad.reply.is_error and "unit:lb" in _text(bad.reply)


async def test_the_preview_lists_every_name_and_what_it_was_read_as(coach: Coach) -> None:
    lifts = [f"{lift} ({kit})" for lift in ("Bench Press", "Shoulder Press", "Lateral Raise",
                                            "Bicep Curl")
             for kit in ("Dumbbell", "Machine", "Cable", "Barbell")]
    days = [Workout(datetime(2026, 10, 5, 18, 0), "Day", 60,  # noqa: DTZ001
                    tuple(SampleExercise(n, (SampleSet(20, 10),)) for n in lifts))]
    preview = await coach.data.import_preview("u1", "g1", "h.csv", hevy(days).encode())
    text = _text(preview.reply)
    for name in lifts:  # not only the first ten
        assert name in text and name in preview.names
    assert "Bicep Curl (Barbell) → barbell curl" in text
    assert "Bicep Curl (Barbell) -> barbell curl" in preview.names
    assert all(len(value) <= 1024 for _, value in preview.reply.fields)


async def test_timed_sets_assistance_and_notes_are_previewed_and_stored(coach: Coach) -> None:
    days = [Workout(datetime(2026, 10, 5, 18, 0), "Day", 60, (  # noqa: DTZ001
        SampleExercise("Pull Up (Assisted)", (SampleSet(30, 8),), note="band too"),
        SampleExercise("Plank", (SampleSet(0, 0, seconds=60),)),
    ), notes="gym was packed")]
    preview = await coach.data.import_preview("u1", "g1", "h.csv", hevy(days).encode())
    text = _text(preview.reply)
    assert "Timed or distance sets 1" in text and "Assisted sets 1" in text
    assert "Notes kept with 1 entry" in text
    await coach.data.import_confirm("u1", preview.pending_id)
    pull, plank = sorted(await coach.storage.entries_since(
        "u1", datetime(2000, 1, 1, tzinfo=UTC)), key=lambda e: e.exercise.key)
    assert pull.exercise.key == "assisted-pull-up"
    assert (pull.sets[0].bodyweight, pull.sets[0].load_kg) == (True, -30)
    assert pull.note == "band too · Workout: gym was packed"
    assert plank.sets[0].seconds == 60 and plank.sets[0].reps is None


# ------------------------------------------------------------------ what one import may cost
def _strong_rows(names: list[str]) -> bytes:
    """A Strong file with one workout whose exercises are ``names``, a set each."""
    lines = ["Date,Workout Name,Exercise Name,Set Order,Weight,Reps"]
    lines += [f"2026-11-20 18:00:00,Odd Day,{name},1,40,10" for name in names]
    return ("\n".join(lines) + "\n").encode()


def _unknown(count: int, start: int = 0) -> list[str]:
    """Names the catalogue does not know and that are no close spelling of each other."""
    def name(n: int) -> str:
        digest = hashlib.sha256(str(n).encode()).hexdigest()
        return "Zz" + "".join(chr(ord("a") + int(c, 16)) for c in digest[:10])
    return [name(n) for n in range(start, start + count)]


async def test_a_file_is_read_while_the_bot_keeps_answering(coach: Coach) -> None:
    """Reading a file used to run on the event loop: every lifter waited for it."""
    start = datetime(2026, 11, 2, 18, 2, 11) - timedelta(weeks=150)  # noqa: DTZ001
    data = strong_comma(sample_workouts(150, start)).encode()  # 0.4 MB, 5,000 rows
    loop = asyncio.get_running_loop()
    ticks: list[float] = []
    done = asyncio.Event()

    async def other_lifters() -> None:
        while not done.is_set():
            ticks.append(loop.time())
            await asyncio.sleep(0.002)

    ticking = asyncio.ensure_future(other_lifters())
    start = loop.time()
    preview = await coach.data.import_preview("u1", "g1", "big.csv", data)
    took = loop.time() - start
    done.set()
    await ticking
    assert preview.pending_id is not None, preview.reply
    during = [t for t in ticks if start <= t <= start + took]
    gaps = [b - a for a, b in itertools.pairwise(during)]
    assert len(during) >= 10 and max(gaps) < took / 3, (len(during), max(gaps), took)


async def test_an_import_past_the_own_exercise_limit_is_refused_whole(coach: Coach) -> None:
    fits = await coach.data.import_preview("u1", "g1", "a.csv",
                                           _strong_rows(_unknown(MAX_OWN_EXERCISES - 2)))
    assert fits.pending_id is not None, fits.reply
    assert (await coach.data.import_confirm("u1", fits.pending_id)).saved
    over = await coach.data.import_preview("u1", "g1", "b.csv", _strong_rows(_unknown(3, 10_000)))
    text = _text(over.reply)
    assert over.pending_id is None and over.reply.is_error
    assert "3 exercises I don't know" in text and f"{MAX_OWN_EXERCISES - 2} of your own" in text
    assert str(MAX_OWN_EXERCISES) in text
    assert len(await coach.storage.custom_exercises("u1")) == MAX_OWN_EXERCISES - 2
    assert await _stored(coach) == MAX_OWN_EXERCISES - 2  # nothing of the second file
    # Names already of one's own are no new exercise: that file goes in.
    again = await coach.data.import_preview("u1", "g1", "c.csv", _strong_rows(
        _unknown(2, 20_000) + _unknown(5)))
    assert again.pending_id is not None, again.reply


async def test_a_log_and_exercise_obey_the_own_exercise_limit_too(coach: Coach) -> None:
    full = await coach.data.import_preview("u1", "g1", "a.csv",
                                           _strong_rows(_unknown(MAX_OWN_EXERCISES)))
    assert (await coach.data.import_confirm("u1", full.pending_id)).saved
    refused = await coach.logbook.log("u1", "g1", "blorptastic press 3x5 @40")
    assert not refused.saved and str(MAX_OWN_EXERCISES) in _text(refused)
    assert (await coach.logbook.log("u1", "g1", "squat 3x5 @100 rir2")).saved
    mine = _unknown(1, 7)[0].lower()
    assert (await coach.logbook.log("u1", "g1", f"{mine} 3x5 @40")).saved  # one of hers
    made = await coach.profile.exercise("u1", "blorptastic press", "B")
    assert made.is_error and str(MAX_OWN_EXERCISES) in _text(made)
    assert len(await coach.storage.custom_exercises("u1")) == MAX_OWN_EXERCISES


async def test_imports_per_hour_are_limited_and_say_when_to_come_back(
    coach: Coach, clock: FakeClock
) -> None:
    data = strong_comma(sample_workouts(1)).encode()
    for _ in range(IMPORTS_PER_HOUR):
        assert (await coach.data.import_preview("u1", "g1", "s.csv", data)).pending_id
        clock.advance(minutes=5)
    refused = await coach.data.import_preview("u1", "g1", "s.csv", data)
    text = _text(refused.reply)
    assert refused.pending_id is None and refused.reply.is_error
    assert "Try again at 19:00 (UTC), in 30 minutes" in text.replace("\\", ""), text
    assert (await coach.data.import_preview("u2", "g1", "s.csv", data)).pending_id  # others
    clock.advance(minutes=31)
    assert (await coach.data.import_preview("u1", "g1", "s.csv", data)).pending_id


async def test_a_preview_keeps_a_summary_and_only_the_newest_few(coach: Coach) -> None:
    start = datetime(2026, 11, 2, 18, 2, 11) - timedelta(weeks=40)  # noqa: DTZ001
    data = strong_comma(sample_workouts(40, start)).encode()
    ids = [(await coach.data.import_preview("u1", "g1", f"{n}.csv", data)).pending_id
           for n in range(PENDING_IMPORTS + 1)]
    kept = [await coach.storage.pending_import("u1", i) for i in ids if i is not None]
    assert [p.pending_id for p in kept if p is not None] == ids[1:]
    assert all(len(p.payload) < 500 for p in kept if p is not None)  # not the file's rows
    assert (await coach.data.import_confirm("u1", ids[0])).title == "Nothing to confirm"

