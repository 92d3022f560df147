-- Purpose: version 3, first-party statistics (server/stats): the raw events of the last days (no IP
-- address, no user agent, no id from the client: `visitor` is a keyed hash of that day's salt, so it
-- cannot be linked to another day's once the salt is gone) and the daily salts (the current and the
-- previous day's only; the purge deletes older ones).
CREATE TABLE stats_events (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL, t TEXT NOT NULL, visitor TEXT NOT NULL, name TEXT NOT NULL,
    path TEXT, ref TEXT, lang TEXT, screen TEXT, theme TEXT, level TEXT,
    daily INTEGER CHECK (daily IN (0, 1)), duration INTEGER, hints INTEGER, mistakes INTEGER, undos INTEGER,
    score INTEGER, placements INTEGER, lines INTEGER);
CREATE INDEX stats_events_day_name ON stats_events (day, name);
CREATE TABLE stats_salts (
    day TEXT PRIMARY KEY,
    salt TEXT NOT NULL);
