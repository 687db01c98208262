"""A name on the on-screen keyboard and a phone number on a digit keypad: to be called back
after an unhappy rating (both needed), or to be contacted about a petition (optional)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.case_flow import MAX_NAME
from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow, Step
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.keypad import KeypadWidget
from ui.widgets.touch_button import TouchButton
from ui.widgets.touch_keyboard import TouchKeyboard

MAX_PHONE_DIGITS = 12  # 0 and 9 digits for a mobile; a landline's area code makes 11


class CaseContactScreen(KioskScreen):
    contact_changed = Signal(str, str)  # name, phone digits
    send_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.explanation = make_label("hint")
        self.name_label = make_label("field", align=Qt.AlignmentFlag.AlignLeft)
        self.name = QLineEdit()
        self.name.setObjectName("search")
        self.name.setMaxLength(MAX_NAME)
        self.name.textChanged.connect(self._changed)
        self.phone_label = make_label("field", align=Qt.AlignmentFlag.AlignLeft)
        # Typed on the keypad beside it only: a tap on it opens no letter keyboard.
        self.phone = QLineEdit()
        self.phone.setObjectName("search")
        self.phone.setReadOnly(True)
        self.phone.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keypad = KeypadWidget()
        self.keypad.digit_pressed.connect(self._digit)
        self.keypad.erase_pressed.connect(lambda: self._set_phone(self.phone.text()[:-1]))
        self.keypad.submit_button.hide()  # the screen's own button sends
        self.send_button = TouchButton("send")
        self.send_button.clicked.connect(self._send_tapped)
        fields = QVBoxLayout()
        fields.setSpacing(8)
        fields.addWidget(self.name_label)
        fields.addWidget(self.name)
        fields.addWidget(self.phone_label)
        fields.addWidget(self.phone)
        fields.addStretch(1)
        self.keypad_panel = QWidget()  # folded away while the name is typed
        panel = QVBoxLayout(self.keypad_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.addWidget(self.keypad)
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addLayout(fields, stretch=3)
        row.addWidget(self.keypad_panel, stretch=2)
        self.body.addWidget(self.explanation)
        self.body.addLayout(row, stretch=1)
        self.act_in_footer(self.send_button)
        self.dock_keyboard(TouchKeyboard(self.name, max_length=MAX_NAME))

    def typing_changed(self, typing: bool) -> None:
        self.keypad_panel.setVisible(not typing)
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
                    "Optional: leave your name and phone number to be called with the answer. "
                    "Without them, ask for the answer at the counter with your slip."
                )
            )
            self.send_button.setText(tr("Send my feedback"))
        self.name_label.setText(tr("Your name"))
        self.name.setPlaceholderText(tr("Touch here to type your name"))
        self.phone_label.setText(tr("Phone number"))
        self.phone.setPlaceholderText(tr("Type it on the keypad"))
        self.keypad.erase_button.setText("⌫ " + tr("Erase"))
