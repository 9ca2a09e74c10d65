"""The storage contract: what the coach may ask of a database, and nothing more.

Both engines (SQLite and PostgreSQL) implement :class:`Storage` and pass the same
contract tests. Every method that writes commits before it returns, so a reply
built after it can promise the data is on disk. Every method that touches a
lifter's data takes that lifter's id and scopes its SQL by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from bot.domain.models import Exercise, Profile, Soreness, StoredEntry
from bot.domain.reminders import Session
from bot.domain.sessions import SessionHead
from bot.storage.board_contract import BoardChanges as BoardChanges
from bot.storage.board_contract import BoardData as BoardData
from bot.storage.board_contract import BoardLifterRow as BoardLifterRow
from bot.storage.board_contract import BoardStore
from bot.storage.board_contract import DisciplineRow as DisciplineRow
from bot.storage.board_contract import Membership as Membership
from bot.storage.community_contract import ChallengeRow as ChallengeRow
from bot.storage.community_contract import ChallengeStore, RecapStore
from bot.storage.community_contract import RecapNotice as RecapNotice
from bot.storage.community_contract import RecapSetting as RecapSetting
from bot.storage.log_contract import HistoryWanted as HistoryWanted
from bot.storage.log_contract import LogContext as LogContext
from bot.storage.log_contract import Logged as Logged
from bot.storage.log_contract import LogPlanner as LogPlanner
from bot.storage.log_contract import LogWrite as LogWrite
from bot.storage.log_contract import NewEntry as NewEntry
from bot.storage.log_contract import PlanSettingsRow as PlanSettingsRow
from bot.storage.log_types import DateOrder, EntryEdit, LogPrefs, Offer
from bot.storage.log_types import NewOffer as NewOffer
from bot.storage.schedule_types import ReminderOutcome as ReminderOutcome
from bot.storage.schedule_types import ReminderOutcomeKind as ReminderOutcomeKind
from bot.storage.schedule_types import ReminderRow as ReminderRow


@dataclass(frozen=True)
class ReminderInputRows:
    """What a batch of reminders is written from, read in one trip."""

    profiles: dict[str, Profile]
    sessions: dict[str, list[Session]]
    soreness: dict[str, list[Soreness]]
    targets: dict[str, list[tuple[date, int]]] = field(default_factory=dict)
    """Weekly-target histories (a lifter without changes has none)."""


class ReminderStore(Protocol):
    """The persistent reminder schedule and its per-day record (see bot.coach.reminder_dispatch)."""

    async def get_reminder(self, user_id: str) -> ReminderRow | None: ...

    async def save_reminder(
        self, user_id: str, local_time: str, timezone: str, weekdays: str,
        next_due_at: datetime, now: datetime,
    ) -> None: ...

    async def disable_reminder(self, user_id: str, reason: str, now: datetime) -> bool: ...

    async def take_reminder_notice(self, user_id: str) -> str | None: ...

    async def claim_due_reminders(
        self, now: datetime, limit: int, owner: str, lease: timedelta
    ) -> list[ReminderRow]: ...

    async def release_reminder_leases(self, owner: str) -> int: ...

    async def defer_reminder(self, user_id: str, owner: str, until: datetime) -> None: ...

    async def next_reminder_wakeup(self, now: datetime) -> datetime | None: ...

    async def finish_reminders(
        self, outcomes: Sequence[ReminderOutcome], now: datetime
    ) -> None: ...

    async def reminder_inputs(
        self, user_ids: Sequence[str], since: datetime
    ) -> ReminderInputRows: ...


@dataclass(frozen=True)
class PendingImport:
    """A read import file waiting for the lifter's Confirm: ``payload`` is the preview's
    summary (JSON); the entries wait in the database beside it."""

    pending_id: int
    guild_id: str
    created_at: datetime
    payload: str


@dataclass(frozen=True)
class Published:
    """What a confirmed import added (entries an earlier import stored not counted)."""

    entries: int
    sets: int


class DataStore(Protocol):
    """A lifter's data as a whole: export, import, erasure (see bot.coach.data).

    Imports and erasure run in short batches, so no lifter waits on another's, and
    each is all or nothing across a crash: ``finish_interrupted`` (called when the
    storage opens) completes what a crash cut short.
    """

    async def entries_page(
        self, user_id: str, after: tuple[datetime, int] | None, limit: int
    ) -> list[StoredEntry]: ...

    async def stage_import(
        self, user_id: str, guild_id: str, summary: str, entries: Sequence[NewEntry],
        now: datetime, expired_before: datetime,
    ) -> int: ...

    async def publish_import(
        self, user_id: str, pending_id: int, now: datetime
    ) -> Published | None: ...

    async def pending_import(
        self, user_id: str, pending_id: int | None
    ) -> PendingImport | None: ...

    async def delete_pending_import(self, user_id: str, pending_id: int) -> bool: ...

    async def user_data_counts(self, user_id: str) -> dict[str, int]: ...

    async def forget_user(self, user_id: str) -> dict[str, int]: ...

    async def tables_with_user_id(self) -> set[str]: ...

    async def finish_interrupted(self) -> None: ...


class PlanStore(Protocol):
    """The plan's block setting and the weekly check-in (see bot.coach.plan, .checkin).

    The check-in's schedule rows have the reminders' shape (:class:`ReminderRow`, one
    weekday in ``weekdays``) and the same claim, lease and record semantics.
    """

    async def get_plan_settings(self, user_id: str) -> PlanSettingsRow | None: ...

    async def save_plan_settings(
        self, user_id: str, settings: PlanSettingsRow, now: datetime
    ) -> None: ...

    async def keep_plan_settings(
        self, user_id: str, settings: PlanSettingsRow, now: datetime
    ) -> PlanSettingsRow: ...

    async def get_checkin(self, user_id: str) -> ReminderRow | None: ...

    async def save_checkin(
        self, user_id: str, local_time: str, timezone: str, weekday: int,
        next_due_at: datetime, now: datetime,
    ) -> None: ...

    async def disable_checkin(self, user_id: str, reason: str, now: datetime) -> bool: ...

    async def take_checkin_notice(self, user_id: str) -> str | None: ...

    async def claim_due_checkins(
        self, now: datetime, limit: int, owner: str, lease: timedelta
    ) -> list[ReminderRow]: ...

    async def release_checkin_leases(self, owner: str) -> int: ...

    async def defer_checkin(self, user_id: str, owner: str, until: datetime) -> None: ...

    async def next_checkin_wakeup(self, now: datetime) -> datetime | None: ...

    async def finish_checkins(
        self, outcomes: Sequence[ReminderOutcome], now: datetime
    ) -> None: ...


class Storage(ReminderStore, DataStore, BoardStore, PlanStore, RecapStore, ChallengeStore,
              Protocol):
    async def close(self) -> None: ...

    async def add_entries(
        self, user_id: str, guild_id: str, entries: Sequence[NewEntry], now: datetime
    ) -> list[StoredEntry]: ...

    async def log_context(self, user_id: str, since: datetime) -> LogContext: ...

    async def log_entries(
        self, user_id: str, guild_id: str, since: datetime, now: datetime, plan: LogPlanner,
        *, replacing: Sequence[int] = (),
    ) -> Logged: ...

    async def take_offer(self, user_id: str, offer_id: int) -> Offer | None:
        """Remove the lifter's offer and return it (None when it is not theirs or gone):
        of two presses at once, one gets it."""
        ...

    async def put_back_offer(self, user_id: str, offer: Offer) -> None:
        """Store a taken offer again (it could not be used: nothing was replaced)."""
        ...

    async def get_log_prefs(self, user_id: str) -> LogPrefs: ...

    async def save_date_order(self, user_id: str, order: DateOrder, now: datetime) -> None: ...

    async def entries_since(self, user_id: str, since: datetime) -> list[StoredEntry]: ...

    async def history(
        self, user_id: str, exercise_key: str | None, limit: int
    ) -> list[StoredEntry]: ...

    async def last_entry(self, user_id: str) -> StoredEntry | None: ...

    async def delete_entry(self, user_id: str, entry_id: int) -> StoredEntry | None: ...

    async def delete_entries_by_ref(self, user_id: str, source_ref: str) -> list[StoredEntry]: ...

    async def session_heads(
        self, user_id: str, exercise_key: str | None = None
    ) -> list[SessionHead]:
        """Every session of the lifter without its entries, for /history's pages."""
        ...

    async def session_entries(
        self, user_id: str, session_ids: Sequence[int]
    ) -> list[StoredEntry]: ...

    async def entries_by_ids(
        self, user_id: str, entry_ids: Sequence[int]
    ) -> list[StoredEntry]: ...

    async def last_log(self, user_id: str) -> list[StoredEntry]:
        """The entries still stored of the lifter's newest log typed as a message."""
        ...

    async def logged_ref(self, user_id: str, source_ref: str) -> bool:
        """Whether the lifter has entries stored from that message."""
        ...

    async def delete_entries(
        self, user_id: str, entry_ids: Sequence[int]
    ) -> list[StoredEntry]:
        """Remove the lifter's entries among the ids at once; returns those removed."""
        ...

    async def edit_entry(
        self, user_id: str, entry_id: int, edit: EntryEdit
    ) -> StoredEntry | None: ...

    async def get_profile(self, user_id: str) -> Profile | None: ...

    async def save_profile(
        self, user_id: str, profile: Profile, now: datetime, today: date,
        *, unit_chosen: bool = False,
    ) -> None:
        """``unit_chosen``: the lifter named the unit, so it counts as chosen from now on."""
        ...

    async def target_history(self, user_id: str) -> list[tuple[date, int]]: ...

    async def custom_exercises(self, user_id: str) -> list[Exercise]: ...

    async def save_custom_exercise(self, user_id: str, exercise: Exercise) -> None: ...

    async def move_exercise(self, user_id: str, old_key: str, new: Exercise) -> int:
        """Move the lifter's own exercise's entries onto ``new`` (renamed own exercise or
        catalogue lift), in one transaction; returns how many entries moved."""
        ...

    async def set_soreness(self, user_id: str, soreness: Soreness) -> None: ...

    async def soreness(self, user_id: str) -> list[Soreness]: ...

    async def get_log_channel(self, guild_id: str) -> str | None: ...

    async def set_log_channel(self, guild_id: str, channel_id: str | None) -> None: ...

    async def get_meta(self, key: str) -> str | None: ...

    async def set_meta(self, key: str, value: str) -> None: ...

    async def save_increment(
        self, user_id: str, increment_kg: float | None, now: datetime
    ) -> None:
        """The lifter's smallest load step, read back as ``Profile.increment_kg``."""
        ...

    async def save_deload(
        self, user_id: str, start: date | None, until: date | None, now: datetime
    ) -> None:
        """A declared deload, read back as ``Profile.deload_from``/``deload_until``."""
        ...


def ts(moment: datetime) -> str:
    """A sortable UTC text timestamp (fixed width, so text order is time order)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to storage")
    # isoformat with microseconds always writes them, so every stamp has one width.
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
