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
-- Inside trigger bodies no ';' ends a line (the next statement starts with it): the
-- migration runner splits a file at each ';' that ends a line.
CREATE TABLE board_days (
    guild_id    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    local_date  TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id, local_date)
) WITHOUT ROWID;
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
CREATE TRIGGER board_days_set_added AFTER INSERT ON sets WHEN NEW.warmup = 0
BEGIN
    INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT m.guild_id, e.user_id, e.local_date
    FROM entries e JOIN guild_members m ON m.user_id = e.user_id
    WHERE e.entry_id = NEW.entry_id AND m.opted_out = 0
    ON CONFLICT DO NOTHING; END;

-- A date stops being a training day when its last working set goes.
CREATE TRIGGER board_days_set_removed AFTER DELETE ON sets WHEN OLD.warmup = 0
BEGIN
    DELETE FROM board_days
    WHERE (user_id, local_date) IN (
        SELECT e.user_id, e.local_date FROM entries e WHERE e.entry_id = OLD.entry_id)
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = board_days.user_id AND e.local_date = board_days.local_date
          AND s.warmup = 0); END;

CREATE TRIGGER board_days_set_changed AFTER UPDATE OF warmup, entry_id ON sets
BEGIN
    DELETE FROM board_days
    WHERE (user_id, local_date) IN (
        SELECT e.user_id, e.local_date FROM entries e WHERE e.entry_id = OLD.entry_id)
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = board_days.user_id AND e.local_date = board_days.local_date
          AND s.warmup = 0)
    ; INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT m.guild_id, e.user_id, e.local_date
    FROM entries e JOIN guild_members m ON m.user_id = e.user_id
    WHERE e.entry_id = NEW.entry_id AND NEW.warmup = 0 AND m.opted_out = 0
    ON CONFLICT DO NOTHING; END;

CREATE TRIGGER board_days_entry_removed AFTER DELETE ON entries
BEGIN
    DELETE FROM board_days
    WHERE user_id = OLD.user_id AND local_date = OLD.local_date
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = OLD.user_id AND e.local_date = OLD.local_date
          AND s.warmup = 0); END;

CREATE TRIGGER board_days_entry_changed AFTER UPDATE OF user_id, local_date ON entries
BEGIN
    DELETE FROM board_days
    WHERE user_id = OLD.user_id AND local_date = OLD.local_date
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = OLD.user_id AND e.local_date = OLD.local_date
          AND s.warmup = 0)
    ; INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT m.guild_id, NEW.user_id, NEW.local_date FROM guild_members m
    WHERE m.user_id = NEW.user_id AND m.opted_out = 0
      AND EXISTS (SELECT 1 FROM sets s WHERE s.entry_id = NEW.entry_id AND s.warmup = 0)
    ON CONFLICT DO NOTHING; END;

-- Joining a board brings every training day the lifter already has.
CREATE TRIGGER board_days_member_added AFTER INSERT ON guild_members WHEN NEW.opted_out = 0
BEGIN
    INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT DISTINCT NEW.guild_id, e.user_id, e.local_date FROM entries e
    WHERE e.user_id = NEW.user_id
      AND EXISTS (SELECT 1 FROM sets s WHERE s.entry_id = e.entry_id AND s.warmup = 0)
    ON CONFLICT DO NOTHING; END;

-- Opting out removes the lifter's rows from that server's board; opting in restores them.
CREATE TRIGGER board_days_member_changed
AFTER UPDATE OF opted_out, guild_id, user_id ON guild_members
BEGIN
    DELETE FROM board_days
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id
    ; INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT DISTINCT NEW.guild_id, e.user_id, e.local_date FROM entries e
    WHERE e.user_id = NEW.user_id AND NEW.opted_out = 0
      AND EXISTS (SELECT 1 FROM sets s WHERE s.entry_id = e.entry_id AND s.warmup = 0)
    ON CONFLICT DO NOTHING; END;

CREATE TRIGGER board_days_member_removed AFTER DELETE ON guild_members
BEGIN
    DELETE FROM board_days
    WHERE guild_id = OLD.guild_id AND user_id = OLD.user_id; END;



-- discipline_days: per lifter and local date, the counts the discipline board adds up
-- (see bot.domain.figures.stats.discipline): tier A/B working sets with a known effective RIR
-- and how many stopped short of failure (RIR >= 1); tier C/D exercise-sessions (one
-- exercise on one date) and how many had a set at RIR <= 1. The effective RIR is
-- SetRecord.effective_rir: 0 at or past failure, the logged RIR, 1 for an AMRAP.
-- Derived like board_days: triggers recompute a lifter's date whenever its sets or
-- entries change.
CREATE TABLE discipline_days (
    user_id        TEXT NOT NULL,
    local_date     TEXT NOT NULL,
    short          INTEGER NOT NULL,
    judged         INTEGER NOT NULL,
    hard_sessions  INTEGER NOT NULL,
    sessions       INTEGER NOT NULL,
    PRIMARY KEY (user_id, local_date)
) WITHOUT ROWID;
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

