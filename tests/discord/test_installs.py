"""Installable anywhere: a lifter's own install works in DMs; server commands stay in servers."""

from __future__ import annotations

from bot.coach.commands import COMMAND_TABLE
from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import answer, entries, is_ephemeral, response_text
from tests.fakediscord import FakeDiscord

GUILD, USER = 0, 1  # integration types
IN_GUILD, BOT_DM, PRIVATE = 0, 1, 2  # interaction contexts
SERVER_ONLY = {spec.name for spec in COMMAND_TABLE if spec.server_only}


async def test_every_synced_command_says_where_it_may_be_used(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    synced = {str(c["name"]): c for c in fake.commands_for(None)}
    table = {spec.name for spec in COMMAND_TABLE if spec.in_discord}
    assert table <= set(synced)
    assert {"leaderboard", "logchannel", "recap", "challenge"} == SERVER_ONLY
    for name, command in synced.items():
        if name in SERVER_ONLY:
            assert command["integration_types"] == [GUILD], name
            assert command["contexts"] == [IN_GUILD], name
        else:
            assert sorted(command["integration_types"]) == [GUILD, USER], name
            assert sorted(command["contexts"]) == [IN_GUILD, BOT_DM, PRIVATE], name


async def test_a_log_through_a_user_install_in_a_dm(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    dm = fake.dm_channel(gym.lifter)
    ix = await fake.slash(None, dm, gym.lifter, "log", {"entry": "squat 5x5 @100kg rir2"},
                          user_install=True)
    data = await answer(fake, ix)
    assert "Logged back squat" in response_text(data)
    stored = await entries(bots.storage(bot), gym.lifter)
    assert len(stored) == 1 and stored[0].guild_id == ""  # a DM log belongs to no server
    ix = await fake.slash(None, dm, gym.lifter, "history", user_install=True)
    history = await answer(fake, ix)
    assert is_ephemeral(history) and "back squat" in response_text(history)


async def test_a_server_command_in_a_dm_says_why_it_cannot_run(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    dm = fake.dm_channel(gym.lifter)
    ix = await fake.slash(None, dm, gym.lifter, "leaderboard", subcommand="show",
                          user_install=True)
    data = await answer(fake, ix)
    text = response_text(data)
    assert is_ephemeral(data)
    assert "works only in a server" in text and "/log" in text
