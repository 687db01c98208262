"""Which dossier: scan the receipt, type its code, or rate without one."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton


class IdentifyScreen(KioskScreen):
    keypad_requested = Signal()
    no_receipt_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.scan_hint = make_label("scanHint")
        self.keypad_button = TouchButton("primary")
        self.keypad_button.clicked.connect(self.keypad_requested)
        self.no_receipt_button = TouchButton("primary")
        self.no_receipt_button.clicked.connect(self.no_receipt_requested)
        self.body.addWidget(self.scan_hint)
        self.body.addStretch(1)
        self.body.addWidget(self.keypad_button)
        self.body.addWidget(self.no_receipt_button)
        self.body.addStretch(1)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText(tr("Which dossier are you rating?"))
        self.scan_hint.setText(tr("Hold the QR code of your receipt under the scanner."))
        self.keypad_button.setText(tr("Type the dossier code"))
        self.no_receipt_button.setText(tr("No receipt? Choose the service"))
