"""Slash commands, console, /help and README all match bot/coach/commands.py.

A command added to one layer and forgotten in another fails here, with the layer and
the names that differ. The Discord side is the real bot's command tree, built by
loading every cog without logging in.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

import bot.console.run  # noqa: F401  (registers every console area)
from bot.coach import Coach
from bot.coach.commands import COMMAND_TABLE, MESSAGE_MENUS
from bot.config import Settings
from bot.console.commands import COMMANDS as CONSOLE_COMMANDS
from bot.discord.client import COGS, LiftBot
from bot.storage.sqlite import SQLiteStorage

ROOT = Path(__file__).resolve().parent.parent
BY_NAME = {spec.name: spec for spec in COMMAND_TABLE}
AppCommand = app_commands.Command[Any, ..., Any] | app_commands.Group | app_commands.ContextMenu


def mismatch(layer: str, found: Iterable[str], expected: Iterable[str]) -> str:
    """Empty when they agree; otherwise what the layer has extra and what it lacks."""
    found, expected = set(found), set(expected)
    extra, missing = sorted(found - expected), sorted(expected - found)
    if not extra and not missing:
        return ""
    return f"{layer}: not in the table {extra}, missing {missing}"


@pytest.fixture
async def sqlite_coach(tmp_path: Path) -> AsyncIterator[Coach]:
    storage = await SQLiteStorage.open(tmp_path / "coach.db")
    yield Coach(storage)
    await storage.close()


@pytest.fixture
async def lift_bot(sqlite_coach: Coach) -> AsyncIterator[LiftBot]:
    """The real bot with every cog loaded; it never logs in or syncs."""
    bot = LiftBot(Settings(token="x"), sqlite_coach)
    for name in COGS:
        await bot.load_extension(name)
    yield bot
    for name in COGS:  # stops the cogs' loops (the boards' upkeep) before the storage
        await bot.unload_extension(name)
    await bot.http.close()


def test_the_table_names_each_command_once() -> None:
    names = [spec.name for spec in COMMAND_TABLE]
    aliases = [alias for spec in COMMAND_TABLE for alias in spec.console_aliases]
    assert len(set(names + aliases)) == len(names) + len(aliases)
    for spec in COMMAND_TABLE:
        assert spec.edges and spec.usage.startswith(f"/{spec.name}"), spec


def test_the_table_is_pure_data() -> None:
    text = (ROOT / "bot" / "coach" / "commands.py").read_text("utf-8")
    assert "import discord" not in text and "from discord" not in text
    assert "bot.console" not in text and "bot.discord" not in text


def _module_of(command: AppCommand) -> str:
    if isinstance(command, app_commands.Group):
        return type(command).__module__
    return command.callback.__module__


async def test_slash_commands_match_the_table(lift_bot: LiftBot) -> None:
    slash = discord.AppCommandType.chat_input
    tree = {c.name: c for c in lift_bot.tree.get_commands(type=slash)}
    problem = mismatch("slash commands", tree, [s.name for s in COMMAND_TABLE if s.in_discord])
    assert not problem, problem
    for name, command in tree.items():
        spec = BY_NAME[name]
        subs = [sub.name for sub in command.commands] if isinstance(
            command, app_commands.Group) else []
        problem = mismatch(f"/{name} subcommands", subs, spec.subcommands)
        assert not problem, problem
        assert _module_of(command) == f"bot.discord.cogs.{spec.area}", (
            f"/{name} is defined in {_module_of(command)}, not cogs/{spec.area}.py")


async def test_message_menus_match_the_table(lift_bot: LiftBot) -> None:
    menus = {c.name: c for c in lift_bot.tree.get_commands(type=discord.AppCommandType.message)}
    problem = mismatch("message menus", menus, [m.name for m in MESSAGE_MENUS])
    assert not problem, problem
    others = lift_bot.tree.get_commands(type=discord.AppCommandType.user)
    assert others == [], "a user menu the table does not list"
    for spec in MESSAGE_MENUS:
        assert _module_of(menus[spec.name]) == f"bot.discord.cogs.{spec.area}"


async def test_typed_commands_match_the_table(lift_bot: LiftBot) -> None:
    """Prefix commands (`!log`): the table's typed ones; hidden owner tools aside."""
    typed = [c.name for c in lift_bot.commands if not c.hidden]
    problem = mismatch("typed commands", typed, [s.name for s in COMMAND_TABLE if s.typed])
    assert not problem, problem


