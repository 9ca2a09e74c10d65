"""The advice for one logged message as a whole: at most three items, each rule once.

Every entry of the message is checked (``bot.domain.advice.engine.fired``) against the
lifter's history with their calibrated effort (``bot.domain.figures.calibration``), and
the reply is chosen for the message, not per entry:

- **One item per rule**, naming every exercise it fired for ("[A3] Push the last set of
  leg curl, calf raise and curl ..."). A1, A4 and W1 say the same thing about one lift
  (too much failure on it): when two of them fire for the same exercise, all of them
  that fired become one item, led by the most important, with every id in its tag
  ("[W1][A1] ...").
- **Most important first** (:data:`PRIORITY`): the history-aware warnings W3, W2, W1 and
  W8, then soreness and volume (W4, W6), then the per-set cautions, then praise. At most
  :data:`MAX_ITEMS` items; the ids that did not fit are named in one line.
- **A premise must hold**: during a deload (declared with /deload, or a week the log
  shows as one: ``bot.domain.figures.deload``) W5, A3 and W7 stay quiet, and the first
  reply they are quiet in says so (once a week at most); W5 is said at most once per
  session; sets without an effort get one short request for it per reply (no rule
  judges them).
- **Variety**: a caution or a praise already said this week for every exercise it names
  is said again as its headline only (the full text stays in /why). What was said is
  recomputed from the entries of the lifter's last 7 local days: each earlier message
  (the entries stored at one instant) is chosen again as it was then, with the
  calibration the lifter's entries gave then.
- **Effort** is the lifter's calibrated one (``bot.domain.figures.calibration``): the
  entries come in as logged and every rule reads them corrected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from bot.domain.advice.checks import Hit, day_word
from bot.domain.advice.deload_due import deload_due
from bot.domain.advice.engine import fired, fit_note
from bot.domain.advice.lines import LINES, headline, names_text
from bot.domain.advice.rules import RULES
from bot.domain.figures.calibration import (
    MIN_PAIRS,
    Calibration,
    KnownPairs,
    calibrated,
    rir_calibration,
)
from bot.domain.figures.deload import declared, recognised
from bot.domain.figures.volume import in_week, known_rirs, week_volume
from bot.domain.local_time import local_date_of
from bot.domain.models import Profile, Severity, Soreness, StoredEntry

MAX_ITEMS = 3
"""Items in one reply, whatever the number of exercises logged."""

PRIORITY: tuple[str, ...] = (
    "W3", "W2", "W1", "W8", "W4", "W6", "A2", "A1", "A6", "A4", "A3", "W5", "W7", "A5",
)
"""Which rule leads: history-aware warnings, then soreness and volume, then the per-set
cautions, then praise."""

SAME_POINT: frozenset[str] = frozenset({"A1", "A4", "W1"})
"""Rules that say the same thing about one lift: too much failure on it."""

DELOAD_QUIET: frozenset[str] = frozenset({"W5", "A3", "W7"})
"""The push-harder and effort-guess rules, quiet during a deload."""

ONCE_A_SESSION: frozenset[str] = frozenset({"W5"})
MUTED = "muted"

LOOKBACK = timedelta(days=42)
"""History the choice reads: the rules' 15 days, and the weeks a deload is measured by."""


@dataclass(frozen=True)
class Item:
    """One reply item: its rule ids (lead first), the exercises named, the text."""

    rule_ids: tuple[str, ...]
    severity: Severity
    exercises: tuple[str, ...]
    """Exercise keys it names."""
    text: str
    full: bool = True


@dataclass(frozen=True)
class SessionReply:
    """What the reply to one message says; the coach lays it out."""

    items: tuple[Item, ...] = ()
    left_out: tuple[str, ...] = ()
    fit_notes: Mapping[int, str] = field(default_factory=dict)
    effort_request: str | None = None
    deload_note: str | None = None
    muted: tuple[str, ...] = ()
    deload_due: str | None = None
    calibration: Calibration | None = None  # the lifter's, as the rules read it

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(r for item in self.items for r in item.rule_ids)


