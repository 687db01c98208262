"""A clear word, instead of Qt's abort, when a station is started with no screen to show it on."""

from __future__ import annotations

import os
import sys

from kiosk.errors import KioskError
from kiosk.i18n import N_


def require_display() -> None:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise KioskError(
            N_(
                "There is no screen to show the kiosk on (DISPLAY is not set). "
                "Start it from the desktop, or use --no-gui to only prepare the data."
            )
        )
