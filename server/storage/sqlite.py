"""Purpose: the SQLite engine (the embedded default): WAL (readers, one connection per worker thread,
never wait for the writer), busy_timeout (a writer from another process waits for the lock instead
of failing), short BEGIN IMMEDIATE transactions, and no lock held by request threads.

Writes go through one writer thread per process that commits them in groups: a request thread hands
its write over and waits for the commit of the group it joined (each write in its own savepoint, so
one failing write fails alone). SQLite lets one writer in at a time anyway, and its busy handler
sleeps in steps of up to 100 ms when threads race for the lock (8 threads measured p99 ~1 s at 570
receipts/s); a group commit turns that race into one transaction per group. synchronous=NORMAL: a
commit survives the process being killed; the last commits before a checkpoint may not survive a
power cut.
"""
import concurrent.futures
import contextlib
import os
import queue
import sqlite3
import threading

GROUP_MAX = 256  # writes per commit at most

from . import Storage, StorageError


class _Tx:
    def __init__(self, db):
        self.db = db

    def execute(self, sql, params=()):
        return self.db.execute(sql, params).fetchall()

    def execute_count(self, sql, params=()):
        return self.db.execute(sql, params).rowcount


class SqliteStorage(Storage):
    engine = "sqlite"

    def __init__(self, path, busy_timeout_ms=5000):
        self.path = os.path.abspath(path)
        self.busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        self._all = []
        self._all_lock = threading.Lock()  # guards the list of connections and the writer's start only
        self._queue = queue.SimpleQueue()
        self._writer = None

    def describe(self):
        return f"sqlite {self.path}"

    def _connection(self):
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                os.makedirs(os.path.dirname(self.path), exist_ok=True)
                db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
                if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                    raise StorageError(f"{self.path}: cannot switch to WAL mode")
                db.execute("PRAGMA synchronous = NORMAL")
            except (sqlite3.Error, OSError) as exc:
                raise StorageError(f"{self.path}: {exc}") from None
            self._local.db = db
            with self._all_lock:
                self._all.append(db)
        return db

    @contextlib.contextmanager
    def _transaction(self, write=True):
        db = self._connection()
        try:
            db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.Error as exc:
            raise StorageError(f"sqlite: {exc}") from None
        try:
            yield _Tx(db)
            db.execute("COMMIT")
        except BaseException as exc:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if isinstance(exc, sqlite3.Error):
                raise StorageError(f"sqlite: {exc}") from None
            raise

    def _write(self, fn):
        """fn(tx)'s result once the group it joined has committed. Raises StorageError."""
        if self._writer is None:
            with self._all_lock:
                if self._writer is None:
                    self._writer = threading.Thread(target=self._write_groups, name="sqlite-writer", daemon=True)
                    self._writer.start()
        future = concurrent.futures.Future()
        self._queue.put((fn, future))
        return future.result()

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
        results = []
        try:
            with self._transaction() as tx:
                for i, (fn, _) in enumerate(group):
                    tx.db.execute(f"SAVEPOINT w{i}")
                    try:
                        results.append((True, fn(tx)))
                        tx.db.execute(f"RELEASE w{i}")
                    except Exception as exc:  # this write fails alone
                        tx.db.execute(f"ROLLBACK TO w{i}")
                        tx.db.execute(f"RELEASE w{i}")
                        error = exc if isinstance(exc, StorageError) else StorageError(f"sqlite: {exc}")
                        results.append((False, error))
        except BaseException as exc:  # the commit failed: nothing of the group was stored
            error = exc if isinstance(exc, StorageError) else StorageError(f"sqlite: {exc}")
            for _, future in group:
                future.set_exception(error)
            return
        for (ok, value), (_, future) in zip(results, group):
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def _tables(self, tx):
        return {r[0] for r in tx.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _run_script(self, tx, sql):
        # executescript() would commit the open transaction first: run statement by statement.
        for statement in _statements(sql):
            tx.db.execute(statement)

    def close(self):
        if self._writer is not None:
            self._queue.put(None)
            self._writer.join(10)
            self._writer = None
        with self._all_lock:
            for db in self._all:
                try:
                    db.close()
                except sqlite3.Error:
                    pass
            self._all = []
        self._local = threading.local()


def _statements(sql):
    """The statements of a migration script (complete per sqlite3.complete_statement), comments
    dropped."""
    out, current = [], ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():  # a last statement without its semicolon
        out.append(current.strip())
    return out
