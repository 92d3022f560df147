-- Purpose: version 1, the consent receipts table: the same columns and text formats as SQLite's
-- (times as ISO 8601 text with milliseconds, choices and documents as canonical JSON text).
CREATE TABLE receipts (
    n BIGSERIAL PRIMARY KEY,
    record_id TEXT NOT NULL, seq INTEGER NOT NULL, received TEXT NOT NULL,
    site TEXT NOT NULL, event TEXT NOT NULL, method TEXT NOT NULL,
    choices TEXT NOT NULL, documents TEXT NOT NULL, language TEXT NOT NULL,
    time TEXT NOT NULL, expires TEXT NOT NULL,
    age_confirmed INTEGER NOT NULL CHECK (age_confirmed IN (0, 1)),
    gpc INTEGER NOT NULL CHECK (gpc IN (0, 1)),
    UNIQUE (record_id, seq));