@dataclass
class _Unit:
    """Rules to say as one item, with the entries each fired on."""

    rule_ids: list[str]
    hits: list[tuple[str, StoredEntry, Hit]]

    @property
    def rank(self) -> int:
        return min(PRIORITY.index(r) for r in self.rule_ids)

    def exercise_keys(self) -> list[str]:
        return list(dict.fromkeys(e.exercise.key for _, e, _ in self.hits))

    def names(self) -> list[str]:
        return list(dict.fromkeys(e.exercise.name for _, e, _ in self.hits))


@dataclass(frozen=True)
class _Choice:
    units: tuple[_Unit, ...]
    left_out: tuple[str, ...]
    muted: tuple[str, ...]
    quiet_entries: frozenset[int]
    """Entries some rule fired on (said, left out or muted): they get no fit note."""


def _units(hits: Sequence[tuple[str, StoredEntry, Hit]]) -> list[_Unit]:
    by_rule: dict[str, list[tuple[str, StoredEntry, Hit]]] = {}
    for hit in hits:
        by_rule.setdefault(hit[0], []).append(hit)
    same = [r for r in by_rule if r in SAME_POINT]
    per_lift: dict[str, int] = {}
    for r in same:
        for key in {e.exercise.key for _, e, _ in by_rule[r]}:
            per_lift[key] = per_lift.get(key, 0) + 1
    merged = len(same) > 1 and any(n > 1 for n in per_lift.values())
    units: list[_Unit] = []
    if merged:
        ordered = sorted(same, key=PRIORITY.index)
        units.append(_Unit(ordered, [h for r in ordered for h in by_rule[r]]))
    units += [_Unit([r], by_rule[r]) for r in by_rule if not (merged and r in SAME_POINT)]
    return sorted(units, key=lambda u: u.rank)


def _choose(
    fresh: Sequence[StoredEntry],
    history: Sequence[StoredEntry],
    profile: Profile,
    soreness: Sequence[Soreness],
    now: datetime,
    said_today: frozenset[str] = frozenset(),
) -> _Choice:
    pool = [*history, *fresh]
    hits: list[tuple[str, StoredEntry, Hit]] = []
    muted: list[str] = []
    quiet: set[int] = set()
    days = {e.local_date for e in fresh}  # a deload worked out once per day, not per entry
    deloads = {d: declared(profile, d) or recognised(pool, d) for d in days}
    volume = week_volume(pool, local_date_of(now, profile.timezone))  # one week for all
    for entry in fresh:
        others = [e for e in pool if e.entry_id != entry.entry_id]
        deload = deloads[entry.local_date]
        for rule, hit in fired(entry, others, profile, soreness, now, volume):
            quiet.add(entry.entry_id)
            if deload and rule.rule_id in DELOAD_QUIET:
                muted.append(rule.rule_id)
            elif rule.rule_id in ONCE_A_SESSION and rule.rule_id in said_today:
                continue
            else:
                hits.append((rule.rule_id, entry, hit))
    units = _units(hits)
    left = tuple(r for u in units[MAX_ITEMS:] for r in u.rule_ids)
    return _Choice(tuple(units[:MAX_ITEMS]), left, tuple(dict.fromkeys(muted)),
                   frozenset(quiet))


def _messages(entries: Sequence[StoredEntry]) -> list[list[StoredEntry]]:
    """Entries grouped by the instant they were stored at (one message), oldest first."""
    groups: dict[datetime, list[StoredEntry]] = {}
    for e in sorted(entries, key=lambda e: (e.performed_at, e.entry_id)):
        groups.setdefault(e.performed_at, []).append(e)
    return list(groups.values())


@dataclass(frozen=True)
class Asked:
    """What a reply needs to know of the week's earlier replies, so only the messages
    that can answer are chosen again (newest first, until everything is answered)."""

    pairs: frozenset[tuple[str, str]] = frozenset()
    """(rule id, exercise key): was it said this week?"""
    days: frozenset[date] = frozenset()
    """Days whose once-a-session rules matter (W5 said that day?)."""
    muted: bool = False
    """Did a deload quiet an earlier reply this week?"""

    def answered(self, said: set[tuple[str, str, date]]) -> bool:
        told = {(r, k) for r, k, _ in said}
        return (self.pairs <= told
                and (not self.days or any(r in ONCE_A_SESSION and d in self.days
                                          for r, _, d in said))
                and (not self.muted or any(r == MUTED for r, _, _ in said)))

    def concerns(self, message: Sequence[StoredEntry]) -> bool:
        keys = {k for _, k in self.pairs}
        return (self.muted or any(e.exercise.key in keys or e.local_date in self.days
                                  for e in message))


