"""The service field of the clerk's registration: type a few letters of the name (with or
without accents) or the code, and suggestions come best first from kiosk.service_search, the
search the citizen's kiosk uses.

Enter (or Tab, or a click) only *picks* a suggestion: it never saves anything. The screen hears
`service_picked` and moves on to the citizen's name.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView

from kiosk.service_search import matching_services, service_for_text, service_label
from kiosk.views import ServiceView
from ui.theme import desk_stylesheet

MAX_SUGGESTIONS = 8


class ServiceField(QLineEdit):
    service_picked = Signal(object)  # ServiceView
    nothing_to_pick = Signal(str)  # the typed text, which names no service

    def __init__(self) -> None:
        super().__init__()
        self._services: list[ServiceView] = []
        self._language = "vi"
        self._suggested: list[ServiceView] = []
        self.picked: ServiceView | None = None
        self._model = QStandardItemModel(self)
        # Qt's completer only shows the list: which services match, and in what order, is ours.
        self._completer = QCompleter(self._model, self)
        self._completer.setWidget(self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(MAX_SUGGESTIONS)
        self.popup = QListView()
        self.popup.setObjectName("serviceSuggestions")
        # A pop-up is a window of its own: the desk's stylesheet must be given to it.
        self.popup.setStyleSheet(desk_stylesheet())
        self.popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._completer.setPopup(self.popup)
        self._completer.activated.connect(self._activated)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self.pick)

    def set_services(self, services: list[ServiceView], language: str) -> None:
        self._services, self._language = services, language
        self.reset()

    def reset(self) -> None:
        self.picked = None
        self.clear()
        self._hide_suggestions()

    def suggestions(self) -> list[ServiceView]:
        return list(self._suggested)

    def _edited(self, text: str) -> None:
        self.picked = None  # what was picked is no longer what the field says
        self._suggest(text)

    def _suggest(self, text: str) -> None:
        found = matching_services(self._services, text, self._language) if text.strip() else []
        self._suggested = found[:MAX_SUGGESTIONS]
        self._model.clear()
        for service in self._suggested:
            item = QStandardItem(service_label(service, self._language))
            item.setToolTip(f"{item.text()} ({service.field})")
            item.setEditable(False)
            self._model.appendRow(item)
        if not self._suggested:
            self._hide_suggestions()
            return
        self._completer.complete(self._popup_area())
        self.popup.setCurrentIndex(self._model.index(0, 0))

    def _popup_area(self) -> QRect:
        """As wide as the longest suggestion needs, up to half the screen; longer ones elide."""
        metrics = self.popup.fontMetrics()
        widest = max(metrics.horizontalAdvance(s.text()) for s in self._items())
        screen = self.screen().availableGeometry().width() if self.screen() else 1366
        width = min(max(self.width(), widest + 48), screen // 2)
        return QRect(0, 0, width, self.height())

    def _items(self) -> list[QStandardItem]:
        return [item for row in range(self._model.rowCount()) if (item := self._model.item(row))]

    def _hide_suggestions(self) -> None:
        if self.popup.isVisible():
            self.popup.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Down and not self.popup.isVisible():
            self._suggest(self.text())  # the list again, to choose with the arrows
            return
        super().keyPressEvent(event)

    def pick(self) -> None:
        """Enter: the highlighted suggestion, else the service the text names, else the best
        match. Picks only; nothing is saved."""
        row = self.popup.currentIndex().row() if self.popup.isVisible() else -1
        if 0 <= row < len(self._suggested):
            service: ServiceView | None = self._suggested[row]
        elif self.picked is not None:
            service = self.picked
        else:
            service = service_for_text(self._services, self.text(), self._language)
            if service is None:
                found = matching_services(self._services, self.text(), self._language)
                service = found[0] if self.text().strip() and found else None
        self._hide_suggestions()
        if service is None:
            self.nothing_to_pick.emit(self.text().strip())
            return
        self._choose(service)

    def _activated(self, chosen_label: object) -> None:
        """A suggestion clicked (or completed by the popup itself), by its label or its row."""
        if isinstance(chosen_label, QModelIndex):
            chosen_label = chosen_label.data()
        chosen = next(
            (s for s in self._suggested if service_label(s, self._language) == chosen_label),
            None,
        )
        if chosen is not None:
            self._choose(chosen)

    def _choose(self, service: ServiceView) -> None:
        self.picked = service
        self.setText(service_label(service, self._language))
        self.service_picked.emit(service)
