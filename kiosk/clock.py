"""The office's wall clock.

Every timestamp in the database is naive local time in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no
daylight saving), because appointments, cut-offs and working days are all local notions and the
machine's own clock may be set to UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo
from functools import cache
from time import monotonic

OFFICE_ZONE_NAME = "Asia/Ho_Chi_Minh"

Clock = Callable[[], datetime]
# Seconds on a clock that only moves forward (time.monotonic): for intervals (idle, repeat gap,
# countdowns), which must not freeze when NTP steps the wall clock back.
Ticks = Callable[[], float]
monotonic_ticks: Ticks = monotonic

# How often a station tells the database it is alive (kept here, light enough for the kiosk's
# start path); the manager hears of a kiosk silent for ten of these.
CONTACT_SECONDS = 60


@cache
def office_zone() -> tzinfo:
    from zoneinfo import ZoneInfo  # loaded on first use: the start path does not need it

    return ZoneInfo(OFFICE_ZONE_NAME)


def office_now() -> datetime:
    return datetime.now(office_zone()).replace(tzinfo=None)


def day_range(start: date, end: date) -> tuple[datetime, datetime]:
    """From the start of `start` up to, not including, the start of the day after `end`."""
    return datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)


def as_office_time(moment: datetime) -> datetime:
    """`moment` as stored and hashed: the office's naive wall-clock time. A time that carries a
    zone (an offset typed in a file, UTC from another system) is converted, never just cut."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(office_zone()).replace(tzinfo=None)
