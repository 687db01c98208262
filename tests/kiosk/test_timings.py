"""Honest timings: receipts, returns and re-appointments are stamped by the clock; a stated time in
the past is a correction a manager approves, kept on record and listed by the reports."""

import csv
import io
import json
import subprocess
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.db.models import AuditEvent, ClerkRole, TimingCorrection
from kiosk.errors import InvalidInputError, NotFoundError
from kiosk.services.clerks import add_clerk
from kiosk.services.corrections import ManagerApproval, StatedTime
from kiosk.services.dossiers import DossierService
from kiosk.services.offices import find_office
from kiosk.services.sign_in import SignInLockedError, SignInService
from tests.conftest import NOW, MutableClock, run_kiosk

MANAGER_PIN = "2468"


@pytest.fixture
def managers(database, office):
    """Two managers, at counters 9 and 8, with ids 3 and 4 (the clerks are 1 and 2)."""
    with database.factory.begin() as session:
        place = find_office(session, office)
        for name, counter in (("Phạm Văn Quản", 9), ("Lê Thị Phó", 8)):
            add_clerk(
                session,
                place,
                display_name=name,
                counter=counter,
                role=ClerkRole.MANAGER,
                pin=MANAGER_PIN,
                at=NOW,
                station="test",
            )


@pytest.fixture
def dossiers(database, office, managers, clock):
    return DossierService(database.factory, station="clerk-1", clock=clock)


def received_three_days_ago(dossiers, clock):
    with clock.at(NOW - timedelta(days=3)):
        return dossiers.register("HT-KS", clerk_id=1).code


def corrections(database):
    with database.factory() as session:
        return session.scalars(select(TimingCorrection)).all()


