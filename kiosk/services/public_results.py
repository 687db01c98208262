"""This month's public results (công khai) for the kiosk's start screen: what citizens may see
of the office's service, beside the province's targets, and when there is too little to show.

The figures are the export's own (kiosk.reports.indicators); this module only says which
period they cover and when they rest on enough to be shown. It sits below the reports layer,
so the kiosk's backend is handed the reader (kiosk.reports.public_results.month_results).

- Satisfaction: the ratings given from the 1st of the month to today, as the export counts them.
- On time and early: the dossiers whose appointment day fell between the 1st and yesterday.
  Today's appointments are left out because they are still open: counted in the morning they
  would lower the on-time rate of an office that returns them all by the evening.
Only office-wide figures: never a rating, a dossier or a clerk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Types only: the start screen imports this module on the way to its first frame.
    from collections.abc import Callable
    from datetime import date, datetime
    from decimal import Decimal

    from sqlalchemy.orm import Session

# Below this many ratings a share is noise: one unhappy citizen moves 20 ratings by 5 points,
# and a start screen that swings like that would mislead rather than inform.
MIN_RATINGS_TO_SHOW = 30
# The same reasoning for the on-time and early rates, whose base is the dossiers due.
MIN_DUE_TO_SHOW = 30

# How often the kiosk reads the figures again: they move slowly, the database has other work.
REFRESH_SECONDS = 5 * 60


@dataclass(frozen=True)
class MonthResults:
    month: date  # the 1st of the month shown
    ratings: int
    satisfaction_rate: Decimal | None  # per cent, one decimal
    due: int  # dossiers whose appointment day has passed this month
    on_time_rate: Decimal | None
    early_rate: Decimal | None
    target_satisfaction: Decimal
    target_on_time: Decimal
    target_early: Decimal

    @property
    def satisfaction_shown(self) -> bool:
        return self.ratings >= MIN_RATINGS_TO_SHOW and self.satisfaction_rate is not None

    @property
    def timeliness_shown(self) -> bool:
        return self.due >= MIN_DUE_TO_SHOW and self.on_time_rate is not None


if TYPE_CHECKING:
    # Reads the results of the office (its code, None for the only one) for the month of `now`.
    MonthResultsReader = Callable[[Session, str | None, datetime], MonthResults]


def month_start(day: date) -> date:
    return day.replace(day=1)
