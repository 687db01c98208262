"""The kiosk stays on screen: closing, leaving full screen and context menus are refused;
staff leave by a hidden gesture — five taps in the top-left corner within three seconds —
followed by a manager's counter and PIN (checked, locked out and audited like a sign-in)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QWindowStateChangeEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import N_, Translator
from ui.screens.sign_in_screen import SignInScreen

TAPS_TO_EXIT = 5
TAP_WINDOW_SECONDS = 3.0
CORNER_PX = 48


class ExitCorner(QWidget):
    """An invisible square in the top-left corner that counts quick taps."""

    exit_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(0, 0, CORNER_PX, CORNER_PX)
        self._taps: list[float] = []

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        now = time.monotonic()
        self._taps = [t for t in self._taps if 0 <= now - t <= TAP_WINDOW_SECONDS] + [now]
        if len(self._taps) >= TAPS_TO_EXIT:
            self._taps.clear()
            self.exit_requested.emit()
        event.accept()


class StaffExitDialog(QDialog):
    """A manager's counter and PIN; `exit_confirmed` once the backend has accepted them."""

    def __init__(self, tr: Translator, parent: QWidget) -> None:
        super().__init__(parent)
        self.sign_in = SignInScreen(tr, N_("Staff only: leave the kiosk"))
        self.cancel = QPushButton(tr("Back to the kiosk"))
        self.cancel.setObjectName("secondary")
        self.cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sign_in)
        layout.addWidget(self.cancel)
        self.setWindowTitle(tr("Staff only: leave the kiosk"))


class Lockdown(QObject):
    """Installed on the kiosk window only (an application-wide filter would cost start-up)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.unlocked = False
        window.installEventFilter(self)
        self.refuse_menus()

    def refuse_menus(self) -> None:
        """No right-click or long-press menu anywhere (call again when screens are added)."""
        for widget in [self.window, *self.window.findChildren(QWidget)]:
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self.unlocked or watched is not self.window:
            return False
        kind = event.type()
        if kind == QEvent.Type.Close:  # Alt+F4, the window manager, a stray close()
            event.ignore()
            return True
        if (
            isinstance(event, QWindowStateChangeEvent)
            and event.oldState() & Qt.WindowState.WindowFullScreen
            and not self.window.isFullScreen()
        ):
            # Not from inside the state change itself: the platform is still applying it.
            QTimer.singleShot(0, self.window.showFullScreen)
        return False

    def unlock(self) -> None:
        self.unlocked = True
        self.window.removeEventFilter(self)
