"""The feedback case's slip: what the citizen reads on it, its QR read back by a scanner, and
never the citizen's name or phone (on A5, on an 80 mm roll, and on a thermal printer)."""

import subprocess
import time
import uuid

import pytest

from kiosk.case_qr import CaseQrSigner
from kiosk.db.case_models import CaseSource
from kiosk.errors import NotFoundError
from kiosk.i18n import Translator
from kiosk.printing.case_slip import (
    UnnumberedCase,
    case_slip,
    case_slip_content,
    case_slip_escpos,
    case_slip_pdf,
    print_case_slip,
)
from kiosk.printing.escpos_preview import raster_images
from kiosk.printing.escpos_slip import DOTS, MARGIN
from kiosk.printing.pdf_slip import A5, ROLL_80
from kiosk.printing.printers import printer_from_setting
from kiosk.services.case_desk import CaseDesk
from kiosk.services.case_slips import CaseSlipService
from kiosk.services.cases import Contact
from kiosk.views import OfficeView
from tests.conftest import NOW, MutableClock, run_kiosk
from tests.kiosk.printed import native_qr_payloads, pdf_text, scanned
from tests.kiosk.printer_fixtures import SocketPrinter
from tests.kiosk.signing import machine_keys

HUONG, MANAGER = 1, 3
NAME, PHONE = "Lê Văn Bình", "0912345678"
SUBJECT = "Thủ tục rườm rà, phải đi lại nhiều lần"
VI = Translator("vi")
SIGNER = CaseQrSigner(b"office-key".ljust(32, b"-"))
MM = 72 / 25.4


def open_case(database, clock, *, contact=None, about_clerk_id=None):
    desk = CaseDesk(database.factory, station="manager-1", clock=clock)
    return desk.open(
        MANAGER,
        source=CaseSource.IN_PERSON,
        subject=SUBJECT,
        text="Nộp hồ sơ ba lần vẫn bị trả lại",
        contact=contact,
        about_clerk_id=about_clerk_id,
    )


def stored_slip(database, clock, number, viewer=MANAGER):
    slips = CaseSlipService(database.factory, station="manager-1", clock=clock)
    return slips.slip(number, viewer, signer=SIGNER)


def page_size_mm(pdf, tmp_path):
    path = tmp_path / "size.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    line = next(ln for ln in info.splitlines() if ln.startswith("Page size"))
    width, height = (float(v) for v in line.split()[2:5:2])
    return round(width / MM), round(height / MM)


def assert_no_contact(text):
    digits = "".join(ch for ch in text if ch.isdigit())
    assert NAME not in text and "Bình" not in text
    assert PHONE not in digits and PHONE[1:] not in digits  # nor as "+84 912 345 678"


@pytest.mark.parametrize("paper", [A5, ROLL_80], ids=["a5", "80mm"])
def test_slip_of_a_call_back_says_when_and_how_in_vietnamese_with_a_genuine_qr(
    database, office, manager, clock, paper, tmp_path
):
    case = open_case(database, clock, contact=Contact(NAME, PHONE))
    pdf = case_slip_pdf(stored_slip(database, clock, case.number), paper, VI)
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "UBND XÃ TÂN PHÚ",
        "PHIẾU TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ",
        f"Số: {case.number}",
        "UBND xã Tân Phú đã tiếp nhận phản ánh, kiến nghị của Ông/Bà.",
        "Thời gian tiếp nhận: 09:30 ngày 23/11/2026",
        f"Về việc: {SUBJECT}",
        # 10 working days from Monday 23/11/2026, Tuesday 24/11 a day off at this office.
        "Thời hạn trả lời: trước 17:00 ngày 08/12/2026 (10 ngày làm việc)",
        "Hình thức trả lời: cơ quan sẽ gọi điện trả lời theo số điện thoại Ông/Bà đã để lại",
        "Quét mã này tại máy đánh giá để xem kết quả và đánh giá việc giải quyết",
    ):
        assert expected in text, expected
    assert_no_contact(text)
    assert [SIGNER.verify(payload) for payload in scanned(pdf, tmp_path, 100)] == [case.id]
    width, height = page_size_mm(pdf, tmp_path)
    assert width == (148 if paper is A5 else 80)
    if paper is A5:
        assert height == 210


def test_slip_without_a_phone_sends_the_citizen_to_the_counter(database, office, manager, clock):
    case = open_case(database, clock)
    fields = case_slip_content(stored_slip(database, clock, case.number), VI).fields
    assert fields["answer_way"] == "tại Bộ phận Một cửa hoặc niêm yết tại trụ sở cơ quan"


def test_nothing_on_the_slip_names_or_reaches_the_citizen(database, office, manager, clock):
    case = open_case(database, clock, contact=Contact(NAME, PHONE))
    slip = stored_slip(database, clock, case.number)
    for language in ("vi", "en"):
        assert_no_contact(" ".join(case_slip_content(slip, Translator(language)).fields.values()))
    data = case_slip_escpos(slip, VI)
    assert NAME.encode() not in data and PHONE.encode() not in data


