"""The console's command table: each area registers its commands in its own module."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.console.choices import ChoiceNumbers
from bot.console.command_line import CommandLine


@dataclass(frozen=True)
class ConsoleContext:
    coach: Coach
    user_id: str
    guild_id: str
    line: CommandLine
    out_dir: Path = Path(".")
    choices: ChoiceNumbers = field(default_factory=ChoiceNumbers)


Handler = Callable[[ConsoleContext], Awaitable[Reply]]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = handler
        return handler

    return register
