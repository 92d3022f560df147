-- Purpose: version 4, support: tickets (kind, state, the player's e-mail, the legal deadline and
-- the rule it came from, the support consent's document, version and hash), their conversation
-- (the player's messages, the operator's replies and internal notes) and the clock's pauses
-- (waiting for the player). The secret of a ticket's status link is kept only as its SHA-256.
CREATE TABLE support_tickets (
    id TEXT PRIMARY KEY, secret_sha256 TEXT NOT NULL, desk TEXT NOT NULL,
    kind TEXT NOT NULL, state TEXT NOT NULL, email TEXT NOT NULL, language TEXT NOT NULL,
    received TEXT NOT NULL, updated TEXT NOT NULL, closed TEXT,
    due_rule TEXT NOT NULL, due TEXT NOT NULL, due_last_day TEXT NOT NULL, due_provisional INTEGER NOT NULL,
    consent_document TEXT NOT NULL, consent_version TEXT NOT NULL, consent_hash TEXT NOT NULL,
    consent_time TEXT NOT NULL, details TEXT NOT NULL);
CREATE INDEX support_tickets_due ON support_tickets (due);
CREATE INDEX support_tickets_closed ON support_tickets (closed);
CREATE TABLE support_messages (
    n BIGSERIAL PRIMARY KEY,
    ticket_id TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX support_messages_ticket ON support_messages (ticket_id, n);
CREATE TABLE support_pauses (
    ticket_id TEXT NOT NULL, started TEXT NOT NULL, ended TEXT,
    PRIMARY KEY (ticket_id, started));
