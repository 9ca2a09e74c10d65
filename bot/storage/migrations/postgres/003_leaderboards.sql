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
CREATE FUNCTION board_days_forget_day(who TEXT, day DATE) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM board_days
    WHERE user_id = who AND local_date = day
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = who AND e.local_date = day AND s.warmup = 0)
    ; END $$;

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



-- discipline_days: per lifter and local date, the counts the discipline board adds up
-- (see bot.domain.figures.stats.discipline): tier A/B working sets with a known effective RIR
-- and how many stopped short of failure (RIR >= 1); tier C/D exercise-sessions (one
-- exercise on one date) and how many had a set at RIR <= 1. The effective RIR is
-- SetRecord.effective_rir: 0 at or past failure, the logged RIR, 1 for an AMRAP.
-- Derived like board_days: triggers recompute a lifter's date whenever its sets or
-- entries change.
CREATE TABLE discipline_days (
    user_id        TEXT NOT NULL,
    local_date     DATE NOT NULL,
    short          INTEGER NOT NULL,
    judged         INTEGER NOT NULL,
    hard_sessions  INTEGER NOT NULL,
    sessions       INTEGER NOT NULL,
    PRIMARY KEY (user_id, local_date)
);
INSERT INTO discipline_days (user_id, local_date, short, judged, hard_sessions, sessions)
SELECT e.user_id, e.local_date,
    SUM(CASE WHEN e.tier IN ('A', 'B') AND r.rir >= 1 THEN 1 ELSE 0 END),
    SUM(CASE WHEN e.tier IN ('A', 'B') THEN 1 ELSE 0 END),
    COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') AND r.rir <= 1 THEN e.exercise_key END),
    COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') THEN e.exercise_key END)
FROM entries e
JOIN (SELECT entry_id, CASE WHEN failure = 1 OR technique IS NOT NULL THEN 0
                 WHEN rir IS NOT NULL THEN rir WHEN amrap = 1 THEN 1 END AS rir
          FROM sets WHERE warmup = 0) r ON r.entry_id = e.entry_id
WHERE e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL
GROUP BY e.user_id, e.local_date;

CREATE FUNCTION discipline_refresh(who TEXT, day DATE) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM discipline_days WHERE user_id = who AND local_date = day
    ; INSERT INTO discipline_days (user_id, local_date, short, judged, hard_sessions, sessions)
    SELECT e.user_id, e.local_date,
        SUM(CASE WHEN e.tier IN ('A', 'B') AND r.rir >= 1 THEN 1 ELSE 0 END),
        SUM(CASE WHEN e.tier IN ('A', 'B') THEN 1 ELSE 0 END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') AND r.rir <= 1 THEN e.exercise_key END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') THEN e.exercise_key END)
    FROM entries e
    JOIN (SELECT entry_id, CASE WHEN failure = 1 OR technique IS NOT NULL THEN 0
                     WHEN rir IS NOT NULL THEN rir WHEN amrap = 1 THEN 1 END AS rir
              FROM sets WHERE warmup = 0) r ON r.entry_id = e.entry_id
    WHERE e.user_id = who AND e.local_date = day AND e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL
    GROUP BY e.user_id, e.local_date 
    ; END $$;

CREATE FUNCTION discipline_set_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM discipline_refresh(e.user_id, e.local_date)
        FROM entries e WHERE e.entry_id = OLD.entry_id
    ; END IF
    ; IF TG_OP <> 'DELETE' THEN
        PERFORM discipline_refresh(e.user_id, e.local_date)
        FROM entries e WHERE e.entry_id = NEW.entry_id
    ; END IF
    ; RETURN NULL; END $$;
CREATE TRIGGER discipline_set_added AFTER INSERT ON sets
FOR EACH ROW WHEN (NEW.warmup = 0) EXECUTE FUNCTION discipline_set_changed();
CREATE TRIGGER discipline_set_removed AFTER DELETE ON sets
FOR EACH ROW WHEN (OLD.warmup = 0) EXECUTE FUNCTION discipline_set_changed();
CREATE TRIGGER discipline_set_changed AFTER UPDATE ON sets
FOR EACH ROW EXECUTE FUNCTION discipline_set_changed();

