"""What a log writes besides its entries: the offers under its reply, the lifter's unit
choice; and what it reads for them: how the lifter's logs are read, their best loads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.domain.models import StoredEntry
from bot.storage.contract import LogWrite
from bot.storage.driver import Step
from bot.storage.ids import IdSource
from bot.storage.log_types import DATE_ORDERS, OFFER_LIFETIME, DateOrder, LogPrefs

PREFS_SELECT = "SELECT date_order, unit_chosen, unit_asked FROM users WHERE user_id = ?"
_OFFER_INSERT = (
    "INSERT INTO log_offers (offer_id, user_id, kind, entry_ids, line, guild_id, source_ref,"
    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_CHOSEN_UNIT = (
    "INSERT INTO users (user_id, unit, unit_chosen, unit_asked, created_at)"
    " VALUES (?, ?, 1, 1, ?) ON CONFLICT (user_id) DO UPDATE SET unit = excluded.unit,"
    " unit_chosen = 1, unit_asked = 1"
)
_ASKED_UNIT = (
    "INSERT INTO users (user_id, unit_asked, created_at) VALUES (?, 1, ?)"
    " ON CONFLICT (user_id) DO UPDATE SET unit_asked = 1"
)


def prefs_from_row(row: Sequence[Any] | None) -> LogPrefs:
    if row is None:
        return LogPrefs()
    order: DateOrder = next((o for o in DATE_ORDERS if o == row[0]), "dmy")
    return LogPrefs(date_order=order, unit_chosen=bool(row[1]), unit_asked=bool(row[2]))


def offer_steps(
    ids: IdSource, user_id: str, guild_id: str, wanted: LogWrite,
    stored: Sequence[StoredEntry], now: datetime,
) -> tuple[list[Step], list[int]]:
    """Store the write's offers against the entries just given ids; sweep old offers."""
    if not wanted.offers:
        return [], []
    offer_ids = ids.reserve(len(wanted.offers), now)
    rows = []
    for offer_id, offer in zip(offer_ids, wanted.offers, strict=True):
        entry_ids = ",".join(str(stored[i].entry_id) for i in offer.entries)
        ref = wanted.entries[offer.entries[0]].source_ref if offer.entries else None
        rows.append((offer_id, user_id, offer.kind, entry_ids, offer.line, guild_id, ref, now))
    sweep = Step("DELETE FROM log_offers WHERE created_at < ?", (now - OFFER_LIFETIME,))
    return [sweep, Step(_OFFER_INSERT, many=rows)], offer_ids


def unit_steps(user_id: str, wanted: LogWrite, now: datetime) -> list[Step]:
    """The lifter's unit choice, or the record that they were asked about it."""
    if wanted.unit is not None:
        return [Step(_CHOSEN_UNIT, (user_id, wanted.unit, now))]
    if wanted.unit_asked:
        return [Step(_ASKED_UNIT, (user_id, now))]
    return []
