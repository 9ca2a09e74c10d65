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
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coach.data_import import FORMAT_CHOICES, Imports, Preview
from bot.coach.lifter import Lifter
from bot.coach.replies import Reply
from bot.domain.catalogue import Catalogue
from bot.domain.limits import ATTACHMENT_MAX_BYTES, IMPORT_MAX_BYTES
from bot.domain.models import StoredEntry
from bot.domain.transfer import ExportFile, entry_lines, export_filename, header_line, packaged
from bot.storage.migrations.personal_data import LABELS

__all__ = ["FORMAT_CHOICES", "Data", "Export", "Preview"]

EXPORT_PAGE = 500


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


class Data:
    """The lifter's data rights: export, import (previewed, then confirmed), erasure."""

    def __init__(self, lifter: Lifter, max_bytes: int = IMPORT_MAX_BYTES) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._clock = lifter.clock
        self._imports = Imports(lifter, max_bytes)
        self.export_max_bytes = ATTACHMENT_MAX_BYTES

    @property
    def max_bytes(self) -> int:
        """The largest import file taken (IMPORT_MAX_BYTES)."""
        return self._imports.max_bytes

    @max_bytes.setter
    def max_bytes(self, value: int) -> None:
        self._imports.max_bytes = value

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

    # /import (bot.coach.data_import) --------------------------------------------

    def check_size(self, size: int) -> Reply | None:
        """Refuse a file by its announced size, before downloading it."""
        return self._imports.check_size(size)

    async def import_preview(
        self, user_id: str, guild_id: str, filename: str, data: bytes, fmt: str = "auto",
        mapping: str | None = None, unit: str | None = None,
    ) -> Preview:
        """Read the file and show what would be added; nothing is stored until Confirm."""
        return await self._imports.preview(user_id, guild_id, filename, data, fmt, mapping,
                                           unit)

    async def import_confirm(self, user_id: str, pending_id: int | None = None) -> Reply:
        """Store a previewed import (the caller's own only); a second confirm adds nothing."""
        return await self._imports.confirm(user_id, pending_id)

    async def import_cancel(self, user_id: str, pending_id: int | None = None) -> Reply:
        return await self._imports.cancel(user_id, pending_id)

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
