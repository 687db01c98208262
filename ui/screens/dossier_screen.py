"""The scanned or typed dossier: its service, counter and progress, with the apology if late."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal

from kiosk.dossier_progress import dossier_progress
from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton


class DossierScreen(KioskScreen):
    rate_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        # Few lines, so that large text fits a 1366×768 screen: the code is in the heading.
        self.service = make_label("detail")  # the service, then the counter
        self.progress = make_label("progress")  # the status, then the dates and any apology
        self.rate_button = TouchButton("action")
        self.rate_button.clicked.connect(self.rate_requested)
        self.body.addWidget(self.service)
        self.body.addWidget(self.progress)
        self.body.addStretch(1)
        self.act_in_footer(self.rate_button)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        dossier = flow.answers.dossier
        self.rate_button.setText(tr("Rate this service"))
        if dossier is None:
            self.heading.setText(tr("Your dossier"))
            return
        self.heading.setText(tr("Dossier {code}", code=dossier.code))
        name = dossier.service_name_vi if flow.language == "vi" else dossier.service_name_en
        counter = (
            tr("Received through the provincial one-stop system")
            if dossier.counter is None
            else tr("Received at counter {counter}", counter=dossier.counter)
        )
        self.service.setText(f"{name}\n{counter}")
        progress = dossier_progress(dossier, tr)
        # A late dossier is drawn as a warning; an appointment kept is plain information.
        # Restyled before the text is set, so that its height is measured with the new box.
        self.progress.setObjectName("apology" if progress.late else "progress")
        self.progress.style().unpolish(self.progress)
        self.progress.style().polish(self.progress)
        self.progress.setText(
            "<br>".join([f"<b>{escape(progress.status)}</b>", *map(escape, progress.lines)])
        )
