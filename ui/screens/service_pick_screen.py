"""Rating without a receipt: the citizen finds the service in a big list grouped by field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from kiosk.service_search import search_services
from kiosk.views import ServiceView
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.touch_button import MIN_TARGET_PX, TouchButton
from ui.widgets.touch_keyboard import TouchKeyboard


class ServicePickScreen(KioskScreen):
    service_chosen = Signal(object)  # ServiceView
    typed = Signal()
    scrolled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._services: list[ServiceView] = []
        self._language = ""
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.textChanged.connect(self._refill)
        self.search.textChanged.connect(self.typed)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list_widget)
        # Not the scroll bar's own minimum: the list shrinks to a row or two above the keyboard.
        scroll.setMinimumHeight(MIN_TARGET_PX)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        scroll.verticalScrollBar().valueChanged.connect(self.scrolled)
        self.clear_button = TouchButton("secondary")
        self.clear_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clear_button.clicked.connect(self.search.clear)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, stretch=1)
        search_row.addWidget(self.clear_button)
        self.body.addLayout(search_row)
        self.body.addWidget(scroll, stretch=1)
        self.buttons: dict[str, TouchButton] = {}
        self._no_match = ""
        self.dock_keyboard(TouchKeyboard(self.search))  # the list shrinks above it

    def set_services(self, services: list[ServiceView]) -> None:
        self._services = services
        self._refill()

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText(tr("Which service did you use?"))
        self.search.setPlaceholderText(tr("Type a few letters to search"))
        self.clear_button.setText(tr("Erase"))
        self._no_match = tr("No service matches; try fewer letters.")
        if self._language != flow.language:
            self._language = flow.language
            self._refill()

    def clear_search(self) -> None:
        self.close_keyboard()
        self.search.clear()

    def _refill(self) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        groups = search_services(self._services, self.search.text(), self._language or "vi")
        for field, services in groups:
            heading = make_label("field", align=Qt.AlignmentFlag.AlignLeft)
            heading.setText(field)
            self.list_layout.addWidget(heading)
            for service in services:
                button = TouchButton("choice")
                button.setText(service.name_vi if self._language != "en" else service.name_en)
                button.clicked.connect(lambda _=False, s=service: self.service_chosen.emit(s))
                self.list_layout.addWidget(button)
                self.buttons[service.code] = button
        if not groups:
            nothing = make_label("hint")
            nothing.setText(self._no_match)
            self.list_layout.addWidget(nothing)
        self.list_layout.addStretch(1)
