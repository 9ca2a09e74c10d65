"""Turning coach replies into Discord embeds that can ping nobody.

Discord refuses a message past its limits, so everything sent fits them: lines go
whole into the description, continue in fields when there are more, and whatever
still does not fit is left out whole and counted in one closing line. Text is never
cut inside a line, except a single line longer than a whole field, which ends at its
last full sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.coach.replies import Reply

NO_PINGS = discord.AllowedMentions.none()
COLOURS = {
    "ok": discord.Colour.green(),
    "info": discord.Colour.blurple(),
    "warning": discord.Colour.orange(),
    "error": discord.Colour.red(),
}
# Discord's own limits, in characters.
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_LIMIT = 1024
FIELDS_LIMIT = 25
FOOTER_LIMIT = 2048
EMBED_LIMIT = 6000  # title, description, fields and footer together
MESSAGE_LIMIT = 2000
_KEEP_FOR_LINES = 100  # an embed's fields leave this much for its lines at least
_MORE = "\u200b"  # a field that goes on with the description shows no name of its own


def _clip(text: str, limit: int) -> str:
    """A one-line text (a title, a name) within ``limit``, ended at a word."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _one_line(line: str, limit: int) -> str:
    """A line longer than ``limit`` ends at its last full sentence within it."""
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "), cut.rfind(": "))
    return cut[: end + 1] if end > 0 else _clip(line, limit)


def _left_out(count: int) -> str:
    return f"…and {count} more line{'s' if count != 1 else ''}, left out to fit one message."


def pack(lines: Sequence[str], limits: Sequence[int], room: int) -> list[str]:
    """``lines`` in whole lines, in parts of at most ``limits[i]`` characters and ``room``
    in all (a part after the first costs one more, for its blank name); when some do not
    fit, the last part ends with one line that counts them."""
    rest = list(lines)
    parts: list[list[str]] = []

    def budget(i: int) -> int:
        return min(limits[i], room - sum(_size(p) for p in parts[:i]) - i)

    for i in range(len(limits)):
        part: list[str] = []
        if rest and len(rest[0]) > limits[i] == budget(i):  # longer than a whole part
            rest[0] = _one_line(rest[0], limits[i])
        while rest and _size([*part, rest[0]]) <= budget(i):
            part.append(rest.pop(0))
        if not part:
            break
        parts.append(part)
    while rest and parts:  # room for the closing line: the last part gives up lines
        last = parts[-1]
        if _size([*last, _left_out(len(rest))]) <= budget(len(parts) - 1):
            last.append(_left_out(len(rest)))
            return ["\n".join(part) for part in parts]
        rest.insert(0, last.pop())
        if not last:
            parts.pop()
    if rest and len(_left_out(len(rest))) <= budget(0):
        parts = [[_left_out(len(rest))]]
    return ["\n".join(part) for part in parts]


def _size(lines: Sequence[str]) -> int:
    return sum(len(line) + 1 for line in lines) - 1 if lines else 0


def to_embed(reply: Reply) -> discord.Embed:
    footer = reply.footer or ""
    if reply.rule_ids:
        footer = f"Rules: {', '.join(reply.rule_ids)}" + (f" · {footer}" if footer else "")
    footer = _clip(footer, FOOTER_LIMIT)
    title = _clip(reply.title, TITLE_LIMIT)
    fields = [(_clip(name, FIELD_NAME_LIMIT),
               "\n".join(pack(value.splitlines(), [FIELD_LIMIT], FIELD_LIMIT)) or "—")
              for name, value in reply.fields[:FIELDS_LIMIT]]
    room = EMBED_LIMIT - len(title) - len(footer)
    # The reply's own fields that fit, with room kept for at least a line of the text.
    fields = _fields_within(fields, room - (_KEEP_FOR_LINES if reply.lines else 0))
    room -= sum(len(n) + len(v) for n, v in fields)
    parts = pack(reply.lines, [DESCRIPTION_LIMIT] + [FIELD_LIMIT] * (FIELDS_LIMIT - len(fields)),
                 room)
    embed = discord.Embed(title=title, description=parts[0] if parts and parts[0] else None,
                          colour=COLOURS[reply.tone])
    for part in parts[1:]:
        embed.add_field(name=_MORE, value=part, inline=False)
    for name, value in fields:
        embed.add_field(name=name, value=value, inline=len(value) < 40)
    if footer:
        embed.set_footer(text=footer)
    return embed


def _fields_within(fields: list[tuple[str, str]], room: int) -> list[tuple[str, str]]:
    kept: list[tuple[str, str]] = []
    for name, value in fields:
        room -= len(name) + len(value)
        if room < 0:
            break
        kept.append((name, value))
    return kept


def short_text(reply: Reply, limit: int = MESSAGE_LIMIT) -> str:
    """A compact plain message (for the passive channel): title and advice lines, in
    whole lines within one message."""
    title = f"**{_clip(reply.title, TITLE_LIMIT)}**"
    return "\n".join((title, *pack(reply.lines, [limit - len(title) - 1], limit)))
