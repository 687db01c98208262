"""Importing the provincial one-stop system's dossiers: whole files or nothing, the same file
twice changes nothing, re-imports update what may change and refuse what may not."""

from __future__ import annotations

import csv
import json
import threading
import uuid
from dataclasses import replace
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kiosk.answers import RatingInput, Satisfaction
from kiosk.calendar import WorkingCalendar
from kiosk.db.models import AuditEvent, Dossier, DossierImport, DossierSource, Rating, Service
from kiosk.errors import InvalidInputError
from kiosk.i18n import Translator
from kiosk.provincial.records import FileFormat, ImportedDossier, ParsedFile, RefusedRow
from kiosk.provincial.report_words import report_lines
from kiosk.services.corrections import CLOCK_SKEW
from kiosk.services.dossier_import import DossierImportService
from kiosk.services.dossiers import DossierService
from kiosk.services.import_plan import make_plan
from kiosk.services.import_rows import checked_rows
from kiosk.services.offices import create_office
from kiosk.services.ratings import RatingService
from tests.conftest import NOW, run_kiosk
from tests.kiosk.provincial_files import (
    REGISTER_HEADERS,
    dvcqg_item,
    register_row,
    write_dvcqg_json,
    write_register_csv,
    write_register_xlsx,
)
from tests.kiosk.signing import sign_stations

UNIT = "000.00.30.H12"
EN = Translator("en")


def imported(
    line: int,
    sequence: int,
    *,
    procedure: str = "HT-XNHN",
    received: datetime = datetime(2026, 11, 16, 8, 0),
    due: datetime = datetime(2026, 11, 19, 17, 0),
    **changes: object,
) -> ImportedDossier:
    row = ImportedDossier(
        line=line,
        code=f"{UNIT}-{received:%y%m%d}-{sequence:04d}",
        procedure_code=procedure,
        procedure_name="Xác nhận tình trạng hôn nhân",
        field_code="HT",
        field_name="Hộ tịch",
        citizen_name="Lê Thị Mai",
        citizen_address="Ấp 3, xã Tân Phú",
        citizen_phone="0912345678",
        received_at=received,
        due_at=due,
        reappointed_due_at=None,
        returned_at=None,
        status_code="4",
        processing_days=None,
    )
    return replace(row, **changes)  # type: ignore[arg-type]


def three_dossiers() -> tuple[ImportedDossier, ...]:
    """One returned a day late, one re-appointed (and so late), one still being processed."""
    return (
        imported(1, 1, returned_at=datetime(2026, 11, 20, 10, 0), status_code="10"),
        imported(
            2,
            2,
            due=datetime(2026, 11, 18, 17, 0),
            reappointed_due_at=datetime(2026, 11, 25, 17, 0),
            notes="Chờ xác minh",
        ),
        imported(3, 1, received=datetime(2026, 11, 20, 9, 0), due=datetime(2026, 11, 25, 17, 0)),
    )


def parsed(*rows: ImportedDossier, refused: tuple[RefusedRow, ...] = ()) -> ParsedFile:
    return ParsedFile(FileFormat.DVCQG, tuple(rows), refused)


@pytest.fixture
def importer(database, office, clock) -> DossierImportService:
    return DossierImportService(database.factory, station="manager", clock=clock)


