"""The dossier chosen on the clerk's board, named (its number of the day, service, citizen) with
its status in words and a sign, above what can be done with it: return the result, re-appoint it
(reason, new date, Form 04), reprint its receipt or apology letter, ask for missing papers
(Form 02) or take them back, refuse it (Form 03)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from kiosk.formats import moment_text
from kiosk.i18n import Translator
from kiosk.status import DELAY_REASONS
from kiosk.views import DossierView
from ui.widgets.counter_form_dialog import RefusalDialog, SupplementDialog, open_over
from ui.widgets.dossier_board import (
    appointment,
    daily_number,
    handled_by,
    status_icon,
    status_words,
)


class SelectedDossierPanel(QGroupBox):
    return_requested = Signal(str)
    reappoint_requested = Signal(str, object, str)  # code, new date, reason
    print_requested = Signal(str, str)  # code, "receipt" | "apology"
    supplement_requested = Signal(str, object, str)  # code, missing papers, reason
    supplemented_requested = Signal(str)  # code: the citizen brought the papers
    refusal_requested = Signal(str, str)  # code, reason

    def __init__(self, tr: Translator, *, margins: tuple[int, int, int, int], spacing: int) -> None:
        super().__init__()
        self._tr = tr
        self.view: DossierView | None = None
        self.heading = QLabel(wordWrap=True)
        self.heading.setObjectName("selectedTitle")
        self.icon = QLabel()
        self.status = QLabel(wordWrap=True)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        status_row = QHBoxLayout()
        status_row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status, 1)
        self.return_button = QPushButton()
        self.return_button.setObjectName("primary")
        self.return_button.clicked.connect(self._return)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.reason.setMinimumContentsLength(16)
        self.new_date = QDateEdit()
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("dd/MM/yyyy")
        self.reappoint_button = QPushButton()
        self.reappoint_button.setObjectName("primary")
        self.reappoint_button.clicked.connect(self._reappoint)
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("secondary")
        self.reprint_button.clicked.connect(lambda: self._print("receipt"))
        self.apology_button = QPushButton()
        self.apology_button.setObjectName("secondary")
        self.apology_button.clicked.connect(lambda: self._print("apology"))
        self.supplement_button = QPushButton()
        self.supplement_button.setObjectName("secondary")
        self.supplement_button.clicked.connect(self.ask_for_papers)
        self.refuse_button = QPushButton()
        self.refuse_button.setObjectName("secondary")
        self.refuse_button.clicked.connect(self.refuse)
        self.dialog: QDialog | None = None  # the Form 02 or Form 03 being filled
        self.reason_label, self.date_label = QLabel(), QLabel()
        self.reason_label.setBuddy(self.reason)
        self.date_label.setBuddy(self.new_date)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*margins)
        layout.setSpacing(spacing)
        layout.addWidget(self.heading)
        layout.addLayout(status_row)
        layout.addWidget(self.return_button)
        form = QFormLayout()
        form.setVerticalSpacing(spacing)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.reason_label, self.reason)
        date_row = QHBoxLayout()
        date_row.addWidget(self.new_date)
        date_row.addWidget(self.reappoint_button, 1)  # one row less: the desk keeps to 768 px
        form.addRow(self.date_label, date_row)
        layout.addLayout(form)
        reprints = QHBoxLayout()
        reprints.addWidget(self.reprint_button, 1)
        reprints.addWidget(self.apology_button, 1)
        layout.addLayout(reprints)
        forms = QHBoxLayout()
        forms.addWidget(self.supplement_button, 1)
        forms.addWidget(self.refuse_button, 1)
        layout.addLayout(forms)
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.setTitle(tr("Selected dossier"))
        self.return_button.setText(tr("Return the result (F6)"))
        self.reason.clear()
        self.reason.addItems([tr(reason) for reason in DELAY_REASONS])
        self.reason_label.setText(tr("Reason for the delay"))
        self.date_label.setText(tr("New appointment"))
        self.reappoint_button.setText(tr("Re-appoint (F7)"))
        self.reappoint_button.setToolTip(
            tr("Re-appoint once and print the apology letter (Form 04)")
        )
        self.reprint_button.setText(tr("Reprint receipt (F8)"))
        self.apology_button.setText(tr("Reprint apology (F9)"))
        self.refuse_button.setText(tr("Refuse, Form 03 (F11)"))
        self.show_dossier(self.view)

    def show_dossier(self, view: DossierView | None) -> None:
        tr = self._tr
        self.view = view
        if view is None:
            self.heading.setText(tr("No dossier selected: choose one on the board (F4)."))
            self.status.setText("")
            self.icon.clear()
        else:
            service = view.service_name_en if tr.language == "en" else view.service_name_vi
            self.heading.setText(
                tr(
                    "No. {number} · {service} · {citizen}",
                    number=daily_number(view.code),
                    service=service,
                    citizen=view.citizen.name or tr("no name recorded"),
                )
            )
            self.status.setText(
                tr(
                    "{status} — appointment {when} — {code}",
                    status=status_words(view, tr),
                    when=moment_text(appointment(view), tr.language),
                    code=view.code,
                )
            )
            self.status.setToolTip(handled_by(view, tr))
            self.icon.setPixmap(status_icon(view).pixmap(22, 22))
        self.status.setVisible(view is not None)
        self.icon.setVisible(view is not None)
        # Out with the office: neither returned nor refused at the counter (Form 03).
        out = view is not None and view.returned_at is None and view.refused_at is None
        self.return_button.setEnabled(out)
        # A second re-appointment may still be asked for: the answer says, in words, why not.
        for widget in (self.reappoint_button, self.reason, self.new_date):
            widget.setEnabled(out)
        self.reprint_button.setEnabled(view is not None)
        self.apology_button.setEnabled(view is not None and view.reappointed_at is not None)
        held = out
        self.supplement_button.setText(
            tr("Papers brought back (F10)")
            if self._waiting_for_papers()
            else tr("Ask for papers, Form 02 (F10)")
        )
        self.supplement_button.setEnabled(held)
        self.refuse_button.setEnabled(held)

    def _waiting_for_papers(self) -> bool:
        return self.view is not None and any(s.returned_at is None for s in self.view.supplements)

    def ask_for_papers(self) -> None:
        """F10: a Form 02 to fill, or, while the dossier waits, the papers taken back."""
        view = self.view
        if view is None or not self.supplement_button.isEnabled():
            return
        if self._waiting_for_papers():
            self.supplemented_requested.emit(view.code)
            return
        dialog = SupplementDialog(self._tr, view.code, self)
        dialog.submitted.connect(
            lambda missing, reason: self.supplement_requested.emit(view.code, missing, reason)
        )
        self._open(dialog)

    def refuse(self) -> None:
        """F11: a Form 03 to fill."""
        view = self.view
        if view is None or not self.refuse_button.isEnabled():
            return
        dialog = RefusalDialog(self._tr, view.code, self)
        dialog.submitted.connect(lambda reason: self.refusal_requested.emit(view.code, reason))
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        open_over(dialog, self)

    def start_reappointment(self) -> None:
        """F7: the reason first; Enter goes on to the date, Enter again to the button."""
        if self.reason.isEnabled():
            self.reason.setFocus()
            if reason_edit := self.reason.lineEdit():
                reason_edit.selectAll()

    def set_default_new_date(self, day: date) -> None:
        self.new_date.setDate(QDate(day.year, day.month, day.day))

    def _return(self) -> None:
        if self.view is not None:
            self.return_requested.emit(self.view.code)

    def _print(self, kind: str) -> None:
        if self.view is not None:
            self.print_requested.emit(self.view.code, kind)

    def _reappoint(self) -> None:
        if self.view is not None:
            day = self.new_date.date()
            self.reappoint_requested.emit(
                self.view.code,
                date(day.year(), day.month(), day.day()),
                self.reason.currentText(),
            )
