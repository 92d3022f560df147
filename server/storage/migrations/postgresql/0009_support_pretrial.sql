-- Purpose: version 9, support: the pre-trial claim a claim to the partner studio first needs (its
-- sender, date, how it was sent, subject, demands, evidence) as JSON text, '' for every other
-- ticket. The ticket's addressee is the existing `desk` column (the legal site's name). Versions 7
-- and 8 are taken by other branches.
ALTER TABLE support_tickets ADD COLUMN pretrial TEXT NOT NULL DEFAULT '';
CREATE INDEX support_tickets_desk ON support_tickets (desk, due);
