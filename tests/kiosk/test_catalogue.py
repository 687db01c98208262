"""The procedure catalogue kept by a manager: add, edit, retire, restore and import."""

from datetime import datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from kiosk.db.models import AuditEvent, Service
from kiosk.errors import ConflictError, InvalidInputError
from kiosk.service_search import search_services
from kiosk.services.catalogue import CatalogueService, ServiceChanges, ServiceDraft
from kiosk.services.catalogue_import import CatalogueImportService
from kiosk.services.dossiers import DossierService
from kiosk.services.manager_pin import ManagerPin, NotAManagerError
from kiosk.services.offices import list_services

MANAGER = ManagerPin(0, "9999")


@pytest.fixture
def catalogue(database, manager, clock):
    return CatalogueService(database.factory, station="cli", clock=clock)


@pytest.fixture
def importer(database, catalogue, clock):
    return CatalogueImportService(database.factory, station="cli", clock=clock)


def offered(database):
    with database.factory() as session:
        return {s.code: s for s in list_services(session)}


def actions(database):
    with database.factory() as session:
        return [
            (e.action, e.subject, e.clerk_id)
            for e in session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action.like("service.%"))
                .order_by(AuditEvent.id)
            )
        ]


def draft(**changes):
    fields = {
        "code": "1.001193",
        "name_vi": "Đăng ký kết hôn",
        "field": "Hộ tịch",
        "processing_days": 0,
    } | changes
    return ServiceDraft.checked(**fields)


def test_an_added_service_is_offered_with_its_english_name_falling_back(database, catalogue):
    view = catalogue.add(MANAGER, draft(code=" 1.001193 "))
    assert (view.code, view.name_en, view.active) == ("1.001193", "Đăng ký kết hôn", True)
    assert "1.001193" in offered(database)
    [(group, [found])] = search_services(list(offered(database).values()), "ket hon", "vi")
    assert found.code == "1.001193"
    assert actions(database) == [("service.add", "service:1.001193", 3)]  # 3: the manager


def test_a_second_service_with_the_same_code_is_refused(catalogue):
    catalogue.add(MANAGER, draft())
    with pytest.raises(ConflictError, match="already exists"):
        catalogue.add(MANAGER, draft(code="1.001193", name_vi="Khác"))


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"code": "HT KS"}, "letters, digits"),
        ({"code": "X" * 41}, "at most 40 characters (41 given)"),
        ({"name_vi": "  "}, "needs a Vietnamese name"),
        ({"name_vi": "Đ" * 301}, "at most 300 characters"),
        ({"name_en": "E" * 301}, "at most 300 characters"),
        ({"field": ""}, "needs a field"),
        ({"processing_days": -1}, "from 0 (same day)"),
        ({"processing_days": 10_000}, "from 0 (same day)"),
    ],
)
def test_a_service_that_does_not_fit_is_refused_in_words(changes, words):
    with pytest.raises(InvalidInputError, match=words.replace("(", r"\(").replace(")", r"\)")):
        draft(**changes)


def test_a_clerk_cannot_change_the_catalogue(database, catalogue):
    with pytest.raises(NotAManagerError):
        catalogue.add(ManagerPin(1, "1234"), draft())
    with pytest.raises(InvalidInputError, match="Wrong counter number or PIN"):
        catalogue.set_active(ManagerPin(0, "1111"), "HT-KS", active=False)
    assert "1.001193" not in offered(database) and "HT-KS" in offered(database)
    assert actions(database) == []


def test_new_processing_days_apply_to_dossiers_received_afterwards_only(database, catalogue, clock):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    before = dossiers.register("HT-XNHN", clerk_id=1)  # 3 working days
    assert before.due_at == datetime(2026, 11, 27, 17, 0)
    view = catalogue.edit(MANAGER, "ht-xnhn", ServiceChanges(processing_days=5, field="Hộ tịch"))
    assert view.processing_days == 5
    after = dossiers.register("HT-XNHN", clerk_id=1)
    assert after.due_at == datetime(2026, 12, 1, 17, 0)
    assert dossiers.show(before.code).due_at == datetime(2026, 11, 27, 17, 0)  # never moves
    [(action, subject, _who)] = actions(database)
    assert (action, subject) == ("service.edit", "service:HT-XNHN")
    with database.factory() as session:
        [details] = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "service.edit")
        )
    assert details == {"processing_days": 5}  # only what changed


def test_an_edit_with_nothing_to_change_is_refused(catalogue):
    with pytest.raises(InvalidInputError, match="Say what to change"):
        catalogue.edit(MANAGER, "HT-KS", ServiceChanges())


