"""Sessions in Discord, end to end on the fake: /history's pages and filters, /undo's
pick of a log's entries, and /edit's form; every button and form only for its owner."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import JSON, answer, buttons, entries, is_ephemeral, response_text
from tests.fakediscord import FakeDiscord, Interaction, User

DAYS = ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"]


async def log(fake: FakeDiscord, gym: Gym, who: User, entry: str) -> JSON:
    data = await answer(fake, await fake.slash(gym.guild, gym.training, who, "log",
                                               {"entry": entry}))
    assert "Logged" in response_text(data), response_text(data)
    return data


async def updated(fake: FakeDiscord, ix: Interaction) -> JSON:
    """The message a component press updated in place (callback type 7)."""
    response = await fake.wait_response(ix)
    assert response["type"] == 7, response
    data: JSON = response["data"]
    return data


def selects(data: JSON) -> list[JSON]:
    return [c for row in data.get("components") or [] for c in row.get("components") or []
            if c.get("type") == 3]


async def test_history_turns_pages_with_buttons_only_its_owner_can_press(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    for day in DAYS:
        await log(fake, gym, gym.lifter, f"bench 3x8 @80kg rir1 {day}")
    await log(fake, gym, gym.lifter, "squat 5x5 @100kg rir2")  # today: seven sessions
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "history")
    first = await answer(fake, ix)
    text = response_text(first)
    assert is_ephemeral(first) and "Your sessions" in text and "Page 1 of 2" in text
    assert "Thu 26 Nov" in text and "Sat 21 Nov" not in text
    [older] = buttons(first)
    assert older["label"] == "Older ▶" and older["custom_id"] == f"hist:{gym.lifter.id}:2::"
    message = fake.response_message(ix)
    assert message is not None

    refused = await answer(fake, await fake.click(gym.guild, gym.training, gym.friend, message,
                                                  older["custom_id"]))
    assert is_ephemeral(refused) and "Only the lifter whose history" in response_text(refused)

    page = await updated(fake, await fake.click(gym.guild, gym.training, gym.lifter, message,
                                                older["custom_id"]))
    text = response_text(page)
    assert "Page 2 of 2" in text and "Sat 21 Nov" in text and "Fri 20 Nov" in text
    assert "`6` bench press" in text  # the numbers go on from page 1
    assert [b["label"] for b in buttons(page)] == ["◀ Newer"]


async def test_history_filters_by_exercise_and_days(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    await log(fake, gym, gym.lifter, "squat 5x5 @100kg rir2 2026-11-10")
    await log(fake, gym, gym.lifter, "squat 5x5 @100kg rir2\nbench 3x8 @80kg rir1")
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "history",
                          {"exercise": "squat", "days": 7})
    text = response_text(await answer(fake, ix))
    assert "Your sessions with back squat, last 7 days" in text
    assert "1 of 2 exercises" in text and "bench press" not in text and "10 Nov" not in text
    assert "Page 1 of 1" in text


async def test_undo_of_a_log_of_several_lets_the_author_pick(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    await log(fake, gym, gym.lifter, "deadlift 1x5 @180kg rir2")
    await log(fake, gym, gym.lifter, "squat 5x5 @100kg rir2; bench 3x8 @80kg rir1; curl 3x10 f")
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "undo")
    asked = await answer(fake, ix)
    assert is_ephemeral(asked) and "Undo which?" in response_text(asked)
    assert len(await entries(storage, gym.lifter)) == 4  # nothing removed yet
    [pick] = selects(asked)
    labels = {o["label"]: o["value"] for o in pick["options"]}
    assert pick["options"][0]["label"] == "All 3 of them" and pick["max_values"] == 4
    bench = next(v for label, v in labels.items() if label.startswith("bench press"))
    message = fake.response_message(ix)
    assert message is not None

    stranger = await fake.click(gym.guild, gym.training, gym.friend, message,
                                pick["custom_id"], values=["all"])
    assert "Only the lifter who logged this" in response_text(await answer(fake, stranger))
    done = await updated(fake, await fake.click(gym.guild, gym.training, gym.lifter, message,
                                                pick["custom_id"], values=[bench]))
    assert "Removed" in response_text(done) and "bench press" in response_text(done)
    assert selects(done) == []
    left = [e.exercise.name for e in await entries(storage, gym.lifter)]
    assert sorted(left) == ["back squat", "deadlift", "dumbbell curl"]

    again = await fake.slash(gym.guild, gym.training, gym.lifter, "undo")
    [pick] = selects(await answer(fake, again))
    assert pick["options"][0]["label"] == "All 2 of them"
    message = fake.response_message(again)
    assert message is not None
    await updated(fake, await fake.click(gym.guild, gym.training, gym.lifter, message,
                                         pick["custom_id"], values=["all"]))
    assert [e.exercise.name for e in await entries(storage, gym.lifter)] == ["deadlift"]


async def test_undo_with_an_exercise_or_of_one_entry_removes_at_once(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    await log(fake, gym, gym.lifter, "squat 5x5 @100kg rir2; curl 3x10 f")
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "undo", {"exercise": "curl"})
    data = await answer(fake, ix)
    assert is_ephemeral(data) and "Removed" in response_text(data) and selects(data) == []
    assert [e.exercise.name for e in await entries(storage, gym.lifter)] == ["back squat"]
    data = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "undo"))
    assert "Removed" in response_text(data) and "back squat" in response_text(data)
    assert await entries(storage, gym.lifter) == []


async def test_edit_opens_a_form_with_the_entry_and_corrects_it_in_place(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    await log(fake, gym, gym.lifter, "squat 5x5 @100kg rir2 2026-11-25")
    [before] = await entries(storage, gym.lifter)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "edit", {"number": 1})
    form = await fake.wait_form(ix)
    assert form["custom_id"] == f"edit:{gym.lifter.id}:{before.entry_id}"
    assert "back squat" in form["title"] and "25 Nov" in form["title"]
    [row] = form["components"]
    [field] = row["components"]
    assert field["style"] == 2 and field["value"].startswith("back squat 100kg x 5")

    sent = await fake.submit_form(gym.guild, gym.training, gym.lifter, form["custom_id"],
                                  {field["custom_id"]: "squat 5x3 @110kg rir0"})
    data = await answer(fake, sent)
    text = response_text(data)
    assert is_ephemeral(data) and "Corrected back squat" in text
    assert "Was: back squat — 5 × 5 @ 100 kg" in text and "Now: **back squat — 5 × 3" in text
    assert "[A" in text  # the advice for the corrected sets (failure on a tier A lift)
    [after] = await entries(storage, gym.lifter)
    assert (after.entry_id, after.local_date, after.performed_at, after.session_id) == (
        before.entry_id, before.local_date, before.performed_at, before.session_id)
    assert [s.load_kg for s in after.sets] == [110.0] * 5 and after.sets[0].reps == 3


async def test_forms_and_numbers_reach_only_the_lifters_own_entries(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    await log(fake, gym, gym.lifter, "squat 5x5 @100kg rir2")
    [theirs] = await entries(storage, gym.lifter)
    missing = await answer(fake, await fake.slash(gym.guild, gym.training, gym.friend, "edit",
                                                  {"number": 1}))
    assert is_ephemeral(missing) and "no entry number 1" in response_text(missing)
    forged = f"edit:{gym.friend.id}:{theirs.entry_id}"
    data = await answer(fake, await fake.submit_form(gym.guild, gym.training, gym.friend,
                                                     forged, {"text": "squat 1x1"}))
    assert is_ephemeral(data) and "not yours" in response_text(data)
    other = f"edit:{gym.lifter.id}:{theirs.entry_id}"
    data = await answer(fake, await fake.submit_form(gym.guild, gym.training, gym.friend,
                                                     other, {"text": "squat 1x1"}))
    assert is_ephemeral(data) and "belongs to someone else" in response_text(data)
    [kept] = await entries(storage, gym.lifter)
    assert kept.sets == theirs.sets


async def test_a_form_id_no_form_of_the_bots_carries_is_no_longer_valid(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await log(fake, gym, gym.lifter, "squat 5x5 @100kg rir2")
    before = await entries(bots.storage(bot), gym.lifter)
    thirty = "123456789012345678901234567890"
    for custom_id in (f"edit:{gym.lifter.id}:{thirty}", f"edit:{gym.lifter.id}:0",
                      f"logform:{thirty}"):
        sent = await fake.submit_form(gym.guild, gym.training, gym.lifter, custom_id,
                                      {"text": "squat 1x1"})
        data = await answer(fake, sent)
        assert is_ephemeral(data) and "no longer valid" in response_text(data), custom_id
    assert await entries(bots.storage(bot), gym.lifter) == before


async def test_page_buttons_and_open_forms_still_work_after_a_restart(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    async with bots.running():
        for day in DAYS:
            await log(fake, gym, gym.lifter, f"bench 3x8 @80kg rir1 {day}")
        ix = await fake.slash(gym.guild, gym.training, gym.lifter, "history")
        [older] = buttons(await answer(fake, ix))
        message = fake.response_message(ix)
        form = await fake.wait_form(await fake.slash(gym.guild, gym.training, gym.lifter,
                                                     "edit", {"number": 1}))
    assert message is not None
    async with bots.running() as second:
        page = await updated(fake, await fake.click(gym.guild, gym.training, gym.lifter,
                                                    message, older["custom_id"]))
        assert "Page 2 of 2" in response_text(page)
        sent = await fake.submit_form(gym.guild, gym.training, gym.lifter, form["custom_id"],
                                      {"text": "bench 3x8 @85kg rir1"})
        assert "Corrected bench press" in response_text(await answer(fake, sent))
        stored = await entries(bots.storage(second), gym.lifter)
        assert sorted(s.load_kg for e in stored for s in e.sets[:1]) == [80.0] * 5 + [85.0]
