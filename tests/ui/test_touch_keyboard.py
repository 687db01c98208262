"""The kiosk's own touch keyboard: Telex by tapping, in the screen's layout, never over the text."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from sqlalchemy import select

from kiosk.answers import Satisfaction
from kiosk.config import Settings
from kiosk.db.models import Rating
from kiosk.i18n import Translator
from kiosk.services.kiosk_backend import KioskBackend
from ui.kiosk_window import KioskWindow
from ui.widgets.touch_keyboard import TouchKeyboard

WAIT = 10000
MIN_TARGET_PX = 61  # 15 mm on a 21.5-inch 1920×1080 screen, as tests/ui/test_accessibility.py
SIZES = [(1366, 768), (1920, 1080)]


def tap(qtbot, widget):
    qtbot.waitUntil(widget.isVisible, timeout=2000)  # a citizen can only tap what is shown
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tap_keys(qtbot, keyboard, text):
    """Each character by its key, as a finger would: shift before a capital."""
    for character in text:
        if character == " ":
            tap(qtbot, keyboard.space_key)
            continue
        if character.isupper():
            tap(qtbot, keyboard.shift_key)
        tap(qtbot, keyboard.key_for(character))


@pytest.fixture
def comment_box(qtbot):
    """A comment box with its keyboard under it, as on the reasons screen."""
    page = QWidget()
    box = QPlainTextEdit()
    keyboard = TouchKeyboard(box, max_length=12)
    keyboard.retranslate(Translator("vi"))
    layout = QVBoxLayout(page)
    layout.addWidget(box)
    layout.addWidget(keyboard)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    tap(qtbot, box)
    yield box, keyboard  # the page lives as long as the test


def test_tapping_the_box_opens_the_keyboard_and_keys_leave_it_the_focus(qtbot, comment_box):
    box, keyboard = comment_box
    assert keyboard.isVisible() and box.hasFocus()
    tap_keys(qtbot, keyboard, "Ddaau")
    assert box.toPlainText() == "Đâu" and box.hasFocus()
    assert box.textCursor().position() == len("Đâu")
    keys = keyboard.findChildren(type(keyboard.space_key))
    assert keys and all(key.focusPolicy() == Qt.FocusPolicy.NoFocus for key in keys)


def test_backspace_takes_back_a_tone_then_letters(qtbot, comment_box):
    box, keyboard = comment_box
    tap_keys(qtbot, keyboard, "tucj")
    assert box.toPlainText() == "tục"
    tap(qtbot, keyboard.backspace_keys[0])
    assert box.toPlainText() == "tuc"
    tap_keys(qtbot, keyboard, "s")
    assert box.toPlainText() == "túc"


def test_shift_twice_locks_capitals(qtbot, comment_box):
    box, keyboard = comment_box
    tap(qtbot, keyboard.shift_key)
    tap(qtbot, keyboard.shift_key)
    tap_keys(qtbot, keyboard, "hoaf")
    assert box.toPlainText() == "HÒA"
    assert keyboard.shift_key.text() == "⇪"


def test_telex_can_be_turned_off(qtbot, comment_box):
    box, keyboard = comment_box
    tap(qtbot, keyboard.telex_key)
    assert keyboard.telex_key.text() == "☐ Telex"
    tap_keys(qtbot, keyboard, "dduwowngf")
    assert box.toPlainText() == "dduwowngf"


def test_digits_and_marks_are_on_the_second_page(qtbot, comment_box):
    box, keyboard = comment_box
    tap(qtbot, keyboard.page_key)
    assert keyboard.page_key.text() == "abc"
    for character in "12?":
        tap(qtbot, keyboard.key_for(character))
    assert box.toPlainText() == "12?"


def test_the_keyboard_stops_at_the_comments_limit(qtbot, comment_box):
    box, keyboard = comment_box
    tap_keys(qtbot, keyboard, "hown hown hown")
    assert box.toPlainText() == "hơn hơn hơn"[:12] == "hơn hơn hơn"  # 11 of 12
    tap_keys(qtbot, keyboard, " aa")
    assert box.toPlainText() == "hơn hơn hơn " and len(box.toPlainText()) == 12


def test_a_tap_elsewhere_in_the_text_starts_a_new_word(qtbot, comment_box):
    box, keyboard = comment_box
    tap_keys(qtbot, keyboard, "an")
    cursor = box.textCursor()
    cursor.setPosition(1)
    box.setTextCursor(cursor)
    tap_keys(qtbot, keyboard, "a")
    assert box.toPlainText() == "aan"  # not "ân": the a was typed in another word


def test_done_puts_it_away(qtbot, comment_box):
    box, keyboard = comment_box
    tap(qtbot, keyboard.done_key)
    assert keyboard.isHidden() and not box.hasFocus()
    assert keyboard.done_key.text() == "Xong"


def test_it_types_into_a_search_line_too(qtbot):
    line = QLineEdit()
    keyboard = TouchKeyboard(line)
    qtbot.addWidget(line)
    qtbot.addWidget(keyboard)
    keyboard.open_keyboard()
    tap_keys(qtbot, keyboard, "khai sinhf")
    assert line.text() == "khai sình"
    keyboard.backspace()
    assert line.text() == "khai sinh"


# -- on the kiosk ------------------------------------------------------------------------------


@pytest.fixture
def kiosk(qtbot, database, office, clock, kiosk_look):
    window = KioskWindow(
        Settings(database_url=database.url, language="vi", station_name="kiosk-test"),
        clock=clock,
    )
    qtbot.addWidget(window)
    backend = KioskBackend(database.factory, station="kiosk-test", clock=clock)
    window.attach_backend(backend, backend.start())
    return window


@pytest.fixture(params=[False, True], ids=["normal-text", "large-text"])
def large_text(request, kiosk_look):
    return request.param


def show_at(qtbot, window, size, large_text):
    if large_text:
        window.toggle_large_text()
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == size  # nothing forced the window to grow


def reach_reasons(qtbot, window):
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.identify.no_receipt_button)
    tap(qtbot, window.services.buttons["HT-KS"])
    tap(qtbot, window.face.faces[Satisfaction.DISSATISFIED])
    for _ in range(3):
        tap(qtbot, window.question.skip_button)
    assert window.stack.currentWidget() is window.reasons


def fit(qtbot, window, size):
    """Back to the kiosk's size: screens on the way (five faces need 1492 pixels across, the
    reasons with their chips 902 down) grew the window; with the keyboard up, it must fit."""

    def fitted():
        window.resize(*size)  # again once the layout has taken in the keyboard
        return (window.width(), window.height()) == size

    qtbot.waitUntil(fitted, timeout=2000)


def area(widget, window) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def assert_in_view_above(window, keyboard, *widgets):
    shown = window.rect()
    keys = area(keyboard, window)
    assert shown.contains(keys)
    for widget in widgets:
        assert widget.isVisible()
        assert shown.contains(area(widget, window)), widget.objectName()
        assert not area(widget, window).intersects(keys), widget.objectName()
        assert area(widget, window).bottom() < keys.top()
    small = [
        k.text()
        for k in keyboard.findChildren(type(keyboard.space_key))
        if k.isVisible() and min(k.width(), k.height()) < MIN_TARGET_PX
    ]
    assert small == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_comment_and_send_stay_in_view_above_the_keyboard(qtbot, kiosk, size, large_text):
    show_at(qtbot, kiosk, size, large_text)
    reach_reasons(qtbot, kiosk)
    keyboard = kiosk.reasons.keyboard
    assert keyboard.isHidden()
    tap(qtbot, kiosk.reasons.comment)
    qtbot.waitUntil(keyboard.isVisible, timeout=2000)
    fit(qtbot, kiosk, size)
    assert_in_view_above(kiosk, keyboard, kiosk.reasons.comment, kiosk.reasons.send_button)
    tap(qtbot, keyboard.done_key)
    assert keyboard.isHidden() and kiosk.reasons.reason_buttons["slow"].isVisible()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_search_and_its_results_stay_in_view_above_the_keyboard(qtbot, kiosk, size, large_text):
    show_at(qtbot, kiosk, size, large_text)
    tap(qtbot, kiosk.attract.start_button)
    tap(qtbot, kiosk.identify.no_receipt_button)
    tap(qtbot, kiosk.services.search)
    keyboard = kiosk.services.keyboard
    qtbot.waitUntil(keyboard.isVisible, timeout=2000)
    tap_keys(qtbot, keyboard, "khai sinh")
    assert kiosk.services.search.text() == "khai sinh" and "HT-KS" in kiosk.services.buttons
    fit(qtbot, kiosk, size)
    results = kiosk.services.buttons["HT-KS"].parentWidget().parentWidget()  # the viewport
    assert_in_view_above(kiosk, keyboard, kiosk.services.search, results)
    tap(qtbot, kiosk.services.buttons["HT-KS"])
    assert kiosk.stack.currentWidget() is kiosk.face and keyboard.isHidden()


def test_a_comment_typed_in_telex_is_saved_as_shown(qtbot, kiosk, database):
    show_at(qtbot, kiosk, (1366, 768), large_text=False)
    reach_reasons(qtbot, kiosk)
    tap(qtbot, kiosk.reasons.comment)
    fit(qtbot, kiosk, (1366, 768))
    tap_keys(qtbot, kiosk.reasons.keyboard, "Caanf lamf thur tucj nhanh hown")
    assert kiosk.reasons.comment.toPlainText() == "Cần làm thủ tục nhanh hơn"
    tap(qtbot, kiosk.reasons.send_button)
    assert kiosk.reasons.keyboard.isHidden()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.thanks, timeout=WAIT)
    with database.factory() as session:
        [saved] = session.scalars(select(Rating)).all()
    assert saved.comment == "Cần làm thủ tục nhanh hơn"


def test_the_keyboard_is_put_away_when_the_rating_starts_again(qtbot, kiosk):
    show_at(qtbot, kiosk, (1366, 768), large_text=False)
    reach_reasons(qtbot, kiosk)
    tap(qtbot, kiosk.reasons.comment)
    kiosk.act(kiosk.flow.home)
    reach_reasons(qtbot, kiosk)
    assert kiosk.reasons.keyboard.isHidden() and kiosk.reasons.heading.isVisible()


def test_without_the_setting_a_tap_opens_no_keyboard(qtbot, database, office, clock, kiosk_look):
    window = KioskWindow(Settings(database_url=database.url, virtual_keyboard=False), clock=clock)
    qtbot.addWidget(window)
    backend = KioskBackend(database.factory, station="kiosk-test", clock=clock)
    window.attach_backend(backend, backend.start())
    show_at(qtbot, window, (1366, 768), large_text=False)
    reach_reasons(qtbot, window)
    tap(qtbot, window.reasons.comment)
    assert window.reasons.keyboard.isHidden()
