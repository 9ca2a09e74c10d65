"""/help: built from the command table, with where each command runs."""

from __future__ import annotations

from bot.coach.commands import COMMAND_TABLE, MESSAGE_MENUS, CommandSpec, help_line, menu_line
from bot.coach.info import Info


async def test_help_has_a_line_per_command_then_the_notation_and_tiers() -> None:
    reply = await Info().help()
    assert reply.private
    assert reply.lines == (*(help_line(spec) for spec in COMMAND_TABLE),
                           *(menu_line(spec) for spec in MESSAGE_MENUS))
    assert "Log as my workout" in reply.lines[-1] and reply.lines[-1].endswith("(Discord only)")
    assert [name for name, _ in reply.fields] == ["How to write a log", "Tiers"]


def test_a_command_one_edge_lacks_says_where_it_runs() -> None:
    lines = {spec.name: help_line(spec) for spec in COMMAND_TABLE}
    assert lines["logchannel"].endswith("(Discord only)")
    assert not lines["log"].endswith(")")
    console_only = CommandSpec("x", "info", "/x", "Only here.", edges=frozenset({"console"}))
    assert help_line(console_only) == "`/x`: Only here. (console only)"
