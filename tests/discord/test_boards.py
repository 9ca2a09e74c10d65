"""/leaderboard, /stats and /chart through the fake Discord, as members meet them."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

from bot.discord.client import LiftBot
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import (
    JSON,
    answer,
    buttons,
    embed_text,
    is_ephemeral,
    only_embed,
    response_text,
)
from tests.fakediscord import FakeDiscord, Interaction

DEFERRED = 5
UPDATED = 7
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RANK_LINE = re.compile(r"^\*\*(\d+)\.\*\* <@(\d+)> · ", re.MULTILINE)


async def crowd(bot: LiftBot, gym: Gym, lifters: int) -> list[str]:
    """``lifters`` members who logged in the gym, squatting on 1 to 3 days last week."""
    ids = [str(10**17 + i) for i in range(lifters)]
    for i, uid in enumerate(ids):
        for day in ("2026-11-16", "2026-11-17", "2026-11-18")[: 1 + i % 3]:
            reply = await bot.coach.logbook.log(uid, str(gym.guild.id),
                                                f"squat 5x5 @100kg rir2 {day}")
            assert reply.saved, reply
    return ids


async def days_board(fake: FakeDiscord, gym: Gym) -> tuple[Interaction, JSON]:
    """The lifter asks for the server's days board: the interaction and its answer."""
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "leaderboard",
                          {"metric": "days"}, subcommand="show")
    return ix, await deferred_followup(fake, ix)


async def deferred_followup(fake: FakeDiscord, ix: Interaction) -> JSON:
    assert (await fake.wait_response(ix))["type"] == DEFERRED
    return await fake.wait_followup(ix)


async def test_leaderboard_shows_a_page_your_place_and_pages_with_buttons(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    ids = await crowd(bot, gym, 14)
    await bot.coach.logbook.log(str(gym.lifter.id), str(gym.guild.id),
                                "bench 3x8 @80kg rir1 2026-11-16")
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "leaderboard",
                          subcommand="show")
    data = await deferred_followup(fake, ix)
    assert not is_ephemeral(data)  # the server's board is for the server to see
    assert data["allowed_mentions"]["parse"] == []
    embed = only_embed(data)
    assert "Adherence" in embed["title"] and "4 weeks" in embed["title"]
    ranks = RANK_LINE.findall(embed["description"])
    assert len(ranks) == 10
    # 3 of 3 days: four share first place; the next place skips the tied ones.
    assert [r for r, _ in ranks] == ["1"] * 4 + ["5"] * 5 + ["10"]
    assert {u for _, u in ranks[:4]} == set(ids[2::3])
    place = next(f["value"] for f in embed["fields"] if f["name"] == "Your place")
    # One day of the 9 + 12/7 owed over the whole window, tied with five others who
    # began the same day.
    assert place == "#10 of 15 · 9%"
    assert "Page 1 of 2 · 15 lifters" in embed["footer"]["text"]

    message = fake.response_message(ix)
    assert message is not None
    prev, nxt = buttons(message)
    assert prev["disabled"] and not nxt.get("disabled")
    guild, owner = gym.guild.id, gym.lifter.id
    assert nxt["custom_id"] == f"board:{guild}:adherence:4w:2:{owner}"

    turned = await fake.click(gym.guild, gym.training, gym.lifter, message, nxt["custom_id"])
    response = await fake.wait_response(turned)
    assert response["type"] == UPDATED  # the page turns in place for the one who asked
    page_two = only_embed(response["data"])
    assert len(RANK_LINE.findall(page_two["description"])) == 5
    assert "Page 2 of 2" in page_two["footer"]["text"]

    # Someone else pressing gets that page privately, with their own place; the shared
    # message stays as its owner left it.
    shown = fake.message(message["id"])
    assert shown is not None
    back, _ = buttons(shown)
    assert back["custom_id"] == f"board:{guild}:adherence:4w:1:{owner}"
    other = await fake.click(gym.guild, gym.training, gym.friend, shown, back["custom_id"])
    private = await answer(fake, other)
    assert is_ephemeral(private)
    assert "Page 1 of 2" in embed_text(only_embed(private))
    assert "Not on this board yet" in embed_text(only_embed(private))
    assert [b["custom_id"] for b in buttons(private)][1].endswith(f":2:{gym.friend.id}")
    assert "Page 2 of 2" in embed_text(only_embed(fake.message(message["id"]) or {}))


