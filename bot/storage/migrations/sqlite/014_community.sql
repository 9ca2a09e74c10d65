-- The server's side of consistency: who is still on its boards, its weekly recap post
-- and its group challenges.
--
-- guild_members.last_logged_at: when the lifter last logged (or imported) in that
-- server; NULL once they left it (seen with the members intent). A member whose last
-- log there is eight weeks old or more (bot.domain.figures.board.BOARD_AWAY_WEEKS), or who
-- left, is off its boards until their next log there brings them back with every
-- training day. Existing members start from their latest entry in the server.
ALTER TABLE guild_members ADD COLUMN last_logged_at TEXT;
UPDATE guild_members SET last_logged_at = COALESCE(
    (SELECT MAX(e.created_at) FROM entries e
     WHERE e.guild_id = guild_members.guild_id AND e.user_id = guild_members.user_id),
    joined_at);
CREATE INDEX guild_members_last_log ON guild_members (guild_id, last_logged_at);

-- Leaving, and coming back after eight weeks or more (56 days: a test holds it to
-- BOARD_AWAY_WEEKS), stamp the lifter so a kept board drops or takes them in.
CREATE TRIGGER board_stamps_member_away AFTER UPDATE OF last_logged_at ON guild_members
WHEN NEW.last_logged_at IS NULL OR OLD.last_logged_at IS NULL
  OR julianday(NEW.last_logged_at) - julianday(OLD.last_logged_at) >= 56
BEGIN
    INSERT INTO board_stamps (guild_id, user_id, seq)
    SELECT NEW.guild_id, NEW.user_id, COALESCE(MAX(s.seq), 0) + 1
    FROM board_stamps s WHERE s.guild_id = NEW.guild_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET seq = excluded.seq; END;

-- recaps: a server's weekly recap post, in the reminders' schedule shape (see
-- 002_reminders.sql and 012_plan.sql) keyed by the server, so the same dispatcher
-- claims, paces and records it: last_local_date is the Monday of the week last
-- recapped, with guild_id the idempotency key (one post per server per week).
-- channel_id is where it is posted; set_by the admin told when it turns itself off
-- (NULL once that admin used /forget-me).
CREATE TABLE recaps (
    guild_id         TEXT PRIMARY KEY,
    local_time       TEXT NOT NULL,
    timezone         TEXT NOT NULL,
    weekdays         TEXT NOT NULL,
    enabled          INTEGER NOT NULL DEFAULT 1,
    next_due_at      TEXT,
    channel_id       TEXT,
    disabled_reason  TEXT,
    notice_pending   INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 0,
    lease_owner      TEXT,
    lease_until      TEXT,
    last_local_date  TEXT,
    last_outcome     TEXT,
    last_handled_at  TEXT,
    updated_at       TEXT NOT NULL,
    set_by           TEXT
);
CREATE INDEX recaps_due ON recaps (next_due_at);
CREATE INDEX recaps_lease ON recaps (lease_until) WHERE lease_until IS NOT NULL;
CREATE INDEX recaps_notice ON recaps (set_by) WHERE notice_pending = 1;

-- challenges: a server's group challenge (/challenge): ``days`` training days a week
-- for ``weeks`` weeks from the Monday first_monday (local dates). ended_on is the last
-- day it ran (set when it is ended early or found finished); announced is 1 once its
-- end was posted in the recap channel. At most one challenge per server is open.
CREATE TABLE challenges (
    challenge_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      TEXT NOT NULL,
    name          TEXT NOT NULL,
    days          INTEGER NOT NULL,
    weeks         INTEGER NOT NULL,
    first_monday  TEXT NOT NULL,
    started_by    TEXT,
    started_at    TEXT NOT NULL,
    ended_on      TEXT,
    announced     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX challenges_open ON challenges (guild_id) WHERE ended_on IS NULL;
CREATE INDEX challenges_unannounced ON challenges (guild_id) WHERE announced = 0;