def show(db_url, capsys, code):
    assert run_kiosk(["dossier", "show", code, "--db", db_url, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def count(database, model) -> int:
    with database.factory() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_imported_dossiers_exist_with_their_statuses(importer, database, db_url, capsys):
    report = importer.import_parsed(parsed(*three_dossiers()), file_name="a.json", digest="a")
    assert report.imported and len(report.created) == 3 and not report.refused
    returned_late, reappointed, processing = (show(db_url, capsys, c) for c in report.created)
    assert returned_late["status"] == "late"
    assert reappointed["status"] == "late"
    assert reappointed["reappointed_due_at"] == "2026-11-25T17:00:00"
    assert processing["status"] == "processing"
    assert processing["counter"] is None and processing["clerk_name"] == ""
    assert run_kiosk(["dossier", "show", report.created[2], "--db", db_url, "--lang", "en"]) == 0
    assert "— Received through the provincial one-stop system" in capsys.readouterr().out
    with database.factory() as session:
        dossier = session.scalars(select(Dossier).where(Dossier.code == report.created[0])).one()
        assert dossier.source is DossierSource.PROVINCIAL and dossier.clerk_id is None
        assert dossier.imported_at == NOW and dossier.register_entry is None
        assert dossier.source_status == "10"
        assert session.scalars(select(DossierImport)).one().created == 3


def test_same_file_again_changes_nothing_and_says_when(importer, database, clock):
    importer.import_parsed(parsed(*three_dossiers()), file_name="a.json", digest="abc")
    clock.now += timedelta(hours=2)
    again = importer.import_parsed(parsed(*three_dossiers()), file_name="b.json", digest="abc")
    assert again.previously_imported_at == NOW and not again.created and not again.updated
    assert again.unchanged == 3
    assert count(database, DossierImport) == 1 and count(database, Dossier) == 3
    assert "already imported at 09:30 23/11/2026" in " ".join(report_lines(again, EN))


def test_same_dossiers_in_another_file_are_counted_unchanged(importer, database):
    importer.import_parsed(parsed(*three_dossiers()), file_name="a.json", digest="a")
    again = importer.import_parsed(parsed(*three_dossiers()), file_name="b.json", digest="b")
    assert again.imported and again.unchanged == 3 and not again.created and not again.updated
    assert count(database, Dossier) == 3 and count(database, DossierImport) == 2


def test_reimport_records_a_return_and_a_reappointment_with_before_and_after(
    importer, database, db_url, capsys, clock
):
    first = (imported(1, 1), imported(2, 2))
    importer.import_parsed(parsed(*first), file_name="a.json", digest="a")
    clock.now += timedelta(days=1)
    later = (
        replace(first[0], returned_at=datetime(2026, 11, 19, 15, 0), status_code="10"),
        replace(first[1], reappointed_due_at=datetime(2026, 11, 27, 17, 0), status_code="4"),
    )
    report = importer.import_parsed(parsed(*later), file_name="b.json", digest="b")
    assert report.updated == (first[0].code, first[1].code) and report.unchanged == 0
    assert show(db_url, capsys, first[0].code)["status"] == "on-time"
    with database.factory() as session:
        audits = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "dossier.import-update")
        ).all()
        assert {a.subject for a in audits} == {first[0].code, first[1].code}
        returned = next(a for a in audits if a.subject == first[0].code)
        assert returned.details["before"] == {"returned_at": None, "source_status": "4"}
        assert returned.details["after"]["returned_at"] == "2026-11-19T15:00:00"
        dossier = session.scalars(select(Dossier).where(Dossier.code == first[1].code)).one()
        assert dossier.reappointed_at == clock.now and dossier.imported_at == clock.now
        imports = session.scalars(select(AuditEvent).where(AuditEvent.action == "dossiers.import"))
        assert [e.details["updated"] for e in imports] == [0, 2]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"received_at": datetime(2026, 11, 16, 9, 0)}, "received time changed"),
        ({"procedure_code": "HT-KS"}, "procedure changed from HT-XNHN to HT-KS"),
        ({"returned_at": datetime(2026, 11, 18, 9, 0)}, "return recorded at 10:00 20/11/2026"),
        ({"returned_at": None}, "return recorded at 10:00 20/11/2026"),
    ],
)
def test_conflicting_reimport_is_refused_whole(importer, database, change, words):
    returned = imported(1, 1, returned_at=datetime(2026, 11, 20, 10, 0), status_code="10")
    importer.import_parsed(parsed(returned), file_name="a.json", digest="a")
    newcomer = imported(2, 7)
    report = importer.import_parsed(
        parsed(replace(returned, **change), newcomer), file_name="b.json", digest="b"
    )
    assert not report.imported
    [refused] = report.refused
    assert refused.line == 1 and refused.code == returned.code
    assert words in refused.reason.render(EN)
    assert count(database, Dossier) == 1 and count(database, DossierImport) == 1


def test_a_bad_row_refuses_the_whole_file_and_is_named(importer, database):
    bad = RefusedRow(7, f"{UNIT}-261116-0009", InvalidInputError("no received time"))
    report = importer.import_parsed(
        parsed(*three_dossiers(), refused=(bad,)), file_name="a.xlsx", digest="a"
    )
    assert not report.imported and report.refused == (bad,)
    assert count(database, Dossier) == 0 and count(database, DossierImport) == 0
    lines = report_lines(report, EN)
    assert f"Line 7 (code {UNIT}-261116-0009): no received time" in lines


