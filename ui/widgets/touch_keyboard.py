"""The citizen's on-screen keyboard: big keys in the screen's own layout, Telex by kiosk.telex.

It lives inside the screen, under the text it types into, so the text box and the buttons
above it stay in view (Qt Virtual Keyboard's overlay covered them). Its keys never take focus:
the text box keeps its cursor, and the window still hears the receipt scanner.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Translator
from kiosk.telex import Edit, TelexComposer
from ui.widgets.touch_button import MIN_TARGET_PX, TouchButton

TextBox = QLineEdit | QPlainTextEdit

LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm,.")
SYMBOL_ROWS = ("1234567890", "-/:;()\"'?!", "@%+=&#*_")
KEY_SPACING = 8
# Widths in stretch units: every row as wide as the top one, ten characters and backspace.
CHARACTER_STRETCH = 2
WIDE_STRETCH = 3  # backspace, shift
ROW_STRETCH = CHARACTER_STRETCH * 10 + WIDE_STRETCH


def _key(label: str = "") -> TouchButton:
    key = TouchButton("kbKey")
    key.setText(label)
    # As tall as a finger needs; as narrow as that too, so ten keys fit across 1366 pixels.
    key.setMinimumSize(MIN_TARGET_PX, MIN_TARGET_PX)
    return key


class TouchKeyboard(QWidget):
    opened = Signal()
    closed = Signal()

    def __init__(self, target: TextBox, *, max_length: int | None = None) -> None:
        super().__init__()
        self.setObjectName("touchKeyboard")
        self.target = target
        self.max_length = max_length
        self.opens_on_tap = True  # the `virtual_keyboard` setting: off where a keyboard is fitted
        self.composer = TelexComposer()
        self._shift = False  # the next letter only
        self._caps = False
        self._last_seen: tuple[str, int] | None = None  # the target as our last key left it
        self._language = ""
        self.character_keys: dict[str, TouchButton] = {}
        self.backspace_keys: list[TouchButton] = []  # one a page
        # Owned from the start: it joins a page of keys only when they are built, and a button
        # without a parent until then outlives its screen (and crashed a later restyle).
        self.shift_key = _key("⇧")
        self.shift_key.setParent(self)
        self.shift_key.setCheckable(True)
        self.shift_key.clicked.connect(self._shift_tapped)
        # The pages of keys are built when the keyboard first opens: some eighty keys, and a
        # kiosk builds its screens while the citizen waits for the start screen to come alive.
        self.pages = QStackedWidget()
        self.letters, self.symbols = QWidget(), QWidget()
        self.pages.addWidget(self.letters)
        self.pages.addWidget(self.symbols)
        self.page_key = _key()
        self.page_key.clicked.connect(self._turn_page)
        self.telex_key = _key()
        self.telex_key.setCheckable(True)
        self.telex_key.setChecked(True)
        self.telex_key.toggled.connect(self._telex_toggled)
        self.space_key = _key()
        self.space_key.clicked.connect(lambda: self.type_text(" "))
        self.done_key = _key()
        self.done_key.clicked.connect(self.close_keyboard)
        bottom = QHBoxLayout()
        bottom.setSpacing(KEY_SPACING)
        bottom.addWidget(self.page_key, 3)
        bottom.addWidget(self.telex_key, 4)
        bottom.addWidget(self.space_key, 10)
        bottom.addWidget(self.done_key, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, KEY_SPACING, 0, 0)
        layout.setSpacing(KEY_SPACING)
        layout.addWidget(self.pages)
        layout.addLayout(bottom)
        self._listen_for_taps(target)
        self.hide()
        self._show_case()

    # -- building ----------------------------------------------------------------------------

    def _build_pages(self) -> None:
        if self.character_keys:
            return
        for placeholder in (self.letters, self.symbols):
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self.letters = self._page(LETTER_ROWS, with_shift=True)
        self.symbols = self._page(SYMBOL_ROWS, with_shift=False)
        self.pages.addWidget(self.letters)
        self.pages.addWidget(self.symbols)
        self._show_case()

    def _page(self, rows: tuple[str, ...], *, with_shift: bool) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(KEY_SPACING)
        for number, characters in enumerate(rows):
            row = QHBoxLayout()
            row.setSpacing(KEY_SPACING)
            used = CHARACTER_STRETCH * len(characters) + WIDE_STRETCH
            if number == 0:
                backspace = _key("⌫")
                backspace.clicked.connect(self.backspace)
                self.backspace_keys.append(backspace)
                self._add_characters(row, characters)
                row.addWidget(backspace, WIDE_STRETCH)
            elif number == len(rows) - 1 and with_shift:
                row.addWidget(self.shift_key, WIDE_STRETCH)
                self._add_characters(row, characters)
                row.addStretch(ROW_STRETCH - used)
            else:
                # Offset as on any keyboard, and no key wider than those of the top row.
                used -= WIDE_STRETCH
                row.addStretch((ROW_STRETCH - used) // 2)
                self._add_characters(row, characters)
                row.addStretch(ROW_STRETCH - used - (ROW_STRETCH - used) // 2)
            layout.addLayout(row)
        return page

    def _add_characters(self, row: QHBoxLayout, characters: str) -> None:
        for character in characters:
            key = _key(character)
            key.clicked.connect(lambda _=False, c=character: self._character_tapped(c))
            self.character_keys[character] = key
            row.addWidget(key, CHARACTER_STRETCH)

    def retranslate(self, tr: Translator) -> None:
        if tr.language != self._language:
            self._language = tr.language
            # Vietnamese is typed in Telex; an English speaker's "good" must not become "gôd".
            self.set_telex(tr.language == "vi")
        self.space_key.setText(tr("space"))
        self.done_key.setText(tr("Done"))
        self._show_page_key()
        self._show_telex()

    # -- showing -----------------------------------------------------------------------------

    def _listen_for_taps(self, target: TextBox) -> None:
        target.installEventFilter(self)
        if isinstance(target, QPlainTextEdit):
            target.viewport().installEventFilter(self)  # a tap lands on the viewport

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            # Not when the screen hands focus on by itself: only a finger opens the keyboard.
            tapped = event.reason() == Qt.FocusReason.MouseFocusReason
        else:
            tapped = event.type() == QEvent.Type.MouseButtonPress
        if tapped and self.opens_on_tap and not self.isVisible():
            self.open_keyboard()
        return False

    def open_keyboard(self) -> None:
        self._build_pages()
        self.show()
        self.opened.emit()

    def close_keyboard(self) -> None:
        if self.isHidden():
            return
        self.hide()
        self.composer.end_word()
        self.target.clearFocus()  # the window hears the scanner again
        self.closed.emit()

    # -- typing ------------------------------------------------------------------------------

    def _character_tapped(self, character: str) -> None:
        if self._shift or self._caps:
            character = character.upper()
        if self._shift:
            self._shift = False
            self._show_case()
        self.type_text(character)

    def type_text(self, key: str) -> None:
        self._notice_outside_changes()
        room = None if self.max_length is None else self.max_length - len(self._text())
        edit = self.composer.press(key, room=room)
        if edit is not None:
            self._apply(edit)

    def backspace(self) -> None:
        self._notice_outside_changes()
        edit = self.composer.backspace()
        if self._cursor() >= edit.erase:
            self._apply(edit)

    def _notice_outside_changes(self) -> None:
        # A tap elsewhere in the text, or the text cleared: the next letter starts a new word.
        if self._last_seen != (self._text(), self._cursor()):
            self.composer.end_word()

    def _apply(self, edit: Edit) -> None:
        target, cursor_at = self.target, self._cursor()
        if isinstance(target, QPlainTextEdit):
            cursor = target.textCursor()
            cursor.setPosition(cursor_at - edit.erase)
            cursor.setPosition(cursor_at, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(edit.insert)
            target.setTextCursor(cursor)
            target.ensureCursorVisible()
        else:
            target.setSelection(cursor_at - edit.erase, edit.erase)
            if edit.insert:
                target.insert(edit.insert)
            elif edit.erase:
                target.del_()
        self._last_seen = (self._text(), self._cursor())

    def _text(self) -> str:
        target = self.target
        return target.toPlainText() if isinstance(target, QPlainTextEdit) else target.text()

    def _cursor(self) -> int:
        target = self.target
        if isinstance(target, QPlainTextEdit):
            return target.textCursor().position()
        return target.cursorPosition()

    # -- the keys that change keys -----------------------------------------------------------

    def _shift_tapped(self) -> None:
        # One tap: the next letter in capitals; a second: capitals until tapped again.
        if self._caps:
            self._caps = False
        elif self._shift:
            self._shift, self._caps = False, True
        else:
            self._shift = True
        self._show_case()

    def _show_case(self) -> None:
        upper = self._shift or self._caps
        self.shift_key.setText("⇪" if self._caps else "⇧")
        self.shift_key.setChecked(upper)
        for character in LETTER_ROWS[0] + LETTER_ROWS[1] + LETTER_ROWS[2]:
            key = self.character_keys.get(character)  # none before the first opening
            if key is not None:
                key.setText(character.upper() if upper else character)

    def _turn_page(self) -> None:
        showing_letters = self.pages.currentWidget() is self.letters
        self.pages.setCurrentWidget(self.symbols if showing_letters else self.letters)
        self._show_page_key()

    def _show_page_key(self) -> None:
        self.page_key.setText("?123" if self.pages.currentWidget() is self.letters else "abc")

    def _telex_toggled(self, on: bool) -> None:
        self.composer.set_telex(on)
        self._show_telex()

    def _show_telex(self) -> None:
        # A tick as well as the colour: the state must not depend on colour alone.
        self.telex_key.setText(("☑ " if self.telex_key.isChecked() else "☐ ") + "Telex")

    def set_telex(self, on: bool) -> None:
        self.telex_key.setChecked(on)

    def key_for(self, character: str) -> TouchButton:
        """The key a finger taps for this character (capitals through shift), on either page."""
        self._build_pages()
        return self.character_keys[character.lower()]
