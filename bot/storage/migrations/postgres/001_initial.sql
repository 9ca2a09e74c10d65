-- Lifters, their logged entries and sets, and what the coach needs to advise them.
CREATE TABLE users (
    user_id        TEXT PRIMARY KEY,
    unit           TEXT NOT NULL DEFAULT 'kg',
    goal           TEXT NOT NULL DEFAULT 'general',
    timezone       TEXT NOT NULL DEFAULT 'UTC',
    weekly_target  INTEGER NOT NULL DEFAULT 3,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE entries (
    entry_id       BIGINT PRIMARY KEY,
    user_id        TEXT NOT NULL,
    guild_id       TEXT NOT NULL DEFAULT '',
    exercise_key   TEXT NOT NULL,
    exercise_name  TEXT NOT NULL,
    tier           TEXT,
    performed_at   TIMESTAMPTZ NOT NULL,
    local_date     DATE NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    source         TEXT NOT NULL DEFAULT 'log',
    source_ref     TEXT
);
CREATE INDEX entries_user_time ON entries (user_id, performed_at);
CREATE INDEX entries_user_exercise ON entries (user_id, exercise_key, performed_at);
CREATE INDEX entries_guild_user ON entries (guild_id, user_id, local_date);
CREATE INDEX entries_user_ref ON entries (user_id, source_ref);

CREATE TABLE sets (
    entry_id    BIGINT NOT NULL REFERENCES entries (entry_id) ON DELETE CASCADE,
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
    PRIMARY KEY (entry_id, position)
);

CREATE TABLE custom_exercises (
    user_id    TEXT NOT NULL,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    tier       TEXT,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE soreness (
    user_id      TEXT NOT NULL,
    body_part    TEXT NOT NULL,
    days         INTEGER NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, body_part)
);

CREATE TABLE target_history (
    user_id         TEXT NOT NULL,
    effective_from  DATE NOT NULL,
    target          INTEGER NOT NULL,
    PRIMARY KEY (user_id, effective_from)
);

CREATE TABLE guild_members (
    guild_id    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    opted_out   INTEGER NOT NULL DEFAULT 0,
    joined_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);

CREATE TABLE guild_settings (
    guild_id        TEXT PRIMARY KEY,
    log_channel_id  TEXT
);

CREATE TABLE meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
