-- Leaderboard bookkeeping made lighter (see the SQLite migration of the same number).
-- The counters of board_versions (days, sets) are no longer read: change stamps
-- (migration 006) replaced them, so their triggers and functions go; the table stays
-- for resets. board_bulk is the flag SQLite's catch-up sets; PostgreSQL never queues,
-- so never catches up, and the table exists so both engines share that code.
DROP TRIGGER board_versions_day_changed ON board_days;
DROP TRIGGER board_versions_counts_changed ON discipline_days;
DROP TRIGGER board_versions_profile_added ON users;
DROP TRIGGER board_versions_profile_changed ON users;
DROP TRIGGER board_versions_target_changed ON target_history;
DROP FUNCTION board_versions_day_changed();
DROP FUNCTION board_versions_lifter_changed();
DROP FUNCTION board_versions_bump(TEXT, TEXT, BOOLEAN, BOOLEAN);
CREATE TABLE board_bulk (running INTEGER PRIMARY KEY);
