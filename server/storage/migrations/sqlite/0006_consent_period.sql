-- Purpose: version 6, the consent period of each receipt (issue 20): the record's optional
-- `period` as canonical JSON text ("\"until_withdrawn\"" or a number of days), NULL for a
-- receipt of a record made before the field existed. Versions 3 to 5 are taken by other branches.
ALTER TABLE receipts ADD COLUMN period TEXT;
