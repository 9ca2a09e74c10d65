-- Daily reminder DMs: one schedule row per lifter, and a record of each local day handled.
-- next_due_at is NULL while reminders are off; the dispatcher reads rows in its order.
-- lease_owner/lease_until mark rows a dispatcher has claimed; version changes with every
-- /remind set or off, so a send finished after such a change never overwrites it.
CREATE TABLE reminders (
    user_id          TEXT PRIMARY KEY,
    local_time       TEXT NOT NULL,
    timezone         TEXT NOT NULL,
    weekdays         TEXT NOT NULL,
    enabled          INTEGER NOT NULL DEFAULT 1,
    next_due_at      TEXT,
    dm_channel_id    TEXT,
    disabled_reason  TEXT,
    notice_pending   INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 0,
    lease_owner      TEXT,
    lease_until      TEXT,
    updated_at       TEXT NOT NULL
);
CREATE INDEX reminders_due ON reminders (next_due_at);
CREATE INDEX reminders_lease ON reminders (lease_until);

-- The idempotency record: at most one reminder per lifter and local date.
-- outcome: 'sent', 'trained' (skipped: already logged that day) or 'failed'.
CREATE TABLE reminder_sends (
    user_id     TEXT NOT NULL,
    local_date  TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    PRIMARY KEY (user_id, local_date)
);
CREATE INDEX reminder_sends_date ON reminder_sends (local_date);
