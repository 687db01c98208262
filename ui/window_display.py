"""Putting a station's window on screen (and its work to rest when it closes), and saying in
words what went wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from kiosk.i18n import Translator


def describe_failure(error: BaseException, tr: Translator) -> str:
    from kiosk.cli.unexpected import describe_unexpected
    from kiosk.errors import KioskError

    if isinstance(error, KioskError):
        return error.render(tr)
    return describe_unexpected(error, tr)


def show_station(window: QMainWindow, *, windowed: bool) -> None:
    if windowed:
        window.resize(1280, 900)
        window.show()
    else:
        # With no window manager, showFullScreen() does not resize: set the geometry first.
        screen = window.screen() or QApplication.primaryScreen()
        window.setGeometry(screen.geometry())
        window.showFullScreen()
    window.activateWindow()
    # Named in full: windowState() may not show the full screen yet on every platform, and
    # OR-ing into it would then drop it.
    full = Qt.WindowState.WindowNoState if windowed else Qt.WindowState.WindowFullScreen
    window.setWindowState(full | Qt.WindowState.WindowActive)


def stop_timers(window: QWidget) -> None:
    """Called when a station's window closes: a closed window must not go on working unseen
    (reporting contact, retrying prints, exporting), nor keep a test's event loop busy."""
    for timer in window.findChildren(QTimer):
        timer.stop()
