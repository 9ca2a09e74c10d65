"""Log notation: the text lifters type, read into entries and echoed back.

This group owns the little language of /log (``squat 5x5 @100kg rir2``): it reads a
message into ``LogEntry`` values, naming each lift through the catalogue, and turns
entries back into the text a lifter sees, so reading and echoing agree on one
notation. The unit words are shared with the import readers.
"""

from bot.domain.notation.dates import DateOrder
from bot.domain.notation.echo import describe_entry, entry_to_text, format_load
from bot.domain.notation.parse import MAX_CHARS, parse_log
from bot.domain.notation.words import unit_of

__all__ = [
    "MAX_CHARS",
    "DateOrder",
    "describe_entry",
    "entry_to_text",
    "format_load",
    "parse_log",
    "unit_of",
]
