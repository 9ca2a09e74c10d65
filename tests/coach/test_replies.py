"""What a lifter typed is shown as typed: never as Discord formatting, never as a ping."""

from __future__ import annotations

import pytest

from bot.coach import Coach
from bot.coach.replies import literal
from bot.console.render import plain, render_text
from bot.discord.render import to_embed

TRICKY = [
    "**bold** and __underline__",
    "~~gone~~ `code` ||spoiler||",
    "<@123456789012345678> <@&42> <#7>",
    "[click](https://example.invalid)",
    "# heading\n- item\n> quote",
    "back\\slash",
]


@pytest.mark.parametrize("text", TRICKY)
def test_literal_text_has_no_live_markdown_and_reads_back_in_the_console(text: str) -> None:
    escaped = literal(text)
    for char in "*_~`|<>[]()":
        assert escaped.count(char) == escaped.count("\\" + char)
    assert plain(escaped) == text


async def test_names_and_refusals_quote_the_lifter_inertly(coach: Coach) -> None:
    named = await coach.profile.exercise("u1", "__my__ `thing`", "B")
    assert named.title == "\\_\\_my\\_\\_ \\`thing\\`: tier B"
    assert to_embed(named).title == named.title
    refused = await coach.info.why("**A1** <@&42>")
    assert "\\*\\*A1\\*\\* \\<@&42\\>" in refused.lines[0]
    assert "**A1** <@&42>" in render_text(refused)  # the console shows it as typed
