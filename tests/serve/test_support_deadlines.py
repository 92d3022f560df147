"""Purpose: the support deadlines against cases counted by hand on the Russian production calendar
(server/support/calendars/ru.json): 10 business days across the New Year and May holidays, the
transferred day off of 9 January 2026, a transferred working Saturday (the 2027 draft, applied as
an operator would once it is decreed), the partner's 30 calendar days with art. 193's move to the
next working day, tickets received after hours and across midnight in Moscow, service targets in
business hours, the clock paused while waiting for the player, and a provisional year flagged.
Also: the calendar file's checks, and that its provisional 2027 is what art. 112 gives; and the desk
itself: a claim addressed to the partner studio is due 30 calendar days after its receipt in Moscow
(across a month end and the New Year), and is refused without its pre-trial claim's details.

Run: python3 -m unittest discover -s tests/serve -p 'test_support_deadlines.py'
"""
import copy
import datetime
import json
import os
import sys
import unittest
import zoneinfo

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, REPO)

from server.support.calendar import Calendar, CalendarError, ranges  # noqa: E402
from server.support.deadlines import Clock, DeadlineError, Rule  # noqa: E402
from server import config  # noqa: E402
from server.support.tickets import Desk, Refusal  # noqa: E402

FILE = os.path.join(REPO, "server", "support", "calendars", "ru.json")
MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
UTC = datetime.timezone.utc
CLAIM = Rule("business_days", 10)
PARTNER = Rule("calendar_days", 30)
QUESTION = Rule("business_hours", 16)


def msk(text):
    """A Moscow wall-clock time 'YYYY-MM-DD HH:MM' as an aware datetime."""
    return datetime.datetime.fromisoformat(text).replace(tzinfo=MOSCOW)


def d(text):
    return datetime.date.fromisoformat(text)


def load_data():
    with open(FILE, encoding="utf-8") as f:
        return json.load(f)


class CalendarFileTest(unittest.TestCase):
    def setUp(self):
        self.cal = Calendar.load(FILE)

    def test_2026_as_decreed(self):
        off = ["2026-01-01", "2026-01-08", "2026-01-09", "2026-01-11", "2026-02-23", "2026-03-09", "2026-05-01",
               "2026-05-11", "2026-06-12", "2026-11-04", "2026-12-31"]
        for day in off:
            self.assertFalse(self.cal.is_business_day(d(day)), day)
        for day in ("2026-01-12", "2026-02-20", "2026-03-10", "2026-05-04", "2026-05-12", "2026-11-05", "2026-12-30"):
            self.assertTrue(self.cal.is_business_day(d(day)), day)
        self.assertFalse(self.cal.is_business_day(d("2026-11-07")), "a Saturday")
        self.assertFalse(self.cal.is_provisional(d("2026-07-01")))

    def test_2027_is_provisional_and_is_what_article_112_gives(self):
        self.assertTrue(self.cal.is_provisional(d("2027-03-01")))
        computed = self.cal.provisional_year(2027)
        data = load_data()
        self.assertEqual(ranges(computed["non_working"]), data["years"]["2027"]["non_working"])
        # By hand: 1 May 2027 is a Saturday (moved to Monday 3 May), 9 May a Sunday (Monday 10
        # May), 12 June a Saturday (Monday 14 June); 2-3 January fall on a weekend and only a
        # decree moves them.
        for day in ("2027-05-03", "2027-05-10", "2027-06-14", "2027-01-08"):
            self.assertFalse(self.cal.is_business_day(d(day)), day)
        self.assertTrue(self.cal.is_business_day(d("2027-01-11")))
        self.assertTrue(self.cal.is_business_day(d("2027-11-05")), "the draft's 5 November is not applied")

    def test_a_year_missing_from_the_file_is_computed_and_provisional(self):
        self.assertTrue(self.cal.is_provisional(d("2028-06-01")))
        # 2028: 12 June is a Monday; 4 November a Saturday, moved to Monday 6 November.
        self.assertFalse(self.cal.is_business_day(d("2028-06-12")))
        self.assertFalse(self.cal.is_business_day(d("2028-11-06")))

    def test_bad_files_are_refused_with_the_entry_named(self):
        cases = {
            "not a date": ("years.2026.non_working", ["2026-02-30"]),
            "wrong year": ("years.2026.non_working", ["2027-01-01"]),
            "reversed range": ("years.2026.non_working", ["2026-01-11..2026-01-01"]),
            "working weekday": ("years.2026.working", ["2026-11-05"]),
            "status": ("years.2026.status", "maybe"),
        }
        for name, (path, value) in cases.items():
            with self.subTest(name):
                data = load_data()
                node = data
                parts = path.split(".")
                for p in parts[:-1]:
                    node = node[p]
                node[parts[-1]] = value
                with self.assertRaises(CalendarError) as ctx:
                    Calendar(data, "ru.json")
                self.assertIn("years.2026", str(ctx.exception))
        with self.assertRaises(CalendarError):
            Calendar.load(os.path.join(HERE, "no-such-calendar.json"))


