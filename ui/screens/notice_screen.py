"""A calm message that ends the flow: the dossier was rated already, or the save failed."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow, Step
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton


class NoticeScreen(KioskScreen):
    done = Signal()

    def __init__(self) -> None:
        super().__init__(with_back=False)
        self.message = make_label("big")
        self.done_button = TouchButton("primary")
        self.done_button.clicked.connect(self.done)
        self.body.addStretch(1)
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        self.body.addWidget(self.done_button)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        if flow.step is Step.PROBLEM:
            self.heading.setText(tr("Sorry"))
            self.message.setText(
                tr(
                    "Your rating could not be saved just now. It is kept and will be saved "
                    "as soon as possible. Please tell the staff at the counter."
                )
            )
        elif flow.step is Step.CASE_NOTICE and flow.case_notice is not None:
            self.heading.setText(tr("Your feedback"))
            self.message.setText(flow.case_notice.render(tr))
        elif flow.answers.case is not None:
            self.heading.setText(tr("Your feedback"))
            self.message.setText(
                tr("How your feedback was handled has already been rated. Thank you!")
            )
        else:
            self.heading.setText(tr("Already rated"))
            self.message.setText(
                tr("This dossier has already been rated. Each dossier is rated once. Thank you!")
            )
        self.done_button.setText(tr("Done"))

    def spoken_prompt(self) -> str:
        return self.message.text()
