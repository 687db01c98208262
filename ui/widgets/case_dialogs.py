"""The forms of a feedback case: assign, answer, the citizen's rating from a call-back, close,
transfer, and a petition received on paper, by phone or by mail. Each form hands back what was
asked as a plain request; it stays open until told the change is saved, and says in words why
it was not."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.answers import FACE_WORDS, Satisfaction
from kiosk.case_words import CHANNEL_WORDS, SOURCE_WORDS, STAFF_SOURCES
from kiosk.db.case_models import AnswerChannel, CaseSource
from kiosk.i18n import N_, Translator
from kiosk.services.case_desk import CaseView
from kiosk.services.cases import Contact
from kiosk.services.clerks import ClerkView
from kiosk.text import nfc
from kiosk.views import ServiceView
from ui.widgets.form_buttons import ok_cancel, problem_label

FORM_WIDTH = 560
NO_SUBJECT = N_("Say what the feedback is about.")
NO_ANSWER = N_("Write the answer that was given.")
HALF_A_CONTACT = N_("A call-back needs a name and a phone number.")


# -- what the forms ask for --------------------------------------------------------------------


@dataclass(frozen=True)
class AssignCase:
    case_id: uuid.UUID
    owner_id: int


@dataclass(frozen=True)
class AnswerCase:
    case_id: uuid.UUID
    text: str
    channel: AnswerChannel


@dataclass(frozen=True)
class RateHandling:
    case_id: uuid.UUID
    satisfaction: Satisfaction
    caller_id: int
    called_at: datetime


@dataclass(frozen=True)
class CloseCase:
    case_id: uuid.UUID


@dataclass(frozen=True)
class TransferCase:
    case_id: uuid.UUID
    place: str


@dataclass(frozen=True)
class OpenCase:
    source: CaseSource
    subject: str
    text: str
    dossier_code: str | None
    service_code: str | None
    contact: Contact | None


CaseRequest = AssignCase | AnswerCase | RateHandling | CloseCase | TransferCase | OpenCase


# -- the forms ---------------------------------------------------------------------------------


class CaseFormDialog(QDialog):
    """`submitted` when the form is filled in; closes only on `done_saving`."""

    submitted = Signal()

    def __init__(
        self, tr: Translator, title: str, intro: str, ok: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tr = tr
        self.setWindowTitle(title)
        self.intro = QLabel(intro, wordWrap=True)
        self.intro.setMinimumWidth(FORM_WIDTH)
        self.form = QFormLayout()
        self.problem = problem_label()
        buttons, self.ok_button = ok_cancel(tr, ok, self._confirm, self.reject)
        layout = QVBoxLayout(self)
        # Grows with its words (a long subject, a refusal shown later): nothing is clipped.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def request(self) -> CaseRequest:
        raise NotImplementedError

    def check(self) -> str | None:
        """A problem the form can see by itself, as a message id, or None."""
        return None

    def _confirm(self) -> None:
        problem = self.check()
        if problem:
            self.show_problem(self._tr(problem))
            return
        self.set_busy(True)
        self.submitted.emit()

    def show_problem(self, text: str) -> None:
        self.set_busy(False)
        self.problem.setText("⚠ " + text)
        self.problem.show()
        self.adjustSize()

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)

    def done_saving(self) -> None:
        self.accept()


def _qt_time(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def _python_time(moment: QDateTime) -> datetime:
    day, time = moment.date(), moment.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


def _case_line(case: CaseView, tr: Translator) -> str:
    return tr("Case {number}: {subject}", number=case.number, subject=case.subject)


class AssignDialog(CaseFormDialog):
    """The active staff, never the clerk the case is about."""

    def __init__(
        self, tr: Translator, case: CaseView, staff: list[ClerkView], parent: QWidget | None = None
    ) -> None:
        intro = _case_line(case, tr)
        if case.about_clerk_name:
            intro += "\n" + tr(
                "It concerns {name}, who is not offered: a case is never given to the clerk it "
                "is about.",
                name=case.about_clerk_name,
            )
        super().__init__(tr, tr("Assign a case"), intro, tr("Assign"), parent)
        self.case = case
        self.owner = QComboBox()
        for clerk in staff:
            if clerk.active and clerk.id != case.about_clerk_id:
                label = tr(
                    "{name} — counter {counter}", name=clerk.display_name, counter=clerk.counter
                )
                self.owner.addItem(label, clerk.id)
        if case.owner_id is not None and (index := self.owner.findData(case.owner_id)) >= 0:
            self.owner.setCurrentIndex(index)
        self.form.addRow(tr("Give it to"), self.owner)

    def offered_ids(self) -> list[int]:
        return [self.owner.itemData(i) for i in range(self.owner.count())]

    def check(self) -> str | None:
        return None if self.owner.count() else N_("There is nobody else to give it to.")

    def request(self) -> AssignCase:
        return AssignCase(self.case.id, self.owner.currentData())


class AnswerDialog(CaseFormDialog):
    def __init__(self, tr: Translator, case: CaseView, parent: QWidget | None = None) -> None:
        intro = _case_line(case, tr)
        if case.text:
            intro += "\n" + case.text
        super().__init__(tr, tr("Answer a case"), intro, tr("Save the answer"), parent)
        self.case = case
        self.answer = QPlainTextEdit()
        self.answer.setMinimumHeight(120)
        self.answer.setTabChangesFocus(True)
        self.channel = QComboBox()
        for channel, words in CHANNEL_WORDS.items():
            self.channel.addItem(tr(words), channel)
        self.form.addRow(tr("The answer given"), self.answer)
        self.form.addRow(tr("How it was given"), self.channel)

    def check(self) -> str | None:
        return None if self.answer.toPlainText().strip() else NO_ANSWER

    def request(self) -> AnswerCase:
        return AnswerCase(
            self.case.id, nfc(self.answer.toPlainText().strip()), self.channel.currentData()
        )


class CallBackRatingDialog(CaseFormDialog):
    """The citizen's answer on the phone, on the office's own scale of faces."""

    def __init__(
        self,
        tr: Translator,
        case: CaseView,
        faces: tuple[Satisfaction, ...],
        callers: list[tuple[int, str]],
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        intro = (
            _case_line(case, tr)
            + "\n"
            + tr("How satisfied is the citizen with how the case was handled?")
        )
        title = tr("Record the call-back rating")
        super().__init__(tr, title, intro, tr("Record the rating"), parent)
        self.case = case
        self.faces = QButtonGroup(self)
        row = QHBoxLayout()
        self.face_buttons: dict[Satisfaction, QPushButton] = {}
        for face in faces:
            button = QPushButton(tr(FACE_WORDS[face]))
            button.setObjectName("secondary")
            button.setCheckable(True)
            button.toggled.connect(self._mark_chosen)
            self.faces.addButton(button)
            self.face_buttons[face] = button
            row.addWidget(button)
        self.caller = QComboBox()
        for clerk_id, name in callers:
            self.caller.addItem(name, clerk_id)
        self.called_at = QDateTimeEdit(_qt_time(now))
        self.called_at.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.called_at.setCalendarPopup(True)
        self.called_at.setMaximumDateTime(_qt_time(now))
        self.form.addRow(tr("The citizen's answer"), row)
        self.form.addRow(tr("Who called"), self.caller)
        self.form.addRow(tr("When"), self.called_at)

    def _mark_chosen(self) -> None:
        """The chosen face carries a tick: seen without relying on the button's shade."""
        for face, button in self.face_buttons.items():
            words = self._tr(FACE_WORDS[face])
            button.setText(("✓ " + words) if button.isChecked() else words)

    def chosen_face(self) -> Satisfaction | None:
        return next((f for f, b in self.face_buttons.items() if b.isChecked()), None)

    def check(self) -> str | None:
        return None if self.chosen_face() else N_("Choose the citizen's answer.")

    def request(self) -> RateHandling:
        face = self.chosen_face()
        assert face is not None  # check() has seen to it
        return RateHandling(
            self.case.id,
            face,
            self.caller.currentData(),
            _python_time(self.called_at.dateTime()),
        )