def test_rows_the_service_refuses_are_named(importer, database, clock):
    rows = (
        imported(1, 1, returned_at=clock.now + timedelta(hours=1)),
        imported(2, 1),
        imported(3, 3, citizen_phone="gọi sau"),
    )
    report = importer.import_parsed(parsed(*rows), file_name="a.csv", digest="a")
    assert [(r.line, r.code) for r in report.refused] == [
        (1, rows[0].code),
        (2, rows[1].code),
        (3, rows[2].code),
    ]
    words = [r.reason.render(EN) for r in report.refused]
    assert "in the future" in words[0] and "also on line 1" in words[1]
    assert count(database, Dossier) == 0


def test_counter_dossier_and_other_office_dossier_are_conflicts(database, office, clock):
    counter_code = (
        DossierService(database.factory, station="clerk", clock=clock)
        .register("HT-XNHN", clerk_id=1)
        .code
    )
    with database.factory.begin() as session:
        create_office(session, code="H12.99", name="UBND xã Khác", at=NOW, station="test")
    theirs = DossierImportService(
        database.factory, station="manager", clock=clock, office_code="H12.99"
    )
    ours = DossierImportService(
        database.factory, station="manager", clock=clock, office_code=office
    )
    other = imported(1, 5)
    assert theirs.import_parsed(parsed(other), file_name="x.json", digest="x").imported
    row = imported(2, 1, received=clock.now, due=datetime(2026, 11, 26, 17, 0))
    report = ours.import_parsed(
        parsed(other, replace(row, code=counter_code)), file_name="a.json", digest="a"
    )
    words = [r.reason.render(EN) for r in report.refused]
    assert f"Dossier {other.code} belongs to another office." in words[0]
    assert "registered at our own counter" in words[1]
    assert count(database, Dossier) == 2


def test_a_dry_run_writes_nothing(importer, database):
    report = importer.import_parsed(
        parsed(*three_dossiers(), imported(4, 4, procedure="1.001193")),
        file_name="a.json",
        digest="a",
        dry_run=True,
    )
    assert not report.imported and report.dry_run and len(report.created) == 4
    assert [p.code for p in report.new_procedures] == ["1.001193"]
    assert count(database, Dossier) == 0 and count(database, DossierImport) == 0
    with database.factory() as session:
        assert session.scalar(select(Service).where(Service.code == "1.001193")) is None
    assert "Dry run, nothing written: 4 dossiers would be added" in report_lines(report, EN)[1]


def test_new_procedure_is_created_guessed_and_confirmed_later(
    importer, database, db_url, manager, capsys
):
    rows = [
        imported(1, 1, procedure="1.001193", procedure_name="Đăng ký kết hôn"),
        imported(2, 2, procedure="1.001193", procedure_name="Đăng ký kết hôn"),
        imported(3, 3, procedure="2.000001", field_name=None, processing_days=7),
    ]
    report = importer.import_parsed(parsed(*rows), file_name="a.json", digest="a")
    guessed, given = report.new_procedures
    assert (guessed.code, guessed.processing_days, guessed.confirmed) == ("1.001193", 3, False)
    assert (given.processing_days, given.confirmed, given.field) == (7, True, "")
    words = report_lines(report, EN)
    assert any("1.001193 — Đăng ký kết hôn: 3 working days, guessed" in w for w in words)
    assert run_kiosk(["services", "list", "--db", db_url, "--lang", "en"]) == 0
    listing = capsys.readouterr().out
    assert "to confirm" in next(line for line in listing.splitlines() if "1.001193" in line)
    edit = ["services", "edit", "1.001193", "--days", "3", "--manager", "0", "--db", db_url]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", _Pipe("9999\n"))
        assert run_kiosk(edit) == 0
    with database.factory() as session:
        service = session.scalars(select(Service).where(Service.code == "1.001193")).one()
        assert service.days_confirmed and service.name_en == "Đăng ký kết hôn"


class _Pipe:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines(keepends=True)

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        return self._lines.pop(0) if self._lines else ""


