"""The small forms the clerk fills for a dossier at the counter: what papers are missing and why
(Form 02), why the dossier is refused (Form 03), and which papers were received (Form 01's list).
Each is a dialog over the desk, so the desk itself keeps to a 768-pixel-high screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Translator
from kiosk.views import DocumentItem

MAX_SETS = 99


def open_over(dialog: QDialog, owner: QWidget) -> None:
    """Opens `dialog` without blocking; when it closes, the desk is active again with the focus
    where the clerk left it, so the function keys go on working."""
    was_focused = QApplication.focusWidget()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def back() -> None:
        owner.window().activateWindow()
        (was_focused if was_focused is not None and was_focused.isVisible() else owner).setFocus()

    dialog.finished.connect(back)
    dialog.open()


def _buttons(dialog: QDialog, tr: Translator, ok: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SupplementDialog(QDialog):
    """Form 02: one missing paper a line, and the reason."""

    submitted = Signal(object, str)  # list[str] of missing papers, reason

    def __init__(self, tr: Translator, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Ask for missing papers (Form 02) — {code}", code=code))
        self.missing = QPlainTextEdit()
        self.missing.setTabChangesFocus(True)
        self.missing.setPlaceholderText(tr("One paper a line"))
        self.reason = QLineEdit()
        form = QFormLayout()
        form.addRow(tr("Papers to bring or complete"), self.missing)
        form.addRow(tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, tr, tr("Save and print Form 02")))
        self.accepted.connect(self._submit)

    def _submit(self) -> None:
        lines = [line.strip() for line in self.missing.toPlainText().splitlines()]
        self.submitted.emit([line for line in lines if line], self.reason.text())


class RefusalDialog(QDialog):
    """Form 03: the reason the dossier cannot be accepted."""

    submitted = Signal(str)

    def __init__(self, tr: Translator, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Refuse the dossier (Form 03) — {code}", code=code))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Reason for refusing")))
        layout.addWidget(self.reason)
        layout.addWidget(_buttons(self, tr, tr("Refuse and print Form 03")))
        self.accepted.connect(lambda: self.submitted.emit(self.reason.toPlainText()))


class PapersDialog(QDialog):
    """Form 01's list: the service's checklist, ticked as received, and the number of sets."""

    def __init__(
        self,
        tr: Translator,
        checklist: tuple[DocumentItem, ...],
        sets: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Papers received"))
        self._checklist = checklist
        self.items = QListWidget()
        forms = {"original": tr("original"), "copy": tr("copy")}
        for paper in checklist:
            item = QListWidgetItem(f"{paper.name} ({forms[paper.form]}, {paper.count})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.items.addItem(item)
        self.sets = QSpinBox(minimum=1, maximum=MAX_SETS, value=sets)
        form = QFormLayout()
        form.addRow(tr("Number of sets"), self.sets)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, tr, tr("Keep")))

    def received(self) -> tuple[DocumentItem, ...]:
        return tuple(
            paper
            for index, paper in enumerate(self._checklist)
            if self.items.item(index).checkState() == Qt.CheckState.Checked
        )
