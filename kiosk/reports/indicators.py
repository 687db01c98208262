"""The official indicators for a period, aggregated in the database (it scales to a province).

Definitions (../shared/DOMAIN.md):
- Dossiers *due* in the period are those whose original appointment day falls in it. Each is
  early (returned before that day), on time (returned on it), late (returned after it, or not
  returned and the day has passed) or still processing.
- On-time rate = (early + on time) / due; early rate = early / due.
- Decision 766 rate = (due − those late, rated unsatisfied or complained about, or the subject
  of a feedback case) / due.
- Satisfaction rate = (satisfied + very satisfied) / ratings given in the period.
- Circular 01/2018 indicators, each 0–2 and averaged to one decimal, left out without data:
  1 from the timings of the dossiers due (early 2, on time 1, late 0); 3 from the record, for
  each rated dossier: no Form 02 issued 2, one 1, more 0 (the citizen's own answer is kept
  beside it, "as answered"); 4 from the answers of the period's ratings; 7 from a rating's
  complaint answer and its dossier's timing (complaint 0; otherwise early 2, on time 1, late 0).
- A dossier refused at the counter (Form 03) is not processed: it is never due, early or late.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from kiosk.answers import HAPPY, UNHAPPY, RatingChannel
from kiosk.clock import day_range
from kiosk.db.case_models import FeedbackCase
from kiosk.db.models import Dossier, Rating, SupplementRequest
from kiosk.services.offices import ratings_of

# A dossier's timing scored for indicators 1 and 7 (Circular 01/2018): early, on time, late.
EARLY_SCORE, ON_TIME_SCORE, LATE_SCORE = 2, 1, 0


def mean_one_decimal(total: int, count: int) -> Decimal | None:
    if count == 0:
        return None
    return (Decimal(total) / Decimal(count)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def rate(part: int, whole: int) -> Decimal | None:
    """A percentage with one decimal, or None when there is nothing to divide by."""
    if whole == 0:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Tally:
    """Sums that add up across services and clerks; the figures are derived from them."""

    due: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    bad_766: int = 0
    ratings: int = 0
    paper_ratings: int = 0
    satisfied: int = 0
    ind3_sum: int = 0  # from the Form 02s recorded
    ind3_count: int = 0
    ind3_asked_sum: int = 0  # as the citizens answered
    ind3_asked_count: int = 0
    ind4_sum: int = 0
    ind4_count: int = 0
    ind7_sum: int = 0
    ind7_count: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def on_time_rate(self) -> Decimal | None:
        return rate(self.early + self.on_time, self.due)

    @property
    def early_rate(self) -> Decimal | None:
        return rate(self.early, self.due)

    @property
    def rate_766(self) -> Decimal | None:
        return rate(self.due - self.bad_766, self.due)

    @property
    def satisfaction_rate(self) -> Decimal | None:
        return rate(self.satisfied, self.ratings)

    @property
    def indicators(self) -> dict[int, Decimal]:
        """Circular 01/2018 indicator means that have data: {1: 1.5, 3: 1.8, …}."""
        means = {
            1: mean_one_decimal(
                self.early * EARLY_SCORE + self.on_time * ON_TIME_SCORE + self.late * LATE_SCORE,
                self.early + self.on_time + self.late,
            ),
            3: mean_one_decimal(self.ind3_sum, self.ind3_count),
            4: mean_one_decimal(self.ind4_sum, self.ind4_count),
            7: mean_one_decimal(self.ind7_sum, self.ind7_count),
        }
        return {number: value for number, value in means.items() if value is not None}

    @property
    def indicator_3_asked(self) -> Decimal | None:
        """Indicator 3 as the citizens answered it, shown beside the recorded one."""
        return mean_one_decimal(self.ind3_asked_sum, self.ind3_asked_count)

    @property
    def indicator_total(self) -> Decimal | None:
        values = self.indicators.values()
        return sum(values, Decimal(0)) if values else None


@dataclass
class PeriodReport:
    start: date
    end: date
    received: int
    returned: int
    supplements: int = 0  # Form 02s issued in the period
    refused: int = 0  # Form 03s issued in the period
    unit: Tally = field(default_factory=Tally)
    by_service: dict[int, Tally] = field(default_factory=dict)
    by_clerk: dict[int, Tally] = field(default_factory=dict)


def status_conditions(today: date) -> tuple[Any, Any, Any]:
    """SQL conditions for a dossier being early, on time and late, as of `today`."""
    today_start = datetime.combine(today, time.min)
    # date() is a function in both SQLite and PostgreSQL; CAST(… AS DATE) is not on SQLite.
    due_day = func.date(Dossier.due_at)
    returned_day = func.date(Dossier.returned_at)
    returned = Dossier.returned_at.is_not(None)
    early = and_(returned, returned_day < due_day)
    on_time = and_(returned, returned_day == due_day)
    late = or_(
        and_(returned, returned_day > due_day),
        and_(Dossier.returned_at.is_(None), processed_condition(), Dossier.due_at < today_start),
    )
    return early, on_time, late


def processed_condition() -> Any:
    """A dossier the office took on: not refused at the counter (Form 03)."""
    return Dossier.refused_at.is_(None)


def form_02_score(issued: Any) -> Any:
    """Indicator 3 from the record: no Form 02 → 2, one → 1, more → 0."""
    return case((issued == 0, 2), (issued == 1, 1), else_=0)


# The per-rating scores below are the one definition of indicators 3 and 7, and of indicator 1
# of one dossier: the period report averages them (compute; indicator 1 from the counts of
# status_conditions, with the same scores) and the ratings export hands each one back as it is.


def timing_score(today: date) -> Any:
    """Indicator 1 of a dossier as of `today`: early 2, on time 1, late 0, else None."""
    early, on_time, late = status_conditions(today)
    return case((early, EARLY_SCORE), (on_time, ON_TIME_SCORE), (late, LATE_SCORE), else_=None)


def form_02_counts() -> Any:
    """A subquery of how many Form 02s each dossier was issued (dossier_id, n)."""
    return (
        select(SupplementRequest.dossier_id.label("dossier_id"), func.count().label("n"))
        .group_by(SupplementRequest.dossier_id)
        .subquery()
    )


def recorded_contacts_score(issued: Any) -> Any:
    """Indicator 3 of a rating from the record, joined to `issued` (form_02_counts); a walk-in
    rating has no dossier and so none."""
    return case(
        (Rating.dossier_id.is_(None), None),
        else_=form_02_score(func.coalesce(issued.c.n, 0)),
    )


def conduct_score(today: date) -> Any:
    """Indicator 7 of a rating: the complaint answer, then the dossier's timing (walk-ins have
    none)."""
    early, on_time, late = status_conditions(today)
    answered_no = Rating.conduct_complaint.is_(False)
    return case(
        (Rating.conduct_complaint.is_(True), 0),
        (and_(answered_no, early), EARLY_SCORE),
        (and_(answered_no, on_time), ON_TIME_SCORE),
        (and_(answered_no, late), LATE_SCORE),
        else_=None,
    )


def compute(session: Session, office_id: int, start: date, end: date, today: date) -> PeriodReport:
    begin, finish = day_range(start, end)
    early, on_time, late = status_conditions(today)
    petitioned = exists().where(FeedbackCase.dossier_id == Dossier.id)
    bad = or_(
        late,
        Rating.satisfaction.in_(UNHAPPY),
        Rating.conduct_complaint.is_(True),
        petitioned,
    )

    def count(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    report = PeriodReport(start, end, 0, 0)
    dossiers = session.execute(
        select(
            Dossier.service_id,
            Dossier.clerk_id,
            func.count(),
            count(early),
            count(on_time),
            count(late),
            count(bad),
        )
        .outerjoin(Rating, Rating.dossier_id == Dossier.id)
        .where(
            Dossier.office_id == office_id,
            Dossier.due_at >= begin,
            Dossier.due_at < finish,
            processed_condition(),
        )
        .group_by(Dossier.service_id, Dossier.clerk_id)
    ).all()
    for service_id, clerk_id, due, n_early, n_on_time, n_late, n_bad in dossiers:
        _merge(
            report,
            service_id,
            clerk_id,
            Tally(due=due, early=n_early, on_time=n_on_time, late=n_late, bad_766=n_bad),
        )

    ind7 = conduct_score(today)
    rated_begin, rated_finish = day_range(start, end)
    issued = form_02_counts()
    ind3 = recorded_contacts_score(issued)
    ratings = session.execute(
        select(
            Rating.service_id,
            Rating.clerk_id,
            func.count(),
            count(Rating.channel == RatingChannel.PAPER),
            count(Rating.satisfaction.in_(HAPPY)),
            func.coalesce(func.sum(ind3), 0),
            func.count(ind3),
            func.coalesce(func.sum(Rating.contacts_score), 0),
            func.count(Rating.contacts_score),
            func.coalesce(func.sum(Rating.agencies_score), 0),
            func.count(Rating.agencies_score),
            func.coalesce(func.sum(ind7), 0),
            func.count(ind7),
        )
        .outerjoin(Dossier, Rating.dossier_id == Dossier.id)
        .outerjoin(issued, issued.c.dossier_id == Rating.dossier_id)
        .where(
            Rating.created_at >= rated_begin,
            Rating.created_at < rated_finish,
            ratings_of(session, office_id),
        )
        .group_by(Rating.service_id, Rating.clerk_id)
    ).all()
    for service_id, clerk_id, n, paper, happy, s3, c3, a3, n3, s4, c4, s7, c7 in ratings:
        _merge(
            report,
            service_id,
            clerk_id,
            Tally(
                ratings=n,
                paper_ratings=paper,
                satisfied=happy,
                ind3_sum=s3,
                ind3_count=c3,
                ind3_asked_sum=a3,
                ind3_asked_count=n3,
                ind4_sum=s4,
                ind4_count=c4,
                ind7_sum=s7,
                ind7_count=c7,
            ),
        )

    def happened(moment: Any) -> int:
        """How many of the office's dossiers had `moment` in the period."""
        query = select(func.count()).select_from(moment.class_)
        if moment.class_ is not Dossier:
            query = query.join(Dossier, SupplementRequest.dossier_id == Dossier.id)
        in_period = (moment >= begin, moment < finish)
        return session.scalar(query.where(Dossier.office_id == office_id, *in_period)) or 0

    report.received = happened(Dossier.received_at)
    report.returned = happened(Dossier.returned_at)
    report.supplements = happened(SupplementRequest.issued_at)  # Form 02s issued
    report.refused = happened(Dossier.refused_at)  # Form 03s issued
    return report


