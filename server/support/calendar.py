"""Purpose: a country's production calendar, read from a JSON file kept in the repository
(calendars/ru.json): which dates are business days, and which years are only provisional.

A business day is neither a weekend day nor a non-working day listed for its year; a weekend day
listed as working (a transferred working Saturday) is a business day. A year the file marks
"decreed" is taken as written. A year marked "provisional", or missing from the file, is computed
from the file's rules (the Labour Code's art. 112 holidays; a holiday on a weekend moves to the next
working day, except the ones only a decree moves), and a deadline that depends on such a year says
so. `python3 -m server.support.calendar FILE YEAR` prints a year's provisional entry, for the
operator to paste before the decree is out.
"""
import datetime
import json
import re
import sys

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
STATUSES = ("decreed", "provisional")
MONTH_DAY = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
DATE_OR_RANGE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:\.\.([0-9]{4}-[0-9]{2}-[0-9]{2}))?")


class CalendarError(ValueError):
    """The calendar file cannot be used; the message names the file and the entry."""


class Calendar:
    """Business days by a production calendar. Build with Calendar.load(path) or Calendar(data, where)."""

    def __init__(self, data, where="calendar"):
        self.where = where
        if not isinstance(data, dict):
            raise CalendarError(f"{where}: expected a JSON object")
        weekend = data.get("weekend")
        if not isinstance(weekend, list) or not weekend or any(d not in DAY_NAMES for d in weekend):
            raise CalendarError(f"{where}: weekend must list day names ({', '.join(DAY_NAMES)})")
        self.weekend = frozenset(DAY_NAMES.index(d) for d in weekend)
        rules = data.get("rules")
        if not isinstance(rules, dict):
            raise CalendarError(f"{where}: rules must be an object")
        self.holidays = self._month_days(rules.get("holidays"), "rules.holidays")
        self.decree_only = self._month_days(rules.get("moved_only_by_decree", []), "rules.moved_only_by_decree")
        self.move_weekend_holidays = rules.get("weekend_moves_to_next_working_day") is True
        years = data.get("years")
        if not isinstance(years, dict):
            raise CalendarError(f"{where}: years must be an object")
        self.years = {}
        for key, entry in years.items():
            if not re.fullmatch(r"[0-9]{4}", key):
                raise CalendarError(f"{where}: years.{key}: the key must be a year (YYYY)")
            self.years[int(key)] = self._year(int(key), entry)
        self._computed = {}

    @classmethod
    def load(cls, path):
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except FileNotFoundError:
            raise CalendarError(f"{path}: no such calendar file") from None
        except (OSError, ValueError) as exc:
            raise CalendarError(f"{path}: cannot be read as JSON: {exc}") from None
        return cls(data, path)

    # --- reading the file -------------------------------------------------------------------
    def _month_days(self, value, key):
        if not isinstance(value, list) or any(not isinstance(v, str) or not MONTH_DAY.fullmatch(v) for v in value):
            raise CalendarError(f"{self.where}: {key} must list MM-DD dates")
        return tuple(sorted(set(value)))

    def _dates(self, year, value, key):
        if not isinstance(value, list):
            raise CalendarError(f"{self.where}: years.{year}.{key} must be a list")
        out = set()
        for item in value:
            m = DATE_OR_RANGE.fullmatch(item) if isinstance(item, str) else None
            try:
                first = datetime.date.fromisoformat(m.group(1)) if m else None
                last = datetime.date.fromisoformat(m.group(2)) if m and m.group(2) else first
            except ValueError:
                first = None
            if first is None or last < first:
                raise CalendarError(f"{self.where}: years.{year}.{key}: {item!r} is not a date "
                                    "(YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)")
            if first.year != year or last.year != year:
                raise CalendarError(f"{self.where}: years.{year}.{key}: {item!r} is not in {year}")
            d = first
            while d <= last:
                out.add(d)
                d += datetime.timedelta(days=1)
        return frozenset(out)

    def _year(self, year, entry):
        if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
            raise CalendarError(f"{self.where}: years.{year}.status must be one of {', '.join(STATUSES)}")
        off = self._dates(year, entry.get("non_working", []), "non_working")
        working = self._dates(year, entry.get("working", []), "working")
        for d in sorted(working):
            if d.weekday() not in self.weekend:
                raise CalendarError(f"{self.where}: years.{year}.working: {d} is not a weekend day "
                                    "(only a weekend day can be made a working day)")
            if d in off:
                raise CalendarError(f"{self.where}: years.{year}: {d} is both working and non-working")
        return {"status": entry["status"], "non_working": off, "working": working}

    # --- questions ------------------------------------------------------------------------------
    def _entry(self, year):
        entry = self.years.get(year)
        if entry is not None:
            return entry
        if year not in self._computed:
            self._computed[year] = self.provisional_year(year)
        return self._computed[year]

    def is_business_day(self, day):
        entry = self._entry(day.year)
        if day in entry["working"]:
            return True
        return day.weekday() not in self.weekend and day not in entry["non_working"]

    def is_provisional(self, day):
        """True when `day` belongs to a year the calendar has only computed, not taken from a decree."""
        return self._entry(day.year)["status"] != "decreed"

    def provisional_year(self, year):
        """A year computed from the rules: each holiday is a day off; one that falls on a weekend
        moves to the next day that is neither a weekend day nor a holiday nor already taken,
        except those only a decree moves."""
        holidays = sorted(datetime.date(year, int(md[:2]), int(md[3:])) for md in self.holidays
                          if not (md == "02-29" and not _leap(year)))
        off = set(holidays)
        for h in holidays:
            if h.weekday() in self.weekend and self.move_weekend_holidays and h.strftime("%m-%d") not in self.decree_only:
                d = h + datetime.timedelta(days=1)
                while d.year == year and (d.weekday() in self.weekend or d in off):
                    d += datetime.timedelta(days=1)
                if d.year == year:
                    off.add(d)
        return {"status": "provisional", "non_working": frozenset(off), "working": frozenset()}


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def ranges(days):
    """Sorted dates as the file writes them: single dates and YYYY-MM-DD..YYYY-MM-DD runs."""
    out, run = [], []
    for d in sorted(days):
        if run and d - run[-1] == datetime.timedelta(days=1):
            run.append(d)
            continue
        if run:
            out.append(_run(run))
        run = [d]
    if run:
        out.append(_run(run))
    return out


def _run(run):
    return run[0].isoformat() if len(run) == 1 else f"{run[0].isoformat()}..{run[-1].isoformat()}"


def main(argv):
    if len(argv) != 2 or not argv[1].isdigit():
        print("usage: python3 -m server.support.calendar CALENDAR.json YEAR   (prints the year's provisional entry)",
              file=sys.stderr)
        return 2
    try:
        cal = Calendar.load(argv[0])
    except CalendarError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    entry = cal.provisional_year(int(argv[1]))
    print(json.dumps({argv[1]: {"status": "provisional", "non_working": ranges(entry["non_working"]), "working": []}},
                     ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
