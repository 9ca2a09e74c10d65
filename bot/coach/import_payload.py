"""Bytes in, text out; and the JSON a pending import is kept as until Confirm.

The preview stores exactly the entries it showed, so Confirm adds what the lifter
saw even after a restart or a change of profile in between.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, cast

from bot.domain.catalogue import Catalogue
from bot.domain.models import Exercise, SetRecord, Technique, Tier
from bot.domain.sessions import group_in_sessions
from bot.domain.transfer import ImportedEntry, ImportProblem
from bot.storage.contract import NewEntry

PAYLOAD_VERSION = 2
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
class Pending:
    """A pending import read back: the entries to store and what the preview said."""

    entries: tuple[NewEntry, ...]
    filename: str
    format: str


def dump(entries: tuple[ImportedEntry, ...], filename: str, fmt: str) -> str:
    return json.dumps({
        "v": PAYLOAD_VERSION, "file": filename, "format": fmt,
        "entries": [_entry(e) for e in entries],
    }, separators=(",", ":"))


def load(payload: str, catalogue: Catalogue) -> Pending:
    data = json.loads(payload)
    if data.get("v") != PAYLOAD_VERSION:
        raise ValueError("pending import written by another version")
    same: dict[tuple[Any, ...], SetRecord] = {}  # most sets repeat: build each kind once
    entries = [_new_entry(e, catalogue, same) for e in data["entries"]]
    # Each workout is a session, or part of the one before it (bot.domain.sessions).
    groups = group_in_sessions([(e.performed_at, e.local_date) for e in entries])
    grouped = tuple(replace(e, new_session=g) for e, g in zip(entries, groups, strict=True))
    return Pending(grouped, str(data["file"]), str(data["format"]))


def _entry(e: ImportedEntry) -> dict[str, Any]:
    return {
        "k": e.exercise.key, "n": e.exercise.name, "t": e.exercise.tier,
        "c": e.exercise.custom, "at": e.performed_at.isoformat(),
        "d": e.local_date.isoformat(), "r": e.key, "note": e.note, "pr": e.pr,
        "s": [[s.reps, s.load_kg, s.bodyweight, s.rir, s.rir_max, s.failure, s.technique,
               s.warmup, s.amrap, s.reps_max, s.seconds, s.meters, s.planned_max]
              for s in e.sets],
    }


def _new_entry(
    e: dict[str, Any], catalogue: Catalogue, same: dict[tuple[Any, ...], SetRecord]
) -> NewEntry:
    exercise = catalogue.get(e["k"]) if not e["c"] else None
    if exercise is None:
        exercise = Exercise(key=e["k"], name=e["n"], tier=cast(Tier | None, e["t"]),
                            custom=bool(e["c"]))
    sets = tuple(_set(tuple(r), same) for r in e["s"])
    return NewEntry(exercise, sets, datetime.fromisoformat(e["at"]), date.fromisoformat(e["d"]),
                    source="import", source_ref=e["r"], note=str(e["note"]), pr=bool(e["pr"]))


def _set(r: tuple[Any, ...], same: dict[tuple[Any, ...], SetRecord]) -> SetRecord:
    found = same.get(r)
    if found is None:
        found = same[r] = SetRecord(
            reps=r[0], load_kg=r[1], bodyweight=bool(r[2]), rir=r[3], rir_max=r[4],
            failure=bool(r[5]), technique=cast(Technique | None, r[6]), warmup=bool(r[7]),
            amrap=bool(r[8]), reps_max=r[9], seconds=r[10], meters=r[11],
            planned_max=bool(r[12]))
    return found