async def test_opting_out_takes_you_off_the_board(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    await bot.coach.logbook.log(str(gym.lifter.id), str(gym.guild.id), "squat 5x5 @100kg rir2")
    await bot.coach.logbook.log(str(gym.friend.id), str(gym.guild.id), "squat 5x5 @100kg rir2")
    out = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter,
                                              "leaderboard", subcommand="optout"))
    assert is_ephemeral(out) and "left this server's boards" in response_text(out)
    ix = await fake.slash(gym.guild, gym.training, gym.friend, "leaderboard",
                          {"metric": "days", "window": "12w"}, subcommand="show")
    embed = only_embed(await deferred_followup(fake, ix))
    assert [u for _, u in RANK_LINE.findall(embed["description"])] == [str(gym.friend.id)]
    assert "Training days" in embed["title"] and "12 weeks" in embed["title"]
    assert buttons(fake.response_message(ix) or {}) == []  # one page: no buttons


async def test_chart_arrives_as_a_png_attachment(
    fake: FakeDiscord, gym: Gym, bot: LiftBot
) -> None:
    for day in ("mon", "wed", "fri"):
        await bot.coach.logbook.log(str(gym.lifter.id), str(gym.guild.id),
                                    f"squat 5x5 @100kg rir2 {day}")
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "chart",
                          {"name": "squat", "weeks": 8}, subcommand="exercise")
    sent = await deferred_followup(fake, ix)
    assert is_ephemeral(sent)
    embed = only_embed(sent)
    assert "back squat" in embed["title"]
    [upload] = [f for r in fake.requests_to(f"/webhooks/{fake.application_id}/{ix.token}",
                                            "POST") for f in r.files]
    assert upload.filename == "back-squat-8w.png"
    assert upload.data.startswith(PNG_SIGNATURE) and len(upload.data) > 2_000
    assert embed["image"]["url"] == "attachment://back-squat-8w.png"

    calendar = await fake.slash(gym.guild, gym.training, gym.lifter, "chart",
                                subcommand="consistency")
    await deferred_followup(fake, calendar)
    [picture] = [f for r in fake.requests_to(f"/webhooks/{fake.application_id}/"
                                             f"{calendar.token}", "POST") for f in r.files]
    assert picture.data.startswith(PNG_SIGNATURE)


async def test_stats_are_private(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    await bot.coach.logbook.log(str(gym.lifter.id), str(gym.guild.id), "squat 5x5 @100kg rir2")
    data = await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, "stats",
                                               {"exercise": "squat"}))
    assert is_ephemeral(data)
    text = response_text(data)
    # One exercise's stats are that exercise alone: its trend, bests and next time.
    assert "Trend" in text and "e1RM" in text and "back squat" in text


async def test_page_buttons_still_work_after_a_restart(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    async with bots.running() as first:
        await crowd(first, gym, 12)
        ix, _ = await days_board(fake, gym)
        message = fake.response_message(ix)
        assert message is not None
        _, nxt = buttons(message)
    async with bots.running():
        turned = await fake.click(gym.guild, gym.training, gym.lifter, message,
                                  nxt["custom_id"])
        response = await fake.wait_response(turned)
        assert response["type"] == UPDATED
        assert "Page 2 of 2" in only_embed(response["data"])["footer"]["text"]


async def test_a_member_who_leaves_the_server_leaves_its_board_with_the_members_intent(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    guild, friend = str(gym.guild.id), str(gym.friend.id)

    async def on_board(bot: LiftBot) -> set[str]:
        return {s.user_id for s in await bot.coach.boards.ranking(guild, "days", "4w")}

    for members_intent in (False, True):
        bot = await bots.build(members_intent=members_intent)
        async with bots.run(bot):
            for who in (gym.lifter, gym.friend):
                assert (await bot.coach.logbook.log(str(who.id), guild,
                                                    "squat 5x5 @100kg rir2")).saved
            assert friend in await on_board(bot)
            await fake.remove_member(gym.guild, gym.friend)
            if members_intent:
                for _ in range(100):  # the listener runs as its own task: give it a moment
                    if friend not in await on_board(bot):
                        break
                    await asyncio.sleep(0.02)
            # Without the intent Discord never tells the bot; with it, off the board at once.
            assert (friend in await on_board(bot)) is not members_intent
            assert str(gym.lifter.id) in await on_board(bot)
            fake.world.join(gym.guild, gym.friend)


async def test_a_restarted_bot_shows_its_servers_stored_boards_from_the_first_view(
    fake: FakeDiscord, gym: Gym, bots: BotFactory
) -> None:
    async with bots.running() as first:
        await crowd(first, gym, 12)
        shown = embed_text((await days_board(fake, gym))[1])
        assert await first.coach.boards.save_kept(every=timedelta(0)) >= 1
    async with bots.running() as second:
        stored_read = getattr(second.get_cog("BoardCog"), "stored_read", None)
        assert isinstance(stored_read, asyncio.Event)  # (extensions load a module anew)
        await asyncio.wait_for(stored_read.wait(), 5)
        # Read at start already: asked again, there is nothing left to read.
        assert await second.coach.boards.load_stored([str(gym.guild.id)]) == 0
        again = embed_text((await days_board(fake, gym))[1])
        assert "being built" not in again and again == shown
