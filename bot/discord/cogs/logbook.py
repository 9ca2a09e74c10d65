"""/log (also typed as !log, or sent as a form), /undo, /history, /edit, and the
"Log as my workout" message menu.

The buttons under a log live in ``logbook_buttons``, /history's pages and /undo's
pick in ``logbook_pages``, the forms in ``logbook_forms``. A form is answered here
from its custom id when it is sent (see ``on_interaction``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.coach.commands import MESSAGE_MENUS
from bot.coach.replies import Reply
from bot.discord.cogs.common import exercise_names, guild_key, send_reply, user_key
from bot.discord.cogs.logbook_buttons import ChoiceButton, UndoButton, clip, log_view
from bot.discord.cogs.logbook_forms import edit_form, log_form, submitted
from bot.discord.cogs.logbook_pages import PageButton, UndoPick, history_view, undo_pick_view
from bot.discord.inputs import answer_stale
from bot.discord.render import NO_PINGS, to_embed
from bot.domain.sessions import MAX_HISTORY_DAYS

if TYPE_CHECKING:
    from bot.discord.client import LiftBot

log = logging.getLogger("liftcoach.discord")
_CHOICE_LIMIT = 100
MENU_NAME = next(m.name for m in MESSAGE_MENUS if m.area == "logbook")
NOT_YOURS = ("Only your own messages can be logged as your workout: this one is by someone "
             "else. Post your sets yourself, then use Log as my workout on that message.")

_P = ParamSpec("_P")
_T = TypeVar("_T")
_CogT = TypeVar("_CogT", bound=commands.Cog)


def _hybrid_method(
    name: str, description: str
) -> Callable[
    [Callable[Concatenate[_CogT, commands.Context[Any], _P], Coroutine[Any, Any, _T]]],
    commands.HybridCommand[_CogT, _P, _T],
]:
    """``commands.hybrid_command`` narrowed to a cog method.

    discord.py types the callback as a union of a method and a plain function, and
    mypy cannot solve a union of ``Concatenate`` callables: the decorator would be
    rejected and the command typed ``HybridCommand[Never, Never, Never]``. Naming
    the one shape used here keeps both the call and the command's type checked.
    """
    return commands.hybrid_command(name=name, description=description)


async def answer(
    interaction: discord.Interaction[Any], reply: Reply, *,
    view: discord.ui.View | None = None, ephemeral: bool | None = None,
) -> None:
    """Reply to an interaction with the reply's embed and, when given, its buttons."""
    sent: dict[str, Any] = {"embed": to_embed(reply), "allowed_mentions": NO_PINGS,
                            "ephemeral": (reply.private or reply.is_error
                                          if ephemeral is None else ephemeral)}
    if view is not None:
        sent["view"] = view
    if interaction.response.is_done():
        await interaction.followup.send(**sent)
    else:
        await interaction.response.send_message(**sent)


