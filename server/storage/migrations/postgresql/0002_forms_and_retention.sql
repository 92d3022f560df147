-- Purpose: version 2, the partner demo's form submissions (with the User Agreement's acceptance
-- they carried) and an index for the retention purge of receipts (by the end of the record's term).
CREATE INDEX receipts_expires ON receipts (expires);
CREATE TABLE partner_forms (
    n BIGSERIAL PRIMARY KEY,
    received TEXT NOT NULL, form TEXT NOT NULL,
    document TEXT NOT NULL, version TEXT NOT NULL, hash TEXT NOT NULL,
    accepted TEXT NOT NULL, language TEXT NOT NULL,
    fields TEXT NOT NULL);
CREATE INDEX partner_forms_received ON partner_forms (received);
