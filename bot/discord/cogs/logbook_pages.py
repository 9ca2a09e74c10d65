"""/history's page buttons and /undo's pick of entries, both persistent.

Each custom id carries its owner and what the press needs: a page button
``hist:<owner>:<page>:<days>:<exercise>`` (the filters the page was shown with), the
pick ``undopick:<owner>:<entry ids as runs>``. A press by anyone but the owner is
refused privately and changes nothing; the coach scopes every read and removal by
the lifter who presses, so a forged id reaches nobody else's data either.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.coach.replies import Reply
from bot.discord.cogs.logbook_buttons import CUSTOM_ID_LIMIT, clip, pack, unpack
from bot.discord.inputs import answer_stale, fits
from bot.discord.render import NO_PINGS, to_embed

if TYPE_CHECKING:
    from bot.discord.client import LiftBot

PAGE_ID = re.compile(
    r"hist:(?P<user>[0-9]+):(?P<page>[0-9]{1,5}):(?P<days>[0-9]{0,5}):(?P<exercise>.*)")
PICK_ID = re.compile(
    r"undopick:(?P<user>[0-9]+):(?P<entries>[0-9]+(?:-[0-9]+)?(?:,[0-9]+(?:-[0-9]+)?)*)")
OPTION_LIMIT = 25  # Discord's limit for a select's options
OPTION_LABEL_LIMIT = 100
ALL = "all"


async def _refuse(interaction: discord.Interaction[Any], text: str) -> None:
    await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


class PageButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=PAGE_ID):
    """Shows another page of the owner's /history in place, with the same filters."""

    def __init__(self, user_id: int, page: int, days: int | None, exercise: str | None,
                 label: str = "Older ▶") -> None:
        self.user_id, self.page, self.days, self.exercise = user_id, page, days, exercise
        self.valid = fits(user_id, page)
        custom_id = f"hist:{user_id}:{page}:{days or ''}:{exercise or ''}"
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.secondary,
                                           custom_id=custom_id))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> PageButton:
        days = int(match.group("days")) if match.group("days") else None
        return cls(int(match.group("user")), int(match.group("page")), days,
                   match.group("exercise") or None)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if not self.valid:
            await answer_stale(interaction)
            return False
        if interaction.user.id == self.user_id:
            return True
        await _refuse(interaction, "Only the lifter whose history this is can turn its pages.")
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: LiftBot = interaction.client
        reply = await bot.coach.logbook.history(str(self.user_id), self.exercise,
                                                page=self.page, days=self.days)
        await interaction.response.edit_message(embed=to_embed(reply),
                                                view=history_view(self.user_id, reply),
                                                allowed_mentions=NO_PINGS)


def history_view(user_id: int, reply: Reply) -> discord.ui.View | None:
    """Newer and older pages of a /history reply (only the ones there are)."""
    paging = reply.paging
    if paging is None or reply.is_error:
        return None
    view = discord.ui.View(timeout=None)
    for page, label in ((paging.page - 1, "◀ Newer"), (paging.page + 1, "Older ▶")):
        if not 1 <= page <= paging.pages:
            continue
        button = PageButton(user_id, page, paging.days, paging.exercise, label)
        if len(button.custom_id) <= CUSTOM_ID_LIMIT:  # a very long name of one's own
            view.add_item(button)
    return view if view.children else None


class UndoPick(discord.ui.DynamicItem[discord.ui.Select[Any]], template=PICK_ID):
    """Removes the entries of the owner's last log they pick (or all of them)."""

    def __init__(self, user_id: int, entry_ids: tuple[int, ...],
                 options: list[discord.SelectOption] | None = None, *,
                 stale: str | None = None) -> None:
        self.user_id = user_id
        self.entry_ids = entry_ids
        self.valid = stale is None  # a pick no reply of the bot's carried: no longer valid
        prefix = f"undopick:{user_id}:"
        packed = pack(entry_ids)
        while len(prefix) + len(packed) > CUSTOM_ID_LIMIT and "," in packed:
            packed = packed.rsplit(",", 1)[0]  # drop whole runs, never half an id
        chosen = options or [discord.SelectOption(label="All of them", value=ALL)]
        super().__init__(discord.ui.Select(
            custom_id=stale or prefix + packed, placeholder="Pick what to remove",
            min_values=1, max_values=len(chosen), options=chosen))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> UndoPick:
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
        await _refuse(interaction, "Only the lifter who logged this can undo it.")
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: LiftBot = interaction.client
        data: dict[str, Any] = dict(interaction.data or {})
        values = [str(v) for v in data.get("values", [])]
        known = set(self.entry_ids)
        ids = self.entry_ids if ALL in values else tuple(
            int(v) for v in values if v.isdecimal() and int(v) in known)
        reply = await bot.coach.logbook.undo_entries(str(self.user_id), ids)
        await interaction.response.edit_message(embed=to_embed(reply), view=None,
                                                allowed_mentions=NO_PINGS)


def undo_pick_view(user_id: int, reply: Reply) -> discord.ui.View | None:
    """The pick under an "Undo which?" reply: all of the log, or the entries chosen."""
    if not reply.picks:
        return None
    options = [discord.SelectOption(label=f"All {len(reply.picks)} of them", value=ALL)]
    options += [discord.SelectOption(label=clip(p.label, OPTION_LABEL_LIMIT),
                                     value=str(p.entry_id))
                for p in reply.picks[:OPTION_LIMIT - 1]]
    view = discord.ui.View(timeout=None)
    view.add_item(UndoPick(user_id, tuple(p.entry_id for p in reply.picks), options))
    return view
