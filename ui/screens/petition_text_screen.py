"""A petition, second step: the citizen types it on the on-screen keyboard (Telex)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit

from kiosk.case_flow import MAX_PETITION
from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton
from ui.widgets.touch_keyboard import TouchKeyboard


class PetitionTextScreen(KioskScreen):
    text_changed = Signal(str)
    next_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.subject = make_label("detail")
        self.text = QPlainTextEdit()
        self.text.setObjectName("comment")
        self.text.textChanged.connect(self._edited)
        self.next_button = TouchButton("send")
        self.next_button.clicked.connect(self._next_tapped)
        self.body.addWidget(self.subject)
        self.text_row = QHBoxLayout()
        self.text_row.addWidget(self.text, stretch=1)
        self.body.addLayout(self.text_row, stretch=1)
        self.act_in_footer(self.next_button)
        self.dock_keyboard(TouchKeyboard(self.text, max_length=MAX_PETITION))

    def typing_changed(self, typing: bool) -> None:
        # Next beside the text while the keyboard is up, as Send on the reasons screen.
        if typing:
            self.footer_row.removeWidget(self.next_button)
            self.text_row.addWidget(self.next_button, alignment=Qt.AlignmentFlag.AlignTop)
        else:
            self.text_row.removeWidget(self.next_button)
            self.footer_row.addWidget(self.next_button, stretch=1)
        self.next_button.show()  # moving to another parent widget hides it

    def _next_tapped(self) -> None:
        self.close_keyboard()
        self.next_requested.emit()

    def _edited(self) -> None:
        text = self.text.toPlainText()
        if len(text) > MAX_PETITION:
            self.text.setPlainText(text[:MAX_PETITION])
            return
        self.text_changed.emit(text)

    def clear(self) -> None:
        self.close_keyboard()
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText(tr("Write your feedback"))
        self.subject.setText(flow.draft.subject)
        self.text.setPlaceholderText(tr("Touch here to type. What happened, and what you suggest."))
        self.next_button.setText(tr("Next") + " ▶")
