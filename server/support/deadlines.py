"""Purpose: when a ticket is due. A rule is an amount of business days, calendar days or business
hours; the clock counts time in the operator's time zone on a production calendar
(calendar.py), skips the intervals when it was paused (waiting for the player), and says whether
the answer depends on a provisional year.

- Days (a claim's legal period) start the day after receipt (Civil Code art. 191), whatever the hour:
  10 business days after a claim received on Monday end at the end of the 10th business day from
  Tuesday. Receipt is the calendar date in the operator's time zone, so 23:30 UTC on Thursday is
  Friday in Moscow.
- Calendar days end at the end of the last day; when that day is not a business day the period
  ends at the end of the next business day (Civil Code art. 193).
- Business hours (a service target) run between the working day's start and end on business days
  from the moment of receipt: a ticket received after hours starts the clock the next business
  morning.
- A pause removes its interval from the count; the due time moves on by the counting time it held
  (a pause over a weekend moves a business-day deadline by nothing).
"""
import datetime
import re
from dataclasses import dataclass

UTC = datetime.timezone.utc
UNITS = ("business_days", "calendar_days", "business_hours")
MAX_DAYS = 3700  # about ten years: a calendar without working time fails instead of looping


class DeadlineError(ValueError):
    """A rule or a clock that cannot give a due time."""


@dataclass(frozen=True)
class Rule:
    unit: str
    amount: int

    def __post_init__(self):
        if self.unit not in UNITS or not isinstance(self.amount, int) or not 1 <= self.amount <= 10000:
            raise DeadlineError(f"not a deadline rule: {self.unit} {self.amount!r}")

    def text(self):
        """The stored form, e.g. business_days:10."""
        return f"{self.unit}:{self.amount}"

    @classmethod
    def parse(cls, text):
        m = re.fullmatch(r"([a-z_]+):([0-9]{1,5})", text or "")
        if not m:
            raise DeadlineError(f"not a deadline rule: {text!r}")
        return cls(m.group(1), int(m.group(2)))


@dataclass(frozen=True)
class Due:
    at: datetime.datetime      # the instant (UTC)
    last_day: datetime.date    # the local date the period ends on
    end_of_day: bool           # True: at the end of last_day (local midnight after it)
    provisional: bool          # a day the count went through lies in a provisional year


@dataclass(frozen=True)
class Clock:
    """The operator's working time: a Calendar, a time zone (zoneinfo) and the working day's hours."""
    calendar: object
    zone: datetime.tzinfo
    day_start: datetime.time = datetime.time(9, 0)
    day_end: datetime.time = datetime.time(18, 0)

    def local_midnight(self, day):
        return datetime.datetime.combine(day, datetime.time(0), self.zone).astimezone(UTC)

    def windows(self, day, unit):
        """The counting intervals (UTC) of local date `day` for `unit`."""
        if unit == "calendar_days":
            return [(self.local_midnight(day), self.local_midnight(day + datetime.timedelta(days=1)))]
        if not self.calendar.is_business_day(day):
            return []
        if unit == "business_days":
            return [(self.local_midnight(day), self.local_midnight(day + datetime.timedelta(days=1)))]
        return [(datetime.datetime.combine(day, self.day_start, self.zone).astimezone(UTC),
                 datetime.datetime.combine(day, self.day_end, self.zone).astimezone(UTC))]

    def local_date(self, instant):
        return instant.astimezone(self.zone).date()

    def due(self, received, rule, pauses=(), now=None):
        """The Due of a ticket received at `received` (aware) under `rule`, with the clock paused
        over `pauses` ([(start, end or None)]: an open pause lasts until `now`)."""
        if received.tzinfo is None:
            raise DeadlineError("received must carry a time zone")
        now = now or datetime.datetime.now(UTC)
        gaps = _merge([(a, b if b is not None else max(a, now)) for a, b in pauses])
        if rule.unit == "business_hours":
            start, budget = received, rule.amount * 3600.0
        else:
            start, budget = self.local_midnight(self.local_date(received) + datetime.timedelta(days=1)), rule.amount * 86400.0
        day = self.local_date(start)
        provisional = False
        consumed = 0.0
        for _ in range(MAX_DAYS):
            provisional = provisional or self.calendar.is_provisional(day)
            for ws, we in self.windows(day, rule.unit):
                ws = max(ws, start)
                for a, b in _subtract(ws, we, gaps):
                    length = (b - a).total_seconds()
                    if consumed + length >= budget:
                        return self._finish(a + datetime.timedelta(seconds=budget - consumed), rule, provisional)
                    consumed += length
            day += datetime.timedelta(days=1)
        raise DeadlineError(f"no working time within {MAX_DAYS} days of {received.isoformat()}")

    def _finish(self, at, rule, provisional):
        local = at.astimezone(self.zone)
        end_of_day = local.time() == datetime.time(0) and rule.unit != "business_hours"
        last = local.date() - datetime.timedelta(days=1) if end_of_day else local.date()
        if rule.unit == "calendar_days":
            provisional = provisional or self.calendar.is_provisional(last)
            if not self.calendar.is_business_day(last):  # art. 193: to the next working day
                for _ in range(MAX_DAYS):
                    last += datetime.timedelta(days=1)
                    provisional = provisional or self.calendar.is_provisional(last)
                    if self.calendar.is_business_day(last):
                        break
                at, end_of_day = self.local_midnight(last + datetime.timedelta(days=1)), True
        return Due(at=at.astimezone(UTC), last_day=last, end_of_day=end_of_day, provisional=provisional)


def _merge(intervals):
    out = []
    for a, b in sorted(i for i in intervals if i[1] > i[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _subtract(a, b, gaps):
    """[a, b) without the (merged, sorted) gaps, as a list of intervals."""
    out = []
    for ga, gb in gaps:
        if gb <= a or ga >= b:
            continue
        if ga > a:
            out.append((a, ga))
        a = max(a, gb)
        if a >= b:
            return out
    if a < b:
        out.append((a, b))
    return out