def said_this_week(
    history: Sequence[StoredEntry],
    profile: Profile,
    soreness: Sequence[Soreness],
    today: date,
    asked: Asked | None = None,
    known: KnownPairs | None = None,
    calibrating: bool = True,
) -> set[tuple[str, str, date]]:
    """(rule id, exercise key, local date) for each item the lifter's earlier messages
    of the last 7 local days were told, chosen again as it was at the time; a message
    whose reply a deload quieted adds (``MUTED``, "", its date): it carried the note.
    With ``asked``, only the messages that concern it are chosen again, newest first,
    and the search stops once it is answered (a log costs little however busy the week).
    ``known``: the calibration's pairs of older tests (see ``rir_calibration``); not
    ``calibrating``: no calibration of the history's can be applied (too few pairs in
    all of it, so in any part of it), and none is worked out."""
    said: set[tuple[str, str, date]] = set()
    messages = _messages([e for e in history if in_week(e.local_date, today)])
    if asked is not None:
        messages = [m for m in reversed(messages) if asked.concerns(m)]
    for message in messages:
        if asked is not None and asked.answered(said):
            break
        at = message[0].performed_at
        before = [e for e in history if e.performed_at < at]
        found = rir_calibration([*before, *message], known) if calibrating else None
        first = message[0].local_date - LOOKBACK
        recent = calibrated([e for e in before if e.local_date >= first], found)
        reports = [r for r in soreness if r.reported_at <= at]
        choice = _choose(calibrated(message, found), recent, profile, reports, at)
        for unit in choice.units:
            for rule_id in unit.rule_ids:
                for _, entry, _ in unit.hits:
                    said.add((rule_id, entry.exercise.key, entry.local_date))
        if choice.muted:
            said.add((MUTED, "", message[0].local_date))
    return said


def _detail(unit: _Unit) -> str:
    """The first of the unit's rules with one detail for all it names (a merged item
    keeps one "Here: ..." sentence, not one per rule)."""
    for rule_id in unit.rule_ids:
        own = list(dict.fromkeys(h.detail for r, _, h in unit.hits
                                 if r == rule_id and h.detail))
        if len(own) == 1:
            return own[0]
    return ""


def _text(unit: _Unit, full: bool, today: date) -> str:
    lead = unit.rule_ids[0]
    days = {e.local_date for _, e, _ in unit.hits}
    day = day_word(days.pop(), today) if len(days) == 1 else "in this log"
    tag = "][".join(unit.rule_ids)
    line = headline(lead, unit.names(), day)
    if not full:
        return f"[{tag}] {line} (/why {lead})"
    rest = " ".join(p for p in (LINES[lead].because, _detail(unit)) if p)
    return f"[{tag}] {line} {rest}"


def _is_full(unit: _Unit, said: set[tuple[str, str, date]]) -> bool:
    lead = unit.rule_ids[0]
    if RULES[lead].severity == "warning":
        return True
    before = {(r, k) for r, k, _ in said}
    return any((lead, key) not in before for key in unit.exercise_keys())


def _effort_request(fresh: Sequence[StoredEntry]) -> str | None:
    names = [e.exercise.name for e in fresh
             if any(s.effective_rir is None and not s.timed for s in e.working_sets)]
    if not names:
        return None
    names = list(dict.fromkeys(names))
    return (f"No effort on some sets of {names_text(names)}: add rir2 or @8 next time so "
            "they can be checked.")


