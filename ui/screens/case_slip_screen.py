"""After a petition or a call-back request: the case's number, by when and how the answer will
come, and its QR, for the citizen to keep or photograph (and scan here later to rate how the
case was handled)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.formats import day_text
from kiosk.i18n import Translator
from kiosk.kiosk_case import KioskCase
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.qr_drawing import QrDrawing
from ui.widgets.touch_button import TouchButton

QR_PX = 300


def answer_words(case: KioskCase, tr: Translator) -> str:
    """How and by when the answer comes, in words."""
    if case.due_at is None:
        return tr(
            "Your feedback is kept on this kiosk and will be numbered as soon as the kiosk "
            "is back in touch with the office."
        )
    due = day_text(case.due_at.date(), tr.language)
    if case.contact_given:
        return tr("The office will call you back by phone by {date}.", date=due)
    return tr("Ask for the answer at the counter with this slip from {date}.", date=due)


class CaseSlipScreen(KioskScreen):
    done = Signal()

    def __init__(self) -> None:
        super().__init__(with_back=False)
        self.number = make_label("code")
        self.answer = make_label("progress")
        self.keep = make_label("hint")
        self.qr = QrDrawing(QR_PX)
        self.done_button = TouchButton("primary")
        self.done_button.clicked.connect(self.done)
        words = QVBoxLayout()
        words.setSpacing(16)
        words.addStretch(1)
        words.addWidget(self.number)
        words.addWidget(self.answer)
        words.addWidget(self.keep)
        words.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(40)
        row.addLayout(words, stretch=1)
        row.addWidget(self.qr, alignment=Qt.AlignmentFlag.AlignVCenter)
        self.body.addLayout(row, stretch=1)
        self.act_in_footer(self.done_button)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        case = flow.last_case
        self.heading.setText(tr("Your feedback has been received"))
        if case is None:
            return
        if case.number is not None:
            self.number.setText(tr("Feedback number: {number}", number=case.number))
        else:
            self.number.setText(tr("Feedback number: given soon"))
        self.answer.setText(answer_words(case, tr))
        payload = flow.case_qr.payload(case.id) if flow.case_qr is not None else ""
        self.qr.show_payload(payload)
        self.qr.setVisible(bool(payload))
        self.keep.setText(
            tr(
                "Keep this slip or take a photo of it. Once you have the answer, scan its QR "
                "code here to tell us how your feedback was handled."
            )
        )
        self.done_button.setText(tr("Done"))

    def spoken_prompt(self) -> str:
        return f"{self.heading.text()}. {self.number.text()}. {self.answer.text()}"
