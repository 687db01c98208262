"""Typing the dossier code's digits (the office part is already filled in), then the check
number printed under the receipt's QR, which shows the citizen holds that receipt."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.keypad import KeypadWidget


class KeypadScreen(KioskScreen):
    digit_pressed = Signal(str)
    erase_pressed = Signal()
    submit_pressed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.hint = make_label("hint")
        self.code = make_label("code")
        self.check = make_label("code")
        self.keypad = KeypadWidget()
        self.keypad.digit_pressed.connect(self.digit_pressed)
        self.keypad.erase_pressed.connect(self.erase_pressed)
        self.keypad.submit_pressed.connect(self.submit_pressed)
        # What is typed beside the keys, not above them: with the check number and a message
        # the screen still fits a 1366×768 kiosk.
        typed = QVBoxLayout()
        typed.setSpacing(14)
        typed.addStretch(1)
        typed.addWidget(self.hint)
        typed.addWidget(self.code)
        typed.addWidget(self.check)
        typed.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addLayout(typed, stretch=1)
        row.addWidget(self.keypad, stretch=1)
        self.body.addLayout(row, stretch=1)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        if flow.typing_check:
            self.heading.setText(tr("Type the check number"))
            self.hint.setText(tr("Type the 4-digit check number printed under the QR code."))
        else:
            self.heading.setText(tr("Type the dossier code"))
            self.hint.setText(tr("The last 10 digits of the code printed on your receipt."))
        self.code.setText(flow.keypad_code)
        self.check.setText(tr("Check number: {check_number}", check_number=flow.keypad_check))
        self.keypad.submit_button.setText(tr("OK"))
        self.keypad.erase_button.setText("⌫ " + tr("Erase"))