def _merge(report: PeriodReport, service_id: int, clerk_id: int | None, tally: Tally) -> None:
    report.unit.add(tally)
    report.by_service.setdefault(service_id, Tally()).add(tally)
    if clerk_id is not None:
        report.by_clerk.setdefault(clerk_id, Tally()).add(tally)


CLERK_CLASSES = ((Decimal(5), "completes duties"), (Decimal("3.5"), "partly completes duties"))
UNIT_CLASSES = ((15, "excellent"), (12, "good"), (9, "fair"), (6, "average"))


# Nobody is judged on three answers: below this many ratings in the period neither a clerk nor
# the unit gets a classification (the same rule for both, so a unit is not judged on four).
MIN_ANSWERS_TO_JUDGE = 10

NOT_ENOUGH_RATINGS, NO_SCORES = "not_enough_ratings", "no_scores"


def judged_class(tally: Tally) -> str | None:
    """A clerk's classification, or None when it rests on too few ratings to be fair."""
    return clerk_class(tally) if tally.ratings >= MIN_ANSWERS_TO_JUDGE else None


def why_not_judged(tally: Tally) -> str | None:
    """Why a clerk or the unit has no classification: NOT_ENOUGH_RATINGS (fewer than
    MIN_ANSWERS_TO_JUDGE in the period), NO_SCORES (no indicator has data); None when judged."""
    if tally.ratings < MIN_ANSWERS_TO_JUDGE:
        return NOT_ENOUGH_RATINGS
    if tally.indicator_total is None:
        return NO_SCORES
    return None


def clerk_class(tally: Tally) -> str | None:
    """Per civil servant: ≥ 5 completes, 3.5 to < 5 partly, < 3.5 does not (on what is known)."""
    total = tally.indicator_total
    if total is None:
        return None
    return next(
        (name for floor, name in CLERK_CLASSES if total >= floor), "does not complete duties"
    )


def unit_class(tally: Tally) -> str | None:
    """The unit's classification, or None when it rests on fewer ratings than a clerk's must."""
    return unit_class_of_scores(tally) if tally.ratings >= MIN_ANSWERS_TO_JUDGE else None


def unit_class_of_scores(tally: Tally) -> str | None:
    """Per unit, out of 18 for nine indicators; with fewer known, the thresholds scale with the
    maximum reachable (2 per known indicator), so four indicators are not judged out of 18."""
    total = tally.indicator_total
    if total is None:
        return None
    scaled = total * Decimal(18) / Decimal(2 * len(tally.indicators))
    return next((name for floor, name in UNIT_CLASSES if scaled >= floor), "weak")
