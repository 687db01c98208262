"""Thank you, with when to come back for an open dossier; an unhappy citizen is told who will
read the rating and, where the office has one, the hotline. The kiosk returns home by itself."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.answers import needs_follow_up
from kiosk.dossier_progress import appointment_reminder
from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton


class ThanksScreen(KioskScreen):
    done = Signal()
    call_back_requested = Signal()

    def __init__(self) -> None:
        super().__init__(with_back=False)
        self.message = make_label("big")
        self.follow_up = make_label("progress")
        self.dossier = make_label("status")
        self.done_button = TouchButton("primary")
        self.done_button.clicked.connect(self.done)
        # After an unhappy rating: the citizen may ask to be called back (kiosk.case_flow).
        self.call_back_button = TouchButton("action")
        self.call_back_button.clicked.connect(self.call_back_requested)
        self.body.addStretch(1)
        self.body.addWidget(self.message)
        self.body.addWidget(self.follow_up)
        self.body.addWidget(self.dossier)
        self.body.addStretch(1)
        self.body.addWidget(self.call_back_button)
        self.body.addWidget(self.done_button)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        rating = flow.last_rating
        unhappy = rating is not None and needs_follow_up(rating)
        self.heading.setText(tr("Thank you!"))
        self.message.setText(tr("Your rating has been recorded."))
        follow_up = ""
        if unhappy:
            follow_up = tr(
                "We are sorry. The head of the office will read your rating and act on it."
            )
            if flow.office_hotline:
                follow_up += "\n" + tr(
                    "You can also call the office's hotline: {number}",
                    number=flow.office_hotline.replace(" ", "\u00a0"),  # a number on one line
                )
        self.follow_up.setText(follow_up)
        self.follow_up.setVisible(bool(follow_up))
        dossier = flow.last_result
        reminder = appointment_reminder(dossier, tr) if dossier is not None else ""
        self.dossier.setText(f"{dossier.code}\n{reminder}".strip() if dossier else "")
        self.dossier.setVisible(dossier is not None)
        self.done_button.setText(tr("Done"))
        self.call_back_button.setText("☎ " + tr("I would like to be contacted"))
        self.call_back_button.setVisible(flow.offers_call_back)
        # Beside the call-back offer, Done steps back: one strong button is the one to read.
        look = "secondary" if flow.offers_call_back else "primary"
        if self.done_button.objectName() != look:
            self.done_button.setObjectName(look)
            self.done_button.style().unpolish(self.done_button)
            self.done_button.style().polish(self.done_button)

    def spoken_prompt(self) -> str:
        return " ".join(
            label.text() for label in (self.message, self.follow_up) if label.isVisibleTo(self)
        )
