"""How to use the kiosk, in three pictured steps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label

STEP_ICONS = ("①", "②", "③")


class HelpScreen(KioskScreen):
    def __init__(self) -> None:
        super().__init__()
        self.steps = [make_label("helpStep", align=Qt.AlignmentFlag.AlignLeft) for _ in STEP_ICONS]
        for label in self.steps:
            self.body.addWidget(label)
        self.body.addStretch(1)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText(tr("How to use"))
        texts = (
            tr(
                "Scan the QR code on your receipt, or type the dossier code. "
                "No receipt? You can still rate: choose the service."
            ),
            tr("Touch the face that shows how you feel about the service."),
            tr("Answer a few short questions, or skip them. Your name is never recorded."),
        )
        for icon, label, text in zip(STEP_ICONS, self.steps, texts, strict=True):
            label.setText(f"{icon}  {text}")
