"""Purpose: the statements of first-party statistics (server/stats), shared by SQLite and PostgreSQL
(`?` placeholders, text days YYYY-MM-DD): storing a batch of events in one write, the daily salts
(created once per day by whichever process needs it first), the retention purge, and the grouped
reads the report is made of. Tables: migrations/<engine>/0003_stats.sql.
"""
from ..stats.events import COLUMNS

EVENT_COLUMNS = ("day", "t", "visitor", "name") + COLUMNS
_INSERT = "INSERT INTO stats_events (" + ", ".join(EVENT_COLUMNS) + ") VALUES "
_ROW = "(" + ", ".join("?" * len(EVENT_COLUMNS)) + ")"


def add_events(storage, rows):
    """Stores rows (tuples in EVENT_COLUMNS order) in one transaction, as one multi-row INSERT per 64
    rows (a batch is one statement: one round trip to PostgreSQL, not one per event); returns how many."""
    rows = list(rows)
    if not rows:
        return 0

    def write(tx):
        n = 0
        for i in range(0, len(rows), 64):
            part = rows[i:i + 64]
            n += tx.execute_count(_INSERT + ", ".join([_ROW] * len(part)), [v for row in part for v in row])
        return n

    return storage._write(write)


def salt(storage, day, new_salt):
    """The salt of `day` (hex text): the stored one, else `new_salt` stored now (when two processes
    race, the first one's stays and both read it)."""
    with storage._transaction(write=False) as tx:
        rows = tx.execute("SELECT salt FROM stats_salts WHERE day = ?", (day,))
    if rows:
        return rows[0][0]

    def put(tx):
        tx.execute("INSERT INTO stats_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING", (day, new_salt))
        return tx.execute("SELECT salt FROM stats_salts WHERE day = ?", (day,))[0][0]

    return storage._write(put)


def purge(storage, events_before, salts_before):
    """Deletes the events of days before `events_before` and the salts of days before `salts_before`.
    Returns (events deleted, salts deleted)."""
    return storage._write(lambda tx: (
        tx.execute_count("DELETE FROM stats_events WHERE day < ?", (events_before,)),
        tx.execute_count("DELETE FROM stats_salts WHERE day < ?", (salts_before,))))


def read(storage, sql, params=()):
    """Rows of one read-only statement over stats_events (the report's queries)."""
    with storage._transaction(write=False) as tx:
        return tx.execute(sql, params)


def all_rows(storage):
    """Every stored event as a dict (the tests' scan, the export)."""
    rows = read(storage, "SELECT " + ", ".join(EVENT_COLUMNS) + " FROM stats_events ORDER BY n")
    return [dict(zip(EVENT_COLUMNS, r)) for r in rows]
