"""/import, /export and /forget-me end to end: the real bot, the fake Discord."""

from __future__ import annotations

import csv
import io

import pytest

from bot.coach.replies import Reply
from bot.config import Settings
from bot.discord.client import LiftBot
from tests.data_samples import hevy, sample_workouts, strong_comma
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import JSON, answer, buttons, entries, is_ephemeral, response_text
from tests.fakediscord import FakeDiscord, Interaction, Upload, User

DEFERRED = 5
UPDATED = 7


async def _preview(fake: FakeDiscord, gym: Gym, who: User, upload: Upload,
                   **options: str) -> tuple[Interaction, JSON]:
    """``who`` runs /import; returns the interaction and the private preview it got."""
    ix = await fake.slash(gym.guild, gym.training, who, "import", {"file": upload, **options})
    first = await fake.wait_response(ix)
    assert first["type"] == DEFERRED and is_ephemeral(first["data"])
    preview = await fake.wait_followup(ix)
    return ix, preview


def _button(message: JSON, prefix: str) -> str:
    [found] = [b["custom_id"] for b in buttons(message) if b["custom_id"].startswith(prefix)]
    return str(found)


async def _press(fake: FakeDiscord, gym: Gym, who: User, message: JSON, custom_id: str
                 ) -> tuple[JSON, JSON]:
    """``who`` presses a button; returns the immediate update and the private answer."""
    click = await fake.click(gym.guild, gym.training, who, message, custom_id)
    update = await fake.wait_response(click)
    if update["type"] != UPDATED:
        return update, update["data"]
    return update, await fake.wait_followup(click)


