"""Purpose: support and claims: the production calendar (calendar.py) and deadlines (deadlines.py), the
desk's rules for requests and tickets (tickets.py), mail to an outbox folder (mail.py) and the pages
of the player and the operator (pages.py). The HTTP routes are in server/api/support.py; the
statements in server/storage/support.py.
"""
