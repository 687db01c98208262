"""The clerk's station without the office's receipt key: staff are told which file and what to
run, dossiers are still registered and found by code; only receipts and QR look-ups wait."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kiosk.db.models import Dossier
from kiosk.errors import KioskError
from kiosk.key_files import KeyFileError
from kiosk.receipt_signing import UnavailableReceiptSigner, load_receipt_key
from tests.ui.test_clerk_station import SAVE, open_window, sign_in

WAIT = 10000


@pytest.fixture
def keyless(tmp_path):
    with pytest.raises(KeyFileError) as missing:
        load_receipt_key(tmp_path / "receipt-signing.key")
    return missing.value


def test_a_missing_office_key_stops_receipts_only(
    qtbot, database, office, clock, tmp_path, keyless
):
    from tests.kiosk.printer_fixtures import SocketPrinter

    thermal = SocketPrinter()
    try:
        window = open_window(
            qtbot, database.factory, database, clock, thermal, UnavailableReceiptSigner(keyless)
        )
        window.show_key_problem(keyless)
        status = window.desk.printer_status.text()
        assert str(tmp_path / "receipt-signing.key") in status and "kiosk keys init" in status
        sign_in(qtbot, window)
        desk = window.desk
        qtbot.keyClicks(desk.service, "HT-KS")
        desk.citizen_name.setText("Nguyen Van An")
        qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return, SAVE)
        qtbot.waitUntil(lambda: desk.result.text().startswith("✓ "), timeout=WAIT)
        with database.factory() as session:
            assert session.scalar(select(func.count()).select_from(Dossier)) == 1
        qtbot.waitUntil(lambda: "receipt-signing.key" in desk.printer_status.text(), timeout=WAIT)
        with pytest.raises(KioskError):
            window.signer.payload("000.00.30.H12-261123-0001")
    finally:
        thermal.close()
