"""The clerk's desk, the manager's desk and the kiosk of office A, on a database shared with
office B: nothing of B's is ever on A's screens, and B's receipt is unknown at A's kiosk.

Every text a widget shows is read (labels, buttons, fields, lists, tables, tooltips), so a new
panel is covered without a new assertion."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from kiosk.config import Settings
from kiosk.printing.printers import printer_from_setting
from kiosk.rating_flow import Step
from kiosk.receipt_signing import ReceiptSigner
from tests.kiosk.offices_fixtures import A_KIOSK, A_MANAGER_PIN, A, leaks, seed_two_offices
from tests.kiosk.printer_fixtures import SocketPrinter
from tests.kiosk.signing import machine_keys
from tests.ui.test_kiosk_flow import open_kiosk, scan
from ui.clerk_window import ClerkWindow
from ui.manager_window import ManagerWindow

WAIT = 10000


def shown_texts(window: QWidget) -> str:
    """Every text the window's widgets hold, shown now or one tab away."""
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTreeWidget):
            items = QTreeWidgetItemIterator(widget)
            while items.value():
                item = items.value()
                texts += [item.text(c) for c in range(widget.columnCount())]
                texts += [item.toolTip(c) for c in range(widget.columnCount())]
                items += 1
        elif isinstance(widget, QTableWidget):
            texts += [
                widget.item(r, c).text()
                for r in range(widget.rowCount())
                for c in range(widget.columnCount())
                if widget.item(r, c) is not None
            ]
    return "\n".join(texts)


@pytest.fixture
def two(database, clock):
    return seed_two_offices(database, clock)


@pytest.fixture
def thermal():
    printer = SocketPrinter()
    yield printer
    printer.close()


def test_clerk_desk_of_a_shows_and_prints_only_a_dossiers(qtbot, database, two, clock, thermal):
    settings = Settings(
        database_url=database.url, station_name="clerk-1", language="vi", office_code=A
    )
    printer = printer_from_setting(f"escpos-net:127.0.0.1:{thermal.port}", "80mm")
    signer = ReceiptSigner(machine_keys()[0])  # office A's receipt key, on A's machine
    window = ClerkWindow(
        settings, factory=database.factory, printer=printer, signer=signer, clock=clock
    )
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    screen = window.sign_in_screen
    screen.counter.setText("1")
    screen.pin.setText("1234")
    screen.button.click()
    desk = window.desk
    qtbot.waitUntil(lambda: window.stack.currentWidget() is desk, timeout=WAIT)
    qtbot.waitUntil(lambda: any(True for _ in desk.board.rows()), timeout=WAIT)
    assert two.a.due_today in shown_texts(window)
    assert leaks(shown_texts(window)) == []
    for wanted in (two.b.open, "Lê Thị Bưởi"):  # B's dossier, B's citizen
        window.search(wanted)
        qtbot.waitUntil(lambda w=wanted: w in desk.message.text(), timeout=WAIT)  # none matches
        assert desk.selected_code() not in two.b.codes
        assert leaks(shown_texts(window).replace(wanted, "")) == []
    # Both offices have a receipt queued at a counter called clerk-1: this desk prints A's.
    qtbot.waitUntil(lambda: len(thermal.jobs) >= 1, timeout=WAIT)
    qtbot.wait(500)
    assert any(signer.payload(two.a.due_today).encode() in job for job in thermal.jobs)
    assert not any(code.encode() in job for job in thermal.jobs for code in two.b.codes)


def test_manager_desk_of_a_counts_and_shows_only_a(qtbot, database, two, clock, tmp_path):
    clock.now = clock.now.replace(hour=11)  # both offices' kiosks silent since 9:30: an alert
    window = ManagerWindow(
        Settings(database_url=database.url, station_name="manager", office_code=A),
        factory=database.factory,
        export_folder=tmp_path / "exports",
        clock=clock,
    )
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    with qtbot.waitSignal(window.refreshed), qtbot.waitSignal(window.period_shown):
        window.sign_in(0, A_MANAGER_PIN)
    desk = window.desk
    tiles = {tile.name.text(): tile.value.text() for tile in desk.glance.tiles}
    assert tiles["Lượt đánh giá hôm nay"] == "2"  # A's two; B's two are B's
    text = shown_texts(window)
    assert "Nhân viên nhiệt tình" in text and A_KIOSK in text  # A's comment and kiosk alert …
    assert leaks(text) == []  # … and nothing of B's: no comment, kiosk, clerk or dossier


def test_kiosk_of_a_refuses_b_receipt_as_unknown(qtbot, database, two):
    window = open_kiosk(qtbot, database.url, office_code=A, station_name=A_KIOSK)
    assert leaks(shown_texts(window)) == []
    signer = ReceiptSigner(machine_keys()[0])  # office A's receipt key, on A's machine
    scan(qtbot, window, signer.payload(two.b.open))  # as if B's receipt were signed with A's key
    qtbot.waitUntil(lambda: window.attract.problem.isVisible(), timeout=WAIT)
    assert "Không tìm thấy hồ sơ" in window.attract.problem.text()
    assert window.flow.step is not Step.DOSSIER
    scan(qtbot, window, signer.payload(two.a.open))
    qtbot.waitUntil(lambda: window.flow.step is Step.DOSSIER, timeout=WAIT)
    assert two.a.open in shown_texts(window)
    # The code the citizen scanned may be echoed in the message; nothing else of B's is shown.
    assert leaks(shown_texts(window).replace(two.b.open, "")) == []
