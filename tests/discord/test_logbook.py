"""/log as a slash command, its live preview, and `!log` typed in a channel."""

from __future__ import annotations

import re

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import (
    answer,
    buttons,
    embed_text,
    entries,
    is_ephemeral,
    only_embed,
    post,
    response_text,
)
from tests.fakediscord import FakeDiscord

RULE_LINE = re.compile(r"^(?:\[[A-Z]\d+\])+ ", re.MULTILINE)  # merged items carry each id


async def test_slash_log_stores_and_explains(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                          {"entry": "squat 3x5 @100kg rir0"})
    data = await answer(fake, ix)
    assert not is_ephemeral(data)  # the gym sees the log
    embed = only_embed(data)
    text = embed_text(embed)
    assert "back squat" in embed["title"]
    assert "100 kg" in embed["description"]
    assert RULE_LINE.search(embed["description"]), embed["description"]  # advice, with ids
    # An item's tags lead its line; rules that make one point share it ("[W1][A1][A4]").
    cited = [rule for tags in re.findall(r"^((?:\[[A-Z]\d+\])+)", embed["description"],
                                         re.MULTILINE)
             for rule in re.findall(r"[A-Z]\d+", tags)]
    assert "A1" in cited  # failure on a heavy squat: stop short
    assert all(rule in embed["footer"]["text"] for rule in cited)
    assert "/why" in text

    undo = [b for b in buttons(data) if b["custom_id"].startswith("undo:")]
    assert len(undo) == 1 and undo[0]["label"] == "Undo"

    stored = await entries(bots.storage(bot), gym.lifter)
    assert [e.exercise.name for e in stored] == ["back squat"]
    assert str(stored[0].entry_id) in undo[0]["custom_id"]
    assert str(gym.lifter.id) in undo[0]["custom_id"]


async def test_several_exercises_in_one_entry(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                          {"entry": "squat 5x5 @100kg rir2; curl 3x10 @12kg to failure"})
    embed = only_embed(await answer(fake, ix))
    assert "2 exercises" in embed["title"]
    assert "back squat" in embed["description"] and "curl" in embed["description"]
    stored = await entries(bots.storage(bot), gym.lifter)
    assert len(stored) == 2


async def test_preview_shows_how_the_entry_is_read(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    typed = "squat 5x5 @100kg rir2"
    ix = await fake.autocomplete(gym.guild, gym.training, gym.lifter, "log",
                                 {"entry": typed}, focused="entry")
    response = await fake.wait_response(ix)
    assert response["type"] == 8
    [choice] = response["data"]["choices"]
    assert choice["value"] == typed  # picking it keeps what was typed
    name = choice["name"]
    assert "back squat" in name and "tier A" in name and "5 × 5" in name and "100 kg" in name
    assert len(name) <= 100
    assert await entries(bots.storage(bot), gym.lifter) == []  # a preview stores nothing


async def test_preview_says_what_is_wrong(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    ix = await fake.autocomplete(gym.guild, gym.training, gym.lifter, "log",
                                 {"entry": "squat banana"}, focused="entry")
    [choice] = (await fake.wait_response(ix))["data"]["choices"]
    assert choice["name"].startswith("✗")
    assert "no sets" in choice["name"]

    empty = await fake.autocomplete(gym.guild, gym.training, gym.lifter, "log",
                                    {"entry": "  "}, focused="entry")
    assert (await fake.wait_response(empty))["data"]["choices"] == []


async def test_parse_error_is_private_and_helpful(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log", {"entry": "squat banana"})
    data = await answer(fake, ix)
    assert is_ephemeral(data)
    text = response_text(data)
    assert "no sets" in text  # what was wrong
    assert "Hint:" in text
    assert "Example: /log squat" in text
    assert "Nothing was saved" in text
    assert buttons(data) == []
    assert await entries(bots.storage(bot), gym.lifter) == []


async def test_typed_log_with_message_content(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await post(fake, bot, gym.training, gym.lifter, "!log deadlift 1x5 @180kg rir1")
    reply = await fake.next_bot_message(gym.training)
    embed = only_embed(reply)
    assert "deadlift" in embed["title"] and "180 kg" in embed["description"]
    assert any(b["custom_id"].startswith("undo:") for b in buttons(reply))
    stored = await entries(bots.storage(bot), gym.lifter)
    assert [e.exercise.name for e in stored] == ["deadlift"]


async def test_typed_log_without_an_entry_says_how(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    await post(fake, bot, gym.training, gym.lifter, "!log")
    reply = await fake.next_bot_message(gym.training)
    assert "entry" in reply["content"] and "!log squat 5x5 rir2" in reply["content"]


async def test_typed_log_is_blank_without_the_intent(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, quiet_bot: LiftBot
) -> None:
    await post(fake, quiet_bot, gym.training, gym.lifter, "!log squat 5x5 @100kg rir2")
    assert fake.messages_in(gym.training, from_bot=True) == []
    assert await entries(bots.storage(quiet_bot), gym.lifter) == []


async def test_mentioning_the_bot_works_without_the_intent(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, quiet_bot: LiftBot
) -> None:
    mention = f"<@{fake.bot_user.id}>"
    await post(fake, quiet_bot, gym.training, gym.lifter, f"{mention} log squat 5x5 @100kg rir2")
    reply = await fake.next_bot_message(gym.training)
    assert "back squat" in only_embed(reply)["title"]
    stored = await entries(bots.storage(quiet_bot), gym.lifter)
    assert [e.exercise.name for e in stored] == ["back squat"]


async def test_slash_log_needs_no_intent(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, quiet_bot: LiftBot
) -> None:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                          {"entry": "bench 3x8 @80kg rir1"})
    assert "bench press" in only_embed(await answer(fake, ix))["title"]
    assert len(await entries(bots.storage(quiet_bot), gym.lifter)) == 1
