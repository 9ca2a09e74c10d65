"""The lifter's data rights: take it all out (/export), bring history in (/import), and
erase everything (/forget-me).

Imported entries are stored as ordinary entries (source 'import'), with the moment
and local date of the original workout and the catalogue tier, so stats,
leaderboards and history-aware advice count them like logged ones. They belong to
the server where the lifter ran /import (its leaderboard counts them; an import in
a DM belongs to no server). Every entry carries a fingerprint of its content, so
importing the same sessions again, from the same file or another app's export of
them, adds nothing.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coach import import_payload
from bot.coach.lifter import Lifter
from bot.coach.replies import Reply, error_reply
from bot.domain import guard
from bot.domain.catalogue import Catalogue
from bot.domain.limits import ATTACHMENT_MAX_BYTES, IMPORT_MAX_BYTES
from bot.domain.models import StoredEntry
from bot.domain.notation import unit_of
from bot.domain.transfer import (
    FORMAT_NAMES,
    ExportFile,
    ImportProblem,
    ImportResult,
    MappingError,
    entry_key,
    entry_lines,
    export_filename,
    header_line,
    packaged,
    parse_mapping,
    read_import,
)
from bot.storage.contract import PendingImport
from bot.storage.migrations.personal_data import LABELS

EXPORT_PAGE = 500
PENDING_TTL = timedelta(hours=24)
FIELD_CHARS = 1000  # a Discord embed field holds 1024 characters
FORMAT_CHOICES = ("auto", "strong", "hevy", "liftcoach")
NO_ZONE = ("You have not set a time zone, so I read the times as UTC. If that is wrong, "
           "Cancel, set yours with /profile tz:Europe/Berlin (your own) and import again.")
_IMPORT_EXAMPLE = "/import file:strong_workouts.csv format:auto"
_MAP_EXAMPLE = '/import file:strong.csv map:"Chest Fly (Band)=dumbbell fly"'
_LB_EXAMPLE = "/import file:strong.csv unit:lb"


@dataclass(frozen=True)
class Export:
    """The lifter's data as files of one attachment each: one CSV, or the CSV in parts
    zipped (see :mod:`bot.domain.transfer.archive`)."""

    files: tuple[ExportFile, ...]
    reply: Reply

    @property
    def data(self) -> bytes:
        """The first file's bytes (the whole CSV when it is one file)."""
        return self.files[0].data

    @property
    def filename(self) -> str:
        return self.files[0].name


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


