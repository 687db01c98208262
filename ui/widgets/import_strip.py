"""The row on the manager's desk that tells the last import's outcome, with the button that opens
its report and the one that imports a file from the provincial system; the preview of a chosen
file before it is imported."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Translator


def add_import_strip(desk: QWidget, tr: Translator) -> ImportStrip:
    """Puts the strip on the desk, under the alerts banner and above the tabs."""
    strip = ImportStrip(tr)
    layout = desk.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(2, strip)
    return strip


class ImportStrip(QWidget):
    """The row under the alerts: the last import's outcome, its report, the import button."""

    def __init__(self, tr: Translator) -> None:
        super().__init__()
        self.outcome = QLabel(wordWrap=True)
        self.outcome.setObjectName("importOutcome")
        self.report_button = QPushButton()
        self.report_button.setObjectName("secondary")
        self.report_button.hide()
        self.import_button = QPushButton()
        self.import_button.setObjectName("secondary")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.outcome, 1)
        row.addWidget(self.report_button)
        row.addWidget(self.import_button)
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        self.report_button.setText(tr("See the report"))
        self.import_button.setText(tr("Import from the provincial system…"))


class ReportDialog(QDialog):
    """The report in words, as written beside the file."""

    def __init__(self, title: str, text: str, tr: Translator, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(text, readOnly=True)
        buttons = QDialogButtonBox()
        # Our words, not Qt's: Qt's own button texts are not translated on the station.
        buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(720, 480)


class PreviewDialog(QDialog):
    """What importing a chosen file would change, before anything is recorded."""

    def __init__(self, summary: str, details: str, tr: Translator, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import from the provincial system"))
        self.summary = QLabel(summary, wordWrap=True)
        self.details = QPlainTextEdit(details, readOnly=True)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
