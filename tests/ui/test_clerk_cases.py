"""The clerk station's own feedback cases: the clerk sees the cases given to them and answers
them; a case about that clerk, and every citizen's contact, appear in no widget of the station."""

from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
)
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.db.case_models import AnswerChannel, CaseEvent, CaseSource, CaseState, FeedbackCase
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.case_desk import CaseDesk
from kiosk.services.cases import Contact
from ui.clerk_window import ClerkWindow

WAIT = 10000
MONDAY = datetime(2026, 11, 23, 9, 30)
HUONG, DUC, MANAGER = 1, 2, 3
SECRETS = ("Phạm Thị Lan", "0987654321", "Lê Văn Bình", "0912345678")


@pytest.fixture
def cases(database, office, manager, clock):
    """Two cases with a contact: one given to Hương about Đức, one about Hương given to Đức."""
    clock.now = MONDAY
    desk = CaseDesk(database.factory, station="manager", clock=clock)
    mine = desk.open(
        MANAGER,
        source=CaseSource.PHONE,
        subject="Chậm trả kết quả khai sinh",
        text="Hẹn ba lần chưa có kết quả",
        contact=Contact("Lê Văn Bình", "0912345678"),
        about_clerk_id=DUC,
    )
    about_her = desk.open(
        MANAGER,
        source=CaseSource.IN_PERSON,
        subject="Thái độ cán bộ Hương",
        text="Cán bộ nói trống không",
        contact=Contact("Phạm Thị Lan", "0987654321"),
        about_clerk_id=HUONG,
    )
    desk.assign(mine.number, HUONG, MANAGER)
    desk.assign(about_her.number, DUC, MANAGER)
    return mine, about_her


@pytest.fixture
def window(qtbot, database, clock):
    settings = Settings(database_url=database.url, station_name="clerk-1", language="vi")
    win = ClerkWindow(
        settings,
        factory=database.factory,
        printer=None,
        signer=ReceiptSigner(b"clerk-test-key".ljust(32, b"-")),
        clock=clock,
    )
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


def sign_in_as_huong(qtbot, window):
    with qtbot.waitSignal(window.cases.shown, timeout=WAIT):
        window.sign_in(1, "1234")
    return window.desk


def every_text(widget):
    """What any widget of the window (and its open dialogs) shows or holds."""
    roots = [widget, *[w for w in QApplication.topLevelWidgets() if w.isVisible()]]
    texts = []
    for root in roots:
        for child in [root, *root.findChildren(object)]:
            if not shiboken6.isValid(child):
                continue
            if isinstance(child, QLabel | QAbstractButton | QLineEdit):
                texts += [child.text(), child.toolTip()]
            elif isinstance(child, QPlainTextEdit):
                texts.append(child.toPlainText())
            elif isinstance(child, QComboBox):
                texts += [child.itemText(i) for i in range(child.count())]
            elif isinstance(child, QTableWidget):
                for row in range(child.rowCount()):
                    for column in range(child.columnCount()):
                        if item := child.item(row, column):
                            texts += [item.text(), item.toolTip()]
    return "\n".join(texts)


def test_the_clerk_sees_only_the_case_given_to_them_and_no_contact(qtbot, window, cases):
    mine, about_her = cases
    desk = sign_in_as_huong(qtbot, window)
    assert desk.cases_button.text().endswith("1")
    qtbot.mouseClick(desk.cases_button, Qt.MouseButton.LeftButton)
    dialog = window.cases.dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    assert dialog.table.item(0, 0).text() == mine.number
    assert "Hẹn ba lần chưa có kết quả" in dialog.detail.text()
    shown = every_text(window)
    for secret in (*SECRETS, about_her.number, about_her.subject, "Trần Văn Đức"):
        assert secret not in shown, secret
    dialog.reject()


def test_the_clerk_answers_a_case_once(qtbot, window, cases, database, clock):
    mine, _ = cases
    desk = sign_in_as_huong(qtbot, window)
    clock.now = datetime(2026, 11, 25, 14, 0)
    qtbot.mouseClick(desk.cases_button, Qt.MouseButton.LeftButton)
    listing = window.cases.dialog
    qtbot.waitUntil(lambda: listing.answer_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(listing.answer_button, Qt.MouseButton.LeftButton)
    form = window.cases.answer_dialog
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)  # empty: refused in words
    assert form.problem.isVisible()
    form.answer.setPlainText("Đã gọi điện hẹn trả kết quả ngày 26/11")
    form.channel.setCurrentIndex(form.channel.findData(AnswerChannel.PHONE))
    with qtbot.waitSignal(window.cases.answered, timeout=WAIT):
        qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    # Nothing left to answer: the count and the list follow.
    qtbot.waitUntil(lambda: desk.cases_button.text().endswith("0"), timeout=WAIT)
    with database.factory() as session:
        case = session.scalar(select(FeedbackCase).where(FeedbackCase.number == mine.number))
        answers = session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case.id, CaseEvent.action == "answer")
        ).all()
    assert case.state is CaseState.ANSWERED and case.answer_channel is AnswerChannel.PHONE
    assert [(e.clerk_id, e.station) for e in answers] == [(HUONG, "clerk-1")]
    assert not listing.answer_button.isEnabled()  # answered: the manager closes it
    assert "Đã gọi điện hẹn trả kết quả" in listing.detail.text()
    listing.reject()
