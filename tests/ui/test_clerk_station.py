"""The clerk's station driven by keyboard and clicks, printing to a loopback thermal printer.

The window answers on a worker thread: each step waits for what the clerk would see next."""

import re
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


SAVE = Qt.KeyboardModifier.ControlModifier  # Ctrl+Enter saves; Enter alone moves on
CODE = re.compile(r"\S+-\d{6}-\d{4}")


def register(qtbot, window, service, name):
    """Types a dossier and presses Ctrl+Enter; returns its code once its receipt has printed."""
    desk = window.desk
    qtbot.keyClicks(desk.service, service)
    desk.citizen_name.setText(name)  # QTest cannot type Vietnamese letters; a keyboard IME does
    with qtbot.waitSignal(
        window.print_run_finished, timeout=WAIT, check_params_cb=printed_a_receipt
    ):
        qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return, SAVE)
    assert desk.result.text().startswith("✓ ")
    return CODE.search(desk.result.text()).group()


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
        qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return, SAVE)
        assert not desk.save_button.isEnabled()  # the clerk sees it is being saved
        qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return, SAVE)
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


# -- a whole day at the counter: registration, the board, messages, keys, the screen's size ------

LONG_SERVICE = (
    "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở"
)


@pytest.fixture
def more_services(database, office):
    """Marriage registration (for "ket hon") and a service with a long official name."""
    from kiosk.db.models import Service

    with database.factory.begin() as session:
        session.add_all(
            [
                Service(
                    code="HT-KH",
                    name_vi="Đăng ký kết hôn",
                    name_en="Marriage registration",
                    field="Hộ tịch",
                    processing_days=0,
                ),
                Service(
                    code="CT-HD",
                    name_vi=LONG_SERVICE,
                    name_en="Certification of a contract on movable property, land use or a home",
                    field="Chứng thực",
                    processing_days=1,
                ),
            ]
        )


@pytest.fixture
def desk(qtbot, window, more_services):
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.desk.board.topLevelItemCount() > 0, timeout=WAIT)
    return window.desk


def nothing_registered(window, thermal):
    return window.dossiers.list() == [] and window.queue.pending() == [] and not thermal.jobs


def test_ket_hon_suggests_dang_ky_ket_hon_and_enter_only_picks_it(qtbot, window, desk, thermal):
    qtbot.keyClicks(desk.service, "ket hon")
    assert [s.code for s in desk.service.suggestions()] == ["HT-KH"]
    qtbot.keyClick(desk.service, Qt.Key.Key_Return)
    assert desk.service.text() == "Đăng ký kết hôn — HT-KH"
    assert window.focusWidget() is desk.citizen_name  # on to the citizen's name
    desk.citizen_name.setText("Lê Văn Tám")
    qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return)  # Enter moves on, it does not save
    assert window.focusWidget() is desk.citizen_address
    assert nothing_registered(window, thermal)
    assert desk.save_button.isEnabled() and "Ctrl+Enter" in desk.save_button.text()


def test_a_registration_without_a_name_is_refused_in_words(qtbot, window, desk, thermal):
    qtbot.keyClicks(desk.service, "ket hon")
    qtbot.keyClick(desk.service, Qt.Key.Key_Return)
    qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return, SAVE)
    assert desk.result.text() == (
        "✕ Nhập họ tên người nộp: giấy tiếp nhận (Mẫu 01) phải ghi tên người nộp hồ sơ."
    )
    assert window.focusWidget() is desk.citizen_name
    assert nothing_registered(window, thermal)
    desk.citizen_name.setText("   ")
    qtbot.mouseClick(desk.save_button, Qt.MouseButton.LeftButton)
    assert "Nhập họ tên người nộp" in desk.result.text()
    assert nothing_registered(window, thermal)


def test_a_wrong_phone_is_refused_in_words_and_a_right_one_kept_nationally(
    qtbot, window, desk, thermal
):
    qtbot.keyClicks(desk.service, "HT-KH")
    desk.citizen_name.setText("Lê Văn Tám")
    qtbot.keyClicks(desk.citizen_phone, "091234567")
    qtbot.keyClick(desk.citizen_phone, Qt.Key.Key_Return, SAVE)
    assert desk.result.text().startswith("✕ 091234567 không phải số điện thoại Việt Nam")
    assert window.focusWidget() is desk.citizen_phone
    assert nothing_registered(window, thermal)
    desk.citizen_phone.setText("+84 912 345 678")
    with qtbot.waitSignal(
        window.print_run_finished, timeout=WAIT, check_params_cb=printed_a_receipt
    ):
        qtbot.keyClick(desk.citizen_phone, Qt.Key.Key_Return, SAVE)
    [view] = window.dossiers.list()
    assert (view.service_code, view.citizen.phone) == ("HT-KH", "0912345678")


def board_row(desk, code):
    from ui.widgets.dossier_board import COLUMNS

    row = next(item for item in desk.board.rows() if item.data(0, Qt.ItemDataRole.UserRole) == code)
    return row, [row.text(c) for c in range(len(COLUMNS))]


