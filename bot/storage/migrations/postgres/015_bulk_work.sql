-- Bulk work that never holds everyone else up (see the SQLite migration of the same
-- number): erasing a lifter and publishing an import run in short batches, and each
-- batch does the leaderboard bookkeeping once for all its rows.
--
-- A batch sets liftcoach.bulk for its own transaction only (set_config(..., true));
-- the per-row triggers below then stand aside. Without it they run as before.
CREATE TABLE erasures (user_id TEXT PRIMARY KEY);

ALTER TABLE pending_imports ADD COLUMN state TEXT NOT NULL DEFAULT 'ready';
DELETE FROM pending_imports;

CREATE TABLE import_entries (
    entry_id      BIGINT PRIMARY KEY,
    pending_id    BIGINT NOT NULL,
    user_id       TEXT NOT NULL,
    custom        INTEGER NOT NULL DEFAULT 0,
    exercise_key  TEXT NOT NULL,
    exercise_name TEXT NOT NULL,
    tier          TEXT,
    performed_at  TIMESTAMPTZ NOT NULL,
    local_date    DATE NOT NULL,
    source_ref    TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    pr            INTEGER NOT NULL DEFAULT 0,
    session_id    BIGINT NOT NULL,
    log_id        BIGINT NOT NULL
);
CREATE INDEX import_entries_pending ON import_entries (pending_id, local_date, entry_id);
CREATE INDEX import_entries_user ON import_entries (user_id, local_date);

CREATE TABLE import_sets (
    entry_id    BIGINT NOT NULL REFERENCES import_entries (entry_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    reps        INTEGER,
    load_kg     DOUBLE PRECISION,
    bodyweight  INTEGER NOT NULL DEFAULT 0,
    rir         DOUBLE PRECISION,
    rir_max     DOUBLE PRECISION,
    failure     INTEGER NOT NULL DEFAULT 0,
    technique   TEXT,
    warmup      INTEGER NOT NULL DEFAULT 0,
    amrap       INTEGER NOT NULL DEFAULT 0,
    reps_max    INTEGER,
    seconds     DOUBLE PRECISION,
    meters      DOUBLE PRECISION,
    planned_max INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entry_id, position)
);

-- The row triggers that redo a day's leaderboard rows stand aside in a bulk batch. The
-- test is in each trigger's WHEN, so a batch's rows do not even call the function.
DROP TRIGGER board_days_set_added ON sets;
CREATE TRIGGER board_days_set_added AFTER INSERT ON sets FOR EACH ROW
WHEN (NEW.warmup = 0 AND current_setting('liftcoach.bulk', true) IS DISTINCT FROM 'on')
EXECUTE FUNCTION board_days_set_added();
DROP TRIGGER discipline_set_added ON sets;
CREATE TRIGGER discipline_set_added AFTER INSERT ON sets FOR EACH ROW
WHEN (NEW.warmup = 0 AND current_setting('liftcoach.bulk', true) IS DISTINCT FROM 'on')
EXECUTE FUNCTION discipline_set_changed();
DROP TRIGGER board_days_set_removed ON sets;
CREATE TRIGGER board_days_set_removed AFTER DELETE ON sets FOR EACH ROW
WHEN (OLD.warmup = 0 AND current_setting('liftcoach.bulk', true) IS DISTINCT FROM 'on')
EXECUTE FUNCTION board_days_set_removed();
DROP TRIGGER discipline_set_removed ON sets;
CREATE TRIGGER discipline_set_removed AFTER DELETE ON sets FOR EACH ROW
WHEN (OLD.warmup = 0 AND current_setting('liftcoach.bulk', true) IS DISTINCT FROM 'on')
EXECUTE FUNCTION discipline_set_changed();
DROP TRIGGER board_days_entry_removed ON entries;
CREATE TRIGGER board_days_entry_removed AFTER DELETE ON entries FOR EACH ROW
WHEN (current_setting('liftcoach.bulk', true) IS DISTINCT FROM 'on')
EXECUTE FUNCTION board_days_entry_removed();
DROP TRIGGER discipline_entry_removed ON entries;
CREATE TRIGGER discipline_entry_removed AFTER DELETE ON entries FOR EACH ROW
WHEN (current_setting('liftcoach.bulk', true) IS DISTINCT FROM 'on')
EXECUTE FUNCTION discipline_entry_changed();