CREATE TRIGGER discipline_set_added AFTER INSERT ON sets WHEN NEW.warmup = 0
BEGIN
    DELETE FROM discipline_days WHERE (user_id, local_date) IN (
        SELECT o.user_id, o.local_date FROM entries o WHERE o.entry_id = NEW.entry_id)
    ; INSERT INTO discipline_days (user_id, local_date, short, judged, hard_sessions, sessions)
    SELECT e.user_id, e.local_date,
        SUM(CASE WHEN e.tier IN ('A', 'B') AND r.rir >= 1 THEN 1 ELSE 0 END),
        SUM(CASE WHEN e.tier IN ('A', 'B') THEN 1 ELSE 0 END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') AND r.rir <= 1 THEN e.exercise_key END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') THEN e.exercise_key END)
    FROM entries o
    JOIN entries e ON e.user_id = o.user_id AND e.local_date = o.local_date
    JOIN (SELECT entry_id, CASE WHEN failure = 1 OR technique IS NOT NULL THEN 0
                     WHEN rir IS NOT NULL THEN rir WHEN amrap = 1 THEN 1 END AS rir
              FROM sets WHERE warmup = 0) r ON r.entry_id = e.entry_id
    WHERE o.entry_id = NEW.entry_id AND e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL
    GROUP BY e.user_id, e.local_date; END;

CREATE TRIGGER discipline_set_removed AFTER DELETE ON sets WHEN OLD.warmup = 0
BEGIN
    DELETE FROM discipline_days WHERE (user_id, local_date) IN (
        SELECT o.user_id, o.local_date FROM entries o WHERE o.entry_id = OLD.entry_id)
    ; INSERT INTO discipline_days (user_id, local_date, short, judged, hard_sessions, sessions)
    SELECT e.user_id, e.local_date,
        SUM(CASE WHEN e.tier IN ('A', 'B') AND r.rir >= 1 THEN 1 ELSE 0 END),
        SUM(CASE WHEN e.tier IN ('A', 'B') THEN 1 ELSE 0 END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') AND r.rir <= 1 THEN e.exercise_key END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') THEN e.exercise_key END)
    FROM entries o
    JOIN entries e ON e.user_id = o.user_id AND e.local_date = o.local_date
    JOIN (SELECT entry_id, CASE WHEN failure = 1 OR technique IS NOT NULL THEN 0
                     WHEN rir IS NOT NULL THEN rir WHEN amrap = 1 THEN 1 END AS rir
              FROM sets WHERE warmup = 0) r ON r.entry_id = e.entry_id
    WHERE o.entry_id = OLD.entry_id AND e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL
    GROUP BY e.user_id, e.local_date; END;

