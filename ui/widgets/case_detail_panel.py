"""One feedback case as the manager sees it: what it is about, its state and due time, the
answer and the citizen's rating of it, the contact with the day it will be removed, the history
in words, and the buttons that move the case on — each enabled only when the case allows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.case_words import (
    CHANNEL_WORDS,
    SOURCE_WORDS,
    STATE_WORDS,
    WHEN,
    alert_words,
    event_words,
    face_words,
)
from kiosk.db.case_models import CaseState
from kiosk.i18n import N_, Translator
from kiosk.services.case_desk import CaseDetail, CaseView
from ui.case_words import DAY

ACTIONS = (
    ("assign", N_("Assign")),
    ("answer", N_("Answer")),
    ("rate", N_("Call-back rating")),
    ("close", N_("Close")),
    ("transfer", N_("Transfer")),
)
UNFINISHED = (CaseState.OPEN, CaseState.ASSIGNED, CaseState.ANSWERED)


def allowed_actions(case: CaseView) -> dict[str, bool]:
    state = case.state
    rateable = case.answered_at is not None and state is not CaseState.TRANSFERRED
    return {
        "assign": state in UNFINISHED,
        "answer": state is CaseState.ASSIGNED,
        "rate": rateable and case.handling_rated is None,
        "close": state is CaseState.ANSWERED,
        "transfer": state in (CaseState.OPEN, CaseState.ASSIGNED),
    }


class CaseDetailPanel(QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        self._tr = Translator()
        self.detail: CaseDetail | None = None
        self.heading = QLabel(wordWrap=True)
        self.heading.setObjectName("selectedTitle")
        self.buttons = {key: QPushButton() for key, _words in ACTIONS}
        row = QHBoxLayout()
        for key, button in self.buttons.items():
            button.setObjectName("secondary" if key in ("close", "transfer") else "primary")
            button.setEnabled(False)
            row.addWidget(button)
        row.addStretch(1)
        self.facts = QLabel(wordWrap=True)
        self.contact = QLabel(wordWrap=True)
        self.contact.hide()
        self.history = QLabel(wordWrap=True)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 4, 0)
        for label in (self.facts, self.contact, self.history):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            inner_layout.addWidget(label)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(scroll, 1)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.setTitle(tr("The selected case"))
        for key, words in ACTIONS:
            self.buttons[key].setText(tr(words))
        if self.detail is None:
            self.heading.setText(tr("Click a case to see it here."))

    @property
    def case(self) -> CaseView | None:
        return self.detail.case if self.detail else None

    def show_detail(self, detail: CaseDetail, names: dict[int, str], contact_months: int) -> None:
        """`names`: the staff by id, for the history; `contact_months`: the office's retention."""
        tr, case = self._tr, detail.case
        self.detail = detail
        self.heading.setText(
            tr("Case {number}: {subject}", number=case.number, subject=case.subject)
        )
        self.facts.setText("\n".join(self._facts(case)))
        self.contact.setText(self._contact_words(detail, contact_months))
        self.contact.setVisible(detail.contact is not None)
        history = [
            f"{e.at:{WHEN}} · {event_words(e, tr, names)}"
            + (f" · {e.clerk_name}" if e.clerk_name else "")
            for e in detail.events
        ]
        self.history.setText(tr("History:") + "\n" + "\n".join(history))
        for key, allowed in allowed_actions(case).items():
            self.buttons[key].setEnabled(allowed)

    def _facts(self, case: CaseView) -> list[str]:
        tr = self._tr
        state = tr("State: {state}", state=tr(STATE_WORDS[case.state]))
        if case.owner_name:
            state += f" — {case.owner_name}"
        if alert := alert_words(case, tr):
            state += f" — ⚠ {alert}"
        lines = [
            tr(
                "Received {when} ({source}); due {due}.",
                when=f"{case.opened_at:{WHEN}}",
                source=tr(SOURCE_WORDS[case.source]),
                due=f"{case.due_at:{WHEN}}",
            ),
            state,
        ]
        concerns = [
            tr("service {name}", name=case.service_name) if case.service_name else "",
            tr("dossier {code}", code=case.dossier_code) if case.dossier_code else "",
            tr("clerk {name}", name=case.about_clerk_name) if case.about_clerk_name else "",
        ]
        if any(concerns):
            lines.append(tr("Concerns: {what}", what="; ".join(c for c in concerns if c)))
        if case.text:
            lines.append(tr("Text: {text}", text=case.text))
        if case.answer and case.answer_channel and case.answered_at:
            lines.append(
                tr(
                    "Answer ({channel}, {when}): {answer}",
                    channel=tr(CHANNEL_WORDS[case.answer_channel]),
                    when=f"{case.answered_at:{WHEN}}",
                    answer=case.answer,
                )
            )
        if case.transferred_to:
            lines.append(tr("Transferred to {place}", place=case.transferred_to))
        if case.handling_rated is not None:
            face = face_words(case.handling_rated, tr)
            lines.append(tr("The citizen's rating of the handling: {face}", face=face))
        return lines

    def _contact_words(self, detail: CaseDetail, contact_months: int) -> str:
        tr, contact = self._tr, detail.contact
        if contact is None:
            return ""
        if detail.contact_removed_on is not None:
            kept = tr("removed on {day}", day=f"{detail.contact_removed_on:{DAY}}")
        else:
            kept = tr("removed {months} months after the case is closed", months=contact_months)
        return "☎ " + tr(
            "Call back: {name}, {phone} ({kept}; managers only).",
            name=contact.name,
            phone=contact.phone,
            kept=kept,
        )
