"""A button big enough for a finger: at least 15 mm on a 21.5-inch 1080p screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

# 21.5" at 1920×1080 is 0.248 mm a pixel: 15 mm is 61 px. We keep a margin above that.
MIN_TARGET_PX = 88
WORDS_MARGIN = 24  # px between a wrapping button's edge and its words
WORDS_AIR = 12  # px above and below them


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


class WrappingTouchButton(TouchButton):
    """A touch button whose words go on to a second line rather than being cut at the edges:
    answers and reasons are sentences, and large text on a 1366-wide screen does not hold them.

    The words are a label inside the button; the stylesheet gives it the button's colours
    (`QPushButton#answer > QLabel`). The button grows to the words' height at its width."""

    def __init__(
        self, role: str = "primary", *, checkable: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(role, checkable=checkable, parent=parent)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(WORDS_MARGIN, WORDS_AIR, WORDS_MARGIN, WORDS_AIR)
        layout.addWidget(self.words)
        self._height = MIN_TARGET_PX
        self.toggled.connect(self._restyle_words)

    def _restyle_words(self, checked: bool) -> None:
        # A label does not follow its parent's :checked; a property on it does.
        self.words.setProperty("checked", checked)
        self.words.style().unpolish(self.words)
        self.words.style().polish(self.words)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.words.setText(text)
        self.setAccessibleName(text)
        self._fit_height()

    def text(self) -> str:
        return self.words.text()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.words.sizeHint().width() + 2 * WORDS_MARGIN, self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(MIN_TARGET_PX * 2, self._height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_height()  # large text turned on or off

    def _fit_height(self) -> None:
        words = self.words.heightForWidth(self.width() - 2 * WORDS_MARGIN) + 2 * WORDS_AIR
        height = max(MIN_TARGET_PX, words)
        if height != self._height:
            self._height = height
            self.updateGeometry()
