"""The clerk's desk: register a dossier (keyboard first), today's board, and the actions on one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Translator
from kiosk.services.clerk_board import Board
from kiosk.status import DELAY_REASONS, STATUS_LABELS
from kiosk.views import DossierView, ServiceView


def _moment(view: DossierView) -> str:
    due = view.reappointed_due_at or view.due_at
    return f"{due:%H:%M %d/%m/%Y}"


class ClerkDeskScreen(QWidget):
    register_requested = Signal(str, str, str, str)  # service code, name, address, phone
    return_requested = Signal(str)
    reappoint_requested = Signal(str, object, str)  # code, new date, reason
    print_requested = Signal(str, str)  # code, "receipt" | "apology"
    search_requested = Signal(str)
    sign_out_requested = Signal()
    test_print_requested = Signal()

    def __init__(self, tr: Translator) -> None:
        super().__init__()
        self._tr = tr
        self._codes: dict[str, str] = {}  # completer text -> service code
        self.who = QLabel()
        self.who.setObjectName("officeName")
        self.printer_status = QLabel(wordWrap=True)
        self.sign_out_button = QPushButton()
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.test_print_button = QPushButton()
        self.test_print_button.clicked.connect(self.test_print_requested)
        header = QHBoxLayout()
        header.addWidget(self.who, 2)
        header.addWidget(self.printer_status, 3)
        header.addWidget(self.test_print_button)
        header.addWidget(self.sign_out_button)

        self.register_box = QGroupBox()
        self.service = QLineEdit()
        self.citizen_name = QLineEdit()
        self.citizen_address = QLineEdit()
        self.citizen_phone = QLineEdit()
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.result = QLabel(wordWrap=True)
        self.result.setObjectName("status")
        self.register_form = QFormLayout(self.register_box)
        self.field_labels = [QLabel() for _ in range(4)]
        fields = (self.service, self.citizen_name, self.citizen_address, self.citizen_phone)
        for label, widget in zip(self.field_labels, fields, strict=True):
            self.register_form.addRow(label, widget)
            widget.returnPressed.connect(self._register)
        self.register_form.addRow(self.save_button)
        self.register_form.addRow(self.result)
        self.save_button.clicked.connect(self._register)

        self.search = QLineEdit()
        self.search.returnPressed.connect(lambda: self.search_requested.emit(self.search.text()))
        self.board = QTreeWidget()
        self.board.setColumnCount(5)
        self.board.setRootIsDecorated(False)
        self.board.itemSelectionChanged.connect(self._selection_changed)

        self.actions_box = QGroupBox()
        self.return_button = QPushButton()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.new_date = QDateEdit()
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("dd/MM/yyyy")
        self.reappoint_button = QPushButton()
        self.reprint_button = QPushButton()
        self.apology_button = QPushButton()
        for button in (self.return_button, self.reappoint_button):
            button.setObjectName("primary")
        for button in (
            self.reprint_button,
            self.apology_button,
            self.sign_out_button,
            self.test_print_button,
        ):
            button.setObjectName("secondary")
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("problem")
        actions = QFormLayout(self.actions_box)
        actions.addRow(self.return_button)
        self.reason_label, self.date_label = QLabel(), QLabel()
        actions.addRow(self.reason_label, self.reason)
        actions.addRow(self.date_label, self.new_date)
        actions.addRow(self.reappoint_button)
        row = QHBoxLayout()
        row.addWidget(self.reprint_button)
        row.addWidget(self.apology_button)
        actions.addRow(row)
        self.return_button.clicked.connect(lambda: self._with_selected(self.return_requested.emit))
        self.reappoint_button.clicked.connect(self._reappoint)
        self.reprint_button.clicked.connect(
            lambda: self._with_selected(lambda c: self.print_requested.emit(c, "receipt"))
        )
        self.apology_button.clicked.connect(
            lambda: self._with_selected(lambda c: self.print_requested.emit(c, "apology"))
        )

        left = QVBoxLayout()
        left.addWidget(self.register_box)
        left.addWidget(self.actions_box)
        left.addWidget(self.message)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.search)
        right.addWidget(self.board, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self.retranslate(tr)
        self._selection_changed()

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.sign_out_button.setText(tr("Sign out"))
        self.test_print_button.setText(tr("Test print"))
        self.register_box.setTitle(tr("Register a dossier"))
        names = (tr("Service"), tr("Citizen"), tr("Address"), tr("Phone"))
        for label, name in zip(self.field_labels, names, strict=True):
            label.setText(name)
        self.service.setPlaceholderText(tr("Type a few letters of the service or its code"))
        self.save_button.setText(tr("Save and print the receipt (Enter)"))
        self.search.setPlaceholderText(tr("Search by dossier code or name, or scan a receipt"))
        self.board.setHeaderLabels(
            [tr("Dossier code"), tr("Service"), tr("Citizen"), tr("Appointment"), tr("Status")]
        )
        self.actions_box.setTitle(tr("Selected dossier"))
        self.return_button.setText(tr("Return the result"))
        self.reason.clear()
        self.reason.addItems([tr(reason) for reason in DELAY_REASONS])
        self.reason_label.setText(tr("Reason for the delay"))
        self.date_label.setText(tr("New appointment"))
        self.reappoint_button.setText(tr("Re-appoint and print the apology letter"))
        self.reprint_button.setText(tr("Reprint receipt"))
        self.apology_button.setText(tr("Reprint apology"))

    def set_services(self, services: list[ServiceView]) -> None:
        self._codes = {f"{s.code} — {s.name_vi}": s.code for s in services}
        completer = QCompleter(list(self._codes), self.service)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.service.setCompleter(completer)

    def _register(self) -> None:
        text = self.service.text().strip()
        code = self._codes.get(text, text.split(" ")[0] if text else "")
        self.register_requested.emit(
            code, self.citizen_name.text(), self.citizen_address.text(), self.citizen_phone.text()
        )

    def set_registering(self, busy: bool) -> None:
        """Greyed while a dossier is saved; the fields keep the focus and their text."""
        self.save_button.setEnabled(not busy)

    def registered(self, view: DossierView) -> None:
        tr = self._tr
        self.result.setText(
            tr("Dossier {code}: appointment {when}.", code=view.code, when=_moment(view))
        )
        for widget in (self.service, self.citizen_name, self.citizen_address, self.citizen_phone):
            widget.clear()
        self.service.setFocus()

    def show_board(self, board: Board, found: list[DossierView] | None = None) -> None:
        tr = self._tr
        self.board.clear()
        groups = [
            (tr("Overdue"), board.overdue),
            (tr("Due today"), board.due_today),
            (
                tr("Due {day}: announce any delay now", day=f"{board.next_working_day:%d/%m}"),
                board.due_next,
            ),
        ]
        if found is not None:
            groups.insert(0, (tr("Search results"), found))
        for title, views in groups:
            group = QTreeWidgetItem([f"{title} ({len(views)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.board.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)  # the heading must not widen the code column
            for view in views:
                item = QTreeWidgetItem(
                    [
                        view.code,
                        view.service_code,
                        view.citizen.name or "",
                        _moment(view),
                        tr(STATUS_LABELS[view.status]),
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, view.code)
                group.addChild(item)
            group.setExpanded(True)
        for column in range(self.board.columnCount()):
            self.board.resizeColumnToContents(column)
        self._selection_changed()

    def selected_code(self) -> str | None:
        items = self.board.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def select(self, code: str) -> None:
        # The first match, in board order: search results come before the day's groups.
        match = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        for item in self.board.findItems(code, match, 0):
            if item.data(0, Qt.ItemDataRole.UserRole) == code:
                self.board.setCurrentItem(item)
                return

    def _selection_changed(self) -> None:
        chosen = self.selected_code() is not None
        for button in (
            self.return_button,
            self.reappoint_button,
            self.reprint_button,
            self.apology_button,
        ):
            button.setEnabled(chosen)

    def _with_selected(self, action: Callable[[str], object]) -> None:
        code = self.selected_code()
        if code:
            action(code)

    def _reappoint(self) -> None:
        code = self.selected_code()
        if code:
            day = self.new_date.date()
            self.reappoint_requested.emit(
                code, date(day.year(), day.month(), day.day()), self.reason.currentText()
            )

    def set_default_new_date(self, day: date) -> None:
        self.new_date.setDate(QDate(day.year, day.month, day.day))

    def show_message(self, message: str) -> None:
        self.message.setText(message)
