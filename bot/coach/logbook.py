"""The logbook: /log (and the log channel's posts), /undo and /history."""

from __future__ import annotations

from dataclasses import replace

from bot.coach import own_exercises
from bot.coach.cooldown import Cooldown
from bot.coach.lifter import Lifter, rehydrate
from bot.coach.log_advice import LOOKBACK, session_advice
from bot.coach.log_reading import ReadLog, Replacing, read_log, to_write
from bot.coach.log_reply import (
    choices,
    describe_entry,
    entry_lines,
    log_title,
    note_line,
)
from bot.coach.plan import Plan
from bot.coach.replies import Reply, error_reply, literal
from bot.domain.models import LogEntry, ParseError, Profile, StoredEntry, Unit
from bot.domain.notation import parse_log
from bot.storage.contract import LogContext, LogWrite

HISTORY_WINDOW = LOOKBACK  # the log reply's bests need the whole log; rules read 15 days


class Logbook:
    """Storing sets and taking them back, scoped to the lifter who asks."""

    def __init__(self, lifter: Lifter, cooldown: Cooldown) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._catalogue = lifter.catalogue
        self._cooldown = cooldown

    # /log ----------------------------------------------------------------------

    async def preview(self, user_id: str, text: str) -> Reply:
        """How a log text would be read, without storing anything (for autocomplete)."""
        profile = await self._lifter.profile_of(user_id)
        catalogue = await self._lifter.catalogue_for(user_id)
        prefs = await self._storage.get_log_prefs(user_id)
        today = self._lifter.today(profile)
        result = parse_log(text, catalogue, unit=profile.unit, today=today,
                           date_order=prefs.date_order)
        if not isinstance(result, tuple):
            return error_reply(result.error, result.hint, f"/log {result.example}")
        lines = tuple(_preview_line(e, profile.unit) for e in result)
        return Reply(title="Preview", lines=lines, private=True)

    async def log(
        self, user_id: str, guild_id: str, text: str, *, source_ref: str | None = None
    ) -> Reply:
        """Parse, store (committed before replying) and advise."""
        reply = await self._log(user_id, guild_id, text, source_ref=source_ref, only_known=False)
        assert reply is not None
        return reply

    async def log_from_channel(
        self, user_id: str, guild_id: str, text: str, message_id: str
    ) -> Reply | None:
        """A plain post in a log channel: stored only when it reads as a log of exercises
        the lifter has used before or the catalogue knows; anything else is chat (None)."""
        return await self._log(user_id, guild_id, text, source_ref=message_id, only_known=True)

    async def _log(
        self, user_id: str, guild_id: str, text: str, *, source_ref: str | None, only_known: bool
    ) -> Reply | None:
        now = self._lifter.now()
        wait = self._cooldown.wait_needed(user_id, now)
        if wait:
            if only_known:
                return None
            seconds = max(1, round(wait.total_seconds()))
            return replace(error_reply(
                f"That is more than {self._cooldown.count} logs in "
                f"{self._cooldown.window.total_seconds():g} seconds.",
                f"Wait {seconds} s, then send it again; or put several exercises in one "
                "log, separated by ;", "/log squat 5x5 rir2; leg curl 3x12 f",
                title="Slow down a little"), footer="Nothing was saved.")
        return await self._store(user_id, guild_id, text, source_ref=source_ref,
                                 only_known=only_known)

    async def switch_reading(self, user_id: str, offer_id: int) -> Reply:
        """Take a choice a log reply offered (another reading, a name kept as the
        lifter's own, pounds): its entries are replaced by the other reading in one
        transaction, on the days they had. Only the lifter it was offered to can take
        it, once; anything else is refused privately and changes nothing."""
        fits = 0 < offer_id < 1 << 63  # a forged id may be any number
        offer = await self._storage.take_offer(user_id, offer_id) if fits else None
        if offer is None:
            return no_longer_valid()
        if offer.kind == "lift":  # a new name is a catalogue lift: merge the own exercise
            own, _, lift = offer.line.partition("\n")
            merged = await own_exercises.merge(self._lifter, user_id, own, lift)
            if not merged.saved:
                await self._storage.put_back_offer(user_id, offer)
            return merged
        reply = await self._store(user_id, offer.guild_id, offer.line,
                                  source_ref=offer.source_ref, only_known=False,
                                  replacing=Replacing(offer))
        if reply is None or not reply.saved:
            if reply is not None:
                await self._storage.put_back_offer(user_id, offer)
            return reply or no_longer_valid()
        return replace(reply, replaced=offer.entry_ids)

    async def _store(
        self, user_id: str, guild_id: str, text: str, *, source_ref: str | None,
        only_known: bool, replacing: Replacing | None = None,
    ) -> Reply | None:
        """Read, store (committed before replying) and build the reply; None for a
        channel post that is not a log, or a choice whose entries are gone."""
        now = self._lifter.now()
        read: list[ReadLog] = []

        def plan(context: LogContext) -> LogWrite | None:
            # Runs between the storage's read and its write (one trip): read the text
            # against the lifter's profile and own exercises, and say what to store.
            found = read_log(text, context, self._catalogue, now, replacing)
            read.append(found)
            if only_known and (not isinstance(found.result, tuple)
                               or any(e.exercise.tier is None for e in found.result)):
                return None
            return to_write(found, context, now, source_ref, replacing)

        logged = await self._storage.log_entries(
            user_id, guild_id, now - HISTORY_WINDOW, now, plan,
            replacing=() if replacing is None else replacing.offer.entry_ids)
        context, stored = logged.context, logged.stored
        profile = await self._storage.with_coaching(user_id, context.profile or Profile())
        found = read[0]
        profile = replace(profile, unit=found.unit)  # pounds chosen just now
        if found.stale or (only_known and (
            not isinstance(found.result, tuple)
            or any(e.exercise.tier is None for e in found.result)
        )):
            return None
        if not isinstance(found.result, tuple):
            return _parse_error(found.result)
        catalogue = found.catalogue.with_custom(
            e.exercise for e in found.result if e.exercise.custom)
        older = [rehydrate(h, catalogue) for h in context.history]
        fresh = [rehydrate(s, catalogue) for s in stored]
        said = session_advice(fresh, older, profile, context.soreness, now)
        today = found.today or self._lifter.today(profile, now)
        lines = [*_switched(replacing), *(q.says for q in found.questions if q.says)]
        lines += entry_lines(fresh, found.result, said, profile.unit, today, self._catalogue)
        lines.extend(said.items)
        lines.extend(said.closing)
        lines.extend(await Plan(self._lifter).note_for_log(user_id, fresh))
        rule_ids = said.rule_ids
        footer = "Ask /why RULE for the reasoning." if rule_ids else None
        return Reply(
            title=log_title(stored, today), lines=tuple(lines), rule_ids=rule_ids, tone="ok",
            saved=True, entry_ids=tuple(s.entry_id for s in stored), footer=footer,
            choices=choices(found.questions, logged.offer_ids),
        )

    # /undo ---------------------------------------------------------------------

    async def undo(self, user_id: str, entry_id: int | None = None) -> Reply:
        """Remove the caller's last entry, or one of theirs by id; never anyone else's."""
        profile = await self._lifter.profile_of(user_id)
        if entry_id is None:
            last = await self._storage.last_entry(user_id)
            if last is None:
                return error_reply(
                    "You have nothing logged to undo.", "Log a set first.", "/log squat 5x5 rir2",
                    title="Nothing to undo",
                )
            entry_id = last.entry_id
        # An id no entry can have (typed in the console) is simply not the caller's.
        fits = 0 < entry_id < 1 << 63
        removed = await self._storage.delete_entry(user_id, entry_id) if fits else None
        if removed is None:
            return error_reply(
                "That entry is not yours, or it was already removed.",
                "You can only undo your own entries.", "/undo", title="Nothing to undo",
            )
        text = describe_entry(_as_log_entry(removed), profile.unit)
        return Reply(title="Removed", lines=(text,), tone="ok", private=True, saved=True)

    async def undo_entries(self, user_id: str, entry_ids: tuple[int, ...]) -> Reply:
        """Remove several of the caller's entries at once (one log's, from its Undo
        button): one reply naming every entry removed; others' entries are untouched."""
        replies = [await self.undo(user_id, i) for i in entry_ids]
        done = [r for r in replies if not r.is_error]
        if not done:
            return replies[0] if replies else error_reply(
                "That message stored nothing to undo.", "You can only undo your own entries.",
                "/undo", title="Nothing to undo")
        return replace(done[0], lines=tuple(line for r in done for line in r.lines))

    async def undo_message(self, user_id: str, message_id: str) -> Reply | None:
        """Undo what a lifter's own post in a log channel stored (None when nothing was)."""
        removed = await self._storage.delete_entries_by_ref(user_id, message_id)
        if not removed:
            return None
        profile = await self._lifter.profile_of(user_id)
        lines = tuple(describe_entry(_as_log_entry(e), profile.unit) for e in removed)
        return Reply(title="Removed", lines=lines, tone="ok", private=True, saved=True)

    # /history ------------------------------------------------------------------

    async def history(self, user_id: str, exercise: str | None = None, limit: int = 10) -> Reply:
        profile = await self._lifter.profile_of(user_id)
        catalogue = await self._lifter.catalogue_for(user_id)
        key: str | None = None
        if exercise and exercise.strip():
            found = catalogue.lookup(exercise)
            if found.exercise is None:
                names = [e.name for e in (*found.ambiguous, *found.suggestions)]
                hint = f"Did you mean {', '.join(names)}?" if names else "Use a name you logged."
                return error_reply(f"I don't know the exercise '{exercise.strip()}'.", hint,
                                   "/history squat")
            key = found.exercise.key
        entries = await self._storage.history(user_id, key, limit)
        title = "Your recent entries"
        if key is not None:
            title = f"Your {literal(entries[0].exercise.name) if entries else key} history"
        if not entries:
            return Reply(title=title, lines=("Nothing logged yet. Try `/log squat 5x5 rir2`.",),
                         private=True)
        lines = tuple(_history_line(e, profile.unit) for e in entries)
        return Reply(title=title, lines=lines, private=True)


