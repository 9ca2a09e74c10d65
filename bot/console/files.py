"""Where the console writes files (exports, charts): always inside its folder.

A file name can carry text a lifter chose (an exercise key from an import, say), so
it is rebuilt from safe characters before it meets the file system: no folder
separators, no leading dot, nothing that climbs out with ``..``.
"""

from __future__ import annotations

import re
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_NAME = 120


def safe_name(name: str, fallback: str = "file") -> str:
    """``name`` with every run of unsafe characters turned into one ``-``."""
    stem = _UNSAFE.sub("-", name).strip("-.")[:MAX_NAME].strip("-.")
    return stem or fallback


def inside(folder: Path, name: str) -> Path:
    """The path for ``name`` inside ``folder`` (created when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = folder.resolve()
    path = (base / safe_name(name)).resolve()
    if path.parent != base:  # cannot happen with a safe name; a guard all the same
        raise ValueError(f"refusing to write outside {base}")
    return path
