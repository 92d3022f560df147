"""Purpose: the server's storage behind one small interface, with two engines: SQLite (the embedded
default, one file) and PostgreSQL (psycopg 3, for several app processes or hosts). Both run the
same versioned migrations (migrations/<engine>/NNNN_name.sql, applied on start and recorded in the
schema_migrations table) and the same statements, written with `?` placeholders. Each feature branch
owns a version number (statistics 0003, support 0004, the shop 0005), so the numbers may have gaps and
a lower one may arrive after a higher one was applied: every migration the database lacks is applied,
in order of number, and each must only add what is its own.

open_storage(url) picks the engine from the URL: a path or sqlite:///path is SQLite,
postgresql://... is PostgreSQL. Errors the caller should answer with 503 are StorageError.
"""
import concurrent.futures
import datetime
import hmac
import json
import os
import queue
import re
import secrets
import threading

from .support import SupportStatements

MIGRATIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "migrations")
MIGRATION_NAME = re.compile(r"([0-9]{4})_([a-z0-9_]+)\.sql")

GROUP_MAX = 256  # writes per commit at most

RECEIPT_COLUMNS = ("record_id", "seq", "received", "site", "event", "method", "choices", "documents",
                   "language", "time", "expires", "age_confirmed", "gpc", "period")
# The columns of a receipt before the consent period (migration 6); a receipts file of that layout
# (serve.py's build/consent.sqlite3) is read and imported with period NULL.
LEGACY_RECEIPT_COLUMNS = RECEIPT_COLUMNS[:-1]
FORM_COLUMNS = ("received", "form", "document", "version", "hash", "accepted", "language", "fields")


class StorageError(Exception):
    """The database could not do what was asked (unreachable, locked too long, full...)."""


class SchemaError(StorageError):
    """The database's schema is not one these migrations can bring up to date."""


def utc_now_iso(now=None):
    """`now` (a UTC datetime; default the current time) as YYYY-MM-DDTHH:MM:SS.mmmZ."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def compact_json(value):
    """The canonical text stored for choices, documents, the period and form fields."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def migrations(engine):
    """[(version, name, sql)] for `engine`, in increasing order of version. Versions may leave gaps:
    numbers are taken by branches in the order they were planned, not merged (docs/DECISIONS.md)."""
    folder = os.path.join(MIGRATIONS, engine)
    found = []
    for name in sorted(os.listdir(folder)):
        m = MIGRATION_NAME.fullmatch(name)
        if m:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                found.append((int(m.group(1)), m.group(2), f.read()))
    versions = [v for v, _, _ in found]
    if not versions or versions[0] != 1 or len(set(versions)) != len(versions):
        raise SchemaError(f"migrations/{engine}: versions must start at 1 and not repeat")
    return found


