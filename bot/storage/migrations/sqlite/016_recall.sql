-- What a log reads of a lifter's older history, kept so a log reads only its recent
-- weeks: per lift, its best sets and last sessions (bot/domain/figures/recall.py), and
-- the RIR calibration's pairs of the older tests (bot/domain/figures/calibration.py).
-- Both are derived: the log that reads them writes them again with its own entries;
-- anything else that could change what they hold deletes them (the triggers below),
-- and the next log works them out again from the whole history.
CREATE TABLE lift_recalls (
    user_id TEXT NOT NULL,
    exercise_key TEXT NOT NULL,
    heaviest REAL,
    recall TEXT NOT NULL,
    PRIMARY KEY (user_id, exercise_key)
) WITHOUT ROWID;

-- pairs: every test before pairs_before, paired from the whole history; reads_from is
-- the earliest day a newer test's estimate can lie on (a log reads from there on).
CREATE TABLE calibration_pairs (
    user_id TEXT PRIMARY KEY,
    pairs_before TEXT NOT NULL,
    reads_from TEXT NOT NULL,
    pairs TEXT NOT NULL
);

-- One lift's history in date order: a recall worked out again, a lift's sessions.
CREATE INDEX entries_user_exercise ON entries (user_id, exercise_key, local_date);

CREATE TRIGGER recall_entry_added AFTER INSERT ON entries
BEGIN
    DELETE FROM lift_recalls WHERE user_id = NEW.user_id AND exercise_key = NEW.exercise_key
    ; DELETE FROM calibration_pairs
    WHERE user_id = NEW.user_id AND NEW.local_date < pairs_before; END;

CREATE TRIGGER recall_entry_removed AFTER DELETE ON entries
BEGIN
    DELETE FROM lift_recalls WHERE user_id = OLD.user_id AND exercise_key = OLD.exercise_key
    ; DELETE FROM calibration_pairs
    WHERE user_id = OLD.user_id AND OLD.local_date < pairs_before; END;

CREATE TRIGGER recall_entry_changed AFTER UPDATE ON entries
BEGIN
    DELETE FROM lift_recalls WHERE user_id = OLD.user_id AND exercise_key = OLD.exercise_key
    ; DELETE FROM lift_recalls WHERE user_id = NEW.user_id AND exercise_key = NEW.exercise_key
    ; DELETE FROM calibration_pairs WHERE user_id = OLD.user_id
    AND (OLD.local_date < pairs_before OR NEW.local_date < pairs_before)
    ; DELETE FROM calibration_pairs
    WHERE user_id = NEW.user_id AND NEW.local_date < pairs_before; END;
