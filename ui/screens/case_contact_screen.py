"""A name on the on-screen keyboard and a phone number on a digit keypad: to be called back
after an unhappy rating (both needed), or to be contacted about a petition (optional)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QWidget

from kiosk.case_flow import MAX_NAME
from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow, Step
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import MIN_TARGET_PX, TouchButton
from ui.widgets.touch_keyboard import TouchKeyboard

MAX_PHONE_DIGITS = 12  # 0 and 9 digits for a mobile; a landline's area code makes 11
DIGIT_KEY_PX = 104
BESIDE = Qt.AlignmentFlag.AlignLeft  # a label by its field (its padding lines it up)


class DigitRow(QWidget):
    """The phone keypad as one row of big keys: four rows would not leave a 768-pixel screen
    room for large text and a message."""

    digit_pressed = Signal(str)
    erase_pressed = Signal()

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.digit_buttons: dict[str, TouchButton] = {}
        for digit in "1234567890":
            key = self._key(digit)
            key.clicked.connect(lambda _=False, d=digit: self.digit_pressed.emit(d))
            self.digit_buttons[digit] = key
            row.addWidget(key, 2)
        self.erase_button = self._key("⌫")
        self.erase_button.clicked.connect(self.erase_pressed)
        row.addWidget(self.erase_button, 3)

    @staticmethod
    def _key(label: str) -> TouchButton:
        key = TouchButton("kbKey")  # the on-screen keyboard's keys, a finger's size
        key.setText(label)
        # A little taller than the keyboard's: "⌫" comes from a symbol font with tall lines.
        key.setMinimumSize(MIN_TARGET_PX, DIGIT_KEY_PX)
        return key


class CaseContactScreen(KioskScreen):
    contact_changed = Signal(str, str)  # name, phone digits
    send_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.explanation = make_label("hint")
        self.name_label = make_label("field", align=BESIDE)
        self.name_label.setWordWrap(False)
        self.name = QLineEdit()
        self.name.setObjectName("search")
        self.name.setMaxLength(MAX_NAME)
        self.name.textChanged.connect(self._changed)
        self.phone_label = make_label("field", align=BESIDE)
        self.phone_label.setWordWrap(False)
        # Typed on the keypad beside it only: a tap on it opens no letter keyboard.
        self.phone = QLineEdit()
        self.phone.setObjectName("search")
        self.phone.setReadOnly(True)
        self.phone.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keypad = DigitRow()
        self.keypad.digit_pressed.connect(self._digit)
        self.keypad.erase_pressed.connect(lambda: self._set_phone(self.phone.text()[:-1]))
        self.send_button = TouchButton("send")
        self.send_button.clicked.connect(self._send_tapped)
        # Each label beside its field, the keypad under them: large text and a message still
        # fit a 768-pixel screen.
        fields = QGridLayout()
        fields.setSpacing(12)
        fields.addWidget(self.name_label, 0, 0)
        fields.addWidget(self.name, 0, 1)
        fields.addWidget(self.phone_label, 1, 0)
        fields.addWidget(self.phone, 1, 1)
        fields.setColumnStretch(1, 1)
        self.body.addWidget(self.explanation)
        self.body.addLayout(fields)
        self.body.addWidget(self.keypad)
        self.body.addStretch(1)
        self.act_in_footer(self.send_button)
        self.dock_keyboard(TouchKeyboard(self.name, max_length=MAX_NAME))

    def typing_changed(self, typing: bool) -> None:
        self.keypad.setVisible(not typing)
        self.explanation.setVisible(not typing)

    def _digit(self, digit: str) -> None:
        if len(self.phone.text()) < MAX_PHONE_DIGITS:
            self._set_phone(self.phone.text() + digit)

    def _set_phone(self, digits: str) -> None:
        self.phone.setText(digits)
        self._changed()

    def _changed(self) -> None:
        self.contact_changed.emit(self.name.text(), self.phone.text())

    def _send_tapped(self) -> None:
        self.close_keyboard()
        self.send_requested.emit()

    def clear(self) -> None:
        self.close_keyboard()
        for field in (self.name, self.phone):
            field.blockSignals(True)
            field.clear()
            field.blockSignals(False)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        if flow.step is Step.CALL_BACK:
            self.heading.setText(tr("I would like to be contacted"))
            self.explanation.setText(
                tr("Leave your name and phone number: the office will call you back.")
            )
            self.send_button.setText(tr("Call me back"))
        else:
            self.heading.setText(tr("Would you like an answer by phone?"))
            self.explanation.setText(
                tr(
                    "Optional. Without a phone number, ask for the answer at the counter "
                    "with your slip."
                )
            )
            self.send_button.setText(tr("Send my feedback"))
        self.name_label.setText(tr("Your name"))
        self.name.setPlaceholderText(tr("Touch here to type your name"))
        self.phone_label.setText(tr("Phone number"))
        self.phone.setPlaceholderText(tr("Type it on the keypad"))
        self.keypad.erase_button.setAccessibleName(tr("Erase"))
        # A message says what to do instead: both would not fit a small screen in large text.
        self.explanation.setVisible(flow.problem is None and not self._typing_now())

    def _typing_now(self) -> bool:
        return self.keyboard is not None and self.keyboard.isVisible()
