"""Data in and out: the import formats and readers, and the export format.

A lifter's history should never be locked in: this group reads the CSV files other
apps write (detecting which app, mapping their exercise names onto the catalogue and
reporting what it could not read) and writes the project's own CSV, one row per set
(zipped in parts when it is too big for one attachment).
A content fingerprint per entry lets an import skip workouts already stored.
"""

from bot.domain.transfer.archive import ExportFile, packaged
from bot.domain.transfer.export import COLUMNS, entry_lines, export_filename, header_line
from bot.domain.transfer.fingerprint import entry_key
from bot.domain.transfer.formats import FORMAT_NAMES
from bot.domain.transfer.grouping import PAUSE_EVERY
from bot.domain.transfer.names import MappingError, parse_mapping
from bot.domain.transfer.read import ImportedEntry, ImportProblem, ImportResult, read_import

__all__ = [
    "COLUMNS",
    "FORMAT_NAMES",
    "PAUSE_EVERY",
    "ExportFile",
    "ImportProblem",
    "ImportResult",
    "ImportedEntry",
    "MappingError",
    "entry_key",
    "entry_lines",
    "export_filename",
    "header_line",
    "packaged",
    "parse_mapping",
    "read_import",
]
