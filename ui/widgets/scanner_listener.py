"""Reads a barcode scanner, which types like a keyboard and ends with Enter.

Installed on the kiosk window: with no button taking focus, the keys arrive there on any screen.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

MAX_KEY_GAP = 0.3  # seconds; a scanner types far faster, so older keys are stray presses
MIN_LENGTH = 6
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScannerListener(QObject):
    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buffer: list[str] = []
        self._last_key_at = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        text_inputs = QLineEdit | QTextEdit | QPlainTextEdit
        if isinstance(watched, text_inputs) or isinstance(QApplication.focusWidget(), text_inputs):
            return False  # the citizen is typing a comment or a search
        if event.isAutoRepeat():
            return True
        now = time.monotonic()
        if now - self._last_key_at > MAX_KEY_GAP:
            self._buffer.clear()
        self._last_key_at = now
        if event.key() in ENTER_KEYS:
            text = "".join(self._buffer).strip()
            self._buffer.clear()
            if len(text) >= MIN_LENGTH:
                self.scanned.emit(text)
            return True
        if event.text() and event.text().isprintable():
            self._buffer.append(event.text())
            return True
        return False
