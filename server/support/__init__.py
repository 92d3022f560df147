"""Purpose: support and claims: the production calendar (calendar.py) and deadlines (deadlines.py),
the desks (desks.py: each legal site whose site.json has a "support" object), the tickets' rules
(tickets.py), mail to an outbox folder and SMTP (mail.py), and the operator's inbox pages
(inbox.py). The HTTP routes are in server/api/support.py; the statements in server/storage/support.py.
"""
