"""/history, /why, /help, /profile, /sore and /exercise."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import answer, is_ephemeral, only_embed, response_text
from tests.fakediscord import FakeDiscord


async def test_history_is_private_and_only_yours(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    for who, entry in ((gym.lifter, "squat 5x5 @100kg rir2"), (gym.lifter, "bench 3x8 @80kg"),
                       (gym.friend, "deadlift 1x3 @200kg rir1")):
        await answer(fake, await fake.slash(gym.guild, gym.training, who, "log", {"entry": entry}))

    data = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "history"))
    assert is_ephemeral(data)
    text = response_text(data)
    assert "back squat" in text and "bench press" in text
    assert "deadlift" not in text

    only = await fake.slash(gym.guild, gym.training, gym.lifter, "history", {"exercise": "bench"})
    text = response_text(await answer(fake, only))
    assert "bench press" in text and "back squat" not in text


async def test_history_with_nothing_logged(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    data = await answer(fake, await fake.slash(gym.guild, gym.training, gym.friend, "history"))
    assert is_ephemeral(data) and "Nothing logged yet" in response_text(data)


async def test_history_exercise_autocomplete(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    ix = await fake.autocomplete(gym.guild, gym.training, gym.lifter, "history",
                                 {"exercise": "dead"}, focused="exercise")
    choices = (await fake.wait_response(ix))["data"]["choices"]
    assert choices and all("dead" in c["name"].lower() for c in choices[:3])


async def test_why_explains_a_rule(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    data = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "why",
                                               {"rule": "A1"}))
    assert not is_ephemeral(data)  # the gym learns too
    embed = only_embed(data)
    assert embed["title"].startswith("[A1]")
    assert "Sources" in [f["name"] for f in embed.get("fields", [])]
    assert len(embed["description"]) > 100


async def test_why_with_an_unknown_rule(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    data = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "why",
                                               {"rule": "Z9"}))
    assert is_ephemeral(data)
    text = response_text(data)
    assert "Z9" in text and "A1" in text and "Example: /why A1" in text


async def test_why_autocomplete_lists_rules(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    ix = await fake.autocomplete(gym.guild, gym.training, gym.lifter, "why", {"rule": "a"},
                                 focused="rule")
    values = [c["value"] for c in (await fake.wait_response(ix))["data"]["choices"]]
    assert "A1" in values and len(values) <= 25


async def test_help(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    data = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "help"))
    assert is_ephemeral(data)
    text = response_text(data)
    assert "/log" in text and "/why" in text and "Tiers" in text
    assert "message content intent" not in text


async def test_help_says_typed_commands_are_off_without_the_intent(
    fake: FakeDiscord, gym: Gym, quiet_bot: LiftBot
) -> None:
    data = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "help"))
    assert "message content intent" in response_text(data)


async def test_profile_rejects_an_unknown_time_zone(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "profile", {"tz": "Mars/Olympus"})
    data = await answer(fake, ix)
    assert is_ephemeral(data)
    text = response_text(data)
    assert "Mars/Olympus" in text and "Hint:" in text and "Example: /profile tz:" in text
    assert await bots.storage(bot).get_profile(str(gym.lifter.id)) is None


async def test_profile_saves_and_shows(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "profile",
                          {"unit": "lb", "tz": "Europe/Berlin", "target": 4})
    data = await answer(fake, ix)
    assert is_ephemeral(data)
    fields = {f["name"]: f["value"] for f in only_embed(data)["fields"]}
    assert fields["Unit"] == "lb" and fields["Time zone"] == "Europe/Berlin"
    assert fields["Weekly target"] == "4 days"
    profile = await bots.storage(bot).get_profile(str(gym.lifter.id))
    assert profile is not None and profile.unit == "lb"

    zones = await fake.autocomplete(gym.guild, gym.training, gym.lifter, "profile",
                                    {"tz": "Europe/Ber"}, focused="tz")
    names = [c["value"] for c in (await fake.wait_response(zones))["data"]["choices"]]
    assert "Europe/Berlin" in names


async def test_sore_and_custom_exercise(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    sore = await fake.slash(gym.guild, gym.training, gym.lifter, "sore",
                            {"bodypart": "quads", "days": 6})
    text = response_text(await answer(fake, sore))
    assert "Quadriceps" in text and "6 days" in text

    bad = await fake.slash(gym.guild, gym.training, gym.lifter, "sore",
                           {"bodypart": "elbow skin", "days": 2})
    data = await answer(fake, bad)
    assert is_ephemeral(data) and "Example: /sore" in response_text(data)

    mine = await fake.slash(gym.guild, gym.training, gym.lifter, "exercise",
                            {"name": "zercher squat", "tier": "A"})
    assert "tier A" in response_text(await answer(fake, mine))
    logged = await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                              {"entry": "zercher squat 3x5 @90kg rir0"})
    embed = only_embed(await answer(fake, logged))
    assert "zercher squat" in embed["title"]
    assert "[A1]" in embed["description"]  # its tier now drives the advice
