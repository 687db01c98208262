from datetime import date, datetime

import pytest

from kiosk.errors import ConflictError, InvalidInputError, NotFoundError
from kiosk.services.dossiers import DossierService
from kiosk.status import DossierStatus
from kiosk.views import CitizenDetails


@pytest.fixture
def dossiers(database, office, clock):
    return DossierService(database.factory, station="test", clock=clock)


def test_dossier_codes_number_each_day_from_one(dossiers, clock):
    with clock.at(datetime(2026, 11, 23, 8, 0)):
        first = dossiers.register("HT-KS", clerk_id=1)
    with clock.at(datetime(2026, 11, 23, 8, 5)):
        second = dossiers.register("HT-KS", clerk_id=2)
    with clock.at(datetime(2026, 11, 25, 8, 0)):
        next_day = dossiers.register("HT-KS", clerk_id=1)
    assert [first.code, second.code, next_day.code] == [
        "000.00.30.H12-261123-0001",
        "000.00.30.H12-261123-0002",
        "000.00.30.H12-261125-0001",
    ]


def test_appointment_is_computed_in_working_days_at_closing_time(dossiers, clock):
    with clock.at(datetime(2026, 4, 28, 10, 0)):
        view = dossiers.register("HT-XNHN", clerk_id=1)
    assert view.due_at == datetime(2026, 5, 5, 17, 0)
    with clock.at(datetime(2026, 11, 23, 16, 0)):
        same_day = dossiers.register("HT-KS", clerk_id=1)
    assert same_day.due_at == datetime(2026, 11, 25, 17, 0)


def test_status_follows_the_return_day(dossiers, clock):
    clock.now = datetime(2026, 11, 16, 9, 0)
    with clock.at(datetime(2026, 11, 16, 8, 0)):
        codes = [dossiers.register("HT-XNHN", clerk_id=1).code for _ in range(4)]  # due 19/11
    with clock.at(datetime(2026, 11, 18, 10, 0)):
        dossiers.return_result(codes[0], clerk_id=1)
    with clock.at(datetime(2026, 11, 19, 16, 0)):
        dossiers.return_result(codes[1], clerk_id=1)
    with clock.at(datetime(2026, 11, 20, 8, 0)):
        dossiers.return_result(codes[2], clerk_id=1)
    clock.now = datetime(2026, 11, 19, 12, 0)
    assert dossiers.show(codes[3]).status is DossierStatus.PROCESSING
    clock.now = datetime(2026, 11, 20, 8, 0)
    assert [dossiers.show(c).status for c in codes] == [
        DossierStatus.EARLY,
        DossierStatus.ON_TIME,
        DossierStatus.LATE,
        DossierStatus.LATE,  # not returned and past its appointment
    ]


def test_list_late_is_exactly_the_dossiers_past_their_appointment(dossiers, clock):
    clock.now = datetime(2026, 11, 16, 9, 0)
    with clock.at(datetime(2026, 11, 16, 8, 0)):
        overdue = dossiers.register("HT-KS", clerk_id=1)
    with clock.at(datetime(2026, 11, 16, 8, 1)):
        returned_late = dossiers.register("HT-KS", clerk_id=1)
    with clock.at(datetime(2026, 11, 16, 8, 2)):
        on_time = dossiers.register("HT-KS", clerk_id=1)
    with clock.at(datetime(2026, 11, 16, 8, 3)):
        pending = dossiers.register("HT-KSL", clerk_id=1)
    with clock.at(datetime(2026, 11, 17, 9, 0)):
        dossiers.return_result(returned_late.code, clerk_id=1)
    with clock.at(datetime(2026, 11, 16, 15, 0)):
        dossiers.return_result(on_time.code, clerk_id=1)
    clock.now = datetime(2026, 11, 18, 9, 0)
    late = {v.code for v in dossiers.list(status=DossierStatus.LATE)}
    assert late == {overdue.code, returned_late.code}
    assert pending.code not in late


def test_second_reappointment_is_refused(dossiers, clock):
    clock.now = datetime(2026, 11, 16, 9, 0)
    with clock.at(clock.now):
        view = dossiers.register("HT-XNHN", clerk_id=1)
    clock.now = datetime(2026, 11, 18, 15, 0)
    again = dossiers.reappoint(
        view.code, new_due_day=date(2026, 11, 23), reason="Chờ xác minh", clerk_id=1
    )
    assert again.reappointed_due_at == datetime(2026, 11, 23, 17, 0)
    with pytest.raises(ConflictError):
        dossiers.reappoint(view.code, new_due_day=date(2026, 11, 25), reason="Lần hai", clerk_id=1)
    assert dossiers.show(view.code).reappointed_due_at == datetime(2026, 11, 23, 17, 0)


def test_reappointment_must_land_on_a_later_working_day(dossiers, clock):
    with clock.at(datetime(2026, 11, 16, 9, 0)):
        view = dossiers.register("HT-XNHN", clerk_id=1)
    with pytest.raises(InvalidInputError):
        dossiers.reappoint(
            view.code, new_due_day=date(2026, 11, 24), reason="Lễ", clerk_id=1
        )  # holiday
    with pytest.raises(InvalidInputError):
        dossiers.reappoint(view.code, new_due_day=date(2026, 11, 18), reason="Sớm hơn", clerk_id=1)


def test_a_late_dossier_stays_late_after_its_apology(dossiers, clock):
    with clock.at(datetime(2026, 11, 16, 9, 0)):
        view = dossiers.register("HT-XNHN", clerk_id=1)
    dossiers.reappoint(
        view.code, new_due_day=date(2026, 11, 23), reason="Chờ ý kiến cấp huyện", clerk_id=1
    )
    with clock.at(datetime(2026, 11, 23, 10, 0)):
        dossiers.return_result(view.code, clerk_id=1)
    assert dossiers.show(view.code).status is DossierStatus.LATE


def test_a_result_is_returned_once(dossiers, clock):
    with clock.at(datetime(2026, 11, 23, 8, 0)):
        view = dossiers.register("HT-KS", clerk_id=1)
    with clock.at(datetime(2026, 11, 23, 9, 0)):
        dossiers.return_result(view.code, clerk_id=1)
    with pytest.raises(ConflictError):
        with clock.at(datetime(2026, 11, 23, 10, 0)):
            dossiers.return_result(view.code, clerk_id=1)


def test_citizen_details_are_kept_normalised(dossiers, clock):
    decomposed = "Nguye\u0302\u0303n Va\u0306n A"
    with clock.at(datetime(2026, 11, 23, 8, 0)):
        view = dossiers.register(
            "HT-KS", clerk_id=1, citizen=CitizenDetails(decomposed, "  ", "090 123 4567")
        )
    assert view.citizen == CitizenDetails("Nguyễn Văn A", None, "0901234567")


def test_mistyped_code_and_unknown_service_are_refused(dossiers):
    with pytest.raises(InvalidInputError):
        dossiers.show("000.00.30.H12-2611-0001")
    with pytest.raises(NotFoundError):
        dossiers.show("000.00.30.H12-261123-0099")
    with pytest.raises(NotFoundError):
        dossiers.register("KHONG-CO", clerk_id=1)