def test_not_processed_dossier_is_kept_out_of_the_figures(importer, database):
    refused = imported(1, 1, not_processed=True, status_code="3")
    importer.import_parsed(parsed(refused, imported(2, 2)), file_name="a.json", digest="a")
    with database.factory() as session:
        dossier = session.scalars(select(Dossier).where(Dossier.code == refused.code)).one()
        assert dossier.refused_at == refused.received_at
        assert dossier.refusal_reason == "Không được tiếp nhận (TrangThaiHoSo 3)"


def test_a_late_dossier_cannot_be_withdrawn_out_of_the_figures(importer, database):
    late = imported(1, 1)  # due 19/11, not returned on 23/11
    importer.import_parsed(parsed(late), file_name="a.json", digest="a")
    report = importer.import_parsed(
        parsed(replace(late, not_processed=True, status_code="7")), file_name="b", digest="b"
    )
    assert "late since" in report.refused[0].reason.render(EN)


def test_the_daily_export_counts_imported_dossiers(importer, db_url, tmp_path, capsys):
    importer.import_parsed(parsed(*three_dossiers()), file_name="a.json", digest="a")
    out = tmp_path / "report"
    argv = ["export", "daily", "--from", "2026-11-16", "--to", "2026-11-20", "--format", "csv"]
    assert run_kiosk([*argv, "--out", str(out), "--db", db_url, "--lang", "en"]) == 0
    summary = _table(out / "1-Summary.csv")
    assert summary["Dossiers received"][1] == "3" and summary["Dossiers due"][1] == "2"
    by_service = _table(out / "2-By-service.csv")["HT-XNHN"]
    assert (by_service[2], by_service[5]) == ("2", "2")  # both due, both late
    register = (out / "4-Register-Form-07.csv").read_text(encoding="utf-8-sig")
    assert "Re-appointed to Nov 25, 2026: Chờ xác minh" in register  # English date in English


def _table(path):
    with path.open(encoding="utf-8-sig", newline="") as file:
        return {row[0]: row for row in csv.reader(file)}


def test_imports_leave_the_ratings_chain_intact(importer, database, office, db_url, clock):
    signer = sign_stations(database, "kiosk-1")
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock, signer=signer)
    ratings.record(RatingInput(Satisfaction.SATISFIED, service_code="HT-KS"))
    report = importer.import_parsed(parsed(*three_dossiers()), file_name="a.json", digest="a")
    clock.now += timedelta(minutes=5)
    ratings.record(RatingInput(Satisfaction.VERY_SATISFIED, dossier_code=report.created[2]))
    assert run_kiosk(["verify", "--db", db_url]) == 0