def test_a_retired_service_is_not_offered_but_keeps_its_dossiers(database, catalogue, clock):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    old = dossiers.register("HT-KS", clerk_id=1)
    catalogue.set_active(MANAGER, "HT-KS", active=False)
    assert "HT-KS" not in offered(database)
    with pytest.raises(InvalidInputError, match="no longer offered"):
        dossiers.register("HT-KS", clerk_id=1)
    assert dossiers.show(old.code).service_name_vi == "Đăng ký khai sinh"
    with pytest.raises(ConflictError, match="already retired"):
        catalogue.set_active(MANAGER, "HT-KS", active=False)
    catalogue.set_active(MANAGER, "HT-KS", active=True)
    assert "HT-KS" in offered(database)
    assert [a for a, _s, _w in actions(database)] == ["service.retire", "service.restore"]


def write_xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


CATALOGUE = [
    ["DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ"],
    [],
    ["STT", "Mã thủ tục", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực", "Thời hạn giải quyết"],
    ["I", None, "Lĩnh vực Hộ tịch"],
    [1, "1.001193", "Thủ tục đăng ký khai sinh", "Cấp Xã", "Hộ tịch", "Trong ngày"],
    [2, "1.000894", "Thủ tục đăng ký kết hôn", "Cấp Xã", "Hộ tịch", "05 ngày làm việc"],
    [3, "HT-XNHN", "Cấp Giấy xác nhận tình trạng hôn nhân", "Cấp Xã", "Hộ tịch", 3],
]


def test_the_national_catalogue_imports_and_a_second_import_changes_nothing(
    database, importer, tmp_path
):
    path = write_xlsx(tmp_path / "tthc.xlsx", CATALOGUE)
    report = importer.import_file(path, manager=MANAGER)
    assert report.written and report.refused == []
    assert (report.added, report.updated) == (["1.001193", "1.000894"], ["HT-XNHN"])
    services = offered(database)
    assert services["1.000894"].processing_days == 5
    assert services["1.001193"].processing_days == 0
    assert services["1.001193"].name_en == "Thủ tục đăng ký khai sinh"
    assert services["HT-XNHN"].name_vi == "Cấp Giấy xác nhận tình trạng hôn nhân"
    assert services["HT-XNHN"].name_en == "Confirmation of marital status"  # typed, kept
    again = importer.import_file(path, manager=MANAGER)
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], 3)
    assert [a for a, _s, _w in actions(database)] == ["service.import", "service.import"]


def test_one_unreadable_row_imports_nothing_and_is_reported_with_its_reason(
    database, importer, tmp_path
):
    rows = [
        *CATALOGUE,
        [4, "2.000986", "Cấp bản sao trích lục hộ tịch", "Cấp Xã", "Hộ tịch", "30 ngày"],
        [5, "1.000894", "Trùng mã", "Cấp Xã", "Hộ tịch", "02 ngày làm việc"],
        [6, None, "Không có mã", "Cấp Xã", "Hộ tịch", "02 ngày làm việc"],
        [7, 1.00119, "Mã bị Excel đổi thành số", "Cấp Xã", "Hộ tịch", "02 ngày làm việc"],
    ]
    report = importer.import_file(write_xlsx(tmp_path / "tthc.xlsx", rows), manager=MANAGER)
    assert not report.written
    assert [(r.row, r.code) for r in report.refused] == [
        (8, "2.000986"),
        (9, "1.000894"),
        (10, ""),
        (11, "1.00119"),
    ]
    assert "does not say working days" in str(report.refused[0].problem)
    assert "already on row 6" in str(report.refused[1].problem)
    assert "stored as a number" in str(report.refused[3].problem)
    assert "1.001193" not in offered(database)
    assert actions(database) == []


def test_a_dry_run_reports_without_writing_or_asking_a_manager(database, importer, tmp_path):
    report = importer.import_file(
        write_xlsx(tmp_path / "tthc.xlsx", CATALOGUE), manager=None, dry_run=True
    )
    assert not report.written and report.added == ["1.001193", "1.000894"]
    assert report.updated == ["HT-XNHN"]
    assert "1.001193" not in offered(database)
    with database.factory() as session:
        assert session.get(Service, 2).name_vi == "Xác nhận tình trạng hôn nhân"
    assert actions(database) == []


def test_a_retired_service_stays_retired_when_imported_again(
    database, catalogue, importer, tmp_path
):
    catalogue.set_active(MANAGER, "HT-XNHN", active=False)
    importer.import_file(write_xlsx(tmp_path / "tthc.xlsx", CATALOGUE), manager=MANAGER)
    assert "HT-XNHN" not in offered(database)
