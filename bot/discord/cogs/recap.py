"""/recap set|show|off (server admins), the recap's own dispatcher, its channel sender.

The recap runs on a :class:`bot.coach.reminder_dispatch.ReminderDispatcher` over
``coach.recap``, started when the cog loads, as the check-in's is. Its sender posts in
the server's channel (one paced POST, the week's key as nonce, mentions disabled). A
channel that is gone (10003) or that the bot may not post in (50001, 50013) turns the
recap off: the admin who set it gets a DM saying so, and a note with their next command.

This cog also gives the coach display names (``coach.names``): the recap and a
challenge's results name lifters as the server shows them, and ping nobody.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands
from discord.http import handle_message_parameters

from bot.bootstrap import dispatch_settings
from bot.coach.recap import closed_note
from bot.coach.reminder_dispatch import DmRequest, Pace, ReminderDispatcher, SendResult
from bot.coach.reminders import reminder_nonce
from bot.coach.replies import Reply
from bot.discord.cogs.common import guild_key, respond, send_reply, user_key
from bot.discord.cogs.plan import DAYS
from bot.discord.cogs.profile import zone_autocomplete
from bot.discord.dm_sender import DiscordDmSender
from bot.discord.render import NO_PINGS

if TYPE_CHECKING:
    from bot.discord.client import LiftBot

log = logging.getLogger("liftcoach.recap")
LOST_CHANNEL = frozenset({10003, 50001, 50013})  # unknown channel, missing access/permission
RECAP_GRACE = timedelta(days=1)  # a weekly post is still worth sending a day late


def notice_reply(text: str) -> Reply:
    return Reply(title="Your server's weekly recap is off", lines=(text,), tone="warning",
                 private=True)


class RecapSender:
    """Posts one recap in its channel; ``pace()`` is awaited before each request."""

    def __init__(self, bot: LiftBot) -> None:
        self._bot = bot
        self._dms = DiscordDmSender(bot)

    async def __call__(self, request: DmRequest, pace: Pace) -> SendResult:
        channel_id = request.channel_id
        if channel_id is None:
            return await self._lost(request, pace)
        try:
            await pace()
            with handle_message_parameters(content=request.text, nonce=request.nonce,
                                           allowed_mentions=NO_PINGS) as params:
                await self._bot.http.send_message(int(channel_id), params=params)
        except (discord.Forbidden, discord.NotFound) as exc:
            if exc.code in LOST_CHANNEL:
                return await self._lost(request, pace)
            log.warning("recap in %s refused (code %s)", channel_id, exc.code)
            return SendResult("failed", channel_id)
        except discord.RateLimited as exc:
            return SendResult("retry", channel_id, exc.retry_after)
        except discord.HTTPException as exc:
            if exc.status == 429 or exc.status >= 500:
                return SendResult("retry", channel_id)
            log.warning("recap in %s rejected: %s %s", channel_id, exc.status, exc.code)
            return SendResult("failed", channel_id)
        except (TimeoutError, aiohttp.ClientError, OSError):
            return SendResult("retry", channel_id)
        return SendResult("sent", channel_id)

    async def _lost(self, request: DmRequest, pace: Pace) -> SendResult:
        """The channel is unusable: tell the admin who set the recap, then switch it off."""
        admin = await self._bot.coach.recap.admin_of(request.user_id)
        if admin is not None:
            note = DmRequest(admin, None, closed_note(request.channel_id),
                             reminder_nonce(admin, self._bot.coach.now().date(), "recap-off"))
            result = await self._dms(note, pace)
            if result.status != "sent":
                log.info("could not tell %s that the recap of %s is off", admin,
                         request.user_id)
        return SendResult("closed", request.channel_id)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class RecapGroup(app_commands.Group, name="recap",
                 description="A weekly post of the server's past week (admins)"):
    def __init__(self, bot: LiftBot) -> None:
        super().__init__()
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        perms = getattr(interaction.user, "guild_permissions", None)
        if perms is None or not perms.manage_guild:
            await respond(interaction, Reply(
                title="Admins only", lines=("Only members who can manage this server can set "
                                            "up its weekly recap.",),
                tone="error", private=True))
            return False
        return True

    @app_commands.command(name="set", description="Post the past week in this channel, weekly")
    @app_commands.describe(channel="where to post it", day="the day it comes (default Monday)",
                           time="local time, e.g. 09:00 (default 09:00)",
                           timezone="IANA time zone, e.g. Europe/Berlin (default: yours)")
    @app_commands.choices(day=DAYS)
    @app_commands.autocomplete(timezone=zone_autocomplete)
    async def set(self, interaction: discord.Interaction[Any], channel: discord.TextChannel,
                  day: str | None = None, time: str | None = None,
                  timezone: str | None = None) -> None:
        reply = await self.bot.coach.recap.set(
            guild_key(interaction.guild), user_key(interaction.user), str(channel.id), "",
            day, time, timezone)
        await respond(interaction, reply, ephemeral=False)

    @app_commands.command(name="show", description="The recap setting and a preview")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.recap.show(guild_key(interaction.guild))
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="off", description="Stop the weekly recap post")
    async def off(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.recap.off(guild_key(interaction.guild))
        await respond(interaction, reply, ephemeral=False)


class RecapCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.group = RecapGroup(bot)
        bot.tree.add_command(self.group)
        settings = dataclasses.replace(dispatch_settings(bot.settings), grace=RECAP_GRACE)
        self.dispatcher = ReminderDispatcher(bot.coach.recap, RecapSender(bot), settings,
                                             clock=bot.coach.now, name="recap-dispatcher")
        bot.coach.names.source = self.display_names

    async def cog_load(self) -> None:
        self.dispatcher.start()

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.group.name)
        await self.dispatcher.stop()

    async def display_names(self, guild_id: str, user_ids: Sequence[str]) -> Mapping[str, str]:
        """Each member's name as the server shows it (cached, else asked for once)."""
        guild = self.bot.get_guild(int(guild_id)) if guild_id.isdecimal() else None
        found: dict[str, str] = {}
        for user_id in user_ids:
            if guild is None or not user_id.isdecimal():
                continue
            member = guild.get_member(int(user_id))
            if member is None:
                try:
                    member = await guild.fetch_member(int(user_id))
                except discord.HTTPException:
                    continue  # left the server: the coach names them "a lifter"
            found[user_id] = member.display_name
        return found

    @commands.Cog.listener()
    async def on_app_command_completion(
        self, interaction: discord.Interaction[Any], command: Any
    ) -> None:
        notice = await self.bot.coach.recap.pending_notice(user_key(interaction.user))
        if notice is not None:
            await respond(interaction, notice_reply(notice), ephemeral=True)

    @commands.Cog.listener()
    async def on_command_completion(self, ctx: commands.Context[Any]) -> None:
        if ctx.interaction is not None:
            return
        notice = await self.bot.coach.recap.pending_notice(user_key(ctx.author))
        if notice is not None:
            await send_reply(ctx, notice_reply(notice))


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(RecapCog(bot))
