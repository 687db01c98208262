"""One official question (indicators 3, 4 and 7 of Circular 01/2018) with big answers and Skip."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal

from kiosk.i18n import N_, Translator
from kiosk.rating_flow import RatingFlow, Step
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import TouchButton, WrappingTouchButton


@dataclass(frozen=True)
class Question:
    text: str
    answers: tuple[tuple[str, int | bool], ...]  # (words, recorded value)


QUESTIONS = {
    Step.CONTACTS: Question(
        N_(
            "How many times did you have to come back or contact the counter "
            "to complete your dossier?"
        ),
        (
            (N_("Never: it was complete the first time"), 2),
            (N_("Once"), 1),
            (N_("Twice or more"), 0),
        ),
    ),
    Step.AGENCIES: Question(
        N_("To complete this dossier, where did you have to go?"),
        (
            (N_("Only this counter"), 1),
            (N_("This counter and other offices too"), 0),
            (N_("Nowhere in person: I applied online or by post"), 2),
        ),
    ),
    Step.CONDUCT: Question(
        N_("Did any civil servant harass you, delay you on purpose or behave improperly?"),
        ((N_("No"), False), (N_("Yes"), True)),
    ),
}
MAX_ANSWERS = 3


class QuestionScreen(KioskScreen):
    answered = Signal(object)  # the answer's value, or None for Skip

    def __init__(self) -> None:
        super().__init__()
        self.progress = make_label("hint")
        self.answer_buttons: list[WrappingTouchButton] = []
        self._values: list[int | bool] = []
        self.body.addWidget(self.progress)
        self.body.addStretch(1)
        for index in range(MAX_ANSWERS):
            button = WrappingTouchButton("answer")
            button.clicked.connect(lambda _=False, i=index: self.answered.emit(self._values[i]))
            self.answer_buttons.append(button)
            self.body.addWidget(button)
        self.body.addStretch(1)
        self.skip_button = TouchButton("skip")
        self.skip_button.clicked.connect(lambda: self.answered.emit(None))
        self.act_in_footer(self.skip_button)  # beside Back: the answers keep the height

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        question = QUESTIONS.get(flow.step)
        if question is None:
            return
        number = list(QUESTIONS).index(flow.step) + 1
        self.progress.setText(
            tr("Question {number} of {total}", number=number, total=len(QUESTIONS))
        )
        self.heading.setText(tr(question.text))
        self._values = [value for _, value in question.answers]
        for index, button in enumerate(self.answer_buttons):
            if index < len(question.answers):
                button.setText(tr(question.answers[index][0]))
                button.show()
            else:
                button.hide()
        self.skip_button.setText(tr("Skip this question") + " ▶")
