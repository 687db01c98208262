"""The screen the kiosk rests on: the office, one big call to action, language, help."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton


class AttractScreen(KioskScreen):
    start_requested = Signal()
    help_requested = Signal()
    language_chosen = Signal(str)
    large_text_toggled = Signal()

    def __init__(self) -> None:
        super().__init__(with_back=False)
        self.office_name = make_label("officeName")
        self.start_button = TouchButton("hero")
        self.start_button.clicked.connect(self.start_requested)
        self.scan_hint = make_label("hint")
        self.vietnamese_button = TouchButton("language", checkable=True)
        self.vietnamese_button.setText("Tiếng Việt")  # each language named in itself
        self.vietnamese_button.clicked.connect(lambda: self.language_chosen.emit("vi"))
        self.english_button = TouchButton("language", checkable=True)
        self.english_button.setText("English")
        self.english_button.clicked.connect(lambda: self.language_chosen.emit("en"))
        self.help_button = TouchButton("secondary")
        self.help_button.clicked.connect(self.help_requested)
        self.large_text_button = TouchButton("secondary", checkable=True)
        self.large_text_button.clicked.connect(self.large_text_toggled)

        self.body.addWidget(self.office_name)
        self.body.addStretch(1)
        self.body.addWidget(self.start_button)
        self.body.addWidget(self.scan_hint)
        self.body.addStretch(1)
        options = QHBoxLayout()
        options.setSpacing(20)
        for button in (
            self.vietnamese_button,
            self.english_button,
            self.large_text_button,
            self.help_button,
        ):
            options.addWidget(button)
        self.body.addLayout(options)

    def set_office_name(self, name: str) -> None:
        self.office_name.setText(name)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText(tr("Welcome"))
        self.start_button.setText(tr("Rate our service") + "\n" + tr("Touch here to start"))
        self.scan_hint.setText(tr("Or scan the QR code on your receipt at the scanner below."))
        self.help_button.setText("? " + tr("How to use"))
        self.large_text_button.setText("A+ " + tr("Larger text"))
        self.large_text_button.setChecked(flow.large_text)
        self.vietnamese_button.setChecked(flow.language == "vi")
        self.english_button.setChecked(flow.language == "en")

    def spoken_prompt(self) -> str:
        return self.start_button.text().replace("\n", ". ")
