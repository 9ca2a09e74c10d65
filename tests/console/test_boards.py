"""The console's /leaderboard, /stats and /chart: Discord's syntax, charts written to files."""

from __future__ import annotations

from pathlib import Path

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.console.command_line import split_command
from bot.console.commands import COMMANDS, ConsoleContext
from bot.console.render import render_text
from bot.console.run import dispatch

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def run(coach: Coach, line: str, user: str = "me", out_dir: Path = Path(".")) -> Reply:
    cmd = split_command(line)
    assert cmd is not None
    return await COMMANDS[cmd.name](ConsoleContext(coach, user, "console", cmd, out_dir))


async def test_leaderboard_in_the_console(coach: Coach) -> None:
    for who, days in (("me", "mon tue"), ("pal", "mon")):
        for day in days.split():
            await dispatch(coach, who, "console", f"/log squat 5x5 @100kg rir2 {day}")
    default = render_text(await run(coach, "/leaderboard"))
    assert default.startswith("Adherence · last 4 weeks")
    assert "Your place: #1 of 2" in default
    for line in ("/leaderboard show metric:days window:12w", "/leaderboard days 12w"):
        text = render_text(await run(coach, line))
        assert text.splitlines()[:3] == ["Training days · last 12 weeks", "  1. me · 2 days",
                                         "  2. pal · 1 day"]
    assert "Page 1 of 1" in render_text(await run(coach, "/leaderboard show page:4"))


async def test_opting_out_and_in_from_the_console(coach: Coach) -> None:
    await dispatch(coach, "me", "console", "/log squat 5x5 @100kg rir2")
    assert (await run(coach, "/leaderboard optout")).saved
    assert "opted out" in render_text(await run(coach, "/leaderboard streak"))
    assert "back" in (await run(coach, "/leaderboard optin")).title


async def test_console_refusals_say_what_and_how(coach: Coach) -> None:
    for line in ("/leaderboard weight", "/leaderboard show page:zero", "/chart",
                 "/chart exercise name:squat weeks:0", "/stats unicorn press"):
        reply = await run(coach, line)
        assert reply.is_error, line
        assert any(x.startswith("Example: /") for x in reply.lines), line


async def test_stats_in_the_console(coach: Coach) -> None:
    await dispatch(coach, "me", "console", "/log squat 5x5 @100kg rir2")
    text = render_text(await run(coach, "/stats squat"))
    assert "Your stats · back squat" in text and "e1RM 123.5 kg" in text


async def test_charts_are_written_where_the_console_says(coach: Coach, tmp_path: Path) -> None:
    await dispatch(coach, "me", "console", "/log squat 5x5 @100kg rir2")
    for line, name in (("/chart exercise name:squat weeks:8", "back-squat-8w.png"),
                       ("/chart squat", "back-squat-12w.png"),
                       ("/chart consistency weeks:10", "consistency-10w.png")):
        reply = await run(coach, line, out_dir=tmp_path / "charts")
        path = tmp_path / "charts" / name
        assert f"Chart saved to {path}" in reply.lines
        assert path.read_bytes().startswith(PNG_SIGNATURE)
    nothing = await run(coach, "/chart curl", out_dir=tmp_path)
    assert not nothing.is_error and "No dumbbell curl" in nothing.title
    assert not any(line.startswith("Chart saved") for line in nothing.lines)


async def test_a_command_typed_without_its_slash_is_pointed_to_it(coach: Coach) -> None:
    forgot = await dispatch(coach, "me", "console", "leaderboard days")
    assert forgot is not None and forgot.is_error
    assert "/leaderboard days" in render_text(forgot)
    sets = await dispatch(coach, "me", "console", "squat 5x5 @100kg")
    assert sets is not None and "/log squat 5x5 @100kg" in render_text(sets)


async def test_the_console_stores_its_boards_on_exit(coach: Coach, tmp_path: Path) -> None:
    import io

    from bot.console.run import run_console

    lines = "/log squat 5x5 @100kg rir2\n/leaderboard\n/quit\n"
    out = io.StringIO()
    assert await run_console(coach, "me", "console", io.StringIO(lines), out) == 0
    assert "Adherence" in out.getvalue()
    assert await coach.storage.load_board("console", "adherence:4w") is not None
