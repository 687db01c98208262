"""The manager's forms for the catalogue and the staff: a procedure to add or edit, a new PIN
for a clerk, and the manager's own PIN that allows each change. A form stays open until the
change is saved, and says in words why it was not."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Translator
from kiosk.services.catalogue import MAX_PROCESSING_DAYS
from kiosk.views import ServiceView
from ui.widgets.form_buttons import ok_cancel, problem_label

QUESTION_WIDTH = 480
NAME_WIDTH = 640


@dataclass(frozen=True)
class ServiceForm:
    code: str
    name_vi: str
    name_en: str
    field: str
    processing_days: int


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class ManagerChangeDialog(QDialog):
    """A change waiting for the manager's PIN: `submitted(pin)` when the manager confirms; the
    dialog closes only when told the change is saved (`done_saving`)."""

    submitted = Signal(str)

    def __init__(
        self, tr: Translator, title: str, question: str, ok: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tr = tr
        self.setWindowTitle(title)
        self.question = QLabel(question, wordWrap=True)
        self.question.setMinimumWidth(QUESTION_WIDTH)
        self.form = QFormLayout()
        self.manager_pin = _pin_field()
        self.problem = problem_label()
        buttons, self.ok_button = ok_cancel(tr, ok, self._confirm, self.reject)
        layout = QVBoxLayout(self)
        # Grows with its words (a wrapped question, a refusal shown later): nothing is clipped.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.question)
        layout.addLayout(self.form)
        pin_row = QFormLayout()
        pin_row.addRow(tr("Your manager's PIN"), self.manager_pin)
        layout.addLayout(pin_row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _confirm(self) -> None:
        problem = self.check()
        if problem:
            self.show_problem(problem)
            return
        self.set_busy(True)
        self.submitted.emit(self.manager_pin.text())

    def check(self) -> str | None:
        """A problem the form can see by itself, in words, or None."""
        return None

    def show_problem(self, text: str) -> None:
        self.set_busy(False)
        self.problem.setText("⚠ " + text)
        self.problem.show()
        self.adjustSize()
        self.manager_pin.clear()
        self.manager_pin.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)

    def done_saving(self) -> None:
        self.accept()


class ServiceDialog(ManagerChangeDialog):
    """A procedure to add (no `service`) or to edit (its code cannot change)."""

    def __init__(
        self, tr: Translator, service: ServiceView | None, parent: QWidget | None = None
    ) -> None:
        title = tr("Add a procedure") if service is None else tr("Edit a procedure")
        question = (
            tr("The new procedure, as the national catalogue names it:")
            if service is None
            else tr(
                "A change of processing days applies to dossiers received from now on; "
                "appointments already given do not move."
            )
        )
        super().__init__(tr, title, question, tr("Save"), parent)
        self.code = QLineEdit(service.code if service else "")
        self.code.setReadOnly(service is not None)
        self.name_vi = QLineEdit(service.name_vi if service else "")
        self.name_en = QLineEdit(service.name_en if service else "")
        self.name_en.setPlaceholderText(tr("Empty: the Vietnamese name"))
        self.field = QLineEdit(service.field if service else "")
        self.days = QSpinBox(minimum=0, maximum=MAX_PROCESSING_DAYS)
        self.days.setValue(service.processing_days if service else 0)
        self.days.setSpecialValueText(tr("same day"))
        for edit in (self.name_vi, self.name_en, self.field):
            edit.setMinimumWidth(NAME_WIDTH)  # a long procedure name is seen whole
        self.form.addRow(tr("Procedure code"), self.code)
        self.form.addRow(tr("Name in Vietnamese"), self.name_vi)
        self.form.addRow(tr("Name in English"), self.name_en)
        self.form.addRow(tr("Field"), self.field)
        self.form.addRow(tr("Working days"), self.days)

    def service_form(self) -> ServiceForm:
        return ServiceForm(
            code=self.code.text(),
            name_vi=self.name_vi.text(),
            name_en=self.name_en.text(),
            field=self.field.text(),
            processing_days=self.days.value(),
        )


class NewPinDialog(ManagerChangeDialog):
    """A clerk's new PIN, typed twice."""

    def __init__(self, tr: Translator, clerk_name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            tr,
            tr("Change a PIN"),
            tr("A new PIN for {name} (4 to 8 digits):", name=clerk_name),
            tr("Change the PIN"),
            parent,
        )
        self.new_pin = _pin_field()
        self.again = _pin_field()
        self.form.addRow(tr("New PIN"), self.new_pin)
        self.form.addRow(tr("New PIN again"), self.again)

    def check(self) -> str | None:
        if self.new_pin.text() != self.again.text():
            self.new_pin.clear()
            self.again.clear()
            return self._tr("The two PINs differ.")
        return None
