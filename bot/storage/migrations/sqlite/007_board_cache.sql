-- A computed leaderboard, kept in the database so a process that starts (or a shard
-- that never showed a board) brings a stored board up to date from its change
-- position instead of computing it from every training day. payload is JSON written
-- and read by bot.coach.board_cache; board names the metric and window. The rows
-- name lifters, so /forget-me deletes those of every server the lifter is on
-- (bot.storage.migrations.personal_data.SERVER_CACHES).
CREATE TABLE board_cache (
    guild_id  TEXT NOT NULL,
    board     TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    payload   TEXT NOT NULL,
    PRIMARY KEY (guild_id, board)
);
