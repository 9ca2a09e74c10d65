-- The queue SQLite uses to keep leaderboard upkeep off the /log path (see the SQLite
-- migration of the same number). PostgreSQL keeps its row triggers, so nothing is
-- ever queued here; the table exists so both engines run the same catch-up code.
CREATE TABLE board_queue (
    entry_id BIGINT PRIMARY KEY REFERENCES entries (entry_id) ON DELETE CASCADE
);

-- As on SQLite: the entry indexes every log wrote to and almost nothing reads.
DROP INDEX entries_guild_user;
DROP INDEX entries_user_exercise;
DROP INDEX entries_user_ref;
CREATE INDEX entries_user_ref ON entries (user_id, source_ref) WHERE source_ref IS NOT NULL;
