"""The fake Discord against a real (tiny) discord.py bot."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import AsyncIterator, Iterator
from typing import TypeVar

import discord
import pytest
import pytest_asyncio
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import FakeDiscord, run_bot
from tests.fakediscord.state import Channel, Guild, User

WORDS = ["squat", "squeeze", "bench", "deadlift"]
T = TypeVar("T")


class ConfirmView(discord.ui.View):
    @discord.ui.button(label="Confirm", custom_id="confirm", style=discord.ButtonStyle.success)
    async def confirm(
        self, interaction: discord.Interaction, button: discord.ui.Button[ConfirmView]
    ) -> None:
        await interaction.response.edit_message(content="confirmed", view=None)


class TinyBot(commands.Bot):
    def __init__(self, *, message_content: bool = True) -> None:
        intents = discord.Intents.default()
        intents.members = True
        intents.message_content = message_content
        super().__init__(command_prefix="!", intents=intents)
        self.seen_messages: asyncio.Queue[discord.Message] = asyncio.Queue()
        self.seen_reactions: asyncio.Queue[discord.RawReactionActionEvent] = asyncio.Queue()
        self.available_guilds: list[int] = []

    async def setup_hook(self) -> None:
        @app_commands.command(name="echo", description="Echo some text")
        async def echo(interaction: discord.Interaction, text: str) -> None:
            await interaction.response.send_message(f"echo: {text}", view=ConfirmView())

        @echo.autocomplete("text")
        async def echo_complete(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=w, value=w) for w in WORDS if w.startswith(current)]

        @app_commands.command(name="slow", description="Defers, then follows up")
        async def slow(interaction: discord.Interaction) -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            await interaction.followup.send("done thinking", ephemeral=True)
            await interaction.followup.send("and one more")

        remind = app_commands.Group(name="remind", description="Reminders")

        @remind.command(name="set", description="Set a reminder")
        async def remind_set(interaction: discord.Interaction, hours: int) -> None:
            kind = type(hours).__name__
            await interaction.response.send_message(f"in {hours}h ({kind})", ephemeral=True)

        @app_commands.command(name="whois", description="Describe a member")
        async def whois(interaction: discord.Interaction, member: discord.Member) -> None:
            await interaction.response.defer()
            role = "admin" if member.guild_permissions.administrator else "lifter"
            await interaction.edit_original_response(content=f"{member.display_name}: {role}")

        self.tree.add_command(whois)
        self.tree.add_command(echo)
        self.tree.add_command(slow)
        self.tree.add_command(remind)

        @commands.command(name="ping")
        async def ping(ctx: commands.Context[TinyBot]) -> None:
            await ctx.send("pong")

        @commands.command(name="size")
        async def size(ctx: commands.Context[TinyBot]) -> None:
            data = await ctx.message.attachments[0].read()
            await ctx.send(f"{len(data)} bytes")

        self.add_command(ping)
        self.add_command(size)

    async def on_message(self, message: discord.Message) -> None:
        await self.process_commands(message)
        if message.author != self.user:
            self.seen_messages.put_nowait(message)

    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        self.seen_reactions.put_nowait(payload)

    async def on_guild_available(self, guild: discord.Guild) -> None:
        self.available_guilds.append(guild.id)


class World:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.guild: Guild = fake.add_guild("Iron Temple")
        self.lifter: User = fake.add_member(self.guild, "lifter")
        self.admin: User = fake.add_member(self.guild, "coach", admin=True)
        self.channel: Channel = fake.add_channel(self.guild, "training")


@pytest.fixture(autouse=True)
def no_discord_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A parser or gateway crash inside discord.py is only logged; make it fail the test."""
    caplog.set_level(logging.WARNING, logger="discord")
    yield
    errors = [
        r for r in caplog.records if r.name.startswith("discord") and r.levelno >= logging.ERROR
    ]
    assert not errors, [r.getMessage() for r in errors]


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        yield server


@pytest.fixture
def world(fake: FakeDiscord) -> World:
    return World(fake)


