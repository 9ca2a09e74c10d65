-- Which lifters of a server's board changed, so a kept board recomputes only them.
--
-- board_stamps holds, per (server, lifter), the position of the last change to
-- anything that lifter's figures on that server's boards depend on: their training
-- days there, their discipline counts, their time zone and weekly target. A
-- position grows by one per stamp within a server. A reader notes the next position
-- before it reads a board and later asks for the lifters stamped at or after it.
-- board_versions.resets moves when a member leaves a server's table of members (an
-- erased lifter, a withdrawn opt-out): a kept board is then computed afresh, since
-- an erased lifter leaves no stamp behind.
CREATE TABLE board_stamps (
    guild_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;
CREATE INDEX board_stamps_seq ON board_stamps (guild_id, seq);
ALTER TABLE board_versions ADD COLUMN resets INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER board_stamps_day_added AFTER INSERT ON board_days
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT NEW.guild_id, NEW.user_id, COALESCE(MAX(s.seq), 0) + 1
    FROM board_stamps s WHERE s.guild_id = NEW.guild_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

CREATE TRIGGER board_stamps_day_removed AFTER DELETE ON board_days
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT OLD.guild_id, OLD.user_id, COALESCE(MAX(s.seq), 0) + 1
    FROM board_stamps s WHERE s.guild_id = OLD.guild_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

-- The lifter's other changes stamp every server they are a member of.
CREATE TRIGGER board_stamps_counts_added AFTER INSERT ON discipline_days
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT m.guild_id, NEW.user_id,
        (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)
    FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

CREATE TRIGGER board_stamps_counts_removed AFTER DELETE ON discipline_days
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT m.guild_id, OLD.user_id,
        (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)
    FROM guild_members m WHERE m.user_id = OLD.user_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

CREATE TRIGGER board_stamps_profile_added AFTER INSERT ON users
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT m.guild_id, NEW.user_id,
        (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)
    FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

CREATE TRIGGER board_stamps_profile_changed AFTER UPDATE OF timezone, weekly_target ON users
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT m.guild_id, NEW.user_id,
        (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)
    FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

CREATE TRIGGER board_stamps_target_added AFTER INSERT ON target_history
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT m.guild_id, NEW.user_id,
        (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)
    FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

CREATE TRIGGER board_stamps_target_changed AFTER UPDATE ON target_history
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT m.guild_id, NEW.user_id,
        (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)
    FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

CREATE TRIGGER board_stamps_target_removed AFTER DELETE ON target_history
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT m.guild_id, OLD.user_id,
        (SELECT COALESCE(MAX(s.seq), 0) + 1 FROM board_stamps s WHERE s.guild_id = m.guild_id)
    FROM guild_members m WHERE m.user_id = OLD.user_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

CREATE TRIGGER board_versions_member_removed AFTER DELETE ON guild_members
BEGIN
    INSERT INTO board_versions (guild_id, resets) VALUES (OLD.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET resets = board_versions.resets + 1; END;
