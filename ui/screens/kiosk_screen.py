"""What every screen of the citizen's kiosk shares: a heading, a message line, a way back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.widgets.touch_button import TouchButton


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
        layout.addSpacing(16)  # keeps Back apart from the last answer
        self.footer = QHBoxLayout()
        self.footer.setSpacing(24)
        self.footer.addWidget(self.back_button)
        self.footer.addStretch(2)
        layout.addLayout(self.footer)

    def act_in_footer(self, button: QWidget) -> None:
        """The screen's one action beside Back, on the bottom row: the body keeps the height."""
        self.footer.takeAt(self.footer.count() - 1)  # the space that kept Back to the left
        self.footer.addWidget(button, stretch=1)

    def show_flow(self, flow: RatingFlow, tr: Translator) -> None:
        self.back_button.setText("◀ " + tr("Back"))
        if flow.problem is not None:
            # "⚠" as well as the colour: the message must not depend on colour alone.
            self.problem.setText("⚠ " + flow.problem.render(tr))
            self.problem.show()
        else:
            self.problem.hide()
        self.render_content(flow, tr)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        raise NotImplementedError

    def spoken_prompt(self) -> str:
        """What the voice reads out on arrival: the heading, by default."""
        return self.heading.text()
