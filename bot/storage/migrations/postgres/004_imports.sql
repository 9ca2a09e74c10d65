-- Imports from other apps (and from the project's own export) and the right to be forgotten.
-- An imported entry carries source = 'import' and a fingerprint of its content in
-- source_ref; this index makes a second import of the same entry a no-op. It is
-- partial because the log channel keeps message ids in source_ref (source = 'log').
CREATE UNIQUE INDEX entries_import_ref ON entries (user_id, source_ref) WHERE source = 'import';

-- A read file waiting for the lifter to press Confirm, so a restart loses nothing.
-- payload is JSON: the entries exactly as previewed. Old rows are swept on each new import.
CREATE TABLE pending_imports (
    pending_id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     TEXT NOT NULL,
    guild_id    TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    payload     TEXT NOT NULL
);
CREATE INDEX pending_imports_user ON pending_imports (user_id, pending_id);
CREATE INDEX pending_imports_age ON pending_imports (created_at);
