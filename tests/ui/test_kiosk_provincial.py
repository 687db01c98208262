"""A receipt printed by the provincial one-stop system, rated at the kiosk: its Code 128 barcode or
QR is drawn as a real image, read back by a real decoder, and typed into the kiosk as the scanner
types it. Only dossiers imported from the provincial system open with a bare code."""

import subprocess
from datetime import timedelta

import pytest
import zxingcpp
from PIL import Image
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import createBarcodeDrawing
from sqlalchemy import select

from kiosk.answers import Satisfaction
from kiosk.db.models import Dossier, Rating
from kiosk.i18n import Translator
from kiosk.rating_flow import Step
from kiosk.receipt_payload import NEEDS_PROOF, NOT_GENUINE, NOT_ON_KIOSK
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.dossiers import DossierService
from kiosk.services.ratings import verify_chains
from tests.kiosk.signing import machine_keys, sign_stations
from tests.kiosk.test_receipt_codes import add_imported_dossier
from tests.ui.test_kiosk_flow import WAIT, open_kiosk, ratings, scan, tap

VI = Translator("vi")
IMPORTED = "000.00.30.H12-261120-0007"  # the provincial system's code for a dossier of ours
LOOKUP_LINK = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?maHoSo={code}"


@pytest.fixture
def imported(database, office):
    return add_imported_dossier(database, office, IMPORTED)


def printed_and_read(kind, value, tmp_path):
    """The barcode as a receipt prints it, read back off its picture as the scanner reads it."""
    drawing = createBarcodeDrawing(kind, value=value, barHeight=40, humanReadable=True)
    if kind == "QR":
        drawing = createBarcodeDrawing(kind, value=value, width=200, height=200)
    pdf = tmp_path / f"{kind}.pdf"
    renderPDF.drawToFile(drawing, str(pdf))
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-singlefile", str(pdf), str(tmp_path / kind)],
        check=True,
    )
    [barcode] = zxingcpp.read_barcodes(Image.open(tmp_path / f"{kind}.png"))
    expected = (
        zxingcpp.BarcodeFormat.Code128 if kind == "Code128" else zxingcpp.BarcodeFormat.QRCode
    )
    assert barcode.format == expected
    return barcode.text


def told(window):
    """The start screen's message, as the citizen reads it (after its warning sign)."""
    return window.attract.problem.text().removeprefix("⚠ ")


def rate(qtbot, window):
    tap(qtbot, window.dossier.rate_button)
    tap(qtbot, window.face.faces[Satisfaction.SATISFIED])
    for _ in range(3):
        tap(qtbot, window.question.skip_button)
    qtbot.waitUntil(lambda: window.flow.step is Step.THANKS, timeout=WAIT)


def test_a_code_128_of_an_imported_dossier_rates_it_once(qtbot, database, imported, tmp_path):
    sign_stations(database, "kiosk-test")  # the kiosk key, registered: its chain verifies
    window = open_kiosk(qtbot, database.url)
    scanned = printed_and_read("Code128", imported, tmp_path)
    assert scanned == imported
    scan(qtbot, window, scanned)
    qtbot.waitUntil(lambda: window.flow.step is Step.DOSSIER, timeout=WAIT)
    assert window.dossier.heading.text() == f"Hồ sơ {imported}"
    assert window.dossier.service.text().endswith(
        "\n" + VI("Received through the provincial one-stop system")
    )
    rate(qtbot, window)
    tap(qtbot, window.thanks.done_button)
    scan(qtbot, window, scanned)  # the same receipt again
    qtbot.waitUntil(lambda: window.flow.step is Step.ALREADY_RATED, timeout=WAIT)
    assert "đã được đánh giá" in window.notice.message.text()
    [saved] = ratings(database)
    with database.factory() as session:
        dossier = session.scalars(select(Dossier).where(Dossier.code == imported)).one()
        assert (saved.dossier_id, saved.service_id) == (dossier.id, dossier.service_id)
        assert saved.clerk_id is None and saved.satisfaction is Satisfaction.SATISFIED
        assert saved.signature  # signed by the kiosk key registered below
        report = verify_chains(session, office_key=machine_keys()[0])
    assert report.ok and report.ratings_checked == 1


def test_a_lookup_link_in_a_qr_opens_the_imported_dossier(qtbot, database, imported, tmp_path):
    window = open_kiosk(qtbot, database.url)
    scanned = printed_and_read("QR", LOOKUP_LINK.format(code=imported), tmp_path)
    scan(qtbot, window, scanned)
    qtbot.waitUntil(lambda: window.flow.step is Step.DOSSIER, timeout=WAIT)
    assert window.dossier.heading.text() == f"Hồ sơ {imported}"


def test_an_unknown_bare_code_is_refused_in_words(qtbot, database, imported, tmp_path):
    window = open_kiosk(qtbot, database.url)
    scan(qtbot, window, printed_and_read("Code128", "000.00.30.H12-261120-0008", tmp_path))
    qtbot.waitUntil(lambda: window.attract.problem.isVisible(), timeout=WAIT)
    assert told(window) == VI(NOT_ON_KIOSK)
    assert window.flow.step is Step.ATTRACT
    tap(qtbot, window.attract.english_button)
    assert told(window) == (
        "This dossier is not on this kiosk yet; please ask the clerk at the counter."
    )
    assert ratings(database) == []


def test_a_bare_code_of_our_counter_needs_the_qr_or_the_check_number(
    qtbot, database, office, clock
):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with clock.at(clock.now - timedelta(days=1)):
        ours = dossiers.register("HT-XNHN", clerk_id=2).code
    window = open_kiosk(qtbot, database.url)
    scan(qtbot, window, ours)
    qtbot.waitUntil(lambda: window.attract.problem.isVisible(), timeout=WAIT)
    assert told(window) == VI(NEEDS_PROOF)
    assert window.flow.step is Step.ATTRACT
    scan(qtbot, window, LOOKUP_LINK.format(code=ours))  # nor wrapped in a link
    qtbot.wait(300)
    assert told(window) == VI(NEEDS_PROOF)
    scan(qtbot, window, ReceiptSigner(machine_keys()[0]).payload(ours))  # its receipt's QR
    qtbot.waitUntil(lambda: window.flow.step is Step.DOSSIER, timeout=WAIT)
    assert window.dossier.heading.text() == f"Hồ sơ {ours}"


def test_a_forged_signed_qr_is_still_refused(qtbot, database, imported):
    window = open_kiosk(qtbot, database.url)
    genuine = ReceiptSigner(machine_keys()[0]).payload(imported)
    forged = genuine[:-3] + ("AAA" if not genuine.endswith("AAA") else "BBB")
    scan(qtbot, window, forged)
    assert told(window) == VI(NOT_GENUINE)
    assert window.flow.step is Step.ATTRACT
    with database.factory() as session:
        assert session.scalars(select(Rating)).all() == []
