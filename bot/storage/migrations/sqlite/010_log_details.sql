-- What a log says besides the sets, how a lifter's logs are read, and the one-step
-- alternatives a log reply offers. Existing rows keep working: every new column has a
-- default or is nullable, and old entries read back with an empty note and no PR.

-- An entry's note (the lifter's own words beside the sets, kept as written) and
-- whether they marked it a personal record.
ALTER TABLE entries ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN pr INTEGER NOT NULL DEFAULT 0;

-- The top of a rep range (3x10-12), a timed or distance set, a planned max attempt.
ALTER TABLE sets ADD COLUMN reps_max INTEGER;
ALTER TABLE sets ADD COLUMN seconds REAL;
ALTER TABLE sets ADD COLUMN meters REAL;
ALTER TABLE sets ADD COLUMN planned_max INTEGER NOT NULL DEFAULT 0;

-- How dates are written (dmy: 3/11 is 3 November; mdy: 11/3 is), whether the lifter
-- chose their unit themselves, and whether they were asked about it once already.
-- A profile already saved with pounds was chosen: kg is also the default, so a saved
-- kg may be an untouched default and is not counted.
ALTER TABLE users ADD COLUMN date_order TEXT NOT NULL DEFAULT 'dmy';
ALTER TABLE users ADD COLUMN unit_chosen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN unit_asked INTEGER NOT NULL DEFAULT 0;
UPDATE users SET unit_chosen = 1 WHERE unit <> 'kg';

-- A one-step alternative a log reply offers (a button in Discord): another reading of
-- a line, an exercise kept as the lifter's own, or pounds instead of kilograms.
-- entry_ids are the entries it replaces (comma separated); line is what replaces
-- them: a log line, or the name to keep. Kept server-side so a button's custom id
-- carries only the offer's id; taken (deleted) when used, swept when old.
CREATE TABLE log_offers (
    offer_id    INTEGER PRIMARY KEY,
    user_id     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    entry_ids   TEXT NOT NULL,
    line        TEXT NOT NULL,
    guild_id    TEXT NOT NULL DEFAULT '',
    source_ref  TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX log_offers_user ON log_offers (user_id, offer_id);
CREATE INDEX log_offers_age ON log_offers (created_at);
