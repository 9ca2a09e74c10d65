-- Sessions and logs (see bot/domain/sessions.py). session_id names an entry's training
-- session, log_id the log that stored it (one message, or one import); each is the id
-- of the first entry of its kind, so neither needs an id source of its own. 0 stands
-- for "not known" (a row written by hand without them): such an entry is read as a
-- session and a log of its own.
ALTER TABLE entries ADD COLUMN session_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entries ADD COLUMN log_id INTEGER NOT NULL DEFAULT 0;

-- Existing rows, grouped by the rule of bot/domain/sessions.py as it stood here: per
-- lifter and local day in time order, an entry more than three hours (10800 s) after
-- the one before it starts a session. One message's entries share a moment, so they
-- stay together. A log is the entries a lifter stored at one moment from one source.
UPDATE entries SET session_id = grouped.session_id, log_id = grouped.log_id
FROM (
    SELECT entry_id,
        MIN(entry_id) OVER (PARTITION BY user_id, local_date, run) AS session_id,
        MIN(entry_id) OVER (PARTITION BY user_id, source, created_at) AS log_id
    FROM (
        SELECT entry_id, user_id, local_date, source, created_at,
            SUM(starts) OVER (PARTITION BY user_id, local_date
                              ORDER BY performed_at, entry_id ROWS UNBOUNDED PRECEDING) AS run
        FROM (
            SELECT entry_id, user_id, local_date, source, created_at, performed_at,
                CASE WHEN LAG(performed_at) OVER day_order IS NULL
                       OR (julianday(performed_at)
                           - julianday(LAG(performed_at) OVER day_order)) * 86400 > 10800.001
                     THEN 1 ELSE 0 END AS starts
            FROM entries
            WINDOW day_order AS (PARTITION BY user_id, local_date ORDER BY performed_at, entry_id)
        ) AS gaps
    ) AS runs
) AS grouped
WHERE entries.entry_id = grouped.entry_id;

-- /undo takes the lifter's latest log.
CREATE INDEX entries_user_log ON entries (user_id, log_id);
