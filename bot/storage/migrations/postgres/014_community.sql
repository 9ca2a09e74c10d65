-- The server's side of consistency: who is still on its boards, its weekly recap post
-- and its group challenges (see the SQLite migration of the same number).
--
-- guild_members.last_logged_at: when the lifter last logged (or imported) in that
-- server; NULL once they left it (seen with the members intent). A member whose last
-- log there is eight weeks old or more (bot.domain.figures.board.BOARD_AWAY_WEEKS), or who
-- left, is off its boards until their next log there brings them back.
ALTER TABLE guild_members ADD COLUMN last_logged_at TIMESTAMPTZ;
UPDATE guild_members SET last_logged_at = COALESCE(
    (SELECT MAX(e.created_at) FROM entries e
     WHERE e.guild_id = guild_members.guild_id AND e.user_id = guild_members.user_id),
    joined_at);
CREATE INDEX guild_members_last_log ON guild_members (guild_id, last_logged_at);

-- Leaving, and coming back after eight weeks or more (56 days: a test holds it to
-- BOARD_AWAY_WEEKS), stamp the lifter so a kept board drops or takes them in.
CREATE FUNCTION board_stamps_member_away() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.last_logged_at IS NULL OR OLD.last_logged_at IS NULL
       OR NEW.last_logged_at - OLD.last_logged_at >= INTERVAL '56 days' THEN
        PERFORM board_stamp(NEW.guild_id, NEW.user_id)
    ; END IF
    ; RETURN NULL; END $$;
CREATE TRIGGER board_stamps_member_away AFTER UPDATE OF last_logged_at ON guild_members
FOR EACH ROW EXECUTE FUNCTION board_stamps_member_away();

-- recaps: a server's weekly recap post, in the reminders' schedule shape keyed by the
-- server, so the same dispatcher claims (FOR UPDATE SKIP LOCKED), paces and records
-- it: last_local_date is the Monday of the week last recapped, with guild_id the
-- idempotency key (one post per server per week). channel_id is where it is posted;
-- set_by the admin told when it turns itself off (NULL once they used /forget-me).
CREATE TABLE recaps (
    guild_id         TEXT PRIMARY KEY,
    local_time       TEXT NOT NULL,
    timezone         TEXT NOT NULL,
    weekdays         TEXT NOT NULL,
    enabled          INTEGER NOT NULL DEFAULT 1,
    next_due_at      TIMESTAMPTZ,
    channel_id       TEXT,
    disabled_reason  TEXT,
    notice_pending   INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 0,
    lease_owner      TEXT,
    lease_until      TIMESTAMPTZ,
    last_local_date  DATE,
    last_outcome     TEXT,
    last_handled_at  TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL,
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
    challenge_id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guild_id      TEXT NOT NULL,
    name          TEXT NOT NULL,
    days          INTEGER NOT NULL,
    weeks         INTEGER NOT NULL,
    first_monday  DATE NOT NULL,
    started_by    TEXT,
    started_at    TIMESTAMPTZ NOT NULL,
    ended_on      DATE,
    announced     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX challenges_open ON challenges (guild_id) WHERE ended_on IS NULL;
CREATE INDEX challenges_unannounced ON challenges (guild_id) WHERE announced = 0;
