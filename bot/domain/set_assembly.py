"""The pieces a log line is read into, and how they become ``SetRecord`` values.

``bot.domain.sets_grammar`` reads a line's notation into ``LineParts`` (groups of sets
plus markers); ``assemble`` applies every marker to the right sets. Limits, the
error type and the checks on single numbers live here too, so both modules share
them. The reading rules are tabled in the docstring of ``bot.domain.parsing``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple, NoReturn

from bot.domain.models import LB_TO_KG, ParseError, SetRecord, Technique, Unit
from bot.domain.notation import Token

MAX_CHARS: Final = 500
MAX_REPS: Final = 100
MAX_SETS: Final = 20
MAX_LOAD_KG: Final = 1000.0
MAX_RIR: Final = 10.0
BARE_REPS_MAX: Final = 30
EXAMPLE: Final = "squat 5x5 @100kg rir2"

Effort = tuple[float, float | None, bool]  # rir, rir_max, failure
FAILURE: Final[Effort] = (0.0, None, True)


class Stop(Exception):
    """Carries a ParseError out of the reading code to ``parse_log``."""

    def __init__(self, error: ParseError) -> None:
        super().__init__(error.error)
        self.error = error


def fail(
    error: str, hint: str, example: str = EXAMPLE, suggestions: tuple[str, ...] = ()
) -> NoReturn:
    raise Stop(ParseError(error=error, hint=hint, example=example, suggestions=suggestions))


def two_loads() -> NoReturn:
    fail(
        "That line gives two loads for the same sets.",
        "Write one load per group of sets, like 100kg 5x5 or 100x5, 110x3.",
        "squat 100x5, 110x3, 120x1",
    )


class Load(NamedTuple):
    kg: float | None
    bodyweight: bool = False


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


# ------------------------------------------------------------------ single numbers
def to_kg(value: float, unit: Unit) -> float:
    kg = value if unit == "kg" else round(value * LB_TO_KG, 3)
    if kg > MAX_LOAD_KG:
        fail(
            f"{value:g} {unit} is more than any lift I can log (the limit is 1000 kg).",
            "Check the load for a typo, and write it with its unit, like 100kg or 225lb.",
        )
    return kg


def plain_kg(tok: Token, unit: Unit) -> float:
    if tok.high is not None:
        fail(
            f"{tok.text} looks like a range, but a load needs one number.",
            "Give each group of sets its own load: 100x5, 110x5.",
            "squat 100x5, 110x5",
        )
    return to_kg(tok.value, unit)


def reps_of(tok: Token) -> int:
    if tok.decimal or tok.pair:
        fail(f"{tok.text} is not a whole number of reps.", "Count reps in whole numbers.",
             "squat 5x5 @100kg")
    if tok.high is not None and tok.high < tok.value:
        fail(
            f"{tok.text} counts down, so I can't read it as a rep range.",
            "For reps per set, separate them with commas: 10,8,6.",
            "curl 10,8,6 @12kg",
        )
    reps = int(tok.value)
    if reps < 1:
        fail("A set needs at least 1 rep.", "Log a missed attempt as 1 rep to failure.",
             "bench 1x1 @120kg f")
    if reps > MAX_REPS:
        fail(f"{reps} reps in one set is more than I can log (the limit is {MAX_REPS}).",
             "Check for a typo; for load x reps write 100x5.", "squat 100x5")
    return reps


def sets_of(tok: Token) -> int:
    if tok.decimal or tok.high is not None or tok.pair or tok.value < 1:
        fail(f"{tok.text} is not a number of sets.", "Write sets x reps, like 3x8.",
             "bench 3x8 @80kg")
    sets = int(tok.value)
    if sets > MAX_SETS:
        fail(f"{sets} sets is more than I log in one line (the limit is {MAX_SETS}).",
             "Check for a typo, or split the sets over two lines.", "squat 5x5 @100kg")
    return sets


def reps_group(items: list[tuple[Token, bool]], sets: int = 1) -> Group:
    """One set per item, or ``sets`` sets of a single item (AMRAP on the last one)."""
    if sets == 1 or len(items) != 1:
        return Group([reps_of(tok) for tok, _ in items], [amrap for _, amrap in items])
    reps = reps_of(items[0][0])
    return Group([reps] * sets, [False] * (sets - 1) + [items[0][1]])


def rpe_like(tok: Token) -> bool:
    """A bare ``@x`` is an RPE when x is 5..10 in steps of 0.5."""
    values = (tok.value, tok.high)
    return all(v is None or (5.0 <= v <= 10.0 and (v * 2).is_integer()) for v in values)


def effort_of(tok: Token, rpe: bool) -> Effort:
    """RIR (and range end, failure) from a number written as RIR or as RPE."""
    if tok.pair:
        fail(f"{tok.text} is not an effort.", "Write the effort as rir 2 or rpe 8.",
             "bench 3x8 @80kg rir 2")
    lo, hi = tok.value, tok.high
    if hi is not None and hi < lo:
        lo, hi = hi, lo
    for value in (lo, hi):
        if value is None:
            continue
        if rpe and not 1.0 <= value <= 10.0:
            fail(f"RPE {value:g} is outside the RPE scale, which runs from 1 to 10.",
                 "RPE 10 is failure, RPE 8 means two reps left.", "bench 3x8 @80kg rpe 8")
        if not rpe and value > MAX_RIR:
            fail(f"RIR {value:g} is more reps in reserve than I can use (at most 10).",
                 "RIR counts the reps you had left: rir 2 means two more were possible.",
                 "bench 3x8 @80kg rir 2")
    if rpe:
        rir, rir_max = round(10.0 - (hi if hi is not None else lo), 2), None
        if hi is not None:
            rir_max = round(10.0 - lo, 2)
    else:
        rir, rir_max = lo, hi
    if rir_max == rir:
        rir_max = None
    return (rir, rir_max, rir == 0.0 and rir_max is None)


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
