"""/import: a file read off the event loop, previewed, then stored on Confirm.

Reading a file is the heaviest thing a lifter can ask for, so it is bounded: the file
is read in a worker thread (other lifters' commands go on meanwhile), row by row
(bot.domain.transfer streams it); a lifter sends at most ``IMPORTS_PER_HOUR`` files
an hour; a file that would take them past ``MAX_OWN_EXERCISES`` exercises of their
own is refused whole. The preview keeps its entries in the database, not in memory
(at most ``PENDING_IMPORTS`` per lifter), and Confirm stores them in short batches
(bot.storage.sql.staged_imports), all of them even across a crash.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coach import import_payload
from bot.coach.cooldown import Cooldown
from bot.coach.import_preview import (
    IMPORT_EXAMPLE,
    import_error,
    megabytes,
    name_list,
    preview_reply,
    problem_reply,
)
from bot.coach.lifter import Lifter
from bot.coach.replies import Reply, error_reply, literal
from bot.domain import guard
from bot.domain.catalogue import Catalogue
from bot.domain.limits import IMPORTS_PER_HOUR, MAX_OWN_EXERCISES
from bot.domain.notation import unit_of
from bot.domain.transfer import (
    ImportProblem,
    ImportResult,
    MappingError,
    entry_key,
    parse_mapping,
    read_import,
)
from bot.storage.contract import NewEntry, PendingImport

FORMAT_CHOICES = ("auto", "strong", "hevy", "liftcoach")
PENDING_TTL = timedelta(hours=24)
NO_ZONE = ("You have not set a time zone, so I read the times as UTC. If that is wrong, "
           "Cancel, set yours with /profile tz:Europe/Berlin (your own) and import again.")
BREATH_SECONDS = 0.001  # every few hundred rows read
KNOWN_PAGE = 500  # stored entries compared with the file per read
_MAP_EXAMPLE = '/import file:strong.csv map:"Chest Fly (Band)=dumbbell fly"'
_LB_EXAMPLE = "/import file:strong.csv unit:lb"


@dataclass(frozen=True)
class Preview:
    """The preview reply, and the pending import its Confirm button refers to (if any).

    ``names`` lists every name of the file and what it was read as, one a line, for an
    edge that cannot show them all in one message (it attaches them instead).
    ``pounds_hint`` is set when the loads look like pounds read as kilograms: an edge
    may show its exact way to import again with ``unit:lb``.
    """

    reply: Reply
    pending_id: int | None = None
    names: str = ""
    pounds_hint: bool = False


@dataclass(frozen=True)
class _Reading:
    """What a file is read with: the lifter's catalogue, zone and unit, and now."""

    catalogue: Catalogue
    zone: str
    unit: str
    unit_given: bool
    mapping: Mapping[str, str]
    now: datetime


