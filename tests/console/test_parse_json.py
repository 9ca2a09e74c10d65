"""`python -m bot parse`: the JSON a script reads, old fields and new ones."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.console.parse_json import parse_to_json, run_parse
from bot.domain.models import LB_TO_KG

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 26)  # a Thursday
OLD_SET_FIELDS = {"reps", "load_kg", "bodyweight", "rir", "rir_max", "failure", "technique",
                  "warmup", "amrap"}
NEW_SET_FIELDS = {"reps_max", "seconds", "meters", "planned_max"}


def read(text: str, **kwargs: Any) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(parse_to_json(text, TODAY, **kwargs))
    return body


def test_every_old_field_keeps_its_meaning_and_the_new_ones_are_there() -> None:
    body = read("squat 5x5 @100kg rir2 yesterday")
    assert body["ok"] is True
    (entry,) = body["entries"]
    assert entry["exercise"] == "back squat"
    assert entry["tier"] == "A"
    assert entry["date"] == "2026-11-25"
    assert len(entry["sets"]) == 5
    first = entry["sets"][0]
    assert set(first) == OLD_SET_FIELDS | NEW_SET_FIELDS
    assert (first["reps"], first["load_kg"], first["rir"], first["failure"]) == (5, 100.0, 2.0,
                                                                                 False)
    assert entry["note"] == ""
    assert "question" not in entry  # only when the reading needs confirming


def test_notes_rep_ranges_and_timed_sets_come_out() -> None:
    entry = read("bench 3x10-12 @60 - felt heavy")["entries"][0]
    assert entry["note"] == "felt heavy"
    assert [s["reps"] for s in entry["sets"]] == [10, 10, 10]
    assert [s["reps_max"] for s in entry["sets"]] == [12, 12, 12]
    plank = read("plank 3x60s")["entries"][0]["sets"]
    assert [(s["reps"], s["seconds"], s["load_kg"]) for s in plank] == [(None, 60.0, None)] * 3
    walk = read("farmer walk 4x40m @32kg")["entries"][0]["sets"]
    assert {(s["meters"], s["load_kg"]) for s in walk} == {(40.0, 32.0)}


def test_a_reading_to_confirm_carries_its_question() -> None:
    entry = read("Dumbbell curl: 16 x 10")["entries"][0]
    question = entry["question"]
    assert set(question) == {"chosen", "other", "line"}
    assert "16 kg" in question["chosen"]
    assert "16 sets" in question["other"]
    other = read(question["line"])["entries"][0]
    assert len(other["sets"]) == 16 and other["sets"][0]["load_kg"] is None


def test_the_unit_option_reads_bare_numbers_in_pounds() -> None:
    kg = read("squat 5x5 @225")["entries"][0]["sets"][0]["load_kg"]
    lb = read("squat 5x5 @225", unit="lb")["entries"][0]["sets"][0]["load_kg"]
    assert kg == 225.0
    assert lb == pytest.approx(225 * LB_TO_KG, abs=0.001)


def test_the_date_order_option_reads_month_first() -> None:
    assert read("squat 5x5 6/11")["entries"][0]["date"] == "2026-11-06"
    assert read("squat 5x5 6/11", date_order="mdy")["entries"][0]["date"] == "2026-06-11"


def test_a_refusal_keeps_error_and_hint() -> None:
    body = read("squat 5x5 rir 12")
    assert body["ok"] is False
    assert "RIR 12" in body["error"]
    assert body["hint"] and body["example"]


def test_run_parse_writes_one_object_per_line() -> None:
    out = io.StringIO()
    assert run_parse(["squat 5x5\n", "plank 60s\n"], TODAY, out, unit="lb") == 0
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["ok"] for line in lines] == [True, True]


def test_the_command_line_takes_unit_and_text() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "parse", "--unit", "lb", "bench 3x5 @135 PR"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )
    entry = json.loads(done.stdout)["entries"][0]
    assert entry["pr"] is True and entry["note"] == "PR"
    assert entry["sets"][0]["load_kg"] == pytest.approx(135 * LB_TO_KG, abs=0.001)
