"""The guards every widget test runs under (conftest.py) catch what they are meant to catch."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tests.ui.qt_leaks import running_timers


class LeakyPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.ticking = QTimer(self, interval=1000)
        self.ticking.start()
        self.stopped = QTimer(self, interval=2000)


def test_a_running_timer_on_a_live_window_is_reported_and_a_stopped_one_is_not(qtbot):
    panel = LeakyPanel()
    qtbot.addWidget(panel)
    running = running_timers()
    assert "LeakyPanel.ticking (every 1000 ms)" in running
    assert not any(name.startswith("LeakyPanel.stopped") for name in running)
    panel.ticking.stop()
    assert not any(name.startswith("LeakyPanel.") for name in running_timers())


def test_a_timer_deep_inside_a_window_is_found(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    panel = LeakyPanel()
    QVBoxLayout(window).addWidget(panel)  # the panel is now the window's child
    assert panel.parent() is window
    assert "LeakyPanel.ticking (every 1000 ms)" in running_timers()
    panel.ticking.stop()
