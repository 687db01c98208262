"""Feedback cases on both engines: numbered, due in working days, handled by someone other than
the clerk they are about, every step appended, the citizen's contact gone after its time."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from kiosk.db.case_models import AnswerChannel, CaseContact, CaseSource, CaseState
from kiosk.db.models import Clerk
from kiosk.errors import ConflictError, InvalidInputError
from kiosk.services.cases import (
    Acting,
    Contact,
    answer_case,
    assign_case,
    close_case,
    due_soon,
    history,
    is_overdue,
    open_case,
    rating_needs_a_case,
    remove_expired_contacts,
    transfer_case,
)
from kiosk.services.offices import find_office

MONDAY = datetime(2026, 11, 23, 9, 30)
HUONG, DUC, MANAGER = 1, 2, 3  # the small office's clerks, then the `manager` fixture


def acting(session, clerk_id, at, station="manager-1"):
    return Acting(session.get(Clerk, clerk_id) if clerk_id else None, station, at)


def test_a_call_back_case_walks_from_opening_to_closing(database, office, manager):
    with database.factory.begin() as session:
        office_row = find_office(session)
        case = open_case(
            session,
            office_row,
            acting(session, None, MONDAY, "kiosk-1"),
            source=CaseSource.RATING,
            subject="Thái độ phục vụ",
            text="Cán bộ hẹn tôi quay lại nhiều lần",
            contact=Contact("Lê Văn Bình", "0912 345 678"),
            about_clerk_id=HUONG,
        )
        assert case.number == "2026-0001"
        # 10 working days: weekends and 24/11 (Ngày Văn hóa Việt Nam, a holiday from 2026) skipped
        assert case.due_at == datetime(2026, 12, 8, 17, 0)
        with pytest.raises(ConflictError, match="is about Nguyễn Thị Hương"):
            assign_case(session, case, session.get(Clerk, HUONG), acting(session, MANAGER, MONDAY))
        with pytest.raises(ConflictError, match="Only a manager"):
            assign_case(session, case, session.get(Clerk, DUC), acting(session, DUC, MONDAY))
        assign_case(session, case, session.get(Clerk, DUC), acting(session, MANAGER, MONDAY))
        with pytest.raises(ConflictError, match="owner or a manager"):
            answer_case(session, case, "x", AnswerChannel.PHONE, acting(session, HUONG, MONDAY))
        answered = datetime(2026, 11, 27, 10, 0)
        answer_case(
            session,
            case,
            "Đã gọi lại, xin lỗi và hướng dẫn nộp bổ sung",
            AnswerChannel.PHONE,
            acting(session, DUC, answered),
        )
        closed = datetime(2026, 11, 30, 8, 0)
        close_case(session, case, office_row, acting(session, MANAGER, closed))
        assert case.state is CaseState.CLOSED
        assert not is_overdue(case, datetime(2026, 12, 20, 8, 0))  # answered in time, for good
        assert [e.action for e in history(session, case)] == ["open", "assign", "answer", "close"]
        contact = session.get(CaseContact, case.id)
        assert (contact.phone, contact.remove_on) == ("0912345678", date(2027, 11, 30))
        with pytest.raises(ConflictError, match="cannot become assigned"):
            assign_case(session, case, session.get(Clerk, DUC), acting(session, MANAGER, closed))
    with database.factory.begin() as session:
        assert remove_expired_contacts(session, date(2027, 11, 29)) == 0
        assert remove_expired_contacts(session, date(2027, 11, 30)) == 1
        assert session.scalars(select(CaseContact)).all() == []


def test_due_soon_overdue_numbering_and_transfer(database, office, manager):
    with database.factory.begin() as session:
        office_row = find_office(session)
        first, second = (
            open_case(
                session,
                office_row,
                acting(session, HUONG, MONDAY, "clerk-1"),
                source=CaseSource.PHONE,
                subject=subject,
            )
            for subject in ("Hỏi về lệ phí", "Chậm trả kết quả")
        )
        assert (first.number, second.number) == ("2026-0001", "2026-0002")
        assert due_soon(first, office_row, datetime(2026, 12, 7, 16, 0))  # due the next day
        assert not due_soon(first, office_row, datetime(2026, 12, 4, 16, 0))  # Friday
        assert not is_overdue(first, datetime(2026, 12, 8, 16, 59))
        assert is_overdue(first, datetime(2026, 12, 9, 8, 0))
        transfer_case(session, second, office_row, "Sở Tư pháp", acting(session, MANAGER, MONDAY))
        assert (second.state, second.transferred_to) == (CaseState.TRANSFERRED, "Sở Tư pháp")
        with pytest.raises(InvalidInputError, match="what the feedback is about"):
            open_case(
                session,
                office_row,
                acting(session, HUONG, MONDAY),
                source=CaseSource.MAIL,
                subject="  ",
            )


def test_which_ratings_open_a_case_by_themselves():
    assert rating_needs_a_case(True, "Chờ quá lâu", [])
    assert not rating_needs_a_case(True, "  ", ["many_visits"])
    assert rating_needs_a_case(False, None, ["unofficial_payment"])
    assert not rating_needs_a_case(False, "Tốt", [])
