"""Receipts and apology letters: what is printed, read back from the PDF like a person would."""

import re
import subprocess
from datetime import date, datetime

import pytest
import zxingcpp
from PIL import Image

from kiosk.db.models import PrintKind
from kiosk.errors import InvalidInputError
from kiosk.i18n import Translator
from kiosk.printing.pdf_slip import A5, ROLL_80
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.dossiers import DossierService
from kiosk.services.slips import SlipService
from kiosk.views import CitizenDetails
from tests.conftest import MutableClock, run_kiosk

MM = 72 / 25.4


@pytest.fixture
def signer():
    return ReceiptSigner(b"office-key".ljust(32, b"-"))


@pytest.fixture
def code(database, office, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with clock.at(datetime(2026, 4, 28, 10, 5)):
        return dossiers.register(
            "HT-XNHN",
            clerk_id=1,
            citizen=CitizenDetails("Nguyễn Văn Ấn", "Ấp Phú Hòa, xã Tân Phú", "0912345678"),
        ).code


def render(database, kind, code, signer, paper, tmp_path):
    slips = SlipService(database.factory, station="test")
    pdf = slips.render(kind, code, signer=signer, paper=paper, tr=Translator("vi"))
    path = tmp_path / f"{kind.value}-{paper.name}.pdf"
    path.write_bytes(pdf)
    return path


def pdf_text(path):
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def page_size_mm(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    line = next(ln for ln in info.splitlines() if ln.startswith("Page size"))
    width, height = (float(v) for v in line.split()[2:5:2])
    return round(width / MM), round(height / MM)


def scanned_payloads(path, tmp_path):
    prefix = tmp_path / path.stem
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(prefix)], check=True)
    return [
        barcode.text
        for png in sorted(tmp_path.glob(f"{path.stem}*.png"))
        for barcode in zxingcpp.read_barcodes(Image.open(png))
    ]


@pytest.mark.parametrize("paper", [A5, ROLL_80], ids=["a5", "80mm"])
def test_receipt_shows_form_01_in_vietnamese_with_a_genuine_qr(
    database, code, signer, paper, tmp_path
):
    path = render(database, PrintKind.RECEIPT, code, signer, paper, tmp_path)
    text = " ".join(pdf_text(path).split())
    for expected in (
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {code}",
        "Nguyễn Văn Ấn",
        "Xác nhận tình trạng hôn nhân",
        "3 ngày làm việc",
        "10 giờ 05 phút, ngày 28 tháng 04 năm 2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 05 tháng 05 năm 2026",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ):
        assert expected in text, expected
    [payload] = scanned_payloads(path, tmp_path)
    assert signer.verify(payload) == code
    # The check number a citizen types at the kiosk is printed under the QR.
    [check] = re.findall(r"Mã kiểm tra: (\d+)", text)
    assert check == signer.check_number(code)
    assert "Nguyễn" not in payload and "0912345678" not in payload  # no personal data
    width, height = page_size_mm(path)
    assert width == (148 if paper is A5 else 80)
    assert height == 210 if paper is A5 else 120 < height < 400


def test_apology_letter_states_reason_and_new_appointment(database, code, signer, tmp_path, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with pytest.raises(InvalidInputError):
        render(database, PrintKind.APOLOGY, code, signer, A5, tmp_path)
    with clock.at(datetime(2026, 5, 6, 9, 0)):
        dossiers.reappoint(
            code, new_due_day=date(2026, 5, 8), reason="Chờ xác minh với Công an xã", clerk_id=1
        )
    for paper in (A5, ROLL_80):
        path = render(database, PrintKind.APOLOGY, code, signer, paper, tmp_path)
        text = " ".join(pdf_text(path).split())
        assert "Kính gửi: Ông/Bà Nguyễn Văn Ấn" in text
        assert "Lý do: Chờ xác minh với Công an xã" in text
        assert "17 giờ 00 phút, ngày 08 tháng 05 năm 2026" in text
        assert "hẹn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 05 tháng 05 năm 2026" in text
        assert "xin lỗi Ông/Bà" in text
        assert signer.verify(scanned_payloads(path, tmp_path)[0]) == code


def test_command_line_prints_and_refuses_a_second_reappointment(
    database, code, db_url, tmp_path, capsys
):
    from tests.kiosk.signing import machine_keys

    machine_keys()  # the office's receipt key, as `kiosk keys init` makes it
    assert (
        run_kiosk(
            [
                "ticket",  # the command's first name, which offices still script
                "reappoint",
                code,
                "--to",
                "08/05/2026",
                "--reason",
                "Chờ ý kiến",
                "--clerk",
                "1",
                "--db",
                db_url,
            ],
            MutableClock(datetime(2026, 5, 6, 9, 0)),
        )
        == 0
    )
    assert (
        run_kiosk(
            [
                "ticket",
                "reappoint",
                code,
                "--to",
                "2026-05-11",
                "--reason",
                "Lần hai",
                "--clerk",
                "1",
                "--db",
                db_url,
            ],
            MutableClock(datetime(2026, 5, 6, 9, 0)),
        )
        == 1
    )
    assert "không cho phép hẹn lại lần thứ hai" in capsys.readouterr().err
    out = tmp_path / "apology.pdf"
    assert (
        run_kiosk(["print", "apology", code, "--paper", "80mm", "--out", str(out), "--db", db_url])
        == 0
    )
    assert "Chờ ý kiến" in pdf_text(out)


def test_thermal_slip_is_a_vietnamese_picture_with_the_printers_own_qr(database, code, signer):
    from kiosk.printing.escpos_preview import raster_images
    from kiosk.printing.escpos_slip import DOTS, render_escpos
    from kiosk.printing.slip_fields import slip_content
    from kiosk.printing.templates import load_template
    from kiosk.services.dossiers import dossier_view, find_dossier
    from kiosk.services.offices import find_office, office_view

    with database.factory() as session:
        found = find_office(session)
        dossier = dossier_view(find_dossier(session, code, office_id=found.id), date(2026, 4, 28))
        office = office_view(found)
    tr = Translator("vi")
    data = render_escpos(
        load_template("receipt"),
        slip_content(dossier, office, tr, check_number=signer.check_number(code)),
        tr,
        qr_payload=signer.payload(code),
    )
    assert data.startswith(b"\x1b@")  # initialise
    assert b"\x1dV" in data[-6:]  # and cut at the end
    payload = signer.payload(code).encode("ascii")
    assert payload in data  # native QR command carries the signed payload
    assert "Nguyễn".encode() not in data  # Vietnamese goes as pictures, never as raw text
    slip, caption = raster_images(data)
    assert slip.width == DOTS and 600 < slip.height < 2000
    assert caption.width == DOTS
    inked = sum(slip.tobytes()) > 0
    assert inked


def test_diacritics_are_drawn_not_dropped():
    from PIL import Image

    from kiosk.printing.raster_text import raster_font

    font = raster_font("NotoSans-Regular.ttf", 22)

    def drawn(text):
        image = Image.new("1", (200, 40), 0)
        font.draw(image, 0, 0, text)
        return image.tobytes()

    assert drawn("Hạnh phúc") != drawn("Hanh phuc")
    assert drawn("ư ơ ặ ễ đ") != drawn("u o a e d")
