"""Purpose: the API areas, one module each; register_all() adds every area's routes to the app.
A new area (statistics /api/events, support /api/support, the shop, receipt access
/api/consent/<id>) is a module here with a register(app) function, listed below."""
from . import admin_stats, consent, events, health, partner_demo, support

AREAS = (health, consent, partner_demo, support, events, admin_stats)


def register_all(app):
    for area in AREAS:
        area.register(app)
