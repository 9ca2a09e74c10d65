"""The terminal edge: the same coach, one message at a time, replies printed.

Each reply is printed and flushed only after the coach returned it, and the
coach commits before returning, so a printed confirmation is always on disk.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from bot.coach import Coach
from bot.coach.outage import is_outage, outage_reply
from bot.coach.replies import Reply, error_reply
from bot.console import (  # noqa: F401  (each area registers its commands)
    boards,
    challenges,
    data,
    info,
    logbook,
    plan,
    profile,
    progress,
    recap,
    reminders,
)
from bot.console.choices import ChoiceNumbers
from bot.console.command_line import CommandLine, split_command
from bot.console.commands import COMMANDS, ConsoleContext
from bot.console.lines import MessageReader
from bot.console.render import render_text
from bot.domain import guard

PROMPT = "liftcoach> "
QUIT = {"quit", "exit", "q"}
WELCOME = ("liftcoach: type /help for every command, /log to store sets "
           "(paste a whole session after it); /quit or Ctrl-D to leave.")


async def dispatch(
    coach: Coach, user_id: str, guild_id: str, line: str, out_dir: Path = Path("."),
    choices: ChoiceNumbers | None = None,
) -> Reply | None:
    """Run one typed line; None for a blank line. Files (exports, charts) go to ``out_dir``;
    ``choices`` numbers the choices printed so far (``/other N``).

    The line passes the input guard first (no control characters), as Discord's do."""
    line = guard.clean(line)
    if not line.strip():
        return None
    cmd = split_command(line)
    if cmd is None:
        typed = line.strip()[:60]
        first = typed.split(maxsplit=1)[0].lower()
        if first in COMMANDS:  # a command name without its slash
            return error_reply("Commands start with a slash.", f"Type /{first} to run it.",
                               f"/{typed}", title="Not a command")
        return error_reply(
            "Commands start with a slash.", "To store sets, start the line with /log.",
            f"/log {typed}", title="Not a command",
        )
    return await _run(coach, user_id, guild_id, cmd, out_dir, choices or ChoiceNumbers())


async def _run(
    coach: Coach, user_id: str, guild_id: str, cmd: CommandLine, out_dir: Path,
    choices: ChoiceNumbers,
) -> Reply:
    handler = COMMANDS.get(cmd.name)
    if handler is None:
        return error_reply(
            f"There is no command /{cmd.name}.", "Type /help to see every command.", "/help",
            title="Unknown command",
        )
    try:
        return await handler(ConsoleContext(coach, user_id, guild_id, cmd, out_dir, choices))
    except Exception as err:  # the database did not answer: the console keeps running
        if not is_outage(err):
            raise
        return outage_reply(err)


async def run_console(
    coach: Coach, user_id: str, guild_id: str, stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Read messages until the end of input or /quit; a prompt only when a person types."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty()
    reader = MessageReader(stdin)
    choices = ChoiceNumbers()
    if interactive:
        stdout.write(WELCOME + "\n")
    try:
        while True:
            if interactive:
                stdout.write(PROMPT)
                stdout.flush()
            message = await reader.message()
            if message is None:
                break
            if message.strip().lstrip("/").lower() in QUIT:
                break
            reply = await dispatch(coach, user_id, guild_id, message, choices=choices)
            if reply is not None:
                stdout.write(render_text(reply, choices) + "\n")
                stdout.flush()
    finally:
        if interactive:
            stdout.write("\n")
            stdout.flush()
    try:
        await coach.boards.save_kept(every=timedelta(0))  # the next run starts from them
    except Exception as err:
        if not is_outage(err):
            raise
        stdout.write("liftcoach: the database did not answer; the boards are computed "
                     "again next time.\n")
    return 0
