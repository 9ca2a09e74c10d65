"""`python -m bot parse`: how the parser reads text, as one JSON object per input.

Handy for checking notation and for scripts; it stores nothing and always exits 0.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from bot.domain.catalogue import default_catalogue
from bot.domain.models import LogEntry, SetRecord
from bot.domain.notation import parse_log


def _set_json(s: SetRecord) -> dict[str, Any]:
    return {
        "reps": s.reps,
        "load_kg": None if s.load_kg is None else round(s.load_kg, 3),
        "bodyweight": s.bodyweight,
        "rir": s.rir,
        "rir_max": s.rir_max,
        "failure": s.failure,
        "technique": s.technique,
        "warmup": s.warmup,
        "amrap": s.amrap,
    }


def _entry_json(e: LogEntry) -> dict[str, Any]:
    return {
        "exercise": e.exercise.name,
        "tier": e.exercise.tier,
        "date": None if e.performed_on is None else e.performed_on.isoformat(),
        "sets": [_set_json(s) for s in e.sets],
    }


def parse_to_json(text: str, today: date) -> str:
    result = parse_log(text, default_catalogue(), unit="kg", today=today)
    if isinstance(result, tuple):
        body: dict[str, Any] = {"ok": True, "entries": [_entry_json(e) for e in result]}
    else:
        body = {"ok": False, "error": result.error, "hint": result.hint}
    return json.dumps(body, ensure_ascii=False)


def run_parse(texts: Iterable[str], today: date, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    for text in texts:
        out.write(parse_to_json(text.rstrip("\n"), today) + "\n")
    return 0
