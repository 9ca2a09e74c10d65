"""A command or a button that fails still answers: privately, and in one sentence.

An outage (the database did not answer, see ``bot.coach.outage``) gets the "try
again" reply; any other error a short apology with an id that is also in the log,
next to the traceback. Every button and select the bot registers has its callback
wrapped here once (``LiftBot.add_dynamic_items``), so no press goes unanswered.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.coach.outage import is_outage, outage_reply
from bot.coach.replies import Reply
from bot.discord.render import NO_PINGS, to_embed

log = logging.getLogger("liftcoach.discord")

Callback = Callable[[Any, discord.Interaction[Any]], Awaitable[None]]


def failure_reply(err: BaseException, where: str, user_id: int) -> Reply:
    """The reply to ``err``; anything but an outage is logged with its traceback."""
    if is_outage(err):
        log.warning("database outage in %s (user %s): %s", where, user_id, err)
        return outage_reply(err)
    error_id = uuid.uuid4().hex[:8]
    log.error("error %s in %s (user %s)", error_id, where, user_id, exc_info=err)
    return Reply(title="Something went wrong on my side",
                 lines=(f"Nothing more was done; try again. (error id {error_id})",),
                 tone="error", private=True)


async def answer_failure(interaction: discord.Interaction[Any], reply: Reply) -> None:
    embed = to_embed(reply)
    if interaction.response.is_done():
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_PINGS)
    else:
        await interaction.response.send_message(embed=embed, ephemeral=True,
                                                allowed_mentions=NO_PINGS)


def guard_callback(item: type[discord.ui.DynamicItem[Any]]) -> None:
    """Wrap ``item``'s callback (once) so that an error in it is answered."""
    original: Callback = item.callback
    if getattr(original, "_answers_failures", False):
        return

    @functools.wraps(original)
    async def callback(self: Any, interaction: discord.Interaction[Any]) -> None:
        try:
            await original(self, interaction)
        except Exception as err:
            reply = failure_reply(err, f"button {item.__name__}", interaction.user.id)
            try:
                await answer_failure(interaction, reply)
            except discord.HTTPException:
                log.warning("could not answer a failed press of %s", item.__name__)

    callback._answers_failures = True  # type: ignore[attr-defined]
    setattr(item, "callback", callback)  # noqa: B010
