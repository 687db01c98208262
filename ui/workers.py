"""Runs a service call off the UI thread and hands its result back, on the UI thread, by signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Result = TypeVar("Result")

# Relays waiting for their task; kept here so Python does not collect them mid-flight.
_pending: set[_Relay] = set()


class _Relay(QObject):
    """Lives on the UI thread, so the worker's signals reach it as queued calls."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        owner: QObject,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._owner = owner
        self._on_success = on_success
        self._on_failure = on_failure
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        self._finish(self._on_success, result)

    @Slot(object)
    def _deliver_failure(self, error: object) -> None:
        self._finish(self._on_failure, error)

    def _finish(self, callback: Callable[[Any], None], value: object) -> None:
        _pending.discard(self)
        # The screen that asked may have closed while the worker ran.
        if shiboken6.isValid(self._owner):
            callback(value)
        self.deleteLater()


class _Task(QRunnable):
    def __init__(self, call: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._call = call
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._call()
        except Exception as error:  # noqa: BLE001 - every failure goes back to the screen
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


def run_in_background(
    call: Callable[[], Result],
    on_success: Callable[[Result], None],
    on_failure: Callable[[BaseException], None],
    *,
    parent: QObject,
) -> None:
    """Calls `call` on the thread pool; the callbacks run on the UI thread while `parent` lives."""
    relay = _Relay(parent, on_success, on_failure)
    _pending.add(relay)
    QThreadPool.globalInstance().start(_Task(call, relay))