async def test_upload_preview_confirm_stores_the_history(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    upload = Upload("strong_workouts.csv", strong_comma(sample_workouts()).encode())
    ix, preview = await _preview(fake, gym, gym.lifter, upload)
    text = response_text(preview)
    assert "Import preview" in text and "78 sets in 24 entries" in text
    assert r"Converging Chest Press \(Hammer Strength\)" in text  # unmapped, shown as named
    assert await entries(storage, gym.lifter) == []  # nothing stored before Confirm

    message = fake.response_message(ix)
    assert message is not None and is_ephemeral(message)
    confirm = _button(message, "import:confirm:")
    assert str(gym.lifter.id) in confirm and _button(message, "import:cancel:")

    update, done = await _press(fake, gym, gym.lifter, message, confirm)
    assert update["data"]["components"] == []  # the buttons go at once
    assert is_ephemeral(done) and "Imported 24 entries" in response_text(done)
    stored = await entries(storage, gym.lifter)
    assert len(stored) == 24 and {e.guild_id for e in stored} == {str(gym.guild.id)}

    # The same file again: nothing new, so no buttons at all.
    _, again = await _preview(fake, gym, gym.lifter, upload)
    assert "Nothing new to import" in response_text(again) and buttons(again) == []
    assert len(await entries(storage, gym.lifter)) == 24


async def test_only_the_importer_can_press_confirm(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    upload = Upload("h.csv", hevy(sample_workouts(1)).encode())
    ix, _ = await _preview(fake, gym, gym.lifter, upload)
    message = fake.response_message(ix)
    assert message is not None
    _, refused = await _press(fake, gym, gym.friend, message, _button(message, "import:confirm:"))
    assert is_ephemeral(refused) and "Only the lifter who started this import" in response_text(
        refused)
    assert await entries(bots.storage(bot), gym.lifter) == []
    assert await entries(bots.storage(bot), gym.friend) == []

    _, cancelled = await _press(fake, gym, gym.lifter, message, _button(message, "import:cancel:"))
    assert "Import cancelled" in response_text(cancelled)
    assert await entries(bots.storage(bot), gym.lifter) == []


async def test_confirm_works_after_a_restart(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    async with bots.running():
        ix, _ = await _preview(fake, gym, gym.lifter,
                               Upload("h.csv", hevy(sample_workouts(1)).encode()))
        message = fake.response_message(ix)
        assert message is not None
    async with bots.running() as second:
        _, done = await _press(fake, gym, gym.lifter, message,
                               _button(message, "import:confirm:"))
        assert "Imported 12 entries" in response_text(done)
        assert len(await entries(bots.storage(second), gym.lifter)) == 12


async def test_a_file_over_the_limit_is_refused_before_it_is_downloaded(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    limit = Settings().import_max_bytes
    # The fake serves a small file but Discord says it is big: only the announced size
    # can make the bot refuse, so a refusal shows it never fetched the file to decide.
    claimed = Upload("huge.csv", strong_comma(sample_workouts(1)).encode(), size=limit + 1)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "import", {"file": claimed})
    data = await answer(fake, ix)
    assert is_ephemeral(data)
    assert "I take files up to 5.0 MB" in response_text(data)
    assert "Nothing was imported" in response_text(data)
    assert await entries(bots.storage(bot), gym.lifter) == []


async def test_a_bad_file_gets_a_clear_private_answer(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    _, picture = await _preview(fake, gym, gym.lifter, Upload("photo.csv", b"\x89PNG\r\n\x1a\n"))
    assert "not a CSV file" in response_text(picture) and buttons(picture) == []
    bad_row = strong_comma(sample_workouts(1)).replace("Bench Press (Barbell),1,80", "x,1,8o", 1)
    _, bad = await _preview(fake, gym, gym.lifter, Upload("s.csv", bad_row.encode()),
                            format="strong")
    assert "row 4: Weight '8o' is not a number" in response_text(bad)
    assert await entries(bots.storage(bot), gym.lifter) == []


async def test_export_sends_the_callers_sets_as_a_csv_file(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    for who, entry in ((gym.lifter, "squat 5x5 @100kg rir2"), (gym.friend, "curl 3x12 f")):
        await answer(fake, await fake.slash(gym.guild, gym.training, who, "log",
                                            {"entry": entry}))
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "export")
    assert (await fake.wait_response(ix))["type"] == DEFERRED
    sent = await fake.wait_followup(ix)
    assert is_ephemeral(sent) and "1 entries with 5 sets" in response_text(sent)
    [upload] = [f for r in fake.requests_to(f"/webhooks/{fake.application_id}/", "POST")
                for f in r.files]
    assert upload.filename.startswith("liftcoach-export-") and upload.filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(upload.data.decode())))
    assert [(r["exercise"], r["reps"], r["load_kg"]) for r in rows] == [
        ("back squat", "5", "100")] * 5


async def test_forget_me_asks_then_erases_only_the_caller(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    for who in (gym.lifter, gym.friend):
        await answer(fake, await fake.slash(gym.guild, gym.training, who, "log",
                                            {"entry": "bench 3x8 @80kg rir1"}))
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "forget-me")
    asked = await answer(fake, ix)
    assert is_ephemeral(asked) and "Erase everything" in response_text(asked)
    message = fake.response_message(ix)
    assert message is not None
    erase = _button(message, "forget:confirm:")
    assert len(await entries(storage, gym.lifter)) == 1  # asking erased nothing

    _, refused = await _press(fake, gym, gym.friend, message, erase)
    assert "Only the lifter who asked" in response_text(refused)
    assert len(await entries(storage, gym.lifter)) == 1

    update, done = await _press(fake, gym, gym.lifter, message, erase)
    assert update["data"]["components"] == []
    assert is_ephemeral(done) and "Everything about you is erased" in response_text(done)
    assert await entries(storage, gym.lifter) == []
    assert await storage.user_data_counts(str(gym.lifter.id)) == {}
    assert len(await entries(storage, gym.friend)) == 1

    nothing = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter,
                                                  "forget-me"))
    assert "I hold nothing on you" in response_text(nothing) and buttons(nothing) == []


