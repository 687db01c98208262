"""The office's wall clock.

Every timestamp in the database is naive local time in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no
daylight saving), because appointments, cut-offs and working days are all local notions and the
machine's own clock may be set to UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

OFFICE_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")

Clock = Callable[[], datetime]


def office_now() -> datetime:
    return datetime.now(OFFICE_ZONE).replace(tzinfo=None)
