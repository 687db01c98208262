"""When the face was unhappy: quick reasons to tick and an optional comment, then Send."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPlainTextEdit, QWidget

from kiosk.answers import COMPLAINT_REASONS, COMPLAINT_WORDS, MAX_COMMENT
from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen
from ui.widgets.touch_button import TouchButton, WrappingTouchButton
from ui.widgets.touch_keyboard import TouchKeyboard

COMMENT_HEIGHT = 120  # with the reasons on show; while typing it takes the room they leave
NO_LIMIT = 16777215  # Qt's QWIDGETSIZE_MAX, which PySide6 does not export


class ReasonsScreen(KioskScreen):
    reason_toggled = Signal(str)
    comment_changed = Signal(str)
    send_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.reasons = QWidget()  # folded away while typing: the comment and Send stay in view
        grid = QGridLayout(self.reasons)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.reason_buttons: dict[str, TouchButton] = {}
        for index, reason in enumerate(COMPLAINT_REASONS):
            button = WrappingTouchButton("chip", checkable=True)
            button.clicked.connect(lambda _=False, r=reason: self.reason_toggled.emit(r))
            self.reason_buttons[reason] = button
            grid.addWidget(button, index // 2, index % 2)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setMaximumHeight(COMMENT_HEIGHT)
        self.comment.setMinimumHeight(COMMENT_HEIGHT)  # not the scroll area's own, taller one
        self.comment.textChanged.connect(self._comment_edited)
        self.send_button = TouchButton("send")
        self.send_button.clicked.connect(self._send_tapped)
        self.body.addWidget(self.reasons)
        self.comment_row = QHBoxLayout()
        self.comment_row.addWidget(self.comment, stretch=1)
        self.body.addLayout(self.comment_row)
        self._gap = self.body.count()  # the stretch that keeps the comment up with the reasons
        self.body.addStretch(1)
        self.act_in_footer(self.send_button)  # beside Back: the reasons keep the height
        self.dock_keyboard(TouchKeyboard(self.comment, max_length=MAX_COMMENT))

    def typing_changed(self, typing: bool) -> None:
        self.reasons.setVisible(not typing)
        # Send moves up beside the comment while the keyboard is up: on a 768-pixel screen
        # both fit above it only side by side.
        if typing:
            self.footer_row.removeWidget(self.send_button)
            self.comment_row.addWidget(self.send_button, alignment=Qt.AlignmentFlag.AlignTop)
        else:
            self.comment_row.removeWidget(self.send_button)
            self.footer_row.addWidget(self.send_button, stretch=1)
        self.send_button.show()  # moving to another parent widget hides it
        # The room the reasons leave goes to the comment, so that more of it can be read.
        self.comment.setMaximumHeight(NO_LIMIT if typing else COMMENT_HEIGHT)
        self.body.setStretch(self._gap, 0 if typing else 1)
        self.body.setStretchFactor(self.comment_row, 1 if typing else 0)

    def _send_tapped(self) -> None:
        self.close_keyboard()
        self.send_requested.emit()

    def _comment_edited(self) -> None:
        text = self.comment.toPlainText()
        if len(text) > MAX_COMMENT:
            self.comment.setPlainText(text[:MAX_COMMENT])
            return
        self.comment_changed.emit(text)

    def clear(self) -> None:
        self.close_keyboard()
        self.comment.blockSignals(True)
        self.comment.clear()
        self.comment.blockSignals(False)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText(tr("What did not go well? Tick all that apply."))
        for reason, button in self.reason_buttons.items():
            ticked = reason in flow.answers.reasons
            # A tick mark as well as the colour: the choice must not depend on colour alone.
            button.setText(("☑ " if ticked else "☐ ") + tr(COMPLAINT_WORDS[reason]))
            button.setChecked(ticked)
        # The invitation is in the box itself: a line less, so large text fits a 768-high screen.
        self.comment.setPlaceholderText(tr("Anything to add? (optional)"))
        self.send_button.setText(tr("Send my rating"))