def test_the_board_shows_each_dossier_in_words_and_names_the_selected_one(qtbot, window, desk):
    code = register(qtbot, window, "CT-HD", "Tôn Nữ Thị Ngọc Ánh")  # 24/11 is a holiday
    qtbot.waitUntil(lambda: "(1)" in desk.board.topLevelItem(2).text(0), timeout=WAIT)
    assert desk.board.topLevelItem(2).text(0) == (  # the whole office's board, and says so
        "Đến hạn ngày 25/11, chưa trả (1) — toàn đơn vị: báo trễ hạn ngay từ hôm nay"
    )
    row, cells = board_row(desk, code)
    assert cells == [
        code[-4:],
        LONG_SERVICE,
        "Tôn Nữ Thị Ngọc Ánh",
        "23/11",
        "17:00 25/11",
        "đang giải quyết",
        "Nguyễn Thị Hương",
    ]
    assert row.toolTip(0) == code
    assert row.toolTip(1) == f"{LONG_SERVICE} — CT-HD"
    assert row.toolTip(4) == "17:00 25/11/2026"
    assert not row.icon(5).isNull()  # the status has its sign as well as its words
    find_and_select(qtbot, window, code)
    assert desk.selected_title.text() == f"Số {code[-4:]} · {LONG_SERVICE} · Tôn Nữ Thị Ngọc Ánh"
    assert desk.selected_status.text() == f"đang giải quyết — hẹn trả 17:00 25/11/2026 — {code}"


def test_a_station_in_english_names_services_in_english(
    qtbot, database, office, more_services, clock, thermal, signer
):
    settings = Settings(database_url=database.url, station_name="clerk-1", language="en")
    win = ClerkWindow(settings, factory=database.factory, printer=None, signer=signer, clock=clock)
    qtbot.addWidget(win)
    win.show()
    sign_in(qtbot, win)
    qtbot.keyClicks(win.desk.service, "ket hon")
    qtbot.keyClick(win.desk.service, Qt.Key.Key_Return)
    assert win.desk.service.text() == "Marriage registration — HT-KH"
    win.desk.citizen_name.setText("Le Van Tam")
    qtbot.keyClick(win.desk.citizen_name, Qt.Key.Key_Return, SAVE)
    qtbot.waitUntil(lambda: win.desk.result.text().startswith("✓ "), timeout=WAIT)
    code = CODE.search(win.desk.result.text()).group()
    qtbot.waitUntil(lambda: any(True for _ in win.desk.board.rows()), timeout=WAIT)
    assert board_row(win.desk, code)[1][1] == "Marriage registration"


def test_messages_say_their_kind_in_a_sign_and_in_colour(qtbot, window, desk):
    from ui.widgets.message_bar import MessageKind

    code = register(qtbot, window, "HT-XNHN", "Lê Văn Tám")
    assert desk.result.kind is MessageKind.SUCCESS and desk.result.text().startswith("✓ Hồ sơ")
    desk.search.setText("không ai tên này")
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.message.kind is MessageKind.WARNING, timeout=WAIT)
    assert desk.message.text() == "⚠ Không tìm thấy hồ sơ nào khớp với 'không ai tên này'."
    find_and_select(qtbot, window, code)
    qtbot.mouseClick(desk.return_button, Qt.MouseButton.LeftButton)
    wait_for_message(qtbot, window, "đã trả kết quả")
    assert desk.message.text() == f"✓ Hồ sơ {code} đã trả kết quả."
    assert desk.message.property("kind") == "success"  # the stylesheet's green
    find_and_select(qtbot, window, code)
    # The search is answered off the UI thread; the dossier was selected before it already.
    qtbot.waitUntil(lambda: not desk.return_button.isEnabled(), timeout=WAIT)  # returned
    assert desk.selected_status.text().startswith("đã trả, trước hạn")


