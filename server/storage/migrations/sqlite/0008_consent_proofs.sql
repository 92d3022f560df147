-- Purpose: version 8, the proof of possession of each consent record (issue 20, part 3): the SHA-256
-- (64 lower-case hex digits) of the secret only the visitor's browser holds, bound by the first receipt
-- that carries one. Never the secret itself. Versions 7 and 9 are taken by other branches.
CREATE TABLE consent_proofs (
    record_id TEXT PRIMARY KEY,
    proof TEXT NOT NULL);
