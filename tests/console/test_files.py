"""Files the console writes stay in its folder, whatever the name it was given."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coach import Coach
from bot.coach.progress import ChartReply
from bot.coach.replies import Reply
from bot.console.files import inside, safe_name
from bot.console.run import dispatch


@pytest.mark.parametrize("name", ["../../etc/passwd", "/tmp/evil.png", "..", "a/../../b.png",
                                  "chart\x00.png", "~/x.png", "C:\\win\\x.png", ""])
def test_no_name_escapes_the_folder(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "out"
    path = inside(folder, name)
    assert path.parent == folder.resolve()
    path.write_text("x", "utf-8")
    assert [p.name for p in folder.iterdir()] == [path.name]


def test_ordinary_names_are_kept() -> None:
    assert safe_name("back-squat-12w.png") == "back-squat-12w.png"
    assert safe_name("liftcoach-export-me-2026-11-26.csv") == "liftcoach-export-me-2026-11-26.csv"
    assert safe_name("../../x") == "x"


@pytest.mark.parametrize("key", ["../../outside", "/abs/evil", "..", "a/../../b", "~/x"])
async def test_a_chart_of_any_exercise_key_is_written_inside_the_folder(
    coach: Coach, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    """An exercise key comes from a lifter or a file (an old export): the chart it
    names is written in the console's folder all the same."""
    async def chart(user_id: str, exercise: str, weeks: int | str = 12) -> ChartReply:
        return ChartReply(Reply(title="A chart"), b"\x89PNG fake", f"{key}-12w.png")

    monkeypatch.setattr(coach.progress, "chart", chart)
    out = tmp_path / "console" / "deep" / "charts"  # (the coach's database is in tmp_path)
    reply = await dispatch(coach, "me", "console", "/chart squat", out_dir=out)
    assert reply is not None
    [written] = list(out.iterdir())
    assert f"Chart saved to {written}" in reply.lines and written.read_bytes().endswith(b"fake")
    assert _files(tmp_path / "console") == [written] and not _files(Path("/abs"))


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]
