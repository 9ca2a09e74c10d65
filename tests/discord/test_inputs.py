"""What Discord sends passes the input guard: options and file names lose their control
characters before a command reads them, and a button id the bot never made (an older
version's, or forged) gets a private "no longer valid"."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.data_samples import sample_workouts, strong_comma
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import answer, is_ephemeral, response_text
from tests.fakediscord import FakeDiscord, Upload


async def test_slash_options_lose_their_control_characters(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "exercise",
                          {"name": "zorb\x00lift\x1b", "tier": "B"})
    reply = await answer(fake, ix)
    assert is_ephemeral(reply) and "zorb lift: tier B" in response_text(reply)
    assert [e.name for e in await storage.custom_exercises(str(gym.lifter.id))] == ["zorb lift"]
    # The command reads the cleaned option: the zone is one it knows.
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "profile",
                          {"tz": "Europe/Berlin\x00"})
    reply = await answer(fake, ix)
    assert "Profile saved" in response_text(reply) and "\x00" not in response_text(reply)


async def test_an_attached_files_name_loses_its_control_characters(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    upload = Upload("my\x1b[2Jfile\x07.csv", strong_comma(sample_workouts(1)).encode())
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "import", {"file": upload})
    await fake.wait_response(ix)
    preview = response_text(await fake.wait_followup(ix))
    assert "Import preview" in preview and r"my \[2Jfile .csv" in preview  # [ shown as is
    assert "\x1b" not in preview and "\x07" not in preview


THIRTY = "123456789012345678901234567890"


def _forged(gym: Gym, user: int, guild: int) -> list[str]:
    """Ids of the shapes the bot registers, with what no button of its own ever holds, and
    ids of no shape it knows (a button an older version sent, or one typed by hand)."""
    return [
        f"undo:{user}:5-1", f"undo:{user}:{THIRTY}", f"undo:{THIRTY}:5", f"undo:{user}:0",
        f"offer:{user}:{THIRTY}", f"offer:{THIRTY}:1", f"offer:{user}:0",
        f"board:{guild}:days:4w:{THIRTY}:{user}", f"board:{THIRTY}:days:4w:1:{user}",
        f"board:{guild}:nosuch:4w:2:{user}", f"board:{guild}:days:99y:2:{user}",
        f"board:{guild}:days:4w:0:{user}",
        f"import:confirm:{user}:{THIRTY}", f"import:cancel:{THIRTY}:1",
        f"forget:confirm:{THIRTY}", f"forget:cancel:{THIRTY}",
        f"hist:{user}:0::", f"hist:{THIRTY}:2::squat", f"undopick:{user}:5-1",
        f"undopick:{THIRTY}:1",
        "undo:me:1", "undo:1:", "legacy-button", "offer", f"import:confirm:{user}", "x" * 100,
    ]


async def test_forged_and_stale_button_ids_are_answered_privately_and_change_nothing(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "log",
                                        {"entry": "squat 5x5 @100kg rir2"}))
    before = await storage.history(str(gym.lifter.id), None, 50)
    for custom_id in _forged(gym, gym.lifter.id, gym.guild.id):
        message = fake.world.new_message(gym.training, fake.bot_user, content="an old reply",
                                         components=[{"type": 1, "components": [{
                                             "type": 2, "style": 2, "label": "Press",
                                             "custom_id": custom_id}]}])
        click = await fake.click(gym.guild, gym.training, gym.lifter, message, custom_id)
        reply = await answer(fake, click)
        assert is_ephemeral(reply), custom_id
        assert "no longer valid" in response_text(reply), (custom_id, response_text(reply))
    assert await storage.history(str(gym.lifter.id), None, 50) == before
