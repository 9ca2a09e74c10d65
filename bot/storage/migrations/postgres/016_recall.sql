-- What a log reads of a lifter's older history, kept so a log reads only its recent
-- weeks (see the SQLite migration of the same number): per lift its best sets and
-- last sessions, and the RIR calibration's pairs of the older tests. Both are
-- derived; anything but the log that writes them deletes them when it could change
-- what they hold.
CREATE TABLE lift_recalls (
    user_id TEXT NOT NULL,
    exercise_key TEXT NOT NULL,
    heaviest DOUBLE PRECISION,
    recall TEXT NOT NULL,
    PRIMARY KEY (user_id, exercise_key)
);

CREATE TABLE calibration_pairs (
    user_id TEXT PRIMARY KEY,
    pairs_before DATE NOT NULL,
    reads_from DATE NOT NULL,
    pairs TEXT NOT NULL
);

CREATE INDEX entries_user_exercise ON entries (user_id, exercise_key, local_date);

CREATE FUNCTION recall_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM lift_recalls
        WHERE user_id = OLD.user_id AND exercise_key = OLD.exercise_key
        ; DELETE FROM calibration_pairs
        WHERE user_id = OLD.user_id AND OLD.local_date < pairs_before
    ; END IF
    ; IF TG_OP IN ('INSERT', 'UPDATE') THEN
        DELETE FROM lift_recalls
        WHERE user_id = NEW.user_id AND exercise_key = NEW.exercise_key
        ; DELETE FROM calibration_pairs
        WHERE user_id = NEW.user_id AND NEW.local_date < pairs_before
    ; END IF
    ; RETURN NULL; END $$;
CREATE TRIGGER recall_forget AFTER INSERT OR UPDATE OR DELETE ON entries
FOR EACH ROW EXECUTE FUNCTION recall_forget();
