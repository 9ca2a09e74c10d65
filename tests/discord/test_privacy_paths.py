"""Another lifter can never see, chart, export or undo someone's entries, by any path."""

from __future__ import annotations

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import answer, buttons, entries, post, react, response_text
from tests.fakediscord import FakeDiscord

MINE = "squat 5x5 @137.5kg rir2"  # a load nobody else logs, to spot any leak


def leaked(text: str) -> bool:
    return "137.5" in text


async def followup_text(fake: FakeDiscord, ix: object) -> str:
    data = await fake.wait_response(ix)  # type: ignore[arg-type]
    if data["type"] == 5:  # deferred: the answer comes as a follow-up
        data = {"type": 4, "data": await fake.wait_followup(ix)}  # type: ignore[arg-type]
    return response_text(data["data"]) + " " + " ".join(
        f.data.decode(errors="ignore") for r in fake.requests_to(
            f"/webhooks/{fake.application_id}/{ix.token}", "POST")  # type: ignore[attr-defined]
        for f in r.files if f.filename.endswith(".csv"))


async def test_no_path_reaches_another_lifters_entries(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    storage = bots.storage(bot)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log", {"entry": MINE})
    await answer(fake, ix)
    logged = fake.response_message(ix)
    assert logged is not None
    ix = await fake.slash(gym.guild, gym.training, gym.admin, "logchannel",
                          {"channel": gym.log_channel}, subcommand="set")
    await answer(fake, ix)
    post_msg = await post(fake, bot, gym.log_channel, gym.lifter, "bench 3x8 @81.5kg rir1")
    assert len(await entries(storage, gym.lifter)) == 2

    # The friend tries every way in.
    seen = []
    for name, options, sub in (("history", {}, None), ("history", {"exercise": "squat"}, None),
                               ("stats", {"exercise": "squat"}, None), ("export", {}, None),
                               ("chart", {"name": "squat", "weeks": 4}, "exercise"),
                               ("undo", {}, None)):
        ix = await fake.slash(gym.guild, gym.training, gym.friend, name, options,
                              subcommand=sub)
        seen.append(await followup_text(fake, ix))
    [undo_id] = [b["custom_id"] for b in buttons(logged)]
    seen.append(response_text(
        await answer(fake, await fake.click(gym.guild, gym.training, gym.friend, logged, undo_id))))
    await react(fake, bot, gym.log_channel, post_msg, gym.friend, "❌")

    assert not any(leaked(text) for text in seen), seen
    mine = await entries(storage, gym.lifter)
    assert sorted(e.exercise.name for e in mine) == ["back squat", "bench press"]
