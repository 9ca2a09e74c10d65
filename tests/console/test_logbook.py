"""The logbook in the console: a pasted session is one reply, and a reply's choices
print the exact commands that take them (the console has no buttons)."""

from __future__ import annotations

import io

from bot.coach import Coach
from bot.console.run import run_console

SESSION = (
    "/log wed\n"
    "squat 5x5 @100kg rir2 // felt heavy\n"
    "bench 3x8 @80kg rir1\n"
    "leg curl 3x12 rir1 // slow negatives\n"
)


async def console(coach: Coach, script: str, user: str = "me") -> list[str]:
    out = io.StringIO()
    await run_console(coach, user, "console", io.StringIO(script), out)
    return out.getvalue().splitlines()


async def test_a_pasted_session_is_one_reply_with_every_entry_note_and_the_day(
    coach: Coach,
) -> None:
    lines = await console(coach, SESSION)
    titles = [line for line in lines if line.startswith("✓ ")]
    assert titles == ["✓ Logged 3 exercises · Wed 25 Nov"]
    body = "\n".join(lines)
    for name in ("back squat — 5 × 5 @ 100 kg", "bench press — 3 × 8 @ 80 kg", "leg curl"):
        assert name in body
    assert "  Note: felt heavy" in lines and "  Note: slow negatives" in lines
    squat = next(i for i, line in enumerate(lines) if "back squat — 5 × 5" in line)
    assert lines[squat + 1] == "  Note: felt heavy"  # under its own entry
    assert "2026-11-25" not in body  # the day is said once, in the title
    assert len(await coach.storage.history("me", None, 10)) == 3


async def test_history_shows_the_notes(coach: Coach) -> None:
    lines = await console(coach, SESSION + "/history\n")
    start = lines.index("Your sessions")
    shown = lines[start + 1:]
    assert any("back squat" in line and line.endswith("· Note: felt heavy") for line in shown)


def typed_step(lines: list[str], label: str) -> str:
    """The one line a choice prints to type, found by the start of its label."""
    [line] = [line for line in lines if line.startswith(f"  ▸ {label}")]
    typed = line.partition("? Type ")[2]
    assert typed.startswith("/other "), line
    return typed


async def test_a_second_reading_prints_one_short_line_to_type(coach: Coach) -> None:
    lines = await console(coach, "/log dumbbell curl 16x10\n/other 1\n/other 1\n")
    assert lines[1].startswith("  ⚠ I read dumbbell curl 16x10 as ")
    assert typed_step(lines, "Log it as 16 sets") == "/other 1"
    # Typed as printed, it stores the other reading instead, in one step; only once.
    [switched, again] = [line for line in lines if line[:2] in ("✓ ", "✗ ")][1:]
    assert switched.startswith("✓ ") and again.startswith("✗ ")
    [entry] = await coach.storage.history("me", None, 5)
    assert len(entry.sets) == 16 and entry.sets[0].load_kg is None


async def test_choices_are_numbered_through_the_session(coach: Coach) -> None:
    lines = await console(coach, "/log dumbbell curl 16x10\n/log sqaut 3x5 @90kg rir2\n"
                                 "/other 2\n")
    assert typed_step(lines, "Log it as 16 sets") == "/other 1"
    assert typed_step(lines, "Keep 'sqaut'") == "/other 2"
    keys = [e.exercise.key for e in await coach.storage.history("me", None, 5)]
    assert keys == ["sqaut", "dumbbell-curl"]  # the second choice taken, the first left


async def test_a_number_means_nothing_in_another_session(coach: Coach) -> None:
    await console(coach, "/log dumbbell curl 16x10\n")
    lines = await console(coach, "/other 1\n")
    assert lines[0].startswith("✗ ")
    assert len((await coach.storage.history("me", None, 5))[0].sets) == 1


async def test_a_malformed_choice_number_is_answered(coach: Coach) -> None:
    for word in ("", "abc", "5-1", "0", "9" * 30):
        lines = await console(coach, f"/log dumbbell curl 16x10\n/other {word}\n")
        titles = [line for line in lines if not line.startswith(" ")]
        assert len(titles) == 2 and titles[1].startswith("✗ "), (word, lines)
    assert all(len(e.sets) == 1 for e in await coach.storage.history("me", None, 10))


async def test_a_misspelt_lift_prints_how_to_keep_the_name(coach: Coach) -> None:
    lines = await console(coach, "/log sqaut 3x5 @90kg rir2\n/other 1\n")
    assert lines[1].startswith("  ⚠ I read 'sqaut' as back squat")
    assert typed_step(lines, "Keep 'sqaut' as my own exercise") == "/other 1"
    [entry] = await coach.storage.history("me", None, 5)
    assert entry.exercise.key == "sqaut"


async def test_pounds_is_one_line_too(coach: Coach) -> None:
    lines = await console(coach, "/log squat 225x5x3\n/other 1\n")
    assert typed_step(lines, "I lift in pounds") == "/other 1"
    [entry] = await coach.storage.history("me", None, 5)
    assert entry.sets[0].load_kg is not None and round(entry.sets[0].load_kg) == 102
    profile = await coach.storage.get_profile("me")
    assert profile is not None and profile.unit == "lb"


async def test_undo_by_id_removes_only_the_callers_entries(coach: Coach) -> None:
    await console(coach, "/log squat 5x5 @100kg rir2\n", user="other")
    [theirs] = await coach.storage.history("other", None, 5)
    lines = await console(coach, f"/undo {theirs.entry_id}\n")
    assert lines[0] == "✗ Nothing to undo"
    assert len(await coach.storage.history("other", None, 5)) == 1
