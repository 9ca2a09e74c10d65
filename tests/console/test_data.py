"""/export, /import and /forget-me typed in the console, exactly as in Discord."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bot.bootstrap import build_coach
from bot.coach import Coach
from bot.coach.replies import Reply
from bot.config import load_settings
from bot.console.command_line import split_command
from bot.console.commands import COMMANDS, ConsoleContext
from bot.console.run import run_console
from bot.storage import open_storage
from tests.data_samples import sample_workouts, strong_comma, strong_semicolon
from tests.helpers import FakeClock


async def typed(coach: Coach, line: str, out_dir: Path, user: str = "me") -> Reply:
    cmd = split_command(line)
    assert cmd is not None
    return await COMMANDS[cmd.name](ConsoleContext(coach, user, "console", cmd, out_dir))


async def test_export_writes_the_file_and_prints_its_path(coach: Coach, tmp_path: Path) -> None:
    await typed(coach, "/log squat 5x5 @100kg rir2", tmp_path)
    reply = await typed(coach, "/export", tmp_path / "out")
    path = tmp_path / "out" / "liftcoach-export-me-2026-11-26.csv"
    assert f"Saved to {path}" in reply.lines
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))
    assert len(rows) == 5 and rows[0]["exercise"] == "back squat"


async def test_two_lifters_exports_on_one_day_are_two_files_inside_the_folder(
    coach: Coach, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    for user, lift in (("ann", "squat"), ("bob", "bench"), ("../../evil", "deadlift")):
        await typed(coach, f"/log {lift} 5x5 @100kg rir2", tmp_path, user)
        reply = await typed(coach, "/export", out, user)
        assert not reply.is_error, reply
    files = sorted(p.name for p in out.iterdir())
    assert files == ["liftcoach-export-ann-2026-11-26.csv", "liftcoach-export-bob-2026-11-26.csv",
                     "liftcoach-export-evil-2026-11-26.csv"]
    ann = (out / files[0]).read_text("utf-8")
    assert "back squat" in ann and "bench" not in ann


async def test_import_previews_then_confirms(coach: Coach, tmp_path: Path) -> None:
    short = tmp_path / "strong.csv"
    short.write_text(strong_comma(sample_workouts(1)), "utf-8")
    wrong = await typed(coach, f"/import path:{tmp_path}/strng.csv", tmp_path)
    assert wrong.is_error and "There is no file" in wrong.lines[0]
    preview = await typed(coach, f"/import path:{short} format:strong", tmp_path)
    assert preview.title == "Import preview"
    assert any("Type /import confirm" in line for line in preview.lines)
    assert "Nothing logged yet" in (await typed(coach, "/history", tmp_path)).lines[0]
    done = await typed(coach, "/import confirm", tmp_path)
    assert done.saved and "Added 12 entries" in done.lines[0]
    again = await typed(coach, f"/import path:{short}", tmp_path)
    assert again.title == "Nothing new to import"


async def test_import_confirm_by_number_cancel_and_mapping(coach: Coach, tmp_path: Path) -> None:
    file = tmp_path / "s.csv"
    file.write_text(strong_semicolon(sample_workouts(1)), "utf-8")
    mapped = await typed(coach, f"/import path:{file} map:Converging Chest Press "
                         "(Hammer Strength)=machine chest press", tmp_path)
    assert not any("Converging" in value for name, value in mapped.fields
                   if name == "Not in the catalogue")
    first = await typed(coach, f"/import path:{file}", tmp_path)
    number = next(line for line in first.lines if "/import-confirm" in line).split(
        "/import-confirm ")[1].split(")")[0]
    assert (await typed(coach, "/import cancel", tmp_path)).title == "Import cancelled"
    assert (await typed(coach, f"/import-confirm {number}", tmp_path)).is_error  # cancelled
    assert (await typed(coach, "/import confirm #x", tmp_path)).is_error
    done = await typed(coach, "/import confirm", tmp_path)  # the mapped preview is left
    assert done.saved


async def test_import_errors_say_what_to_type(coach: Coach, tmp_path: Path) -> None:
    missing = await typed(coach, "/import", tmp_path)
    assert missing.is_error and "path:FILE" in missing.lines[0]
    binary = tmp_path / "export.xlsx"
    binary.write_bytes(b"PK\x03\x04" + bytes(300))
    refused = await typed(coach, f"/import path:{binary}", tmp_path)
    assert refused.is_error and "spreadsheet" in refused.lines[0]
    unreadable = await typed(coach, "/import path:" + "x" * 5000, tmp_path)
    assert unreadable.is_error and "I can't read" in unreadable.lines[0]
    assert len(unreadable.lines[0]) < 200


async def test_forget_me_needs_the_confirm_step(coach: Coach, tmp_path: Path) -> None:
    await typed(coach, "/log bench 3x8 @80kg rir1", tmp_path)
    asked = await typed(coach, "/forget-me", tmp_path)
    assert asked.lines[-1] == "Type /forget-me confirm to erase everything."
    assert "bench press" in (await typed(coach, "/history", tmp_path)).lines[1]
    erased = await typed(coach, "/forget-me confirm", tmp_path)
    assert erased.title == "Everything about you is erased"
    assert "Nothing logged yet" in (await typed(coach, "/history", tmp_path)).lines[0]


async def test_a_whole_console_session(coach: Coach, tmp_path: Path) -> None:
    file = tmp_path / "s.csv"
    file.write_text(strong_comma(sample_workouts(1)), "utf-8")
    out = io.StringIO()
    script = f"/import path:{file}\n/import confirm\n/forget-me\n/forget-me confirm\n"
    await run_console(coach, "me", "console", io.StringIO(script), out)
    printed = out.getvalue()
    for expected in ("Import preview", "✓ Imported 12 entries", "! Erase everything",
                     "✓ Everything about you is erased"):
        assert expected in printed
    assert printed.count("✓") == 2


async def test_the_console_takes_the_import_limit_from_the_settings(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Both edges are wired by bootstrap, so IMPORT_MAX_BYTES binds the console too."""
    settings = load_settings({"IMPORT_MAX_BYTES": "2048",
                              "DATABASE_PATH": str(tmp_path / "limit.db")})
    big = tmp_path / "strong.csv"
    big.write_text(strong_comma(sample_workouts(6)), "utf-8")
    assert big.stat().st_size > 2048
    storage = await open_storage(settings)
    try:
        coach = build_coach(settings, storage, clock)
        reply = await typed(coach, f"/import path:{big}", tmp_path)
    finally:
        await storage.close()
    assert reply.is_error and "I take files up to" in reply.lines[0]


