"""The manager's catalogue and staff: the procedures offered (add, edit, retire or restore) and
the clerks (deactivate or restore, change a PIN). Every change opens a form that asks for the
manager's PIN; the tab only says what was asked for, the window does it off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.db.models import ClerkRole
from kiosk.i18n import Translator
from kiosk.service_search import fold
from kiosk.services.clerks import ClerkView
from kiosk.text import nfc
from kiosk.views import ServiceView
from ui.widgets.catalogue_dialogs import (
    ManagerChangeDialog,
    NewPinDialog,
    ServiceDialog,
    ServiceForm,
)
from ui.widgets.counter_form_dialog import open_over


@dataclass(frozen=True)
class AddService:
    form: ServiceForm


@dataclass(frozen=True)
class EditService:
    code: str
    form: ServiceForm


@dataclass(frozen=True)
class SetServiceActive:
    code: str
    active: bool


@dataclass(frozen=True)
class SetClerkActive:
    clerk_id: int
    active: bool


@dataclass(frozen=True)
class ChangeClerkPin:
    clerk_id: int
    new_pin: str


CatalogueChange = AddService | EditService | SetServiceActive | SetClerkActive | ChangeClerkPin


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    # A long procedure name wraps onto a second line rather than being cut short.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], stretch: int) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class ManagerCatalogueTab(QWidget):
    # (what is asked for, the form that asked: it closes when the change is saved)
    change_requested = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self._tr = Translator()
        self._services: list[ServiceView] = []
        self._clerks: list[ClerkView] = []
        self.services_box = QGroupBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_search)
        self.services = _table(5)
        self.services.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.retire_button = QPushButton()
        for button in (self.add_button, self.edit_button, self.retire_button):
            button.setObjectName("secondary")
        self.add_button.clicked.connect(self.add_service)
        self.edit_button.clicked.connect(self.edit_service)
        self.retire_button.clicked.connect(self.retire_or_restore_service)
        services_buttons = QHBoxLayout()
        services_buttons.addWidget(self.search, 1)
        for button in (self.add_button, self.edit_button, self.retire_button):
            services_buttons.addWidget(button)
        services_layout = QVBoxLayout(self.services_box)
        services_layout.addLayout(services_buttons)
        services_layout.addWidget(self.services, 1)

        self.clerks_box = QGroupBox()
        self.clerks = _table(4)
        self.clerks.itemSelectionChanged.connect(self._selection_changed)
        self.deactivate_button = QPushButton()
        self.pin_button = QPushButton()
        for button in (self.deactivate_button, self.pin_button):
            button.setObjectName("secondary")
        self.deactivate_button.clicked.connect(self.deactivate_or_restore_clerk)
        self.pin_button.clicked.connect(self.change_pin)
        clerk_buttons = QHBoxLayout()
        clerk_buttons.addStretch(1)
        clerk_buttons.addWidget(self.deactivate_button)
        clerk_buttons.addWidget(self.pin_button)
        # The buttons above the lists, like the procedures': on a 768-pixel screen the desk
        # can be taller than the screen (the charts tab), and buttons below would fall off it.
        clerks_layout = QVBoxLayout(self.clerks_box)
        clerks_layout.addLayout(clerk_buttons)
        clerks_layout.addWidget(self.clerks, 1)

        layout = QHBoxLayout(self)
        layout.addWidget(self.services_box, 3)
        layout.addWidget(self.clerks_box, 2)
        self._selection_changed()

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.services_box.setTitle(tr("Procedures"))
        self.clerks_box.setTitle(tr("Clerks"))
        self.search.setPlaceholderText(tr("Find a procedure by code or name"))
        self.add_button.setText(tr("Add…"))
        self.edit_button.setText(tr("Edit…"))
        self.pin_button.setText(tr("Change PIN…"))
        self.services.setHorizontalHeaderLabels(
            [tr("Code"), tr("Procedure"), tr("Field"), tr("Days"), tr("Status")]
        )
        self.clerks.setHorizontalHeaderLabels([tr("Counter"), tr("Name"), tr("Role"), tr("Status")])
        self._selection_changed()

    # -- what is shown ----------------------------------------------------------------------

    def show_catalogue(self, services: list[ServiceView], clerks: list[ClerkView]) -> None:
        tr = self._tr
        chosen_service, chosen_clerk = self.selected_service(), self.selected_clerk()
        self._services, self._clerks = services, clerks
        _fill(
            self.services,
            [
                (
                    s.code,
                    s.name_vi,
                    s.field,
                    _days_text(s, tr),
                    tr("offered") if s.active else tr("retired"),
                )
                for s in services
            ],
            stretch=1,
        )
        _fill(
            self.clerks,
            [
                (
                    str(c.counter),
                    c.display_name,
                    tr("manager") if c.role is ClerkRole.MANAGER else tr("clerk"),
                    tr("active") if c.active else tr("deactivated"),
                )
                for c in clerks
            ],
            stretch=1,
        )
        self._apply_search(self.search.text())
        if chosen_service:
            self.select_service(chosen_service.code)
        if chosen_clerk:
            self.select_clerk(chosen_clerk.id)
        self._selection_changed()

    def select_service(self, code: str) -> None:
        for row, service in enumerate(self._services):
            if service.code == code:
                self.services.selectRow(row)

    def select_clerk(self, clerk_id: int) -> None:
        for row, clerk in enumerate(self._clerks):
            if clerk.id == clerk_id:
                self.clerks.selectRow(row)

    def selected_service(self) -> ServiceView | None:
        rows = self.services.selectionModel().selectedRows()
        return self._services[rows[0].row()] if rows else None

    def selected_clerk(self) -> ClerkView | None:
        rows = self.clerks.selectionModel().selectedRows()
        return self._clerks[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        tr, service, clerk = self._tr, self.selected_service(), self.selected_clerk()
        self.edit_button.setEnabled(service is not None)
        self.retire_button.setEnabled(service is not None)
        self.retire_button.setText(
            tr("Offer again…") if service and not service.active else tr("Retire…")
        )
        self.deactivate_button.setEnabled(clerk is not None)
        self.pin_button.setEnabled(clerk is not None and clerk.active)
        self.deactivate_button.setText(
            tr("Let sign in again…") if clerk and not clerk.active else tr("Deactivate…")
        )

    def _apply_search(self, text: str) -> None:
        """Every typed word, accent-insensitive, in the code, name or field."""
        words = fold(nfc(text)).split()
        for row, s in enumerate(self._services):
            haystack = fold(f"{s.code} {s.name_vi} {s.name_en} {s.field}")
            self.services.setRowHidden(row, not all(word in haystack for word in words))

    # -- what is asked for ------------------------------------------------------------------

    def _ask(self, dialog: ManagerChangeDialog, change: CatalogueChange) -> None:
        dialog.submitted.connect(lambda _pin: self.change_requested.emit(change, dialog))
        open_over(dialog, self)

    def add_service(self) -> ServiceDialog:
        dialog = ServiceDialog(self._tr, None, self)
        dialog.submitted.connect(
            lambda _pin: self.change_requested.emit(AddService(dialog.service_form()), dialog)
        )
        open_over(dialog, self)
        return dialog

    def edit_service(self) -> ServiceDialog | None:
        service = self.selected_service()
        if service is None:
            return None
        dialog = ServiceDialog(self._tr, service, self)
        dialog.submitted.connect(
            lambda _pin: self.change_requested.emit(
                EditService(service.code, dialog.service_form()), dialog
            )
        )
        open_over(dialog, self)
        return dialog

    def retire_or_restore_service(self) -> ManagerChangeDialog | None:
        service, tr = self.selected_service(), self._tr
        if service is None:
            return None
        if service.active:
            title, ok = tr("Retire a procedure"), tr("Retire")
            question = tr(
                "{name} ({code}) will no longer be offered at the counter or the kiosk. "
                "Its dossiers and ratings stay in the reports.",
                name=service.name_vi,
                code=service.code,
            )
        else:
            title, ok = tr("Offer a procedure again"), tr("Offer again")
            question = tr(
                "{name} ({code}) will be offered again.", name=service.name_vi, code=service.code
            )
        dialog = ManagerChangeDialog(tr, title, question, ok, self)
        self._ask(dialog, SetServiceActive(service.code, not service.active))
        return dialog

    def deactivate_or_restore_clerk(self) -> ManagerChangeDialog | None:
        clerk, tr = self.selected_clerk(), self._tr
        if clerk is None:
            return None
        if clerk.active:
            title, ok = tr("Deactivate a clerk"), tr("Deactivate")
            question = tr(
                "{name} will no longer be able to sign in. Their past dossiers and ratings "
                "keep their name.",
                name=clerk.display_name,
            )
        else:
            title, ok = tr("Let a clerk sign in again"), tr("Let sign in again")
            question = tr("{name} will be able to sign in again.", name=clerk.display_name)
        dialog = ManagerChangeDialog(tr, title, question, ok, self)
        self._ask(dialog, SetClerkActive(clerk.id, not clerk.active))
        return dialog

    def change_pin(self) -> NewPinDialog | None:
        clerk = self.selected_clerk()
        if clerk is None:
            return None
        dialog = NewPinDialog(self._tr, clerk.display_name, self)
        dialog.submitted.connect(
            lambda _pin: self.change_requested.emit(
                ChangeClerkPin(clerk.id, dialog.new_pin.text()), dialog
            )
        )
        open_over(dialog, self)
        return dialog


def _days_text(service: ServiceView, tr: Translator) -> str:
    days = str(service.processing_days) if service.processing_days else tr("same day")
    # Guessed by an import of the provincial system's dossiers: saving the procedure confirms it.
    return days if service.days_confirmed else tr("{days} (to confirm)", days=days)
