"""`python -m bot parse`: how the parser reads text, as one JSON object per input.

Handy for checking notation and for scripts; it stores nothing and always exits 0.
``--unit`` is the unit bare numbers are read in (as a lifter's /profile unit) and
``--date-order`` how numeric dates such as ``6/11`` are read. The fields are listed in
the README ("Reading a log as JSON").
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from bot.domain.catalogue import default_catalogue
from bot.domain.models import LogEntry, Reading, SetRecord, Unit
from bot.domain.notation import DateOrder, parse_log


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
        "reps_max": s.reps_max,
        "seconds": s.seconds,
        "meters": s.meters,
        "planned_max": s.planned_max,
    }


def _question_json(question: Reading) -> dict[str, str]:
    return {"chosen": question.chosen, "other": question.other, "line": question.line}


def _entry_json(e: LogEntry) -> dict[str, Any]:
    body: dict[str, Any] = {
        "exercise": e.exercise.name,
        "tier": e.exercise.tier,
        "date": None if e.performed_on is None else e.performed_on.isoformat(),
        "sets": [_set_json(s) for s in e.sets],
        "note": e.note,
        "pr": e.pr,
    }
    if e.question is not None:
        body["question"] = _question_json(e.question)
    return body


def parse_to_json(
    text: str, today: date, unit: Unit = "kg", date_order: DateOrder = "dmy"
) -> str:
    result = parse_log(text, default_catalogue(), unit=unit, today=today, date_order=date_order)
    if isinstance(result, tuple):
        body: dict[str, Any] = {"ok": True, "entries": [_entry_json(e) for e in result]}
    else:
        body = {"ok": False, "error": result.error, "hint": result.hint,
                "example": result.example}
    return json.dumps(body, ensure_ascii=False)


def run_parse(
    texts: Iterable[str], today: date, out: TextIO | None = None, *, unit: Unit = "kg",
    date_order: DateOrder = "dmy",
) -> int:
    out = out or sys.stdout
    for text in texts:
        out.write(parse_to_json(text.rstrip("\n"), today, unit, date_order) + "\n")
    return 0