@pytest_asyncio.fixture
async def bot(fake: FakeDiscord, world: World) -> AsyncIterator[TinyBot]:
    async with run_bot(fake, TinyBot()) as running:
        yield running


async def next_item(queue: asyncio.Queue[T]) -> T:
    return await asyncio.wait_for(queue.get(), 2)


async def test_login_ready_and_guild_available(
    fake: FakeDiscord, world: World, bot: TinyBot
) -> None:
    await fake.wait_ready(timeout=1)
    assert bot.user is not None and bot.user.id == fake.bot_user.id
    assert bot.application_id == fake.application_id
    guild = bot.get_guild(world.guild.id)
    assert guild is not None and guild.name == "Iron Temple"
    assert world.guild.id in bot.available_guilds
    assert guild.member_count == len(guild.members) == 3
    assert guild.get_channel(world.channel.id) is not None
    admin = guild.get_member(world.admin.id)
    lifter = guild.get_member(world.lifter.id)
    assert admin is not None and admin.guild_permissions.administrator
    assert lifter is not None and not lifter.guild_permissions.administrator
    assert guild.me.guild_permissions.send_messages
    assert fake.unknown_requests() == []


async def test_command_sync_is_recorded(fake: FakeDiscord, world: World, bot: TinyBot) -> None:
    synced = await bot.tree.sync()
    names = {c["name"]: c for c in fake.synced_commands[None]}
    assert set(names) == {"echo", "slow", "remind", "whois"}
    assert names["echo"]["options"][0]["type"] == 3
    assert names["echo"]["options"][0]["autocomplete"] is True
    assert {c.id for c in synced} == {int(c["id"]) for c in names.values()}

    target = discord.Object(world.guild.id)
    bot.tree.copy_global_to(guild=target)
    await bot.tree.sync(guild=target)
    assert {c["name"] for c in fake.commands_for(world.guild)} == set(names)
    assert len(fake.requests_to("/commands", "PUT")) == 2


async def test_slash_command_reply_is_recorded(
    fake: FakeDiscord, world: World, bot: TinyBot
) -> None:
    await bot.tree.sync()
    ix = await fake.slash(world.guild, world.channel, world.lifter, "echo", {"text": "hi"})
    response = await fake.wait_response(ix, timeout=2)
    assert response["type"] == 4
    assert response["data"]["content"] == "echo: hi"
    message = fake.response_message(ix)
    assert message is not None and message["interaction_metadata"]["id"] == str(ix.id)
    assert fake.messages_in(world.channel, from_bot=True) == [message]
    assert response in fake.outgoing_payloads()


async def test_subcommand_options_are_typed(fake: FakeDiscord, world: World, bot: TinyBot) -> None:
    await bot.tree.sync()
    ix = await fake.slash(
        world.guild, world.channel, world.lifter, "remind", {"hours": 3}, subcommand="set"
    )
    response = await fake.wait_response(ix, timeout=2)
    assert response["data"]["content"] == "in 3h (int)"
    assert response["data"]["flags"] & 64


async def test_autocomplete_choices_are_recorded(
    fake: FakeDiscord, world: World, bot: TinyBot
) -> None:
    await bot.tree.sync()
    ix = await fake.autocomplete(
        world.guild, world.channel, world.lifter, "echo", {"text": "sq"}, focused="text"
    )
    response = await fake.wait_response(ix, timeout=2)
    assert response["type"] == 8
    assert [c["value"] for c in response["data"]["choices"]] == ["squat", "squeeze"]


async def test_button_click_updates_the_message(
    fake: FakeDiscord, world: World, bot: TinyBot
) -> None:
    ix = await fake.slash(world.guild, world.channel, world.lifter, "echo", {"text": "go"})
    await fake.wait_response(ix, timeout=2)
    message = fake.response_message(ix)
    assert message is not None and message["components"]
    click = await fake.click(world.guild, world.channel, world.lifter, message, "confirm")
    response = await fake.wait_response(click, timeout=2)
    assert response["type"] == 7
    assert response["data"]["content"] == "confirmed"
    updated = fake.message(message["id"])
    assert updated is not None and updated["content"] == "confirmed"
    assert updated["components"] == []


