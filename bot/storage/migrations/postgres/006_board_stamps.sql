-- Which lifters of a server's board changed, so a kept board recomputes only them
-- (see the SQLite migration of the same number). Here a stamp is the id of the
-- transaction that made the change, written once per transaction. A reader notes
-- the oldest transaction still running (the xmin of its snapshot) before it reads
-- a board; every change it could not see carries that id or a later one, so asking
-- later for stamps at or after it misses nothing (and may repeat a few).
CREATE TABLE board_stamps (
    guild_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    seq       BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX board_stamps_seq ON board_stamps (guild_id, seq);
ALTER TABLE board_versions ADD COLUMN resets BIGINT NOT NULL DEFAULT 0;

-- Stamp one server's lifter, or (server NULL) every server the lifter is on.
CREATE FUNCTION board_stamp(server TEXT, who TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    tx BIGINT := txid_current()
; BEGIN
    INSERT INTO board_stamps AS b (guild_id, user_id, seq)
    SELECT g.guild_id, who, tx
    FROM (SELECT server AS guild_id WHERE server IS NOT NULL
          UNION ALL
          SELECT m.guild_id FROM guild_members m WHERE server IS NULL AND m.user_id = who) g
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = tx WHERE b.seq <> tx
    ; END $$;

CREATE FUNCTION board_stamps_day_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM board_stamp(OLD.guild_id, OLD.user_id)
    ; ELSE
        PERFORM board_stamp(NEW.guild_id, NEW.user_id)
    ; END IF
    ; RETURN NULL; END $$;
CREATE TRIGGER board_stamps_day_changed AFTER INSERT OR DELETE ON board_days
FOR EACH ROW EXECUTE FUNCTION board_stamps_day_changed();

CREATE FUNCTION board_stamps_lifter_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM board_stamp(NULL, OLD.user_id)
    ; ELSE
        PERFORM board_stamp(NULL, NEW.user_id)
    ; END IF
    ; RETURN NULL; END $$;
CREATE TRIGGER board_stamps_counts_changed AFTER INSERT OR DELETE ON discipline_days
FOR EACH ROW EXECUTE FUNCTION board_stamps_lifter_changed();
CREATE TRIGGER board_stamps_profile_added AFTER INSERT ON users
FOR EACH ROW EXECUTE FUNCTION board_stamps_lifter_changed();
CREATE TRIGGER board_stamps_profile_changed AFTER UPDATE OF timezone, weekly_target ON users
FOR EACH ROW EXECUTE FUNCTION board_stamps_lifter_changed();
CREATE TRIGGER board_stamps_target_changed AFTER INSERT OR UPDATE OR DELETE ON target_history
FOR EACH ROW EXECUTE FUNCTION board_stamps_lifter_changed();

CREATE FUNCTION board_versions_member_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO board_versions AS v (guild_id, resets) VALUES (OLD.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET resets = v.resets + 1
    ; RETURN NULL; END $$;
CREATE TRIGGER board_versions_member_removed AFTER DELETE ON guild_members
FOR EACH ROW EXECUTE FUNCTION board_versions_member_removed();
