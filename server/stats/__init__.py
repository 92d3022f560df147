"""Purpose: first-party statistics: the events the site's pages and the game send (events.py: the one
definition of every event and field, and the strict parser of a batch), the anonymous visitor key
(visitors.py: a keyed hash of a daily salt, the address, the user agent and the site, in memory only),
the histogram buckets (buckets.py), the figures for a range of days (report.py), the CSV export
(export.py) and the operator's dashboard (dashboard.py, charts.py) and text report (text.py).
The statements live in server/storage/stats.py; the HTTP routes in server/api/events.py and
server/api/admin_stats.py; `python3 -m server stats` is cli.py here."""
