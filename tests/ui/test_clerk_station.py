"""The clerk's station driven by keyboard and clicks, printing to a loopback thermal printer.

The window answers on a worker thread: each step waits for what the clerk would see next."""

import threading
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from kiosk.config import Settings
from kiosk.db.models import PrintKind
from kiosk.printing.printers import printer_from_setting
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.dossiers import DossierService
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


def open_window(qtbot, factory, database, clock, thermal, signer):
    settings = Settings(database_url=database.url, station_name="clerk-1", language="vi")
    printer = printer_from_setting(f"escpos-net:127.0.0.1:{thermal.port}", "80mm")
    win = ClerkWindow(settings, factory=factory, printer=printer, signer=signer, clock=clock)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    return win


@pytest.fixture
def window(qtbot, database, office, clock, thermal, signer):
    return open_window(qtbot, database.factory, database, clock, thermal, signer)


def sign_in(qtbot, window, counter="1", pin="1234"):
    screen = window.sign_in_screen
    screen.counter.setText(counter)
    qtbot.keyClicks(screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(screen.button.isEnabled, timeout=WAIT)  # greyed until the answer is back


def printed_a_receipt(jobs):
    return any(job.kind == PrintKind.RECEIPT.value for job in jobs)


def register(qtbot, window, service, name):
    """Types a dossier and presses Enter; returns its code once its receipt has been printed."""
    desk = window.desk
    qtbot.keyClicks(desk.service, service)
    desk.citizen_name.setText(name)  # QTest cannot type Vietnamese letters; a keyboard IME does
    with qtbot.waitSignal(
        window.print_run_finished, timeout=WAIT, check_params_cb=printed_a_receipt
    ):
        qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return)  # Enter saves and prints
    return desk.result.text().split(":")[0].removeprefix("Hồ sơ ").strip()


def find_and_select(qtbot, window, code, text=None):
    desk = window.desk
    desk.search.setText(text or code)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.selected_code() == code, timeout=WAIT)


def wait_for_message(qtbot, window, words):
    qtbot.waitUntil(lambda: words in window.desk.message.text(), timeout=WAIT)


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
    wait_for_message(qtbot, window, "đã trả kết quả")
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
    wait_for_message(qtbot, window, "không cho phép hẹn lại lần thứ hai")
    assert window.dossiers.show(code).reappointed_due_at.date() == date(2026, 12, 1)
    assert len(thermal.jobs) == 3


def test_scanned_receipt_finds_its_dossier(qtbot, window, signer):
    sign_in(qtbot, window)
    code = register(qtbot, window, "HT-KS", "Vũ Văn Nam")
    find_and_select(qtbot, window, code, text=signer.payload(code))
    window.desk.search.setText(signer.payload(code)[:-2] + "AA")
    qtbot.keyClick(window.desk.search, Qt.Key.Key_Return)
    wait_for_message(qtbot, window, "không phải của giấy hẹn")


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


def test_a_second_enter_while_saving_registers_the_dossier_once(qtbot, window):
    sign_in(qtbot, window)
    desk = window.desk
    qtbot.keyClicks(desk.service, "HT-KS")
    desk.citizen_name.setText("Phan Thị Hoa")
    with qtbot.waitSignal(
        window.print_run_finished, timeout=WAIT, check_params_cb=printed_a_receipt
    ):
        qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return)
        assert not desk.save_button.isEnabled()  # the clerk sees it is being saved
        qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return)
    assert desk.save_button.isEnabled()
    assert [v.citizen.name for v in window.dossiers.list()].count("Phan Thị Hoa") == 1


class RecordingFactory:
    """The real session factory, noting the thread that opens each session."""

    def __init__(self, factory):
        self._factory = factory
        self.threads = []

    def __call__(self, **kwargs):
        self.threads.append(threading.current_thread())
        return self._factory(**kwargs)

    def begin(self):
        self.threads.append(threading.current_thread())
        return self._factory.begin()


def test_the_desk_never_opens_a_database_session_on_the_ui_thread(
    qtbot, database, office, clock, thermal, signer
):
    recording = RecordingFactory(database.factory)
    window = open_window(qtbot, recording, database, clock, thermal, signer)
    sign_in(qtbot, window, pin="0000")
    sign_in(qtbot, window)
    assert window.stack.currentWidget() is window.desk
    code = register(qtbot, window, "HT-XNHN", "Lê Văn Tám")
    find_and_select(qtbot, window, code, text=signer.payload(code))
    qtbot.mouseClick(window.desk.return_button, Qt.MouseButton.LeftButton)
    wait_for_message(qtbot, window, "đã trả kết quả")
    qtbot.mouseClick(window.desk.test_print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã gửi bản in thử" in window.desk.printer_status.text())

    assert recording.threads, "the window opened no session at all"
    assert threading.main_thread() not in recording.threads
    returned = DossierService(database.factory, station="check", clock=clock).show(code)
    assert returned.citizen.name == "Lê Văn Tám"
    assert returned.status is DossierStatus.EARLY
