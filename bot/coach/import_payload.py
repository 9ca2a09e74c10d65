"""Bytes in, text out; the entries a preview keeps; the summary kept beside them.

The preview stores exactly the entries it showed (as rows, beside a small summary),
so Confirm adds what the lifter saw even after a restart or a change of profile in
between.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.domain.sessions import group_in_sessions
from bot.domain.transfer import PAUSE_EVERY, ImportedEntry, ImportProblem
from bot.storage.contract import NewEntry

PAYLOAD_VERSION = 3
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a spreadsheet or zip file (.xlsx, .numbers, .zip)"),
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a picture (PNG)"),
    (b"\xff\xd8\xff", "a picture (JPEG)"),
    (b"SQLite format 3", "a database file"),
)


def decode(data: bytes) -> str | ImportProblem:
    """The text of an uploaded file, or why it is not a text file at all."""
    if not data.strip():
        return ImportProblem("The file is empty.", "Export your workouts from the app again "
                             "and attach the .csv file it gives you.")
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            return ImportProblem(f"That is {what}, not a CSV file.",
                                 "Choose CSV when you export from the app and attach that file.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:  # anywhere: text files hold no NUL (PostgreSQL refuses it)
        return ImportProblem("That is not a CSV file (it holds binary data).",
                             "Export as CSV from the app and attach the .csv file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheet programs on Windows re-save CSV files in their own code page.
        return data.decode("cp1252", errors="replace")


@dataclass(frozen=True)
class Summary:
    """What a preview showed, kept with its staged entries until Confirm: the file, its
    format, how many entries it held (those already stored included) and the keys of
    the exercises of the lifter's own it names (checked against the limit again)."""

    filename: str
    format: str
    entries: int
    own: tuple[str, ...] = ()


def dump(summary: Summary) -> str:
    return json.dumps({"v": PAYLOAD_VERSION, "file": summary.filename,
                       "format": summary.format, "entries": summary.entries,
                       "own": list(summary.own)}, separators=(",", ":"))


def load(payload: str) -> Summary:
    data = json.loads(payload)
    if data.get("v") != PAYLOAD_VERSION:
        raise ValueError("pending import written by another version")
    return Summary(str(data["file"]), str(data["format"]), int(data["entries"]),
                   tuple(str(k) for k in data["own"]))


def new_entries(
    entries: Sequence[ImportedEntry], pause: Callable[[], None] | None = None
) -> list[NewEntry]:
    """The file's entries as the storage takes them, each workout a session or part of
    the one before it (bot.domain.sessions). ``pause`` as for ``read_import``."""
    groups = group_in_sessions([(e.performed_at, e.local_date) for e in entries])
    out: list[NewEntry] = []
    for i, (e, group) in enumerate(zip(entries, groups, strict=True)):
        if pause is not None and i % PAUSE_EVERY == 0:
            pause()
        out.append(NewEntry(e.exercise, e.sets, e.performed_at, e.local_date, source="import",
                            source_ref=e.key, note=e.note, pr=e.pr, new_session=group))
    return out
