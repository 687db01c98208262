"""A kiosk whose key files are missing or damaged stays calm: without its own key it says it
cannot take ratings now and to ask at the counter; without the office's key it cannot check
receipts but still takes walk-in ratings; the staff exit always works; the log names the file
and the command that fixes it."""

import logging

import pytest
from PySide6.QtCore import Qt

from kiosk.answers import Satisfaction
from kiosk.config import Settings
from kiosk.i18n import Translator
from kiosk.paths import signing_key_path, station_key_path
from kiosk.rating_flow import Step
from kiosk.receipt_signing import create_receipt_key
from kiosk.station_keys import create_station_signer
from ui.app import start_kiosk
from ui.kiosk_window import RATINGS_UNAVAILABLE, RECEIPTS_UNAVAILABLE

WAIT = 10000
VI = Translator("vi")


def open_locked(qtbot, database):
    settings = Settings(database_url=database.url, language="vi", station_name="kiosk-sanh")
    window = start_kiosk(settings, windowed=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.backend is not None, timeout=WAIT)
    return window


def scan(qtbot, window, text):
    qtbot.keyClicks(window, text)
    qtbot.keyClick(window, Qt.Key.Key_Return)


@pytest.mark.parametrize("damage", ["missing", "damaged", "exposed"])
def test_without_a_usable_station_key_the_kiosk_says_so_calmly_and_staff_can_leave(
    qtbot, database, manager, caplog, damage
):
    create_receipt_key(signing_key_path(None))
    path = station_key_path(None)
    if damage != "missing":
        create_station_signer(path)
        if damage == "damaged":
            path.write_text("0123\n")
        else:
            path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="kiosk.keys"):
        window = open_locked(qtbot, database)
    assert not window.attract.start_button.isVisible()
    assert not window.attract.start_button.isEnabled()
    assert window.attract.unavailable_notice.isVisible()
    assert window.attract.unavailable_notice.text() == VI(RATINGS_UNAVAILABLE)
    scan(qtbot, window, "000.00.30.H12-261123-0001")
    assert window.flow.step is Step.ATTRACT  # a scanned receipt starts nothing either
    assert str(path) in caplog.text  # staff read which file, and what to run
    assert ("chmod 600" if damage == "exposed" else "kiosk keys init") in caplog.text
    window.ask_staff_exit()
    dialog = window.staff_exit_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    dialog.sign_in.sign_in_requested.emit(0, "9999")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)


def test_without_the_office_key_receipts_wait_but_walk_in_ratings_go_on(qtbot, database, manager):
    from tests.ui.test_kiosk_flow import rate_walk_in, ratings

    create_station_signer(station_key_path(None))
    window = open_locked(qtbot, database)
    qtbot.waitUntil(window.attract.start_button.isEnabled, timeout=WAIT)
    scan(qtbot, window, "HS1:000.00.30.H12-261123-0001:ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert VI(RECEIPTS_UNAVAILABLE) in window.attract.problem.text()
    rate_walk_in(qtbot, window, Satisfaction.SATISFIED)
    qtbot.waitUntil(lambda: len(ratings(database)) == 1, timeout=WAIT)
    assert ratings(database)[0].signature  # signed with the station's own key
    window.lockdown.unlock()
    window.close()
