"""Files the console writes stay in its folder, whatever the name it was given."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.console.files import inside, safe_name


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
