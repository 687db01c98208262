from datetime import date, datetime

import pytest

from kiosk.errors import ConflictError, InvalidInputError, NotFoundError
from kiosk.services.tickets import CitizenDetails, TicketService
from kiosk.status import TicketStatus


@pytest.fixture
def tickets(database, office, clock):
    return TicketService(database.factory, station="test", clock=clock)


def test_dossier_codes_number_each_day_from_one(tickets):
    first = tickets.register("HT-KS", clerk_id=1, received_at=datetime(2026, 11, 23, 8, 0))
    second = tickets.register("HT-KS", clerk_id=2, received_at=datetime(2026, 11, 23, 8, 5))
    next_day = tickets.register("HT-KS", clerk_id=1, received_at=datetime(2026, 11, 25, 8, 0))
    assert [first.code, second.code, next_day.code] == [
        "000.00.30.H12-261123-0001",
        "000.00.30.H12-261123-0002",
        "000.00.30.H12-261125-0001",
    ]


def test_appointment_is_computed_in_working_days_at_closing_time(tickets):
    view = tickets.register("HT-XNHN", clerk_id=1, received_at=datetime(2026, 4, 28, 10, 0))
    assert view.due_at == datetime(2026, 5, 5, 17, 0)
    same_day = tickets.register("HT-KS", clerk_id=1, received_at=datetime(2026, 11, 23, 16, 0))
    assert same_day.due_at == datetime(2026, 11, 25, 17, 0)


def test_status_follows_the_return_day(tickets, clock):
    clock.now = datetime(2026, 11, 16, 9, 0)
    codes = [
        tickets.register("HT-XNHN", clerk_id=1, received_at=datetime(2026, 11, 16, 8, 0)).code
        for _ in range(4)
    ]  # due Thursday 19/11
    tickets.return_result(codes[0], at=datetime(2026, 11, 18, 10, 0))
    tickets.return_result(codes[1], at=datetime(2026, 11, 19, 16, 0))
    tickets.return_result(codes[2], at=datetime(2026, 11, 20, 8, 0))
    clock.now = datetime(2026, 11, 19, 12, 0)
    assert tickets.show(codes[3]).status is TicketStatus.PROCESSING
    clock.now = datetime(2026, 11, 20, 8, 0)
    assert [tickets.show(c).status for c in codes] == [
        TicketStatus.EARLY,
        TicketStatus.ON_TIME,
        TicketStatus.LATE,
        TicketStatus.LATE,  # not returned and past its appointment
    ]


def test_list_late_is_exactly_the_dossiers_past_their_appointment(tickets, clock):
    clock.now = datetime(2026, 11, 16, 9, 0)
    overdue = tickets.register("HT-KS", clerk_id=1, received_at=datetime(2026, 11, 16, 8, 0))
    returned_late = tickets.register("HT-KS", clerk_id=1, received_at=datetime(2026, 11, 16, 8, 1))
    on_time = tickets.register("HT-KS", clerk_id=1, received_at=datetime(2026, 11, 16, 8, 2))
    pending = tickets.register("HT-KSL", clerk_id=1, received_at=datetime(2026, 11, 16, 8, 3))
    tickets.return_result(returned_late.code, at=datetime(2026, 11, 17, 9, 0))
    tickets.return_result(on_time.code, at=datetime(2026, 11, 16, 15, 0))
    clock.now = datetime(2026, 11, 18, 9, 0)
    late = {v.code for v in tickets.list(status=TicketStatus.LATE)}
    assert late == {overdue.code, returned_late.code}
    assert pending.code not in late


def test_second_reappointment_is_refused(tickets, clock):
    clock.now = datetime(2026, 11, 16, 9, 0)
    view = tickets.register("HT-XNHN", clerk_id=1, received_at=clock.now)
    clock.now = datetime(2026, 11, 18, 15, 0)
    again = tickets.reappoint(view.code, new_due_day=date(2026, 11, 23), reason="Chờ xác minh")
    assert again.reappointed_due_at == datetime(2026, 11, 23, 17, 0)
    with pytest.raises(ConflictError):
        tickets.reappoint(view.code, new_due_day=date(2026, 11, 25), reason="Lần hai")
    assert tickets.show(view.code).reappointed_due_at == datetime(2026, 11, 23, 17, 0)


def test_reappointment_must_land_on_a_later_working_day(tickets, clock):
    view = tickets.register("HT-XNHN", clerk_id=1, received_at=datetime(2026, 11, 16, 9, 0))
    with pytest.raises(InvalidInputError):
        tickets.reappoint(view.code, new_due_day=date(2026, 11, 24), reason="Lễ")  # holiday
    with pytest.raises(InvalidInputError):
        tickets.reappoint(view.code, new_due_day=date(2026, 11, 18), reason="Sớm hơn")


def test_a_late_dossier_stays_late_after_its_apology(tickets, clock):
    view = tickets.register("HT-XNHN", clerk_id=1, received_at=datetime(2026, 11, 16, 9, 0))
    tickets.reappoint(view.code, new_due_day=date(2026, 11, 23), reason="Chờ ý kiến cấp huyện")
    tickets.return_result(view.code, at=datetime(2026, 11, 23, 10, 0))
    assert tickets.show(view.code).status is TicketStatus.LATE


def test_a_result_is_returned_once(tickets):
    view = tickets.register("HT-KS", clerk_id=1, received_at=datetime(2026, 11, 23, 8, 0))
    tickets.return_result(view.code, at=datetime(2026, 11, 23, 9, 0))
    with pytest.raises(ConflictError):
        tickets.return_result(view.code, at=datetime(2026, 11, 23, 10, 0))


def test_citizen_details_are_kept_normalised(tickets):
    decomposed = "Nguye\u0302\u0303n Va\u0306n A"
    view = tickets.register(
        "HT-KS",
        clerk_id=1,
        received_at=datetime(2026, 11, 23, 8, 0),
        citizen=CitizenDetails(decomposed, "  ", "090 123 4567"),
    )
    assert view.citizen == CitizenDetails("Nguyễn Văn A", None, "0901234567")


def test_mistyped_code_and_unknown_service_are_refused(tickets):
    with pytest.raises(InvalidInputError):
        tickets.show("000.00.30.H12-2611-0001")
    with pytest.raises(NotFoundError):
        tickets.show("000.00.30.H12-261123-0099")
    with pytest.raises(NotFoundError):
        tickets.register("KHONG-CO", clerk_id=1)
