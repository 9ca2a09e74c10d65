"""/plan and /checkin on|off; the weekly check-in's own dispatcher and DM sender.

The check-in runs on a second :class:`bot.coach.reminder_dispatch.ReminderDispatcher`
over ``coach.plan.checkins``, started when the cog loads (in the bot's setup) and
stopped when it unloads (the bot unloads its cogs when it closes). Its DMs may carry a chart, so the
sender here adds the file to the same single paced POST the reminders make.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands
from discord.http import handle_message_parameters

from bot.bootstrap import dispatch_settings
from bot.coach.reminder_dispatch import DmRequest, Pace, ReminderDispatcher
from bot.coach.replies import Reply
from bot.discord.cogs.common import respond, send_reply, user_key
from bot.discord.dm_sender import DiscordDmSender
from bot.discord.render import NO_PINGS

if TYPE_CHECKING:
    from bot.discord.client import LiftBot

BLOCKS = [app_commands.Choice(name=f"{n} weeks each", value=f"{n}w") for n in (2, 3, 4, 6)]
BLOCKS.append(app_commands.Choice(name="off (no heavy blocks)", value="off"))
DAYS = [app_commands.Choice(name=d, value=d[:3].lower()) for d in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")]


class CheckinDmSender(DiscordDmSender):
    """The reminders' sender, with the check-in's chart attached when it has one."""

    async def _post(self, channel_id: str, request: DmRequest, pace: Pace) -> None:
        if request.attachment is None:
            await super()._post(channel_id, request, pace)
            return
        await pace()
        name, png = request.attachment
        picture = discord.File(io.BytesIO(png), filename=name)
        with handle_message_parameters(content=request.text, nonce=request.nonce,
                                       file=picture, allowed_mentions=NO_PINGS) as params:
            await self._client.http.send_message(int(channel_id), params=params)


def notice_reply(text: str) -> Reply:
    return Reply(title="Your weekly check-in is off", lines=(text,), tone="warning",
                 private=True)


class CheckinGroup(app_commands.Group, name="checkin",
                   description="A weekly DM: last week against its plan, and the week ahead"):
    def __init__(self, bot: LiftBot) -> None:
        super().__init__()
        self.bot = bot

    @app_commands.command(name="on", description="Get the weekly check-in DM")
    @app_commands.describe(day="the day it comes (default Monday)",
                           time="your local time, e.g. 07:00 or 6pm (default 07:00)")
    @app_commands.choices(day=DAYS)
    async def on(self, interaction: discord.Interaction[Any], day: str | None = None,
                 time: str | None = None) -> None:
        reply = await self.bot.coach.plan.checkins.on(user_key(interaction.user), day, time)
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="off", description="Stop the weekly check-in DM")
    async def off(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.plan.checkins.off(user_key(interaction.user))
        await respond(interaction, reply, ephemeral=True)


class PlanCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.checkin = CheckinGroup(bot)
        bot.tree.add_command(self.checkin)
        self.dispatcher = ReminderDispatcher(
            bot.coach.plan.checkins, CheckinDmSender(bot), dispatch_settings(bot.settings),
            clock=bot.coach.now, name="checkin-dispatcher")

    async def cog_load(self) -> None:
        # Started while the bot sets up, as the reminders' dispatcher is: asleep long
        # before a close can cancel it, so a stop never cuts a write short.
        self.dispatcher.start()

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.checkin.name)
        await self.dispatcher.stop()

    @app_commands.command(name="plan", description="This week's plan: where failure goes, "
                          "per exercise (only you)")
    @app_commands.describe(block="how long failure and heavy blocks last")
    @app_commands.choices(block=BLOCKS)
    async def plan(self, interaction: discord.Interaction[Any], block: str | None = None
                   ) -> None:
        reply = await self.bot.coach.plan.show(user_key(interaction.user), block)
        await respond(interaction, reply, ephemeral=True)

    @commands.Cog.listener()
    async def on_app_command_completion(
        self, interaction: discord.Interaction[Any], command: Any
    ) -> None:
        notice = await self.bot.coach.plan.checkins.pending_notice(user_key(interaction.user))
        if notice is not None:
            await respond(interaction, notice_reply(notice), ephemeral=True)

    @commands.Cog.listener()
    async def on_command_completion(self, ctx: commands.Context[Any]) -> None:
        if ctx.interaction is not None:
            return
        notice = await self.bot.coach.plan.checkins.pending_notice(user_key(ctx.author))
        if notice is not None:
            await send_reply(ctx, notice_reply(notice))


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(PlanCog(bot))
