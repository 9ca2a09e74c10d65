"""/exercise in Discord: tier as before, rename:NEW and merge:LIFT (issue #14)."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import answer, entries, is_ephemeral, response_text
from tests.fakediscord import FakeDiscord


async def test_an_own_exercise_gets_a_tier_a_new_name_then_merges_into_a_lift(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                                        {"entry": "zercher carry 3x8 @60kg"}))
    await answer(fake, await fake.slash(gym.guild, gym.training, gym.friend, "log",
                                        {"entry": "zercher carry 3x8 @40kg"}))

    async def exercise(**options: str) -> str:
        ix = await fake.slash(gym.guild, gym.training, gym.lifter, "exercise", options)
        reply = await answer(fake, ix)
        assert is_ephemeral(reply)
        return response_text(reply)

    assert "tier B" in await exercise(name="zercher carry", tier="B")
    renamed = await exercise(name="zercher carry", rename="zercher walk")
    assert "now read zercher walk" in renamed
    assert {e.exercise.name for e in await entries(storage, gym.lifter)} == {"zercher walk"}
    merged = await exercise(name="zercher walk", merge="farmer's carry")
    assert "1 entry of zercher walk is now farmer's carry (tier B): it counts" in merged
    assert {e.exercise.key for e in await entries(storage, gym.lifter)} == {"farmers-carry"}
    assert {e.exercise.name for e in await entries(storage, gym.friend)} == {"zercher carry"}
    both = await exercise(name="zercher walk", tier="C", merge="farmer's carry")
    assert "one thing to do with it" in both
