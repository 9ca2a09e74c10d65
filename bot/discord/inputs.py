"""What Discord sends passes the input guard before a cog reads it.

Slash and autocomplete options, and the names of attached files, are cleaned in
place by the command tree's check (``bot.domain.guard``: no control characters, no
lone surrogates), typed messages by the bot before it reads a command. A press on a
button whose id fits none of the buttons the bot registers (one from an older
version, or forged) is answered privately: the button is no longer valid. So is one
of their shape holding what none of them ever holds (``undo:1:5-1``, a 30-digit id):
each button checks its numbers with :func:`fits` before it acts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import discord
from discord import app_commands

from bot.coach.logbook import no_longer_valid
from bot.discord.render import NO_PINGS, to_embed
from bot.domain import guard

MAX_ID = (1 << 63) - 1
"""Database ids and Discord's snowflakes fit in a signed 64-bit integer."""


def fits(*numbers: int) -> bool:
    """Whether every number in a button's id is one a real button could carry."""
    return all(0 < n <= MAX_ID for n in numbers)


def cleaned(value: Any) -> Any:
    """``value`` (a payload: dicts, lists, strings) with every string guarded."""
    if isinstance(value, str):
        return guard.clean(value)
    if isinstance(value, dict):
        return {k: cleaned(v) for k, v in value.items()}
    if isinstance(value, list):
        return [cleaned(v) for v in value]
    return value


class GuardedTree(app_commands.CommandTree[Any]):
    """The command tree, checking every command's options before it runs."""

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        data: Any = interaction.data
        if isinstance(data, dict):
            for part in ("options", "resolved"):
                if part in data:
                    data[part] = cleaned(data[part])
        return True


def known_id(custom_id: str, items: Iterable[type[discord.ui.DynamicItem[Any]]]) -> bool:
    """Whether ``custom_id`` has the shape of one of ``items`` (the registered buttons)."""
    return any(item.__discord_ui_compiled_template__.fullmatch(custom_id) for item in items)


async def answer_stale(interaction: discord.Interaction[Any]) -> None:
    """The private reply to a button the bot can no longer act on."""
    if interaction.response.is_done():
        return
    await interaction.response.send_message(embed=to_embed(no_longer_valid()), ephemeral=True,
                                            allowed_mentions=NO_PINGS)