class Data:
    """The lifter's data rights: export, import (previewed, then confirmed), erasure."""

    def __init__(self, lifter: Lifter, max_bytes: int = IMPORT_MAX_BYTES) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._clock = lifter.clock
        self.max_bytes = max_bytes
        self.export_max_bytes = ATTACHMENT_MAX_BYTES

    # /export -------------------------------------------------------------------

    async def export(self, user_id: str) -> Export:
        """Every set of the caller as CSV (the columns are in README.md, "Your data")."""
        catalogue = await self._lifter.catalogue_for(user_id)
        profile = await self._storage.get_profile(user_id)
        zone = ZoneInfo(profile.timezone if profile else "UTC")
        parts = [header_line()]
        entries = sets = 0
        first: StoredEntry | None = None
        last: StoredEntry | None = None
        after: tuple[datetime, int] | None = None
        while True:
            page = await self._storage.entries_page(user_id, after, EXPORT_PAGE)
            if not page:
                break
            page = [_with_custom_flag(e, catalogue) for e in page]
            parts.append(entry_lines(page))
            entries += len(page)
            sets += sum(len(e.sets) for e in page)
            first = first or page[0]
            last = page[-1]
            after = (last.performed_at, last.entry_id)
            if len(page) < EXPORT_PAGE:
                break
        today = self._clock().astimezone(zone).date()
        filename = export_filename(today, user_id)
        files = await asyncio.to_thread(packaged, parts[0], parts[1:], filename, today,
                                        limit=self.export_max_bytes,
                                        part_bytes=min(self.max_bytes, self.export_max_bytes))
        if first is None or last is None:
            lines: tuple[str, ...] = ("You have nothing logged yet, so the file holds only "
                                      "the header.",)
        else:
            lines = (f"{entries} entries with {sets} sets, {first.local_date:%d %b %Y} to "
                     f"{last.local_date:%d %b %Y}.",
                     "One row per set; the columns are described in the README "
                     "(\"Your data\"). `/import` takes this file back.")
        if len(files) > 1 or files[0].name != filename:
            lines = (*lines, _zipped_line(files))
        reply = Reply(title="Your data", lines=lines, tone="ok", private=True,
                      footer=", ".join(f.name for f in files))
        return Export(files, reply)

    # /import -------------------------------------------------------------------

    def check_size(self, size: int) -> Reply | None:
        """Refuse a file by its announced size, before downloading it."""
        max_bytes = self.max_bytes
        if size <= max_bytes:
            return None
        return _import_error(
            f"That file is {_megabytes(size)}; I take files up to {_megabytes(max_bytes)}.",
            "Export a shorter date range from the app and import it in parts.",
        )

    async def import_preview(
        self,
        user_id: str,
        guild_id: str,
        filename: str,
        data: bytes,
        fmt: str = "auto",
        mapping: str | None = None,
        unit: str | None = None,
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
            return Preview(_import_error(f"'{unit}' is not a unit I know.",
                                         "Use unit:kg or unit:lb.", _LB_EXAMPLE))
        try:
            names = parse_mapping(mapping or "")
        except MappingError as err:
            return Preview(_import_error(
                str(err), "Map a name from the file to an exercise: Name=exercise, several "
                "separated by ;", _MAP_EXAMPLE))
        text = import_payload.decode(data)
        if isinstance(text, ImportProblem):
            return Preview(_problem_reply(text))
        profile = await self._storage.get_profile(user_id)
        zone_name = profile.timezone if profile else "UTC"
        now = self._clock()
        result = read_import(
            text, fmt=fmt, catalogue=await self._lifter.catalogue_for(user_id),
            zone=ZoneInfo(zone_name), unit=given or (profile.unit if profile else "kg"),
            latest=now, mapping=names, unit_given=given is not None,
        )
        if isinstance(result, ImportProblem):
            return Preview(_problem_reply(result))
        known = await self._known_keys(user_id, [e.performed_at for e in result.entries])
        fresh = [e for e in result.entries if e.key not in known]
        if not fresh:
            return Preview(Reply(
                title="Nothing new to import",
                lines=(f"All {len(result.entries)} entries in {filename} are already in your "
                       "history.",), private=True))
        payload = import_payload.dump(result.entries, filename, result.format)
        pending_id = await self._storage.save_pending_import(
            user_id, guild_id, payload, now, now - PENDING_TTL)
        reply = _preview_reply(result, filename, zone_name, len(result.entries) - len(fresh),
                               pending_id)
        if profile is None and result.format != "liftcoach":
            reply = replace(reply, lines=(*reply.lines, NO_ZONE))
        return Preview(reply, pending_id, _name_list(result), result.pounds_hint)

    async def import_confirm(self, user_id: str, pending_id: int | None = None) -> Reply:
        """Store a previewed import (the caller's own only); a second confirm adds nothing."""
        pending = await self._pending(user_id, pending_id)
        now = self._clock()
        if pending is not None and pending.created_at < now - PENDING_TTL:
            await self._storage.delete_pending_import(user_id, pending.pending_id)
            pending = None
        if pending is None:
            return error_reply(
                "There is no import of yours waiting: it was confirmed, cancelled or is older "
                "than a day.", "Import the file again to see a new preview.", _IMPORT_EXAMPLE,
                title="Nothing to confirm")
        catalogue = await self._lifter.catalogue_for(user_id)
        try:
            kept = import_payload.load(pending.payload, catalogue)
        except (ValueError, KeyError, TypeError, IndexError):
            # Written by another version of the bot: read the file again instead.
            await self._storage.delete_pending_import(user_id, pending.pending_id)
            return error_reply("That preview can no longer be read.",
                               "Import the file again to see a new preview.", _IMPORT_EXAMPLE,
                               title="Nothing to confirm")
        known = await self._known_keys(user_id, [e.performed_at for e in kept.entries])
        fresh = [e for e in kept.entries if e.source_ref not in known]
        customs = {e.exercise.key: e.exercise for e in fresh if e.exercise.custom}
        mine = {c.key for c in await self._storage.custom_exercises(user_id)}
        added_refs = set(await self._storage.import_entries(
            user_id, pending.guild_id, fresh, [c for k, c in customs.items() if k not in mine],
            now, pending.pending_id))
        added = list({e.source_ref: e for e in fresh if e.source_ref in added_refs}.values())
        skipped = len(kept.entries) - len(added)
        lines = [f"Added {len(added)} entr{'y' if len(added) == 1 else 'ies'} with "
                 f"{sum(len(e.sets) for e in added)} sets from {kept.filename}."]
        if skipped:
            lines.append(f"Skipped {skipped} already in your history.")
        if added:
            lines.append("They count for /stats, leaderboards and advice like logged sets.")
        return Reply(title=f"Imported {len(added)} entr{'y' if len(added) == 1 else 'ies'}",
                     lines=tuple(lines), tone="ok", private=True, saved=bool(added))

    async def import_cancel(self, user_id: str, pending_id: int | None = None) -> Reply:
        pending = await self._pending(user_id, pending_id)
        if pending is None or not await self._storage.delete_pending_import(
                user_id, pending.pending_id):
            return error_reply("There is no import of yours waiting.",
                               "Nothing needs cancelling.", _IMPORT_EXAMPLE,
                               title="Nothing to cancel")
        return Reply(title="Import cancelled", lines=("Nothing was added.",), tone="ok",
                     private=True)

    async def _pending(self, user_id: str, pending_id: int | None) -> PendingImport | None:
        """The caller's preview by number (None: the latest); a number no database could
        hold (typed, or from a forged button) is simply not found."""
        if pending_id is not None and not 0 < pending_id < 2**63:
            return None
        return await self._storage.pending_import(user_id, pending_id)

    async def _known_keys(self, user_id: str, moments: list[datetime]) -> set[str]:
        """Fingerprints of the lifter's stored entries from the earliest of ``moments`` on.

        Logged entries count too, so importing a liftcoach export of sets already
        stored adds nothing.
        """
        if not moments:
            return set()
        stored = await self._storage.entries_since(user_id, min(moments))
        return {entry_key(s.exercise.key, s.performed_at, s.sets) for s in stored}

    # /forget-me ----------------------------------------------------------------

    async def forget_me_request(self, user_id: str) -> Reply:
        """What /forget-me would erase; ``confirm`` is set exactly when there is data to
        erase, so an edge offers the confirm step only then."""
        counts = await self._storage.user_data_counts(user_id)
        if not counts:
            return Reply(title="I hold nothing on you",
                         lines=("There is no data of yours to erase.",), private=True)
        return Reply(
            title="Erase everything I hold on you?",
            lines=("This erases for good, everywhere (every server):", *_count_lines(counts),
                   "Want a copy first? `/export` gives you every set as CSV."),
            tone="warning", private=True, confirm="forget-me",
            footer="Press the button to confirm. Nothing is erased until you do.",
        )

    async def forget_me_cancel(self, user_id: str) -> Reply:
        """The lifter chose to keep their data: nothing changes."""
        return Reply(title="Nothing erased", lines=("Your data stays as it is.",), private=True)

    async def forget_me_confirm(self, user_id: str) -> Reply:
        """Erase every row about the caller in one transaction; say what went."""
        counts = await self._storage.forget_user(user_id)
        if not counts:
            return Reply(title="Nothing to erase", lines=("I held no data on you.",),
                         private=True)
        return Reply(title="Everything about you is erased",
                     lines=("Erased:", *_count_lines(counts),
                            "If you use a command again, I start from scratch."),
                     tone="ok", private=True, saved=True)


def _zipped_line(files: tuple[ExportFile, ...]) -> str:
    """What a lifter does with an export too big for one attachment."""
    many = f"{len(files)} zip files" if len(files) > 1 else "a zip file"
    return (f"It is bigger than one attachment, so it comes as {many} of CSV parts: unzip "
            "them, and `/import` takes each part on its own.")


def _with_custom_flag(entry: StoredEntry, catalogue: Catalogue) -> StoredEntry:
    known = catalogue.get(entry.exercise.key)
    custom = known.custom if known is not None else True
    return replace(entry, exercise=replace(entry.exercise, custom=custom))


def _count_lines(counts: dict[str, int]) -> list[str]:
    order = list(LABELS)
    rows = sorted(counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    return [f"• {LABELS.get(table, table)}: {n}" for table, n in rows]


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _import_error(what: str, hint: str, example: str = _IMPORT_EXAMPLE) -> Reply:
    reply = error_reply(what, hint, example, title="I couldn't import that")
    return replace(reply, footer="Nothing was imported.")


def _problem_reply(problem: ImportProblem) -> Reply:
    return _import_error(problem.error, problem.hint, problem.example)


def _preview_reply(
    result: ImportResult, filename: str, zone: str, known: int, pending_id: int
) -> Reply:
    first, last = result.first_date, result.last_date
    own = result.format == "liftcoach"
    span = "" if first is None or last is None else (
        f", {first:%d %b %Y} to {last:%d %b %Y}")
    lines = [
        f"**{filename}** ({FORMAT_NAMES[result.format]}): {result.rows} rows → "
        f"{result.sets} sets in {len(result.entries)} entries from {result.workouts} "
        f"workouts{span}.",
        f"Warm-ups {result.count('warmup')} · drop sets {result.count('dropset')} · "
        f"sets to failure {result.count('failure')}"
        + ("." if own else " · RIR read as 10 − RPE."),
        f"Weights: {result.weights}."
        + ("" if own else f" Times without a zone read in {zone}."),
    ]
    lines.extend(_kept_lines(result))
    if result.pounds_hint:
        lines.append(
            "⚠ These weights look like pounds (almost all in steps of 2.5 and 5, as plates "
            "in pounds go), but I read them as kg, your profile unit, because the file does "
            "not say. If they are pounds, Cancel and import again with unit:lb: "
            f"`/import file:{filename.replace('`', chr(39))} unit:lb`.")
    for reason, n in result.skipped:
        lines.append(f"Left out {n} row{'s' if n != 1 else ''}: {reason}.")
    if known:
        lines.append(f"{known} of these entries are already in your history and will be "
                     "skipped.")
    fields = [*_listed("Read as", [f"{a} → {b}" for a, b in result.read_as])]
    if result.unmapped:
        shown = [f"{u.name}: {u.sets} sets"
                 + (f" (closest: {', '.join(u.suggestions)})" if u.suggestions else "")
                 for u in result.unmapped]
        shown.append("Kept as your own exercises (no tier) unless you import again with "
                     "map:\"Name=exercise\"; later, give one a tier with /exercise NAME "
                     "tier:X or move it onto a catalogue lift with /exercise NAME merge:LIFT.")
        fields.extend(_listed("Not in the catalogue", shown))
    return Reply(title="Import preview", lines=tuple(lines), fields=tuple(fields),
                 private=True, tone="warning" if result.pounds_hint else "info",
                 footer=f"Import #{pending_id}: nothing is stored until you "
                 "confirm; the preview waits a day.")


def _kept_lines(result: ImportResult) -> list[str]:
    """What else the file holds that is kept: timed sets, assistance, notes."""
    lines = []
    timed, helped = result.count("timed"), result.count("assisted")
    if timed:
        lines.append(f"Timed or distance sets {timed}: kept as seconds and metres, never as "
                     "reps or load.")
    if helped:
        lines.append(f"Assisted sets {helped}: the weight is help, kept as bodyweight minus "
                     "it, never as added load.")
    if result.notes:
        lines.append(f"Notes kept with {result.notes} entr"
                     f"{'y' if result.notes == 1 else 'ies'}.")
    return lines


def _listed(title: str, items: list[str]) -> list[tuple[str, str]]:
    """Every item, in as many fields as it takes (each within an embed field's size)."""
    fields: list[tuple[str, str]] = []
    chunk: list[str] = []
    for item in items:
        if chunk and len("\n".join((*chunk, item))) > FIELD_CHARS:
            fields.append((title if not fields else f"{title} (more)", "\n".join(chunk)))
            chunk = []
        chunk.append(item[:FIELD_CHARS])
    if chunk:
        fields.append((title if not fields else f"{title} (more)", "\n".join(chunk)))
    return fields


def _name_list(result: ImportResult) -> str:
    """Every name in the file and what it becomes, as plain text."""
    lines = [f"{a} -> {b}" for a, b in result.read_as]
    lines += [f"{u.name} -> your own exercise ({u.sets} sets)"
              + (f"; closest: {', '.join(u.suggestions)}" if u.suggestions else "")
              for u in result.unmapped]
    return "\n".join(lines) + ("\n" if lines else "")
