"""Purpose: the support desk's statements (tables of migration 0004): tickets, their conversation and
the clock's pauses; 0009 adds a partner claim's pre-trial details. A mixin of storage.Storage, so both engines run the same statements through the
same group-committing writer; the rules (who may do what, deadlines) live in server/support/.
"""
import json

TICKET_COLUMNS = ("id", "secret_sha256", "desk", "kind", "state", "email", "language", "received", "updated",
                  "closed", "due_rule", "due", "due_last_day", "due_provisional", "consent_document",
                  "consent_version", "consent_hash", "consent_time", "details", "pretrial")
LIST_COLUMNS = tuple(c for c in TICKET_COLUMNS if c not in ("secret_sha256", "details", "pretrial"))
JSON_COLUMNS = ("details", "pretrial")  # a dict as JSON text, or '' for none


def _ticket(row, columns=TICKET_COLUMNS):
    t = dict(zip(columns, row))
    t["due_provisional"] = bool(t["due_provisional"])
    for c in JSON_COLUMNS:
        if c in t:
            t[c] = json.loads(t[c]) if t[c] else None
    return t


class SupportStatements:
    """Mixed into Storage: uses its _write() and _transaction()."""

    def add_ticket(self, ticket, message):
        """Stores a new ticket (a dict with TICKET_COLUMNS; details and pretrial a dict or None) and the
        player's first message in one commit."""
        row = dict(ticket, due_provisional=int(ticket["due_provisional"]),
                   **{c: json.dumps(ticket[c], ensure_ascii=False, sort_keys=True) if ticket.get(c) else ""
                      for c in JSON_COLUMNS})

        def add(tx):
            tx.execute("INSERT INTO support_tickets (" + ", ".join(TICKET_COLUMNS) + ") VALUES ("
                       + ", ".join("?" * len(TICKET_COLUMNS)) + ")", tuple(row[c] for c in TICKET_COLUMNS))
            tx.execute("INSERT INTO support_messages (ticket_id, at, author, body) VALUES (?, ?, 'player', ?)",
                       (ticket["id"], ticket["received"], message))
            return ticket["id"]

        return self._write(add, lock="support:" + ticket["id"])

    def ticket(self, ticket_id):
        """The ticket (a dict) with "messages" [{n, at, author, body}] and "pauses" [(started, ended)],
        or None."""
        with self._transaction(write=False) as tx:
            rows = tx.execute("SELECT " + ", ".join(TICKET_COLUMNS) + " FROM support_tickets WHERE id = ?",
                              (ticket_id,))
            if not rows:
                return None
            t = _ticket(rows[0])
            t["messages"] = [dict(zip(("n", "at", "author", "body"), r)) for r in tx.execute(
                "SELECT n, at, author, body FROM support_messages WHERE ticket_id = ? ORDER BY n", (ticket_id,))]
            t["pauses"] = [tuple(r) for r in tx.execute(
                "SELECT started, ended FROM support_pauses WHERE ticket_id = ? ORDER BY started", (ticket_id,))]
        return t

    def tickets(self, kind=None, state=None, desk=None, limit=500):
        """Tickets without their secret, details and conversation, soonest due first."""
        where, params = [], []
        if desk:
            where.append("desk = ?")
            params.append(desk)
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if state:
            where.append("state = ?")
            params.append(state)
        sql = ("SELECT " + ", ".join(LIST_COLUMNS) + " FROM support_tickets"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY due, id LIMIT ?")
        with self._transaction(write=False) as tx:
            rows = tx.execute(sql, tuple(params) + (limit,))
        return [_ticket(r, LIST_COLUMNS) for r in rows]

    def record_answer(self, ticket_id, at, author, body, state, pause, due):
        """Adds the operator's reply or note (author "operator" or "note") to a ticket, sets its state
        and due time ({due, due_last_day, due_provisional}), and opens (pause ("start", at)) or closes
        (("end", at)) the clock's pause, in one commit."""
        closed = at if state == "closed" else None

        def record(tx):
            tx.execute("INSERT INTO support_messages (ticket_id, at, author, body) VALUES (?, ?, ?, ?)",
                       (ticket_id, at, author, body))
            tx.execute_count("UPDATE support_tickets SET state = ?, updated = ?, closed = ?, due = ?, due_last_day = ?, "
                             "due_provisional = ? WHERE id = ?", (state, at, closed, due["due"], due["due_last_day"],
                                                                  int(due["due_provisional"]), ticket_id))
            if pause and pause[0] == "start":
                tx.execute_count("INSERT INTO support_pauses (ticket_id, started, ended) VALUES (?, ?, NULL) "
                                 "ON CONFLICT (ticket_id, started) DO NOTHING", (ticket_id, pause[1]))
            elif pause:
                tx.execute_count("UPDATE support_pauses SET ended = ? WHERE ticket_id = ? AND ended IS NULL",
                                 (pause[1], ticket_id))

        return self._write(record, lock="support:" + ticket_id)

    def delete_ticket(self, ticket_id):
        """Erases a ticket with its conversation and pauses; True when it existed."""
        def delete(tx):
            tx.execute_count("DELETE FROM support_messages WHERE ticket_id = ?", (ticket_id,))
            tx.execute_count("DELETE FROM support_pauses WHERE ticket_id = ?", (ticket_id,))
            return tx.execute_count("DELETE FROM support_tickets WHERE id = ?", (ticket_id,)) > 0

        return self._write(delete, lock="support:" + ticket_id)

    def purge_support(self, closed_before, claims_closed_before):
        """Erases tickets closed before `closed_before` (claims: before `claims_closed_before`; both
        UTC ISO texts) with their conversation and pauses; returns their ids."""
        def purge(tx):
            ids = [r[0] for r in tx.execute(
                "SELECT id FROM support_tickets WHERE closed IS NOT NULL AND "
                "((kind <> 'claim' AND closed < ?) OR (kind = 'claim' AND closed < ?))",
                (closed_before, claims_closed_before))]
            for ticket_id in ids:
                tx.execute_count("DELETE FROM support_messages WHERE ticket_id = ?", (ticket_id,))
                tx.execute_count("DELETE FROM support_pauses WHERE ticket_id = ?", (ticket_id,))
                tx.execute_count("DELETE FROM support_tickets WHERE id = ?", (ticket_id,))
            return ids

        return self._write(purge)

    def count_support_rows(self):
        """{table: rows} of the support tables (tests prove erasure with it)."""
        with self._transaction(write=False) as tx:
            return {t: tx.execute(f"SELECT COUNT(*) FROM {t}")[0][0]
                    for t in ("support_tickets", "support_messages", "support_pauses")}
