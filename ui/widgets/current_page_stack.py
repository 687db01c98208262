"""A stack of screens whose size is asked of the screen on show, not of the largest one.

QStackedWidget asks for the largest minimum of all its pages: one tall screen (the keypad, the
reasons with their chips) would make every screen, and the window, taller than a 1366×768
kiosk. Each screen must fit the kiosk on its own; this stack lets it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget


class CurrentPageStack(QStackedWidget):
    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()
