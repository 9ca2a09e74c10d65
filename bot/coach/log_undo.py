"""/undo: taking back what a log stored, a whole message at a time or part of it.

"The last log" is the lifter's newest message of sets (an import is not one); once
its entries are all gone, the one before it is the last. Only the lifter's own
entries are ever removed: an id of someone else's reads as no entry.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.coach.history import as_log_entry
from bot.coach.lifter import Lifter
from bot.coach.log_reply import day_text, describe_entry
from bot.coach.replies import Pick, Reply, error_reply
from bot.domain.models import StoredEntry, Unit
from bot.domain.notation import describe_entry as plain_description

MAX_IDS = 200  # one log's entries at most, as its Undo button carries them
_NOTHING = ("You have nothing logged to undo.", "Log a set first.", "/log squat 5x5 rir2")


def _fits(entry_id: int) -> bool:
    return 0 < entry_id < 1 << 63  # an id typed or forged may be any number


class Undo:
    """Removing the caller's entries, and never anyone else's."""

    def __init__(self, lifter: Lifter) -> None:
        self._lifter = lifter
        self._storage = lifter.storage

    async def undo(self, user_id: str, exercise: str | None = None) -> Reply:
        """Remove the last log's entries: all of them, or only ``exercise``'s."""
        last = await self._storage.last_log(user_id)
        if not last:
            return error_reply(*_NOTHING, title="Nothing to undo")
        if exercise and exercise.strip():
            catalogue = await self._lifter.catalogue_for(user_id)
            found = catalogue.lookup(exercise)
            picked = [e for e in last if found.exercise is not None
                      and e.exercise.key == found.exercise.key]
            if not picked:
                names = ", ".join(dict.fromkeys(e.exercise.name for e in last))
                return error_reply(
                    f"Your last log has no {exercise.strip()}.", f"It holds {names}.",
                    f"/undo {last[0].exercise.name}", title="Nothing to undo")
            last = picked
        return await self.undo_entries(user_id, tuple(e.entry_id for e in last))

    async def choose(self, user_id: str) -> Reply:
        """For an edge that can ask: the last log's only entry is removed at once; of
        several, the reply lists them to pick from (nothing is removed yet)."""
        last = await self._storage.last_log(user_id)
        if len(last) <= 1:
            return await self.undo(user_id)
        profile = await self._lifter.profile_of(user_id)
        today = self._lifter.today(profile)
        day = day_text(last[0].local_date, today)
        lines = [f"Your last log ({day}) stored {len(last)} entries:",
                 *(f"• {describe_entry(as_log_entry(e), profile.unit)}" for e in last),
                 "Remove all of them, or pick the ones to remove."]
        picks = tuple(Pick(e.entry_id, _label(e, profile.unit)) for e in last)
        return Reply(title="Undo which?", lines=tuple(lines), private=True, picks=picks,
                     entry_ids=tuple(e.entry_id for e in last))

    async def undo_entries(self, user_id: str, entry_ids: Sequence[int]) -> Reply:
        """Remove those of the caller's entries at once (a log's Undo button, a pick):
        one reply naming every entry removed; others' entries are untouched."""
        ids = [i for i in entry_ids[:MAX_IDS] if _fits(i)]
        removed = await self._storage.delete_entries(user_id, ids) if ids else []
        if not removed:
            if not entry_ids:
                return error_reply("That message stored nothing to undo.",
                                   "You can only undo your own entries.", "/undo",
                                   title="Nothing to undo")
            return error_reply("That entry is not yours, or it was already removed.",
                               "You can only undo your own entries.", "/undo",
                               title="Nothing to undo")
        return await self._removed(user_id, removed)

    async def undo_message(self, user_id: str, message_id: str) -> Reply | None:
        """Undo what a lifter's own post in a log channel stored (None when nothing was)."""
        removed = await self._storage.delete_entries_by_ref(user_id, message_id)
        return await self._removed(user_id, removed) if removed else None

    async def _removed(self, user_id: str, removed: Sequence[StoredEntry]) -> Reply:
        profile = await self._lifter.profile_of(user_id)
        lines = tuple(describe_entry(as_log_entry(e), profile.unit) for e in removed)
        return Reply(title="Removed", lines=lines, tone="ok", private=True, saved=True)


def _label(entry: StoredEntry, unit: Unit) -> str:
    """A pick's label: the entry as plain text (an edge clips it to its own limit)."""
    return plain_description(as_log_entry(entry), unit)