class DeadlineTest(unittest.TestCase):
    def setUp(self):
        self.clock = Clock(Calendar.load(FILE), MOSCOW)

    def due(self, received, rule, pauses=(), clock=None):
        return (clock or self.clock).due(received, rule, pauses, now=msk("2028-01-01 00:00"))

    def assert_end_of(self, due, day, provisional=False):
        self.assertEqual(due.last_day, d(day))
        self.assertTrue(due.end_of_day)
        self.assertEqual(due.at, msk(day + " 00:00") + datetime.timedelta(days=1))
        self.assertEqual(due.provisional, provisional)

    # --- a claim: 10 business days ------------------------------------------------------------
    def test_claim_across_the_may_holidays_2026(self):
        # Received Thursday 30 April; counting starts Friday 1 May: 1-3 May off; 4, 5, 6, 7, 8 (5);
        # 9-11 off; 12, 13, 14, 15 (9); Monday 18 May is the 10th.
        self.assert_end_of(self.due(msk("2026-04-30 11:00"), CLAIM), "2026-05-18")

    def test_claim_in_the_new_year_holidays_2026_and_the_transferred_9_january(self):
        # Received Wednesday 7 January; 8-11 off (9 January by the decree); 12-16 (5); 19-23 (10).
        # Were 9 January a working day the answer would be 22 January.
        self.assert_end_of(self.due(msk("2026-01-07 15:00"), CLAIM), "2026-01-23")

    def test_claim_across_the_new_year_into_a_provisional_year(self):
        # Received Wednesday 23 December 2026: 24, 25, 28, 29, 30 (5); 31 December off (decree);
        # 1-8 January 2027 off, 9-10 a weekend; 11, 12, 13, 14, 15 (10). 2027 is provisional.
        self.assert_end_of(self.due(msk("2026-12-23 10:00"), CLAIM), "2027-01-15", provisional=True)

    def test_claim_received_just_before_and_after_midnight_in_moscow(self):
        # 20:59 UTC on Thursday 19 November is 23:59 in Moscow: received Thursday, counting from
        # Friday 20: 20 (1), 23-27 (6), 30 (7), 1, 2, 3 December (10).
        before = datetime.datetime(2026, 11, 19, 20, 59, tzinfo=UTC)
        self.assert_end_of(self.due(before, CLAIM), "2026-12-03")
        # 21:30 UTC is 00:30 on Friday in Moscow: received Friday, counting from Saturday:
        # 23-27 (5), 30, 1, 2, 3, 4 December (10). One business day later.
        after = datetime.datetime(2026, 11, 19, 21, 30, tzinfo=UTC)
        self.assert_end_of(self.due(after, CLAIM), "2026-12-04")
        # The hour within the day does not matter for days: 08:00 and 19:00 the same Thursday.
        self.assertEqual(self.due(msk("2026-11-19 08:00"), CLAIM), self.due(msk("2026-11-19 19:00"), CLAIM))

    def test_claim_over_a_transferred_working_saturday(self):
        # The 2027 draft, once decreed: 4-7 November off, Saturday 13 November a working day.
        data = load_data()
        data["years"]["2027"] = {"status": "decreed", "non_working": data["years"]["2027"]["non_working"]
                                 + ["2027-11-05..2027-11-07"], "working": ["2027-11-13"]}
        decreed = Clock(Calendar(data), MOSCOW)
        # Received Monday 8 November 2027: 9, 10, 11, 12 (4), Saturday 13 (5), 15-19 (10).
        self.assert_end_of(self.due(msk("2027-11-08 12:00"), CLAIM, clock=decreed), "2027-11-19")
        # On the provisional calendar Saturday 13 does not count: 9-12 (4), 15-19 (9), 22 (10).
        self.assert_end_of(self.due(msk("2027-11-08 12:00"), CLAIM), "2027-11-22", provisional=True)
        # Business hours run on that Saturday too: received at 11:00, 16 hours are 7 that day
        # and 9 on Monday 15 (9:00-18:00).
        hours = self.due(msk("2027-11-13 11:00"), QUESTION, clock=decreed)
        self.assertEqual(hours.at, msk("2027-11-15 18:00"))
        self.assertFalse(hours.provisional)

    def test_a_paused_clock_moves_the_due_date_by_the_business_time_it_held(self):
        received = msk("2026-11-02 10:00")
        # Without a pause: 3 (1), 4 November off, 5, 6 (3), 9-13 (8), 16, 17 (10).
        self.assert_end_of(self.due(received, CLAIM), "2026-11-17")
        # Paused from Wednesday 11 November 12:00 to Monday 16 November 12:00: half of the 11th,
        # the 12th and 13th, half of the 16th = 3 business days (the weekend held none).
        pause = [(msk("2026-11-11 12:00"), msk("2026-11-16 12:00"))]
        self.assert_end_of(self.due(received, CLAIM, pause), "2026-11-20")
        # A pause that is still open lasts until now.
        open_pause = [(msk("2026-11-11 12:00"), None)]
        due = self.clock.due(received, CLAIM, open_pause, now=msk("2026-11-16 12:00"))
        self.assertEqual(due.last_day, d("2026-11-20"))
        # A pause over a weekend only moves nothing.
        weekend = [(msk("2026-11-07 00:00"), msk("2026-11-09 00:00"))]
        self.assert_end_of(self.due(received, CLAIM, weekend), "2026-11-17")

    # --- the partner: 30 calendar days --------------------------------------------------------
    def test_partner_thirty_calendar_days(self):
        # Received 10 November 2026: day 1 is 11 November, day 30 is Thursday 10 December.
        self.assert_end_of(self.due(msk("2026-11-10 16:00"), PARTNER), "2026-12-10")
        # Received 9 April 2026: day 30 is Saturday 9 May, a holiday; 10 May is a Sunday and 11
        # May a day off, so the period ends on Tuesday 12 May (art. 193).
        self.assert_end_of(self.due(msk("2026-04-09 09:30"), PARTNER), "2026-05-12")
        # Received 2 December 2026: day 30 is 1 January 2027; 2-3 a weekend, 4-8 holidays, 9-10 a
        # weekend: Monday 11 January, on the provisional 2027.
        self.assert_end_of(self.due(msk("2026-12-02 12:00"), PARTNER), "2027-01-11", provisional=True)

    # --- service targets in business hours ------------------------------------------------------
    def test_business_hours_and_a_ticket_received_after_hours(self):
        # Received Monday 23 November at 10:00: 8 hours that day (to 18:00), 8 on Tuesday: 17:00.
        due = self.due(msk("2026-11-23 10:00"), QUESTION)
        self.assertEqual((due.at, due.end_of_day, due.provisional), (msk("2026-11-24 17:00"), False, False))
        # Received at 19:00, after hours: the clock starts on Tuesday at 9:00; 9 hours on
        # Tuesday, 7 on Wednesday: 16:00.
        self.assertEqual(self.due(msk("2026-11-23 19:00"), QUESTION).at, msk("2026-11-25 16:00"))
        # Received on Saturday: Monday from 9:00.
        self.assertEqual(self.due(msk("2026-11-21 12:00"), QUESTION).at, msk("2026-11-24 16:00"))
        # Received Wednesday 30 December at 17:00: 1 hour; 31 December and 1-10 January off;
        # 9 hours on Monday 11 January 2027, 6 on Tuesday: 15:00, provisional.
        due = self.due(msk("2026-12-30 17:00"), QUESTION)
        self.assertEqual((due.at, due.provisional), (msk("2027-01-12 15:00"), True))

    def test_rules(self):
        self.assertEqual(Rule.parse("business_days:10"), CLAIM)
        for bad in ("", "days:10", "business_days:0", "business_days:-1", "business_days:ten"):
            with self.assertRaises(DeadlineError):
                Rule.parse(bad)
        with self.assertRaises(DeadlineError):
            self.clock.due(datetime.datetime(2026, 1, 1), CLAIM)  # a naive time

    def test_a_calendar_without_working_days_fails_instead_of_looping(self):
        data = copy.deepcopy(load_data())
        data["weekend"] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        with self.assertRaises(DeadlineError):
            Clock(Calendar(data), MOSCOW).due(msk("2026-01-01 00:00"), CLAIM)


