"""A long session's reply fits Discord's limits in whole lines: a message of twenty
exercises, each with a new best and next time, keeps its advice and every entry, and
says in one line what it left out, never cutting a sentence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.discord.client import LiftBot
from bot.discord.render import short_text, to_embed
from tests.discord.conftest import BotFactory, Gym
from tests.discord.helpers import JSON, answer, only_embed, post
from tests.discord.test_server import choose_log_channel
from tests.fakediscord import FakeDiscord

LIFTS = ("squat", "bench", "deadlift", "ohp", "barbell row", "pullup", "dip", "leg press",
         "leg curl", "leg extension", "calf raise", "db curl", "pushdown", "lateral raise",
         "face pull", "hip thrust", "lunge", "pec deck", "shrug", "rdl")
TODAY = ";".join(f"{lift} 3x12@70 f" for lift in LIFTS)  # heavier: a best on each


async def three_weeks_before(coach: Coach, who: str, bots: BotFactory) -> None:
    for week in range(3):
        bots.clock.advance(days=-7 * (3 - week))
        saved = await coach.logbook.log(who, "g", ";".join(
            f"{lift} 3x10@{40 + 5 * week} r2" for lift in LIFTS))
        bots.clock.advance(days=7 * (3 - week))
        assert saved.saved


def assert_fits(embed: JSON) -> None:
    """Discord's limits for one embed in one message."""
    fields = embed.get("fields", [])
    assert len(embed["title"]) <= 256 and len(embed.get("description", "")) <= 4096
    assert len(fields) <= 25
    assert all(len(f["name"]) <= 256 and 0 < len(f["value"]) <= 1024 for f in fields)
    assert len(embed.get("footer", {}).get("text", "")) <= 2048
    total = len(embed["title"]) + len(embed.get("description", "")) + sum(
        len(f["name"]) + len(f["value"]) for f in fields) + len(
        embed.get("footer", {}).get("text", ""))
    assert total <= 6000


def shown_lines(embed: JSON) -> list[str]:
    text = "\n".join([embed.get("description", ""),
                      *(f["value"] for f in embed.get("fields", []))])
    return text.splitlines()


async def test_a_twenty_exercise_log_fits_with_its_advice_and_every_entry(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await three_weeks_before(bot.coach, str(gym.lifter.id), bots)
    await three_weeks_before(bot.coach, "twin", bots)  # the same history, read directly
    reply = await bot.coach.logbook.log("twin", "g", TODAY)
    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log", {"entry": TODAY})
    embed = only_embed(await answer(fake, ix))
    assert_fits(embed)
    lines = shown_lines(embed)
    assert lines == list(reply.lines)  # whole lines, all of them, in order
    assert sum(line.startswith("**") for line in lines) == len(LIFTS)  # every entry
    assert any(line.startswith("[W1]") for line in lines)  # the advice, whole
    also = [line for line in lines if line.startswith("Also: the notes under ")]
    assert len(also) == 1 and also[0].endswith("shows an exercise's bests.")
    assert "romanian deadlift" in also[0]  # the last entries' notes are the ones named


async def test_the_log_channel_reply_fits_one_message_with_its_advice(
    fake: FakeDiscord, gym: Gym, bots: BotFactory, bot: LiftBot
) -> None:
    await three_weeks_before(bot.coach, str(gym.lifter.id), bots)
    await choose_log_channel(fake, gym, gym.admin)
    await post(fake, bot, gym.log_channel, gym.lifter, TODAY)
    [sent] = fake.messages_in(gym.log_channel, from_bot=True)
    content = sent["content"]
    assert len(content) <= 2000
    title, *lines = content.splitlines()
    assert title == "**Logged 20 exercises**"
    assert sum(line.startswith("**") for line in lines) == len(LIFTS)  # every entry
    assert any(line.startswith("[W1]") for line in lines)  # the advice, whole
    assert not any(line.endswith("left out to fit one message.") for line in lines)
    [also] = [line for line in lines if line.startswith("Also: the notes under ")]
    assert also.startswith("Also: the notes under every entry (bests, next time)")


def test_any_reply_fits_whole_lines_and_counts_what_is_left_out() -> None:
    line = "A sentence about a set, long enough to matter. And a second one after it."
    huge = Reply(title="T" * 300, lines=tuple(f"{i}: {line}" for i in range(200)),
                 fields=(("F", "\n".join([line] * 40)),), footer="f" * 2100)
    embed = dict(to_embed(huge).to_dict())
    assert_fits(embed)
    *more, own = embed["fields"]
    *kept, last = "\n".join([embed["description"], *(f["value"] for f in more)]).splitlines()
    assert kept == list(huge.lines[:len(kept)])
    assert last == f"…and {200 - len(kept)} more lines, left out to fit one message."
    assert own["name"] == "F" and own["value"].endswith("more lines, left out to fit one message.")
    one = Reply(title="Long", lines=(" ".join([line] * 80),))  # one line past a message
    text = short_text(one)
    assert len(text) <= 2000 and text.endswith(".")
    assert one.lines[0].startswith(text.splitlines()[1])  # ended at a sentence


def test_a_line_longer_than_a_field_stays_whole_in_the_description() -> None:
    long = " ".join(f"Sentence {i} of a long advice line." for i in range(50))  # ~1,700
    embed = dict(to_embed(Reply(title="Long", lines=("first", long, "last"))).to_dict())
    assert_fits(embed)
    assert embed["description"].splitlines() == ["first", long, "last"]


_LINE = st.builds(lambda n, end: "x" * n + end, st.integers(0, 1500), st.sampled_from([".", ""]))


@settings(max_examples=40, deadline=None)
@given(title=st.text(min_size=1, max_size=300), lines=st.lists(_LINE, max_size=60),
       fields=st.lists(st.tuples(st.text(min_size=1, max_size=300),
                                 st.lists(_LINE, max_size=8).map("\n".join)), max_size=30),
       footer=st.text(max_size=2100))
def test_every_embed_is_within_discords_limits(
    title: str, lines: list[str], fields: list[tuple[str, str]], footer: str
) -> None:
    embed = dict(to_embed(Reply(title=title, lines=tuple(lines), fields=tuple(fields),
                                footer=footer or None)).to_dict())
    assert_fits({"title": "", **embed})
    if lines and any(lines):
        assert embed.get("description")  # the text is never dropped for the fields
    text = short_text(Reply(title=title, lines=tuple(lines)))
    assert len(text) <= 2000
