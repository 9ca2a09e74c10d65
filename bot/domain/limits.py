"""The numbers a set may carry, wherever it comes from, and the RPE scale.

A set typed with /log and a set read from an import file are stored alike and feed the
same advice and figures, so both are held to these limits: one definition, read by the
log parser (``bot.domain.notation.amounts``) and by every import format
(``bot.domain.transfer``). Each is a plausibility guard against typos ("1000x5" for
"100x5"), not a judgement of what a lifter can do.

The second half bounds what one lifter's data may cost everyone else: the size of an
import file, how many imports an hour, previews waiting, exercises of their own. They
are documented in README.md ("Your data").
"""

from __future__ import annotations

from typing import Final

MIN_REPS: Final = 1
MAX_REPS: Final = 100
"""Reps in one set."""
MAX_SETS: Final = 20
"""Sets in one entry: one exercise on one line of /log, or in one imported workout."""
MAX_LOAD_KG: Final = 1000.0
"""Load of one set, in kilograms (pounds are converted first)."""
MAX_RIR: Final = 10.0
"""Reps in reserve; RIR 0 is failure."""
MIN_RPE: Final = 1.0
MAX_RPE: Final = 10.0
"""The RPE scale; RPE 10 is failure (RIR = 10 - RPE)."""
MAX_NAME: Final = 60
"""Characters in the name of an exercise of the lifter's own (/exercise, /log, /import)."""
MAX_KEY: Final = 500
"""Characters of an exercise key read from a file: a key is the slug of a name, and
names logged before ``MAX_NAME`` applied to /log could run as long as a message."""
MAX_NOTE: Final = 500
"""Characters of a note kept with an imported entry (the rest is cut), as /log reads
at most that many characters in a whole message."""

IMPORT_MAX_BYTES: Final = 5 * 1024 * 1024
"""The largest import file by default (the IMPORT_MAX_BYTES setting changes it)."""
IMPORT_MAX_BYTES_CEILING: Final = 10 * 1024 * 1024
"""The most IMPORT_MAX_BYTES may be set to: Discord's own attachment limit for most
users, and a file whose reading stays well within the bot's memory."""
ATTACHMENT_MAX_BYTES: Final = 10 * 1024 * 1024
"""The largest file Discord takes from a bot for most servers: each export file stays
within it (a bigger export comes zipped, in parts)."""
IMPORTS_PER_HOUR: Final = 6
"""Import files one lifter may send in an hour (each is read in full)."""
PENDING_IMPORTS: Final = 2
"""Previews kept per lifter until confirmed or cancelled (the newest ones)."""
MAX_OWN_EXERCISES: Final = 500
"""Exercises of one lifter's own, beside the catalogue: every command reads them."""
LOG_REPLY_CHARS: Final = 3800
"""Characters of a log reply's lines: a message of twenty exercises keeps its advice
and each entry's own line, and leaves out the notes under the last entries past this
(naming them). It fits a Discord embed's description (4096) with room to spare."""
LOG_POST_REPLY_CHARS: Final = 1850
"""The same for the reply to a post in a log channel: one plain Discord message (2000
characters, its title included)."""


def reps_allowed(reps: float) -> bool:
    """A whole number of reps from ``MIN_REPS`` to ``MAX_REPS``."""
    return float(reps).is_integer() and MIN_REPS <= reps <= MAX_REPS


def load_allowed(kg: float) -> bool:
    return 0 <= kg <= MAX_LOAD_KG


def rir_allowed(rir: float) -> bool:
    return 0 <= rir <= MAX_RIR


def rpe_allowed(rpe: float) -> bool:
    return MIN_RPE <= rpe <= MAX_RPE


def sets_allowed(sets: int) -> bool:
    return sets <= MAX_SETS


def rir_of_rpe(rpe: float) -> float:
    """The reps in reserve an RPE stands for: RPE 10 is RIR 0, RPE 8 is RIR 2."""
    return round(MAX_RPE - rpe, 2)


__all__ = [
    "ATTACHMENT_MAX_BYTES",
    "IMPORTS_PER_HOUR",
    "IMPORT_MAX_BYTES",
    "IMPORT_MAX_BYTES_CEILING",
    "MAX_KEY",
    "MAX_LOAD_KG",
    "MAX_NAME",
    "MAX_NOTE",
    "MAX_OWN_EXERCISES",
    "MAX_REPS",
    "MAX_RIR",
    "MAX_RPE",
    "MAX_SETS",
    "MIN_REPS",
    "MIN_RPE",
    "PENDING_IMPORTS",
    "load_allowed",
    "reps_allowed",
    "rir_allowed",
    "rir_of_rpe",
    "rpe_allowed",
    "sets_allowed",
]
