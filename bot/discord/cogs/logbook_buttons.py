"""The buttons under a log reply: Undo, and one per choice the reply offers.

The Undo button is persistent, because its custom id carries everything it needs:
the author and the entry ids as runs (one log's entries get consecutive ids, so a
run is short), so after a restart discord.py rebuilds the button from the id alone
and the press still works; only the author may use it.

A log the coach read one way when another was plausible also gets one button per
choice ("Log it as 16 sets of 10"). Its custom id is ``offer:<author id>:<offer
id>``: the other reading itself is stored by the coach under the offer id, so the id
stays short whatever the reading says. Only the author may press it; an id that is
forged, used or stale is refused privately and changes nothing.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.coach.replies import Reply
from bot.discord.inputs import answer_stale, fits
from bot.discord.render import NO_PINGS, to_embed

if TYPE_CHECKING:
    from bot.discord.client import LiftBot

CUSTOM_ID_LIMIT = 100  # Discord's limit for a component's custom id
MAX_UNDO_ENTRIES = 200


def pack(entry_ids: tuple[int, ...]) -> str:
    """Entry ids as runs: ``4-9,12``. One log's entries are usually consecutive."""
    runs: list[list[int]] = []
    for i in sorted(set(entry_ids)):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def unpack(text: str) -> tuple[int, ...]:
    ids: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        start = int(first)
        stop = min(int(last or first), start + MAX_UNDO_ENTRIES - len(ids) - 1)
        ids.extend(range(start, stop + 1))
        if len(ids) >= MAX_UNDO_ENTRIES:
            break
    return tuple(ids)


UNDO_ID = re.compile(
    r"undo:(?P<user>[0-9]+):(?P<entries>[0-9]+(?:-[0-9]+)?(?:,[0-9]+(?:-[0-9]+)?)*)")
CHOICE_ID = re.compile(r"offer:(?P<user>[0-9]+):(?P<offer>[0-9]+)")


class UndoButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=UNDO_ID):
    """``stale`` keeps the id of a press that no Undo of the bot's could carry (a run
    backwards, an id past 64 bits): the press is answered "no longer valid"."""

    def __init__(self, user_id: int, entry_ids: tuple[int, ...], *,
                 stale: str | None = None) -> None:
        self.user_id = user_id
        self.entry_ids = entry_ids
        self.valid = stale is None
        prefix = f"undo:{user_id}:"
        packed = pack(entry_ids)
        while len(prefix) + len(packed) > CUSTOM_ID_LIMIT and "," in packed:
            packed = packed.rsplit(",", 1)[0]  # drop whole runs, never half an id
        super().__init__(
            discord.ui.Button(
                label="Undo", style=discord.ButtonStyle.secondary, emoji="↩️",
                custom_id=stale or prefix + packed,
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> UndoButton:
        user, entries = int(match.group("user")), unpack(match.group("entries"))
        if not entries or not fits(user, *entries):
            return cls(user, (), stale=match.string)
        return cls(user, entries)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if not self.valid:
            await answer_stale(interaction)
            return False
        if interaction.user.id == self.user_id:
            return True
        await interaction.response.send_message(
            "Only the lifter who logged this can undo it.", ephemeral=True,
            allowed_mentions=NO_PINGS,
        )
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: LiftBot = interaction.client
        reply = await bot.coach.logbook.undo_entries(str(self.user_id), self.entry_ids)
        await interaction.response.send_message(
            embed=to_embed(reply), ephemeral=True, allowed_mentions=NO_PINGS
        )
        if not reply.is_error and interaction.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await interaction.message.edit(view=None, allowed_mentions=NO_PINGS)


def undo_view(user_id: int, entry_ids: tuple[int, ...]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(UndoButton(user_id, entry_ids))
    return view


LABEL_LIMIT = 80  # Discord's limit for a button's label
MAX_CHOICES = 20  # with Undo, well inside a message's 25 buttons


class ChoiceButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=CHOICE_ID):
    """Takes one choice a log reply offered: the coach replaces that log's entries."""

    def __init__(self, user_id: int, offer_id: int, label: str = "Log the other reading") -> None:
        self.user_id = user_id
        self.offer_id = offer_id
        self.valid = fits(user_id, offer_id)
        super().__init__(
            discord.ui.Button(label=clip(label, LABEL_LIMIT), style=discord.ButtonStyle.primary,
                              custom_id=f"offer:{user_id}:{offer_id}")
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> ChoiceButton:
        label = item.label if isinstance(item, discord.ui.Button) and item.label else None
        return cls(int(match.group("user")), int(match.group("offer")),
                   label or "Log the other reading")

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if not self.valid:
            await answer_stale(interaction)
            return False
        if interaction.user.id == self.user_id:
            return True
        await interaction.response.send_message(
            "Only the lifter who logged this can change it.", ephemeral=True,
            allowed_mentions=NO_PINGS,
        )
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: LiftBot = interaction.client
        reply = await bot.coach.logbook.switch_reading(str(self.user_id), self.offer_id)
        if reply.is_error:
            await interaction.response.send_message(
                embed=to_embed(reply), ephemeral=True, allowed_mentions=NO_PINGS)
            return
        sent: dict[str, Any] = {"embed": to_embed(reply), "ephemeral": reply.private,
                                "allowed_mentions": NO_PINGS}
        view = log_view(self.user_id, reply)
        if view is not None:
            sent["view"] = view
        await interaction.response.send_message(**sent)
        if interaction.message is not None:
            left = _without(interaction.message, self.custom_id, reply.replaced)
            with contextlib.suppress(discord.HTTPException):
                await interaction.message.edit(view=left, allowed_mentions=NO_PINGS)


def log_view(user_id: int, reply: Reply, *, undo: bool = True) -> discord.ui.View | None:
    """The buttons under a log reply: Undo (unless the edge undoes another way) and one
    per choice; None when there are none."""
    if undo and reply.entry_ids:
        view = undo_view(user_id, reply.entry_ids)
    else:
        view = discord.ui.View(timeout=None)
    for choice in reply.choices[:MAX_CHOICES]:
        view.add_item(ChoiceButton(user_id, choice.offer_id, choice.label))
    return view if view.children else None


def _without(
    message: discord.Message, pressed: str, replaced: tuple[int, ...]
) -> discord.ui.View | None:
    """The message's buttons once a choice on it was taken: that choice goes, and Undo
    keeps only the entries that were not replaced."""
    view = discord.ui.View(timeout=None)
    gone = set(replaced)
    for row in message.components:
        for part in getattr(row, "children", ()):
            custom_id = getattr(part, "custom_id", None) or ""
            undo = UNDO_ID.fullmatch(custom_id)
            choice = CHOICE_ID.fullmatch(custom_id)
            if undo is not None:
                kept = tuple(i for i in unpack(undo.group("entries")) if i not in gone)
                if kept:
                    view.add_item(UndoButton(int(undo.group("user")), kept))
            elif choice is not None and custom_id != pressed:
                view.add_item(ChoiceButton(int(choice.group("user")),
                                           int(choice.group("offer")),
                                           getattr(part, "label", None) or ""))
    return view if view.children else None


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


