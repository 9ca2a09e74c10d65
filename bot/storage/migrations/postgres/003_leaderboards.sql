-- Leaderboards: each server's view of its lifters' training days.
--
-- board_days has one row per (server, lifter, local date) for each member of a server
-- who has not opted out and each local date on which that lifter logged at least one
-- working (non-warm-up) set, in any server or in a DM: a training day is a training day.
-- Only the date is copied, never where it was logged. The rows are derived data: the
-- triggers below keep them exact for every write (log, undo, import, forget-me,
-- opt-out), so a board reads one index range instead of joining memberships, entries
-- and sets for thousands of lifters.
--
-- Inside function bodies no ';' ends a line (the next statement starts with it): the
-- migration runner splits a file at each ';' that ends a line.
CREATE TABLE board_days (
    guild_id    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    local_date  DATE NOT NULL,
    PRIMARY KEY (guild_id, user_id, local_date)
);
CREATE INDEX board_days_by_date ON board_days (guild_id, local_date, user_id);
CREATE INDEX board_days_by_user ON board_days (user_id, local_date);

-- A lifter's days, a lifter's servers, and recent weekly-target changes.
CREATE INDEX entries_user_day ON entries (user_id, local_date);
CREATE INDEX guild_members_user ON guild_members (user_id);
CREATE INDEX target_history_from ON target_history (effective_from);

INSERT INTO board_days (guild_id, user_id, local_date)
SELECT DISTINCT m.guild_id, e.user_id, e.local_date
FROM guild_members m JOIN entries e ON e.user_id = m.user_id
WHERE m.opted_out = 0
  AND EXISTS (SELECT 1 FROM sets s WHERE s.entry_id = e.entry_id AND s.warmup = 0);

-- A working set makes its entry's date a training day on every board the lifter is on.
CREATE FUNCTION board_days_set_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT m.guild_id, e.user_id, e.local_date
    FROM entries e JOIN guild_members m ON m.user_id = e.user_id
    WHERE e.entry_id = NEW.entry_id AND m.opted_out = 0
    ON CONFLICT DO NOTHING
    ; RETURN NULL; END $$;
CREATE TRIGGER board_days_set_added AFTER INSERT ON sets
FOR EACH ROW WHEN (NEW.warmup = 0) EXECUTE FUNCTION board_days_set_added();

-- A date stops being a training day when its last working set goes.
CREATE FUNCTION board_days_forget_day(who TEXT, day DATE) RETURNS void LANGUAGE sql AS $$
    DELETE FROM board_days
    WHERE user_id = who AND local_date = day
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = who AND e.local_date = day AND s.warmup = 0) $$;

CREATE FUNCTION board_days_set_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM board_days_forget_day(e.user_id, e.local_date)
    FROM entries e WHERE e.entry_id = OLD.entry_id
    ; RETURN NULL; END $$;
CREATE TRIGGER board_days_set_removed AFTER DELETE ON sets
FOR EACH ROW WHEN (OLD.warmup = 0) EXECUTE FUNCTION board_days_set_removed();

CREATE FUNCTION board_days_set_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM board_days_forget_day(e.user_id, e.local_date)
    FROM entries e WHERE e.entry_id = OLD.entry_id
    ; INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT m.guild_id, e.user_id, e.local_date
    FROM entries e JOIN guild_members m ON m.user_id = e.user_id
    WHERE e.entry_id = NEW.entry_id AND NEW.warmup = 0 AND m.opted_out = 0
    ON CONFLICT DO NOTHING
    ; RETURN NULL; END $$;
CREATE TRIGGER board_days_set_changed AFTER UPDATE OF warmup, entry_id ON sets
FOR EACH ROW EXECUTE FUNCTION board_days_set_changed();

CREATE FUNCTION board_days_entry_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM board_days_forget_day(OLD.user_id, OLD.local_date)
    ; RETURN NULL; END $$;
CREATE TRIGGER board_days_entry_removed AFTER DELETE ON entries
FOR EACH ROW EXECUTE FUNCTION board_days_entry_removed();

CREATE FUNCTION board_days_entry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM board_days_forget_day(OLD.user_id, OLD.local_date)
    ; INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT m.guild_id, NEW.user_id, NEW.local_date FROM guild_members m
    WHERE m.user_id = NEW.user_id AND m.opted_out = 0
      AND EXISTS (SELECT 1 FROM sets s WHERE s.entry_id = NEW.entry_id AND s.warmup = 0)
    ON CONFLICT DO NOTHING
    ; RETURN NULL; END $$;
CREATE TRIGGER board_days_entry_changed AFTER UPDATE OF user_id, local_date ON entries
FOR EACH ROW EXECUTE FUNCTION board_days_entry_changed();

-- Joining a board brings every training day the lifter already has; opting out removes
-- the lifter's rows from that server's board and opting in restores them.
CREATE FUNCTION board_days_member_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM board_days WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id
    ; END IF
    ; IF TG_OP <> 'DELETE' AND NEW.opted_out = 0 THEN
        INSERT INTO board_days (guild_id, user_id, local_date)
        SELECT DISTINCT NEW.guild_id, e.user_id, e.local_date FROM entries e
        WHERE e.user_id = NEW.user_id
          AND EXISTS (SELECT 1 FROM sets s WHERE s.entry_id = e.entry_id AND s.warmup = 0)
        ON CONFLICT DO NOTHING
    ; END IF
    ; RETURN NULL; END $$;
CREATE TRIGGER board_days_member_added AFTER INSERT ON guild_members
FOR EACH ROW EXECUTE FUNCTION board_days_member_changed();
CREATE TRIGGER board_days_member_changed AFTER UPDATE OF opted_out, guild_id, user_id
ON guild_members FOR EACH ROW EXECUTE FUNCTION board_days_member_changed();
CREATE TRIGGER board_days_member_removed AFTER DELETE ON guild_members
FOR EACH ROW EXECUTE FUNCTION board_days_member_changed();