def _deload_note(
    fresh: Sequence[StoredEntry], profile: Profile, muted: bool,
    said: set[tuple[str, str, date]],
) -> str | None:
    """Why the reply is quieter, on the first reply the deload quieted (this week, and
    for a declared deload since it began)."""
    if not muted:
        return None
    day = max(e.local_date for e in fresh)
    start = profile.deload_from if declared(profile, day) else None
    if any(r == MUTED and (start is None or d >= start) for r, _, d in said):
        return None
    quiet = names_text(sorted(DELOAD_QUIET, key=PRIORITY.index))
    if start is not None and profile.deload_until is not None:
        end = profile.deload_until
        return (f"Deload until {end:%a} {end.day} {end:%b}: {quiet} stay quiet, so light "
                "sets draw no push-harder advice.")
    return (f"This week looks like a deload (far fewer hard sets than usual, all at RIR 3 "
            f"or more): {quiet} stay quiet.")


def advise_session(
    fresh: Sequence[StoredEntry],
    history: Sequence[StoredEntry],
    profile: Profile,
    soreness: Sequence[Soreness],
    now: datetime,
    known: KnownPairs | None = None,
) -> SessionReply:
    """The reply to the message that stored ``fresh``, given the lifter's ``history``
    (their other entries, as logged: the effort is calibrated here, and each earlier
    message of the week with the calibration of its own time): the whole log, or with
    ``known`` (older tests' pairs, see ``rir_calibration``) :data:`LOOKBACK` before the
    week and ``MATCH_DAYS`` before ``known.before``."""
    working = [e for e in fresh if e.working_sets]
    if not working:
        return SessionReply()
    today = local_date_of(now, profile.timezone)
    fresh_ids = {e.entry_id for e in fresh}
    raw = [e for e in history if e.entry_id not in fresh_ids]
    found = rir_calibration([*raw, *working], known)
    working = calibrated(working, found)
    history = calibrated([e for e in raw if e.local_date >= today - LOOKBACK], found)
    choice = _choose(working, history, profile, soreness, now)
    pairs = found is not None and len(found.pairs) >= MIN_PAIRS
    said = said_this_week(raw, profile, soreness, today, _asked(choice, working), known, pairs)
    session_days = {e.local_date for e in working}
    said_today = frozenset(r for r, _, d in said if d in session_days)
    # Chosen again only when a once-a-session rule that fired was said today: nothing
    # else reads ``said_today``, so otherwise the choice would come out the same.
    chosen = {r for u in choice.units for r in u.rule_ids}
    if said_today & chosen and said_today & ONCE_A_SESSION & {*chosen, *choice.left_out}:
        choice = _choose(working, history, profile, soreness, now, said_today)
        said |= said_this_week(raw, profile, soreness, today, _asked(choice, working),
                               known, pairs)
    items = []
    for unit in choice.units:
        full = _is_full(unit, said)
        items.append(Item(tuple(unit.rule_ids), RULES[unit.rule_ids[0]].severity,
                          tuple(unit.exercise_keys()), _text(unit, full, today), full))
    request = _effort_request(working)
    notes = {
        e.entry_id: note for e in working
        if e.entry_id not in choice.quiet_entries and e.exercise.tier is not None
        and known_rirs(e.working_sets) and (note := fit_note(e, profile, now)) is not None
    }
    fired_ids = {r for u in choice.units for r in u.rule_ids} | set(choice.left_out)
    due = deload_due(working, history, profile, "W1" in fired_ids)
    return SessionReply(tuple(items), choice.left_out, notes, request,
                        _deload_note(working, profile, bool(choice.muted), said),
                        choice.muted, due, found)


def _asked(choice: _Choice, fresh: Sequence[StoredEntry]) -> Asked:
    pairs = {(u.rule_ids[0], key) for u in choice.units
             if RULES[u.rule_ids[0]].severity != "warning" for key in u.exercise_keys()}
    once = any(r in ONCE_A_SESSION for u in choice.units for r in u.rule_ids)
    return Asked(frozenset(pairs), frozenset(e.local_date for e in fresh) if once
                 else frozenset(), bool(choice.muted))


__all__ = [
    "DELOAD_QUIET",
    "MAX_ITEMS",
    "PRIORITY",
    "SAME_POINT",
    "Item",
    "SessionReply",
    "advise_session",
    "said_this_week",
]
