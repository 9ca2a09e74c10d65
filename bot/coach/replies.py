"""Reply values: what the coach says, before any edge decides how it looks.

The console prints them as text and the Discord edge turns them into embeds, so
both say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Tone = Literal["ok", "info", "warning", "error"]


@dataclass(frozen=True)
class Choice:
    """A one-step alternative the reply offers (another reading of what was logged).

    ``offer_id`` names it to the coach (``coach.logbook.switch_reading``); ``label``
    says it in a few words (a button's text).
    """

    offer_id: int
    label: str


@dataclass(frozen=True)
class Paging:
    """Where a paged reply (/history) is, and what it shows: an edge offers the pages
    before and after it with the same filters."""

    page: int
    pages: int
    exercise: str | None = None  # the exercise's name, as the coach reads it again
    days: int | None = None


@dataclass(frozen=True)
class Pick:
    """An entry a reply lets the lifter pick (which of a log's entries to undo)."""

    entry_id: int
    label: str


@dataclass(frozen=True)
class Reply:
    title: str
    lines: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    rule_ids: tuple[str, ...] = ()
    tone: Tone = "info"
    private: bool = False
    saved: bool = False
    entry_ids: tuple[int, ...] = ()
    footer: str | None = None
    # Set when the reply asks the lifter to confirm an action before it happens (the
    # action's name, e.g. "forget-me"); an edge offers the confirm step for it.
    confirm: str | None = None
    # The other readings a log reply offers, each in one step (see Choice).
    choices: tuple[Choice, ...] = ()
    # Entries this reply's action removed in favour of ``entry_ids`` (a choice taken),
    # so an edge can update the Undo it offered for them.
    replaced: tuple[int, ...] = ()
    # A page of several (see Paging), and entries offered to pick from (see Pick).
    paging: Paging | None = None
    picks: tuple[Pick, ...] = ()

    @property
    def is_error(self) -> bool:
        return self.tone == "error"


# Markdown's marks, and the @ of @everyone/@here (other mentions start with <).
_SPECIAL = re.compile(r"([\\*_~`|<>\[\]()]|@(?=everyone|here))", re.IGNORECASE)
_LINE_START = re.compile(r"^(\s*)([#>-])", re.MULTILINE)


def literal(text: str) -> str:
    """User text made inert: Discord shows it as typed, never as formatting.

    Reply lines may use markdown (bold, code) on purpose; anything a lifter typed
    or a file held (exercise names, words a parser could not read, file names) goes
    through here first: no bold, code, strike, spoiler, masked link, heading, small
    print, quote or mention. The console removes the escapes again.
    """
    return _LINE_START.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", text))


def error_reply(what: str, hint: str, example: str, *, title: str = "I couldn't do that") -> Reply:
    """Every refusal says what was wrong, how to fix it and a line that would work.

    All three may quote what the lifter typed, so all three are made literal.
    """
    return Reply(
        title=title,
        lines=(literal(what), f"Hint: {literal(hint)}", f"Example: {literal(example)}"),
        tone="error",
        private=True,
    )
