"""Overall satisfaction: three (or five) big faces with words. One tap."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout

from kiosk.answers import FACE_WORDS, Satisfaction
from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.face_button import FaceButton


class FaceScreen(KioskScreen):
    face_chosen = Signal(object)  # Satisfaction

    def __init__(self) -> None:
        super().__init__()
        self.subject = make_label("detail")
        self.row = QHBoxLayout()
        self.row.setSpacing(24)
        self.faces: dict[Satisfaction, FaceButton] = {}
        for satisfaction in Satisfaction:
            face = FaceButton(satisfaction)
            face.chosen.connect(self.face_chosen)
            self.faces[satisfaction] = face
            self.row.addWidget(face)
        self.body.addWidget(self.subject)
        self.body.addStretch(1)
        self.body.addLayout(self.row, stretch=4)
        self.body.addStretch(1)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText(tr("How satisfied are you with the service?"))
        answers = flow.answers
        subject = ""
        if answers.case is not None:  # a slip's QR: the handling of the citizen's feedback
            self.heading.setText(tr("How satisfied are you with how your feedback was handled?"))
            subject = f"{answers.case.number} · {answers.case.subject}"
        elif answers.dossier is not None:
            dossier = answers.dossier
            subject = dossier.service_name_vi if flow.language == "vi" else dossier.service_name_en
        elif answers.service is not None:
            service = answers.service
            subject = service.name_vi if flow.language == "vi" else service.name_en
        self.subject.setText(subject)
        for satisfaction, face in self.faces.items():
            face.setVisible(satisfaction in flow.faces)
            face.setText(tr(FACE_WORDS[satisfaction]))