def _luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_kind_of_message_reads_at_a_contrast_of_at_least_4_5():
    from ui.theme import desk_stylesheet
    from ui.widgets.message_bar import MessageKind

    sheet = desk_stylesheet()
    for kind in MessageKind:
        rule = re.search(rf'QLabel\[kind="{kind.value}"\]\s*\{{([^}}]*)\}}', sheet).group(1)
        text = re.search(r"\bcolor:\s*(#[0-9a-f]{6})", rule).group(1)
        background = re.search(r"\bbackground:\s*(#[0-9a-f]{6})", rule).group(1)
        light, dark = sorted((_luminance(text), _luminance(background)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, kind


def test_every_action_has_a_key_and_the_keys_are_written_on_the_desk(qtbot, window, desk, thermal):
    code = register(qtbot, window, "HT-KH", "Lê Văn Tám")  # due today: on the board
    qtbot.waitUntil(lambda: any(True for _ in desk.board.rows()), timeout=WAIT)
    for words in ("Ctrl+Enter", "F2", "F3", "F4", "F6", "F7", "F8"):
        assert words in desk.key_hints.text()
    qtbot.keyClick(desk.service, Qt.Key.Key_F4)
    assert window.focusWidget() is desk.board and desk.selected_code() == code
    with qtbot.waitSignal(window.print_run_finished, timeout=WAIT):
        qtbot.keyClick(desk.board, Qt.Key.Key_F8)  # reprint the receipt
    qtbot.waitUntil(lambda: len(thermal.jobs) == 2, timeout=WAIT)
    qtbot.keyClick(desk.board, Qt.Key.Key_F6)  # return the result
    wait_for_message(qtbot, window, "đã trả kết quả")
    qtbot.keyClick(desk.board, Qt.Key.Key_F3)
    assert window.focusWidget() is desk.search
    qtbot.keyClick(desk.search, Qt.Key.Key_F2)
    assert window.focusWidget() is desk.service


def clipped(widget):
    """Visible labels and buttons of `widget` whose text does not fit them."""
    from PySide6.QtWidgets import QLabel, QPushButton

    found = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QPushButton):
        if not child.isVisibleTo(widget) or not child.text():
            continue
        if isinstance(child, QLabel) and child.wordWrap():
            if child.heightForWidth(child.width()) > child.height():
                found.append(child.text())
        elif child.sizeHint().width() > child.width() or child.minimumSizeHint().height() > (
            child.height()
        ):
            found.append(child.text())
    return found


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_desk_fits_the_screen_with_nothing_clipped_or_scrolled_sideways(
    qtbot, window, desk, size
):
    code = register(qtbot, window, "CT-HD", "Tôn Nữ Thị Ngọc Ánh")
    find_and_select(qtbot, window, code)
    qtbot.keyClicks(desk.service, "ket hon")
    qtbot.keyClick(desk.service, Qt.Key.Key_Return)
    qtbot.keyClick(desk.citizen_name, Qt.Key.Key_Return, SAVE)  # a refusal, on two lines
    desk.show_message(desk.message.kind or desk.result.kind, "Một thông báo dài. " * 12)
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    qtbot.waitUntil(lambda: clipped(window.desk) == [], timeout=WAIT)
    board = desk.board
    assert not board.horizontalScrollBar().isVisible()
    widths = sum(board.columnWidth(c) for c in range(board.columnCount()))
    assert widths <= board.viewport().width()
    for column in range(board.columnCount()):  # a column cut short says it all in a tooltip
        assert board.columnWidth(column) > 0


def test_papers_missing_then_brought_back_then_a_refusal_all_from_the_keyboard(
    qtbot, window, thermal, database
):
    from kiosk.services.service_documents import ServiceDocumentService
    from kiosk.views import DocumentItem

    checklist = [DocumentItem("Tờ khai", "original", 1), DocumentItem("CCCD", "copy", 1)]
    ServiceDocumentService(database.factory, station="test").replace("HT-XNHN", checklist)
    sign_in(qtbot, window)
    desk = window.desk
    qtbot.keyClicks(desk.service, "HT-XNHN")
    qtbot.keyClick(desk.service, Qt.Key.Key_Return)  # picks the service: its checklist comes up
    assert desk.papers_button.text().startswith("2/2 giấy tờ, 1 bộ")
    qtbot.keyClick(desk, Qt.Key.Key_F12)
    papers = desk.papers_dialog
    papers.items.item(1).setCheckState(Qt.CheckState.Unchecked)  # no copy of the ID card
    papers.accept()
    assert desk.papers_button.text().startswith("1/2 giấy tờ")
    code = register(qtbot, window, "", "Lê Văn Tám")
    assert window.dossiers.show(code).documents == (checklist[0],)
    qtbot.waitUntil(lambda: len(thermal.jobs) == 1, timeout=WAIT)

    find_and_select(qtbot, window, code)
    qtbot.keyClick(desk, Qt.Key.Key_F10)
    form_02 = desk.actions_box.dialog
    form_02.missing.setPlainText("Bản sao CCCD\n\nẢnh 4x6")
    form_02.reason.setText("Hồ sơ chưa đủ thành phần")
    form_02.accept()
    wait_for_message(qtbot, window, "chờ người dân bổ sung")
    assert window.dossiers.show(code).supplements[0].missing == ("Bản sao CCCD", "Ảnh 4x6")
    qtbot.waitUntil(lambda: len(thermal.jobs) == 2, timeout=WAIT)  # Form 02 printed
    supplement_button = desk.actions_box.supplement_button
    qtbot.waitUntil(lambda: supplement_button.text().startswith("Đã nhận giấy tờ bổ sung"))
    qtbot.keyClick(desk, Qt.Key.Key_F10)
    wait_for_message(qtbot, window, "Đã nhận giấy tờ bổ sung của")

    find_and_select(qtbot, window, code)
    qtbot.keyClick(desk, Qt.Key.Key_F11)
    form_03 = desk.actions_box.dialog
    form_03.reason.setPlainText("Không thuộc thẩm quyền của xã")
    form_03.accept()
    wait_for_message(qtbot, window, "đã bị từ chối")
    qtbot.waitUntil(lambda: len(thermal.jobs) == 3, timeout=WAIT)  # Form 03 printed
    assert window.dossiers.show(code).refusal_reason == "Không thuộc thẩm quyền của xã"
    qtbot.waitUntil(lambda: not desk.actions_box.refuse_button.isEnabled(), timeout=WAIT)
    assert not desk.return_button.isEnabled()
