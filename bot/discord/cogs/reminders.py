"""/remind set, show and off; and the notice a lifter gets when reminders were turned off.

Reminders can be switched off behind a lifter's back (Discord refused the DM because
their DMs are closed). The next command they run, of any kind, ends with a private
note saying so, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discord import app_commands
from discord.ext import commands

from bot.coach.replies import Reply
from bot.discord.cogs.common import respond, send_reply, user_key
from bot.discord.cogs.profile import zone_autocomplete

if TYPE_CHECKING:
    import discord

    from bot.discord.client import LiftBot


def notice_reply(text: str) -> Reply:
    return Reply(title="Your reminders are off", lines=(text,), tone="warning", private=True)


class RemindGroup(app_commands.Group, name="remind",
                  description="A daily DM to help you train, in your own time zone"):
    def __init__(self, bot: LiftBot) -> None:
        super().__init__()
        self.bot = bot

    @app_commands.command(name="set", description="Get a reminder DM at this time of day")
    @app_commands.describe(time="your local time, e.g. 07:30 or 6pm",
                           days="e.g. mon,wed,fri or weekdays (default: every day)",
                           timezone="IANA time zone, e.g. Europe/Berlin (default: your profile's)")
    @app_commands.autocomplete(timezone=zone_autocomplete)
    async def set(self, interaction: discord.Interaction[Any], time: str,
                  days: str | None = None, timezone: str | None = None) -> None:
        reply = await self.bot.coach.reminders.set(user_key(interaction.user), time, days,
                                                   timezone)
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="show", description="When your next reminder comes")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.reminders.show(user_key(interaction.user))
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="off", description="Stop reminder DMs")
    async def off(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.reminders.off(user_key(interaction.user))
        await respond(interaction, reply, ephemeral=True)


class RemindCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.group = RemindGroup(bot)
        bot.tree.add_command(self.group)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.group.name)

    @commands.Cog.listener()
    async def on_app_command_completion(
        self, interaction: discord.Interaction[Any], command: Any
    ) -> None:
        notice = await self.bot.coach.reminders.pending_notice(user_key(interaction.user))
        if notice is not None:
            await respond(interaction, notice_reply(notice), ephemeral=True)

    @commands.Cog.listener()
    async def on_command_completion(self, ctx: commands.Context[Any]) -> None:
        if ctx.interaction is not None:
            return  # a hybrid command used as a slash command: handled above
        notice = await self.bot.coach.reminders.pending_notice(user_key(ctx.author))
        if notice is not None:
            await send_reply(ctx, notice_reply(notice))


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(RemindCog(bot))
