"""Purpose: the PostgreSQL engine (psycopg 3, Debian python3-psycopg): one connection per thread
(the worker threads read, the process's writer thread writes in groups: storage/__init__.py), so
connections are bounded; a transaction-scoped advisory lock per consent record so two app
processes never give one record the same receipt number; an advisory lock around migrations so
processes starting together apply each once. A connection found broken, or a failed connect, marks
every older connection stale: each is replaced before its next use instead of failing a request.
"""
import contextlib
import threading

from . import Storage, StorageError

try:
    import psycopg
except ImportError:  # pyenv's python3 does not see Debian's packages
    psycopg = None

MIGRATION_LOCK = 0x61737472  # "astr": one constant for every process of this service


class _Tx:
    def __init__(self, conn, cur):
        self.conn = conn
        self.cur = cur

    def execute(self, sql, params=()):
        self.cur.execute(sql.replace("?", "%s"), params)
        return self.cur.fetchall() if self.cur.description is not None else []

    def execute_count(self, sql, params=()):
        self.cur.execute(sql.replace("?", "%s"), params)
        return self.cur.rowcount

    def run(self, sql, params=()):
        """A statement whose result is not needed."""
        self.cur.execute(sql.replace("?", "%s"), params)


class PostgresStorage(Storage):
    engine = "postgresql"

    def __init__(self, url):
        if psycopg is None:
            raise StorageError("PostgreSQL needs psycopg 3 (Debian python3-psycopg): run the server with "
                               "/usr/bin/python3")
        self.url = url
        self._local = threading.local()
        self._all = []
        self._all_lock = threading.Lock()  # guards the list of connections only
        # Bumped when a connection is found broken (the server restarted, a failover): every thread
        # then opens a new connection before its next transaction instead of failing on its old one.
        self._generation = 0
        self._start_writer()

    def describe(self):
        # never the password
        return "postgresql " + self.url.split("://", 1)[1].rpartition("@")[2]

    def _connection(self):
        conn = getattr(self._local, "conn", None)
        if conn is not None and getattr(self._local, "generation", 0) < self._generation:
            self._drop(conn)
            conn = None
        if conn is None or conn.closed:
            try:
                conn = psycopg.connect(self.url, autocommit=True, connect_timeout=5)
            except psycopg.Error as exc:
                self._generation += 1  # unreachable: the connections other threads hold are suspect too
                raise StorageError(f"postgresql: cannot connect: {str(exc).strip().splitlines()[0]}") from None
            self._local.conn = conn
            self._local.generation = self._generation
            with self._all_lock:
                self._all.append(conn)
        return conn

    def _drop(self, conn):
        self._local.conn = None
        with self._all_lock:
            if conn in self._all:
                self._all.remove(conn)
        try:
            conn.close()
        except psycopg.Error:
            pass

    @contextlib.contextmanager
    def _transaction(self, write=True):
        """A transaction on this thread's connection."""
        conn = self._connection()
        try:
            with conn.transaction(), conn.cursor() as cur:
                yield _Tx(conn, cur)
        except psycopg.Error as exc:
            if conn.broken or conn.closed:
                self._generation += 1
                self._drop(conn)
            raise StorageError(f"postgresql: {str(exc).strip().splitlines()[0]}") from None

    def _lock_records(self, tx, keys):
        if keys:  # in the order given (sorted), so groups in two processes cannot deadlock
            tx.run("SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(?::text[]) WITH ORDINALITY AS t(k, i) "
                   "ORDER BY i", (list(keys),))

    def _migration_lock(self, tx):
        tx.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))

    def _tables(self, tx):
        return {r[0] for r in tx.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}

    def _run_script(self, tx, sql):
        tx.cur.execute(sql)  # no parameters: several statements in one go

    def close(self):
        self._stop_writer()
        with self._all_lock:
            for conn in self._all:
                try:
                    conn.close()
                except psycopg.Error:
                    pass
            self._all = []
        self._local = threading.local()
