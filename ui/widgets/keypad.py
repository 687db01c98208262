"""A large numeric keypad for typing the digits of a dossier code."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from ui.widgets.touch_button import TouchButton


class KeypadWidget(QWidget):
    digit_pressed = Signal(str)
    erase_pressed = Signal()
    submit_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the screen's margins are enough
        layout.setSpacing(14)
        self.digit_buttons: dict[str, TouchButton] = {}
        for index, digit in enumerate("123456789"):
            self._add_digit(layout, digit, index // 3, index % 3)
        self.erase_button = TouchButton("key")
        # Words on a key take a smaller size than digits (10_kiosk.qss): "⌫ Xóa" and "Đồng ý"
        # must fit a key a third of the keypad wide on a 1366×768 kiosk.
        self.erase_button.setProperty("word", True)
        self.erase_button.clicked.connect(self.erase_pressed)
        layout.addWidget(self.erase_button, 3, 0)
        self._add_digit(layout, "0", 3, 1)
        self.submit_button = TouchButton("key")
        self.submit_button.setProperty("word", True)
        self.submit_button.clicked.connect(self.submit_pressed)
        layout.addWidget(self.submit_button, 3, 2)
        # Keys take the room the screen gives the keypad: bigger targets, and the word keys as
        # tall as the digits beside them.
        for key in (*self.digit_buttons.values(), self.erase_button, self.submit_button):
            key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _add_digit(self, layout: QGridLayout, digit: str, row: int, column: int) -> None:
        button = TouchButton("key")
        button.setText(digit)
        button.clicked.connect(lambda: self.digit_pressed.emit(digit))
        layout.addWidget(button, row, column)
        self.digit_buttons[digit] = button
