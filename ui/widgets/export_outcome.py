"""How an export ended, told to the manager: on success where the report is, with buttons that
open it and its folder on the desktop; on failure why, in words, and that nothing was written
(every export file is written whole or not at all: kiosk.atomic_file)."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from kiosk.errors import KioskError, StorageError
from kiosk.i18n import N_, Translator
from ui.window_display import describe_failure

TEXT_WIDTH = 520
WIDE_TEXT = f"QLabel#qt_msgbox_label {{ min-width: {TEXT_WIDTH}px; }}"
# What an operating system's error number means for the manager, who chose the folder.
DISK_PROBLEMS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk is full"),
    errno.EACCES: N_("this computer does not allow writing in that folder"),
    errno.EPERM: N_("this computer does not allow writing in that folder"),
    errno.EROFS: N_("that disk can only be read, not written"),
    errno.ENOENT: N_("the folder no longer exists (a USB stick taken out?)"),
    errno.ENOTDIR: N_("the folder no longer exists (a USB stick taken out?)"),
}


def _os_error(error: BaseException) -> OSError | None:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def failure_words(error: BaseException, target: Path, tr: Translator) -> str:
    """One line: what could not be saved and why; a kiosk file refused, in its own words."""
    cause = _os_error(error)
    if cause is not None and cause.errno in DISK_PROBLEMS:
        reason = tr(DISK_PROBLEMS[cause.errno])
    elif isinstance(error, KioskError) and not isinstance(error, StorageError):
        return describe_failure(error, tr)  # a refusal: already says what and why
    else:
        reason = describe_failure(error, tr)
    return tr(
        "The report was not saved to {path}: {reason}. Nothing was written there.",
        path=target,
        reason=reason,
    )


def failure_box(tr: Translator, words: str, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Report not saved"), words, parent=parent)
    box.setStyleSheet(WIDE_TEXT)  # a path and its reason, on few lines
    return box


def open_on_desktop(path: Path) -> bool:
    """The file or folder in the desktop's own program; False when the desktop cannot."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportDoneBox(QMessageBox):
    """ "Saved" with "Open file" (not for CSV: a folder of tables), "Open folder" and "Close".
    Non-modal: the desk stays usable while it shows."""

    cannot_open = Signal(str)

    def __init__(
        self, tr: Translator, file: Path | None, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.file, self.folder = file, folder
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(tr("Report saved"))
        shown = file if file is not None else folder
        self.setText(tr("The report was saved: {name}.", name=shown.name))
        self.setInformativeText(tr("In the folder {folder}", folder=shown.parent))
        self.open_file_button: QPushButton | None = None
        if file is not None:
            self.open_file_button = self.addButton(
                tr("Open file"), QMessageBox.ButtonRole.ActionRole
            )
            self.open_file_button.clicked.connect(lambda: self._open(file))
        self.open_folder_button = self.addButton(
            tr("Open folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.open_folder_button.clicked.connect(lambda: self._open(folder))
        self.close_button = self.addButton(tr("Close"), QMessageBox.ButtonRole.RejectRole)
        for button in (self.open_file_button, self.open_folder_button, self.close_button):
            if button is not None:
                button.setObjectName("secondary")
        # Wide enough for a period's file name on one line (Qt's box would break it).
        self.setStyleSheet(WIDE_TEXT)
        default = self.open_file_button or self.open_folder_button
        default.setObjectName("primary")
        self.setDefaultButton(default)
        self._tr = tr

    def _open(self, path: Path) -> None:
        # Every button closes the box: a failure is told on the desk's message line.
        if not open_on_desktop(path):
            self.cannot_open.emit(self._tr("This computer cannot open {path}.", path=path))
