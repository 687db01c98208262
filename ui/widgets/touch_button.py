"""A button big enough for a finger: at least 15 mm on a 21.5-inch 1080p screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

# 21.5" at 1920×1080 is 0.248 mm a pixel: 15 mm is 61 px. We keep a margin above that.
MIN_TARGET_PX = 88


class TouchButton(QPushButton):
    def __init__(
        self, role: str = "primary", *, checkable: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(role)  # the stylesheet's look: primary, secondary, answer, chip …
        self.setCheckable(checkable)
        self.setMinimumSize(MIN_TARGET_PX * 2, MIN_TARGET_PX)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the scanner and text fields
