"""Reports the first painted frame (and when the data arrived) for scripts/bench_startup.py.

Active only when KIOSK_REPORT_FIRST_FRAME is set: prints `first-frame <rss-kB> <cpu-ms>` once the
window has painted, `data-ready <rss-kB> <cpu-ms>` when the station's data is on screen, then
quits. The CPU time (all threads) is steadier than the wall time on a busy machine.
"""

from __future__ import annotations

import io
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

ENV = "KIOSK_REPORT_FIRST_FRAME"


def resident_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_ms() -> int:
    return round(time.process_time() * 1000)


class FirstFrameReporter(QObject):
    def __init__(self, window: QObject) -> None:
        super().__init__(window)
        self._painted = False
        self._frame_reported = False
        self._data_reported = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            # After this paint event has been handled, the frame is on screen.
            QTimer.singleShot(0, self._report_frame)
        return False

    def _report_frame(self) -> None:
        print(f"first-frame {resident_kb()} {cpu_ms()}", flush=True)
        self._frame_reported = True
        self._quit_when_done()

    def data_ready(self) -> None:
        print(f"data-ready {resident_kb()} {cpu_ms()}", flush=True)
        self._data_reported = True
        self._quit_when_done()

    def _quit_when_done(self) -> None:
        if self._frame_reported and self._data_reported:
            # exit(), not quit(): a locked kiosk vetoes the close that quit() asks of its windows.
            QTimer.singleShot(0, lambda: QApplication.exit(0))


def maybe_report(window: QObject) -> FirstFrameReporter | None:
    if not os.environ.get(ENV):
        return None
    if isinstance(sys.stdout, io.TextIOWrapper):  # not when a caller has replaced it
        sys.stdout.reconfigure(line_buffering=True)
    return FirstFrameReporter(window)
