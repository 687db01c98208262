"""A feedback case end to end on both engines, from an unhappy rating with a call-back request
to the citizen's rating of the handling, and the three Decision 766 parts it feeds."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.chain import STORED_COLUMNS, canonical_json, rating_payload, stored_payload
from kiosk.db.case_models import AnswerChannel, CaseSource, CaseState
from kiosk.db.models import Rating
from kiosk.errors import ConflictError, NotFoundError
from kiosk.reports.decision_766 import office_group_766
from kiosk.reports.indicators import compute
from kiosk.services.case_desk import CaseDesk
from kiosk.services.cases import Contact
from kiosk.services.offices import find_office
from kiosk.services.ratings import RatingService
from tests.kiosk.signing import sign_stations

MONDAY = datetime(2026, 11, 23, 9, 30)
HUONG, DUC, MANAGER = 1, 2, 3


def desks(database, clock, signer):
    kiosk = RatingService(database.factory, station="kiosk-1", clock=clock, signer=signer)
    desk = CaseDesk(database.factory, station="manager-1", clock=clock, signer=signer)
    return kiosk, desk


def unhappy(comment="Chờ quá lâu mà không ai giải thích"):
    return RatingInput(Satisfaction.DISSATISFIED, service_code="HT-KS", comment=comment)


def test_an_unhappy_rating_with_a_call_back_walks_to_a_closed_case(
    database, office, manager, clock
):
    signer = sign_stations(database, "kiosk-1", "manager-1")
    kiosk, desk = desks(database, clock, signer)
    clock.now = MONDAY
    rating = kiosk.record(unhappy())
    case = desk.call_back(rating.id, Contact("Lê Văn Bình", "0912345678"))
    assert case.source is CaseSource.RATING and case.state is CaseState.OPEN
    assert case.text == "Chờ quá lâu mà không ai giải thích"
    assert case.due_at == datetime(2026, 12, 8, 17, 0)  # 10 working days, 24/11 a holiday
    assert len(desk.list(MANAGER)) == 1  # the rating opened it; the call-back joined it

    assert desk.assign(case.number, DUC, MANAGER).owner_name == "Trần Văn Đức"
    clock.now = datetime(2026, 11, 27, 10, 0)
    answered = desk.answer(case.number, "Đã gọi điện giải thích", AnswerChannel.PHONE, DUC)
    assert answered.state is CaseState.ANSWERED and not answered.overdue
    with pytest.raises(ConflictError, match="Only a manager"):
        desk.close(case.number, DUC)
    clock.now = datetime(2026, 11, 30, 9, 0)
    rated = desk.rate(case.number, Satisfaction.SATISFIED, DUC, called_at=clock.now)
    assert rated.handling_rated is Satisfaction.SATISFIED
    with pytest.raises(ConflictError, match="already been rated"):
        desk.rate(case.number, Satisfaction.DISSATISFIED, MANAGER)
    closed = desk.close(case.number, MANAGER)
    assert closed.state is CaseState.CLOSED

    detail = desk.show(case.number, MANAGER)
    assert [e.action for e in detail.events] == [
        "open",
        "call_back_asked",
        "assign",
        "answer",
        "rate",
        "call_back",
        "close",
    ]
    assert detail.contact == Contact("Lê Văn Bình", "0912345678")
    assert detail.contact_removed_on == date(2027, 11, 30)
    # Both ratings are in the station chain and verify; only the service rating is a figure.
    assert kiosk.verify().ok
    with database.factory() as session:
        figures = compute(
            session, find_office(session).id, MONDAY.date(), clock.now.date(), clock.now.date()
        )
    assert figures.unit.ratings == 1


def test_a_clerk_never_sees_a_case_about_them_nor_a_contact(database, office, manager, clock):
    signer = sign_stations(database, "kiosk-1", "manager-1")
    kiosk, desk = desks(database, clock, signer)
    clock.now = MONDAY
    case = desk.open(
        MANAGER,
        source=CaseSource.PHONE,
        subject="Thái độ cán bộ",
        text="Gọi điện phản ánh",
        contact=Contact("Phạm Thị Lan", "0987654321"),
        about_clerk_id=HUONG,
    )
    with pytest.raises(ConflictError, match="give it to someone else"):
        desk.assign(case.number, HUONG, MANAGER)
    desk.assign(case.number, DUC, MANAGER)
    assert desk.list(HUONG) == []
    with pytest.raises(NotFoundError):
        desk.show(case.number, HUONG)
    seen_by_duc = desk.show(case.number, DUC)
    assert seen_by_duc.contact is None and seen_by_duc.contact_removed_on is None


def three_cases(database, clock):
    """2 answered on time and 1 late (the unrated one); handling rated satisfied, unsatisfied,
    and not at all. Returns the kiosk, the desk and the cases' ids, numbers 2026-0001…3."""
    signer = sign_stations(database, "kiosk-1", "manager-1")
    kiosk, desk = desks(database, clock, signer)
    clock.now = MONDAY
    numbers = [
        desk.open(MANAGER, source=CaseSource.IN_PERSON, subject=f"Kiến nghị {n}").number
        for n in range(3)
    ]
    for number in numbers:
        desk.assign(number, DUC, MANAGER)
    clock.now = MONDAY + timedelta(days=3)
    for number in numbers[:2]:
        desk.answer(number, "Đã trả lời", AnswerChannel.IN_PERSON, DUC)
    clock.now = datetime(2026, 12, 9, 9, 0)  # after the due time, 8/12 17:00
    desk.answer(numbers[2], "Trả lời muộn", AnswerChannel.LETTER, DUC)
    ids = [desk.show(n, MANAGER).case.id for n in numbers]
    kiosk.record(RatingInput(Satisfaction.SATISFIED, case_id=ids[0]))
    kiosk.record(RatingInput(Satisfaction.DISSATISFIED, case_id=ids[1]))
    return kiosk, desk, ids


