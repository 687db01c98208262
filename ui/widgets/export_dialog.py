"""Asking where an export goes: Qt's own save dialog (not the desktop's, so that it looks and
behaves the same on every office PC and can be driven by a test), opened in the folder used
last with the period's default name. A CSV export is a folder of one file per table: for it
the dialog chooses the folder that receives it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kiosk.i18n import N_, Translator

TITLES = {
    "pdf": N_("Save the report (PDF)"),
    "xlsx": N_("Save the tables (Excel)"),
    "csv": N_("Choose the folder for the CSV files"),
}
FILTERS = {"pdf": N_("PDF report (*.pdf)"), "xlsx": N_("Excel workbook (*.xlsx)")}
# Room for the folder list and a long Vietnamese file name, on a 1366×768 screen too.
DIALOG_SIZE = (1000, 600)


def _places(*folders: Path) -> list[QUrl]:
    unique = dict.fromkeys([*folders, Path.home()])
    return [QUrl.fromLocalFile(str(folder)) for folder in unique if folder.is_dir()]


class ExportDialog(QFileDialog):
    """Chooses the target of one export: `chosen_path` once accepted (a file for PDF and XLSX,
    always with the format's suffix; for CSV the folder that receives the report's folder)."""

    def __init__(
        self,
        tr: Translator,
        kind: str,
        folder: Path,
        name: str,
        *,
        fallback: Path,
        parent: QWidget | None = None,
    ) -> None:
        """Opens in `folder`; the side list offers it, `fallback` (where the end-of-day
        reports are) and the home folder."""
        super().__init__(parent)
        self.kind = kind
        self._tr = tr
        self.replace_question: QMessageBox | None = None
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setWindowTitle(tr(TITLES[kind]))
        self.setDirectory(str(folder))
        # A list of names: the detail view's column headers are Qt's own English words.
        self.setViewMode(QFileDialog.ViewMode.List)
        self.setSidebarUrls(_places(folder, fallback))
        if kind == "csv":
            self.setFileMode(QFileDialog.FileMode.Directory)
            self.setOption(QFileDialog.Option.ShowDirsOnly, True)
            self.setLabelText(QFileDialog.DialogLabel.FileName, tr("Folder:"))
            self.setLabelText(QFileDialog.DialogLabel.Accept, tr("Choose"))
            # Its only type would be Qt's English "Directories".
            for name in ("fileTypeCombo", "fileTypeLabel"):
                part = self.findChild(QWidget, name)
                if part is not None:
                    part.hide()
        else:
            self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            # Qt's own question is in English only: `accept` asks in the reader's language.
            self.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
            self.setFileMode(QFileDialog.FileMode.AnyFile)
            self.setNameFilter(tr(FILTERS[kind]))
            self.setDefaultSuffix(kind)
            self.selectFile(name)
            self.setLabelText(QFileDialog.DialogLabel.FileName, tr("File name:"))
            self.setLabelText(QFileDialog.DialogLabel.FileType, tr("Format:"))
            self.setLabelText(QFileDialog.DialogLabel.Accept, tr("Save"))
        # After the mode: choosing one resets the buttons' words.
        self.setLabelText(QFileDialog.DialogLabel.LookIn, tr("Look in:"))
        self.setLabelText(QFileDialog.DialogLabel.Reject, tr("Cancel"))
        self.resize(*DIALOG_SIZE)

    def accept(self) -> None:
        """Saves, or first asks whether to replace a report of that name."""
        if self.kind == "csv" or not self.selectedFiles():
            super().accept()
            return
        path = self.chosen_path()
        if not path.is_file():
            super().accept()  # a new name, or a folder typed to go into it
            return
        tr = self._tr
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            tr("{name} already exists. Replace it with the new report?", name=path.name),
            parent=self,
        )
        replace = question.addButton(tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        question.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        question.setDefaultButton(replace)
        replace.clicked.connect(lambda: QFileDialog.accept(self))
        question.finished.connect(question.deleteLater)
        self.replace_question = question
        question.open()

    def chosen_path(self) -> Path:
        [picked] = self.selectedFiles()
        path = Path(picked)
        if self.kind != "csv" and path.suffix.lower() != f".{self.kind}":
            path = path.with_name(f"{path.name}.{self.kind}")  # a PDF is never saved as .txt
        return path
