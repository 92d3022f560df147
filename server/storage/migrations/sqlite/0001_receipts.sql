-- Purpose: version 1, the consent receipts table exactly as serve.py created it before migrations
-- existed (build/consent.sqlite3), so a database of that layout is simply at version 1.
CREATE TABLE IF NOT EXISTS receipts (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL, seq INTEGER NOT NULL, received TEXT NOT NULL,
    site TEXT NOT NULL, event TEXT NOT NULL, method TEXT NOT NULL,
    choices TEXT NOT NULL, documents TEXT NOT NULL, language TEXT NOT NULL,
    time TEXT NOT NULL, expires TEXT NOT NULL, age_confirmed INTEGER NOT NULL, gpc INTEGER NOT NULL,
    UNIQUE (record_id, seq));
