"""The pieces a log line is read into, and where loads written apart from sets go.

``bot.domain.notation.grammar`` reads a line's notation into ``LineParts`` (groups of
sets plus markers, loads placed as they come); ``bot.domain.notation.records`` then
applies every marker to the right sets. The reading rules are tabled in the docstring
of ``bot.domain.notation.parse``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.models import Technique, Unit
from bot.domain.notation.amounts import (
    Effort,
    Load,
    fail,
    plain_kg,
    rep_range,
    sets_of,
    two_loads,
)
from bot.domain.notation.lexer import Token
from bot.domain.notation.tokens import Item

__all__ = ["Group", "LineParts", "Mod", "add_group", "place_bare", "place_load", "reps_group",
           "scheme_group"]


@dataclass(slots=True)
class Mod:
    """A marker: ``effort``, ``technique``, ``warmup``, ``amrap``, ``planned`` or
    ``reps`` (``last set 4 reps``: the reps those sets got)."""

    kind: str
    word: str
    efforts: tuple[Effort, ...] = ()
    technique: Technique | None = None
    last: int = 0  # n > 0: the final n sets of the line
    working_only: bool = False  # moved from the last group: skips warm-up groups
    reps: int = 0


@dataclass(slots=True)
class Group:
    """Sets written together (``5x5``, ``135x8,8,7``), with the markers after them.

    ``reps_max``, ``seconds`` and ``meters`` are None unless some set has one; ``loads``
    holds one load per set when they were written per set (``3x8 85,85,80``).
    """

    reps: list[int | None]
    amrap: list[bool]
    load: Load | None = None
    load_after: bool = False
    mods: list[Mod] = field(default_factory=list)
    reps_max: list[int | None] | None = None
    seconds: list[float | None] | None = None
    meters: list[float | None] | None = None
    loads: list[Load] | None = None

    @property
    def size(self) -> int:
        return len(self.reps)


@dataclass(slots=True)
class LineParts:
    groups: list[Group] = field(default_factory=list)
    line_mods: list[Mod] = field(default_factory=list)
    tail_mods: list[Mod] = field(default_factory=list)
    line_load: Load | None = None
    forward: Load | None = None  # a load waiting for the sets written after it
    bares: list[Token] = field(default_factory=list)


def reps_group(items: list[Item], sets: int = 1) -> Group:
    """One set per item, or ``sets`` sets of a single item (AMRAP on the last one)."""
    many = sets != 1 and len(items) == 1
    reps: list[int | None] = []
    tops: list[int | None] = []
    seconds: list[float | None] = []
    meters: list[float | None] = []
    ranged = timed = False
    for item in items:
        if item.seconds is not None or item.meters is not None:
            reps.append(None)
            tops.append(None)
            timed = True
        else:
            low, high = rep_range(item.tok)
            reps.append(low)
            tops.append(high)
            ranged = ranged or high is not None
        seconds.append(item.seconds)
        meters.append(item.meters)
    if many:
        group = Group(reps * sets, [False] * (sets - 1) + [items[0].amrap])
        tops, seconds, meters = tops * sets, seconds * sets, meters * sets
    else:
        group = Group(reps, [item.amrap for item in items])
    if ranged:
        group.reps_max = tops
    if timed:
        group.seconds, group.meters = seconds, meters
    return group


def scheme_group(
    a: Token,
    a_load: Load | None,
    a_is_load: bool,
    b_load: Load | None,
    items: list[Item],
    c: Token | None,
    c_load: Load | None,
    unit: Unit,
) -> Group:
    """The sets of ``A x B [x C]`` (B: a load or rep items); ``a_is_load`` as the grammar
    decided it. ``a_load``/``c_load`` are set when A/C are surely loads (unit, bw, 20s).
    """
    if a_load is None and a.high is not None:
        fail(f"{a.text} before the x is a range; I need one number of sets.",
             "Write the sets you did, like 3x8-12.", "bench 3x8-12 @60kg")
    if b_load is not None:
        if a_is_load or c_load is not None:
            two_loads()
        group = reps_group([Item(a)], sets_of(c) if c is not None else 1)
        group.load = b_load
    elif c is None:
        if a_is_load or (len(items) > 1 and len(items) != int(a.value)):
            group = reps_group(items)
            group.load = a_load or Load(plain_kg(a, unit))
        else:
            group = reps_group(items, sets_of(a))
    else:  # a list never ends at an x, so there is one rep item here
        if a_is_load:
            if c_load is not None:
                two_loads()
            group = reps_group(items, sets_of(c))
            group.load = a_load or Load(plain_kg(a, unit))
        elif c_load is not None or c.decimal or c.value > 20:
            group = reps_group(items, sets_of(a))
            group.load = c_load or Load(plain_kg(c, unit))
        else:
            fail(f"I can't tell which of {a.text}, {items[0].tok.text} and {c.text} is the load.",
                 "Add the unit to the load, like 3x5x20kg.", "lateral raise 3x15x10kg")
    return group


def add_group(parts: LineParts, group: Group) -> None:
    """Add sets; a load written just before them (``100kg 5x5``) becomes theirs."""
    if parts.forward is not None:
        if group.load is not None or group.loads is not None:
            two_loads()
        group.load, parts.forward = parts.forward, None
    parts.groups.append(group)


def place_load(parts: LineParts, load: Load, *, after_at: bool, sets_follow: bool) -> None:
    """A load written apart from the sets.

    It belongs to the sets before it when they have none (always after ``@``), else
    to the sets right after it, else to the whole line.
    """
    prev = parts.groups[-1] if parts.groups else None
    if prev is not None and (after_at or prev.load is None) and prev.loads is None:
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
    """A bare number: the load of the sets beside it, or kept for the assembly to decide."""
    prev = parts.groups[-1] if parts.groups else None
    if tok.high is None and prev is not None and prev.load is None and prev.loads is None:
        prev.load, prev.load_after = Load(plain_kg(tok, unit)), True
    elif tok.high is None and parts.forward is None and sets_follow:
        parts.forward = Load(plain_kg(tok, unit))
    else:
        parts.bares.append(tok)
