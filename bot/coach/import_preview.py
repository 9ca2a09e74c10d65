"""The replies of /import's preview: what the file holds, what it was read as, what
was left out; every name listed, in as many embed fields as it takes."""

from __future__ import annotations

from dataclasses import replace

from bot.coach.replies import Reply, error_reply, literal
from bot.domain.transfer import FORMAT_NAMES, ImportProblem, ImportResult

FIELD_CHARS = 1000  # a Discord embed field holds 1024 characters
IMPORT_EXAMPLE = "/import file:strong_workouts.csv format:auto"


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def import_error(what: str, hint: str, example: str = IMPORT_EXAMPLE) -> Reply:
    reply = error_reply(what, hint, example, title="I couldn't import that")
    return replace(reply, footer="Nothing was imported.")


def problem_reply(problem: ImportProblem) -> Reply:
    return import_error(problem.error, problem.hint, problem.example)


def preview_reply(
    result: ImportResult, filename: str, zone: str, known: int, pending_id: int,
    shown_unit: str = "kg",
) -> Reply:
    first, last = result.first_date, result.last_date
    own = result.format == "liftcoach"
    span = "" if first is None or last is None else (
        f", {first:%d %b %Y} to {last:%d %b %Y}")
    name = literal(filename)
    lines = [
        f"**{name}** ({FORMAT_NAMES[result.format]}): {result.rows} rows → "
        f"{result.sets} sets in {len(result.entries)} entries from {result.workouts} "
        f"workouts{span}.",
        f"Warm-ups {result.count('warmup')} · drop sets {result.count('dropset')} · "
        f"sets to failure {result.count('failure')}"
        + ("." if own else " · RIR read as 10 − RPE."),
        f"Weights: {result.weights}."
        + ("" if own else f" Times without a zone read in {zone}."),
    ]
    if result.file_unit and result.file_unit != shown_unit:
        lines.append(f"Your replies show weights in {shown_unit}, so these come converted "
                     f"(to two decimals); `/profile unit:{result.file_unit}` shows them in "
                     f"{result.file_unit}, as the file has them.")
    lines.extend(_kept_lines(result))
    if result.pounds_hint:
        lines.append(
            "⚠ These weights look like pounds (almost all in steps of 2.5 and 5, as plates "
            "in pounds go), but I read them as kg, your profile unit, because the file does "
            "not say. If they are pounds, Cancel and import again with unit:lb: "
            f"`/import file:{filename.replace('`', chr(39))} unit:lb`.")
    for reason, n in result.skipped:
        lines.append(f"Left out {n} row{'s' if n != 1 else ''}: {reason}.")
    if known:
        lines.append(f"{known} of these entries are already in your history and will be "
                     "skipped.")
    fields = [*_listed("Read as", [f"{literal(a)} → {b}" for a, b in result.read_as])]
    if result.unmapped:
        shown = [f"{literal(u.name)}: {u.sets} sets"
                 + (f" (closest: {', '.join(u.suggestions)})" if u.suggestions else "")
                 for u in result.unmapped]
        shown.append("Kept as your own exercises (no tier) unless you import again with "
                     "map:\"Name=exercise\"; later, give one a tier with /exercise NAME "
                     "tier:X or move it onto a catalogue lift with /exercise NAME merge:LIFT.")
        fields.extend(_listed("Not in the catalogue", shown))
    return Reply(title="Import preview", lines=tuple(lines), fields=tuple(fields),
                 private=True, tone="warning" if result.pounds_hint else "info",
                 footer=f"Import #{pending_id}: nothing is stored until you "
                 "confirm; the preview waits a day.")


def _kept_lines(result: ImportResult) -> list[str]:
    """What else the file holds that is kept: timed sets, assistance, notes."""
    lines = []
    timed, helped = result.count("timed"), result.count("assisted")
    if timed:
        lines.append(f"Timed or distance sets {timed}: kept as seconds and metres, never as "
                     "reps or load.")
    if helped:
        lines.append(f"Assisted sets {helped}: the weight is help, kept as bodyweight minus "
                     "it, never as added load.")
    if result.notes:
        lines.append(f"Notes kept with {result.notes} entr"
                     f"{'y' if result.notes == 1 else 'ies'}.")
    return lines


def _listed(title: str, items: list[str]) -> list[tuple[str, str]]:
    """Every item, in as many fields as it takes (each within an embed field's size)."""
    fields: list[tuple[str, str]] = []
    chunk: list[str] = []
    for item in items:
        if chunk and len("\n".join((*chunk, item))) > FIELD_CHARS:
            fields.append((title if not fields else f"{title} (more)", "\n".join(chunk)))
            chunk = []
        chunk.append(item[:FIELD_CHARS])
    if chunk:
        fields.append((title if not fields else f"{title} (more)", "\n".join(chunk)))
    return fields


def name_list(result: ImportResult) -> str:
    """Every name in the file and what it becomes, as plain text."""
    lines = [f"{a} -> {b}" for a, b in result.read_as]
    lines += [f"{u.name} -> your own exercise ({u.sets} sets)"
              + (f"; closest: {', '.join(u.suggestions)}" if u.suggestions else "")
              for u in result.unmapped]
    return "\n".join(lines) + ("\n" if lines else "")
