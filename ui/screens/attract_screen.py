"""The screen the kiosk rests on: the office and its emblem, one big call to action, where to
scan a receipt, this month's public results, language, help."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QSizePolicy, QWidget

from kiosk.i18n import Translator
from kiosk.rating_flow import RatingFlow
from kiosk.services.public_results import MonthResults
from ui.screens.kiosk_screen import KioskScreen, make_label
from ui.widgets.emblem import EmblemWidget
from ui.widgets.public_results_panel import PublicResultsPanel
from ui.widgets.scan_hint_drawing import ScanHintDrawing
from ui.widgets.touch_button import TouchButton

EMBLEM_PX = 112
# The scan hint goes beside the big button when this much room is left for it.
SCAN_PANEL_MIN_PX = 560


class AttractScreen(KioskScreen):
    start_requested = Signal()
    help_requested = Signal()
    language_chosen = Signal(str)
    large_text_toggled = Signal()
    petition_requested = Signal()

    def __init__(self) -> None:
        super().__init__(with_back=False)
        self.heading.hide()  # the office's name and emblem greet the citizen instead
        self.emblem = EmblemWidget(EMBLEM_PX)
        self.office_name = make_label("officeName", align=Qt.AlignmentFlag.AlignLeft)
        self.office_name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.start_button = TouchButton("hero")
        self.start_button.clicked.connect(self.start_requested)
        # A petition (phản ánh, kiến nghị) typed here, rating or not (kiosk.case_flow).
        self.petition_button = TouchButton("secondary")
        self.petition_button.clicked.connect(self.petition_requested)
        self.petition_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.scan_drawing = ScanHintDrawing()
        self.scan_hint = make_label("hint", align=Qt.AlignmentFlag.AlignLeft)
        self.scan_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.results = PublicResultsPanel()
        self._results: MonthResults | None = None
        # A message id: why this kiosk takes no rating now (its signing key is not usable).
        self.unavailable: str | None = None
        # Said in the start button's place, in words that wrap: a button would cut them.
        self.unavailable_notice = make_label("unavailable")
        self.unavailable_notice.hide()
        self.vietnamese_button = TouchButton("language", checkable=True)
        self.vietnamese_button.setText("Tiếng Việt")  # each language named in itself
        self.vietnamese_button.clicked.connect(lambda: self.language_chosen.emit("vi"))
        self.english_button = TouchButton("language", checkable=True)
        self.english_button.setText("English")
        self.english_button.clicked.connect(lambda: self.language_chosen.emit("en"))
        self.help_button = TouchButton("secondary")
        self.help_button.clicked.connect(self.help_requested)
        self.large_text_button = TouchButton("secondary", checkable=True)
        self.large_text_button.clicked.connect(self.large_text_toggled)

        header = QHBoxLayout()
        header.setSpacing(24)
        header.addWidget(self.emblem)
        header.addWidget(self.office_name, stretch=1)
        # Beside the office's name, no taller than the emblem: a row of its own would push the
        # start screen past a 1366×768 kiosk.
        header.addWidget(self.petition_button)
        self.body.addLayout(header)
        self.body.addStretch(1)
        self.scan_panel = QWidget()
        scan = QHBoxLayout(self.scan_panel)
        scan.setContentsMargins(0, 0, 0, 0)
        scan.setSpacing(20)
        scan.addWidget(self.scan_drawing)
        scan.addWidget(self.scan_hint, stretch=1)
        self.call_to_action = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.call_to_action.setSpacing(32)
        self.call_to_action.addWidget(self.start_button, stretch=3)
        self.call_to_action.addWidget(self.unavailable_notice, stretch=3)
        self.call_to_action.addWidget(self.scan_panel, stretch=2)
        self.body.addLayout(self.call_to_action)
        self.body.addStretch(1)
        self.body.addWidget(self.results)
        self.options = QGridLayout()
        self.options.setSpacing(20)
        self.option_buttons = (
            self.vietnamese_button,
            self.english_button,
            self.large_text_button,
            self.help_button,
        )
        self._option_columns = len(self.option_buttons)  # one row until the words need two
        for column, button in enumerate(self.option_buttons):
            self.options.addWidget(button, 0, column)
        self.body.addLayout(self.options)

    def set_office_name(self, name: str) -> None:
        self.office_name.setText(name)

    def show_emblem(self, configured: str | None) -> None:
        self.emblem.show_emblem(configured)

    def set_results(self, results: MonthResults | None, tr: Translator) -> None:
        self._results = results
        self.results.show_results(results, tr)
        self._arrange()

    @property
    def results_read(self) -> bool:
        """This month's results have been read (shown, or held back while too few)."""
        return self._results is not None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Fits the screen to its size and text size: the scan hint beside the big button when
        both fit on one row, under it otherwise; the hint and the results only when they fit
        whole (with large text on a small screen, and a message, the button comes first)."""
        outer = self.layout()
        assert outer is not None  # KioskScreen's, set in its constructor
        margins = outer.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        beside = room - self.start_button.sizeHint().width() >= SCAN_PANEL_MIN_PX
        self._arrange_options(room)
        self.call_to_action.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        # What may give way on a short screen, the most useful kept first: the scan hint (a
        # citizen told something at the scanner, in large text, has found it), then the results.
        optional = [] if self.unavailable is not None else [self.scan_panel]
        optional += [] if self._results is None else [self.results]
        for widget in optional:
            widget.hide()
        for widget in optional:
            widget.show()
            for layout in (self.body, outer):  # Qt recomputes a parent's size lazily
                layout.invalidate()
            if outer.minimumSize().height() > self.height() - self._over_screen():
                widget.hide()
        if self._over_screen() > 0:  # grown past the screen before: back onto it
            self._activate_layouts_up_to_the_window()
            window = self.window()
            window.resize(window.width(), window.height() - self._over_screen())

    def _activate_layouts_up_to_the_window(self) -> None:
        """A window's minimum size follows its layouts only once they are active again."""
        ancestor: QWidget | None = self
        while ancestor is not None:
            if (layout := ancestor.layout()) is not None:
                layout.activate()
            ancestor = None if ancestor.isWindow() else ancestor.parentWidget()

    def _over_screen(self) -> int:
        """How far the window reaches below its screen: contents that grew it past the screen
        (the kiosk is full-screen) would be cut off there, not made room for."""
        screen = self.screen()
        if screen is None or not self.window().isFullScreen():
            return 0  # a window sized by hand (a test, a windowed run) keeps its size
        return max(0, self.window().height() - screen.availableGeometry().height())

    def _arrange_options(self, room: int) -> None:
        """The four options on one row when their words fit it, else two rows of two."""
        spacing = self.options.horizontalSpacing() * (len(self.option_buttons) - 1)
        wanted = sum(button.sizeHint().width() for button in self.option_buttons) + spacing
        columns = len(self.option_buttons) if wanted <= room else 2
        if columns == self._option_columns:
            return
        self._option_columns = columns
        for index, button in enumerate(self.option_buttons):
            self.options.addWidget(button, index // columns, index % columns)

    def render_content(self, flow: RatingFlow, tr: Translator) -> None:
        self.heading.setText(tr("Welcome"))
        if self.unavailable is not None:
            self.unavailable_notice.setText(tr(self.unavailable))
            self.unavailable_notice.show()
            self.start_button.setEnabled(False)
            self.start_button.hide()
            self.scan_panel.hide()
        else:
            self.start_button.setText(tr("Rate our service") + "\n" + tr("Touch here to start"))
        self.scan_hint.setText(tr("Or scan the QR code on your receipt at the scanner below."))
        self.petition_button.setText("✉ " + tr("Send feedback or a suggestion"))
        self.help_button.setText("? " + tr("How to use"))
        self.large_text_button.setText("A+ " + tr("Larger text"))
        self.large_text_button.setChecked(flow.large_text)
        self.vietnamese_button.setChecked(flow.language == "vi")
        self.english_button.setChecked(flow.language == "en")
        self.results.show_results(self._results, tr)  # in the language just chosen
        self._arrange()

    def spoken_prompt(self) -> str:
        if self.unavailable is not None:
            return self.unavailable_notice.text()
        return self.start_button.text().replace("\n", ". ")