def _as_log_entry(entry: StoredEntry) -> LogEntry:
    return LogEntry(exercise=entry.exercise, sets=entry.sets, note=entry.note, pr=entry.pr)


def _preview_line(entry: LogEntry, unit: Unit) -> str:
    tier = entry.exercise.tier or "?"
    return f"{describe_entry(entry, unit)} (tier {tier})"


def _history_line(entry: StoredEntry, unit: Unit) -> str:
    """The day, the entry as read, and its note (the PR mark with it)."""
    plain = replace(_as_log_entry(entry), note="")
    line = f"{entry.local_date:%a %d %b} · {describe_entry(plain, unit)}"
    note = note_line(entry.note, entry.pr)
    return line if note is None else f"{line} · {note}"


def _parse_error(error: ParseError) -> Reply:
    reply = error_reply(error.error, error.hint, f"/log {error.example}",
                        title="I couldn't read that")
    if error.suggestions:
        reply = replace(reply, lines=(*reply.lines,
                                      "Did you mean: " + ", ".join(error.suggestions) + "?"))
    return replace(reply, footer="Nothing was saved.")


def _switched(replacing: Replacing | None) -> tuple[str, ...]:
    """What a taken choice did, said first in its reply."""
    if replacing is None:
        return ()
    offer = replacing.offer
    if offer.kind == "own":
        return (f"'{literal(offer.line)}' is an exercise of your own now; "
                "these entries are under it.",)
    if offer.kind == "pounds":
        return ("Your unit is lb now, and this log was read again in pounds.",)
    return ("Stored the other reading instead.",)


def no_longer_valid() -> Reply:
    """A choice that is not the caller's, was taken already, or whose entries changed."""
    return error_reply(
        "This button is no longer valid.",
        "It was used already, its entries were removed, or it is not yours.",
        "/history", title="Nothing changed")
