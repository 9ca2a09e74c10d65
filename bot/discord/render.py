"""Turning coach replies into Discord embeds that can ping nobody."""

from __future__ import annotations

import discord

from bot.coach.replies import Reply

NO_PINGS = discord.AllowedMentions.none()
COLOURS = {
    "ok": discord.Colour.green(),
    "info": discord.Colour.blurple(),
    "warning": discord.Colour.orange(),
    "error": discord.Colour.red(),
}
_DESCRIPTION_LIMIT = 4000
_FIELD_LIMIT = 1000


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_embed(reply: Reply) -> discord.Embed:
    embed = discord.Embed(
        title=_clip(reply.title, 250),
        description=_clip("\n".join(reply.lines), _DESCRIPTION_LIMIT) or None,
        colour=COLOURS[reply.tone],
    )
    for name, value in reply.fields[:25]:
        embed.add_field(name=_clip(name, 250), value=_clip(value, _FIELD_LIMIT) or "—",
                        inline=len(value) < 40)
    footer = reply.footer or ""
    if reply.rule_ids:
        footer = f"Rules: {', '.join(reply.rule_ids)}" + (f" · {footer}" if footer else "")
    if footer:
        embed.set_footer(text=_clip(footer, 2000))
    return embed


def short_text(reply: Reply, limit: int = 1900) -> str:
    """A compact plain message (for the passive channel): title and advice lines."""
    return _clip("\n".join((f"**{reply.title}**", *reply.lines)), limit)
