"""The clerk's desk: register a dossier (keyboard first), today's board, and the actions on one.

Everything is reachable from the keyboard, and the keys are written at the bottom of the desk:
Enter moves on (in the service field it picks the suggestion), Ctrl+Enter saves, function keys
reach the board and the selected dossier's actions. The desk fits a 1366×768 counter PC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import InvalidInputError
from kiosk.formats import moment_text, short_day_text
from kiosk.i18n import N_, Translator
from kiosk.phone import NOT_A_VIETNAMESE_PHONE
from kiosk.registration import NO_NAME, check_registration
from kiosk.services.clerk_board import Board
from kiosk.services.figure_names import (
    ANNOUNCE_DELAYS,
    DUE_NEXT_OPEN,
    DUE_TODAY_OPEN,
    OVERDUE_NOW,
    WHOLE_OFFICE,
)
from kiosk.views import DocumentItem, DossierView, ServiceView
from ui.theme import desk_stylesheet
from ui.widgets.counter_form_dialog import PapersDialog, open_over
from ui.widgets.dossier_board import (
    DossierBoard,
    appointment,
)
from ui.widgets.message_bar import MessageBar, MessageKind
from ui.widgets.selected_dossier_panel import SelectedDossierPanel
from ui.widgets.service_field import ServiceField

LEFT_SHARE, LEFT_MOST = 0.34, 600  # the form's share of the width, and its most in pixels
KEY_HINTS = (
    ("Enter", N_("picks the service, then the next field")),
    ("Ctrl+Enter", N_("save and print")),
    ("F2", N_("new dossier")),
    ("F3", N_("search")),
    ("F4", N_("board")),
    ("F5", N_("refresh")),
    ("F6", N_("return the result")),
    ("F7", N_("re-appoint")),
    ("F8", N_("reprint receipt")),
    ("F9", N_("reprint apology")),
    ("F10", N_("papers missing or brought back")),
    ("F11", N_("refuse")),
    ("F12", N_("papers received")),
    ("Esc", N_("clear the search")),
)
# Tight, so that the form and the selected dossier fit a 768-pixel-high screen together.
BOX_MARGINS, SPACING = (8, 6, 8, 6), 5


class ClerkDeskScreen(QWidget):
    # service code, CitizenDetails (checked), (papers received, number of sets)
    register_requested = Signal(str, object, object)
    return_requested = Signal(str)
    reappoint_requested = Signal(str, object, str)  # code, new date, reason
    print_requested = Signal(str, str)  # code, "receipt" | "apology"
    supplement_requested = Signal(str, object, str)  # code, missing papers, reason
    supplemented_requested = Signal(str)
    refusal_requested = Signal(str, str)  # code, reason
    search_requested = Signal(str)
    refresh_requested = Signal()
    sign_out_requested = Signal()
    test_print_requested = Signal()

    def __init__(self, tr: Translator) -> None:
        super().__init__()
        self.setObjectName("desk")
        self.setStyleSheet(desk_stylesheet())
        self._tr = tr
        self._services: list[ServiceView] = []
        self.who = QLabel(wordWrap=True)
        self.who.setObjectName("officeName")
        self.printer_status = MessageBar(tr, object_name="printerStatus")
        self.test_print_button = QPushButton()
        self.test_print_button.clicked.connect(self.test_print_requested)
        self.sign_out_button = QPushButton()
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        header = QHBoxLayout()
        header.addWidget(self.who, 2)
        header.addWidget(self.printer_status, 3)
        header.addWidget(self.test_print_button)
        header.addWidget(self.sign_out_button)

        for button in (self.sign_out_button, self.test_print_button):
            button.setObjectName("secondary")
        self.register_box = self._registration()
        self.actions_box = SelectedDossierPanel(tr, margins=BOX_MARGINS, spacing=SPACING)
        self.actions_box.return_requested.connect(self.return_requested)
        self.actions_box.reappoint_requested.connect(self.reappoint_requested)
        self.actions_box.print_requested.connect(self.print_requested)
        self.actions_box.supplement_requested.connect(self.supplement_requested)
        self.actions_box.supplemented_requested.connect(self.supplemented_requested)
        self.actions_box.refusal_requested.connect(self.refusal_requested)
        # What the keys and the tests reach directly.
        panel = self.actions_box
        self.selected_title, self.selected_status = panel.heading, panel.status
        self.return_button, self.reappoint_button = panel.return_button, panel.reappoint_button
        self.reprint_button, self.apology_button = panel.reprint_button, panel.apology_button
        self.reason, self.new_date = panel.reason, panel.new_date
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.register_box)
        left_layout.addWidget(self.actions_box)
        left_layout.addStretch(1)

        self.search = QLineEdit()
        self.search.returnPressed.connect(lambda: self.search_requested.emit(self.search.text()))
        self.board = DossierBoard(tr)
        self.board.itemSelectionChanged.connect(self._selection_changed)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.message = MessageBar(tr)
        self.key_hints = QLabel(wordWrap=True)
        self.key_hints.setObjectName("keyHints")
        # Beside the search, where it costs no height: the feedback cases (ui/clerk_cases.py).
        self.cases_button = QPushButton()
        self.cases_button.setObjectName("secondary")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.cases_button)
        right_layout.addLayout(search_row)
        right_layout.addWidget(self.board, 1)
        # Under the board, which gives up the room: the left column keeps the screen's height.
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.key_hints)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self._left = left
        self._split_by_hand = False
        self.splitter.splitterMoved.connect(self._moved_by_hand)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(True)  # Enter on a focused button presses it
        self._keys()
        self.retranslate(tr)
        self._selection_changed()

    # -- building ------------------------------------------------------------------------------

    def _registration(self) -> QGroupBox:
        box = QGroupBox()
        self.service = ServiceField()
        self.service.service_picked.connect(self._service_picked)
        self.service.nothing_to_pick.connect(self._nothing_to_pick)
        self.citizen_name = QLineEdit()
        self.citizen_address = QLineEdit()
        self.citizen_phone = QLineEdit()
        self.citizen_phone.setMaxLength(20)
        # Enter moves on to the next field; only Ctrl+Enter (or the button) saves.
        self.citizen_name.returnPressed.connect(self.citizen_address.setFocus)
        self.citizen_address.returnPressed.connect(self.citizen_phone.setFocus)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.citizen_phone.returnPressed.connect(self.save_button.setFocus)
        self.result = MessageBar(self._tr, object_name="result")
        self.register_form = QFormLayout(box)
        self.register_form.setContentsMargins(*BOX_MARGINS)
        self.register_form.setVerticalSpacing(SPACING)
        self.register_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.register_form.setLabelAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.field_labels = [QLabel() for _ in range(4)]
        fields = (self.service, self.citizen_name, self.citizen_address, self.citizen_phone)
        for label, widget in zip(self.field_labels, fields, strict=True):
            label.setBuddy(widget)
            self.register_form.addRow(label, widget)
            widget.textEdited.connect(self._form_edited)
        self._checklists: dict[str, tuple[DocumentItem, ...]] = {}
        self._papers: tuple[DocumentItem, ...] | None = None  # None: the whole checklist
        self._sets = 1
        self.papers_dialog: QDialog | None = None
        self.papers_button = QPushButton()
        self.papers_button.setObjectName("secondary")
        self.papers_button.clicked.connect(self.choose_papers)
        # The papers beside the save button: one row less, the desk keeps to 768 px.
        save_row = QHBoxLayout()
        save_row.addWidget(self.papers_button, 2)
        save_row.addWidget(self.save_button, 3)
        self.register_form.addRow(save_row)
        self.register_form.addRow(self.result)
        return box

    def _keys(self) -> None:
        def key(sequence: str, action: Callable[[], object], parent: QWidget | None = None) -> None:
            shortcut = QShortcut(QKeySequence(sequence), parent or self)
            shortcut.setContext(
                Qt.ShortcutContext.WidgetShortcut
                if parent
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(action)

        for sequence in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            key(sequence, self.save)
        key("F2", self.new_registration)
        key("F3", self.focus_search)
        key("Ctrl+F", self.focus_search)
        key("F4", self.focus_board)
        key("F5", self.refresh_requested.emit)
        key("F6", self.return_button.click)
        key("F7", self.actions_box.start_reappointment)
        key("F8", self.reprint_button.click)
        key("F9", self.apology_button.click)
        key("F10", self.actions_box.ask_for_papers)
        key("F11", self.actions_box.refuse)
        key("F12", self.choose_papers)
        key("Escape", self._clear_search, self.search)
        # Re-appointing from the keyboard: reason, Enter, date, Enter, then Enter on the button.
        if reason_edit := self.reason.lineEdit():
            reason_edit.returnPressed.connect(self.new_date.setFocus)
        for sequence in ("Return", "Enter"):
            key(sequence, self.reappoint_button.setFocus, self.new_date)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        for bar in (self.message, self.result, self.printer_status):
            bar.retranslate(tr)
        self.sign_out_button.setText(tr("Sign out"))
        self.test_print_button.setText(tr("Test print"))
        self.register_box.setTitle(tr("Register a dossier (F2)"))
        names = (tr("Service"), tr("Citizen"), tr("Address"), tr("Phone"))
        for label, name in zip(self.field_labels, names, strict=True):
            label.setText(name)
        self.papers_button.setToolTip(tr("Papers received, ticked from the service's list"))
        self._show_papers()
        self.service.setPlaceholderText(tr("A few letters of the service or its code, Enter"))
        self.citizen_name.setPlaceholderText(tr("Required: printed on the receipt"))
        self.citizen_address.setPlaceholderText(tr("Optional"))
        self.citizen_phone.setPlaceholderText(tr("Optional, e.g. 0912 345 678"))
        self.save_button.setText(tr("Save and print (Ctrl+Enter)"))
        self.save_button.setToolTip(tr("Save the dossier and print its receipt (Form 01)"))
        self.search.setPlaceholderText(tr("Search by dossier code or name, or scan a receipt (F3)"))
        self.board.retranslate(tr)
        self.actions_box.retranslate(tr)
        # A hint never breaks inside: the line wraps between hints only.
        hints = [" ".join((key, tr(words))).replace(" ", "\u00a0") for key, words in KEY_HINTS]
        self.key_hints.setText(tr("Keys:") + " " + " · ".join(hints))
        self._selection_changed()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self._split_by_hand:
            # The board gets the room: the form a third of the width (never more than it can
            # use, never less than it needs).
            total = self.splitter.width() - self.splitter.handleWidth()
            share = min(int(total * LEFT_SHARE), LEFT_MOST)
            left = max(self._left.minimumSizeHint().width(), share)
            self.splitter.setSizes([left, max(total - left, 0)])

    def _moved_by_hand(self, _position: int, _index: int) -> None:
        self._split_by_hand = True

    # -- registering ---------------------------------------------------------------------------

    def set_services(self, services: list[ServiceView]) -> None:
        self._services = services
        self.service.set_services(services, self._tr.language)

    def new_registration(self) -> None:
        self.service.setFocus()
        self.service.selectAll()

    def _form_edited(self, _text: str) -> None:
        if self.result.kind in (MessageKind.ERROR, MessageKind.WARNING):
            self.result.clear_message()  # what was refused has been changed

    def _service_picked(self, _service: ServiceView) -> None:
        self._papers, self._sets = None, 1  # the new service's whole checklist, one set
        self._show_papers()
        self.citizen_name.setFocus()

    def set_checklists(self, checklists: dict[str, tuple[DocumentItem, ...]]) -> None:
        self._checklists = checklists
        self._show_papers()

    def _picked_checklist(self) -> tuple[DocumentItem, ...]:
        picked = self.service.picked
        return self._checklists.get(picked.code, ()) if picked else ()

    def _show_papers(self) -> None:
        checklist = self._picked_checklist()
        received = self._papers if self._papers is not None else checklist
        self.papers_button.setText(
            self._tr(
                "{received} of {listed} papers, {sets} set(s) (F12)",
                received=len(received),
                listed=len(checklist),
                sets=self._sets,
            )
        )
        self.papers_button.setEnabled(bool(checklist))

    def choose_papers(self) -> None:
        """F12: untick the papers the citizen did not bring, set the number of sets."""
        checklist = self._picked_checklist()
        if not checklist:
            return
        dialog = PapersDialog(self._tr, checklist, self._sets, self)

        def keep() -> None:
            self._papers, self._sets = dialog.received(), dialog.sets.value()
            self._show_papers()

        dialog.accepted.connect(keep)
        self.papers_dialog = dialog
        open_over(dialog, self)

    def _nothing_to_pick(self, text: str) -> None:
        tr = self._tr
        if text:
            self.result.show_message(
                MessageKind.WARNING, tr("No service matches '{text}'.", text=text[:60])
            )

    def save(self) -> None:
        """Checks the form here, before any worker: a refusal is told in words, nothing saved."""
        if not self.save_button.isEnabled():
            return  # the previous registration is still being saved
        try:
            checked = check_registration(
                self._services,
                picked=self.service.picked,
                service_text=self.service.text(),
                name=self.citizen_name.text(),
                address=self.citizen_address.text(),
                phone=self.citizen_phone.text(),
                language=self._tr.language,
            )
        except InvalidInputError as refusal:
            self.result.show_message(MessageKind.ERROR, refusal.render(self._tr))
            wrong = {NO_NAME: self.citizen_name, NOT_A_VIETNAMESE_PHONE: self.citizen_phone}
            wrong.get(refusal.message, self.service).setFocus()
            return
        if checked.citizen.phone:
            self.citizen_phone.setText(checked.citizen.phone)
        code = checked.service.code
        papers = self._papers if self._papers is not None else self._checklists.get(code, ())
        self.register_requested.emit(code, checked.citizen, (papers, self._sets))

    def registration_refused(self, text: str) -> None:
        """Said beside the form: the clerk's eyes are on it."""
        self.result.show_message(MessageKind.ERROR, text)

    def set_registering(self, busy: bool) -> None:
        """Greyed while a dossier is saved; the fields keep the focus and their text."""
        self.save_button.setEnabled(not busy)

    def registered(self, view: DossierView) -> None:
        tr = self._tr
        self.result.show_message(
            MessageKind.SUCCESS,
            tr(
                "Dossier {code}: appointment {when}.",
                code=view.code,
                when=moment_text(appointment(view), tr.language),
            ),
        )
        self.service.reset()
        self._papers, self._sets = None, 1
        self._show_papers()
        for widget in (self.citizen_name, self.citizen_address, self.citizen_phone):
            widget.clear()
        self.service.setFocus()

    # -- the board -----------------------------------------------------------------------------

    def show_board(self, board: Board, found: list[DossierView] | None = None) -> None:
        tr = self._tr
        day = short_day_text(board.next_working_day, tr.language)
        # The count right after the figure's name: a narrow board elides the end of a heading.
        names = (OVERDUE_NOW, DUE_TODAY_OPEN, DUE_NEXT_OPEN)
        titles = [tr(name, day=day) + " ({count})" for name in names]
        if board.clerk_id is None:  # the counts are the office's, as on the manager's desk
            titles = [tr(WHOLE_OFFICE, figure=title) for title in titles]
        titles[2] = tr(ANNOUNCE_DELAYS, figure=titles[2])
        groups = [
            ("overdue", titles[0], board.overdue),
            ("today", titles[1], board.due_today),
            ("next", titles[2], board.due_next),
        ]
        if found is not None:
            groups.insert(0, ("search", tr("Search results"), found))
        kept = self.board.selected_code()
        self.board.show_groups(groups)
        if kept is not None:
            self.board.select(kept)  # a refresh does not take the clerk's dossier away
        self._selection_changed()

    def selected_code(self) -> str | None:
        return self.board.selected_code()

    def select(self, code: str) -> None:
        self.board.select(code)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def focus_board(self) -> None:
        self.board.setFocus()
        self.board.select_first()

    def _clear_search(self) -> None:
        self.search.clear()
        self.refresh_requested.emit()

    # -- the selected dossier ------------------------------------------------------------------

    def _selection_changed(self) -> None:
        self.actions_box.show_dossier(self.board.view(self.selected_code()))

    def dossier_changed(self, view: DossierView) -> None:
        """An action's answer: the selected dossier's panel shows it at once, before the board
        comes back."""
        shown = self.actions_box.view
        if shown is not None and shown.code == view.code:
            self.actions_box.show_dossier(view)

    def set_default_new_date(self, day: date) -> None:
        self.actions_box.set_default_new_date(day)

    # -- messages ------------------------------------------------------------------------------

    def show_message(self, kind: MessageKind, text: str) -> None:
        self.message.show_message(kind, text)

    def clear_message(self) -> None:
        self.message.clear_message()
