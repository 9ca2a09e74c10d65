"""Where a lifter's data lives: the list /forget-me erases from.

Kept next to the migrations because every migration that adds a table must
decide here whether the table holds data about a person. A test
(tests/storage/test_personal_data.py) reads the live schema and fails when a table
with a ``user_id`` column is missing from :data:`USER_TABLES`, or when a table hangs
off a listed one by a foreign key without being listed in :data:`CHILD_TABLES`.
"""

from __future__ import annotations

# Tables with a user_id column, erased in batches by user_id (bot/storage/sql/erasure.py)
# in this order: rows derived from or referring to others first, so triggers and
# foreign keys have little left to do. A table missing from a database (an older
# schema) is skipped.
USER_TABLES: tuple[str, ...] = (
    "board_days",
    "discipline_days",
    "import_entries",
    "lift_recalls",
    "calibration_pairs",
    "pending_imports",
    "log_offers",
    "reminders",
    "checkins",
    "plan_settings",
    "guild_members",
    "board_stamps",
    "soreness",
    "custom_exercises",
    "target_history",
    "entries",
    "users",
    "erasures",
)

# The mark of an erasure under way: written before anything is erased and removed
# with the last row, so a start-up after a crash finishes what it finds marked.
ERASURE_MARK = "erasures"

# Tables without a user_id of their own whose rows belong to a row of a listed
# table: name -> (its column, the parent table, the parent's column). Erased just
# before their parent.
CHILD_TABLES: dict[str, tuple[str, str, str]] = {
    "sets": ("entry_id", "entries", "entry_id"),
    "board_queue": ("entry_id", "entries", "entry_id"),
    "import_sets": ("entry_id", "import_entries", "entry_id"),
}

# Server-level tables that hold no personal data but count or version what the
# personal tables hold (leaderboard cache versions): erasing a lifter changes them,
# and nothing else of anyone else's may change.
SERVER_COUNTERS: tuple[str, ...] = ("board_versions",)

# Server-level copies of what personal tables hold (a stored leaderboard names its
# lifters): /forget-me deletes the rows of every server the lifter is a member of,
# and the next request rebuilds them without the lifter. table -> its server column.
SERVER_CACHES: dict[str, str] = {"board_cache": "guild_id"}

# Server-level rows that name the person who set them up (the admin told when a recap
# post turns itself off, who started a challenge): /forget-me clears that column and
# leaves the server's setting in place. table -> its column naming a person.
SERVER_REFERENCES: dict[str, str] = {"recaps": "set_by", "challenges": "started_by"}

# What a lifter reads in the /forget-me reply for each table.
LABELS: dict[str, str] = {
    "entries": "logged entries",
    "sets": "sets",
    "users": "profile",
    "target_history": "weekly target changes",
    "custom_exercises": "exercises of your own",
    "soreness": "soreness notes",
    "guild_members": "server memberships (leaderboards)",
    "board_days": "leaderboard training days",
    "discipline_days": "leaderboard discipline counts",
    "board_queue": "entries waiting to reach the leaderboards",
    "board_stamps": "when your leaderboard figures last changed",
    "reminders": "reminder schedule and reminder records",
    "checkins": "weekly check-in schedule and records",
    "plan_settings": "your plan's block setting",
    "pending_imports": "imports waiting for confirmation",
    "log_offers": "choices offered under your log replies",
    "recaps": "your name on server recaps you set up (the recaps stay)",
    "challenges": "your name on server challenges you started (the challenges stay)",
    "import_entries": "entries of imports waiting for confirmation",
    "import_sets": "sets of imports waiting for confirmation",
    "erasures": "the mark of this erasure",
    "lift_recalls": "your bests and last sessions per exercise, kept for log replies",
    "calibration_pairs": "your RIR calibration's pairs, kept for log replies",
}