class Imports:
    """The three steps of /import: preview (read and keep), confirm (store), cancel."""

    def __init__(self, lifter: Lifter, max_bytes: int) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._clock = lifter.clock
        self.max_bytes = max_bytes
        self._hourly = Cooldown(IMPORTS_PER_HOUR, 3600.0)

    def check_size(self, size: int) -> Reply | None:
        """Refuse a file by its announced size, before downloading it."""
        if size <= self.max_bytes:
            return None
        return import_error(
            f"That file is {megabytes(size)}; I take files up to {megabytes(self.max_bytes)}.",
            "Export a shorter date range from the app and import it in parts.",
        )

    async def preview(
        self, user_id: str, guild_id: str, filename: str, data: bytes, fmt: str = "auto",
        mapping: str | None = None, unit: str | None = None,
    ) -> Preview:
        """Read the file and show what would be added; nothing is stored until Confirm.

        ``unit`` (kg or lb) reads a file that does not say its unit (Strong's comma
        format) in that unit instead of the profile's."""
        too_big = self.check_size(len(data))
        if too_big is not None:
            return Preview(too_big)
        filename = guard.one_line(filename) or "file"
        given = unit_of(unit) if unit else None
        if unit and given is None:
            return Preview(import_error(f"'{unit}' is not a unit I know.",
                                        "Use unit:kg or unit:lb.", _LB_EXAMPLE))
        try:
            names = parse_mapping(mapping or "")
        except MappingError as err:
            return Preview(import_error(
                str(err), "Map a name from the file to an exercise: Name=exercise, several "
                "separated by ;", _MAP_EXAMPLE))
        text = await asyncio.to_thread(import_payload.decode, data)
        if isinstance(text, ImportProblem):
            return Preview(problem_reply(text))
        profile = await self._storage.get_profile(user_id)
        zone_name = profile.timezone if profile else "UTC"
        now = self._clock()
        wait = self._hourly.wait_needed(user_id, now)  # files not even text do not count
        if wait > timedelta(0):
            return Preview(_hourly_reply(now + wait, wait, zone_name))
        reading = _Reading(await self._lifter.catalogue_for(user_id), zone_name,
                           given or (profile.unit if profile else "kg"), given is not None,
                           names, now)
        read = await asyncio.to_thread(_read_file, text, fmt, reading)
        if isinstance(read, ImportProblem):
            return Preview(problem_reply(read))
        result, news = read
        own = await self._new_own(user_id, result)
        if isinstance(own, Reply):
            return Preview(own)
        known = await self._known_keys(user_id, news)
        fresh = [e for e in news if e.source_ref not in known]
        if not fresh:
            return Preview(Reply(
                title="Nothing new to import",
                lines=(f"All {len(result.entries)} entries in {literal(filename)} are already "
                       "in your history.",), private=True))
        summary = import_payload.Summary(filename, result.format, len(result.entries), own)
        pending_id = await self._storage.stage_import(
            user_id, guild_id, import_payload.dump(summary), fresh, now, now - PENDING_TTL)
        reply = preview_reply(result, filename, zone_name, len(news) - len(fresh), pending_id,
                              profile.unit if profile else "kg")
        if profile is None and result.format != "liftcoach":
            reply = replace(reply, lines=(*reply.lines, NO_ZONE))
        return Preview(reply, pending_id, name_list(result), result.pounds_hint)

    async def confirm(self, user_id: str, pending_id: int | None = None) -> Reply:
        """Store a previewed import (the caller's own only); a second confirm adds nothing."""
        pending = await self._pending(user_id, pending_id)
        now = self._clock()
        if pending is not None and pending.created_at < now - PENDING_TTL:
            await self._storage.delete_pending_import(user_id, pending.pending_id)
            pending = None
        if pending is None:
            return error_reply(
                "There is no import of yours waiting: it was confirmed, cancelled or is older "
                "than a day.", "Import the file again to see a new preview.", IMPORT_EXAMPLE,
                title="Nothing to confirm")
        try:
            kept = import_payload.load(pending.payload)
        except (ValueError, KeyError, TypeError):
            # Written by another version of the bot: read the file again instead.
            await self._storage.delete_pending_import(user_id, pending.pending_id)
            return error_reply("That preview can no longer be read.",
                               "Import the file again to see a new preview.", IMPORT_EXAMPLE,
                               title="Nothing to confirm")
        too_many = await self._own_limit(user_id, kept.own)
        if too_many is not None:
            return too_many
        done = await self._storage.publish_import(user_id, pending.pending_id, now)
        if done is None:  # confirmed or cancelled meanwhile (a second press)
            return error_reply("That import is already being stored or was cancelled.",
                               "Look at /history in a moment.", "/history",
                               title="Nothing to confirm")
        skipped = kept.entries - done.entries
        lines = [f"Added {done.entries} entr{'y' if done.entries == 1 else 'ies'} with "
                 f"{done.sets} sets from {literal(kept.filename)}."]
        if skipped:
            lines.append(f"Skipped {skipped} already in your history.")
        if done.entries:
            lines.append("They count for /stats, leaderboards and advice like logged sets.")
        return Reply(title=f"Imported {done.entries} entr{'y' if done.entries == 1 else 'ies'}",
                     lines=tuple(lines), tone="ok", private=True, saved=bool(done.entries))

    async def cancel(self, user_id: str, pending_id: int | None = None) -> Reply:
        pending = await self._pending(user_id, pending_id)
        if pending is None or not await self._storage.delete_pending_import(
                user_id, pending.pending_id):
            return error_reply("There is no import of yours waiting.",
                               "Nothing needs cancelling.", IMPORT_EXAMPLE,
                               title="Nothing to cancel")
        return Reply(title="Import cancelled", lines=("Nothing was added.",), tone="ok",
                     private=True)

    async def _pending(self, user_id: str, pending_id: int | None) -> PendingImport | None:
        """The caller's preview by number (None: the latest); a number no database could
        hold (typed, or from a forged button) is simply not found."""
        if pending_id is not None and not 0 < pending_id < 2**63:
            return None
        return await self._storage.pending_import(user_id, pending_id)

    async def _new_own(self, user_id: str, result: ImportResult) -> tuple[str, ...] | Reply:
        """The keys of the exercises of the lifter's own the file adds, or the refusal
        when they would take the lifter past ``MAX_OWN_EXERCISES``."""
        own = tuple(dict.fromkeys(e.exercise.key for e in result.entries
                                  if e.exercise.custom))
        refused = await self._own_limit(user_id, own)
        return own if refused is None else refused

    async def _own_limit(self, user_id: str, keys: Sequence[str]) -> Reply | None:
        if not keys:
            return None
        mine = {c.key for c in await self._storage.custom_exercises(user_id)}
        new = [k for k in keys if k not in mine]
        if len(mine) + len(new) <= MAX_OWN_EXERCISES:
            return None
        return import_error(
            f"This file names {len(new)} exercises I don't know; with the {len(mine)} of your "
            f"own you have, that is {len(mine) + len(new)}, and the most is "
            f"{MAX_OWN_EXERCISES}.",
            "Map the file's names onto catalogue lifts with map:\"Name=exercise\" (the preview "
            "of a smaller file lists them), or merge exercises of your own with /exercise "
            "NAME merge:LIFT first.", _MAP_EXAMPLE)

    async def _known_keys(self, user_id: str, news: Sequence[NewEntry]) -> set[str]:
        """Which fingerprints of ``news`` the lifter's stored entries already have.

        Logged entries count too, so importing a liftcoach export of sets already
        stored adds nothing. Stored entries are read a page at a time, from the
        file's earliest moment on.
        """
        wanted = {e.source_ref for e in news if e.source_ref}
        if not wanted:
            return set()
        earliest = min(e.performed_at for e in news)
        after = (earliest - timedelta(microseconds=1), 0)
        known: set[str] = set()
        while page := await self._storage.entries_page(user_id, after, KNOWN_PAGE):
            known.update(key for key in (entry_key(s.exercise.key, s.performed_at, s.sets)
                                         for s in page) if key in wanted)
            after = (page[-1].performed_at, page[-1].entry_id)
            if len(page) < KNOWN_PAGE:
                break
        return known