def test_the_kiosk_keeps_rating_while_a_large_import_runs(importer, database, clock):
    signer = sign_stations(database, "kiosk-1")
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock, signer=signer)
    rows = [
        imported(n, n % 9000 + 1, received=datetime(2026, 11, 2 + n // 9000, 8, 0))
        for n in range(1, 20_001)
    ]
    recorded: list[object] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def rate() -> None:
        # On and on until the import is over, and a few more: each must land, none wait out.
        while not done.is_set() or len(recorded) < 5:
            answer = RatingInput(Satisfaction.SATISFIED, service_code="HT-KS")
            try:
                recorded.append(ratings.record(answer))
            except Exception as failure:
                # the thread's failure is the test's
                failures.append(failure)
                return

    rater = threading.Thread(target=rate)
    rater.start()
    try:
        report = importer.import_parsed(parsed(*rows), file_name="big.json", digest="big")
    finally:
        done.set()
        rater.join()
    assert failures == []
    assert report.imported and len(report.created) == 20_000
    assert count(database, Rating) == len(recorded) >= 5


# The files themselves, through `kiosk dossiers import`.


def import_cli(capsys, db_url, path, *options):
    argv = ["dossiers", "import", str(path), *options, "--db", db_url, "--lang", "en"]
    exit_code = run_kiosk(argv)
    out = capsys.readouterr()
    return exit_code, out.out, out.err


def register_rows(bad: bool = False) -> list[dict[str, object]]:
    rows = [
        register_row(f"{UNIT}-261116-0001", "HT-KS", datetime(2026, 11, 16, 8), "16/11/2026"),
        register_row(
            f"{UNIT}-261116-0002",
            "HT-XNHN",
            datetime(2026, 11, 16, 9),
            datetime(2026, 11, 19, 17),
            datetime(2026, 11, 18, 10),
            procedure_name="Xác nhận tình trạng hôn nhân",
        ),
    ]
    if bad:
        rows.append(
            register_row(f"{UNIT}-261116-0003", "HT-KS", "hôm qua", datetime(2026, 11, 17, 17))
        )
    return rows


def test_an_xlsx_with_one_bad_row_imports_nothing_and_names_the_row(
    office, database, db_url, tmp_path, capsys
):
    path = write_register_xlsx(tmp_path / "so-theo-doi.xlsx", register_rows(bad=True))
    exit_code, out, _ = import_cli(capsys, db_url, path)
    assert exit_code == 1
    # The title, a blank row and the header come first: the bad dossier is on the sheet's row 6.
    assert f"Line 6 (code {UNIT}-261116-0003):" in out
    assert "Nothing was imported: 1 rows refused" in out
    assert count(database, Dossier) == 0 and count(database, DossierImport) == 0


def test_a_csv_with_bom_and_semicolons_is_imported(office, db_url, tmp_path, capsys):
    path = write_register_csv(tmp_path / "so.csv", register_rows(), bom=True, delimiter=";")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    exit_code, out, _ = import_cli(capsys, db_url, path, "--json")
    report = json.loads(out)
    assert exit_code == 0 and report["imported"] and report["format"] == "csv"
    assert report["created"] == [f"{UNIT}-261116-0001", f"{UNIT}-261116-0002"]
    assert show(db_url, capsys, f"{UNIT}-261116-0002")["status"] == "early"


def dvcqg_three() -> list[dict[str, object]]:
    received = datetime(2026, 11, 16, 8, 30)
    return [
        dvcqg_item(  # on time
            f"{UNIT}-261116-0001",
            "HT-KS",
            received,
            datetime(2026, 11, 16, 17, 0),
            returned=datetime(2026, 11, 16, 16, 0),
            status="10",
        ),
        dvcqg_item(  # an apology moved the appointment: still judged on the first one
            f"{UNIT}-261116-0002",
            "1.001193",
            received,
            datetime(2026, 11, 26, 17, 0),
            supplements=[
                (datetime(2026, 11, 19, 17, 0), datetime(2026, 11, 20, 17, 0)),
                (datetime(2026, 11, 20, 17, 0), datetime(2026, 11, 26, 17, 0)),
            ],
            procedure_name="Đăng ký kết hôn",
        ),
        dvcqg_item(  # returned late
            f"{UNIT}-261116-0003",
            "HT-XNHN",
            received,
            datetime(2026, 11, 19, 17, 0),
            returned=datetime(2026, 11, 21, 9, 0),
            status="10",
        ),
    ]


def test_a_dvcqg_sync_gives_the_right_dossiers_and_a_second_import_changes_nothing(
    office, database, db_url, tmp_path, capsys
):
    path = write_dvcqg_json(tmp_path / "dongbo.json", dvcqg_three())
    exit_code, out, _ = import_cli(capsys, db_url, path)
    assert exit_code == 0 and "Imported: 3 dossiers added, 0 changed" in out
    assert "New procedure 1.001193 — Đăng ký kết hôn: 4 working days, guessed" in out
    statuses = [show(db_url, capsys, f"{UNIT}-261116-000{n}")["status"] for n in (1, 2, 3)]
    assert statuses == ["on-time", "late", "late"]
    again = show(db_url, capsys, f"{UNIT}-261116-0002")
    assert again["reappointed_due_at"] == "2026-11-26T17:00:00"
    exit_code, out, _ = import_cli(capsys, db_url, path)
    assert exit_code == 0 and "already imported at 09:30 23/11/2026: nothing changed" in out
    assert count(database, Dossier) == 3 and count(database, DossierImport) == 1


def test_a_conflicting_dvcqg_reimport_is_refused_and_reported(
    office, database, db_url, tmp_path, capsys
):
    items = dvcqg_three()
    import_cli(capsys, db_url, write_dvcqg_json(tmp_path / "first.json", items))
    items[2]["NgayTra"] = "20261119150000"  # the late return, moved back to look on time
    items.append(dvcqg_item(f"{UNIT}-261117-0001", "HT-KS", NOW, NOW))
    exit_code, out, _ = import_cli(
        capsys, db_url, write_dvcqg_json(tmp_path / "second.json", items), "--json"
    )
    report = json.loads(out)
    assert exit_code == 1 and not report["imported"]
    assert report["refused"] == [
        {
            "line": 3,
            "code": f"{UNIT}-261116-0003",
            "problem": "The return recorded at 09:00 21/11/2026 cannot change to 15:00 19/11/2026.",
        }
    ]
    assert show(db_url, capsys, f"{UNIT}-261116-0003")["status"] == "late"
    assert count(database, Dossier) == 3


def test_a_dry_run_from_the_command_line_writes_nothing(office, database, db_url, tmp_path, capsys):
    path = write_dvcqg_json(tmp_path / "dongbo.json", dvcqg_three())
    exit_code, out, _ = import_cli(capsys, db_url, path, "--dry-run", "--format", "dvcqg")
    assert exit_code == 0 and "Dry run, nothing written: 3 dossiers would be added" in out
    assert count(database, Dossier) == 0 and count(database, DossierImport) == 0
    exit_code, out, _ = import_cli(capsys, db_url, path)
    assert "Imported: 3 dossiers added" in out


# The rule an import keeps over every possible re-import, checked without a database.

moments = st.datetimes(min_value=datetime(2026, 11, 2, 7), max_value=datetime(2026, 11, 30, 17))


@settings(max_examples=200, deadline=None)
@given(
    recorded_return=st.none() | moments,
    file_return=st.none() | moments,
    file_due=moments,
    received=moments,
)
def test_an_accepted_reimport_never_moves_a_recorded_return_or_the_receipt(
    recorded_return, file_return, file_due, received
):
    first = datetime(2026, 11, 2, 8, 0)
    known = SimpleNamespace(
        id=uuid.uuid4(),
        office_id=1,
        source=DossierSource.PROVINCIAL,
        service_code="HT-XNHN",
        received_at=first,
        due_at=datetime(2026, 11, 5, 17, 0),
        reappointed_due_at=None,
        reappointed_at=None,
        reappointment_reason=None,
        returned_at=recorded_return,
        source_status="4",
        refused_at=None,
        refusal_reason=None,
    )
    row = imported(1, 1, received=received, due=file_due, returned_at=file_return)
    refused: list[RefusedRow] = []
    rows = checked_rows([replace(row, code=known_code(first))], NOW, refused)
    plan = make_plan(
        rows,
        known_dossiers={known_code(first): known},
        service_ids={"HT-XNHN": 2},
        office_id=1,
        calendar=WorkingCalendar(),
        now=NOW,
        refused=refused,
    )
    for change in plan.updates:
        assert received == first
        assert recorded_return is None or change.values["returned_at"] == recorded_return
        assert (
            change.values["returned_at"] is None or change.values["returned_at"] <= NOW + CLOCK_SKEW
        )
    if received != first or (recorded_return is not None and file_return != recorded_return):
        assert plan.refused and not plan.updates and not plan.inserts


def known_code(received: datetime) -> str:
    return f"{UNIT}-{received:%y%m%d}-0001"


def test_a_form_07_register_without_procedure_codes_is_matched_by_name(
    office, db_url, tmp_path, capsys
):
    """Form 07 itself has no procedure-code column: the catalogue's procedure of that name."""
    headers = {k: v for k, v in REGISTER_HEADERS.items() if k != "procedure_code"}
    rows = register_rows()
    rows[1]["procedure_name"] = "XÁC NHẬN TÌNH TRẠNG HÔN NHÂN "  # case and spacing aside
    path = write_register_xlsx(tmp_path / "so-07.xlsx", rows, headers=headers)
    exit_code, out, _ = import_cli(capsys, db_url, path, "--json")
    assert exit_code == 0 and json.loads(out)["imported"]
    assert show(db_url, capsys, f"{UNIT}-261116-0002")["service_code"] == "HT-XNHN"

    rows = [register_row(f"{UNIT}-261117-0001", "", datetime(2026, 11, 17, 8), "17/11/2026")]
    rows[0]["procedure_name"] = "Đăng ký nhận cha, mẹ, con"
    path = write_register_xlsx(tmp_path / "so-07b.xlsx", rows, headers=headers)
    exit_code, out, _ = import_cli(capsys, db_url, path)
    assert exit_code == 1
    assert "Đăng ký nhận cha, mẹ, con' is not in the catalogue" in out
