"""/profile, /sore and /exercise: what the lifter tells the coach about themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from discord import app_commands
from discord.ext import commands

from bot.coach import own_exercises
from bot.discord.cogs.common import respond, user_key
from bot.domain.models import TIERS
from bot.domain.reminders import timezone_choices

if TYPE_CHECKING:
    import discord

    from bot.discord.client import LiftBot


async def zone_autocomplete(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=z, value=z) for z in timezone_choices(current, limit=25)]


class DeloadGroup(app_commands.Group, name="deload",
                  description="A lighter week: the push-harder advice stays quiet"):
    def __init__(self, bot: LiftBot) -> None:
        super().__init__()
        self.bot = bot

    @app_commands.command(name="on", description="Start a deload from today")
    @app_commands.describe(weeks="how many weeks it lasts (1 if left out)")
    async def on(
        self, interaction: discord.Interaction[Any],
        weeks: app_commands.Range[int, 1, 4] | None = None,
    ) -> None:
        reply = await self.bot.coach.profile.deload(user_key(interaction.user), "on", weeks)
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="off", description="End your deload")
    async def off(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.profile.deload(user_key(interaction.user), "off")
        await respond(interaction, reply, ephemeral=True)


async def lift_autocomplete(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Catalogue lifts for merge:, as the lifter types."""
    bot: LiftBot = interaction.client
    return [app_commands.Choice(name=e.name, value=e.name)
            for e in bot.coach.catalogue.search(current, limit=25)]


class ProfileCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.deload = DeloadGroup(bot)
        bot.tree.add_command(self.deload)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.deload.name)

    @app_commands.command(name="profile", description="See or change your unit, goal, "
                          "time zone and weekly target")
    @app_commands.describe(unit="kg or lb for bare numbers and replies",
                           goal="what you train for", timezone="your IANA time zone",
                           target="days a week you plan to train",
                           increment="your smallest plate step, e.g. 1.25 (or default)",
                           dates="how you write dates: dmy (3/11 is 3 Nov) or mdy (11/3)")
    @app_commands.autocomplete(timezone=zone_autocomplete)
    @app_commands.rename(timezone="tz")  # the name replies and /help use in examples
    async def profile(
        self,
        interaction: discord.Interaction[Any],
        unit: Literal["kg", "lb"] | None = None,
        goal: Literal["hypertrophy", "strength", "general"] | None = None,
        timezone: str | None = None,
        target: app_commands.Range[int, 1, 7] | None = None,
        increment: str | None = None,
        dates: Literal["dmy", "mdy"] | None = None,
    ) -> None:
        reply = await self.bot.coach.profile.set(
            user_key(interaction.user), unit=unit, goal=goal, timezone=timezone, target=target,
            increment=increment, dates=dates,
        )
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="sore", description="Tell the coach a body part is still sore")
    @app_commands.describe(bodypart="e.g. quads, chest, lower back",
                           days="how many days it has been sore (0 clears it)")
    async def sore(
        self, interaction: discord.Interaction[Any], bodypart: str,
        days: app_commands.Range[int, 0, 60],
    ) -> None:
        reply = await self.bot.coach.profile.sore(user_key(interaction.user), bodypart, days)
        await respond(interaction, reply, ephemeral=True)

    @app_commands.command(name="exercise", description="Set the tier of your own exercise, "
                          "rename it, or merge it into a catalogue lift")
    @app_commands.describe(name="the name you log it under",
                           tier="A heavy compound … D isolation (see /help)",
                           rename="a new name for it (its history moves along)",
                           merge="the catalogue lift it really is (its history moves there)")
    @app_commands.choices(tier=[app_commands.Choice(name=f"tier {t}", value=t) for t in TIERS])
    @app_commands.autocomplete(merge=lift_autocomplete)
    async def exercise(
        self, interaction: discord.Interaction[Any], name: str, tier: str | None = None,
        rename: str | None = None, merge: str | None = None,
    ) -> None:
        user, profile = user_key(interaction.user), self.bot.coach.profile
        if sum(x is not None for x in (tier, rename, merge)) != 1:
            reply = own_exercises.one_change_please()
        elif rename is not None:
            reply = await profile.rename_exercise(user, name, rename)
        elif merge is not None:
            reply = await profile.merge_exercise(user, name, merge)
        else:
            reply = await profile.exercise(user, name, tier or "")
        await respond(interaction, reply, ephemeral=True)


async def setup(bot: LiftBot) -> None:
    await bot.add_cog(ProfileCog(bot))
