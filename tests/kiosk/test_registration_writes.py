"""A registration in a few statements, with what the station keeps between registrations checked
by every write: a change made elsewhere is seen at the next registration, never a stale one."""

from datetime import date

import pytest
from sqlalchemy import delete, func, select, update

from kiosk.db.models import (
    AuditEvent,
    Clerk,
    DossierCounter,
    OfficeDayOff,
    PrintJob,
    PrintStatus,
    Service,
)
from kiosk.errors import InvalidInputError, NotFoundError
from kiosk.services.dossiers import DossierService
from kiosk.views import CitizenDetails, DocumentItem
from tests.kiosk.statement_count import counting_statements

# What scripts/bench_registrations.py reports per registration (counted the same way):
# PostgreSQL takes the numbers in one statement and writes dossier, audit and job in another;
# SQLite has no INSERT in a CTE and writes one statement per row, in-process.
STATEMENTS = {"sqlite": 4, "postgresql": 2}
WITH_RECEIPT = {"sqlite": 5, "postgresql": 2}


@pytest.fixture
def dossiers(database, office, clock):
    return DossierService(database.factory, station="clerk-1", clock=clock)


def test_a_registration_sends_the_statements_the_benchmark_reports(database, dossiers):
    dossiers.register("HT-KS", clerk_id=1)  # the station reads its office, service and clerk once
    engine = database.engine.dialect.name
    with counting_statements(database.engine) as plain:
        dossiers.register("HT-KS", clerk_id=1)
    with counting_statements(database.engine) as receipt:
        view = dossiers.register("HT-KS", clerk_id=1, print_receipt=True)
    assert len(plain) == STATEMENTS[engine]
    assert len(receipt) == WITH_RECEIPT[engine]
    assert not any(s.lstrip().upper().startswith("SELECT") for s in plain.statements)
    with database.factory() as session:
        job = session.scalars(select(PrintJob)).one()
        audit = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "ticket.register")
        ).all()
    assert (job.dossier_id, job.status, job.station) == (view.id, PrintStatus.QUEUED, "clerk-1")
    assert [a.subject for a in audit][-1] == view.code
    assert audit[-1].details == {"service": "HT-KS", "due_at": "2026-11-23T17:00:00"}


def test_days_off_changed_elsewhere_move_the_next_appointments(database, dossiers):
    # Monday 23/11, three working days after it (24/11 is Vietnam Cultural Day).
    before = dossiers.register("HT-XNHN", clerk_id=1)
    with database.factory.begin() as session:
        session.add(OfficeDayOff(office_id=1, day=date(2026, 11, 26), reason="Kiểm kê"))
    added = dossiers.register("HT-XNHN", clerk_id=1)
    kept = dossiers.register("HT-XNHN", clerk_id=1)  # the day off is now known to the station
    with database.factory.begin() as session:
        session.execute(delete(OfficeDayOff))
    removed = dossiers.register("HT-XNHN", clerk_id=1)
    assert [v.due_at.day for v in (before, added, kept, removed)] == [27, 30, 30, 27]
    assert removed.code.endswith("-0004")


def test_a_service_retired_elsewhere_is_refused_without_using_a_number(database, dossiers):
    dossiers.register("HT-XNHN", clerk_id=1)
    with database.factory.begin() as session:
        session.execute(update(Service).where(Service.code == "HT-XNHN").values(active=False))
    with pytest.raises(InvalidInputError, match="HT-XNHN"):
        dossiers.register("HT-XNHN", clerk_id=1)
    assert dossiers.register("HT-KS", clerk_id=1).code.endswith("-0002")


def test_a_renamed_service_is_shown_by_its_new_name(database, dossiers):
    dossiers.register("HT-KS", clerk_id=1)
    with database.factory.begin() as session:
        session.execute(
            update(Service).where(Service.code == "HT-KS").values(name_en="Birth certificate")
        )
    assert dossiers.register("HT-KS", clerk_id=1).service_name_en == "Birth certificate"


def test_a_clerk_deactivated_elsewhere_cannot_register(database, dossiers):
    dossiers.register("HT-KS", clerk_id=2)
    with database.factory.begin() as session:
        session.execute(update(Clerk).where(Clerk.id == 2).values(active=False))
    with pytest.raises(NotFoundError):
        dossiers.register("HT-KS", clerk_id=2)
    with database.factory() as session:
        taken = session.scalar(select(func.max(DossierCounter.last_sequence)))
    assert taken == 1


def test_what_the_clerk_is_shown_is_what_every_station_reads_back(database, dossiers):
    # Written through statements compiled once for the driver: the dates, the UUID, the
    # Vietnamese text and the documents' JSON must read back exactly as the ORM wrote them.
    citizen = CitizenDetails(
        "Nguyễn Thị Hương", "Số 7, đường Lê Lợi, phường Bến Thành", "0901234567"
    )
    documents = (DocumentItem("Tờ khai đăng ký khai sinh", "original", 1),)
    shown = dossiers.register(
        "HT-KS", clerk_id=1, citizen=citizen, documents=documents, print_receipt=True
    )
    read_back = dossiers.show(shown.code)
    assert read_back == shown
    assert (read_back.citizen, read_back.documents) == (citizen, documents)
    with database.factory() as session:
        job = session.scalars(select(PrintJob)).one()
    assert job.dossier_id == shown.id