async def test_defer_then_followups(fake: FakeDiscord, world: World, bot: TinyBot) -> None:
    ix = await fake.slash(world.guild, world.channel, world.lifter, "slow", {})
    assert (await fake.wait_response(ix, timeout=2))["type"] == 5
    assert (await fake.wait_followup(ix, timeout=2))["content"] == "done thinking"
    assert (await fake.wait_followup(ix, timeout=2))["content"] == "and one more"
    original = fake.response_message(ix)
    assert original is not None and original["content"] == "done thinking"
    assert original["flags"] == 64  # still ephemeral, no longer loading


async def test_member_option_and_original_edit(
    fake: FakeDiscord, world: World, bot: TinyBot
) -> None:
    await bot.tree.sync()
    ix = await fake.slash(
        world.guild, world.channel, world.lifter, "whois", {"member": world.admin}
    )
    assert (await fake.wait_response(ix))["type"] == 5
    assert (await fake.wait_edit(ix))["content"] == "coach: admin"
    message = fake.response_message(ix)
    assert message is not None and message["content"] == "coach: admin"
    assert message["flags"] == 0


async def test_slash_in_dm(fake: FakeDiscord, world: World, bot: TinyBot) -> None:
    dm = fake.dm_channel(world.lifter)
    ix = await fake.slash(None, dm, world.lifter, "echo", {"text": "private"})
    assert (await fake.wait_response(ix))["data"]["content"] == "echo: private"
    assert fake.messages_in(dm, from_bot=True)[0]["content"] == "echo: private"


async def test_typed_command_with_message_content(
    fake: FakeDiscord, world: World, bot: TinyBot
) -> None:
    await fake.send_message(world.channel, world.lifter, "!ping")
    seen = await next_item(bot.seen_messages)
    assert seen.content == "!ping"
    reply = await fake.next_bot_message(world.channel, timeout=2)
    assert reply["content"] == "pong"

    await fake.send_message(world.channel, world.lifter, "!size", files={"log.csv": b"a,b\n1,2\n"})
    assert (await fake.next_bot_message(world.channel, timeout=2))["content"] == "8 bytes"


async def test_message_content_is_blank_without_the_intent(fake: FakeDiscord, world: World) -> None:
    async with run_bot(fake, TinyBot(message_content=False)) as bot:
        await fake.send_message(world.channel, world.lifter, "!ping")
        seen = await next_item(bot.seen_messages)
        assert seen.content == ""
        assert fake.messages_in(world.channel, from_bot=True) == []
        mention = f"<@{fake.bot_user.id}> hello"
        await fake.send_message(world.channel, world.lifter, mention)
        assert (await next_item(bot.seen_messages)).content == mention
        await fake.send_dm(world.lifter, "dm text")
        assert (await next_item(bot.seen_messages)).content == "dm text"


async def test_disallowed_message_content_intent_is_refused(world: World) -> None:
    async with FakeDiscord(message_content_intent_allowed=False) as strict:
        strict.add_guild("elsewhere")
        with pytest.raises(discord.PrivilegedIntentsRequired):
            async with run_bot(strict, TinyBot(), timeout=2):
                pass


async def test_reaction_reaches_the_bot(fake: FakeDiscord, world: World, bot: TinyBot) -> None:
    message = await fake.send_message(world.channel, world.lifter, "new PR!")
    await next_item(bot.seen_messages)
    await fake.add_reaction(world.channel, message["id"], world.admin, "💪")
    payload = await next_item(bot.seen_reactions)
    assert payload.message_id == int(message["id"])
    assert payload.user_id == world.admin.id
    assert str(payload.emoji) == "💪"
    assert payload.member is not None and payload.member.id == world.admin.id

    channel = bot.get_channel(world.channel.id)
    assert isinstance(channel, discord.TextChannel)
    await channel.get_partial_message(int(message["id"])).add_reaction("✅")
    assert fake.requests_to("/reactions/✅/@me", "PUT")[0].status == 204
    own = await next_item(bot.seen_reactions)
    assert own.user_id == fake.bot_user.id


