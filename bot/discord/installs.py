"""Where each slash command may be used: a server that added the bot, or anywhere.

Since 2024 a lifter can install an app for themselves and use it in any server, in
their DMs with the bot and in private channels. Commands about the lifter's own
training work everywhere; commands about a server (its boards, its log channel)
need a server that added the bot. The command table says which is which; this
module applies it to the tree before the commands are synced.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.coach.commands import COMMAND_TABLE

_SERVER_ONLY = frozenset(spec.name for spec in COMMAND_TABLE if spec.server_only)
ANYWHERE_INSTALLS = app_commands.AppInstallationType(guild=True, user=True)
ANYWHERE_CONTEXTS = app_commands.AppCommandContext(guild=True, dm_channel=True,
                                                   private_channel=True)
SERVER_INSTALLS = app_commands.AppInstallationType(guild=True, user=False)
SERVER_CONTEXTS = app_commands.AppCommandContext(guild=True, dm_channel=False,
                                                 private_channel=False)


def is_server_only(name: str) -> bool:
    return name in _SERVER_ONLY


def in_a_server_that_added_the_bot(interaction: discord.Interaction[Any]) -> bool:
    """The run-time half of a server-only command: Discord hides it elsewhere, but an
    old client or a stale command list can still send it; refuse with a reason."""
    if interaction.guild_id is None or not interaction.is_guild_integration():
        raise app_commands.NoPrivateMessage()
    return True


def apply_installs(tree: app_commands.CommandTree[Any]) -> None:
    """Mark every top-level command (and context menu) with where it may be used."""
    for command in tree.get_commands():
        server = command.name in _SERVER_ONLY
        command.allowed_installs = SERVER_INSTALLS if server else ANYWHERE_INSTALLS
        command.allowed_contexts = SERVER_CONTEXTS if server else ANYWHERE_CONTEXTS
        if not server:
            continue
        leaves = (command.walk_commands() if isinstance(command, app_commands.Group)
                  else [command])
        for leaf in leaves:
            if isinstance(leaf, app_commands.Command):
                leaf.add_check(in_a_server_that_added_the_bot)
