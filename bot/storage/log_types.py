"""What a log carries besides its entries: how the lifter's logs are read, the
one-step alternatives a log reply offers (stored, so a button needs only an id), and
what an /edit gives an entry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from bot.domain.models import Exercise, SetRecord

DateOrder = Literal["dmy", "mdy"]
DATE_ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy")


@dataclass(frozen=True)
class LogPrefs:
    """How a lifter's logs are read, kept in their profile row beside the profile.

    ``date_order`` says whether ``3/11`` is 3 November (dmy) or 11 March (mdy).
    ``unit_chosen`` is set once the lifter picked a unit themselves (a profile saved
    with a unit, or pounds chosen from a log reply): only then is a bare number
    surely in their unit. ``unit_asked`` records that a log already asked whether
    they meant pounds, so they are asked once.
    """

    date_order: DateOrder = "dmy"
    unit_chosen: bool = False
    unit_asked: bool = False


OfferKind = Literal["reading", "own", "pounds", "lift"]
"""reading: another reading of a line; own: keep a name as the lifter's own exercise
instead of the catalogue lift it was stored under; pounds: the lifter's bare numbers
were pounds (their unit becomes lb and the entries are read again); lift: a name new to
the coach, saved as the lifter's own exercise, is a catalogue lift after all (``line``
holds the own name and the lift's name on two lines; the own exercise is merged)."""


@dataclass(frozen=True)
class Offer:
    """A stored one-step alternative to what a log stored (a button under its reply).

    ``entry_ids`` are the entries it replaces; ``line`` is what replaces them: the
    log text to read instead (reading, pounds) or the name to keep (own). The entries
    it stores keep the replaced ones' ``guild_id`` and ``source_ref``.
    """

    offer_id: int
    kind: OfferKind
    entry_ids: tuple[int, ...]
    line: str
    guild_id: str
    source_ref: str | None
    created_at: datetime


@dataclass(frozen=True)
class NewOffer:
    """An offer stored with a log; ``entries`` are positions in :attr:`LogWrite.entries`."""

    kind: OfferKind
    entries: tuple[int, ...]
    line: str


OFFER_LIFETIME = timedelta(days=30)
"""How long a log reply's offer stays usable; older ones are swept by later logs."""


@dataclass(frozen=True)
class EntryEdit:
    """New contents for a stored entry (/edit); its id, moment, day, session and log
    stay. ``customs`` are the lifter's own exercises it names that are not saved yet."""

    exercise: Exercise
    sets: tuple[SetRecord, ...]
    note: str = ""
    pr: bool = False
    customs: Sequence[Exercise] = ()
