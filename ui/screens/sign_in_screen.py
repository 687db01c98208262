"""The clerk's sign-in: counter number and PIN, keyboard first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import N_, Translator


class SignInScreen(QWidget):
    sign_in_requested = Signal(int, str)

    def __init__(self, tr: Translator, title: str = N_("Reception and results")) -> None:
        super().__init__()
        self._title = title
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.title.setObjectName("title")
        self.counter = QLineEdit()
        self.counter.setMaxLength(3)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.button = QPushButton()
        self.button.setObjectName("primary")
        self.message = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("problem")
        self.message.hide()
        self.counter_label, self.pin_label = QLabel(), QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.counter_label, self.counter)
        self.form.addRow(self.pin_label, self.pin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(400, 120, 400, 120)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for widget in (self.counter, self.pin):
            widget.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        self.title.setText(tr(self._title))
        self.counter_label.setText(tr("Counter"))
        self.pin_label.setText(tr("PIN"))
        self.button.setText(tr("Sign in"))

    def _submit(self) -> None:
        text = self.counter.text().strip()
        self.sign_in_requested.emit(int(text) if text.isdigit() else -1, self.pin.text())

    def set_busy(self, busy: bool) -> None:
        """Greyed while the counter and PIN are checked; the fields keep the focus."""
        self.button.setEnabled(not busy)

    def show_problem(self, message: str) -> None:
        self.pin.clear()
        self.message.setText("⚠ " + message)
        self.message.show()

    def reset(self) -> None:
        self.pin.clear()
        self.message.hide()
        self.counter.setFocus()
