"""Driving the manager's export as a manager does: a click on the format, keys typed into the
save dialog, Enter; and the desktop's file opener caught through Qt's own URL-handler hook."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtWidgets import QLineEdit


class DesktopOpener(QObject):
    """Stands in for the desktop: QDesktopServices hands it the file: URLs it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url)


def open_dialog(qtbot, window, kind):
    window.desk.export_buttons[kind].click()
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def name_field(dialog) -> QLineEdit:
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    assert field is not None
    return field


def save(qtbot, window, kind, typed=None, folder=None):
    """Opens the dialog, goes to `folder` (as a click in its list would), types `typed` over
    the offered name (if given), presses Enter and returns what the export wrote ([] when it
    failed)."""
    dialog = open_dialog(qtbot, window, kind)
    if folder is not None:
        dialog.setDirectory(str(folder))
    field = name_field(dialog)
    if typed is not None:
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, typed)
    with qtbot.waitSignal(window.exported, timeout=20_000) as exported:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    return exported.args[0]