def test_thermal_slip_is_pictures_within_the_margins_and_the_printers_own_qr(
    database, office, manager, clock
):
    case = open_case(database, clock, contact=Contact(NAME, PHONE))
    data = case_slip_escpos(stored_slip(database, clock, case.number), VI)
    assert data.startswith(b"\x1b@") and b"\x1dV" in data[-6:]  # initialised, cut at the end
    assert [SIGNER.verify(payload) for payload in native_qr_payloads(data)] == [case.id]
    assert SUBJECT.encode() not in data  # Vietnamese goes out as pictures
    slip, under_the_qr = raster_images(data)
    assert slip.width == under_the_qr.width == DOTS
    assert 500 < slip.height < 1500
    for image in (slip, under_the_qr):
        left, _top, right, _bottom = image.getbbox()  # set bits are ink
        assert left >= MARGIN and right <= DOTS - MARGIN


def test_a_clerk_gets_no_slip_of_a_case_about_them(database, office, manager, clock):
    case = open_case(database, clock, about_clerk_id=HUONG)
    with pytest.raises(NotFoundError, match=case.number):
        stored_slip(database, clock, case.number, viewer=HUONG)


def test_slip_printed_before_the_kiosk_reached_the_office_scans_all_the_same(tmp_path):
    """Out of touch, the kiosk has its own case id but neither number nor due date yet."""
    office = OfficeView(
        "000.00.30.H12", "UBND xã Tân Phú", "", NOW.time(), NOW.time(), NOW.time(), 5, False
    )
    unnumbered = UnnumberedCase(uuid.uuid4(), NOW, SUBJECT)
    slip = case_slip(unnumbered, office, case_days=10, by_phone=False, signer=SIGNER)
    pdf = case_slip_pdf(slip, ROLL_80, VI)
    text = pdf_text(pdf, tmp_path)
    assert "Số: (sẽ được cấp sau)" in text
    assert "Thời hạn trả lời: trong vòng 10 ngày làm việc kể từ ngày tiếp nhận" in text
    assert "Đường dây nóng" not in text and "Địa chỉ:" not in text  # the office has neither
    assert [SIGNER.verify(payload) for payload in scanned(pdf, tmp_path, 100)] == [unnumbered.id]


def wait_for_a_job(printer):
    """The printer's side of the socket files the job a moment after the sender closes it."""
    deadline = time.monotonic() + 10
    while not printer.jobs:
        assert time.monotonic() < deadline, "the printer got nothing"
        time.sleep(0.05)


def test_station_prints_the_slip_on_its_thermal_printer(database, office, manager, clock):
    case = open_case(database, clock, contact=Contact(NAME, PHONE))
    thermal = SocketPrinter()
    try:
        printer = printer_from_setting(f"escpos-net:127.0.0.1:{thermal.port}", "80mm")
        print_case_slip(printer, stored_slip(database, clock, case.number), VI)
        wait_for_a_job(thermal)
    finally:
        thermal.close()
    [job] = thermal.jobs
    assert native_qr_payloads(job) == [SIGNER.payload(case.id)]
    assert PHONE.encode() not in job


def test_command_line_writes_the_pdf_and_refuses_an_unknown_number(
    database, db_url, office, manager, clock, tmp_path, capsys
):
    office_key, _station = machine_keys()  # the office's key, as `kiosk keys init` makes it
    case = open_case(database, clock, contact=Contact(NAME, PHONE))
    out = tmp_path / "phieu.pdf"
    argv = ["print", "case-slip", case.number, "--out", str(out), "--clerk", str(MANAGER)]
    assert run_kiosk([*argv, "--paper", "80mm", "--db", db_url], MutableClock(NOW)) == 0
    assert "Đã ghi ra" in capsys.readouterr().out
    pdf = out.read_bytes()
    assert f"Số: {case.number}" in pdf_text(pdf, tmp_path)
    assert page_size_mm(pdf, tmp_path)[0] == 80
    assert [CaseQrSigner(office_key).verify(p) for p in scanned(pdf, tmp_path, 100)] == [case.id]

    argv[2] = "2026-9999"
    assert run_kiosk([*argv, "--db", db_url, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err == "kiosk: There is no case 2026-9999.\n"  # one line, no traceback


def test_command_line_prints_on_the_counters_printer(
    database, db_url, office, manager, clock, tmp_path, monkeypatch, capsys
):
    machine_keys()
    case = open_case(database, clock)
    thermal = SocketPrinter()
    config = tmp_path / "kiosk.toml"
    config.write_text(f'printer = "escpos-net:127.0.0.1:{thermal.port}"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    try:
        argv = ["print", "case-slip", case.number, "--clerk", str(MANAGER), "--db", db_url]
        assert run_kiosk(argv) == 0
        wait_for_a_job(thermal)
    finally:
        thermal.close()
    assert f"{case.number}: đã in." in capsys.readouterr().out
    assert len(thermal.jobs) == 1 and b"PA1:" in thermal.jobs[0]
