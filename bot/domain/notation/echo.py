"""Logged entries as text: the echo a lifter sees, and a canonical log line.

Everything here is plain text. Names and notes come from users, so the edge that
sends a reply (Discord, console) is the one that escapes it for its medium; nothing
here adds or expects markdown.

- ``describe_entry`` / ``describe_set``: a readable echo such as
  ``back squat — 5 × 5 @ 100 kg, RIR 2``. Loads show in the lifter's unit; pounds are
  rounded to the nearest 0.5 lb, kilograms to 0.01 kg. Rep ranges show both ends
  (``3 × 10-12``), timed and distance sets their measure (``3 × 60 s``,
  ``4 × 40 m @ 32 kg``), and the lifter's note follows the sets, so every number the
  lifter wrote is in the reply.
- ``entry_to_text``: a line that ``parse_log`` reads back to the same exercise, sets,
  date and note (loads within 0.01 kg). That holds for entries as ``parse_log`` makes
  them (failure sets carry RIR 0, reps are 1-100, at most 20 sets) whose exercise
  name resolves to the same exercise, as long as the line stays within the 500
  characters ``parse_log`` reads. A set without a rep count or a measure is written
  as 1 rep.
"""

from __future__ import annotations

from typing import Final

from bot.domain.models import LB_TO_KG, LogEntry, SetRecord, Technique, Unit
from bot.domain.notation.notes import has_pr_mark

TECHNIQUE_NAMES: Final[dict[Technique, str]] = {
    "dropset": "drop set",
    "forced": "forced reps",
    "rest-pause": "rest-pause",
    "myo": "myo-reps",
    "partials": "partials",
    "negatives": "negatives",
}
# How entry_to_text writes each technique (words parse_log reads back).
_TECHNIQUE_WORDS: Final[dict[Technique, str]] = {
    "dropset": "dropset",
    "forced": "forced",
    "rest-pause": "rest-pause",
    "myo": "myo",
    "partials": "partials",
    "negatives": "negatives",
}