class CloseDialog(CaseFormDialog):
    def __init__(self, tr: Translator, case: CaseView, parent: QWidget | None = None) -> None:
        intro = _case_line(case, tr) + "\n" + tr("Close it? Nothing can be changed afterwards.")
        if case.handling_rated is None:
            intro += "\n" + tr(
                "The citizen has not rated the handling: Decision 766 counts it as satisfied "
                "unless it was answered late."
            )
        super().__init__(tr, tr("Close a case"), intro, tr("Close"), parent)
        self.case = case

    def request(self) -> CloseCase:
        return CloseCase(self.case.id)


class TransferDialog(CaseFormDialog):
    def __init__(self, tr: Translator, case: CaseView, parent: QWidget | None = None) -> None:
        intro = (
            _case_line(case, tr)
            + "\n"
            + tr("For a case this office cannot settle: say which body it goes to.")
        )
        super().__init__(tr, tr("Transfer a case"), intro, tr("Transfer"), parent)
        self.case = case
        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.place.setPlaceholderText(tr("e.g. Phòng Tài nguyên và Môi trường"))
        self.form.addRow(tr("Transferred to"), self.place)

    def check(self) -> str | None:
        return None if self.place.text().strip() else N_("Say where the case was transferred.")

    def request(self) -> TransferCase:
        return TransferCase(self.case.id, nfc(self.place.text().strip()))


