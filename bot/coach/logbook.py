"""The logbook: /log (and the log channel's posts), /undo, /history and /edit."""

from __future__ import annotations

from dataclasses import replace

from bot.coach import own_exercises
from bot.coach.cooldown import Cooldown
from bot.coach.history import History
from bot.coach.lifter import Lifter, rehydrate
from bot.coach.log_advice import session_advice
from bot.coach.log_edit import Edit, EditForm
from bot.coach.log_reading import ReadLog, Replacing, read_log, to_write
from bot.coach.log_recall import WINDOW, kept, pairs_now, wanted, with_rebuilt
from bot.coach.log_reply import (
    choices,
    describe_entry,
    entry_lines,
    log_title,
)
from bot.coach.log_undo import Undo
from bot.coach.plan import Plan
from bot.coach.replies import Reply, error_reply, literal
from bot.domain.figures import KnownPairs
from bot.domain.limits import LOG_POST_REPLY_CHARS, LOG_REPLY_CHARS
from bot.domain.models import LogEntry, ParseError, Profile, Unit
from bot.domain.notation import parse_log
from bot.storage.contract import HistoryWanted, LogContext, LogWrite


class Logbook:
    """Storing sets and taking them back, scoped to the lifter who asks."""

    def __init__(self, lifter: Lifter, cooldown: Cooldown) -> None:
        self._lifter = lifter
        self._storage = lifter.storage
        self._catalogue = lifter.catalogue
        self._cooldown = cooldown
        self._undo = Undo(lifter)
        self._history = History(lifter)
        self._edit = Edit(lifter)
        self._plan = Plan(lifter)

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

    async def log_message(
        self, user_id: str, guild_id: str, text: str, message_id: str
    ) -> Reply:
        """A lifter's own message logged on request (Discord's message menu): stored
        once; asked again, it says the message is in already and stores nothing."""
        if await self._storage.logged_ref(user_id, message_id):
            return error_reply("That message is logged already.",
                               "/history shows it; /edit N TEXT corrects an entry of it.",
                               "/history", title="Already logged")
        return await self.log(user_id, guild_id, text, source_ref=message_id)

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
        reply: Reply | None = None
        try:
            reply = await self._store(user_id, guild_id, text, source_ref=source_ref,
                                      only_known=only_known)
        finally:
            if reply is None or not reply.saved:  # refused or chat: the slot is theirs again
                self._cooldown.give_back(user_id, now)
        return reply

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
        seen: list[tuple[ReadLog, LogContext, KnownPairs | None]] = []
        asked: list[HistoryWanted] = []

        def plan(context: LogContext) -> LogWrite | HistoryWanted | None:
            # Runs between the storage's read and its write (one trip): read the text
            # against the lifter's context, and say what to store or what else to read.
            context = with_rebuilt(context)
            found = read_log(text, context, self._catalogue, now, replacing)
            seen[:] = [(found, context, context.known_pairs)]
            write = to_write(found, context, now, source_ref, replacing)
            if write is None or found.today is None or (only_known and not _known(found)):
                return None
            more = None if asked else wanted(context, (e.exercise.key for e in write.entries),
                                             (e.local_date for e in write.entries))
            if more is not None:
                asked.append(more)
                return more
            known = pairs_now(context, found.today)
            seen[:] = [(found, context, known)]
            return kept(write, context, known)

        logged = await self._storage.log_entries(
            user_id, guild_id, now - WINDOW, now, plan,
            replacing=() if replacing is None else replacing.offer.entry_ids)
        found, context, known = seen[0]
        stored = logged.stored
        profile = replace(context.profile or Profile(), unit=found.unit)  # pounds chosen now
        if found.stale or (only_known and not _known(found)):
            return None
        if not isinstance(found.result, tuple):
            return _parse_error(found.result)
        catalogue = found.catalogue.with_custom(
            e.exercise for e in found.result if e.exercise.custom)
        older = [rehydrate(h, catalogue) for h in context.history]
        fresh = [rehydrate(s, catalogue) for s in stored]
        said = session_advice(fresh, older, profile, context.soreness, now, known=known,
                              recalls=context.recalls, history_from=context.history_from)
        today = found.today or self._lifter.today(profile, now)
        head = [*_switched(replacing), *(q.says for q in found.questions if q.says)]
        tail = [*said.items, *said.closing, *self._plan.note_from(
            fresh, context.plan, profile, older, context.soreness, now)]
        room = (LOG_POST_REPLY_CHARS if only_known else LOG_REPLY_CHARS) - sum(
            len(line) + 1 for line in (*head, *tail))
        lines = [*head, *entry_lines(fresh, found.result, said, profile.unit, today, room),
                 *tail]
        rule_ids = said.rule_ids
        footer = "Ask /why RULE for the reasoning." if rule_ids else None
        return Reply(
            title=log_title(stored, today), lines=tuple(lines), rule_ids=rule_ids, tone="ok",
            saved=True, entry_ids=tuple(s.entry_id for s in stored), footer=footer,
            choices=choices(found.questions, logged.offer_ids),
        )

    # /undo, /history, /edit: each in a module of its own ---------------------------

    async def undo(self, user_id: str, exercise: str | None = None) -> Reply:
        """Remove the caller's last log: all of it, or only that exercise's entries."""
        return await self._undo.undo(user_id, exercise)

    async def undo_choice(self, user_id: str) -> Reply:
        """The last log's one entry removed, or its several offered to pick from."""
        return await self._undo.choose(user_id)

    async def undo_entries(self, user_id: str, entry_ids: tuple[int, ...]) -> Reply:
        """Remove several of the caller's entries at once (a log's Undo button, a pick)."""
        return await self._undo.undo_entries(user_id, entry_ids)

    async def undo_message(self, user_id: str, message_id: str) -> Reply | None:
        """Undo what a lifter's own post in a log channel stored (None when nothing was)."""
        return await self._undo.undo_message(user_id, message_id)

    async def history(
        self, user_id: str, exercise: str | None = None, *, page: int | str = 1,
        days: int | str | None = None,
    ) -> Reply:
        """The caller's sessions, newest first, one page (see bot.coach.history)."""
        return await self._history.history(user_id, exercise, page=page, days=days)

    async def edit(self, user_id: str, number: int | str, text: str) -> Reply:
        """Correct the entry /history numbers ``number`` (see bot.coach.log_edit)."""
        return await self._edit.edit(user_id, number, text)

    async def edit_form(self, user_id: str, number: int | str) -> EditForm | Reply:
        """What a form correcting entry ``number`` shows, or why there is none."""
        return await self._edit.form(user_id, number)

    async def edit_entry(self, user_id: str, entry_id: int, text: str) -> Reply:
        """Correct one of the caller's entries by id (a submitted form)."""
        return await self._edit.edit_entry(user_id, entry_id, text)


def _preview_line(entry: LogEntry, unit: Unit) -> str:
    tier = entry.exercise.tier or "?"
    return f"{describe_entry(entry, unit)} (tier {tier})"


def _known(found: ReadLog) -> bool:
    """A read the log channel stores: lifts the catalogue or the lifter knows."""
    return isinstance(found.result, tuple) and all(e.exercise.tier is not None
                                                    for e in found.result)


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
