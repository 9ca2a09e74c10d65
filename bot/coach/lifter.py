"""The lookups every area of the coach needs about the lifter who asks: defined once.

Each area object of :class:`bot.coach.Coach` holds one :class:`Lifter`, so the
profile default, the lifter's catalogue (the built-in one plus their own
exercises) and their local today mean the same thing everywhere.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.coach.clock import Clock
from bot.domain.catalogue import Catalogue
from bot.domain.models import Profile, StoredEntry
from bot.storage.contract import Storage


class Lifter:
    """Storage, clock and catalogue, with the per-lifter lookups built on them."""

    def __init__(self, storage: Storage, clock: Clock, catalogue: Catalogue) -> None:
        self.storage = storage
        self.clock = clock
        self.catalogue = catalogue

    def now(self) -> datetime:
        return self.clock()

    async def profile_of(self, user_id: str) -> Profile:
        """The lifter's profile, or the defaults when they never set one."""
        return await self.storage.get_profile(user_id) or Profile()

    async def catalogue_for(self, user_id: str) -> Catalogue:
        """The built-in catalogue plus the lifter's own exercises."""
        return self.catalogue.with_custom(await self.storage.custom_exercises(user_id))

    def today(self, profile: Profile, now: datetime | None = None) -> date:
        """The lifter's local date, in their profile's time zone."""
        moment = self.now() if now is None else now
        return moment.astimezone(ZoneInfo(profile.timezone)).date()


def rehydrate(entry: StoredEntry, catalogue: Catalogue) -> StoredEntry:
    """A stored entry with its exercise as the catalogue knows it now (tier, muscles)."""
    known = catalogue.get(entry.exercise.key)
    if known is None or known is entry.exercise:
        return entry
    return StoredEntry(entry.entry_id, known, entry.sets, entry.performed_at,
                       entry.local_date, entry.guild_id, entry.note, entry.pr,
                       entry.session_id, entry.log_id)
