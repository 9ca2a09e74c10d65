-- A log's sets arrive in one multi-row INSERT (bot/storage/pg_trips.py): the day's
-- leaderboard rows and discipline are worked out once per statement for the days its
-- sets touch, instead of once per set. The rows come out the same: row triggers also
-- ran at the end of the statement, each seeing every row of it. A bulk batch still
-- sets these aside (migration 015), now in the statement trigger's WHEN.
CREATE FUNCTION board_days_sets_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO board_days (guild_id, user_id, local_date)
    SELECT DISTINCT m.guild_id, e.user_id, e.local_date
    FROM entries e JOIN guild_members m ON m.user_id = e.user_id
    WHERE e.entry_id IN (SELECT a.entry_id FROM added a WHERE a.warmup = 0)
      AND m.opted_out = 0
    ON CONFLICT DO NOTHING
    ; RETURN NULL; END
$$;

CREATE FUNCTION discipline_sets_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM discipline_refresh(d.user_id, d.local_date)
    FROM (SELECT DISTINCT e.user_id, e.local_date FROM entries e
          WHERE e.entry_id IN (SELECT a.entry_id FROM added a WHERE a.warmup = 0)) d
    ; RETURN NULL; END
$$;

DROP TRIGGER board_days_set_added ON sets;
CREATE TRIGGER board_days_set_added AFTER INSERT ON sets REFERENCING NEW TABLE AS added
FOR EACH STATEMENT WHEN (current_setting('liftcoach.bulk', true) IS DISTINCT FROM 'on')
EXECUTE FUNCTION board_days_sets_added();
DROP TRIGGER discipline_set_added ON sets;
CREATE TRIGGER discipline_set_added AFTER INSERT ON sets REFERENCING NEW TABLE AS added
FOR EACH STATEMENT WHEN (current_setting('liftcoach.bulk', true) IS DISTINCT FROM 'on')
EXECUTE FUNCTION discipline_sets_added();
DROP FUNCTION board_days_set_added();
