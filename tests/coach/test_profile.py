"""/exercise NAME rename:NEW and /exercise NAME merge:LIFT, on both engines (issue #14).

A lifter's own exercise (an app's odd name, a typo kept before the catalogue read it)
can be renamed or made the catalogue lift it always was; every entry of it moves, and
no one else's.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.domain.models import Exercise, StoredEntry
from tests.data_samples import SampleExercise, SampleSet, Workout, hevy

EVER = datetime(2000, 1, 1, tzinfo=UTC)


def _text(reply: Reply) -> str:
    return "\n".join((reply.title, *reply.lines, *(f"{k}: {v}" for k, v in reply.fields),
                      reply.footer or ""))


async def _import(coach: Coach, user: str, *names: str, weeks: int = 2) -> None:
    days = [Workout(datetime(2026, 10, 5 + 7 * w, 18, 0), "Day", 60, tuple(  # noqa: DTZ001
        SampleExercise(n, (SampleSet(60 + w, 8), SampleSet(60 + w, 8))) for n in names))
        for w in range(weeks)]
    preview = await coach.data.import_preview(user, "g1", "h.csv", hevy(days).encode())
    assert (await coach.data.import_confirm(user, preview.pending_id)).saved


async def _entries(coach: Coach, user: str) -> list[StoredEntry]:
    return await coach.storage.entries_since(user, EVER)


async def test_merge_moves_every_entry_of_an_own_exercise_onto_the_catalogue_lift(
    coach: Coach,
) -> None:
    await _import(coach, "u1", "Bench press Backup", "Deadlift (Barbell)")
    await _import(coach, "u2", "Bench press Backup")  # someone else's, same name
    reply = await coach.profile.merge_exercise("u1", "bench press backup", "bench press")
    assert reply.saved and not reply.is_error
    assert "2 entries of bench press backup are now bench press (tier B)" in _text(reply)
    mine = await _entries(coach, "u1")
    assert sorted(e.exercise.key for e in mine) == ["bench-press", "bench-press", "deadlift",
                                                    "deadlift"]
    assert {e.exercise.tier for e in mine if e.exercise.key == "bench-press"} == {"B"}
    assert await coach.storage.custom_exercises("u1") == []
    theirs = await _entries(coach, "u2")  # untouched
    assert {e.exercise.key for e in theirs} == {"bench-press-backup"}
    assert [c.key for c in await coach.storage.custom_exercises("u2")] == ["bench-press-backup"]
    history = _text(await coach.logbook.history("u1", "bench press"))
    assert history.count("bench press") >= 2


async def test_merged_history_counts_for_the_lift(coach: Coach) -> None:
    await _import(coach, "u1", "Bench press Backup")
    before = _text(await coach.progress.stats("u1", "bench press"))
    await coach.profile.merge_exercise("u1", "Bench press Backup", "bench")
    after = _text(await coach.progress.stats("u1", "bench press"))
    assert after != before and "61" in after  # the best set (61 kg x 8) is the lift's now


async def test_rename_gives_every_entry_the_new_name_and_keeps_the_tier(coach: Coach) -> None:
    await _import(coach, "u1", "Zzzdump2")
    assert (await coach.profile.exercise("u1", "zzzdump2", "C")).saved
    reply = await coach.profile.rename_exercise("u1", "Zzzdump2", "Cable Squat Press")
    assert reply.saved and "2 entries of zzzdump2 now read cable squat press" in _text(reply)
    entries = await _entries(coach, "u1")
    assert {(e.exercise.key, e.exercise.name, e.exercise.tier) for e in entries} == {
        ("cable-squat-press", "cable squat press", "C")}
    assert await coach.storage.custom_exercises("u1") == [
        Exercise("cable-squat-press", "cable squat press", "C", custom=True)]


async def test_rename_onto_another_own_exercise_joins_them(coach: Coach) -> None:
    await _import(coach, "u1", "Sled Push OLD", "Sled Push", weeks=1)
    await coach.profile.exercise("u1", "sled push", "C")
    reply = await coach.profile.rename_exercise("u1", "sled push old", "sled push")
    assert "join your own sled push (tier C)" in _text(reply)
    assert {e.exercise.key for e in await _entries(coach, "u1")} == {"sled-push"}
    assert [c.name for c in await coach.storage.custom_exercises("u1")] == ["sled push"]


async def test_what_cannot_be_renamed_or_merged_is_said_and_nothing_moves(
    coach: Coach,
) -> None:
    await _import(coach, "u1", "Sled Push", weeks=1)
    not_mine = await coach.profile.merge_exercise("u1", "back squat", "front squat")
    assert not_mine.is_error and "no exercise of your own called" in _text(not_mine)
    assert "sled push" in _text(not_mine)  # lists what they do have
    built_in = await coach.profile.rename_exercise("u1", "sled push", "leg press")
    assert built_in.is_error and "merge:leg press" in _text(built_in)
    unknown = await coach.profile.merge_exercise("u1", "sled push", "sled drag")
    assert unknown.is_error and "not a lift in the catalogue" in _text(unknown)
    ambiguous = await coach.profile.merge_exercise("u1", "sled push", "rows")
    assert ambiguous.is_error and "barbell row" in _text(ambiguous)
    empty = await coach.profile.rename_exercise("u1", "sled push", "   ")
    assert empty.is_error
    assert {e.exercise.key for e in await _entries(coach, "u1")} == {"sled-push"}
    nobody = await coach.profile.rename_exercise("u9", "sled push", "x")
    assert nobody.is_error and "no exercises of your own yet" in _text(nobody)
