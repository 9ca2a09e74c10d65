"""The logbook: /log (and the log channel's posts), /undo and /history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coach.cooldown import Cooldown
from bot.coach.lifter import Lifter, rehydrate
from bot.coach.log_advice import session_advice
from bot.coach.plan import Plan
from bot.coach.replies import Reply, error_reply, literal
from bot.domain.catalogue import Catalogue
from bot.domain.models import (
    Exercise,
    LogEntry,
    ParseError,
    Profile,
    StoredEntry,
    Unit,
)
from bot.domain.notation import describe_entry as plain_description
from bot.domain.notation import parse_log
from bot.storage.contract import LogContext, LogWrite, NewEntry

HISTORY_WINDOW = timedelta(days=15)  # the longest look-back of any rule (W3: two weeks)


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
        today = self._lifter.now().astimezone(ZoneInfo(profile.timezone)).date()
        result = parse_log(text, catalogue, unit=profile.unit, today=today)
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
        read: list[tuple[tuple[LogEntry, ...] | ParseError, Catalogue]] = []

        def plan(context: LogContext) -> LogWrite | None:
            # Runs between the storage's read and its write (one trip): read the text
            # against the lifter's profile and own exercises, and say what to store.
            profile = context.profile or Profile()
            zone = ZoneInfo(profile.timezone)
            today = now.astimezone(zone).date()
            catalogue = self._catalogue.with_custom(context.customs)
            result = parse_log(text, catalogue, unit=profile.unit, today=today)
            read.append((result, catalogue))
            if not isinstance(result, tuple) or (
                only_known and any(e.exercise.tier is None for e in result)
            ):
                return None
            known = {c.key for c in context.customs}
            customs = list({e.exercise.key: e.exercise for e in result
                            if e.exercise.custom and e.exercise.key not in known}.values())
            if customs:
                read[0] = (result, catalogue.with_custom(customs))
            news = [_new_entry(entry, now, zone, today, source_ref) for entry in result]
            return LogWrite(news, customs)

        logged = await self._storage.log_entries(
            user_id, guild_id, now - HISTORY_WINDOW, now, plan)
        context, stored = logged.context, logged.stored
        profile = context.profile or Profile()
        result, catalogue = read[0]
        if only_known and (
            not isinstance(result, tuple) or any(e.exercise.tier is None for e in result)
        ):
            return None
        if not isinstance(result, tuple):
            reply = error_reply(
                result.error, result.hint, f"/log {result.example}", title="I couldn't read that"
            )
            if result.suggestions:
                reply = replace(reply, lines=(*reply.lines, "Did you mean: "
                                              + ", ".join(result.suggestions) + "?"))
            return replace(reply, footer="Nothing was saved.")
        soreness = context.soreness
        older = [rehydrate(h, catalogue) for h in context.history]
        fresh = [rehydrate(s, catalogue) for s in stored]
        said = session_advice(fresh, older, profile, soreness, now)
        lines: list[str] = []
        for saved, parsed in zip(fresh, result, strict=True):
            lines.append(f"**{describe_entry(parsed, profile.unit)}**")
            if saved.exercise.tier is None:
                lines.append(_unknown_exercise_line(saved.exercise, self._catalogue))
            lines.extend(said.under.get(saved.entry_id, ()))
        lines.extend(said.items)
        lines.extend(said.closing)
        lines.extend(await Plan(self._lifter).note_for_log(user_id, fresh))
        rule_ids = said.rule_ids
        title = (
            f"Logged {literal(stored[0].exercise.name)}" if len(stored) == 1
            else f"Logged {len(stored)} exercises"
        )
        footer = "Ask /why RULE for the reasoning." if rule_ids else None
        return Reply(
            title=title, lines=tuple(lines), rule_ids=rule_ids, tone="ok", saved=True,
            entry_ids=tuple(s.entry_id for s in stored), footer=footer,
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
        removed = await self._storage.delete_entry(user_id, entry_id)
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
        lines = tuple(
            f"{e.local_date:%a %d %b} · {describe_entry(_as_log_entry(e), profile.unit)}"
            for e in entries
        )
        return Reply(title=title, lines=lines, private=True)


def _new_entry(
    entry: LogEntry, now: datetime, zone: ZoneInfo, today: date, source_ref: str | None
) -> NewEntry:
    if entry.performed_on is None or entry.performed_on == today:
        return NewEntry(entry.exercise, entry.sets, now, today, source_ref=source_ref)
    local_now = now.astimezone(zone)
    moment = datetime.combine(entry.performed_on, local_now.timetz()).astimezone(UTC)
    return NewEntry(entry.exercise, entry.sets, moment, entry.performed_on, source_ref=source_ref)


def _as_log_entry(entry: StoredEntry) -> LogEntry:
    return LogEntry(exercise=entry.exercise, sets=entry.sets)


def _preview_line(entry: LogEntry, unit: Unit) -> str:
    tier = entry.exercise.tier or "?"
    return f"{describe_entry(entry, unit)} (tier {tier})"


def _unknown_exercise_line(exercise: Exercise, catalogue: Catalogue) -> str:
    found = catalogue.lookup(exercise.name)
    close = ", ".join(e.name for e in found.suggestions[:3])
    name = literal(exercise.name)
    line = (f"'{name}' is new to me, so I saved it as your own exercise. "
            f"Set its tier for advice: /exercise {name} tier:B")
    return f"{line} Did you mean {close}?" if close else line


def describe_entry(entry: LogEntry, unit: Unit) -> str:
    """The reading of an entry, safe to show: it may hold a lifter's own exercise name."""
    return literal(plain_description(entry, unit))