def audit(database, action):
    with database.factory() as session:
        return session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_a_return_is_stamped_by_the_clock_and_names_the_clerk(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    view = dossiers.return_result(code, clerk_id=2)
    assert view.returned_at == NOW
    [event] = audit(database, "ticket.return")
    assert (event.at, event.clerk_id) == (NOW, 2)
    assert corrections(database) == []


def test_a_backdated_return_without_a_manager_is_refused_in_words(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    with pytest.raises(InvalidInputError, match="manager"):
        dossiers.return_result(code, clerk_id=1, stated=StatedTime(NOW - timedelta(days=2)))
    assert dossiers.show(code).returned_at is None
    assert audit(database, "ticket.return") == []


def test_a_backdated_return_with_a_manager_is_kept_as_a_correction(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    stated = NOW - timedelta(days=2)
    approval = ManagerApproval(9, MANAGER_PIN, "Máy tính hỏng hôm trả")
    view = dossiers.return_result(code, clerk_id=1, stated=StatedTime(stated, approval))
    assert view.returned_at == stated  # the figures use the stated time
    [correction] = corrections(database)
    assert (correction.event, correction.stated_at, correction.recorded_at) == (
        "returned",
        stated,
        NOW,
    )
    assert (correction.clerk_id, correction.manager_id) == (1, 3)
    assert correction.reason == "Máy tính hỏng hôm trả"
    [event] = audit(database, "ticket.return")
    assert (event.at, event.clerk_id) == (NOW, 1)  # recorded when it happened, by whom
    assert event.details["stated_at"] == stated.isoformat()
    assert event.details["approved_by"] == 3
    assert event.details["correction_reason"] == "Máy tính hỏng hôm trả"


def test_a_backdated_receipt_with_a_manager_gets_the_stated_days_code(database, dossiers):
    stated = datetime(2026, 11, 20, 9, 0)
    approval = ManagerApproval(9, MANAGER_PIN, "Mất điện, nhận trên giấy")
    view = dossiers.register("HT-KS", clerk_id=2, stated=StatedTime(stated, approval))
    assert view.code == "000.00.30.H12-261120-0001"
    assert view.received_at == stated
    [correction] = corrections(database)
    assert (correction.event, correction.clerk_id, correction.recorded_at) == ("received", 2, NOW)


@pytest.mark.parametrize(
    "stated", [NOW + timedelta(minutes=6), datetime(2099, 1, 1, 9, 0), datetime(9999, 12, 31)]
)
def test_a_time_in_the_future_is_refused_even_with_a_manager(database, dossiers, clock, stated):
    code = received_three_days_ago(dossiers, clock)
    approval = ManagerApproval(9, MANAGER_PIN, "Ghi trước")
    with pytest.raises(InvalidInputError, match="future"):
        dossiers.return_result(code, clerk_id=1, stated=StatedTime(stated, approval))
    with pytest.raises(InvalidInputError, match="future"):
        dossiers.register("HT-KS", clerk_id=1, stated=StatedTime(stated, approval))
    assert dossiers.show(code).returned_at is None
    assert len(dossiers.list()) == 1


def test_a_time_within_the_clock_skew_is_the_clocks_own(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    for stated in (NOW - timedelta(minutes=4), NOW + timedelta(minutes=4)):
        view = dossiers.register("HT-KS", clerk_id=1, stated=StatedTime(stated))
        assert view.received_at == NOW
    assert dossiers.return_result(code, clerk_id=1, stated=StatedTime(NOW)).returned_at == NOW
    assert corrections(database) == []


def test_a_manager_cannot_approve_his_own_correction(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    stated = StatedTime(NOW - timedelta(days=1), ManagerApproval(9, MANAGER_PIN, "Quên bấm"))
    with pytest.raises(InvalidInputError, match="another manager"):
        dossiers.return_result(code, clerk_id=3, stated=stated)
    other = StatedTime(stated.at, ManagerApproval(8, MANAGER_PIN, "Quên bấm"))
    assert dossiers.return_result(code, clerk_id=3, stated=other).returned_at == stated.at


def test_a_clerks_pin_does_not_approve_a_correction(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    stated = StatedTime(NOW - timedelta(days=1), ManagerApproval(2, "1234", "Quên bấm"))
    with pytest.raises(InvalidInputError, match="not a manager"):
        dossiers.return_result(code, clerk_id=1, stated=stated)
    assert corrections(database) == []


def test_a_correction_needs_a_reason(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    stated = StatedTime(NOW - timedelta(days=1), ManagerApproval(9, MANAGER_PIN, "  "))
    with pytest.raises(InvalidInputError, match="reason"):
        dossiers.return_result(code, clerk_id=1, stated=stated)


def test_guessed_manager_pins_lock_the_counter_as_at_sign_in(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    wrong = StatedTime(NOW - timedelta(days=1), ManagerApproval(9, "0000", "Đoán"))
    for _ in range(5):
        with pytest.raises(InvalidInputError, match="PIN"):
            dossiers.return_result(code, clerk_id=1, stated=wrong)
    right = StatedTime(wrong.at, ManagerApproval(9, MANAGER_PIN, "Đoán"))
    with pytest.raises(SignInLockedError):
        dossiers.return_result(code, clerk_id=1, stated=right)
    # One lock-out for both doors: the manager cannot sign in at a station either.
    with pytest.raises(SignInLockedError):
        SignInService(database.factory, station="manager", clock=clock).sign_in(9, MANAGER_PIN)
    assert dossiers.show(code).returned_at is None


@pytest.mark.parametrize(
    "received", [datetime(1926, 11, 23, 9, 0), NOW - timedelta(days=366), datetime(1, 1, 1)]
)
def test_a_receipt_more_than_a_year_back_is_refused_even_with_a_manager(
    database, dossiers, received
):
    approval = ManagerApproval(9, MANAGER_PIN, "Hồ sơ cũ")
    with pytest.raises(InvalidInputError, match="more than a year"):
        dossiers.register("HT-KS", clerk_id=1, stated=StatedTime(received, approval))
    assert dossiers.list() == []
    # No number was used up: the next dossier of today is the first.
    assert dossiers.register("HT-KS", clerk_id=1).code.endswith("-0001")


def test_a_return_before_the_receipt_is_refused(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    approval = ManagerApproval(9, MANAGER_PIN, "Nhầm")
    with pytest.raises(InvalidInputError, match="before it was received"):
        dossiers.return_result(
            code, clerk_id=1, stated=StatedTime(NOW - timedelta(days=4), approval)
        )
    assert corrections(database) == []


def test_a_reappointment_goes_forward_within_a_year(database, dossiers, clock):
    with clock.at(datetime(2026, 11, 2, 9, 0)):
        code = dossiers.register("HT-XNHN", clerk_id=1).code  # due Thursday 05/11
    for day in (date(2026, 11, 20), date(2027, 11, 30)):  # in the past; beyond a year
        with pytest.raises(InvalidInputError):
            dossiers.reappoint(code, new_due_day=day, reason="Chờ xác minh", clerk_id=1)
    view = dossiers.reappoint(
        code, new_due_day=date(2026, 11, 26), reason="Chờ xác minh", clerk_id=1
    )
    assert view.reappointed_due_at == datetime(2026, 11, 26, 17, 0)
    [event] = audit(database, "ticket.reappoint")
    assert (event.at, event.clerk_id) == (NOW, 1)


def test_a_dossier_change_names_an_active_clerk_of_the_office(database, dossiers, clock):
    code = received_three_days_ago(dossiers, clock)
    with pytest.raises(InvalidInputError, match="which clerk"):
        dossiers.return_result(code)  # two clerks and two managers: which one?
    with pytest.raises(NotFoundError):
        dossiers.return_result(code, clerk_id=99)
    assert dossiers.show(code).returned_at is None


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(offset=st.timedeltas(min_value=timedelta(days=-800), max_value=timedelta(days=800)))
def test_without_a_manager_only_the_clocks_time_is_recorded(database, dossiers, offset):
    """Whatever time is stated, an unapproved receipt is the clock's or is refused in words."""
    stated = StatedTime(NOW + offset)
    try:
        view = dossiers.register("HT-KS", clerk_id=1, stated=stated)
    except InvalidInputError:
        assert abs(offset) > timedelta(minutes=5)
        return
    assert abs(offset) <= timedelta(minutes=5) and view.received_at == NOW


# The command line and the reports.


def pdf_text(path):
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def kiosk_at(moment, *args):
    return run_kiosk([*args, "--lang", "en"], MutableClock(moment))


def test_a_backdated_return_is_refused_without_a_manager_and_listed_with_one(
    database, office, managers, db_url, tmp_path, capsys, monkeypatch
):
    received = datetime(2026, 11, 16, 9, 0)
    add = ["dossier", "add", "--service", "HT-XNHN", "--clerk", "1", "--db", db_url]
    assert kiosk_at(received, *add) == 0
    code = "000.00.30.H12-261116-0001"  # due Thursday 19/11
    backdated = ["dossier", "return", code, "--clerk", "1", "--at", "2026-11-18T10:00"]
    capsys.readouterr()
    assert kiosk_at(NOW, *backdated, "--db", db_url) == 1
    refusal = capsys.readouterr().err
    assert "manager" in refusal and len(refusal.strip().splitlines()) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO(MANAGER_PIN + "\n"))
    approved = [*backdated, "--manager", "9", "--reason", "Trả giấy, quên ghi máy", "--json"]
    assert kiosk_at(NOW, *approved, "--db", db_url) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["returned_at"] == "2026-11-18T10:00:00" and shown["status"] == "early"

    period = ["export", "daily", "--from", "2026-11-16", "--to", "2026-11-23", "--db", db_url]
    listed = [
        code,
        "returned",
        "2026-11-18 10:00:00",
        "2026-11-23 09:30:00",
        "Nguyễn Thị Hương",
        "Phạm Văn Quản",
        "Trả giấy, quên ghi máy",
    ]
    assert kiosk_at(NOW, *period, "--format", "csv", "--out", str(tmp_path / "csv")) == 0
    rows = [
        row
        for path in sorted((tmp_path / "csv").glob("*.csv"))
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    ]
    assert listed in rows
    assert ["Dossiers with a corrected time", "1"] in [row[:2] for row in rows]

    book_path = tmp_path / "report.xlsx"
    assert kiosk_at(NOW, *period, "--out", str(book_path)) == 0
    book = openpyxl.load_workbook(book_path)
    [row] = list(book["Corrected times"].iter_rows(min_row=2, values_only=True))
    assert row[:2] == (code, "returned") and row[4:] == tuple(listed[4:])
    assert row[2:4] == (datetime(2026, 11, 18, 10, 0), NOW)
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Dossiers with a corrected time"] == 1

    pdf_path = tmp_path / "report.pdf"
    assert kiosk_at(NOW, *period, "--out", str(pdf_path)) == 0
    assert "Dossiers with a corrected time (1)" in pdf_text(pdf_path)


def test_dossier_commands_require_the_acting_clerk(database, office, db_url, capsys):
    with pytest.raises(SystemExit) as exit_code:
        kiosk_at(NOW, "dossier", "add", "--service", "HT-KS", "--db", db_url)
    assert exit_code.value.code == 2
    assert "--clerk" in capsys.readouterr().err
