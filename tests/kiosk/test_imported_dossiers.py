"""A dossier imported from the provincial system, seen through the services the counter uses."""

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kiosk.db.models import Dossier, DossierSource, Service
from kiosk.errors import ConflictError
from kiosk.reports.indicators import compute
from kiosk.services.counter_forms import CounterFormService
from kiosk.services.dossiers import DossierService
from kiosk.services.offices import find_office
from kiosk.status import DossierStatus
from tests.conftest import run_kiosk

CODE = "H12.30-261116-0007"


@pytest.fixture
def imported(database, office):
    """Received 16/11, due 19/11, not returned: late by 23/11 (no clerk of ours took it)."""
    with database.factory.begin() as session:
        session.add(
            Dossier(
                code=CODE,
                office_id=find_office(session).id,
                service_id=session.scalar(select(Service.id).where(Service.code == "HT-XNHN")),
                clerk_id=None,
                received_at=datetime(2026, 11, 16, 8, 0),
                due_at=datetime(2026, 11, 19, 17, 0),
                source=DossierSource.PROVINCIAL,
                source_status="4",
                imported_at=datetime(2026, 11, 20, 6, 0),
            )
        )
    return CODE


def test_an_imported_dossier_is_shown_and_judged_like_any_other(database, imported, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    view = dossiers.show(imported)
    assert (view.clerk_name, view.counter) == ("", None)
    assert view.status is DossierStatus.LATE
    assert imported in {v.code for v in dossiers.list(status=DossierStatus.LATE)}
    with database.factory() as session:
        report = compute(
            session,
            find_office(session).id,
            date(2026, 11, 16),
            date(2026, 11, 20),
            clock.now.date(),
        )
    assert report.received == 1
    assert report.unit.late == 1
    assert report.by_clerk == {}  # nobody of ours is judged on it


def test_the_counter_does_not_change_an_imported_dossier(database, imported, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    forms = CounterFormService(database.factory, station="test", clock=clock)
    attempts = [
        lambda: dossiers.return_result(imported, clerk_id=1),
        lambda: dossiers.reappoint(
            imported, new_due_day=date(2026, 11, 27), reason="x", clerk_id=1
        ),
        lambda: forms.request_supplement(imported, missing=["CCCD"], reason="x", clerk_id=1),
        lambda: forms.refuse(imported, reason="x", clerk_id=1),
    ]
    for attempt in attempts:
        with pytest.raises(ConflictError, match="provincial one-stop system"):
            attempt()
    assert dossiers.show(imported).returned_at is None


def test_the_register_says_where_an_imported_dossier_came_from(database, imported, tmp_path):
    out = tmp_path / "so.xlsx"
    period = ["export", "daily", "--from", "16/11/2026", "--to", "20/11/2026", "--out", str(out)]
    assert run_kiosk([*period, "--db", database.url]) == 0
    sheet = load_workbook(out)["Sổ theo dõi hồ sơ (Mẫu 07)"]
    header, *rows = sheet.iter_rows(values_only=True)
    row = next(r for r in rows if imported in r)
    assert row[header.index("Ghi chú")] == "Nhập từ hệ thống một cửa của tỉnh"
