-- What the coach needs to know besides the profile: the lifter's smallest load step
-- (NULL: 2.5 kg, or 5 lb in pounds) for the next-session load, and the local dates of
-- a deload they declared with /deload (both NULL: none). Existing rows keep the
-- defaults, so nothing changes for a lifter who never sets them.
ALTER TABLE users ADD COLUMN increment_kg DOUBLE PRECISION;
ALTER TABLE users ADD COLUMN deload_from DATE;
ALTER TABLE users ADD COLUMN deload_until DATE;
