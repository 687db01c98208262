"""The demo office's feedback cases, handled as an office would: the unhappy ratings' cases
(opened by the ratings themselves) given to a clerk other than the one concerned, most answered
in time, a few late or still open, some rated by the citizen on a call-back and closed; a few
petitions typed at the kiosk or taken by phone."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.calendar import WorkingCalendar
from kiosk.db.case_models import AnswerChannel, CaseSource, FeedbackCase
from kiosk.db.models import Clerk, ClerkRole, Office
from kiosk.services.cases import (
    Acting,
    Contact,
    answer_case,
    assign_case,
    close_case,
    open_case,
)
from kiosk.services.ratings import record_rating
from kiosk.station_keys import StationSigner

CALL_BACK_STATION = "clerk-1"  # the owner calls the citizen back from the counter
PETITIONS = (
    (CaseSource.KIOSK, "Cơ sở vật chất", "Phòng chờ thiếu ghế, người già phải đứng lâu.", None),
    (CaseSource.KIOSK, "Thủ tục, giấy tờ", "Đề nghị niêm yết rõ mẫu tờ khai và lệ phí.", None),
    (
        CaseSource.PHONE,
        "Thời gian giải quyết",
        "Hồ sơ xác nhận tình trạng hôn nhân hẹn 3 ngày nhưng chưa có kết quả.",
        Contact("Đỗ Thị Mai", "0901234567"),
    ),
)
ANSWERS = (
    "Đã liên hệ, xin lỗi công dân và hướng dẫn lại thủ tục.",
    "Đã kiểm tra, nhắc nhở cán bộ và trả kết quả cho công dân.",
    "Đã tiếp thu, bổ sung hướng dẫn tại quầy.",
)


def handle_demo_cases(
    session: Session,
    office: Office,
    clerks: list[Clerk],
    calendar: WorkingCalendar,
    now: datetime,
    rng: random.Random,
    signer: StationSigner | None,
) -> None:
    manager = next(c for c in clerks if c.role is ClerkRole.MANAGER)
    staff = [c for c in clerks if c.role is ClerkRole.CLERK]
    petition_days = _working_days_before(calendar, now.date(), (9, 4, 1))
    for day, (source, subject, text, contact) in zip(petition_days, PETITIONS, strict=True):
        at = datetime.combine(day, time(9, 40))
        open_case(
            session,
            office,
            Acting(manager if source is CaseSource.PHONE else None, "demo", at),
            source=source,
            subject=subject,
            text=text,
            contact=contact,
        )
    session.flush()
    cases = session.scalars(
        select(FeedbackCase)
        .where(FeedbackCase.office_id == office.id)
        .order_by(FeedbackCase.opened_at)
    ).all()
    call_backs: list[tuple[datetime, FeedbackCase, Satisfaction]] = []
    for case in cases:
        age = calendar.working_days_between(case.opened_at.date(), now.date())
        if age < 1:
            continue  # today's: still to give out
        owner = rng.choice([c for c in staff if c.id != case.about_clerk_id])
        assigned = case.opened_at + timedelta(hours=rng.randint(1, 3))
        assign_case(session, case, owner, Acting(manager, "demo", assigned))
        days = rng.randint(2, 8) if rng.random() < 0.85 else office.case_days + rng.randint(1, 3)
        answered = datetime.combine(
            calendar.add_working_days(case.opened_at.date(), days),
            case.opened_at.time(),
        )
        if answered > now:
            continue  # still being handled (overdue, if its day has passed)
        channel = rng.choice(list(AnswerChannel))
        answer_case(session, case, rng.choice(ANSWERS), channel, Acting(owner, "demo", answered))
        called = answered + timedelta(days=1, hours=1)
        if called <= now and rng.random() < 0.6:
            happy = rng.random() < 0.8
            satisfaction = Satisfaction.SATISFIED if happy else Satisfaction.DISSATISFIED
            call_backs.append((called, case, satisfaction))
        if answered + timedelta(days=3) <= now and rng.random() < 0.7:
            close_case(session, case, office, Acting(manager, "demo", answered + timedelta(days=3)))
    session.flush()
    # A station's chain is written in time order, as it would have been.
    for called, case, satisfaction in sorted(call_backs, key=lambda c: c[0]):
        answers = RatingInput(satisfaction, channel=RatingChannel.PHONE, case_id=case.id)
        record_rating(session, office, answers, station=CALL_BACK_STATION, at=called, signer=signer)


def _working_days_before(
    calendar: WorkingCalendar, today: date, counts: tuple[int, ...]
) -> list[date]:
    """The working days `count` working days before `today`, for each count."""
    days, day = [], today
    for _ in range(max(counts)):
        day -= timedelta(days=1)
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
        days.append(day)
    return [days[count - 1] for count in counts]
