-- Bulk work that never holds everyone else up: erasing a lifter (/forget-me) and
-- publishing an import run in short batches, each its own transaction, so other
-- lifters' commands go between them.
--
-- The delete triggers of entries and sets recomputed a lifter's day for every row
-- they removed: erasing 8,000 entries of one day cost time in the square of that. A
-- batch now sets the board_bulk flag (migration 008) for its transaction and these
-- triggers stand aside: erasure removes the derived rows itself, set-based.
--
-- erasures marks a lifter whose erasure has begun: it is written first, removed
-- last, and a start-up finishes any erasure a crash interrupted.
CREATE TABLE erasures (user_id TEXT PRIMARY KEY);

-- An import preview keeps its entries as rows (import_entries and import_sets, the
-- columns of entries and sets), not as one document; state says where it stands:
-- 'staging' while the rows are written, 'ready' to confirm, 'publishing' while
-- confirmed rows move into entries (finished at start-up after a crash), 'dropping'
-- while a cancelled or expired one is removed. Previews waiting at this upgrade are
-- dropped (each lifter imports the file again).
ALTER TABLE pending_imports ADD COLUMN state TEXT NOT NULL DEFAULT 'ready';
DELETE FROM pending_imports;

CREATE TABLE import_entries (
    entry_id      INTEGER PRIMARY KEY,
    pending_id    INTEGER NOT NULL,
    user_id       TEXT NOT NULL,
    custom        INTEGER NOT NULL DEFAULT 0,
    exercise_key  TEXT NOT NULL,
    exercise_name TEXT NOT NULL,
    tier          TEXT,
    performed_at  TEXT NOT NULL,
    local_date    TEXT NOT NULL,
    source_ref    TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    pr            INTEGER NOT NULL DEFAULT 0,
    session_id    INTEGER NOT NULL,
    log_id        INTEGER NOT NULL
);
CREATE INDEX import_entries_pending ON import_entries (pending_id, local_date, entry_id);
CREATE INDEX import_entries_user ON import_entries (user_id, local_date);

CREATE TABLE import_sets (
    entry_id    INTEGER NOT NULL REFERENCES import_entries (entry_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    reps        INTEGER,
    load_kg     REAL,
    bodyweight  INTEGER NOT NULL DEFAULT 0,
    rir         REAL,
    rir_max     REAL,
    failure     INTEGER NOT NULL DEFAULT 0,
    technique   TEXT,
    warmup      INTEGER NOT NULL DEFAULT 0,
    amrap       INTEGER NOT NULL DEFAULT 0,
    reps_max    INTEGER,
    seconds     REAL,
    meters      REAL,
    planned_max INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;

-- Erasure finds a lifter's board days and export pages walk entries in time order,
-- both by index (PostgreSQL has had both since migrations 003 and 010).
CREATE INDEX board_days_by_user ON board_days (user_id, local_date);
CREATE INDEX entries_user_time ON entries (user_id, performed_at);

DROP TRIGGER board_days_entry_removed;
CREATE TRIGGER board_days_entry_removed AFTER DELETE ON entries
WHEN NOT EXISTS (SELECT 1 FROM board_bulk)
BEGIN
    DELETE FROM board_days
    WHERE guild_id IN (SELECT m.guild_id FROM guild_members m WHERE m.user_id = OLD.user_id)
      AND user_id = OLD.user_id AND local_date = OLD.local_date
      AND NOT EXISTS (
        SELECT 1 FROM entries e JOIN sets s ON s.entry_id = e.entry_id
        WHERE e.user_id = OLD.user_id AND e.local_date = OLD.local_date
          AND s.warmup = 0); END;

DROP TRIGGER discipline_entry_removed;
CREATE TRIGGER discipline_entry_removed AFTER DELETE ON entries
WHEN NOT EXISTS (SELECT 1 FROM board_bulk)
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

DROP TRIGGER board_days_set_removed;
CREATE TRIGGER board_days_set_removed AFTER DELETE ON sets
WHEN OLD.warmup = 0 AND NOT EXISTS (SELECT 1 FROM board_bulk)
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

DROP TRIGGER discipline_set_removed;
CREATE TRIGGER discipline_set_removed AFTER DELETE ON sets
WHEN OLD.warmup = 0 AND NOT EXISTS (SELECT 1 FROM board_bulk)
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