def test_console_commands_match_the_table() -> None:
    wanted = {spec.name: spec for spec in COMMAND_TABLE if spec.in_console}
    wanted |= {alias: spec for spec in COMMAND_TABLE if spec.in_console
               for alias in spec.console_aliases}
    problem = mismatch("console commands", CONSOLE_COMMANDS, wanted)
    assert not problem, problem
    for name, handler in CONSOLE_COMMANDS.items():
        area = wanted[name].area
        assert handler.__module__ == f"bot.console.{area}", (
            f"/{name} is defined in {handler.__module__}, not console/{area}.py")


async def test_help_lists_every_command_and_nothing_else(sqlite_coach: Coach) -> None:
    lines = (await sqlite_coach.info.help()).lines
    text = "\n".join(lines)
    mentioned = re.findall(r"`/([a-z-]+)", text)
    problem = mismatch("/help", mentioned, BY_NAME)
    assert not problem, problem
    for spec in COMMAND_TABLE:
        assert any(line.startswith(f"`{spec.usage}`") for line in lines), spec.usage
        for sub in spec.subcommands:
            assert f"/{spec.name} {sub}" in text, f"/help does not mention /{spec.name} {sub}"
    for menu in MESSAGE_MENUS:
        assert f"**{menu.name}**" in text, f"/help does not mention the menu {menu.name}"


def readme_commands() -> list[list[str]]:
    """The backticked commands in the first column of README's "## Commands" table."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("\n## Commands\n", 1)[1]
    section = re.split(r"\n#{2,3} ", section, maxsplit=1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [re.findall(r"`(/[^`]+)`", row.split(" | ", 1)[0]) for row in rows]


def test_readme_names_every_message_menu_beside_the_commands() -> None:
    section = (ROOT / "README.md").read_text("utf-8").split("\n## Commands\n", 1)[1]
    section = re.split(r"\n## ", section, maxsplit=1)[0]
    for menu in MESSAGE_MENUS:
        assert f"*{menu.name}*" in section, f"README's Commands do not name {menu.name}"


def test_readme_lists_every_command_and_nothing_else() -> None:
    rows = readme_commands()
    names = [forms[0].split()[0].removeprefix("/") for forms in rows]
    problem = mismatch("README", names, BY_NAME)
    assert not problem, problem
    assert names == [spec.name for spec in COMMAND_TABLE], "README rows are in another order"
    for forms in rows:
        spec = BY_NAME[forms[0].split()[0].removeprefix("/")]
        assert forms[0] == spec.usage, f"README says `{forms[0]}`, the table `{spec.usage}`"
        subs = [form.split()[1] for form in forms if spec.subcommands]
        problem = mismatch(f"README /{spec.name} subcommands", subs, spec.subcommands)
        assert not problem, problem


def test_each_area_is_one_hop_in_every_layer(sqlite_coach: Coach) -> None:
    """coach.<area>, cogs/<area>.py and console/<area>.py: a newcomer finds each.
    (That the file defines the command is checked with each edge above.)"""
    for spec in COMMAND_TABLE:
        assert hasattr(sqlite_coach, spec.area), f"/{spec.name}: no coach.{spec.area}"
        for edge, folder in (("discord", "bot/discord/cogs"), ("console", "bot/console")):
            path = ROOT / folder / f"{spec.area}.py"
            assert edge not in spec.edges or path.is_file(), f"/{spec.name}: no {path}"
