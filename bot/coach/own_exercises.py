"""Renaming a lifter's own exercise, or merging it into a catalogue lift.

A typo that became an exercise of the lifter's own (``sqaut``), or a name an app
exported (``Bench press Backup``), should not cost its history: a rename gives every
entry of it a new name, a merge makes them entries of the catalogue lift they were
all along (its tier then counts for the advice, stats and boards). Only the caller's
own exercises and entries move, in one transaction.
"""

from __future__ import annotations

from bot.coach.lifter import Lifter
from bot.coach.replies import Reply, error_reply, literal
from bot.domain import guard, limits
from bot.domain.catalogue import Catalogue, normalize, slugify
from bot.domain.models import Exercise

RENAME_EXAMPLE = "/exercise sqaut rename:squat variation"
MERGE_EXAMPLE = "/exercise sqaut merge:back squat"


async def rename(lifter: Lifter, user_id: str, old: str, new: str) -> Reply:
    """Give the lifter's own exercise ``old`` the name ``new`` (joining their own
    exercise of that name, if they have one); a catalogue name asks for a merge."""
    clean = _clean(new)
    if clean is None:
        return _bad_name(RENAME_EXAMPLE)
    catalogue = await lifter.catalogue_for(user_id)
    mine = await _own(lifter, user_id, old)
    if isinstance(mine, Reply):
        return mine
    found = catalogue.lookup(clean)
    if found.exercise is not None and not found.exercise.custom and not found.corrected:
        lift = found.exercise
        return error_reply(
            f"{lift.name} is a catalogue lift (tier {lift.tier}).",
            "To make your entries of it entries of that lift, merge them.",
            f"/exercise {literal(mine.name)} merge:{lift.name}", title="That one is built in")
    key = slugify(clean) or mine.key
    target = catalogue.get(key)
    joined = target is not None and target.custom and target.key != mine.key
    tier = target.tier if joined and target is not None else mine.tier
    moved = await lifter.storage.move_exercise(
        user_id, mine.key, Exercise(key=key, name=clean, tier=tier, custom=True))
    lines = [f"{_entries(moved)} of {literal(mine.name)} now read {literal(clean)}."]
    if joined:
        lines.append(f"They join your own {literal(clean)} (tier {tier or 'not set'}).")
    return Reply(title=f"Renamed to {literal(clean)}", lines=tuple(lines), tone="ok",
                 private=True, saved=True)


async def merge(lifter: Lifter, user_id: str, old: str, into: str) -> Reply:
    """Make every entry of the lifter's own exercise ``old`` an entry of the catalogue
    lift ``into``; the own exercise is gone afterwards."""
    catalogue = await lifter.catalogue_for(user_id)
    mine = await _own(lifter, user_id, old)
    if isinstance(mine, Reply):
        return mine
    lift = _catalogue_lift(catalogue, into)
    if isinstance(lift, Reply):
        return lift
    moved = await lifter.storage.move_exercise(user_id, mine.key, lift)
    return Reply(
        title=f"Merged into {lift.name}",
        lines=(f"{_entries(moved)} of {literal(mine.name)} {'is' if moved == 1 else 'are'} "
               f"now {lift.name} (tier {lift.tier}): {'it counts' if moved == 1 else 'they count'}"
               " for its advice, /stats and /chart.",
               f"{literal(mine.name)} is no longer one of your own exercises."),
        tone="ok", private=True, saved=True)


async def _own(lifter: Lifter, user_id: str, name: str) -> Exercise | Reply:
    """The caller's own exercise called ``name`` (as saved, or by its key)."""
    customs = await lifter.storage.custom_exercises(user_id)
    form, key = normalize(name), slugify(name)
    for exercise in customs:
        if exercise.key == key or normalize(exercise.name) == form:
            return exercise
    listed = ", ".join(literal(e.name) for e in customs[:10])
    hint = (f"Your own exercises: {listed}." if listed
            else "You have no exercises of your own yet: names I don't know become yours "
            "when you log or import them.")
    return error_reply(f"You have no exercise of your own called '{literal(name.strip())}'.",
                       hint, MERGE_EXAMPLE, title="No such exercise of yours")


def _catalogue_lift(catalogue: Catalogue, text: str) -> Exercise | Reply:
    found = catalogue.lookup(text)
    if found.exercise is not None and not found.exercise.custom:
        return found.exercise
    if found.ambiguous:
        names = ", ".join(e.name for e in found.ambiguous)
        return error_reply(f"'{literal(text.strip())}' could be {names}.",
                           "Give the full name of the lift to merge into.", MERGE_EXAMPLE,
                           title="Which lift?")
    close = ", ".join(e.name for e in found.suggestions)
    hint = (f"Did you mean {close}?" if close else "Give a lift from the catalogue; to give "
            "your exercise another name of its own, use rename:NEW instead.")
    return error_reply(f"'{literal(text.strip())}' is not a lift in the catalogue.", hint,
                       MERGE_EXAMPLE, title="Not in the catalogue")


def _clean(name: str) -> str | None:
    clean = guard.name(name)
    return clean if clean is not None and slugify(clean) else None


def _bad_name(example: str) -> Reply:
    return error_reply("The new name is empty or too long.",
                       f"Give a name of at most {limits.MAX_NAME} characters.", example)


def _entries(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"


def one_change_please() -> Reply:
    """/exercise needs exactly one of tier:, rename: and merge:."""
    return error_reply("Tell me one thing to do with it: tier:X, rename:NEW or merge:LIFT.",
                       "tier sets its tier (A-D), rename gives it a new name, merge makes its "
                       "entries a catalogue lift's.", MERGE_EXAMPLE)