async def test_a_failure_behind_confirm_brings_the_buttons_back(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    upload = Upload("h.csv", hevy(sample_workouts(1)).encode())
    ix, _ = await _preview(fake, gym, gym.lifter, upload)
    message = fake.response_message(ix)
    assert message is not None
    confirm = _button(message, "import:confirm:")

    async def broken(user_id: str, pending_id: int | None = None) -> Reply:
        raise RuntimeError("database went away")

    monkeypatch.setattr(bot.coach.data, "import_confirm", broken)
    _, failed = await _press(fake, gym, gym.lifter, message, confirm)
    assert "Something went wrong on my side" in response_text(failed)
    assert any("behind a data button" in r.getMessage() for r in caplog.records)
    await fake.wait_until(lambda: buttons(fake.message(message["id"]) or {}) != [], 3,
                          "the buttons to come back")

    monkeypatch.undo()
    _, done = await _press(fake, gym, gym.lifter, message, confirm)
    assert "Imported 12 entries" in response_text(done)
    assert len(await entries(bots.storage(bot), gym.lifter)) == 12


async def test_unit_lb_reads_a_pounds_file_and_a_long_name_list_comes_attached(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    from datetime import datetime

    from tests.data_samples import SampleExercise, SampleSet, Workout

    lifts = [f"{lift} ({kit})" for lift in ("Bench Press", "Shoulder Press", "Lateral Raise",
                                            "Bicep Curl", "Triceps Extension", "Chest Fly",
                                            "Reverse Fly", "Squat", "Row", "Shrug")
             for kit in ("Dumbbell", "Machine", "Cable", "Barbell", "Smith Machine")]
    lifts += [f"Station {i} of the gym's old circuit" for i in range(60)]
    days = [Workout(datetime(2026, 10, d, 18, 0), "Day", 60, tuple(  # noqa: DTZ001
        SampleExercise(n, (SampleSet(45 + 5 * (i % 9), 8),)) for i, n in enumerate(lifts)))
        for d in (5, 7)]
    upload = Upload("strong.csv", strong_comma(days).encode())
    _, warned = await _preview(fake, gym, gym.lifter, upload)
    text = response_text(warned)
    assert "look like pounds" in text and "/import file:strong.csv unit:lb" in text
    assert "attached import-names.txt" in text  # 110 names do not fit in one message
    [names] = [f for r in fake.requests_to(f"/webhooks/{fake.application_id}/", "POST")
               for f in r.files if f.filename == "import-names.txt"]
    listed = names.data.decode()
    assert all(name in listed for name in lifts)
    assert "Bicep Curl (Barbell) -> barbell curl" in listed

    ix, as_lb = await _preview(fake, gym, gym.lifter, upload, unit="lb")
    assert "look like pounds" not in response_text(as_lb)
    message = fake.response_message(ix)
    assert message is not None
    _, done = await _press(fake, gym, gym.lifter, message, _button(message, "import:confirm:"))
    assert "Imported" in response_text(done)
    stored = await entries(bots.storage(bot), gym.lifter)
    assert max(s.load_kg or 0 for e in stored for s in e.sets) < 40  # 85 lb is 38.6 kg


async def test_hostile_file_and_exercise_names_reach_discord_inert(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    from tests.coach.test_data_import_names import (
        HOSTILE_FILE,
        MAPPED,
        assert_inert,
        hostile_file,
    )

    upload = Upload(HOSTILE_FILE, hostile_file())
    ix, preview = await _preview(fake, gym, gym.lifter, upload, map=f"{MAPPED}=back squat")
    assert "Import preview" in response_text(preview)
    for embed in preview["embeds"]:
        for text in (embed["description"], *(f["value"] for f in embed.get("fields", []))):
            assert_inert(text)
    message = fake.response_message(ix)
    assert message is not None
    _, done = await _press(fake, gym, gym.lifter, message, _button(message, "import:confirm:"))
    assert "Imported 3 entries" in response_text(done)
    assert_inert(response_text(done))
