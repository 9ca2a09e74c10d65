-- The week's plan (/plan) and the weekly check-in DM (/checkin).
-- plan_settings: the lifter's failure/heavy blocks. block_weeks is the length of each
-- block (2, 3, 4 or 6; NULL: blocks off); block_start is the local date (a Monday) the
-- first failure block began, so every later week's block follows from the calendar.
-- A lifter gets a row when they first open /plan, choose a block or turn the check-in on.
CREATE TABLE plan_settings (
    user_id      TEXT PRIMARY KEY,
    block_weeks  INTEGER,
    block_start  DATE NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
-- checkins: the weekly check-in's schedule, claims and send record, in the reminders'
-- shape (see 002_reminders.sql) so one dispatcher's SQL serves both. weekdays holds the
-- one day it comes; last_local_date is the Monday of the week last reviewed: with
-- user_id the idempotency key, so a week is reviewed once across restarts and processes.
CREATE TABLE checkins (
    user_id          TEXT PRIMARY KEY,
    local_time       TEXT NOT NULL,
    timezone         TEXT NOT NULL,
    weekdays         TEXT NOT NULL,
    enabled          INTEGER NOT NULL DEFAULT 1,
    next_due_at      TIMESTAMPTZ,
    dm_channel_id    TEXT,
    disabled_reason  TEXT,
    notice_pending   INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 0,
    lease_owner      TEXT,
    lease_until      TIMESTAMPTZ,
    last_local_date  DATE,
    last_outcome     TEXT,
    last_handled_at  TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX checkins_due ON checkins (next_due_at);
CREATE INDEX checkins_lease ON checkins (lease_until) WHERE lease_until IS NOT NULL;