async def test_dm_send_is_recorded(fake: FakeDiscord, world: World, bot: TinyBot) -> None:
    stranger = fake.add_user("stranger")
    user = await bot.fetch_user(stranger.id)
    await user.send("time to train")
    member = bot.get_user(world.lifter.id)
    assert member is not None
    await member.send("reminder", file=discord.File(io.BytesIO(b"\x89PNG"), "chart.png"))
    assert [m["content"] for m in fake.dms_to(stranger)] == ["time to train"]
    assert (await fake.next_dm(world.lifter, timeout=1))["attachments"][0][
        "filename"
    ] == "chart.png"
    upload = fake.requests_to(f"/channels/{fake.dm_channel(world.lifter).id}/messages")[0]
    assert upload.json["content"] == "reminder"
    assert [(f.filename, f.data) for f in upload.files] == [("chart.png", b"\x89PNG")]


async def test_failed_dm_raises_forbidden(fake: FakeDiscord, world: World, bot: TinyBot) -> None:
    fake.fail_dm(world.lifter)
    member = bot.get_user(world.lifter.id)
    assert member is not None
    with pytest.raises(discord.Forbidden) as caught:
        await member.send("you will not see this")
    assert caught.value.code == 50007
    assert fake.dms_to(world.lifter) == []


async def test_rate_limited_request_is_retried(
    fake: FakeDiscord, world: World, bot: TinyBot
) -> None:
    path = f"/channels/{world.channel.id}/messages"
    fake.rate_limit_next(path, retry_after=0.05)
    channel = bot.get_channel(world.channel.id)
    assert isinstance(channel, discord.TextChannel)
    sent = await asyncio.wait_for(channel.send("after the wait"), 2)
    assert sent.content == "after the wait"
    assert [r.status for r in fake.requests_to(path, "POST")] == [429, 200]


async def test_injected_failure_happens_once(
    fake: FakeDiscord, world: World, bot: TinyBot
) -> None:
    path = f"/channels/{world.channel.id}/messages"
    fake.fail_next(path, method="POST", status=403, code=50013, message="Missing Permissions")
    channel = bot.get_channel(world.channel.id)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.Forbidden) as caught:
        await channel.send("refused")
    assert caught.value.code == 50013
    assert (await channel.send("accepted")).content == "accepted"
    assert [r.status for r in fake.requests_to(path, "POST")] == [403, 200]
    assert [m["content"] for m in fake.messages_in(world.channel)] == ["accepted"]


async def test_rejected_token_fails_login(fake: FakeDiscord, world: World) -> None:
    fake.reject_token()
    with pytest.raises(discord.LoginFailure):
        async with run_bot(fake, TinyBot(), token="bad-token"):
            pass


async def test_unknown_routes_answer_404_and_are_recorded(
    fake: FakeDiscord, world: World, bot: TinyBot
) -> None:
    with pytest.raises(discord.NotFound):
        await bot.http.request(discord.http.Route("GET", "/no/such/route"))
    assert [r.path for r in fake.unknown_requests()] == ["/no/such/route"]


async def test_dropped_connection_resumes(fake: FakeDiscord, world: World, bot: TinyBot) -> None:
    first = fake.sessions[-1]
    await fake.drop_connections()
    await fake.wait_until(
        lambda: [s for s in fake.live_sessions if s is not first] or None, 2, "a resumed session"
    )
    assert [f["op"] for f in fake.sessions[-1].received if f["op"] in (2, 6)] == [6]
    await fake.send_message(world.channel, world.lifter, "!ping")
    assert (await fake.next_bot_message(world.channel, timeout=2))["content"] == "pong"
