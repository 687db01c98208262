"""The clerk's station driven by keyboard and clicks, printing to a loopback thermal printer."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from kiosk.config import Settings
from kiosk.printing.printers import printer_from_setting
from kiosk.receipt_signing import ReceiptSigner
from kiosk.status import DossierStatus
from tests.kiosk.printer_fixtures import SocketPrinter
from ui.clerk_window import ClerkWindow

WAIT = 10000


@pytest.fixture
def thermal():
    printer = SocketPrinter()
    yield printer
    printer.close()


@pytest.fixture
def signer():
    return ReceiptSigner(b"clerk-test-key".ljust(32, b"-"))


@pytest.fixture
def window(qtbot, database, office, clock, thermal, signer):
    settings = Settings(database_url=database.url, station_name="clerk-1", language="vi")
    printer = printer_from_setting(f"escpos-net:127.0.0.1:{thermal.port}", "80mm")
    win = ClerkWindow(
        settings, factory=database.factory, printer=printer, signer=signer, clock=clock
    )
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    return win


def sign_in(qtbot, window, counter="1", pin="1234"):
    screen = window.sign_in_screen
    screen.counter.setText(counter)
    qtbot.keyClicks(screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)


def register(qtbot, window, service, name):
    desk = window.desk
    qtbot.keyClicks(desk.service, service)
    desk.citizen_name.setText(name)  # QTest cannot type Vietnamese letters; a keyboard IME does
    with qtbot.waitSignal(window.print_run_finished, timeout=WAIT):
        qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return)  # Enter saves and prints
    return desk.result.text().split(":")[0].removeprefix("Hồ sơ ").strip()


def find_and_select(qtbot, window, code):
    desk = window.desk
    desk.search.setText(code)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert desk.selected_code() == code


def test_wrong_pins_lock_the_counter(qtbot, window):
    for _ in range(5):
        sign_in(qtbot, window, pin="0000")
    assert "còn 0 lần thử" in window.sign_in_screen.message.text()
    sign_in(qtbot, window)
    assert "bị khóa" in window.sign_in_screen.message.text()
    assert window.stack.currentWidget() is window.sign_in_screen


def test_register_prints_the_receipt_then_the_result_is_returned(qtbot, window, thermal, signer):
    sign_in(qtbot, window)
    assert window.stack.currentWidget() is window.desk
    assert "Nguyễn Thị Hương" in window.desk.who.text()
    code = register(qtbot, window, "HT-XNHN", "Lê Văn Tám")
    assert "hẹn 17:00 27/11/2026" in window.desk.result.text()  # 24/11 is a holiday
    qtbot.waitUntil(lambda: len(thermal.jobs) == 1, timeout=WAIT)
    assert signer.payload(code).encode() in thermal.jobs[0]
    qtbot.waitUntil(lambda: "Máy in sẵn sàng" in window.desk.printer_status.text(), timeout=WAIT)
    find_and_select(qtbot, window, code)
    qtbot.mouseClick(window.desk.return_button, Qt.MouseButton.LeftButton)
    assert "đã trả kết quả" in window.desk.message.text()
    assert window.dossiers.show(code).status is DossierStatus.EARLY


def test_reappointment_prints_an_apology_and_a_second_one_is_refused(
    qtbot, window, thermal, signer
):
    sign_in(qtbot, window, counter="2")
    code = register(qtbot, window, "HT-XNHN", "Đỗ Thị Lan")
    qtbot.waitUntil(lambda: len(thermal.jobs) == 1, timeout=WAIT)
    find_and_select(qtbot, window, code)
    desk = window.desk
    desk.new_date.setDate(QDate(2026, 12, 1))
    with qtbot.waitSignal(window.print_run_finished, timeout=WAIT):
        qtbot.mouseClick(desk.reappoint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(thermal.jobs) == 3, timeout=WAIT)  # apology + new receipt
    assert all(signer.payload(code).encode() in job for job in thermal.jobs[1:])
    view = window.dossiers.show(code)
    assert view.reappointed_due_at.date() == date(2026, 12, 1)
    find_and_select(qtbot, window, code)
    desk.new_date.setDate(QDate(2026, 12, 3))
    qtbot.mouseClick(desk.reappoint_button, Qt.MouseButton.LeftButton)
    assert "không cho phép hẹn lại lần thứ hai" in desk.message.text()
    assert window.dossiers.show(code).reappointed_due_at.date() == date(2026, 12, 1)
    assert len(thermal.jobs) == 3


def test_scanned_receipt_finds_its_dossier(qtbot, window, signer):
    sign_in(qtbot, window)
    code = register(qtbot, window, "HT-KS", "Vũ Văn Nam")
    window.desk.search.setText(signer.payload(code))
    qtbot.keyClick(window.desk.search, Qt.Key.Key_Return)
    assert window.desk.selected_code() == code
    window.desk.search.setText(signer.payload(code)[:-2] + "AA")
    qtbot.keyClick(window.desk.search, Qt.Key.Key_Return)
    assert "không phải của giấy hẹn" in window.desk.message.text()


def test_test_print_reaches_the_printer_and_records_nothing(qtbot, window, thermal):
    sign_in(qtbot, window)
    status = window.desk.printer_status
    qtbot.waitUntil(lambda: "sẵn sàng" in status.text(), timeout=WAIT)
    qtbot.mouseClick(window.desk.test_print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã gửi bản in thử" in status.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: len(thermal.jobs) == 1, timeout=WAIT)
    assert window.queue.pending() == []


def test_the_clerk_never_sees_an_individual_rating(qtbot, window, database, clock):
    from PySide6.QtWidgets import QLabel, QTreeWidget

    from kiosk.answers import RatingInput, Satisfaction
    from kiosk.services.ratings import RatingService

    sign_in(qtbot, window)
    code = register(qtbot, window, "HT-KS", "Mai Văn Tư")
    RatingService(database.factory, station="kiosk-1", clock=clock).record(
        RatingInput(
            Satisfaction.DISSATISFIED, dossier_code=code, comment="Cán bộ quầy 1 thiếu lịch sự"
        )
    )
    window.refresh_board()
    find_and_select(qtbot, window, code)
    shown = [label.text() for label in window.findChildren(QLabel)]
    for tree in window.findChildren(QTreeWidget):
        for i in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(i)
            shown += [
                group.child(j).text(c)
                for j in range(group.childCount())
                for c in range(tree.columnCount())
            ]
    assert not [text for text in shown if "thiếu lịch sự" in text or "hài lòng" in text.lower()]


def test_a_signed_in_counter_is_recorded_as_a_station_heard_from(qtbot, window, database):
    from kiosk.db.models import Station

    sign_in(qtbot, window)

    def heard_from():
        with database.factory() as session:
            station = session.get(Station, "clerk-1")
            assert station is not None and station.kind == "clerk"

    qtbot.waitUntil(heard_from)
