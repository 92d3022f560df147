"""Purpose: the app served by waitress (Debian python3-waitress), hardened where waitress leaves
room, through its documented extension points (parser, channel, task and server classes):

- a request is dispatched to a worker thread only once it has fully arrived (waitress buffers it),
  so slow clients never hold a thread; the thread pool is bounded (server.threads);
- strict request line: method token, origin/absolute target, HTTP/1.0 or 1.1 (else 400); a request
  line over 8 KiB is 414; more than server.max_headers fields or server.max_header_bytes is 431;
  any Transfer-Encoding is 400 (bodies need Content-Length: one way to frame them, no smuggling);
- an overall request deadline: a request not complete server.request_deadline seconds after its first
  byte gets 408 and the connection closes (a trickling client cannot keep it open); a client that
  half-closes mid-request gets 400 at once;
- a body is always read whole by the server before the app runs, so an unread body is never parsed
  as the next request; 4xx answers that may leave one close the connection;
- a cap on open connections, kept below the file-descriptor limit; at the cap the idlest connections
  (idle keep-alives, then the oldest unfinished requests) are closed to make room, so a crowd of slow
  clients cannot lock visitors out;
- every error response carries the security headers and gets an access line;
- SIGTERM/SIGINT: stop accepting, let in-flight requests finish (server.shutdown_grace), then exit.
"""
import logging
import resource
import signal
import threading
import time

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, ThreadedTaskDispatcher, WSGITask
from waitress.utilities import Error

from . import accesslog
from .app import CLOSE_FLAG
from .http import SECURITY_HEADERS, SERVER_NAME, status_line

