-- Leaderboard bookkeeping made lighter.
--
-- The counters of board_versions (days, sets) served kept boards before change
-- stamps (migration 006) replaced them; nothing reads them now, so their nine
-- triggers go (the table stays for resets).
--
-- Catching up the boards (bot.storage.sql.boards) writes many board_days and
-- discipline_days rows at once. Their stamp triggers would stamp the lifter again
-- for every row; while the catch-up runs, board_bulk holds a row, those triggers
-- stand aside, and the catch-up stamps every lifter it touched in one statement.
-- Nothing else writes board_bulk, so every other change still runs the triggers.
CREATE TABLE board_bulk (running INTEGER PRIMARY KEY);

DROP TRIGGER board_versions_day_added;
DROP TRIGGER board_versions_day_removed;
DROP TRIGGER board_versions_counts_added;
DROP TRIGGER board_versions_counts_removed;
DROP TRIGGER board_versions_profile_added;
DROP TRIGGER board_versions_profile_changed;
DROP TRIGGER board_versions_target_added;
DROP TRIGGER board_versions_target_changed;
DROP TRIGGER board_versions_target_removed;

DROP TRIGGER board_stamps_day_added;
CREATE TRIGGER board_stamps_day_added AFTER INSERT ON board_days
WHEN NOT EXISTS (SELECT 1 FROM board_bulk)
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT NEW.guild_id, NEW.user_id, COALESCE(MAX(s.seq), 0) + 1
    FROM board_stamps s WHERE s.guild_id = NEW.guild_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

DROP TRIGGER board_stamps_day_removed;
CREATE TRIGGER board_stamps_day_removed AFTER DELETE ON board_days
WHEN NOT EXISTS (SELECT 1 FROM board_bulk)
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT OLD.guild_id, OLD.user_id, COALESCE(MAX(s.seq), 0) + 1
    FROM board_stamps s WHERE s.guild_id = OLD.guild_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

DROP TRIGGER board_stamps_counts_added;
CREATE TRIGGER board_stamps_counts_added AFTER INSERT ON discipline_days
WHEN NOT EXISTS (SELECT 1 FROM board_bulk)
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT m.guild_id, NEW.user_id,
        (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)
    FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

DROP TRIGGER board_stamps_counts_removed;
CREATE TRIGGER board_stamps_counts_removed AFTER DELETE ON discipline_days
WHEN NOT EXISTS (SELECT 1 FROM board_bulk)
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT m.guild_id, OLD.user_id,
        (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)
    FROM guild_members m WHERE m.user_id = OLD.user_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;
