"""The "Mức độ hài lòng" group of Decision 766/QĐ-TTg: 18 points in three parts of 6.

Rates as Decision 766 defines them, points as the national portal (Cổng DVCQG) scores them —
the appendix of the Decision itself could not be read (README, "Feedback cases"):
- dossiers: (due − late, rated unsatisfied or complained about) / due (the same count as the
  report's "Decision 766 rate"); full 6 points from 90 %, 6 × rate / 90 % below; 0 without dossiers;
- feedback cases handled on time: answered by their due time (still open and not yet due at the
  end of the period counts as on time) / cases received in the period, those transferred to
  another body left out; 6 × rate, 6 without cases;
- satisfaction with the handling: cases neither rated unsatisfied nor late / cases; a case with
  no rating counts as satisfied unless late; 6 × rate, 6 without cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.answers import UNHAPPY
from kiosk.clock import day_range
from kiosk.db.case_models import CaseState, FeedbackCase
from kiosk.db.models import Rating
from kiosk.i18n import N_
from kiosk.reports.indicators import Tally, compute, rate
from kiosk.services.cases import is_overdue

PART_POINTS = Decimal(6)
FULL_FROM = Decimal("0.9")  # dossiers: full points from 90 % satisfied

DOSSIERS = N_("Satisfaction with receiving and settling dossiers")
CASES_ON_TIME = N_("Feedback cases handled on time")
CASES_SATISFIED = N_("Satisfaction with how feedback cases were handled")


@dataclass(frozen=True)
class Part766:
    title: str  # a message id
    counted: int
    good: int
    points: Decimal  # out of 6, two decimals

    @property
    def rate(self) -> Decimal | None:
        return rate(self.good, self.counted)


@dataclass(frozen=True)
class Group766:
    dossiers: Part766
    cases_on_time: Part766
    cases_satisfied: Part766

    @property
    def parts(self) -> tuple[Part766, Part766, Part766]:
        return (self.dossiers, self.cases_on_time, self.cases_satisfied)

    @property
    def points(self) -> Decimal:
        return sum((part.points for part in self.parts), Decimal(0))


def _points(value: Decimal) -> Decimal:
    return min(PART_POINTS, value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def dossier_part(unit: Tally) -> Part766:
    good = unit.due - unit.bad_766
    points = Decimal(0) if unit.due == 0 else PART_POINTS * good / (unit.due * FULL_FROM)
    return Part766(DOSSIERS, unit.due, good, _points(points))


def case_part(title: str, counted: int, good: int) -> Part766:
    points = PART_POINTS if counted == 0 else PART_POINTS * good / counted
    return Part766(title, counted, good, _points(points))


def group_766(
    session: Session, office_id: int, start: date, end: date, now: datetime, unit: Tally
) -> Group766:
    """`unit`: the office's tally for the period (kiosk.reports.indicators.compute)."""
    begin, finish = day_range(start, end)
    judged_at = min(now, finish)
    rows = session.execute(
        select(FeedbackCase, Rating.satisfaction)
        .outerjoin(Rating, Rating.case_id == FeedbackCase.id)
        .where(
            FeedbackCase.office_id == office_id,
            FeedbackCase.opened_at >= begin,
            FeedbackCase.opened_at < finish,
            FeedbackCase.state != CaseState.TRANSFERRED,
        )
    ).all()
    late = [is_overdue(case, judged_at) for case, _ in rows]
    unsatisfied = [satisfaction in UNHAPPY for _, satisfaction in rows]
    on_time = late.count(False)
    satisfied = sum(
        1 for bad, unhappy in zip(late, unsatisfied, strict=True) if not (bad or unhappy)
    )
    return Group766(
        dossier_part(unit),
        case_part(CASES_ON_TIME, len(rows), on_time),
        case_part(CASES_SATISFIED, len(rows), satisfied),
    )


def office_group_766(
    session: Session, office_id: int, start: date, end: date, now: datetime
) -> Group766:
    unit = compute(session, office_id, start, end, now.date()).unit
    return group_766(session, office_id, start, end, now, unit)