def _number(value: float, places: int) -> str:
    """``100``, ``77.5``, ``102.06``: no trailing zeros."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_load(kg: float, unit: Unit) -> str:
    """A load for people: ``102.5 kg``, or ``225 lb`` (to the nearest half pound)."""
    if unit == "lb":
        return f"{_number(round(kg / LB_TO_KG * 2) / 2, 1)} lb"
    return f"{_number(kg, 2)} kg"


def _load_text(s: SetRecord, unit: Unit) -> str:
    if s.bodyweight:
        if not s.load_kg:
            return "bw"
        sign = "+" if s.load_kg > 0 else "−"  # below zero: an assisted lift's help
        return f"bw {sign} {format_load(abs(s.load_kg), unit)}"
    return "" if s.load_kg is None else format_load(s.load_kg, unit)


def _rir_value(s: SetRecord) -> str:
    if s.rir is None:
        return ""
    low = _number(s.rir, 2)
    return low if s.rir_max is None else f"{low}-{_number(s.rir_max, 2)}"


def _effort_text(s: SetRecord) -> str:
    if s.technique is not None:
        return f"{TECHNIQUE_NAMES[s.technique]} (past failure)"
    if s.failure:
        return "to failure"
    if s.rir is None:
        return ""
    return f"RIR {_rir_value(s)}"


def measure_text(s: SetRecord) -> str:
    """``60 s``, ``5 min``, ``40 m``: what a timed or distance set measured."""
    if s.seconds is not None:
        seconds = s.seconds
        if seconds >= 180 and seconds % 60 == 0:
            return f"{_number(seconds / 60, 2)} min"
        return f"{_number(seconds, 2)} s"
    if s.meters is not None:
        if s.meters >= 1000 and s.meters % 1000 == 0:
            return f"{_number(s.meters / 1000, 2)} km"
        return f"{_number(s.meters, 2)} m"
    return ""


def _reps_text(s: SetRecord) -> str:
    """``5``, ``10-12``, ``5+``, or the measure of a timed set."""
    if s.timed:
        return measure_text(s)
    reps = "?" if s.reps is None else str(s.reps)
    if s.reps_max is not None:
        reps += f"-{s.reps_max}"
    return reps + ("+" if s.amrap else "")


def _core(s: SetRecord, unit: Unit) -> str:
    """``100 kg × 5`` (``5+`` for an AMRAP); ``8 reps`` without a load; ``60 s``."""
    reps = _reps_text(s)
    load = _load_text(s, unit)
    if load:
        return f"{load} × {reps}"
    if s.timed:
        return reps
    return f"{reps} rep" if reps == "1" else f"{reps} reps"


def _tags(s: SetRecord) -> list[str]:
    tags = []
    if s.amrap:
        tags.append("AMRAP")
    if s.planned_max:
        tags.append("planned max")
    if s.warmup:
        tags.append("warm-up")
    return tags


def describe_set(s: SetRecord, unit: Unit = "kg") -> str:
    """One set: ``100 kg × 5, RIR 2``; ``bw × 10, to failure``; ``60 kg × 5, warm-up``."""
    parts = [_core(s, unit), _effort_text(s), *_tags(s)]
    return ", ".join(p for p in parts if p)


def describe_entry(entry: LogEntry, unit: Unit = "kg") -> str:
    """The echo of a logged entry, for example ``back squat — 5 × 5 @ 100 kg, RIR 2``.

    Several different sets are listed one by one:
    ``bench press — 3 sets: 80 kg × 8, 80 kg × 8, 77.5 kg × 7, RIR 2, 1, 0``.
    A backdated entry ends with its date in ISO form: ``(2026-11-25)``; the lifter's
    note comes last: ``— note: felt heavy``.
    """
    sets = entry.sets
    when = f" ({entry.performed_on.isoformat()})" if entry.performed_on is not None else ""
    note = f" — note: {entry.note}" if entry.note else ""
    return f"{entry.exercise.name} — {describe_sets(sets, unit)}{when}{note}"


def describe_sets(sets: tuple[SetRecord, ...], unit: Unit = "kg") -> str:
    """The sets part of ``describe_entry``: ``5 × 5 @ 100 kg, RIR 2``."""
    if not sets:
        return "no sets"
    first = sets[0]
    if len(sets) == 1:
        return describe_set(first, unit)
    all_warmup = all(s.warmup for s in sets)
    tail = ", warm-up" if all_warmup else ""
    if all(s == first for s in sets):
        load = _load_text(first, unit)
        body = f"{len(sets)} × {_reps_text(first)}"
        if load:
            body += f" @ {load}"
        extra = [_effort_text(first), *_tags(first)]
        return body + "".join(f", {e}" for e in extra if e)

    def core(s: SetRecord) -> str:
        mark = " (warm-up)" if s.warmup and not all_warmup else ""
        return _core(s, unit) + (" (planned max)" if s.planned_max else "") + mark

    efforts = [_effort_text(s) for s in sets]
    listed = ", ".join(core(s) for s in sets)
    if all(e == efforts[0] for e in efforts):
        effort = f", {efforts[0]}" if efforts[0] else ""
    elif all(s.technique is None and s.rir is not None for s in sets):
        effort = ", RIR " + ", ".join(_rir_value(s) for s in sets)
    else:
        pairs = zip(sets, efforts, strict=True)
        listed = "; ".join(core(s) + (f", {effort}" if effort else "") for s, effort in pairs)
        effort = ""
    return f"{len(sets)} sets: {listed}{effort}{tail}"


# ------------------------------------------------------------------ canonical text
def _load_token(kg: float, unit: Unit) -> str:
    if unit == "lb":
        pounds = kg / LB_TO_KG
        if abs(pounds - round(pounds, 2)) < 0.002:  # read from pounds: back as written
            pounds = round(pounds, 2)
        return f"{_number(pounds, 3)}lb"
    return f"{_number(kg, 3)}kg"


def _measure_token(s: SetRecord) -> str:
    if s.seconds is not None:
        return f"{_number(s.seconds, 3)}sec"
    return f"{_number(s.meters or 0.0, 3)}meters"  # "m" is a minute on a plank


def _set_text(s: SetRecord, unit: Unit) -> str:
    """A set as its own group, ``100kg x 5+``, ``bw+20kg x 8``, ``x 12``, ``x 60sec``."""
    if s.timed:
        reps = _measure_token(s)
    else:
        reps = str(s.reps if s.reps is not None else 1)
        if s.reps_max is not None:
            reps += f"-{s.reps_max}"
        reps += "+" if s.amrap else ""
    if s.bodyweight and s.load_kg is not None and s.load_kg < 0:
        load = _load_token(-s.load_kg, unit)  # an assisted lift's help reads back as help
    elif s.bodyweight:
        load = "bw" if s.load_kg is None else f"bw+{_load_token(s.load_kg, unit)}"
    else:
        load = "" if s.load_kg is None else _load_token(s.load_kg, unit)
    return f"{load} x {reps}" if load else f"x {reps}"


def _effort_token(s: SetRecord) -> str:
    if s.technique is not None:
        return _TECHNIQUE_WORDS[s.technique]
    if s.failure and s.rir_max is None:
        return "f"
    if s.rir is None:
        return ""
    return f"rir{_rir_value(s)}"


def _runs(sets: tuple[SetRecord, ...]) -> list[tuple[SetRecord, int]]:
    """Consecutive equal sets as (set, count); technique, AMRAP and planned-max sets
    stand alone."""
    runs: list[tuple[SetRecord, int]] = []
    for s in sets:
        alone = s.technique is not None or s.amrap or s.planned_max
        if runs and runs[-1][0] == s and not alone:
            runs[-1] = (s, runs[-1][1] + 1)
        else:
            runs.append((s, 1))
    return runs


def _last_sets(count: int) -> str:
    return "last set" if count == 1 else f"last {count} sets"


def entry_to_text(entry: LogEntry, unit: Unit = "kg") -> str:
    """A log line that ``parse_log`` reads back to this entry (see the module notes).

    Runs of equal sets are written once with their count (``100kg x 5 x 5 rir2``),
    other sets one by one, each followed by its markers. A marker that only the last
    group carries is written as ``last N sets ...``, since on the last group alone it
    would apply to the whole line. Long entries (many different sets) can come out
    longer than ``parse_log`` accepts in one message.
    """
    sets = entry.sets
    runs = _runs(sets)
    all_warmup = bool(sets) and all(s.warmup for s in sets)
    efforts = [_effort_token(s) for s, _ in runs]
    # Only rir/f markers take part in that rule; technique words never spread.
    plain = [bool(e) and s.technique is None for e, (s, _) in zip(efforts, runs, strict=True)]
    several = len(runs) > 1
    lone_effort = several and plain[-1] and not any(plain[:-1])
    warm = [s.warmup and not all_warmup for s, _ in runs]
    lone_warmup = several and warm[-1] and not any(warm[:-1])
    groups: list[str] = []
    for k, (s, count) in enumerate(runs):
        words = [_set_text(s, unit) + (f" x {count}" if count > 1 else "")]
        is_last = k == len(runs) - 1
        if efforts[k]:
            if is_last and lone_effort:
                words.append(_last_sets(count))
            words.append(efforts[k])
        if warm[k]:
            words.append(f"{_last_sets(count)} wu" if is_last and lone_warmup else "wu")
        if s.planned_max:
            words.append("test")
        groups.append(" ".join(words))
    when = f" {entry.performed_on.isoformat()}" if entry.performed_on is not None else ""
    lead = "wu " if all_warmup else ""
    return f"{lead}{entry.exercise.name} " + ", ".join(groups) + when + _note_text(entry)


def _note_text(entry: LogEntry) -> str:
    """`` // felt heavy``: the note after ``//``, where nothing is read as notation; a PR
    mark is added when the note has none of its own."""
    note = " ".join(entry.note.replace(";", ",").split())
    if entry.pr and not has_pr_mark(note):
        note = f"{note}, PR" if note else "PR"
    return f" // {note}" if note else ""