class OpenCaseDialog(CaseFormDialog):
    """A petition received by staff; the contact only if the citizen wants an answer by phone."""

    def __init__(
        self, tr: Translator, services: list[ServiceView], parent: QWidget | None = None
    ) -> None:
        intro = tr(
            "A petition received at the counter, on paper, by phone or by mail. The citizen's "
            "name and phone are kept only if they want to be contacted, seen only by managers."
        )
        super().__init__(tr, tr("Receive a petition"), intro, tr("Receive"), parent)
        self.source = QComboBox()
        for source in STAFF_SOURCES:
            self.source.addItem(tr(SOURCE_WORDS[source]), source)
        self.subject = QLineEdit()
        self.subject.setMaxLength(200)
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(100)
        self.text.setTabChangesFocus(True)
        self.dossier_code = QLineEdit()
        self.dossier_code.setPlaceholderText(tr("Optional"))
        self.service = QComboBox()
        self.service.addItem(tr("— none —"), None)
        for service in services:
            name = service.name_en if tr.language == "en" and service.name_en else service.name_vi
            self.service.addItem(f"{name} ({service.code})", service.code)
        self.service.setMaximumWidth(FORM_WIDTH)
        self.contact_name = QLineEdit()
        self.contact_name.setMaxLength(120)
        self.contact_name.setPlaceholderText(tr("Optional"))
        self.contact_phone = QLineEdit()
        self.contact_phone.setMaxLength(20)
        self.contact_phone.setPlaceholderText(tr("Optional, e.g. 0912 345 678"))
        self.form.addRow(tr("Received"), self.source)
        self.form.addRow(tr("About"), self.subject)
        self.form.addRow(tr("Text"), self.text)
        self.form.addRow(tr("Dossier code"), self.dossier_code)
        self.form.addRow(tr("Service"), self.service)
        self.form.addRow(tr("Citizen to call back"), self.contact_name)
        self.form.addRow(tr("Phone"), self.contact_phone)

    def check(self) -> str | None:
        if not self.subject.text().strip():
            return NO_SUBJECT
        if bool(self.contact_name.text().strip()) != bool(self.contact_phone.text().strip()):
            return HALF_A_CONTACT
        return None

    def request(self) -> OpenCase:
        name, phone = nfc(self.contact_name.text().strip()), self.contact_phone.text().strip()
        dossier = self.dossier_code.text().strip()
        return OpenCase(
            self.source.currentData(),
            nfc(self.subject.text().strip()),
            nfc(self.text.toPlainText().strip()),
            dossier or None,
            None if dossier else self.service.currentData(),
            Contact(name, phone) if name else None,
        )
