"""Purpose: GET/HEAD /api/health: 200 {"ok": true, "database": "ok", "engine": "sqlite" or "postgresql"} when the database
answers a round trip, else 503 {"ok": false, "database": "unreachable"} (for load balancers and the
systemd unit's checks). Never cached."""
from ..http import json_response
from ..storage import StorageError


def health(app, request):
    try:
        app.storage.ping()
    except StorageError:
        return json_response(503, {"ok": False, "database": "unreachable"})
    return json_response(200, {"ok": True, "database": "ok", "engine": app.storage.engine})


def register(app):
    app.add_route("/api/health", {"GET": health, "HEAD": health}, json_errors=True)
