"""The log's part of the storage contract: what a log reads and what it stores, in one
trip to the database (re-exported by :mod:`bot.storage.contract`).

A log reads the lifter's recent weeks, not their whole history: what its reply needs
from older entries (a lift's bests and last sessions, the RIR calibration's older
pairs) is kept beside the entries and handed over with them. The plan that reads the
log text may ask for more (:class:`HistoryWanted`) when something kept is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.domain.figures import KnownPairs, LiftRecall
from bot.domain.models import Exercise, Profile, SetRecord, Soreness, StoredEntry, Unit
from bot.storage.log_types import LogPrefs, NewOffer


@dataclass(frozen=True)
class PlanSettingsRow:
    """A lifter's failure/heavy blocks: each ``block_weeks`` long (None: off), the first
    failure block starting on the Monday ``block_start`` (see bot.domain.plan.blocks)."""

    block_weeks: int | None
    block_start: date


@dataclass(frozen=True)
class LogContext:
    """What the coach reads before a log: profile (with the plate step and declared
    deload), own exercises, soreness, recent entries, and what is kept of older ones.

    ``history`` holds every entry from ``history_from`` (a local date; None: all of
    them). ``recalls`` is what is kept per lift (exercise key) of the whole history,
    ``best_loads`` each lift's heaviest working load (kg) from it, ``known_pairs`` the
    calibration's pairs of the tests before the weeks read (None: not kept).
    ``replaced`` holds the lifter's entries a replacing log named that still exist, in
    id order. When the plan asked (:class:`HistoryWanted`), ``lifts`` holds every entry
    of the lifts named and ``older`` every entry before ``history_from``.
    """

    profile: Profile | None
    customs: tuple[Exercise, ...]
    soreness: tuple[Soreness, ...]
    history: tuple[StoredEntry, ...]
    prefs: LogPrefs = field(default_factory=LogPrefs)
    best_loads: Mapping[str, float] = field(default_factory=dict)
    replaced: tuple[StoredEntry, ...] = ()
    plan: PlanSettingsRow | None = None
    history_from: date | None = None
    recalls: Mapping[str, LiftRecall] = field(default_factory=dict)
    known_pairs: KnownPairs | None = None
    lifts: Mapping[str, tuple[StoredEntry, ...]] = field(default_factory=dict)
    older: tuple[StoredEntry, ...] | None = None


@dataclass(frozen=True)
class HistoryWanted:
    """A plan's request before it chooses: every entry of these lifts (to work their
    recall out again), every entry before the weeks read (the calibration's pairs), the
    entries of these local days (a log backdated beyond the weeks read)."""

    lifts: frozenset[str] = frozenset()
    older: bool = False
    days: frozenset[date] = frozenset()


@dataclass(frozen=True)
class LogWrite:
    """What a log stores, in one transaction: the calibration's pairs to keep, the
    lifter's new own exercises, then the entries (after removing ``replaces``, the
    lifter's entries by id), the offers made about them, and the recalls to keep, which
    ``recalls`` works out from the entries as stored (with their ids). ``unit`` saves
    the lifter's chosen unit; ``unit_asked`` records that they were asked about it."""

    entries: Sequence[NewEntry]
    customs: Sequence[Exercise] = ()
    replaces: Sequence[int] = ()
    offers: Sequence[NewOffer] = ()
    unit: Unit | None = None
    unit_asked: bool = False
    pairs: KnownPairs | None = None
    recalls: Callable[[Sequence[StoredEntry]], Mapping[str, LiftRecall]] | None = None


LogPlanner = Callable[[LogContext], "LogWrite | HistoryWanted | None"]
"""Reads a log against the lifter's context; None stores nothing."""


@dataclass(frozen=True)
class Logged:
    """What a log read and stored: the context (as the plan last saw it), the entries
    and the offers' ids (in the order of :attr:`LogWrite.offers`)."""

    context: LogContext
    stored: list[StoredEntry]
    offer_ids: list[int]


@dataclass(frozen=True)
class NewEntry:
    """An entry about to be stored; the storage assigns its id."""

    exercise: Exercise
    sets: tuple[SetRecord, ...]
    performed_at: datetime
    local_date: date
    source: str = "log"
    source_ref: str | None = None
    note: str = ""
    pr: bool = False
    # The lifter's session it joins (None: a new one; the entries of one write with the
    # same ``new_session`` share it) and the log it keeps (None: this write's); see
    # bot.domain.sessions.
    session_id: int | None = None
    new_session: int = 0
    log_id: int | None = None
