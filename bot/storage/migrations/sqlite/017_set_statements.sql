-- Nothing changes on SQLite: a log's sets only queue their entry for the leaderboard
-- upkeep (migration 005), which folds the queue in one pass. The PostgreSQL migration
-- of the same number works out a set statement's leaderboard rows once for all its sets.
PRAGMA user_version;
