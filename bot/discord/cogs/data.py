"""/export, /import and /forget-me: the lifter's data, out, in and gone. All private.

The Confirm/Cancel buttons for /import and /forget-me are persistent: the custom id
holds the lifter (and the pending import), so the buttons still work after a
restart, and only that lifter may press them. Pressing removes the buttons at once
(no double confirm), then the coach answers in a private follow-up.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import uuid
from collections.abc import Awaitable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.coach.data import Preview
from bot.coach.outage import is_outage
from bot.coach.replies import Reply
from bot.discord.cogs.common import guild_key, respond, user_key
from bot.discord.failures import failure_reply
from bot.discord.inputs import answer_stale, fits
from bot.discord.render import EMBED_LIMIT, FIELD_LIMIT, FIELDS_LIMIT, NO_PINGS, to_embed

if TYPE_CHECKING:
    from bot.discord.client import LiftBot

FORMATS = [
    app_commands.Choice(name="detect it for me", value="auto"),
    app_commands.Choice(name="Strong", value="strong"),
    app_commands.Choice(name="Hevy", value="hevy"),
    app_commands.Choice(name="liftcoach (/export)", value="liftcoach"),
]


log = logging.getLogger("liftcoach.data")
NAMES_FILE = "import-names.txt"
_EMBED_CHARS = EMBED_LIMIT - 200  # room for the line that points to the attached list


def _fits(reply: Reply) -> bool:
    """Whether every field of the preview fits in one embed, unclipped."""
    total = len(reply.title) + len("\n".join(reply.lines)) + len(reply.footer or "")
    total += sum(len(k) + len(v) for k, v in reply.fields)
    return (total <= _EMBED_CHARS and len(reply.fields) <= FIELDS_LIMIT
            and all(len(v) <= FIELD_LIMIT for _, v in reply.fields))


def preview_embed(preview: Preview) -> discord.Embed:
    """The preview as an embed; when its name lists do not fit, they go to the attached
    file (every name still listed) and the embed says so."""
    reply = preview.reply
    if _fits(reply):
        return to_embed(reply)
    kept = tuple(f for f in reply.fields if not f[0].startswith(("Read as", "Not in")))
    read = sum(1 for line in preview.names.splitlines() if "-> your own" not in line)
    own = len(preview.names.splitlines()) - read
    line = (f"Names: {read} read as catalogue lifts, {own} kept as your own; every one is "
            f"listed in the attached {NAMES_FILE}.")
    return to_embed(replace(reply, lines=(*reply.lines, line), fields=kept))


async def _refuse(interaction: discord.Interaction[Any], text: str) -> None:
    await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


async def _answer(
    interaction: discord.Interaction[Any], work: Awaitable[Reply], buttons: discord.ui.View
) -> None:
    """Answer privately with the coach's reply; if the coach fails, nothing was stored
    (one transaction), so the buttons come back to be pressed again."""
    try:
        reply = await work
    except Exception as err:
        with contextlib.suppress(discord.HTTPException):
            await interaction.edit_original_response(view=buttons, allowed_mentions=NO_PINGS)
        if is_outage(err):
            reply = failure_reply(err, "a data button", interaction.user.id)
        else:
            error_id = uuid.uuid4().hex[:8]
            log.exception("error %s behind a data button (user %s)", error_id,
                          interaction.user.id)
            reply = Reply(title="Something went wrong on my side",
                          lines=(f"Nothing was changed; press the button again. (error id "
                                 f"{error_id})",), tone="error", private=True)
    await interaction.followup.send(embed=to_embed(reply), ephemeral=True,
                                    allowed_mentions=NO_PINGS)


class ImportButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"import:(?P<action>confirm|cancel):(?P<user>[0-9]+):(?P<pending>[0-9]+)",
):
    def __init__(self, action: str, user_id: int, pending_id: int) -> None:
        self.action = action
        self.user_id = user_id
        self.pending_id = pending_id
        self.valid = fits(user_id, pending_id)
        confirm = action == "confirm"
        super().__init__(discord.ui.Button(
            label="Confirm import" if confirm else "Cancel",
            style=discord.ButtonStyle.success if confirm else discord.ButtonStyle.secondary,
            custom_id=f"import:{action}:{user_id}:{pending_id}",
        ))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> ImportButton:
        return cls(match.group("action"), int(match.group("user")), int(match.group("pending")))

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if not self.valid:
            await answer_stale(interaction)
            return False
        if interaction.user.id == self.user_id:
            return True
        await _refuse(interaction, "Only the lifter who started this import can confirm it.")
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: LiftBot = interaction.client
        await interaction.response.edit_message(view=None, allowed_mentions=NO_PINGS)
        user = str(self.user_id)
        work = (bot.coach.data.import_confirm(user, self.pending_id) if self.action == "confirm"
                else bot.coach.data.import_cancel(user, self.pending_id))
        await _answer(interaction, work, import_view(self.user_id, self.pending_id))


def import_view(user_id: int, pending_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ImportButton("confirm", user_id, pending_id))
    view.add_item(ImportButton("cancel", user_id, pending_id))
    return view


class ForgetButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"forget:(?P<action>confirm|cancel):(?P<user>[0-9]+)",
):
    def __init__(self, action: str, user_id: int) -> None:
        self.action = action
        self.user_id = user_id
        self.valid = fits(user_id)
        confirm = action == "confirm"
        super().__init__(discord.ui.Button(
            label="Erase everything" if confirm else "Keep my data",
            style=discord.ButtonStyle.danger if confirm else discord.ButtonStyle.secondary,
            custom_id=f"forget:{action}:{user_id}",
        ))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> ForgetButton:
        return cls(match.group("action"), int(match.group("user")))

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if not self.valid:
            await answer_stale(interaction)
            return False
        if interaction.user.id == self.user_id:
            return True
        await _refuse(interaction, "Only the lifter who asked can erase their own data.")
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: LiftBot = interaction.client
        await interaction.response.edit_message(view=None, allowed_mentions=NO_PINGS)
        data, user = bot.coach.data, str(self.user_id)
        work = (data.forget_me_confirm(user) if self.action == "confirm"
                else data.forget_me_cancel(user))
        await _answer(interaction, work, forget_view(self.user_id))


def forget_view(user_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ForgetButton("confirm", user_id))
    view.add_item(ForgetButton("cancel", user_id))
    return view


class DataCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot

    @app_commands.command(name="export", description="All your sets as a CSV file "
                          "(only you see it)")
    async def export(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.coach.data.export(user_key(interaction.user))
        first, *more = result.files  # each within one attachment: one message each
        await interaction.followup.send(
            embed=to_embed(result.reply), ephemeral=True, allowed_mentions=NO_PINGS,
            file=discord.File(io.BytesIO(first.data), filename=first.name),
        )
        for part in more:
            await interaction.followup.send(
                ephemeral=True, allowed_mentions=NO_PINGS,
                file=discord.File(io.BytesIO(part.data), filename=part.name))

    @app_commands.command(name="import", description="Bring in your history from Strong, "
                          "Hevy or a liftcoach export")
    @app_commands.describe(file="the CSV file the app exported",
                           fmt="which app wrote it (detected when left out)",
                           mapping='read names as catalogue lifts: "Name=exercise; Name=exercise"',
                           unit="the unit of a file that does not say (Strong's comma format)")
    @app_commands.rename(fmt="format", mapping="map")
    @app_commands.choices(fmt=FORMATS)
    async def import_(
        self, interaction: discord.Interaction[Any], file: discord.Attachment,
        fmt: str = "auto", mapping: str | None = None, unit: Literal["kg", "lb"] | None = None,
    ) -> None:
        too_big = self.bot.coach.data.check_size(file.size)
        if too_big is not None:  # refused by its size, before downloading anything
            await respond(interaction, too_big, ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        preview = await self.bot.coach.data.import_preview(
            user_key(interaction.user), guild_key(interaction.guild), file.filename, data,
            fmt, mapping, unit,
        )
        kwargs: dict[str, Any] = {"embed": preview_embed(preview), "ephemeral": True,
                                  "allowed_mentions": NO_PINGS}
        if not _fits(preview.reply):
            kwargs["file"] = discord.File(io.BytesIO(preview.names.encode("utf-8")),
                                          filename=NAMES_FILE)
        if preview.pending_id is not None:
            kwargs["view"] = import_view(interaction.user.id, preview.pending_id)
        await interaction.followup.send(**kwargs)

    @app_commands.command(name="forget-me", description="Erase everything the bot holds "
                          "on you (asks first)")
    async def forget_me(self, interaction: discord.Interaction[Any]) -> None:
        reply = await self.bot.coach.data.forget_me_request(user_key(interaction.user))
        if reply.confirm is None:  # nothing to erase: no button
            await respond(interaction, reply, ephemeral=True)
            return
        await interaction.response.send_message(
            embed=to_embed(reply), view=forget_view(interaction.user.id), ephemeral=True,
            allowed_mentions=NO_PINGS,
        )


async def setup(bot: LiftBot) -> None:
    bot.add_dynamic_items(ImportButton, ForgetButton)
    await bot.add_cog(DataCog(bot))
