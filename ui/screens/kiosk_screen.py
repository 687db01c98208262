"""What every screen of the citizen's kiosk shares: a heading, a message line, a way back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.widgets.touch_button import TouchButton

if TYPE_CHECKING:
    # Types only: the attract screen, on the way to the first frame, has no keyboard.
    from ui.widgets.touch_keyboard import TouchKeyboard


def make_label(
    style_name: str, *, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter
) -> QLabel:
    label = QLabel(alignment=align, wordWrap=True)
    label.setObjectName(style_name)  # the stylesheet's #name
    return label


class KioskScreen(QWidget):
    """A screen renders the flow's state; it never changes the flow itself, it only signals."""

    back_requested = Signal()

    def __init__(self, *, with_back: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = make_label("heading")
        self.problem = make_label("problem")
        self.problem.hide()
        self.back_button = TouchButton("secondary")
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.setVisible(with_back)
        self.body = QVBoxLayout()
        self.body.setSpacing(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 12, 48, 12)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.problem)  # next to what it is about, under the heading
        layout.addLayout(self.body, stretch=1)
        # A widget, not a layout: it folds away, spacing and all, while the keyboard is up.
        self.footer = QWidget()
        # As tall as Back and the action need: a squeezed footer would cut their words.
        self.footer.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.footer_row = QHBoxLayout(self.footer)
        self.footer_row.setContentsMargins(0, 16, 0, 0)  # keeps Back apart from the last answer
        self.footer_row.setSpacing(24)
        self.footer_row.addWidget(self.back_button)
        self.footer_row.addStretch(2)
        layout.addWidget(self.footer)
        self._layout = layout
        self.keyboard: TouchKeyboard | None = None

    def act_in_footer(self, button: QWidget) -> None:
        """The screen's one action beside Back, on the bottom row: the body keeps the height."""
        self.footer_row.takeAt(self.footer_row.count() - 1)  # the space that kept Back left
        self.footer_row.addWidget(button, stretch=1)

    def dock_keyboard(self, keyboard: TouchKeyboard) -> None:
        """The on-screen keyboard at the very bottom, in the layout: whatever is above it stays
        in view. While it is up, the heading and Back fold away to make room (Done is on it)."""
        self.keyboard = keyboard
        self._layout.addWidget(keyboard)
        keyboard.opened.connect(lambda: self._typing(True))
        keyboard.closed.connect(lambda: self._typing(False))

    def _typing(self, typing: bool) -> None:
        self.heading.setVisible(not typing)
        self.footer.setVisible(not typing)
        self.typing_changed(typing)

    def typing_changed(self, typing: bool) -> None:
        """What else a screen folds away while the keyboard is up."""

    def close_keyboard(self) -> None:
        if self.keyboard is not None:
            self.keyboard.close_keyboard()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.close_keyboard()  # leaving the screen: the next visit starts without it
        super().hideEvent(event)

    def show_flow(self, flow: RatingFlow, tr: Translator) -> None:
        self.back_button.setText("◀ " + tr("Back"))
        if flow.problem is not None:
            # "⚠" as well as the colour: the message must not depend on colour alone.
            self.problem.setText("⚠ " + flow.problem.render(tr))
            self.problem.show()
        else:
            self.problem.hide()
        if self.keyboard is not None:
            self.keyboard.retranslate(tr)
        self.render_content(flow, tr)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        raise NotImplementedError

    def spoken_prompt(self) -> str:
        """What the voice reads out on arrival: the heading, by default."""
        return self.heading.text()
