"""Regenerate ``bot/domain/catalogue/data.py`` and ``aliases.py`` from the reference.

The reference (free-exercise-db, public domain) supplies the facts: which muscles
an exercise trains and what equipment it needs. It cannot supply the tier, because
its compound/isolation flag puts a leg press next to a back squat, so every row of
the spec (tools/catalogue/spec.py) states the tier from the coaching table and names
the reference entry whose facts it borrows. The reference is read only here; the
bot never needs it.

Usage: python -m tools.catalogue.build [path/to/free-exercise-db.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tools.catalogue.spec import SPEC

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "free-exercise-db.json"
TARGET = ROOT / "bot" / "domain" / "catalogue" / "data.py"
ALIASES_TARGET = ROOT / "bot" / "domain" / "catalogue" / "aliases.py"
MAX_LINE = 99

CODES = {
    "abdominals": "abs", "abductors": "abduct", "adductors": "adduct", "biceps": "bi",
    "calves": "calf", "chest": "chest", "forearms": "fore", "glutes": "glute",
    "hamstrings": "ham", "lats": "lat", "lower back": "lowback", "middle back": "midback",
    "neck": "neck", "quadriceps": "quad", "shoulders": "delt", "traps": "trap", "triceps": "tri",
}
EQUIPMENT = {
    "body only": "bodyweight", "kettlebells": "kettlebell", "e-z curl bar": "ez bar",
    "bands": "band", None: "other",
}
TIER_NOTES = {
    "A": "Olympic lifts, squat and deadlift variants, good mornings, push press, thrusters",
    "B": "free-weight presses, dips, rows, pull-ups, lunges, split squats, carries, swings",
    "C": "machine and cable compounds, push-ups, hip thrusts, glute-ham raises",
    "D": "isolation: extensions, curls, raises, flyes, calves, abs, shrugs",
}



Row = tuple[str, str, str, str, str, tuple[str, ...]]


def _codes(muscles: list[str]) -> list[str]:
    return [CODES[m] for m in muscles]


def _split_spec() -> list[list[str]]:
    """SPEC as [name, tier, source, aliases, overrides], joining "+" continuation lines."""
    rows: list[list[str]] = []
    for line in SPEC.strip().splitlines():
        if line.startswith("+"):
            rows[-1][3] += ", " + line[1:]
        else:
            rows.append([part.strip() for part in line.split("|")])
    return rows


def build_rows(reference: list[dict[str, Any]]) -> list[Row]:
    """Turn SPEC into (name, tier, equipment, primary, secondary, aliases) rows."""
    by_name = {str(entry["name"]): entry for entry in reference}
    rows: list[Row] = []
    for name, tier, source, aliases, overrides in _split_spec():
        if source not in by_name:
            raise SystemExit(f"{name}: no reference entry called {source!r}")
        entry = by_name[source]
        primary = _codes(entry["primaryMuscles"])
        secondary = _codes(entry["secondaryMuscles"])
        equipment = EQUIPMENT.get(entry["equipment"], entry["equipment"])
        for item in filter(None, (o.strip() for o in overrides.split(";"))):
            field, value = (v.strip() for v in item.split("="))
            if field == "eq":
                equipment = value
            elif field == "pri":
                primary = value.split()
            elif field == "sec":
                secondary = value.split()
            else:
                raise SystemExit(f"{name}: unknown override {field!r}")
        secondary = [m for m in dict.fromkeys(secondary) if m not in primary]
        alias_list = tuple(a.strip() for a in aliases.split(",") if a.strip())
        rows.append((name, tier, equipment, " ".join(primary), " ".join(secondary), alias_list))
    names = [row[0] for row in rows]
    if len(names) != len(set(names)):
        raise SystemExit("duplicate exercise names in SPEC")
    return rows


def _checked(line: str) -> str:
    if len(line) > MAX_LINE:
        raise SystemExit(f"line too long, shorten it: {line.strip()}")
    return line


def _one_line(values: tuple[str, ...]) -> str:
    return _checked("    (" + ", ".join(json.dumps(v) for v in values) + "),")


def _alias_line(name: str, aliases: tuple[str, ...]) -> str:
    """One dictionary item; a long one is split into adjacent strings, one per line."""
    line = f"    {json.dumps(name)}: {json.dumps('|'.join(aliases))},"
    if len(line) <= MAX_LINE:
        return line
    parts, current = [], ""
    for alias in aliases:
        piece = ("|" if current or parts else "") + alias
        if current and len(current) + len(piece) > MAX_LINE - 12:
            parts.append(current)
            current = ""
        current += piece
    parts.append(current)
    body = "\n".join(_checked(f"        {json.dumps(p)}") for p in parts)
    return f"    {json.dumps(name)}: (\n{body}\n    ),"


def render(rows: list[Row]) -> tuple[str, str]:
    """The two data modules' texts: muscle codes, ambiguous words and rows by tier; aliases."""
    codes = "\n".join(f'    "{code}": "{muscle}",' for muscle, code in CODES.items())
    body: list[str] = []
    aliases: list[str] = []
    for tier in "ABCD":
        body.append(f"    # Tier {tier}: {TIER_NOTES[tier]}")
        for row in rows:
            if row[1] == tier:
                body.append(_one_line(row[:5]))
                if row[5]:
                    aliases.append(_alias_line(row[0], row[5]))
    data = HEADER + codes + "\n}\n\n" + ROWS_INTRO + "\n".join(body) + "\n)\n"
    return data, ALIASES_HEADER + "\n".join(aliases) + "\n}\n"


HEADER = '''"""The built-in exercises, as plain data.

Muscles and equipment are facts about each lift; the tier (A-D) comes from the
coaching table, which separates machine from free-weight compounds. Columns of
EXERCISES: name, tier, equipment, primary muscles, secondary muscles. Muscles are
short codes spelled out in MUSCLE_CODES; aliases live in aliases.py. The
catalogue derives each key from the name (``back squat`` -> ``back-squat``). To
change a row, edit tools/catalogue/spec.py and run python -m tools.catalogue.build.
"""

from __future__ import annotations

MUSCLE_CODES: dict[str, str] = {
'''

ROWS_INTRO = """# Abbreviations that fit more than one lift: the coach asks instead of guessing.
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "pu": ("pull-up", "push-up"),
    "sp": ("overhead-press", "dumbbell-shoulder-press", "machine-shoulder-press"),
    "shoulder press": ("overhead-press", "dumbbell-shoulder-press", "machine-shoulder-press"),
    "row": ("barbell-row", "dumbbell-row", "seated-cable-row"),
}

Row = tuple[str, str, str, str, str]

EXERCISES: tuple[Row, ...] = (
"""

ALIASES_HEADER = '''"""Other ways lifters write each built-in exercise, separated by "|".

Generated with data.py from tools/catalogue/spec.py by
python -m tools.catalogue.build; edit the spec, not this file.
"""

from __future__ import annotations

ALIASES: dict[str, str] = {
'''


def main(argv: list[str]) -> None:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    reference = json.loads(source.read_text("utf-8"))
    rows = build_rows(reference)
    data, aliases = render(rows)
    TARGET.write_text(data, "utf-8")
    ALIASES_TARGET.write_text(aliases, "utf-8")
    counts = {t: sum(1 for r in rows if r[1] == t) for t in "ABCD"}
    print(f"wrote {len(rows)} exercises to {TARGET.relative_to(ROOT)}: {counts}")


if __name__ == "__main__":
    main(sys.argv)
