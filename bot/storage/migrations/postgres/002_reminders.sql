-- Daily reminder DMs: one row per lifter holds the schedule, the claim of a dispatcher
-- and the record of the last local day handled.
-- next_due_at is NULL while reminders are off; the dispatcher reads rows in its order.
-- lease_owner/lease_until mark a row a dispatcher has claimed; version changes with
-- every /remind set or off, so a send that finishes after such a change never
-- overwrites the new schedule.
-- last_local_date is the idempotency record (with user_id: the key of a day's
-- reminder); it is written in the same statement that moves next_due_at on.
-- last_outcome: 'sent', 'trained' (skipped: a working set was already logged that
-- day) or 'failed' (Discord refused that message for good).
CREATE TABLE reminders (
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
CREATE INDEX reminders_due ON reminders (next_due_at);
-- Only rows in flight are leased, so this index stays small.
CREATE INDEX reminders_lease ON reminders (lease_until) WHERE lease_until IS NOT NULL;