CREATE FUNCTION discipline_entry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM discipline_refresh(OLD.user_id, OLD.local_date)
    ; IF TG_OP = 'UPDATE' THEN
        PERFORM discipline_refresh(NEW.user_id, NEW.local_date)
    ; END IF
    ; RETURN NULL; END $$;
CREATE TRIGGER discipline_entry_removed AFTER DELETE ON entries
FOR EACH ROW EXECUTE FUNCTION discipline_entry_changed();
CREATE TRIGGER discipline_entry_changed AFTER UPDATE OF user_id, local_date, tier, exercise_key
ON entries FOR EACH ROW EXECUTE FUNCTION discipline_entry_changed();

-- board_versions: counters per server that move with everything its boards show, so a
-- process may keep a board it computed and reuse it until a counter moves. 'days'
-- moves with training days (so also with memberships and opting out) and with members'
-- time zones and weekly targets; 'sets' with the counts behind the discipline board.
-- Here a counter holds the id of the last transaction that moved it, written once per
-- transaction: rewriting one row for every set of a large import would make the import
-- slow down with every row (each rewrite leaves a row version the next one walks past).
CREATE TABLE board_versions (
    guild_id  TEXT PRIMARY KEY,
    days      BIGINT NOT NULL DEFAULT 0,
    sets      BIGINT NOT NULL DEFAULT 0
);

-- Move the counters of one server, or (with a lifter) of every server the lifter is on.
CREATE FUNCTION board_versions_bump(server TEXT, who TEXT, d BOOLEAN, s BOOLEAN)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    tx BIGINT := txid_current()
; BEGIN
    INSERT INTO board_versions AS v (guild_id, days, sets)
    SELECT g.guild_id, CASE WHEN d THEN tx ELSE 0 END, CASE WHEN s THEN tx ELSE 0 END
    FROM (SELECT server AS guild_id WHERE who IS NULL
          UNION ALL
          SELECT m.guild_id FROM guild_members m WHERE who IS NOT NULL AND m.user_id = who) g
    ON CONFLICT (guild_id) DO UPDATE
    SET days = CASE WHEN d THEN tx ELSE v.days END,
        sets = CASE WHEN s THEN tx ELSE v.sets END
    WHERE (d AND v.days <> tx) OR (s AND v.sets <> tx)
    ; END $$;

CREATE FUNCTION board_versions_day_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM board_versions_bump(NEW.guild_id, NULL, TRUE, FALSE)
    ; ELSE
        PERFORM board_versions_bump(OLD.guild_id, NULL, TRUE, FALSE)
    ; END IF
    ; RETURN NULL; END $$;
CREATE TRIGGER board_versions_day_changed AFTER INSERT OR DELETE ON board_days
FOR EACH ROW EXECUTE FUNCTION board_versions_day_changed();

CREATE FUNCTION board_versions_lifter_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM board_versions_bump(NULL, OLD.user_id, TG_ARGV[0]::BOOLEAN, TG_ARGV[1]::BOOLEAN)
    ; ELSE
        PERFORM board_versions_bump(NULL, NEW.user_id, TG_ARGV[0]::BOOLEAN, TG_ARGV[1]::BOOLEAN)
    ; END IF
    ; RETURN NULL; END $$;
CREATE TRIGGER board_versions_counts_changed AFTER INSERT OR DELETE ON discipline_days
FOR EACH ROW EXECUTE FUNCTION board_versions_lifter_changed('false', 'true');
CREATE TRIGGER board_versions_profile_added AFTER INSERT ON users
FOR EACH ROW EXECUTE FUNCTION board_versions_lifter_changed('true', 'true');
CREATE TRIGGER board_versions_profile_changed AFTER UPDATE OF timezone, weekly_target ON users
FOR EACH ROW EXECUTE FUNCTION board_versions_lifter_changed('true', 'true');
CREATE TRIGGER board_versions_target_changed AFTER INSERT OR UPDATE OR DELETE ON target_history
FOR EACH ROW EXECUTE FUNCTION board_versions_lifter_changed('true', 'false');
