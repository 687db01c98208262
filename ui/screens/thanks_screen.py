"""Thank you, with the dossier's status; the kiosk returns to its start by itself."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.dossier_screen import status_line
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton


class ThanksScreen(KioskScreen):
    done = Signal()

    def __init__(self) -> None:
        super().__init__(with_back=False)
        self.message = make_label("big")
        self.dossier = make_label("status")
        self.done_button = TouchButton("primary")
        self.done_button.clicked.connect(self.done)
        self.body.addStretch(1)
        self.body.addWidget(self.message)
        self.body.addWidget(self.dossier)
        self.body.addStretch(1)
        self.body.addWidget(self.done_button)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText("♥")
        self.message.setText(tr("Thank you! Your rating has been recorded."))
        dossier = flow.last_result
        if dossier is not None:
            self.dossier.setText(f"{dossier.code}\n{status_line(dossier.status, tr)}")
        self.dossier.setVisible(dossier is not None)
        self.done_button.setText(tr("Done"))

    def spoken_prompt(self) -> str:
        return self.message.text()