async def test_a_pounds_file_gets_the_exact_line_that_reads_it_as_pounds(
    coach: Coach, tmp_path: Path
) -> None:
    from datetime import datetime

    from tests.data_samples import SampleExercise, SampleSet, Workout

    lifts = tuple(SampleExercise(n, tuple(SampleSet(w, 5) for w in (95, 135, 185, 225)))
                  for n in ("Squat (Barbell)", "Deadlift (Barbell)"))
    days = [Workout(datetime(2026, 10, d, 18, 0), "Day", 60, lifts)  # noqa: DTZ001
            for d in (5, 7, 9)]
    file = tmp_path / "strong.csv"
    file.write_text(strong_comma(days), "utf-8")
    warned = await typed(coach, f"/import path:{file}", tmp_path)
    assert f"/import path:{file} unit:lb" in "\n".join(warned.lines)
    await typed(coach, "/import cancel", tmp_path)
    as_lb = await typed(coach, f"/import path:{file} unit:lb", tmp_path)
    assert not any("look like pounds" in line for line in as_lb.lines)
    assert (await typed(coach, "/import confirm", tmp_path)).saved
    stored = await coach.storage.entries_since("me", datetime(2000, 1, 1).astimezone())
    assert round(max(s.load_kg or 0 for e in stored for s in e.sets), 1) == 102.1