def _read_file(
    text: str, fmt: str, reading: _Reading
) -> tuple[ImportResult, list[NewEntry]] | ImportProblem:
    """Read a file's text and make its entries ready to store: runs in a worker thread
    (pure, no I/O)."""
    result = read_import(text, fmt=fmt, catalogue=reading.catalogue,
                         zone=ZoneInfo(reading.zone), unit=reading.unit, latest=reading.now,
                         mapping=reading.mapping, unit_given=reading.unit_given, pause=_breathe)
    if isinstance(result, ImportProblem):
        return result
    return result, import_payload.new_entries(result.entries, _breathe)


def _breathe() -> None:
    """Let the bot's other threads (the event loop, the database's) run: a worker thread
    reading a big file would otherwise hold the interpreter for its whole turn each time,
    and every other lifter's command waits for the turns to come round."""
    time.sleep(BREATH_SECONDS)


def _hourly_reply(free_at: datetime, wait: timedelta, zone: str) -> Reply:
    minutes = max(1, round(wait.total_seconds() / 60))
    local = free_at.astimezone(ZoneInfo(zone))
    return import_error(
        f"You have sent {IMPORTS_PER_HOUR} import files in the last hour, the most I read "
        f"in an hour.",
        f"Try again at {local:%H:%M} ({zone}), in {minutes} minute"
        f"{'s' if minutes != 1 else ''}.", IMPORT_EXAMPLE)
