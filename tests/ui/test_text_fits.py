"""Every citizen screen, in both languages and both text sizes, on both counter screens: no
label is cut or elided, no button's words are clipped, nothing is pushed off the screen."""

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.answers import RatingInput, Satisfaction
from kiosk.config import Settings
from kiosk.errors import KioskError
from kiosk.rating_flow import Step
from kiosk.status import DossierStatus
from kiosk.views import DossierInfo, ServiceView
from ui.kiosk_window import KioskWindow
from ui.widgets.face_button import FaceButton

# The longest texts a citizen can meet: a late, re-appointed dossier of a long-named service.
LATE_DOSSIER = DossierInfo(
    code="000.00.30.H12-261103-0019",
    service_code="HT-TL",
    service_name_vi="Cấp bản sao trích lục hộ tịch, xác nhận thông tin hộ tịch đã đăng ký",
    service_name_en="Copy of a civil-status extract, confirmation of registered civil status",
    counter=12,
    status=DossierStatus.LATE,
    due_at=datetime(2026, 11, 18, 16, 30),
    returned_at=None,
    reappointed_due_at=datetime(2026, 12, 2, 16, 30),
    reappointment_reason="Cần xác minh thêm",
    already_rated=False,
)
SERVICES = [
    ServiceView("HT-KS", "Đăng ký khai sinh", "Birth registration", "Hộ tịch", 0, True),
    ServiceView(
        "DD-CN", "Chuyển nhượng quyền sử dụng đất", "Land use right transfer", "Đất đai", 10, True
    ),
]
BUTTON_EDGE = 6  # px: a 3 px border and 3 px of air
UNHAPPY = RatingInput(Satisfaction.DISSATISFIED, reasons=("unofficial_payment",))


def states(window: KioskWindow):
    """Puts the window on each screen in turn, with the longest content it can have there."""
    flow = window.flow
    flow.office_hotline = "0251 3861 000"
    for step in (Step.ATTRACT, Step.HELP, Step.IDENTIFY, Step.KEYPAD, Step.SERVICES):
        flow.step = step
        yield step.value
    flow.step = Step.KEYPAD
    flow.problem = KioskError("This dossier code is not known here. Check the receipt.")
    yield "keypad with a problem"
    flow.problem = None
    flow.answers.dossier = LATE_DOSSIER
    for step in (Step.DOSSIER, Step.FACE, Step.CONTACTS, Step.AGENCIES, Step.CONDUCT):
        flow.step = step
        yield step.value
    flow.rating_scale, flow.step = 5, Step.FACE
    yield "five faces"
    flow.rating_scale = 3
    flow.answers.satisfaction = Satisfaction.DISSATISFIED
    flow.step = Step.REASONS
    yield "reasons"
    flow.last_result, flow.last_rating = LATE_DOSSIER, UNHAPPY
    flow.step = Step.THANKS
    yield "thanks, unhappy"
    for step in (Step.ALREADY_RATED, Step.PROBLEM):
        flow.step = step
        yield step.value


def cut_off(widget: QWidget, window: QWidget) -> str | None:
    """Why the citizen cannot read this widget's words in full, or None."""
    if isinstance(widget, QLabel):
        if not widget.text():
            return None
        if widget.wordWrap():  # also the words of a wrapping button
            if widget.heightForWidth(widget.width()) > widget.height():
                return "wrapped text taller than the label"
        elif widget.sizeHint().width() > widget.width():
            return "text wider than the label"
    elif isinstance(widget, QAbstractButton) and widget.text() and not widget.findChild(QLabel):
        # The words against the button less its border and a little air: what stays readable.
        words = widget.fontMetrics().boundingRect(
            QRect(0, 0, widget.width() - 2 * BUTTON_EDGE, 10_000),
            int(Qt.TextFlag.TextWordWrap) if isinstance(widget, FaceButton) else 0,
            widget.text(),
        )
        # The width with the stylesheet's padding, which the words cannot use (faces have none).
        needed = words.width() + 2 * BUTTON_EDGE
        if not isinstance(widget, FaceButton):
            needed = max(needed, widget.sizeHint().width())
        if needed > widget.width() + 1:
            return "words wider than the button"
        if words.height() > widget.height() - 2 * BUTTON_EDGE:
            return "words taller than the button"
    place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(place):
        return f"outside the window at {place.getRect()}"
    return None


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1920x1080", "1366x768"])
@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_text_is_cut_on_any_screen(qtbot, qapp, kiosk_look, size, large_text, language):
    window = KioskWindow(Settings(virtual_keyboard=False))
    qtbot.addWidget(window)
    window.flow.language = language
    if large_text:
        window.toggle_large_text()
    window.services.set_services(SERVICES)
    window.setFixedSize(*size)
    window.show()
    qtbot.waitExposed(window)
    problems = []
    try:
        for name in states(window):
            window.refresh()
            qtbot.wait(20)  # new widgets (the service list) are laid out over a few passes
            screen = window.stack.currentWidget()
            for widget in screen.findChildren(QWidget):
                if widget.isVisible():
                    why = cut_off(widget, window)
                    if why:
                        text = getattr(widget, "text", lambda: "")()
                        problems.append(f"{name}: {type(widget).__name__} {text[:40]!r}: {why}")
    finally:
        window.ticker.stop()
    assert problems == [], "\n".join(problems)