def test_the_three_766_parts_come_out_as_computed_by_hand(database, office, manager, clock):
    """3 cases: 2 answered on time and 1 late; handling rated satisfied, unsatisfied and none
    (the unrated one is the late one): on time 2/3 → 4.00 points, satisfied (3 − 1 unsatisfied
    − 1 late)/3 → 2.00; no dossier due → 0 for that part."""
    kiosk, desk, ids = three_cases(database, clock)
    with database.factory() as session:
        group = office_group_766(
            session, find_office(session).id, date(2026, 11, 1), date(2026, 12, 31), clock.now
        )
    assert (group.cases_on_time.good, group.cases_on_time.counted) == (2, 3)
    assert group.cases_on_time.points == Decimal("4.00")
    assert (group.cases_satisfied.good, group.cases_satisfied.counted) == (1, 3)
    assert group.cases_satisfied.points == Decimal("2.00")
    assert group.dossiers.points == Decimal("0.00")
    assert kiosk.verify().ok
    # The reports' fast reading of the stored rows hashes a case's rating as the ORM does.
    with database.factory() as session:
        expected = {str(r.id): rating_payload(r) for r in session.scalars(select(Rating))}
        rows = session.execute(text(f"SELECT {STORED_COLUMNS} FROM ratings")).all()
    for row in rows:
        payload = stored_payload(row)
        assert payload["case_id"] in {str(i) for i in ids[:2]}
        assert canonical_json(row.prev_hash, payload) == canonical_json(
            row.prev_hash, expected[payload["id"]]
        )
    # The unhappy handling rating opened no case of its own, and is in no service figure.
    assert len(desk.list(MANAGER)) == 3
    with pytest.raises(ConflictError, match="already been rated"):
        kiosk.record(
            RatingInput(Satisfaction.SATISFIED, case_id=ids[0], channel=RatingChannel.KIOSK)
        )
