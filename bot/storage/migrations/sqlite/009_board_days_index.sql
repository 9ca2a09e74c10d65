-- board_days loses its (user_id, local_date) index: each new training day wrote a
-- page to it, and only the triggers below looked days up by lifter. They now name
-- the lifter's servers (guild_members), so each lookup uses the primary key
-- (guild_id, user_id, local_date). The rare whole-lifter reads (/forget-me) scan.
DROP INDEX board_days_by_user;

DROP TRIGGER board_days_set_removed;
CREATE TRIGGER board_days_set_removed AFTER DELETE ON sets WHEN OLD.warmup = 0
BEGIN
    DELETE FROM board_days
    WHERE guild_id IN (SELECT m.guild_id FROM guild_members m JOIN entries o
                       ON o.user_id = m.user_id WHERE o.entry_id = OLD.entry_id)
      AND user_id = (SELECT o.user_id FROM entries o WHERE o.entry_id = OLD.entry_id)
      AND local_date = (SELECT o.local_date FROM entries o WHERE o.entry_id = OLD.entry_id)
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = board_days.user_id AND e.local_date = board_days.local_date
          AND s.warmup = 0); END;

DROP TRIGGER board_days_set_changed;
CREATE TRIGGER board_days_set_changed AFTER UPDATE OF warmup, entry_id ON sets
BEGIN
    DELETE FROM board_days
    WHERE guild_id IN (SELECT m.guild_id FROM guild_members m JOIN entries o
                       ON o.user_id = m.user_id WHERE o.entry_id = OLD.entry_id)
      AND user_id = (SELECT o.user_id FROM entries o WHERE o.entry_id = OLD.entry_id)
      AND local_date = (SELECT o.local_date FROM entries o WHERE o.entry_id = OLD.entry_id)
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = board_days.user_id AND e.local_date = board_days.local_date
          AND s.warmup = 0)
    ; INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT m.guild_id, e.user_id, e.local_date
    FROM entries e JOIN guild_members m ON m.user_id = e.user_id
    WHERE e.entry_id = NEW.entry_id AND NEW.warmup = 0 AND m.opted_out = 0
    ON CONFLICT DO NOTHING; END;

DROP TRIGGER board_days_entry_removed;
CREATE TRIGGER board_days_entry_removed AFTER DELETE ON entries
BEGIN
    DELETE FROM board_days
    WHERE guild_id IN (SELECT m.guild_id FROM guild_members m WHERE m.user_id = OLD.user_id)
      AND user_id = OLD.user_id AND local_date = OLD.local_date
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = OLD.user_id AND e.local_date = OLD.local_date
          AND s.warmup = 0); END;

DROP TRIGGER board_days_entry_changed;
CREATE TRIGGER board_days_entry_changed AFTER UPDATE OF user_id, local_date ON entries
BEGIN
    DELETE FROM board_days
    WHERE guild_id IN (SELECT m.guild_id FROM guild_members m WHERE m.user_id = OLD.user_id)
      AND user_id = OLD.user_id AND local_date = OLD.local_date
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = OLD.user_id AND e.local_date = OLD.local_date
          AND s.warmup = 0)
    ; INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT m.guild_id, NEW.user_id, NEW.local_date FROM guild_members m
    WHERE m.user_id = NEW.user_id AND m.opted_out = 0
      AND EXISTS (SELECT 1 FROM sets s WHERE s.entry_id = NEW.entry_id AND s.warmup = 0)
    ON CONFLICT DO NOTHING; END;
