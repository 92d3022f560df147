-- Purpose: version 3, first-party statistics (server/stats): the same tables and text formats as
-- SQLite's (the raw events of the last days with a day-salted visitor hash, never an IP address, a
-- user agent or an id from the client; the current and previous day's salts).
CREATE TABLE stats_events (
    n BIGSERIAL PRIMARY KEY,
    day TEXT NOT NULL, t TEXT NOT NULL, visitor TEXT NOT NULL, name TEXT NOT NULL,
    path TEXT, ref TEXT, lang TEXT, screen TEXT, theme TEXT, level TEXT,
    daily INTEGER CHECK (daily IN (0, 1)), duration BIGINT, hints BIGINT, mistakes BIGINT, undos BIGINT,
    score BIGINT, placements BIGINT, lines BIGINT);
CREATE INDEX stats_events_day_name ON stats_events (day, name);
CREATE TABLE stats_salts (
    day TEXT PRIMARY KEY,
    salt TEXT NOT NULL);
