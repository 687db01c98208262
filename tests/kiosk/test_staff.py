"""A manager deactivates a clerk or gives one a new PIN: allowed by the manager's PIN, audited
without the PIN, and the office never loses its last manager."""

import threading
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.answers import RatingInput, Satisfaction
from kiosk.db.models import AuditEvent, ClerkRole
from kiosk.errors import ConflictError, InvalidInputError, KioskError, NotFoundError
from kiosk.reports.trends import period_trends
from kiosk.services.clerks import add_clerk
from kiosk.services.dossiers import DossierService
from kiosk.services.manager_pin import ManagerPin, NotAManagerError
from kiosk.services.offices import create_office, find_office
from kiosk.services.ratings import RatingService
from kiosk.services.sign_in import SignInService
from kiosk.services.staff import StaffService
from tests.conftest import NOW

MANAGER = ManagerPin(0, "9999")
HUONG, DUC, TUAN = 1, 2, 3  # the small office's two clerks, then its manager


@pytest.fixture
def staff(database, manager, clock):
    return StaffService(database.factory, station="cli", clock=clock)


def audit(database, action):
    with database.factory() as session:
        return session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_a_deactivated_clerk_cannot_sign_in_and_leaves_the_list(database, staff, clock):
    staff.set_active(MANAGER, HUONG, active=False)
    sign_in = SignInService(database.factory, station="clerk-1", clock=clock)
    with pytest.raises(InvalidInputError, match="Wrong counter number or PIN"):
        sign_in.sign_in(1, "1234")
    assert [c.display_name for c in staff.list() if c.active] == ["Võ Minh Tuấn", "Trần Văn Đức"]
    [event] = audit(database, "clerk.deactivate")
    assert event.clerk_id == TUAN and event.subject == f"clerk:{HUONG}"
    staff.set_active(MANAGER, HUONG, active=True)
    assert sign_in.sign_in(1, "1234").display_name == "Nguyễn Thị Hương"


def test_a_deactivated_clerks_past_work_keeps_their_name_in_the_reports(database, staff, clock):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    received = datetime(2026, 11, 20, 8, 0)
    with clock.at(received):
        code = dossiers.register("HT-KS", clerk_id=HUONG).code
    with clock.at(received + timedelta(hours=1)):
        dossiers.return_result(code, clerk_id=HUONG)
    clock.now = received + timedelta(hours=2)
    RatingService(database.factory, station="kiosk-1", clock=clock).record(
        RatingInput(Satisfaction.VERY_SATISFIED, service_code="HT-KS", dossier_code=code)
    )
    clock.now = NOW
    staff.set_active(MANAGER, HUONG, active=False)
    assert dossiers.show(code).clerk_name == "Nguyễn Thị Hương"
    with database.factory() as session:
        trends = period_trends(session, None, date(2026, 11, 20), NOW.date(), NOW.date(), "vi")
    assert [t.name for t in trends.by_clerk] == ["Nguyễn Thị Hương (1)"]
    with pytest.raises(NotFoundError):  # but no new dossier can be given to her
        dossiers.register("HT-KS", clerk_id=HUONG)


def test_the_last_active_manager_cannot_be_deactivated(database, staff):
    with pytest.raises(ConflictError, match="last active manager"):
        staff.set_active(MANAGER, TUAN, active=False)
    with database.factory.begin() as session:
        add_clerk(
            session,
            find_office(session),
            display_name="Phạm Thu Trang",
            counter=9,
            role=ClerkRole.MANAGER,
            pin="8888",
            at=NOW,
            station="test",
        )
    staff.set_active(ManagerPin(9, "8888"), TUAN, active=False)  # now there is another
    with pytest.raises(ConflictError, match="last active manager"):
        staff.set_active(ManagerPin(9, "8888"), 4, active=False)


def test_a_clerk_or_a_wrong_pin_allows_nothing(database, staff):
    with pytest.raises(NotAManagerError, match="Counter 2 is not a manager's"):
        staff.set_active(ManagerPin(2, "1234"), HUONG, active=False)
    with pytest.raises(InvalidInputError, match="Wrong counter number or PIN"):
        staff.set_active(ManagerPin(0, "0000"), HUONG, active=False)
    with pytest.raises(InvalidInputError, match="manager's PIN is needed"):
        staff.set_active(ManagerPin(0, ""), HUONG, active=False)
    assert all(c.active for c in staff.list())
    assert audit(database, "clerk.deactivate") == []


def test_a_new_pin_replaces_the_old_and_is_never_written_down(database, staff, clock):
    staff.change_pin(MANAGER, DUC, "24680")
    sign_in = SignInService(database.factory, station="clerk-2", clock=clock)
    assert sign_in.sign_in(2, "24680").display_name == "Trần Văn Đức"
    with pytest.raises(InvalidInputError):
        sign_in.sign_in(2, "1234")
    [event] = audit(database, "clerk.pin")
    assert event.clerk_id == TUAN and "24680" not in repr(event.details)
    assert "9999" not in repr(MANAGER)


def test_a_pin_that_is_not_4_to_8_digits_is_refused_before_the_managers_pin_is_checked(
    database, staff
):
    for bad in ("12", "abcd", "123456789"):
        with pytest.raises(InvalidInputError, match="4 to 8 digits"):
            staff.change_pin(ManagerPin(0, "0000"), DUC, bad)
    assert audit(database, "sign_in.failed") == []


def test_a_clerk_of_another_office_is_not_found(database, staff, clock):
    with database.factory.begin() as session:
        other = create_office(session, code="OTHER", name="Xã khác", at=NOW, station="test")
        session.flush()
        stranger = add_clerk(
            session,
            other,
            display_name="Người ngoài",
            counter=1,
            role=ClerkRole.CLERK,
            pin="1111",
            at=NOW,
            station="test",
        )
        session.flush()
        stranger_id = stranger.id
    mine = StaffService(database.factory, station="cli", clock=clock, office_code="000.00.30.H12")
    with pytest.raises(NotFoundError):
        mine.set_active(MANAGER, stranger_id, active=False)
    with pytest.raises(NotFoundError):
        mine.change_pin(MANAGER, stranger_id, "2222")


def test_two_managers_deactivating_each_other_at_once_leave_one_active(database, staff, clock):
    with database.factory.begin() as session:
        add_clerk(
            session,
            find_office(session),
            display_name="Phạm Thu Trang",
            counter=9,
            role=ClerkRole.MANAGER,
            pin="8888",
            at=NOW,
            station="test",
        )
    start = threading.Barrier(2)
    outcomes: list[object] = []

    def deactivate(manager, clerk_id):
        start.wait()
        try:
            outcomes.append(staff.set_active(manager, clerk_id, active=False))
        except KioskError as refused:  # the other went first, or the database was busy
            outcomes.append(refused)

    workers = [
        threading.Thread(target=deactivate, args=(MANAGER, 4)),
        threading.Thread(target=deactivate, args=(ManagerPin(9, "8888"), TUAN)),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(outcomes) == 2
    managers = [c for c in staff.list() if c.role is ClerkRole.MANAGER and c.active]
    assert len(managers) == 1
