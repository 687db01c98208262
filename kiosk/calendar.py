"""Working days and appointments (hẹn trả kết quả).

A working day is Monday to Friday, not a Vietnamese public holiday (with the substitute days the
government declares, from the `holidays` package) and not one of the office's own days off.
Counting starts on the working day after receipt; a same-day service is due on the day of receipt,
or on the next working day when it arrives after the office's afternoon cut-off. A dossier received
on a non-working day counts as received at the start of the next working day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

DEFAULT_CUTOFF = time(15, 0)
SATURDAY = 5


class WorkingCalendar:
    def __init__(self, extra_days_off: Iterable[date] = (), cutoff: time = DEFAULT_CUTOFF) -> None:
        self.extra_days_off = frozenset(extra_days_off)
        self.cutoff = cutoff

    @cached_property
    def _public_holidays(self) -> HolidayBase:
        # Loaded on the first date asked about, not on import: the citizen's kiosk opens its
        # database without the holiday tables. The table grows year by year as dates are asked.
        import holidays

        return holidays.country_holidays("VN", language="vi")

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() < SATURDAY
            and day not in self._public_holidays
            and day not in self.extra_days_off
        )

    def holiday_name(self, day: date) -> str | None:
        name = self._public_holidays.get(day)
        return str(name) if name else None

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (`day` itself when count is 0)."""
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def due_date(self, received_at: datetime, processing_days: int) -> date:
        if processing_days < 0:
            raise ValueError("processing time cannot be negative")
        day = received_at.date()
        if not self.is_working_day(day):
            # Received on a day off: it counts from the start of the next working day,
            # so the afternoon cut-off does not apply.
            day = self.next_working_day(day)
        elif processing_days == 0 and received_at.time() >= self.cutoff:
            return self.next_working_day(day)
        return self.add_working_days(day, processing_days)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how many days of counting `end` is after `start`."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count