PRETRIAL = {"pretrial_name": "Ivan Petrov", "pretrial_date": "2026-11-02", "pretrial_method": "post",
            "pretrial_reference": "80091234567890", "pretrial_subject": "Hints paid for and not given",
            "pretrial_demands": "Refund 299 roubles", "pretrial_evidence": "Bank statement of 1 November"}


def claim_fields(**changes):
    with open(os.path.join(REPO, "legal", "sites", "astradia", "published.json"), encoding="utf-8") as f:
        digest = json.load(f)["support-consent"]["1.0"]["en"]
    fields = {"kind": "claim", "desk": "partner-demo", "message": "Since then nothing happened.",
              "email": "player@example.org", "language": "en", "acceptance.document": "support-consent",
              "acceptance.version": "1.0", "acceptance.hash": digest, "acceptance.time": "2026-12-07T10:00:00.000Z",
              "acceptance.language": "en", **PRETRIAL}
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not None}


class PartnerDeskTest(unittest.TestCase):
    """The desk as the server builds it (the default settings and the two legal sites' files)."""

    def setUp(self):
        self.desk = Desk(config.load(environ={}).support)

    def ticket(self, received, **changes):
        changes.setdefault("pretrial_date", (received.astimezone(MOSCOW).date() - datetime.timedelta(days=3)).isoformat())
        parts = self.desk.check(claim_fields(**changes), now=received)
        return self.desk.new_ticket(parts, now=received)[0]

    def assert_due(self, ticket, day, provisional=False):
        self.assertEqual((ticket["due_rule"], ticket["due_last_day"], ticket["due_provisional"]),
                         ("calendar_days:30", day, provisional))
        # the end of that day in Moscow (21:00 UTC, Moscow has no summer time)
        self.assertEqual(ticket["due"], day + "T21:00:00.000Z")

    def test_thirty_calendar_days_across_a_month_end(self):
        # Received Saturday 31 January 2026: day 1 is 1 February, 28 February is day 28, Sunday 1
        # March day 29, Monday 2 March day 30 (a working day).
        t = self.ticket(msk("2026-01-31 12:00"))
        self.assertEqual((t["desk"], t["kind"]), ("partner-demo", "claim"))
        self.assert_due(t, "2026-03-02")
        # 21:30 UTC on 31 January is 00:30 on 1 February in Moscow: counting from 2 February, day
        # 30 is Tuesday 3 March.
        self.assert_due(self.ticket(datetime.datetime(2026, 1, 31, 21, 30, tzinfo=UTC)), "2026-03-03")
        # Received Monday 30 November 2026: day 30 is Wednesday 30 December, a working day.
        self.assert_due(self.ticket(msk("2026-11-30 17:45")), "2026-12-30")

    def test_thirty_calendar_days_across_the_new_year(self):
        # Received Tuesday 15 December 2026: 16-31 December are days 1-16, 1 January 2027 day 17,
        # Thursday 14 January day 30, a working day of the provisional 2027.
        self.assert_due(self.ticket(msk("2026-12-15 10:00")), "2027-01-14", provisional=True)
        # Received 1 December 2026: day 30 is Thursday 31 December, a day off by the decree; 1-8
        # January are holidays and 9-10 a weekend: the period ends on Monday 11 January (art. 193).
        self.assert_due(self.ticket(msk("2026-12-01 09:00")), "2027-01-11", provisional=True)

    def test_the_operator_keeps_its_ten_business_days(self):
        t = self.ticket(msk("2026-04-30 11:00"), desk="astradia")
        self.assertEqual((t["desk"], t["due_rule"], t["due_last_day"], t["pretrial"]),
                         ("astradia", "business_days:10", "2026-05-18", None))
        # a question never goes to the partner, whatever the form says, and carries no pre-trial claim
        t = self.ticket(msk("2026-11-23 10:00"), kind="question")
        self.assertEqual((t["desk"], t["due_rule"], t["pretrial"]), ("astradia", "business_hours:16", None))

    def test_the_pre_trial_claim_is_stored_as_described(self):
        t = self.ticket(msk("2026-12-07 10:00"), pretrial_date="2026-11-02", pretrial_reference="",
                        pretrial_evidence="  ")
        self.assertEqual(t["pretrial"], {"name": "Ivan Petrov", "date": "2026-11-02", "method": "post",
                                         "reference": "", "subject": "Hints paid for and not given",
                                         "demands": "Refund 299 roubles", "evidence": ""})

    def test_a_partner_claim_without_its_pre_trial_details_is_refused(self):
        now = msk("2026-12-07 10:00")
        cases = [
            ({"pretrial_name": None}, ("pretrial_name", "empty")),
            ({"pretrial_name": "  "}, ("pretrial_name", "empty")),
            ({"pretrial_date": None}, ("pretrial_date", "empty")),
            ({"pretrial_date": "2026-02-30"}, ("pretrial_date", "syntax")),
            ({"pretrial_date": "07.12.2026"}, ("pretrial_date", "syntax")),
            ({"pretrial_date": "2026-12-09"}, ("pretrial_date", "future")),
            ({"pretrial_date": "1999-12-31"}, ("pretrial_date", "range")),
            ({"pretrial_method": None}, ("pretrial_method", "choose")),
            ({"pretrial_method": "pigeon"}, ("pretrial_method", "choose")),
            ({"pretrial_subject": ""}, ("pretrial_subject", "empty")),
            ({"pretrial_demands": None}, ("pretrial_demands", "empty")),
            ({"pretrial_demands": "x" * 1001}, ("pretrial_demands", "too_long")),
            ({"pretrial_evidence": "x" * 1001}, ("pretrial_evidence", "too_long")),
            ({"desk": "elsewhere"}, ("desk", "choose")),
            # the pre-trial claim comes first: with it missing, an empty message is not what is named
            ({"pretrial_subject": "", "message": ""}, ("pretrial_subject", "empty")),
        ]
        for changes, (field, code) in cases:
            with self.subTest(changes=changes):
                with self.assertRaises(Refusal) as caught:
                    self.desk.check(claim_fields(**changes), now=now)
                self.assertEqual((caught.exception.field, caught.exception.code), (field, code))
        # tomorrow in Moscow is allowed (a player east of Moscow may already be there)
        self.assertEqual(self.desk.check(claim_fields(pretrial_date="2026-12-08"), now=now)["pretrial"]["date"],
                         "2026-12-08")


if __name__ == "__main__":
    unittest.main()
