"""The kiosk nobody can leave: close, Alt+F4, leaving full screen and context menus are refused;
five quick taps in the top-left corner and a manager's PIN let staff out (audited); one instance
per station."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.db.models import AuditEvent
from ui.app import run_station, start_kiosk, station_lock
from ui.lockdown import Lockdown

WAIT = 10000
TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


@pytest.fixture
def kiosk(qtbot, database, manager):
    settings = Settings(
        database_url=database.url, language="vi", virtual_keyboard=False, station_name="kiosk-sanh"
    )
    from tests.kiosk.signing import machine_keys

    machine_keys()
    window = start_kiosk(settings, windowed=False)  # full screen, locked
    qtbot.addWidget(window)
    qtbot.waitUntil(window.attract.start_button.isEnabled, timeout=WAIT)
    yield window
    if window.lockdown and not window.lockdown.unlocked:
        window.lockdown.unlock()
        window.close()  # qtbot's own close was refused while the kiosk was locked


def tap_corner(qtbot, window, times):
    for _ in range(times):
        qtbot.mouseClick(window.exit_corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def test_a_locked_window_returns_to_full_screen(qtbot):
    # A small window: the test platform's screen is 800 x 600, smaller than the kiosk's layout.
    window = QMainWindow()
    qtbot.addWidget(window)
    lock = Lockdown(window)
    window.showFullScreen()
    qtbot.waitUntil(window.isFullScreen, timeout=WAIT)
    window.showNormal()  # what a window manager's shortcut or a swipe would ask
    qtbot.waitUntil(window.isFullScreen, timeout=WAIT)
    lock.unlock()


def test_the_kiosk_refuses_to_close(qtbot, kiosk):
    assert kiosk.close() is False and kiosk.isVisible()  # Alt+F4 arrives as a close request
    assert kiosk.ticker.isActive()  # a refused close leaves the kiosk counting down
    qtbot.keyClick(kiosk, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    qtbot.keyClick(kiosk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert kiosk.isVisible()
    # Text fields are the widgets with a menu of their own (cut, paste, select all…).
    fields = [w for w in kiosk.findChildren(QWidget) if isinstance(w, TEXT_FIELDS)]
    assert fields  # the search box and the comment box at least
    assert {w.contextMenuPolicy() for w in fields} == {Qt.ContextMenuPolicy.NoContextMenu}


def test_four_taps_or_slow_taps_in_the_corner_do_nothing(qtbot, kiosk, monkeypatch):
    tap_corner(qtbot, kiosk, 4)
    assert not hasattr(kiosk, "staff_exit_dialog")
    import ui.lockdown

    now = [1000.0]
    monkeypatch.setattr(ui.lockdown.time, "monotonic", lambda: now[0])
    for _ in range(5):
        now[0] += 1.0  # one tap a second: five taps take four seconds
        tap_corner(qtbot, kiosk, 1)
    assert not hasattr(kiosk, "staff_exit_dialog")


def test_five_quick_taps_and_a_managers_pin_let_staff_out(qtbot, kiosk, database):
    tap_corner(qtbot, kiosk, 5)
    dialog = kiosk.staff_exit_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    dialog.sign_in.sign_in_requested.emit(1, "1234")  # a counter clerk
    assert "lãnh đạo" in dialog.sign_in.message.text() and kiosk.isVisible()
    dialog.sign_in.sign_in_requested.emit(0, "0000")  # a wrong PIN
    assert "PIN" in dialog.sign_in.message.text() and kiosk.isVisible()
    dialog.sign_in.sign_in_requested.emit(0, "9999")
    qtbot.waitUntil(lambda: not kiosk.isVisible(), timeout=WAIT)
    with database.factory() as session:
        exits = session.scalars(select(AuditEvent).where(AuditEvent.action == "kiosk.exit")).all()
    assert [e.subject for e in exits] == ["station:kiosk-sanh"]


def test_a_second_start_of_a_station_says_so_and_stops(capsys):
    settings = Settings(station_name="kiosk-sanh", language="vi")
    first = station_lock(settings)
    assert first is not None
    try:
        assert run_station(settings, station="kiosk", windowed=True) == 4
        assert "kiosk-sanh đang chạy" in capsys.readouterr().err
    finally:
        first.unlock()
    again = station_lock(settings)
    assert again is not None
    again.unlock()


def test_the_three_stations_start_side_by_side_and_apart_from_other_data(tmp_path, monkeypatch):
    from kiosk.config import named_for
    from kiosk.paths import user_data_dir
    from ui.app import station_lock_path

    unnamed = Settings(language="vi")
    named = [named_for(unnamed, kind) for kind in ("kiosk", "clerk", "manager")]
    assert [s.station_name for s in named] == ["kiosk-1", "clerk-1", "manager-1"]
    locks = [station_lock(s) for s in named]
    assert all(lock is not None for lock in locks)  # one PC, three stations
    assert Path(station_lock_path(named[0])).parent == user_data_dir()
    # The same station name over another data directory (another user, a test run) is free.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    other = station_lock(named[0])
    assert other is not None
    for lock in [*locks, other]:
        lock.unlock()


def test_a_running_station_pings_the_systemd_watchdog(qtbot, tmp_path, monkeypatch):
    import socket

    from ui.app import keep_systemd_informed

    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(address)
        listener.setblocking(False)
        monkeypatch.setenv("NOTIFY_SOCKET", address)
        monkeypatch.setenv("WATCHDOG_USEC", "2000000")  # pings every second
        window = QMainWindow()
        qtbot.addWidget(window)
        timer = keep_systemd_informed(window)
        assert timer is not None and timer.interval() == 1000
        heard = []

        def pinged():
            try:
                heard.append(listener.recv(64))
            except BlockingIOError:
                pass
            assert b"WATCHDOG=1" in heard

        qtbot.waitUntil(pinged, timeout=3000)
        assert heard[0] == b"READY=1"
        timer.stop()  # a bare window: nothing else stops the station's watchdog


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT"])
def test_systemd_or_the_terminal_can_still_stop_a_locked_kiosk(db_url, office, tmp_path, stop):
    """The locked kiosk refuses to close, but SIGTERM (systemctl stop) and SIGINT (Ctrl+C at its
    terminal) end it cleanly, through the event loop, rather than killing it mid-write."""
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATABASE_URL": db_url}
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "ui.main", "run", "--station", "kiosk"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(4)  # on screen, locked, ticking
    assert kiosk.poll() is None
    number = getattr(signal, stop)
    kiosk.send_signal(number)
    assert kiosk.wait(timeout=10) == 128 + number  # its own exit code, not killed (-number)
