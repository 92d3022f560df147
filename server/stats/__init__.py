"""Purpose: first-party statistics: the events the game sends (events.py: the one definition of every
event and field, and the strict parser of a batch), the anonymous visitor key (visitors.py: a keyed hash
of a daily salt, the address, the user agent and the site, in memory only), the retention (retention.py),
the figures for a range of days (report.py), the dashboard and text report (dashboard.py, charts.py) and
`python3 -m server stats` (cli.py). The statements live in server/storage/stats.py; the HTTP routes in
server/api/events.py and server/api/admin_stats.py."""