CREATE TRIGGER discipline_set_changed AFTER UPDATE ON sets
BEGIN
    DELETE FROM discipline_days WHERE (user_id, local_date) IN (
        SELECT o.user_id, o.local_date FROM entries o WHERE o.entry_id = OLD.entry_id)
    ; INSERT INTO discipline_days (user_id, local_date, short, judged, hard_sessions, sessions)
    SELECT e.user_id, e.local_date,
        SUM(CASE WHEN e.tier IN ('A', 'B') AND r.rir >= 1 THEN 1 ELSE 0 END),
        SUM(CASE WHEN e.tier IN ('A', 'B') THEN 1 ELSE 0 END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') AND r.rir <= 1 THEN e.exercise_key END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') THEN e.exercise_key END)
    FROM entries o
    JOIN entries e ON e.user_id = o.user_id AND e.local_date = o.local_date
    JOIN (SELECT entry_id, CASE WHEN failure = 1 OR technique IS NOT NULL THEN 0
                     WHEN rir IS NOT NULL THEN rir WHEN amrap = 1 THEN 1 END AS rir
              FROM sets WHERE warmup = 0) r ON r.entry_id = e.entry_id
    WHERE o.entry_id = OLD.entry_id AND e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL
    GROUP BY e.user_id, e.local_date
    ; DELETE FROM discipline_days WHERE (user_id, local_date) IN (
        SELECT o.user_id, o.local_date FROM entries o WHERE o.entry_id = NEW.entry_id)
    ; INSERT INTO discipline_days (user_id, local_date, short, judged, hard_sessions, sessions)
    SELECT e.user_id, e.local_date,
        SUM(CASE WHEN e.tier IN ('A', 'B') AND r.rir >= 1 THEN 1 ELSE 0 END),
        SUM(CASE WHEN e.tier IN ('A', 'B') THEN 1 ELSE 0 END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') AND r.rir <= 1 THEN e.exercise_key END),
        COUNT(DISTINCT CASE WHEN e.tier IN ('C', 'D') THEN e.exercise_key END)
    FROM entries o
    JOIN entries e ON e.user_id = o.user_id AND e.local_date = o.local_date
    JOIN (SELECT entry_id, CASE WHEN failure = 1 OR technique IS NOT NULL THEN 0
                     WHEN rir IS NOT NULL THEN rir WHEN amrap = 1 THEN 1 END AS rir
              FROM sets WHERE warmup = 0) r ON r.entry_id = e.entry_id
    WHERE o.entry_id = NEW.entry_id AND e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL
    GROUP BY e.user_id, e.local_date; END;

CREATE TRIGGER discipline_entry_removed AFTER DELETE ON entries
BEGIN
    DELETE FROM discipline_days
    WHERE user_id = OLD.user_id AND local_date = OLD.local_date
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
    WHERE e.user_id = OLD.user_id AND e.local_date = OLD.local_date
      AND e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL
    GROUP BY e.user_id, e.local_date; END;

CREATE TRIGGER discipline_entry_changed
AFTER UPDATE OF user_id, local_date, tier, exercise_key ON entries
BEGIN
    DELETE FROM discipline_days
    WHERE user_id = OLD.user_id AND local_date = OLD.local_date
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
    WHERE e.user_id = OLD.user_id AND e.local_date = OLD.local_date
      AND e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL
    GROUP BY e.user_id, e.local_date
    ; DELETE FROM discipline_days
    WHERE user_id = NEW.user_id AND local_date = NEW.local_date
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
    WHERE e.user_id = NEW.user_id AND e.local_date = NEW.local_date
      AND e.tier IN ('A', 'B', 'C', 'D') AND r.rir IS NOT NULL
    GROUP BY e.user_id, e.local_date; END;

-- board_versions: counters per server that move with everything its boards show, so a
-- process may keep a board it computed and reuse it until a counter moves. 'days'
-- moves with training days (so also with memberships and opting out) and with members'
-- time zones and weekly targets; 'sets' with the counts behind the discipline board.
CREATE TABLE board_versions (
    guild_id  TEXT PRIMARY KEY,
    days      INTEGER NOT NULL DEFAULT 0,
    sets      INTEGER NOT NULL DEFAULT 0
);

CREATE TRIGGER board_versions_day_added AFTER INSERT ON board_days
BEGIN
    INSERT INTO board_versions (guild_id, days) VALUES (NEW.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET days = board_versions.days + 1; END;

CREATE TRIGGER board_versions_day_removed AFTER DELETE ON board_days
BEGIN
    INSERT INTO board_versions (guild_id, days) VALUES (OLD.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET days = board_versions.days + 1; END;

CREATE TRIGGER board_versions_counts_added AFTER INSERT ON discipline_days
BEGIN
    INSERT INTO board_versions (guild_id, sets)
    SELECT m.guild_id, 1 FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id) DO UPDATE SET sets = board_versions.sets + 1; END;

CREATE TRIGGER board_versions_counts_removed AFTER DELETE ON discipline_days
BEGIN
    INSERT INTO board_versions (guild_id, sets)
    SELECT m.guild_id, 1 FROM guild_members m WHERE m.user_id = OLD.user_id
    ON CONFLICT (guild_id) DO UPDATE SET sets = board_versions.sets + 1; END;

CREATE TRIGGER board_versions_profile_added AFTER INSERT ON users
BEGIN
    INSERT INTO board_versions (guild_id, days, sets)
    SELECT m.guild_id, 1, 1 FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id) DO UPDATE
    SET days = board_versions.days + 1, sets = board_versions.sets + 1; END;

CREATE TRIGGER board_versions_profile_changed AFTER UPDATE OF timezone, weekly_target ON users
BEGIN
    INSERT INTO board_versions (guild_id, days, sets)
    SELECT m.guild_id, 1, 1 FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id) DO UPDATE
    SET days = board_versions.days + 1, sets = board_versions.sets + 1; END;

CREATE TRIGGER board_versions_target_added AFTER INSERT ON target_history
BEGIN
    INSERT INTO board_versions (guild_id, days)
    SELECT m.guild_id, 1 FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id) DO UPDATE SET days = board_versions.days + 1; END;

CREATE TRIGGER board_versions_target_changed AFTER UPDATE ON target_history
BEGIN
    INSERT INTO board_versions (guild_id, days)
    SELECT m.guild_id, 1 FROM guild_members m WHERE m.user_id = NEW.user_id
    ON CONFLICT (guild_id) DO UPDATE SET days = board_versions.days + 1; END;

CREATE TRIGGER board_versions_target_removed AFTER DELETE ON target_history
BEGIN
    INSERT INTO board_versions (guild_id, days)
    SELECT m.guild_id, 1 FROM guild_members m WHERE m.user_id = OLD.user_id
    ON CONFLICT (guild_id) DO UPDATE SET days = board_versions.days + 1; END;