class LogCog(commands.Cog):
    def __init__(self, bot: LiftBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name=MENU_NAME, callback=self.log_message)
        bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @_hybrid_method(name="log", description="Store sets and get advice on failure")
    @app_commands.describe(entry="e.g. squat 5x5 @100kg rir2; several: separate with ; or "
                                 "leave empty for a form")
    async def log(self, ctx: commands.Context[Any], *, entry: str | None = None) -> None:
        if not (entry or "").strip():
            if ctx.interaction is not None:
                await ctx.interaction.response.send_modal(log_form(ctx.author.id))
            else:
                typed = f"{ctx.clean_prefix}log"
                await ctx.send(f"Say what to log: the entry goes after {typed}. Example: "
                               f"`{typed} squat 5x5 rir2` (or `/log` alone for a form).",
                               allowed_mentions=NO_PINGS)
            return
        reply = await self.bot.coach.logbook.log(user_key(ctx.author), guild_key(ctx.guild),
                                                 entry or "")
        if reply.saved:
            self.bot.mark_saved(ctx)
            await send_reply(ctx, reply, view=log_view(ctx.author.id, reply))
        else:
            await send_reply(ctx, reply)

    @log.autocomplete("entry")
    async def log_preview(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """A live reading of the text typed so far, as the only choice."""
        if not current.strip() or len(current) > _CHOICE_LIMIT:
            return []
        reply = await self.bot.coach.logbook.preview(user_key(interaction.user), current)
        label = f"✗ {reply.lines[0]}" if reply.is_error else "✓ " + "; ".join(reply.lines)
        return [app_commands.Choice(name=clip(label, _CHOICE_LIMIT), value=current)]

    @app_commands.command(name="undo", description="Remove your last log, or one exercise of it")
    @app_commands.describe(exercise="only this exercise's entries of your last log")
    @app_commands.autocomplete(exercise=exercise_names)
    async def undo(
        self, interaction: discord.Interaction[Any], exercise: str | None = None
    ) -> None:
        who = user_key(interaction.user)
        if exercise and exercise.strip():
            reply = await self.bot.coach.logbook.undo(who, exercise)
        else:
            reply = await self.bot.coach.logbook.undo_choice(who)
        await answer(interaction, reply, view=undo_pick_view(interaction.user.id, reply),
                     ephemeral=True)

    @app_commands.command(name="history", description="Your sessions, newest first (only you)")
    @app_commands.describe(exercise="only sessions with this exercise",
                           days="only the last so many days", page="which page (1 is newest)")
    @app_commands.autocomplete(exercise=exercise_names)
    async def history(
        self, interaction: discord.Interaction[Any], exercise: str | None = None,
        days: app_commands.Range[int, 1, MAX_HISTORY_DAYS] | None = None,
        page: app_commands.Range[int, 1, 10_000] = 1,
    ) -> None:
        reply = await self.bot.coach.logbook.history(user_key(interaction.user), exercise,
                                                     page=page, days=days)
        await answer(interaction, reply, view=history_view(interaction.user.id, reply),
                     ephemeral=True)

    @app_commands.command(name="edit", description="Correct an entry (its number in /history)")
    @app_commands.describe(number="the entry's number in /history")
    async def edit(
        self, interaction: discord.Interaction[Any],
        number: app_commands.Range[int, 1, 1_000_000],
    ) -> None:
        found = await self.bot.coach.logbook.edit_form(user_key(interaction.user), number)
        if isinstance(found, Reply):
            await answer(interaction, found, ephemeral=True)
            return
        await interaction.response.send_modal(edit_form(interaction.user.id, found))

    async def log_message(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        """The message menu: the lifter's own message read as a log; only they see it."""
        if message.author.id != interaction.user.id:
            await interaction.response.send_message(NOT_YOURS, ephemeral=True,
                                                    allowed_mentions=NO_PINGS)
            return
        reply = await self.bot.coach.logbook.log_message(
            user_key(interaction.user), guild_key(interaction.guild), message.content,
            str(message.id))
        if reply.saved:
            interaction.extras["saved"] = True
        await answer(interaction, reply, view=log_view(interaction.user.id, reply),
                     ephemeral=True)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """A logbook form sent: answered from its custom id (see logbook_forms)."""
        form = submitted(interaction)
        if form is None:
            return
        try:
            await self._answer_form(interaction, form.kind, form.owner, form.entry_id,
                                    form.text)
        except Exception as error:  # a form has no command error handler to reach
            error_id = uuid.uuid4().hex[:8]
            log.error("error %s in a %s form (user %s)", error_id, form.kind,
                      interaction.user.id, exc_info=error)
            status = "Your sets were saved." if interaction.extras.get("saved") else (
                "Nothing was saved.")
            await self.bot.answer(interaction, f"Something went wrong on my side. {status} "
                                               f"(error id {error_id})")

    async def _answer_form(self, interaction: discord.Interaction[Any], kind: str,
                           owner: int, entry_id: int, text: str) -> None:
        if kind == "stale":
            await answer_stale(interaction)
            return
        if interaction.user.id != owner:
            await interaction.response.send_message(
                "This form belongs to someone else.", ephemeral=True, allowed_mentions=NO_PINGS)
            return
        who = user_key(interaction.user)
        if kind == "edit":
            reply = await self.bot.coach.logbook.edit_entry(who, entry_id, text)
            await answer(interaction, reply, ephemeral=True)
            return
        reply = await self.bot.coach.logbook.log(who, guild_key(interaction.guild), text)
        if reply.saved:
            interaction.extras["saved"] = True
        await answer(interaction, reply, view=log_view(owner, reply) if reply.saved else None)


async def setup(bot: LiftBot) -> None:
    bot.add_dynamic_items(UndoButton, ChoiceButton, PageButton, UndoPick)
    await bot.add_cog(LogCog(bot))
