"""The scanned or typed dossier: its service, counter and status, with the apology if late."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from kiosk.status import STATUS_LABELS, DossierStatus
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton

STATUS_ICONS = {
    DossierStatus.PROCESSING: "⏳",
    DossierStatus.EARLY: "✔",
    DossierStatus.ON_TIME: "✔",
    DossierStatus.LATE: "⚠",
}


def status_line(status: DossierStatus, tr: Translator) -> str:
    return f"{STATUS_ICONS[status]} " + tr("Status: {status}", status=tr(STATUS_LABELS[status]))


class DossierScreen(KioskScreen):
    rate_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.code = make_label("code")
        self.service = make_label("detail")
        self.counter = make_label("detail")
        self.status = make_label("status")
        self.apology = make_label("apology")
        self.rate_button = TouchButton("hero")
        self.rate_button.clicked.connect(self.rate_requested)
        for widget in (self.code, self.service, self.counter, self.status, self.apology):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.body.addWidget(self.rate_button)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        dossier = flow.answers.dossier
        self.heading.setText(tr("Your dossier"))
        self.rate_button.setText(tr("Rate this service"))
        if dossier is None:
            return
        name = dossier.service_name_vi if flow.language == "vi" else dossier.service_name_en
        self.code.setText(dossier.code)
        self.service.setText(name)
        self.counter.setText(tr("Received at counter {counter}", counter=dossier.counter))
        self.status.setText(status_line(dossier.status, tr))
        apology = ""
        if dossier.status is DossierStatus.LATE:
            apology = tr("We sincerely apologise: your result was not ready by the appointment.")
        if dossier.returned_at is not None:
            returned = tr("Result returned on {when}", when=f"{dossier.returned_at:%d/%m/%Y}")
            apology = f"{apology}\n{returned}" if apology else ""
        elif dossier.reappointed_due_at is not None:
            apology += "\n" + tr(
                "New appointment: {when}", when=f"{dossier.reappointed_due_at:%H:%M %d/%m/%Y}"
            )
        else:
            apology = tr("Appointment: {when}", when=f"{dossier.due_at:%H:%M %d/%m/%Y}")
        self.apology.setText(apology)
        self.apology.setVisible(bool(apology))
