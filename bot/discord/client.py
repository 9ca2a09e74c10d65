"""The Discord client: one commands.Bot subclass whose setup_hook is the one start-up place."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import uuid
from collections import deque
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.bootstrap import build_dispatcher
from bot.coach import Coach
from bot.coach.outage import is_outage
from bot.config import Settings
from bot.discord.dm_sender import DiscordDmSender
from bot.discord.failures import answer_failure, failure_reply, guard_callback
from bot.discord.inputs import GuardedTree, answer_stale, known_id
from bot.discord.installs import apply_installs
from bot.discord.render import NO_PINGS, to_embed
from bot.domain import guard

log = logging.getLogger("liftcoach.discord")

# discord.py runs each event handler and each application command in a task of its own,
# named with these prefixes; closing the client does not wait for them.
_HANDLER_TASKS = ("discord.py: ", "CommandTree-invoker")


async def _drain_handlers(seconds: float) -> None:
    """Let commands already running finish (a log mid-commit, say) before the caller
    closes the database; give up after ``seconds``."""
    current = asyncio.current_task()
    running = [t for t in asyncio.all_tasks() if t is not current and not t.done()
               and t.get_name().startswith(_HANDLER_TASKS)]
    if running:
        await asyncio.wait(running, timeout=seconds)

COGS = (
    "bot.discord.cogs.logbook",
    "bot.discord.cogs.profile",
    "bot.discord.cogs.info",
    "bot.discord.cogs.server",
    "bot.discord.cogs.owner",
    "bot.discord.cogs.audit",
    "bot.discord.cogs.reminders",
    "bot.discord.cogs.data",
    "bot.discord.cogs.boards",
    "bot.discord.cogs.progress",
    "bot.discord.cogs.plan",
    "bot.discord.cogs.recap",
    "bot.discord.cogs.challenges",
)


def root_error(error: BaseException) -> BaseException:
    """The error a command raised, out of the wrappers discord.py puts around it."""
    while isinstance(getattr(error, "original", None), BaseException):
        error = error.original  # type: ignore[attr-defined]
    return error


def intents_for(settings: Settings) -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.guild_reactions = True
    intents.dm_messages = True
    intents.message_content = settings.message_content_intent
    intents.members = settings.members_intent  # leaving a server leaves its boards
    return intents


def command_prefix(settings: Settings) -> Any:
    """Typed commands (``!log``) need the message content intent: without it Discord
    sends blank text, so only a mention of the bot can start a typed command (Discord
    keeps the text of messages that mention the bot)."""
    if settings.message_content_intent:
        return commands.when_mentioned_or(settings.command_prefix)
    return commands.when_mentioned


# What discord.py would otherwise keep per server in memory, none of which the bot
# reads: the last 1,000 messages seen (every reply of its own, with its embed), every
# member (with the members intent: 10,000 Member objects for a server that size) and
# the member lists asked for at start-up. Reactions and departures arrive as raw
# events, and the weekly recap fetches a member it does not hold.
LEAN_CACHES: dict[str, Any] = {
    "max_messages": None,
    "member_cache_flags": discord.MemberCacheFlags.none(),
    "chunk_guilds_at_startup": False,
}


class LiftBot(commands.AutoShardedBot):
    """Holds the coach; cogs reach it as ``bot.coach``."""

    def __init__(self, settings: Settings, coach: Coach, **options: Any) -> None:
        if settings.shard_ids is not None:
            # Left out when unset: discord.py reads a missing key as "all shards", and
            # its options type takes a list only.
            options["shard_ids"] = list(settings.shard_ids)
        super().__init__(
            command_prefix=command_prefix(settings),
            intents=intents_for(settings),
            allowed_mentions=NO_PINGS,
            help_command=None,
            owner_ids=set(settings.owner_ids) or None,
            shard_count=settings.shard_count,
            tree_cls=GuardedTree,
            **(LEAN_CACHES | options),
        )
        self.settings = settings
        self.coach = coach
        self.tree.error(self.on_app_command_error)
        self._saved_messages: deque[int] = deque(maxlen=512)
        self._buttons: list[type[discord.ui.DynamicItem[Any]]] = []
        self.dispatcher = build_dispatcher(settings, coach, DiscordDmSender(self))

    def add_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        """Register persistent buttons, remembering them to tell a stale id from theirs."""
        self._buttons.extend(items)
        for item in items:
            guard_callback(item)  # an error in a press is answered, never left hanging
        super().add_dynamic_items(*items)

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """A press on a button whose id fits none of the registered buttons (an older
        version's, or forged) gets the private "no longer valid" reply."""
        if interaction.type is not discord.InteractionType.component:
            return
        data: Any = interaction.data or {}
        if not known_id(str(data.get("custom_id", "")), self._buttons):
            await answer_stale(interaction)

    async def process_commands(self, message: discord.Message, /) -> None:
        """Typed commands read the message's text only once it passed the input guard."""
        message.content = guard.clean(message.content)
        await super().process_commands(message)

    async def setup_hook(self) -> None:
        for name in COGS:  # each cog registers its own persistent buttons in setup()
            await self.load_extension(name)
        apply_installs(self.tree)
        await self.sync_commands()
        self.dispatcher.start()

    async def close(self) -> None:
        await self.dispatcher.stop()
        await super().close()
        await _drain_handlers(self.drain_seconds)

    drain_seconds = 5.0  # how long close() waits for commands already running

    # command sync ----------------------------------------------------------------

    def command_digest(self) -> str:
        payload = sorted(
            (c.to_dict(self.tree) for c in self.tree.get_commands()),
            key=lambda d: str(d.get("name")),
        )
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()

    async def sync_commands(self, *, force: bool = False) -> str:
        """Sync to the dev server if set; globally only when the command set changed."""
        if self.settings.dev_guild_id is not None:
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
            log.info("synced commands to dev guild %s", self.settings.dev_guild_id)
        digest = self.command_digest()
        if force or await self.coach.server.command_set_changed(digest):
            await self.tree.sync()
            await self.coach.server.remember_command_set(digest)
            log.info("synced global commands (%s)", digest[:12])
            return "synced"
        log.info("global commands unchanged (%s); no sync", digest[:12])
        return "unchanged"

    # errors ----------------------------------------------------------------------

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.NoPrivateMessage):
            name = interaction.command.qualified_name if interaction.command else "That"
            await self.answer(interaction, f"/{name} is about a server, so it works only in "
                              "a server that added liftcoach, not in DMs. Your own commands "
                              "(/log, /stats, /history ...) work everywhere.")
            return
        if isinstance(error, app_commands.CheckFailure):
            if not interaction.response.is_done():  # a check that refused already said why
                text = "You don't have permission to use this command here."
                await self.answer(interaction, text)
            return
        original = root_error(error)
        if is_outage(original):  # the database did not answer: try again
            name = interaction.command.qualified_name if interaction.command else "?"
            await answer_failure(interaction, failure_reply(original, f"/{name}",
                                                            interaction.user.id))
            return
        error_id = uuid.uuid4().hex[:8]
        log.error(
            "error %s in /%s (user %s, guild %s)", error_id,
            interaction.command.qualified_name if interaction.command else "?",
            interaction.user.id, interaction.guild_id, exc_info=original,
        )
        saved = bool(interaction.extras.get("saved"))
        status = "Your set was saved." if saved else "Nothing was saved."
        await self.answer(interaction, f"Something went wrong on my side. {status} "
                                       f"(error id {error_id})")

    async def on_command_error(
        self, ctx: commands.Context[Any], error: Exception
    ) -> None:
        """Typed commands, and hybrid commands used as slash commands, end up here."""
        if isinstance(error, commands.CommandNotFound):
            return
        if isinstance(error, commands.UserInputError):
            text = (f"{error} Example: `{ctx.clean_prefix}log squat 5x5 rir2` "
                    "(or `/help` for every command).")
        elif isinstance(error, commands.CheckFailure):
            text = "You can't use that command."
        elif is_outage(root_error(error)):
            reply = failure_reply(root_error(error), f"command {ctx.command}", ctx.author.id)
            await ctx.send(embed=to_embed(reply), ephemeral=True, allowed_mentions=NO_PINGS)
            return
        else:
            error_id = uuid.uuid4().hex[:8]
            log.error("error %s in command %s (user %s, guild %s)", error_id, ctx.command,
                      ctx.author.id, ctx.guild.id if ctx.guild else None,
                      exc_info=getattr(error, "original", error))
            status = "Your set was saved." if self.was_saved(ctx) else "Nothing was saved."
            text = f"Something went wrong on my side. {status} (error id {error_id})"
        await ctx.send(text, ephemeral=True, allowed_mentions=NO_PINGS)

    def mark_saved(self, ctx: commands.Context[Any]) -> None:
        """Remember that this command stored data, so an error reply can say so."""
        if ctx.interaction is not None:
            ctx.interaction.extras["saved"] = True
        else:
            self._saved_messages.append(ctx.message.id)

    def was_saved(self, ctx: commands.Context[Any]) -> bool:
        if ctx.interaction is not None:
            return bool(ctx.interaction.extras.get("saved"))
        return ctx.message.id in self._saved_messages

    @staticmethod
    async def answer(interaction: discord.Interaction[Any], text: str) -> None:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(text, ephemeral=True,
                                                    allowed_mentions=NO_PINGS)
