"""The logbook's forms (Discord modals): a whole workout for /log, an entry for /edit.

A form's custom id says whose it is and what it is for: ``logform:<owner>`` and
``edit:<owner>:<entry id>``. The cog answers a submitted form from that id alone
(discord.py keeps no form object for it), so a form opened before a restart, or left
open for an hour, is still answered when it is sent. Only its owner can send it; the
coach scopes the edit by the lifter who sends it, too. What was typed passes the
input guard (``bot.domain.guard``) before it is read, as every way in does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import discord

from bot.coach.log_edit import EditForm
from bot.discord.cogs.logbook_buttons import clip
from bot.discord.inputs import fits
from bot.domain import guard
from bot.domain.notation import MAX_CHARS

LOG_FORM = re.compile(r"logform:(?P<user>[0-9]+)")
EDIT_FORM = re.compile(r"edit:(?P<user>[0-9]+):(?P<entry>[0-9]+)")
FIELD = "text"
TITLE_LIMIT = 45  # Discord's limit for a form's title
FIELD_LIMIT = 4000  # and for a text field's value
_EXAMPLE = "squat 5x5 @100kg rir2\nbench 3x8 @80kg rir1\nleg curl 3x12 f"


@dataclass(frozen=True)
class Submitted:
    """A sent form of the logbook's: whose, which entry (for an edit), and its text."""

    kind: str  # "log" or "edit"; "stale" for one of their shape no form of ours carries
    owner: int
    entry_id: int
    text: str


def _form(custom_id: str, title: str, label: str, text: str = "",
          placeholder: str | None = None) -> discord.ui.Modal:
    modal = discord.ui.Modal(title=clip(title, TITLE_LIMIT), custom_id=custom_id)
    modal.add_item(discord.ui.TextInput(
        label=label, style=discord.TextStyle.paragraph, custom_id=FIELD, default=text or None,
        placeholder=placeholder, max_length=min(max(MAX_CHARS, len(text)), FIELD_LIMIT),
        required=True))
    modal.stop()  # nothing waits for it here: the cog answers it by its custom id
    return modal


def log_form(user_id: int) -> discord.ui.Modal:
    """A form for a whole workout, one exercise a line, read as one /log."""
    return _form(f"logform:{user_id}", "Log a workout", "Your workout, one exercise a line",
                 placeholder=_EXAMPLE)


def edit_form(user_id: int, form: EditForm) -> discord.ui.Modal:
    """A form holding the entry's text, to correct and send back."""
    return _form(f"edit:{user_id}:{form.entry_id}", form.title, "The entry as it should read",
                 text=form.text)


def _texts(components: Iterable[Any]) -> Iterable[tuple[str, str]]:
    """(custom id, value) of every text field, in rows or in labels."""
    for part in components:
        if not isinstance(part, dict):
            continue
        if "value" in part and "custom_id" in part:
            yield str(part["custom_id"]), str(part.get("value") or "")
        yield from _texts(part.get("components") or [])
        if isinstance(part.get("component"), dict):
            yield from _texts([part["component"]])


def submitted(interaction: discord.Interaction[Any]) -> Submitted | None:
    """The logbook form this interaction sends, or None when it sends none of ours."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return None
    data: dict[str, Any] = dict(interaction.data or {})
    custom_id = str(data.get("custom_id") or "")
    text = guard.clean(dict(_texts(data.get("components") or [])).get(FIELD, ""))
    found = LOG_FORM.fullmatch(custom_id)
    if found is not None:
        owner = int(found.group("user"))
        return Submitted("log" if fits(owner) else "stale", owner, 0, text)
    found = EDIT_FORM.fullmatch(custom_id)
    if found is not None:
        owner, entry_id = int(found.group("user")), int(found.group("entry"))
        return Submitted("edit" if fits(owner, entry_id) else "stale", owner, entry_id, text)
    return None
