"""The passive log channel: plain posts that read as a log are stored for their author.

A server admin picks the channel. Posts there that parse as a log of known
exercises are stored, marked ✅ and answered briefly; the author reacting ❌ undoes
them. Anything else is chat and is left alone. Reading posts needs the message
content intent, so the bot says so when it is asked for without it.

With the members intent (MEMBERS_INTENT=true), a member leaving the server is taken
off its leaderboards at once; without it they drop off after eight weeks without a log.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.coach.outage import is_outage
from bot.coach.replies import Reply
from bot.discord.cogs.common import guild_key, respond, user_key
from bot.discord.cogs.logbook_buttons import log_view
from bot.discord.failures import failure_reply
from bot.discord.render import NO_PINGS, short_text
from bot.domain import guard

if TYPE_CHECKING:
    from bot.discord.client import LiftBot

log = logging.getLogger("liftcoach.channel")
SAVED = "✅"
UNDO = "❌"
NEEDS_INTENT = (
    "This bot runs without the message content intent, so it cannot read plain posts: "
    "the log channel will stay quiet. Enable the intent (MESSAGE_CONTENT_INTENT=true and "
    "the switch in the developer portal), or log with /log."
)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class LogChannelGroup(app_commands.Group, name="logchannel",
                      description="A channel where plain posts are read as logs"):
    def __init__(self, bot: LiftBot) -> None:
        super().__init__()
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        perms = getattr(interaction.user, "guild_permissions", None)
        if perms is None or not perms.manage_guild:
            await respond(interaction, Reply(
                title="Admins only", lines=("Only members who can manage this server can "
                                            "choose the log channel.",),
                tone="error", private=True))
            return False
        return True

    @app_commands.command(name="set", description="Read plain posts in this channel as logs")
    @app_commands.describe(channel="the channel to read")
    async def set(
        self, interaction: discord.Interaction[Any], channel: discord.TextChannel
    ) -> None:
        reply = await self.bot.coach.server.set_log_channel(
            guild_key(interaction.guild), str(channel.id), channel.name
        )
        if not self.bot.settings.message_content_intent:
            reply = Reply(title=reply.title, lines=(*reply.lines, NEEDS_INTENT),
                          tone="warning", saved=True)
        await respond(interaction, reply, ephemeral=False)

    @app_commands.command(name="off", description="Stop reading plain posts as logs")
    async def off(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.server.set_log_channel(guild_key(interaction.guild), None, "")
        await respond(interaction, reply, ephemeral=False)


class ChannelCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.group = LogChannelGroup(bot)
        bot.tree.add_command(self.group)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.group.name)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.guild is None or not message.content:
            return
        prefix = self.bot.settings.command_prefix
        if message.content.startswith(prefix) or self.bot.user in message.mentions:
            return
        channel_id = await self.bot.coach.server.log_channel(guild_key(message.guild))
        if channel_id != str(message.channel.id):
            return
        try:
            reply = await self.bot.coach.logbook.log_from_channel(
                user_key(message.author), guild_key(message.guild),
                guard.clean(message.content), str(message.id))
        except Exception as err:
            if not is_outage(err):
                raise
            failed = failure_reply(err, "the log channel", message.author.id)
            with contextlib.suppress(discord.HTTPException):
                await message.reply(short_text(failed), mention_author=False,
                                    allowed_mentions=NO_PINGS)
            return
        if reply is None:
            return
        # Separately: a channel that forbids reactions must still get the reply.
        try:
            await message.add_reaction(SAVED)
        except discord.HTTPException:
            log.warning("could not mark log message %s in channel %s", message.id,
                        message.channel.id)
        try:
            # Its choices as buttons (no Undo button: a cross reaction undoes a post).
            choices = log_view(message.author.id, reply, undo=False)
            extra: dict[str, Any] = {} if choices is None else {"view": choices}
            await message.reply(short_text(reply), mention_author=False,
                                allowed_mentions=NO_PINGS, **extra)
        except discord.HTTPException:
            log.warning("could not confirm log message %s in channel %s", message.id,
                        message.channel.id)

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        if str(payload.emoji) != UNDO or payload.guild_id is None:
            return
        if self.bot.user is not None and payload.user_id == self.bot.user.id:
            return
        # Only the author's own entries can be removed: the coach scopes by reacting user.
        reply = await self.bot.coach.logbook.undo_message(str(payload.user_id),
                                                          str(payload.message_id))
        if reply is None:
            return
        channel = self.bot.get_channel(payload.channel_id)
        if isinstance(channel, discord.TextChannel):
            try:
                message = channel.get_partial_message(payload.message_id)
                await message.remove_reaction(SAVED, self.bot.user)  # type: ignore[arg-type]
                await channel.send(short_text(reply), allowed_mentions=NO_PINGS,
                                   reference=message, mention_author=False)
            except discord.HTTPException:
                log.warning("could not confirm undo of message %s", payload.message_id)

    @commands.Cog.listener()
    async def on_raw_member_remove(self, payload: discord.RawMemberRemoveEvent) -> None:
        """A member left (only seen with MEMBERS_INTENT): off the server's boards now."""
        await self.bot.coach.boards.member_left(str(payload.guild_id), user_key(payload.user))


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(ChannelCog(bot))
