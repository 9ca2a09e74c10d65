"""The pieces a log line is read into, and how they become ``SetRecord`` values.

``bot.domain.notation.grammar`` reads a line's notation into ``LineParts`` (groups of sets
plus markers, loads placed as they come); ``assemble`` applies every marker to the
right sets. The reading rules are tabled in the docstring of ``bot.domain.notation.parse``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

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
    reps_of,
    sets_of,
    to_kg,
    two_loads,
)
from bot.domain.notation.words import Token


@dataclass(slots=True)
class Mod:
    """A marker: ``effort``, ``technique``, ``warmup`` or ``amrap``."""

    kind: str
    word: str
    efforts: tuple[Effort, ...] = ()
    technique: Technique | None = None
    last: int = 0  # n > 0: the final n sets of the line
    working_only: bool = False  # moved from the last group: skips warm-up groups


@dataclass(slots=True)
class Group:
    """Sets written together (``5x5``, ``135x8,8,7``), with the markers after them."""

    reps: list[int]
    amrap: list[bool]
    load: Load | None = None
    load_after: bool = False
    mods: list[Mod] = field(default_factory=list)


@dataclass(slots=True)
class LineParts:
    groups: list[Group] = field(default_factory=list)
    line_mods: list[Mod] = field(default_factory=list)
    tail_mods: list[Mod] = field(default_factory=list)
    line_load: Load | None = None
    forward: Load | None = None  # a load waiting for the sets written after it
    bares: list[Token] = field(default_factory=list)


def reps_group(items: list[tuple[Token, bool]], sets: int = 1) -> Group:
    """One set per item, or ``sets`` sets of a single item (AMRAP on the last one)."""
    if sets == 1 or len(items) != 1:
        return Group([reps_of(tok) for tok, _ in items], [amrap for _, amrap in items])
    reps = reps_of(items[0][0])
    return Group([reps] * sets, [False] * (sets - 1) + [items[0][1]])


# ------------------------------------------------------------------ reading help
def scheme_group(
    a: Token,
    a_load: Load | None,
    load_first: bool,
    b_load: Load | None,
    items: list[tuple[Token, bool]],
    c: Token | None,
    c_load: Load | None,
    unit: Unit,
) -> Group:
    """The sets of ``A x B [x C]`` (B: a load or rep items); ``load_first``: A is a load.

    ``a_load``/``c_load`` are set when A/C are surely loads (unit, bw, 20s).
    """
    a_is_load = a_load is not None or load_first or a.decimal or a.value > 20
    if a_load is None and a.high is not None:
        fail(f"{a.text} before the x is a range; I need one number of sets.",
             "Write the sets you did, like 3x8-12.", "bench 3x8-12 @60kg")
    if b_load is not None:
        if a_load is not None or load_first or c_load is not None:
            two_loads()
        group = reps_group([(a, False)], sets_of(c) if c is not None else 1)
        group.load = b_load
    elif c is None:
        if a_is_load or (len(items) > 1 and len(items) != int(a.value)):
            group = reps_group(items)
            group.load = a_load or Load(plain_kg(a, unit))
        else:
            group = reps_group(items, sets_of(a))
    else:
        if len(items) != 1:
            fail("A list of reps can't be followed by another x.",
                 "Write load x reps per set, like 135x8,8,7.", "bench 135x8,8,7")
        if a_is_load:
            if c_load is not None:
                two_loads()
            group = reps_group(items, sets_of(c))
            group.load = a_load or Load(plain_kg(a, unit))
        elif c_load is not None or c.decimal or c.value > 20:
            group = reps_group(items, sets_of(a))
            group.load = c_load or Load(plain_kg(c, unit))
        else:
            fail(f"I can't tell which of {a.text}, {items[0][0].text} and {c.text} is the load.",
                 "Add the unit to the load, like 3x5x20kg.", "lateral raise 3x15x10kg")
    return group


def add_group(parts: LineParts, group: Group) -> None:
    """Add sets; a load written just before them (``100kg 5x5``) becomes theirs."""
    if parts.forward is not None:
        if group.load is not None:
            two_loads()
        group.load, parts.forward = parts.forward, None
    parts.groups.append(group)


def place_load(parts: LineParts, load: Load, *, after_at: bool, sets_follow: bool) -> None:
    """A load written apart from the sets.

    It belongs to the sets before it when they have none (always after ``@``), else
    to the sets right after it, else to the whole line.
    """
    prev = parts.groups[-1] if parts.groups else None
    if prev is not None and (after_at or prev.load is None):
        if prev.load is not None:
            two_loads()
        prev.load, prev.load_after = load, True
    elif not after_at and sets_follow:
        if parts.forward is not None:
            two_loads()
        parts.forward = load
    elif prev is not None or parts.line_load is not None:
        two_loads()
    else:
        parts.line_load = load


def place_bare(parts: LineParts, tok: Token, unit: Unit, *, sets_follow: bool) -> None:
    """A bare number: the load of the sets beside it, or kept for ``assemble`` to decide."""
    prev = parts.groups[-1] if parts.groups else None
    if tok.high is None and prev is not None and prev.load is None:
        prev.load, prev.load_after = Load(plain_kg(tok, unit)), True
    elif tok.high is None and parts.forward is None and sets_follow:
        parts.forward = Load(plain_kg(tok, unit))
    else:
        parts.bares.append(tok)


# ------------------------------------------------------------------ assembly
def assemble(parts: LineParts, name: str, unit: Unit) -> tuple[SetRecord, ...]:
    """The sets of a line, with every marker applied."""
    if parts.forward is not None:
        fail("That line ends with a load but no sets after it.",
             "Write the sets next to the load, like 100kg 5x5.", "squat 100kg 5x5")
    if parts.bares:
        _place_bare_numbers(parts, unit)
    groups = parts.groups
    if not groups:
        fail(f'I found "{name}" but no sets.',
             "After the exercise, write sets x reps (3x8) or load x reps (100x5).", EXAMPLE)
    if len(groups) == 1 and not parts.tail_mods:
        simple = _one_plain_group(parts)
        if simple is not None:
            return simple
    promoted = _promote(parts)
    if parts.line_load is not None and not promoted and all(g.load for g in groups):
        two_loads()
    reps: list[int] = []
    amrap: list[bool] = []
    loads: list[Load | None] = []
    spans: list[tuple[int, int]] = []
    for group in groups:
        start = len(reps)
        reps.extend(group.reps)
        amrap.extend(group.amrap)
        load = group.load if group.load is not None else parts.line_load
        loads.extend([load] * len(group.reps))
        spans.append((start, len(reps)))
    total = len(reps)
    if total > MAX_SETS:
        fail(f"That line holds {total} sets; I log at most {MAX_SETS} per line.",
             "Split the sets over two lines.", "squat 5x5 @100kg")
    state = _SetState(total, amrap)
    everything = range(total)
    working: list[int] | None = None
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
        state.apply(mod, range(total - mod.last, total), 2)
    return state.records(reps, loads)


def _one_plain_group(parts: LineParts) -> tuple[SetRecord, ...] | None:
    """The common line (one group, at most one effort per level): no per-set work.

    None when the line needs the general path.
    """
    group = parts.groups[0]
    if len(group.reps) > MAX_SETS:
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
    made: dict[tuple[int, bool], SetRecord] = {}
    out: list[SetRecord] = []
    for reps, amrap in zip(group.reps, group.amrap, strict=True):
        record = made.get((reps, amrap))
        if record is None:
            record = made[reps, amrap] = SetRecord(
                reps=reps,
                load_kg=load.kg if load is not None else None,
                bodyweight=load.bodyweight if load is not None else False,
                rir=rir,
                rir_max=rir_max,
                failure=failure,
                warmup=warmup,
                amrap=amrap,
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


def _place_bare_numbers(parts: LineParts, unit: Unit) -> None:
    """Bare numbers are a load next to sets, else one set of reps each."""
    if parts.groups:
        for tok in parts.bares:
            if tok.high is not None or parts.line_load is not None:
                fail(f"I can't tell what {tok.text} means in that line.",
                     "Write loads with a unit (100kg) and sets as sets x reps (3x8).",
                     "squat 5x5 @100kg")
            parts.line_load = Load(plain_kg(tok, unit))
        return
    for tok in parts.bares:
        if tok.value > BARE_REPS_MAX:
            fail(f"Is {tok.text} the load or the reps?",
                 f"Write load x reps, like {tok.text}x5, or add the unit: {tok.text}kg.",
                 f"squat {tok.text}x5" if to_kg(tok.value, unit) <= MAX_LOAD_KG else EXAMPLE)
    parts.groups.append(reps_group([(tok, False) for tok in parts.bares]))


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
        self.amrap = amrap

    def apply(self, mod: Mod, where: Sequence[int], level: int) -> None:
        """Apply to the sets at ``where``; ``level`` 0: line, 1: group, 2: ``last N``."""
        if mod.kind == "effort":
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
        elif mod.kind == "warmup":
            for k in where:
                self.warmup[k] = True
        else:  # technique and amrap: the last set of their target, or every set of last N
            for k in where if level == 2 else where[-1:]:
                if mod.kind == "amrap":
                    self.amrap[k] = True
                else:
                    self.technique[k] = mod.technique

    def records(self, reps: list[int], loads: list[Load | None]) -> tuple[SetRecord, ...]:
        out: list[SetRecord] = []
        made: dict[tuple[object, ...], SetRecord] = {}  # equal sets share one record
        for k, count in enumerate(reps):
            key = (count, loads[k], self.effort[k], self.technique[k], self.warmup[k],
                   self.amrap[k])
            record = made.get(key)
            if record is None:
                record = made[key] = self._record(count, loads[k], k)
            out.append(record)
        return tuple(out)

    def _record(self, count: int, load: Load | None, k: int) -> SetRecord:
        technique = self.technique[k]
        effort = self.effort[k]
        rir: float | None = None
        rir_max: float | None = None
        failure = technique is not None
        if failure:
            rir = 0.0
        elif effort is not None:
            rir, rir_max, failure = effort
        return SetRecord(
            reps=count,
            load_kg=load.kg if load is not None else None,
            bodyweight=load.bodyweight if load is not None else False,
            rir=rir,
            rir_max=rir_max,
            failure=failure,
            technique=technique,
            warmup=self.warmup[k],
            amrap=self.amrap[k],
        )