class Storage(SupportStatements):
    """What the API modules may ask of a database. Engines implement _transaction() (a context
    manager yielding a cursor-like object with execute(sql, params) -> rows) and a few engine
    specifics; the statements here are shared (`?` placeholders).

    Every write goes through _write(fn, lock): one writer thread per process commits the writes
    in groups. A request thread hands its write over and waits for the commit of the group it
    joined; the group first takes the per-record locks of all its writes in one sorted order (so
    two processes' groups cannot deadlock), then runs them and commits once. If a write fails the
    group is rolled back and each of its writes is run again alone, so one bad write fails alone; if
    the commit itself fails, every write of the group fails (it may or may not have landed, so none
    is run again). Nothing is acknowledged that was not committed. One commit per group instead of
    one per write is what makes a single SQLite file or a PostgreSQL on fsync fast."""

    engine = "?"

    def _start_writer(self):
        self._queue = queue.SimpleQueue()
        self._writer = None
        self._writer_lock = threading.Lock()

    # --- engine hooks ----------------------------------------------------------------------
    def _transaction(self, write=True):
        raise NotImplementedError

    def _lock_records(self, tx, keys):
        """Serialises writers of these records (sorted) until the transaction ends."""

    def _migration_lock(self, tx):
        """Serialises migrations between processes starting at the same time."""

    def _tables(self, tx):
        raise NotImplementedError

    def _run_script(self, tx, sql):
        raise NotImplementedError

    def close(self):
        self._stop_writer()

    # --- the writer -------------------------------------------------------------------------
    def _write(self, fn, lock=None):
        """fn(tx)'s result once the group it joined has committed; `lock` is a record id to lock
        first. Raises StorageError."""
        if self._writer is None:
            with self._writer_lock:
                if self._writer is None:
                    self._writer = threading.Thread(target=self._write_groups, name=f"{self.engine}-writer",
                                                    daemon=True)
                    self._writer.start()
        future = concurrent.futures.Future()
        self._queue.put((fn, lock, future))
        return future.result()

    def _stop_writer(self):
        if self._writer is not None:
            self._queue.put(None)
            self._writer.join(10)
            self._writer = None

    def _write_groups(self):
        while True:
            first = self._queue.get()
            if first is None:
                return
            group = [first]
            while len(group) < GROUP_MAX:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    self._queue.put(None)  # stop after this group
                    break
                group.append(item)
            self._commit_group(group)

    def _commit_group(self, group):
        results, committing = [], False
        try:
            with self._transaction() as tx:
                self._lock_records(tx, sorted({lock for _, lock, _ in group if lock is not None}))
                for fn, _, _ in group:
                    results.append(fn(tx))
                committing = True
        except Exception as exc:
            if committing or len(group) == 1:
                error = exc if isinstance(exc, StorageError) else StorageError(f"{self.engine}: {exc}")
                for _, _, future in group:
                    future.set_exception(error)
                return
            for item in group:  # a write failed before the commit: each alone, to fail only that one
                self._commit_group([item])
            return
        for value, (_, _, future) in zip(results, group):
            future.set_result(value)

    def describe(self):
        return self.engine

    # --- migrations ----------------------------------------------------------------------------
    def migrate(self):
        """Applies the migrations this database lacks, each in its own transaction, and returns
        the versions applied. Raises SchemaError for a database newer than this code."""
        known = migrations(self.engine)
        applied = []
        with self._transaction() as tx:
            self._migration_lock(tx)
            if "schema_migrations" not in self._tables(tx):
                self._run_script(tx, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                                     "name TEXT NOT NULL, applied TEXT NOT NULL)")
            have = {row[0] for row in tx.execute("SELECT version FROM schema_migrations")}
            newer = sorted(have - {v for v, _, _ in known})
            if newer:
                raise SchemaError(f"the database has schema version {newer[-1]}, newer than this server "
                                  f"knows ({', '.join(str(v) for v, _, _ in known)}); run a newer server")
            for version, name, sql in known:
                if version in have:
                    continue
                self._run_script(tx, sql)
                tx.execute("INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)",
                           (version, name, utc_now_iso()))
                applied.append(version)
        return applied

    def schema_version(self):
        with self._transaction(write=False) as tx:
            if "schema_migrations" not in self._tables(tx):
                return 0
            return tx.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0][0]

    # --- health ---------------------------------------------------------------------------------
    def ping(self):
        """Round trip to the database; raises StorageError when it cannot answer."""
        with self._transaction(write=False) as tx:
            tx.execute("SELECT 1")

    # --- consent receipts ----------------------------------------------------------------------
    def add_receipt(self, record, event, received=None, proof=None):
        """Stores one receipt (a valid record) and returns its id "<record id>:<n>", n counting this
        record's receipts from 1. `proof` (64 lower-case hex digits, the SHA-256 of the record's
        secret, or None) is bound to the record id by the first receipt that carries one; a receipt
        with another proof, or none, for a bound id is refused: returns None and stores nothing.
        Raises StorageError."""
        received = received or utc_now_iso()

        def add(tx):
            bound = tx.execute("SELECT proof FROM consent_proofs WHERE record_id = ?", (record["id"],))
            if bound and not hmac.compare_digest(bound[0][0], proof or ""):
                return None
            if proof and not bound:
                tx.execute_count("INSERT INTO consent_proofs (record_id, proof) VALUES (?, ?)", (record["id"], proof))
            # the next number and the insert in one statement (after the lock: it sees every earlier receipt)
            return tx.execute(
                "INSERT INTO receipts (" + ", ".join(RECEIPT_COLUMNS) + ") SELECT ?, COALESCE(MAX(seq), 0) + 1, "
                + ", ".join("?" * (len(RECEIPT_COLUMNS) - 2)) + " FROM receipts WHERE record_id = ? RETURNING seq",
                (record["id"], received, record["site"], event, record["method"],
                 compact_json(record["choices"]), compact_json(record["documents"]), record["language"],
                 record["time"], record["expires"], int(record["age_confirmed"]), int(record["gpc"]),
                 compact_json(record["period"]) if "period" in record else None, record["id"]))[0][0]

        seq = self._write(add, lock=record["id"])
        return None if seq is None else f"{record['id']}:{seq}"

    def proof(self, record_id):
        """The proof bound to a record id (64 hex digits), or None when it has none."""
        with self._transaction(write=False) as tx:
            rows = tx.execute("SELECT proof FROM consent_proofs WHERE record_id = ?", (record_id,))
        return rows[0][0] if rows else None

    def erase_receipts(self, record_id, proof):
        """The visitor's erasure (docs/DECISIONS.md, issue 20 part 3), if `proof` is still the one
        bound to the id (checked again under the record's lock): receipts that record no consent
        given (statistics and ads both off) are deleted; those of a consent given are kept as the
        evidence the law asks for, but moved to a new random record id nobody holds, and the proof
        is deleted, so nothing links them to the visitor's browser any more. Returns None when the
        proof does not match, else (erased, kept, the latest `expires` among the kept or None)."""
        def erase(tx):
            bound = tx.execute("SELECT proof FROM consent_proofs WHERE record_id = ?", (record_id,))
            if not bound or not hmac.compare_digest(bound[0][0], proof):
                return None
            rows = tx.execute("SELECT seq, choices, expires FROM receipts WHERE record_id = ?", (record_id,))
            given = [(seq, expires) for seq, choices, expires in rows
                     if any(json.loads(choices).get(p) is True for p in ("statistics", "ads"))]
            keep = {seq for seq, _ in given}
            erased = 0
            for seq, _, _ in rows:
                if seq not in keep:
                    erased += tx.execute_count("DELETE FROM receipts WHERE record_id = ? AND seq = ?", (record_id, seq))
            if keep:
                tx.execute_count("UPDATE receipts SET record_id = ? WHERE record_id = ?",
                                 ("c-" + secrets.token_hex(16), record_id))
            tx.execute_count("DELETE FROM consent_proofs WHERE record_id = ?", (record_id,))
            return erased, len(keep), max((e for _, e in given), default=None)

        return self._write(erase, lock=record_id)

    def receipts(self, record_id):
        """A record's receipts, oldest first, as dicts (choices, documents and the period parsed; the
        period is None for a record made before it existed)."""
        with self._transaction(write=False) as tx:
            rows = tx.execute("SELECT " + ", ".join(RECEIPT_COLUMNS) + " FROM receipts WHERE record_id = ? "
                              "ORDER BY seq", (record_id,))
        out = []
        for row in rows:
            r = dict(zip(RECEIPT_COLUMNS, row))
            r["choices"], r["documents"] = json.loads(r["choices"]), json.loads(r["documents"])
            r["period"] = None if r["period"] is None else json.loads(r["period"])
            r["age_confirmed"], r["gpc"] = bool(r["age_confirmed"]), bool(r["gpc"])
            out.append(r)
        return out

    def count_receipts(self):
        with self._transaction(write=False) as tx:
            return tx.execute("SELECT COUNT(*) FROM receipts")[0][0]

    def purge(self, receipt_retention_days, form_retention_days, now=None):
        """Deletes receipts whose record's term ended more than receipt_retention_days ago and form
        submissions older than form_retention_days. Returns (receipts deleted, forms deleted)."""
        now = now or datetime.datetime.now(datetime.timezone.utc)
        receipts_before = utc_now_iso(now - datetime.timedelta(days=receipt_retention_days))
        forms_before = utc_now_iso(now - datetime.timedelta(days=form_retention_days))
        def purge(tx):
            counts = (tx.execute_count("DELETE FROM receipts WHERE expires < ?", (receipts_before,)),
                      tx.execute_count("DELETE FROM partner_forms WHERE received < ?", (forms_before,)))
            # a proof outlives no receipt: nothing is left for it to open
            tx.execute_count("DELETE FROM consent_proofs WHERE record_id NOT IN (SELECT record_id FROM receipts)")
            return counts

        return self._write(purge)

    def import_receipts(self, rows):
        """Copies receipts (dicts or sequences in RECEIPT_COLUMNS order, e.g. from a previous
        database; a dict without a period has none) keeping their record ids and numbers; ones
        already present are skipped.
        Returns how many were new."""
        added = 0
        sql = ("INSERT INTO receipts (" + ", ".join(RECEIPT_COLUMNS) + ") VALUES ("
               + ", ".join("?" * len(RECEIPT_COLUMNS)) + ") ON CONFLICT (record_id, seq) DO NOTHING")
        batch = []
        for row in rows:
            batch.append(tuple(row.get(c) for c in RECEIPT_COLUMNS) if isinstance(row, dict) else tuple(row))
            if len(batch) == 500:
                added += self._insert_batch(sql, batch)
                batch = []
        if batch:
            added += self._insert_batch(sql, batch)
        return added

    def _insert_batch(self, sql, batch):
        return self._write(lambda tx: sum(tx.execute_count(sql, row) for row in batch))

    # --- partner forms --------------------------------------------------------------------------
    def add_form(self, form, acceptance, fields, received=None):
        """Stores one partner form submission; returns its number."""
        received = received or utc_now_iso()
        return self._write(lambda tx: tx.execute(
            "INSERT INTO partner_forms (" + ", ".join(FORM_COLUMNS) + ") VALUES ("
            + ", ".join("?" * len(FORM_COLUMNS)) + ") RETURNING n",
            (received, form, acceptance["document"], acceptance["version"], acceptance["hash"],
             acceptance["time"], acceptance["language"], compact_json(fields)))[0][0])

    def forms(self):
        with self._transaction(write=False) as tx:
            rows = tx.execute("SELECT n, " + ", ".join(FORM_COLUMNS) + " FROM partner_forms ORDER BY n")
        return [dict(zip(("n",) + FORM_COLUMNS, r), fields=json.loads(r[-1])) for r in rows]


def open_storage(url, busy_timeout_ms=5000):
    """The Storage for `url` (not yet migrated). Raises StorageError when the engine is unavailable."""
    if url.startswith(("postgresql://", "postgres://")):
        from .postgresql import PostgresStorage
        return PostgresStorage(url)
    path = url[len("sqlite:///") - 1:] if url.startswith("sqlite:///") else url
    from .sqlite import SqliteStorage
    return SqliteStorage(path, busy_timeout_ms=busy_timeout_ms)


def read_legacy_receipts(path):
    """The receipts of a SQLite file in serve.py's layout or any later one, as dicts (the period
    only where the file has that column); read-only."""
    import sqlite3
    if not os.path.isfile(path):
        raise StorageError(f"{path}: no such file")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            have = {row[1] for row in db.execute("PRAGMA table_info(receipts)")}
            columns = RECEIPT_COLUMNS if "period" in have else LEGACY_RECEIPT_COLUMNS
            cursor = db.execute("SELECT " + ", ".join(columns) + " FROM receipts ORDER BY n")
            for row in cursor:
                yield dict(zip(columns, row))
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise StorageError(f"{path}: cannot read receipts: {exc}") from None
