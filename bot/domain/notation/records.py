"""How the pieces of a line become ``SetRecord`` values, every marker applied.

Groups. Sets written apart (``100x5 @8, 110x3 @9``, ``60x5 wu, 100x5x3``) form
groups. A marker (effort, failure, warm-up, or a load written after the sets) belongs
to the group it follows. When only the last of several groups carries a kind of
marker, that marker applies to the whole line (``175x5, 175x5, 170x6 rir1``); an
effort moved that way skips groups marked as warm-ups. A marker written before any
sets applies to the whole line. Techniques, ``amrap`` and planned-max marks land on
the last set of the group they follow.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.models import SetRecord, Technique, Unit
from bot.domain.notation.amounts import (
    BARE_REPS_MAX,
    EXAMPLE,
    MAX_LOAD_KG,
    MAX_SETS,
    Effort,
    Load,
    fail,
    plain_kg,
    to_kg,
    two_loads,
)
from bot.domain.notation.assembly import Group, LineParts, Mod, reps_group
from bot.domain.notation.lexer import Token
from bot.domain.notation.tokens import Item
from bot.domain.notation.values import set_record

__all__ = ["assemble"]


def assemble(
    parts: LineParts, name: str, unit: Unit, flip: str = "", flags: list[str] | None = None
) -> tuple[SetRecord, ...]:
    """The sets of a line, with every marker applied."""
    if parts.forward is not None:
        fail("That line ends with a load but no sets after it.",
             "Write the sets next to the load, like 100kg 5x5.", "squat 100kg 5x5")
    if parts.bares:
        _place_bare_numbers(parts, unit, flip, flags if flags is not None else [])
    groups = parts.groups
    if not groups:
        fail(f'I found "{name}" but no sets.',
             "After the exercise, write sets x reps (3x8) or load x reps (100x5).", EXAMPLE)
    if len(groups) == 1 and not parts.tail_mods:
        simple = _one_plain_group(parts)
        if simple is not None:
            return simple
    promoted = _promote(parts)
    if parts.line_load is not None and not promoted and all(g.load or g.loads for g in groups):
        two_loads()
    rows: list[_Row] = []
    spans: list[tuple[int, int]] = []
    for group in groups:
        start = len(rows)
        rows.extend(_rows(group, parts.line_load))
        spans.append((start, len(rows)))
    total = len(rows)
    if total > MAX_SETS:
        fail(f"That line holds {total} sets; I log at most {MAX_SETS} per line.",
             "Log the rest as a second entry: the exercise name again, on a line of its own.",
             "squat 5x5 @100kg")
    state = _SetState(total, [row[1] for row in rows])
    everything = range(total)
    working: list[int] | None = None
    if any(m.working_only for m in parts.line_mods):
        working = _working_sets(groups, spans) or list(everything)
    parts.line_mods = _one_per_set(parts.line_mods, total, working)
    for group in groups:
        group.mods = _one_per_set(group.mods, group.size, None)
    for mod in parts.line_mods:
        if mod.working_only:
            if working is None:
                working = _working_sets(groups, spans) or list(everything)
            state.apply(mod, working, 0)
        else:
            state.apply(mod, everything, 0)
    for group, (start, stop) in zip(groups, spans, strict=True):
        for mod in group.mods:
            state.apply(mod, range(start, stop), 1)
    for mod in parts.tail_mods:
        if mod.last > total:
            fail(f'"last {mod.last}" but the line has only {total} set(s).',
                 "Check the number after last.", "curl 3x10 @12kg last 2 sets f")
        if mod.kind == "reps":  # "last set 4 reps": those sets got 4, whatever was planned
            for k in range(total - mod.last, total):
                _, amrap, load, _, seconds, meters = rows[k]
                rows[k] = (mod.reps, amrap, load, None, seconds, meters)
            continue
        state.apply(mod, range(total - mod.last, total), 2)
    return state.records(rows)


def _one_per_set(mods: list[Mod], total: int, working: list[int] | None) -> list[Mod]:
    """Efforts written one after another that add up to one per set (``3x10 f f f``,
    ``3x12 rir 2 1 f``) give each set its own, in order, as ``rir 2,1,0`` does."""
    efforts = [m for m in mods if m.kind == "effort"]
    if len(efforts) < 2 or len({m.working_only for m in efforts}) > 1:
        return mods
    count = len(working) if efforts[0].working_only and working is not None else total
    if sum(len(m.efforts) for m in efforts) != count:
        return mods
    merged = Mod("effort", " ".join(m.word for m in efforts),
                 tuple(e for m in efforts for e in m.efforts),
                 working_only=efforts[0].working_only)
    return [merged, *(m for m in mods if m.kind != "effort")]


# reps, amrap, load, reps_max, seconds, meters
_Row = tuple[int | None, bool, Load | None, int | None, float | None, float | None]


def _rows(group: Group, line_load: Load | None) -> list[_Row]:
    load = group.load if group.load is not None else line_load
    n = group.size
    tops = group.reps_max or [None] * n
    seconds = group.seconds or [None] * n
    meters = group.meters or [None] * n
    loads: list[Load | None] = list(group.loads) if group.loads else [load] * n
    return [
        (group.reps[k], group.amrap[k], loads[k], tops[k], seconds[k], meters[k])
        for k in range(n)
    ]


def _one_plain_group(parts: LineParts) -> tuple[SetRecord, ...] | None:
    """The common line (one group, at most one effort per level): no per-set work.

    None when the line needs the general path.
    """
    group = parts.groups[0]
    if group.size > MAX_SETS or group.loads is not None or group.seconds is not None:
        return None
    effort: Effort | None = None
    warmup = False
    for mods in (parts.line_mods, group.mods):  # a group's effort overrides the line's
        seen = False
        for mod in mods:
            if mod.kind == "warmup":
                warmup = True
            elif mod.kind == "effort" and len(mod.efforts) == 1 and not seen:
                effort, seen = mod.efforts[0], True
            else:
                return None
    load = group.load if group.load is not None else parts.line_load
    if group.load is not None and parts.line_load is not None:
        two_loads()
    rir, rir_max, failure = effort if effort is not None else (None, None, False)
    tops = group.reps_max or [None] * group.size
    made: dict[tuple[int | None, bool, int | None], SetRecord] = {}
    out: list[SetRecord] = []
    for reps, amrap, top in zip(group.reps, group.amrap, tops, strict=True):
        record = made.get((reps, amrap, top))
        if record is None:
            record = made[reps, amrap, top] = set_record(
                reps=reps,
                load_kg=load.kg if load is not None else None,
                bodyweight=load.bodyweight if load is not None else False,
                rir=rir,
                rir_max=rir_max,
                failure=failure,
                warmup=warmup,
                amrap=amrap,
                reps_max=top,
            )
        out.append(record)
    return tuple(out)


def _working_sets(groups: list[Group], spans: list[tuple[int, int]]) -> list[int]:
    """Positions of the sets in groups not marked as warm-up."""
    out: list[int] = []
    for group, (start, stop) in zip(groups, spans, strict=True):
        if not any(m.kind == "warmup" for m in group.mods):
            out.extend(range(start, stop))
    return out


def _is_load_like(tok: Token) -> bool:
    return tok.decimal or tok.value > BARE_REPS_MAX


def _place_bare_numbers(parts: LineParts, unit: Unit, flip: str, flags: list[str]) -> None:
    """Bare numbers are a load next to sets; with no sets, a number above 30 (or with a
    decimal point) is the load of the numbers after it, and the rest are reps."""
    bares = parts.bares
    if parts.groups:
        for tok in bares:
            if tok.high is not None or parts.line_load is not None:
                fail(f"I can't tell what {tok.text} means in that line.",
                     "Write loads with a unit (100kg) and sets as sets x reps (3x8).",
                     "squat 5x5 @100kg")
            parts.line_load = Load(plain_kg(tok, unit))
        return
    if len(bares) >= 2 and not _is_load_like(bares[0]) and bares[0].high is None:
        flags.append("bare_reps")
        if flip == "bare_reps":
            group = reps_group([Item(tok) for tok in bares[1:]])
            group.load = Load(plain_kg(bares[0], unit))
            parts.groups.append(group)
            return
    load: Load | None = None
    run: list[Token] = []
    for k, tok in enumerate(bares):
        if _is_load_like(tok) and tok.high is None and k + 1 < len(bares):
            if run:
                _bare_group(parts, run, load)
            load, run = Load(plain_kg(tok, unit)), []
        elif tok.value > BARE_REPS_MAX:
            fail(f"Is {tok.text} the load or the reps?",
                 f"Write load x reps, like {tok.text}x5, or add the unit: {tok.text}kg.",
                 f"squat {tok.text}x5" if to_kg(tok.value, unit) <= MAX_LOAD_KG else EXAMPLE)
        else:
            run.append(tok)
    if run:  # a load is never last here: the last bare number is always reps
        _bare_group(parts, run, load)


def _bare_group(parts: LineParts, run: list[Token], load: Load | None) -> None:
    group = reps_group([Item(tok) for tok in run])
    group.load = load
    parts.groups.append(group)


def _promote(parts: LineParts) -> bool:
    """Markers that only the last of several groups carries apply to the whole line."""
    groups = parts.groups
    if len(groups) < 2:
        return False
    last, earlier = groups[-1], groups[:-1]
    for kind in ("effort", "warmup"):
        if any(m.kind == kind for m in parts.line_mods):
            continue
        mine = [m for m in last.mods if m.kind == kind]
        if mine and not any(m.kind == kind for g in earlier for m in g.mods):
            last.mods = [m for m in last.mods if m.kind != kind]
            for mod in mine:
                mod.working_only = kind == "effort"
            parts.line_mods.extend(mine)
    if last.load_after and parts.line_load is None and not any(g.load_after for g in earlier):
        parts.line_load = last.load
        return True
    return False


class _SetState:
    """Per-set markers while a line's modifiers are applied."""

    def __init__(self, total: int, amrap: list[bool]) -> None:
        self.effort: list[Effort | None] = [None] * total
        self.level = [-1] * total
        self.source = [""] * total
        self.technique: list[Technique | None] = [None] * total
        self.warmup = [False] * total
        self.planned = [False] * total
        self.amrap = amrap

    def apply(self, mod: Mod, where: Sequence[int], level: int) -> None:
        """Apply to the sets at ``where``; ``level`` 0: line, 1: group, 2: ``last N``."""
        if mod.kind == "effort":
            self._effort(mod, where, level)
        elif mod.kind == "warmup":
            for k in where:
                self.warmup[k] = True
        else:  # technique, amrap, planned: the last set of their target, or all of last N
            for k in where if level == 2 else where[-1:]:
                if mod.kind == "amrap":
                    self.amrap[k] = True
                elif mod.kind == "planned":
                    self.planned[k] = True
                else:
                    self.technique[k] = mod.technique

    def _effort(self, mod: Mod, where: Sequence[int], level: int) -> None:
        values = mod.efforts
        count = len(where)
        if len(values) != 1 and len(values) != count:
            fail(f'"{mod.word}" gives {len(values)} values for {count} set(s).',
                 "Give one value for all sets, or exactly one per set.",
                 "bench 3x8 @80kg rir 2,1,0")
        for pos, k in enumerate(where):
            if level < 2 and self.level[k] == level:
                fail(f'"{self.source[k]}" and "{mod.word}" both give the effort of the '
                     "same set.", "Give one effort per set: rir 2, rpe 8 or f.",
                     "bench 3x8 @80kg rir 2, last set f")
            self.effort[k] = values[0] if len(values) == 1 else values[pos]
            self.level[k], self.source[k] = level, mod.word

    def records(self, rows: list[_Row]) -> tuple[SetRecord, ...]:
        out: list[SetRecord] = []
        made: dict[tuple[object, ...], SetRecord] = {}  # equal sets share one record
        for k, row in enumerate(rows):
            key = (row, self.effort[k], self.technique[k], self.warmup[k], self.amrap[k],
                   self.planned[k])
            record = made.get(key)
            if record is None:
                record = made[key] = self._record(row, k)
            out.append(record)
        return tuple(out)

    def _record(self, row: _Row, k: int) -> SetRecord:
        reps, _, load, top, seconds, meters = row
        technique = self.technique[k]
        effort = self.effort[k]
        rir: float | None = None
        rir_max: float | None = None
        failure = technique is not None
        if failure:
            rir = 0.0
        elif effort is not None:
            rir, rir_max, failure = effort
        return set_record(
            reps=reps,
            load_kg=load.kg if load is not None else None,
            bodyweight=load.bodyweight if load is not None else False,
            rir=rir,
            rir_max=rir_max,
            failure=failure,
            technique=technique,
            warmup=self.warmup[k],
            amrap=self.amrap[k],
            reps_max=top,
            seconds=seconds,
            meters=meters,
            planned_max=self.planned[k],
        )
