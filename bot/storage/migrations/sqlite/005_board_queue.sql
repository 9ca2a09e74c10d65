-- Leaderboard upkeep leaves the /log path.
--
-- Until now every working set inserted ran two row triggers (board_days and
-- discipline_days) inside the lifter's own transaction, about a third of a log's
-- cost. A new working set now only queues its entry here; the storage brings the
-- leaderboard tables up to date from the queue, in one set-based pass, before any
-- board is read and from a background task (SqlStorage.catch_up_boards). Deletes and
-- changes keep their triggers: they are rare, and those triggers recompute from
-- entries and sets, which already hold the queued rows.
CREATE TABLE board_queue (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (entry_id) ON DELETE CASCADE
);

DROP TRIGGER board_days_set_added;
DROP TRIGGER discipline_set_added;

CREATE TRIGGER board_queue_set_added AFTER INSERT ON sets WHEN NEW.warmup = 0
BEGIN
    INSERT INTO board_queue (entry_id) VALUES (NEW.entry_id) ON CONFLICT DO NOTHING; END;

-- Entry indexes: each one costs every log a page in its commit. The log channel's
-- message ids are the only source_ref a lookup by user needs (imports have their
-- own unique index). One index per lifter is enough: (user_id, local_date) serves
-- the lifter's days, and reads by time add a local_date bound (a local date is
-- never more than a day before the UTC date; bot.storage.rows.earliest_local_date);
-- "has this lifter logged in this server" and "this lifter's last squats" read the
-- lifter's entries through it.
DROP INDEX entries_guild_user;
DROP INDEX entries_user_exercise;
DROP INDEX entries_user_time;
DROP INDEX entries_user_ref;
CREATE INDEX entries_user_ref ON entries (user_id, source_ref) WHERE source_ref IS NOT NULL;
