"""/edit: correcting an entry's sets in place.

The entry keeps its id, moment, day, session and log: only what the lifter wrote
changes (the exercise, the sets, the note). The new text is read as a log line is
(the lifter's unit, date order and own exercises), and the advice is worked out again
for the corrected entry against everything else they logged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.coach.history import as_log_entry
from bot.coach.lifter import Lifter, rehydrate
from bot.coach.log_advice import session_advice
from bot.coach.log_reading import read_log
from bot.coach.log_recall import WHOLE_LOG, whole
from bot.coach.log_reply import day_text, describe_entry, note_line
from bot.coach.replies import Reply, error_reply, literal
from bot.domain.catalogue import Catalogue
from bot.domain.models import ParseError, Profile, Soreness, StoredEntry
from bot.domain.notation import entry_to_text
from bot.domain.sessions import in_logged_order, numbered_in
from bot.storage.log_types import EntryEdit

_EXAMPLE = "/edit 1 squat 5x5 @100kg rir2"


@dataclass(frozen=True)
class EditForm:
    """What a form for correcting an entry shows: its text, ready to change."""

    entry_id: int
    title: str
    text: str


class Edit:
    """Corrections to the caller's own entries."""

    def __init__(self, lifter: Lifter) -> None:
        self._lifter = lifter
        self._storage = lifter.storage

    async def numbered(self, user_id: str, number: int | str) -> StoredEntry | Reply:
        """The caller's entry /history shows as ``number``, or why there is none."""
        text = str(number).strip()
        wanted = int(text) if text.isascii() and text.isdecimal() and len(text) < 7 else 0
        place = numbered_in(await self._storage.session_heads(user_id), wanted)
        found = []
        if place is not None:
            session = await self._storage.session_entries(user_id, [place[0].session_id])
            found = in_logged_order(session)[place[1]:place[1] + 1]
        if not found:
            return error_reply(f"You have no entry number {text or '(none)'}.",
                               "Use a number /history shows beside an entry.", _EXAMPLE,
                               title="Nothing to edit")
        return found[0]

    async def form(self, user_id: str, number: int | str) -> EditForm | Reply:
        """The entry's text for a form that corrects it (the edge shows the form)."""
        entry = await self.numbered(user_id, number)
        if isinstance(entry, Reply):
            return entry
        profile = await self._lifter.profile_of(user_id)
        today = self._lifter.today(profile)
        title = f"Edit {entry.exercise.name} · {day_text(entry.local_date, today)}"
        return EditForm(entry.entry_id, title, entry_to_text(as_log_entry(entry), profile.unit))

    async def edit(self, user_id: str, number: int | str, text: str) -> Reply:
        """``/edit N TEXT``: correct the entry /history shows as N."""
        entry = await self.numbered(user_id, number)
        if isinstance(entry, Reply):
            return entry
        if not text.strip():
            profile = await self._lifter.profile_of(user_id)
            now = entry_to_text(as_log_entry(entry), profile.unit)
            return error_reply(f"Say what entry {str(number).strip()} should read.",
                               f"It reads: {now}. Write it again with the numbers changed.",
                               f"/edit {str(number).strip()} {now}", title="Nothing changed")
        return await self.edit_entry(user_id, entry.entry_id, text)

    async def edit_entry(self, user_id: str, entry_id: int, text: str) -> Reply:
        """Correct one of the caller's entries by id; refused when it is not theirs."""
        now = self._lifter.now()
        context = whole(await self._storage.log_context(user_id, now - WHOLE_LOG))
        fits = 0 < entry_id < 1 << 63
        before = await self._storage.entries_by_ids(user_id, [entry_id]) if fits else []
        if not before:
            return _gone()
        old = before[0]
        found = read_log(text, context, self._lifter.catalogue, now)
        if not isinstance(found.result, tuple):
            return _unreadable(found.result)
        if len(found.result) != 1:
            return error_reply(f"That reads as {len(found.result)} entries; an edit "
                               "corrects one.", "Write one exercise and its sets.", _EXAMPLE,
                               title="Nothing changed")
        [new] = found.result
        if new.performed_on not in (None, old.local_date):
            return error_reply("An edit keeps the entry's day.",
                               "Leave the date out; to move an entry, undo it and log it "
                               "again with its day.", _EXAMPLE, title="Nothing changed")
        known = {c.key for c in context.customs}
        customs = (new.exercise,) if new.exercise.custom and new.exercise.key not in known else ()
        stored = await self._storage.edit_entry(
            user_id, entry_id, EntryEdit(new.exercise, new.sets, new.note, new.pr, customs))
        if stored is None:
            return _gone()
        profile = context.profile or Profile()
        return _corrected(old, stored, context.history, found.catalogue.with_custom(customs),
                          profile, context.soreness, now)


def _corrected(
    old: StoredEntry, stored: StoredEntry, history: Sequence[StoredEntry],
    catalogue: Catalogue, profile: Profile, soreness: Sequence[Soreness], now: datetime,
) -> Reply:
    """The reply to an edit: what the entry was, what it is, and the advice again."""
    fresh = rehydrate(stored, catalogue)
    older = [rehydrate(h, catalogue) for h in history if h.entry_id != stored.entry_id]
    said = session_advice([fresh], older, profile, soreness, now)
    unit = profile.unit
    plain = replace(as_log_entry(stored), note="")
    lines = [f"Was: {describe_entry(as_log_entry(old), unit)}",
             f"Now: **{describe_entry(plain, unit)}**"]
    note = note_line(stored.note, stored.pr)
    if note is not None:
        lines.append(note)
    lines.extend(said.under.get(stored.entry_id, ()))
    lines.extend(said.items)
    lines.extend(said.closing)
    footer = "Ask /why RULE for the reasoning." if said.rule_ids else None
    return Reply(title=f"Corrected {literal(stored.exercise.name)}", lines=tuple(lines),
                 rule_ids=said.rule_ids, tone="ok", private=True, saved=True,
                 entry_ids=(stored.entry_id,), footer=footer)


def _gone() -> Reply:
    return error_reply("That entry is not yours, or it was removed.",
                       "You can only edit your own entries; /history shows them.", _EXAMPLE,
                       title="Nothing to edit")


def _unreadable(error: ParseError) -> Reply:
    reply = error_reply(error.error, error.hint, f"/edit 1 {error.example}",
                        title="I couldn't read that")
    return replace(reply, footer="Nothing was changed.")

