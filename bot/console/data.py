"""Console commands for the lifter's data: /export, /import and /forget-me.

The console reads and writes files itself (it is the edge); the coach only sees
bytes and returns replies. Typed exactly as in Discord, plus the two steps a
button does there: ``/import confirm`` and ``/forget-me confirm``.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from bot.coach.replies import Reply, error_reply
from bot.console.commands import ConsoleContext, command
from bot.console.files import inside

_IMPORT_EXAMPLE = "/import path:strong_workouts.csv format:auto"


@command("export")
async def export(ctx: ConsoleContext) -> Reply:
    result = await ctx.coach.data.export(ctx.user_id)
    saved = []
    try:
        for file in result.files:
            saved.append(await asyncio.to_thread(_write, ctx.out_dir, file.name, file.data))
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or err
        return error_reply(f"I can't write to {ctx.out_dir}: {reason}.",
                           "Start the console in a folder you can write to.", "/export")
    return replace(result.reply, lines=(*result.reply.lines,
                                        *(f"Saved to {path}" for path in saved)))


@command("import")
async def import_(ctx: ConsoleContext) -> Reply:
    words = ctx.line.words
    step = words[0].lower() if words else ""
    if step in ("confirm", "cancel"):
        pending = _pending_id(words[1:])
        if isinstance(pending, Reply):
            return pending
        if step == "confirm":
            return await ctx.coach.data.import_confirm(ctx.user_id, pending)
        return await ctx.coach.data.import_cancel(ctx.user_id, pending)
    path_text = ctx.line.options.get("path") or ctx.line.options.get("file") or (
        words[0] if words else "")
    if not path_text:
        return error_reply("Give the file to import with path:FILE.",
                           "Export CSV from Strong or Hevy (or /export here) first.",
                           _IMPORT_EXAMPLE)
    found = await asyncio.to_thread(_read, path_text, ctx)
    if isinstance(found, Reply):
        return found
    name, data = found
    mapping = ctx.line.rest.partition("map:")[2].strip().strip('"') or None
    mapping = mapping.split(" unit:")[0].strip().strip('"') if mapping else None
    preview = await ctx.coach.data.import_preview(
        ctx.user_id, ctx.guild_id, name, data,
        ctx.line.options.get("format", "auto"), mapping, ctx.line.options.get("unit"),
    )
    if preview.pending_id is None:
        return preview.reply
    lines = list(preview.reply.lines)
    if preview.pounds_hint:
        lines.append(f"To read them as pounds, type: /import cancel, then "
                     f"/import path:{path_text} unit:lb")
    lines.append(f"Type /import confirm to add them (or /import-confirm {preview.pending_id}), "
                 "or /import cancel.")
    return replace(preview.reply, lines=tuple(lines))


@command("import-confirm")
async def import_confirm(ctx: ConsoleContext) -> Reply:
    pending = _pending_id(ctx.line.words)
    if isinstance(pending, Reply):
        return pending
    return await ctx.coach.data.import_confirm(ctx.user_id, pending)


@command("forget-me")
async def forget_me(ctx: ConsoleContext) -> Reply:
    if ctx.line.words[:1] == ("confirm",):
        return await ctx.coach.data.forget_me_confirm(ctx.user_id)
    reply = await ctx.coach.data.forget_me_request(ctx.user_id)
    if reply.tone != "warning":
        return reply
    return replace(reply, lines=(*reply.lines, "Type /forget-me confirm to erase everything."))


def _pending_id(words: tuple[str, ...]) -> int | Reply | None:
    """An import number (``7`` or ``#7``) if given; None means the latest."""
    if not words:
        return None
    text = words[0].lstrip("#")
    if not text.isdecimal():
        return error_reply(f"'{words[0]}' is not an import number.",
                           "Use the number the preview showed, or leave it out for the "
                           "latest.", "/import confirm 7")
    return int(text)


def _write(folder: Path, name: str, data: bytes) -> Path:
    """``data`` under a safe version of ``name`` inside ``folder``, never outside it."""
    target = inside(folder, name)
    target.write_bytes(data)
    return target


def _read(path_text: str, ctx: ConsoleContext) -> tuple[str, bytes] | Reply:
    """The file's name and bytes; its size is checked before reading it."""
    shown = path_text if len(path_text) <= 80 else path_text[:79] + "…"
    try:
        path = Path(path_text).expanduser()
        if not path.is_file():
            return error_reply(f"There is no file {shown}.", "Check the path; it is read "
                               "from where the console was started.", _IMPORT_EXAMPLE)
        too_big = ctx.coach.data.check_size(path.stat().st_size)
        if too_big is not None:
            return too_big
        return path.name, path.read_bytes()
    except (OSError, ValueError, RuntimeError) as err:  # RuntimeError: "~user" unknown
        return error_reply(f"I can't read {shown}: {getattr(err, 'strerror', None) or err}.",
                           "Give the path of a CSV file you can open.", _IMPORT_EXAMPLE)
