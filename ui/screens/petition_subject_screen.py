"""A petition from the start screen, first step: what it is about, one big tap, or typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from kiosk.case_flow import MAX_SUBJECT, PETITION_SUBJECTS
from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton, WrappingTouchButton
from ui.widgets.touch_keyboard import TouchKeyboard

CHOICE_MAX_PX = 180


class PetitionSubjectScreen(KioskScreen):
    subject_chosen = Signal(str)  # a key of PETITION_SUBJECTS
    subject_typed = Signal(str)
    next_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.choices = QWidget()  # folded away while typing: the typed subject stays in view
        grid = QGridLayout(self.choices)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(16)
        self.subject_buttons: dict[str, WrappingTouchButton] = {}
        for index, key in enumerate(PETITION_SUBJECTS):
            button = WrappingTouchButton("answer")
            # Big choices: as tall as the screen leaves room for, never less than a finger.
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setMaximumHeight(CHOICE_MAX_PX)
            button.clicked.connect(lambda _=False, k=key: self.subject_chosen.emit(k))
            self.subject_buttons[key] = button
            grid.addWidget(button, index // 2, index % 2)
        self.other_hint = make_label("hint")
        self.typed = QLineEdit()
        self.typed.setObjectName("search")
        self.typed.setMaxLength(MAX_SUBJECT)
        self.typed.textChanged.connect(self.subject_typed)
        self.next_button = TouchButton("send")
        self.next_button.clicked.connect(self._next_tapped)
        self.typed_row = QHBoxLayout()
        self.typed_row.addWidget(self.typed, stretch=1)
        self.body.addWidget(self.choices, stretch=3)
        self.body.addStretch(1)
        self.body.addWidget(self.other_hint)
        self.body.addLayout(self.typed_row)
        self.body.addStretch(1)
        self.act_in_footer(self.next_button)
        self.dock_keyboard(TouchKeyboard(self.typed, max_length=MAX_SUBJECT))

    def typing_changed(self, typing: bool) -> None:
        self.choices.setVisible(not typing)
        self.other_hint.setVisible(not typing)
        # Next beside the subject while the keyboard is up, as Send on the reasons screen.
        if typing:
            self.footer_row.removeWidget(self.next_button)
            self.typed_row.addWidget(self.next_button)
        else:
            self.typed_row.removeWidget(self.next_button)
            self.footer_row.addWidget(self.next_button, stretch=1)
        self.next_button.show()  # moving to another parent widget hides it

    def _next_tapped(self) -> None:
        self.close_keyboard()
        self.next_requested.emit()

    def clear(self) -> None:
        self.close_keyboard()
        self.typed.blockSignals(True)
        self.typed.clear()
        self.typed.blockSignals(False)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText(tr("What is your feedback about?"))
        for key, button in self.subject_buttons.items():
            button.setText(tr(PETITION_SUBJECTS[key][1]))
        self.other_hint.setText(tr("Something else? Type it here:"))
        self.typed.setPlaceholderText(tr("Type the subject"))
        self.next_button.setText(tr("Next") + " ▶")
