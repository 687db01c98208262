from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from kiosk.db.models import AuditEvent, Dossier
from kiosk.errors import InvalidInputError
from kiosk.services.clerk_board import ClerkBoardService
from kiosk.services.dossiers import DossierService
from kiosk.services.sign_in import SignInLockedError, SignInService
from kiosk.views import CitizenDetails, ServiceView


def test_five_wrong_pins_lock_the_counter_for_five_minutes(database, office, clock):
    sign_in = SignInService(database.factory, station="clerk-1", clock=clock)
    assert sign_in.sign_in(1, "1234").display_name == "Nguyễn Thị Hương"
    for left in (4, 3, 2, 1, 0):
        with pytest.raises(InvalidInputError) as error:
            sign_in.sign_in(1, "0000")
        assert f"{left} tries left" in str(error.value)
    with pytest.raises(SignInLockedError):
        sign_in.sign_in(1, "1234")  # even the right PIN, while locked
    clock.now += timedelta(minutes=5, seconds=1)
    assert sign_in.sign_in(1, "1234").counter == 1
    with database.factory() as session:
        actions = [
            e.action
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.subject == "000.00.30.H12:counter:1")
            )
        ]
    assert actions.count("sign_in") == 2 and actions.count("sign_in.failed") == 5


def test_board_sorts_open_dossiers_by_their_appointment(database, office, clock):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    clock.now = datetime(2026, 11, 18, 9, 0)  # Wednesday
    with clock.at(datetime(2026, 11, 16, 9, 0)):
        overdue = dossiers.register("HT-KS", clerk_id=1)
    with clock.at(datetime(2026, 11, 18, 8, 0)):
        today = dossiers.register("HT-KS", clerk_id=1, citizen=CitizenDetails(name="Trần Thị Mai"))
    with clock.at(datetime(2026, 11, 16, 9, 5)):
        tomorrow = dossiers.register("HT-XNHN", clerk_id=1)
    with clock.at(datetime(2026, 11, 18, 8, 5)):
        later = dossiers.register("HT-KSL", clerk_id=1)
    with clock.at(datetime(2026, 11, 18, 8, 10)):
        returned = dossiers.register("HT-KS", clerk_id=1)
    with clock.at(datetime(2026, 11, 18, 8, 30)):
        dossiers.return_result(returned.code, clerk_id=1)
    board = ClerkBoardService(database.factory, station="clerk-1", clock=clock).board()
    assert board.next_working_day == date(2026, 11, 19)
    assert [v.code for v in board.overdue] == [overdue.code]
    assert [v.code for v in board.due_today] == [today.code]
    assert [v.code for v in board.due_next] == [tomorrow.code]
    assert later.code not in [v.code for v in board.overdue + board.due_today + board.due_next]
    found = ClerkBoardService(database.factory, station="clerk-1", clock=clock).search("Mai")
    assert [v.code for v in found] == [today.code]


def board_and_glance_counts(database, clock):
    from kiosk.reports.glance import day_glance

    board = ClerkBoardService(database.factory, station="clerk-1", clock=clock).board()
    with database.factory() as session:
        glance = day_glance(session, None, clock.now)
    counted = (len(board.overdue), len(board.due_today), len(board.due_next))
    return counted, (glance.overdue, glance.due_today_open, glance.due_next)


def test_the_board_counts_what_the_managers_glance_counts_on_the_demo_office(database, clock):
    from kiosk.services.demo import seed_demo

    seed_demo(database.factory, clock.now)
    with database.factory() as session:
        reappointed = session.scalar(
            select(func.count()).select_from(Dossier).where(Dossier.reappointed_at.is_not(None))
        )
    assert reappointed, "the demo must re-appoint some dossiers for this test to mean anything"
    for now in (clock.now, datetime(2026, 11, 20, 16, 0), datetime(2026, 11, 25, 8, 0)):
        clock.now = now  # a Monday, a Friday before the weekend, the day after a holiday
        board, glance = board_and_glance_counts(database, clock)
        assert board == glance
        assert board[0] > 0  # the demo has overdue dossiers: the counts are not 0 = 0


def test_a_reappointed_dossier_is_due_on_its_new_appointment_for_clerk_and_manager(
    database, office, clock
):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    clock.now = datetime(2026, 11, 16, 9, 0)
    code = dossiers.register("HT-XNHN", clerk_id=1).code  # due Thursday 19/11
    dossiers.reappoint(code, new_due_day=date(2026, 11, 25), reason="Chờ xác minh", clerk_id=1)
    clock.now = datetime(2026, 11, 23, 9, 30)  # first appointment passed; new one is Wednesday
    assert board_and_glance_counts(database, clock) == ((0, 0, 1), (0, 0, 1))
    clock.now = datetime(2026, 11, 26, 9, 30)
    assert board_and_glance_counts(database, clock) == ((1, 0, 0), (1, 0, 0))


SERVICE = ServiceView("HT-KH", "Đăng ký kết hôn", "Marriage registration", "Hộ tịch", 0, True)


def check(**fields):
    from kiosk.registration import check_registration

    given = {
        "picked": None,
        "service_text": "ket hon",
        "name": "Lê Văn Tám",
        "address": "",
        "phone": "",
        "language": "vi",
    }
    return check_registration([SERVICE], **(given | fields))


def test_a_registration_names_its_citizen_and_may_leave_address_and_phone_out():
    checked = check(name="  Lê  Văn Tám ")
    assert checked.service == SERVICE
    assert checked.citizen == CitizenDetails("Lê Văn Tám", None, None)
    for blank in ("", "   "):
        with pytest.raises(InvalidInputError) as error:
            check(name=blank)
        assert "must name who submitted" in str(error.value)
    with pytest.raises(InvalidInputError, match="Choose the service"):
        check(service_text="")
    with pytest.raises(InvalidInputError, match="No single service matches 'xyz'"):
        check(service_text="xyz")


@pytest.mark.parametrize(
    ("typed", "national"),
    [
        ("0912345678", "0912 345 678"),
        ("+84 912 345 678", "0912 345 678"),
        ("84-912-345-678", "0912 345 678"),
        ("024.3825.1234", "024 3825 1234"),
    ],
)
def test_a_vietnamese_phone_is_kept_in_the_national_format(typed, national):
    assert check(phone=typed).citizen.phone == national


@pytest.mark.parametrize("typed", ["091234567", "12345", "abc", "1900 1234", "+1 650 253 0000"])
def test_a_phone_that_is_not_a_vietnamese_number_is_refused_in_words(typed):
    with pytest.raises(InvalidInputError) as error:
        check(phone=typed)
    assert "is not a Vietnamese phone number" in str(error.value)
    assert typed in str(error.value)