MAX_REQUEST_LINE = 8192
FD_RESERVE = 32  # descriptors kept for files being sent, the database, logs
TOKEN = set("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


class Refusal(Error):
    """An error answer decided before the app runs (status code and one-line message)."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.reason = status_line(code).split(" ", 1)[1]


class Parser(HTTPRequestParser):
    raw_line = b""
    too_many_headers = False

    def __init__(self, adj):
        super().__init__(adj)
        # when this request's first byte came (waitress also makes parsers itself, for a request
        # that follows another in the same packet)
        self.started = time.monotonic()
        self.max_headers = getattr(adj, "astradia_max_headers", 100)

    def received(self, data):
        if self.completed:
            return 0
        if self.body_rcv is None and not self.headers_finished:
            seen = self.header_plus + data
            if not self.raw_line:
                end = seen.find(b"\r\n")
                if end >= 0 or len(seen) > MAX_REQUEST_LINE:
                    self.raw_line = seen.lstrip(b"\r\n")[:min(end if end >= 0 else len(seen), 300)]
            end = seen.lstrip(b"\r\n").find(b"\r\n")
            if (end < 0 and len(seen) > MAX_REQUEST_LINE) or end > MAX_REQUEST_LINE:
                self._refuse(414, "Request line too long")
                return len(data)
        consumed = super().received(data)
        if self.error is not None and not isinstance(self.error, Refusal):
            code = 431 if self.too_many_headers else self.error.code
            self.error = Refusal(code, {431: "Request header fields too large",
                                        413: "Body too large"}.get(code, str(self.error.body)[:120]))
        return consumed

    def _refuse(self, code, message):
        self.error = Refusal(code, message)
        self.completed = True
        self.headers_finished = True
        self.connection_close = True
        self.version = "1.1"

    def parse_header(self, header_plus):
        first, _, rest = header_plus.partition(b"\r\n")
        parts = first.split(b" ")
        if len(parts) != 3:
            raise ParsingError("HTTP/0.9 requests are not supported" if len(parts) == 2 else "Malformed request line")
        method, target, version = parts
        if not method or any(chr(c) not in TOKEN for c in method):
            raise ParsingError("Malformed method")
        if version not in (b"HTTP/1.0", b"HTTP/1.1"):
            raise ParsingError("Unsupported protocol version")
        self.version = version[5:].decode()  # an error found below is answered in the request's version
        if not target or any(c < 0x21 or c == 0x7F for c in target):
            raise ParsingError("Malformed request target")
        if b"\r\n " in b"\r\n" + rest or b"\r\n\t" in b"\r\n" + rest:
            raise ParsingError("Folded header lines are not accepted")
        if any(line.split(b":", 1)[0].strip().lower() == b"transfer-encoding" for line in rest.split(b"\r\n")):
            raise ParsingError("Bodies need a Content-Length; Transfer-Encoding is not accepted")
        if rest.count(b"\r\n") + 1 > self.max_headers:
            self.too_many_headers = True
            raise ParsingError("Too many header fields")
        super().parse_header(header_plus)


class Channel(HTTPChannel):
    """Tracks when the request being received started, answers a half-closed partial request, and
    finishes queued requests when the client half-closes."""
    parser_class = Parser
    task_class = None  # set below, once the task classes exist
    error_task_class = None
    eof = False
    evicted = False

    def readable(self):
        return not self.eof and super().readable()

    def handle_read(self):
        try:
            # the socket's own recv: the dispatcher's would close the connection on a half-close,
            # dropping the answers still owed
            data = self.socket.recv(self.adj.recv_bytes)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self.handle_close()
            return
        if data:
            self.last_activity = time.time()
            self.received(data)
            return
        # The client half-closed (or went away): answer what it sent, then close.
        self.eof = True
        with self.requests_lock:
            partial = self.request
            if partial is not None and not partial.completed and (partial.header_plus or partial.headers_finished):
                message = "Body shorter than Content-Length" if partial.headers_finished else "Incomplete request"
                self.fail_partial(400, message)
            elif not self.requests:
                self.will_close = True

    def fail_partial(self, code, message):
        """Turns the request being received into an error answer (then the connection closes).
        Called with requests_lock held, from the main loop."""
        request = self.request
        request.error = Refusal(code, message)
        request.completed = True
        request.connection_close = True
        if not request.headers_finished:
            request.version = "1.1"
        self.request = None
        self.requests.append(request)
        if len(self.requests) == 1:
            self.server.add_task(self)

    def service(self):
        super().service()
        with self.requests_lock:
            if (self.eof or self.server.stopping) and not self.requests:
                self.close_when_flushed = True
        if self.connected:
            self.server.pull_trigger()


class AppTask(WSGITask):
    def build_response_header(self):
        if self.environ is not None and self.environ.get(CLOSE_FLAG):
            self.response_headers.append(("Connection", "close"))
            self.close_on_finish = True
        return super().build_response_header()


class RefusalTask(ErrorTask):
    def execute(self):
        e = self.request.error
        code = getattr(e, "code", 400)
        message = e.body if isinstance(e, Refusal) else getattr(e, "reason", "Bad request")
        body = f"{code} {message}\n".encode()
        self.status = status_line(code)
        self.response_headers.extend([("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store"),
                                      *SECURITY_HEADERS, *self.channel.server.extra_headers,
                                      ("Connection", "close")])
        if self.request.version not in ("1.0", "1.1"):
            self.version = self.request.version = "1.1"
        self.close_on_finish = True
        self.content_length = len(body)
        self.write(body)
        if self.channel.server.access_log:
            line = getattr(self.request, "raw_line", b"") or b"-"
            accesslog.emit(accesslog.line("-", line.decode("latin-1"), "-", code, len(body), "-", 0.0))


Channel.task_class = AppTask
Channel.error_task_class = RefusalTask


class Server(TcpWSGIServer):
    channel_class = Channel
    stopping = False

    def __init__(self, application, settings, extra_headers, access_log, **kw):
        self.request_deadline = settings.request_deadline
        self.extra_headers = list(extra_headers)
        self.access_log = access_log
        super().__init__(application, **kw)

    def maintenance(self, now):
        super().maintenance(now)
        self._deadlines()

    def _deadlines(self):
        cutoff = time.monotonic() - self.request_deadline
        for channel in list(self.active_channels.values()):
            request = channel.request
            if request is not None and not request.completed and request.started < cutoff and not channel.requests:
                with channel.requests_lock:
                    if channel.request is request:
                        channel.fail_partial(408, "Request not complete in time")

    def readable(self):
        if self.accepting and len(self._map) >= self.adj.connection_limit:
            self._evict()
        return super().readable()

    def _evict(self):
        """Makes room at the connection cap: closes idle keep-alive connections first, then the
        unfinished requests that started longest ago (408). Busy connections are never touched."""
        want = max(1, self.adj.connection_limit // 10)
        idle, partial = [], []
        fresh = time.time() - 1.0  # a connection accepted under a second ago gets to send its request
        for channel in self.active_channels.values():
            if channel.requests or channel.total_outbufs_len or channel.will_close or channel.close_when_flushed \
                    or channel.evicted:
                continue
            if channel.request is None:
                if channel.last_activity < fresh:
                    idle.append((channel.last_activity, channel))
            elif not channel.request.completed:
                partial.append((channel.request.started, channel))
        for _, channel in sorted(idle, key=lambda x: x[0])[:want]:
            channel.evicted = True
            channel.will_close = True
            want -= 1
        for _, channel in sorted(partial, key=lambda x: x[0])[:max(0, want)]:
            channel.evicted = True
            with channel.requests_lock:
                channel.fail_partial(408, "Request not complete in time")

    def busy(self):
        return any(c.requests or c.total_outbufs_len or (c.request is not None and not c.request.completed)
                   for c in self.active_channels.values())

    def close_idle(self):
        for c in list(self.active_channels.values()):
            if not c.requests and not c.total_outbufs_len and c.request is None:
                c.will_close = True


def raise_fd_limit():
    """The soft file-descriptor limit raised to the hard one; returns the soft limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else 65536, hard))
        except (ValueError, OSError):
            pass
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def make_server(app, config):
    """A listening, hardened waitress server for `app`. Raises OSError when it cannot listen."""
    s = config.server
    fds = raise_fd_limit()
    limit = max(8, min(s.connection_limit, fds - FD_RESERVE - s.threads * 2))
    adj = Adjustments(host=s.host, port=s.port, threads=s.threads, connection_limit=limit,
                      channel_timeout=int(max(1, s.idle_timeout)), cleanup_interval=1,
                      max_request_header_size=s.max_header_bytes, max_request_body_size=s.max_body_bytes,
                      ident=SERVER_NAME, asyncore_use_poll=True, expose_tracebacks=False,
                      clear_untrusted_proxy_headers=False, backlog=1024)
    logging.getLogger("waitress").setLevel(logging.ERROR)
    adj.astradia_max_headers = s.max_headers  # read by Parser
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    server = Server(app, s, app.extra_headers, bool(app.log), map={}, dispatcher=dispatcher, adj=adj,
                    sockinfo=adj.listen[0])
    server.connection_cap = limit
    return server


def serve(server, grace, stop=None, on_stop=None):
    """Runs the server until `stop` (a threading.Event) is set, then stops accepting, lets in-flight
    requests finish for at most `grace` seconds and closes everything."""
    stop = stop or threading.Event()
    server.stop_event = stop
    try:
        while not stop.is_set():
            wasyncore.loop(timeout=1.0, map=server._map, use_poll=True, count=1)
        if on_stop:
            on_stop()
        server.stopping = True
        server.accepting = False
        server.del_channel()
        server.socket.close()
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            server.close_idle()
            if not server.busy():
                break
            wasyncore.loop(timeout=0.05, map=server._map, use_poll=True, count=1)
        # flush what the last tasks wrote, then close
        for _ in range(20):
            if not any(c.total_outbufs_len for c in server.active_channels.values()):
                break
            wasyncore.loop(timeout=0.05, map=server._map, use_poll=True, count=1)
    finally:
        server.task_dispatcher.shutdown(timeout=grace)
        wasyncore.close_all(server._map)


def stop_on_signals(server):
    """A threading.Event set by SIGTERM or SIGINT (which also wake the server's loop)."""
    stop = threading.Event()

    def handle(signum, frame):
        stop.set()
        server.pull_trigger()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, handle)
    return stop
