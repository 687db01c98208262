"""Guards against a Qt binding that corrupts reference counts (PySide6 6.12.0 did, with True)."""

import sys

from PySide6.QtCore import QObject, Signal

from ui.widgets.touch_button import TouchButton


class _Relay(QObject):
    happened = Signal(object)


def test_values_sent_through_signals_keep_their_reference_counts(qtbot):
    relay = _Relay()
    received = []
    relay.happened.connect(received.append)
    for value in (True, False, None, 2):
        before = sys.getrefcount(value)
        for _ in range(200):
            relay.happened.emit(value)
        received.clear()
        # A leak or a loss of one reference per emit shows as a drift of ~200; other code
        # may take or drop a stray reference to None meanwhile.
        assert abs(sys.getrefcount(value) - before) < 20, value


def test_tapping_a_checkable_button_keeps_reference_counts(qtbot):
    button = TouchButton("chip", checkable=True)
    qtbot.addWidget(button)
    taps = []
    button.clicked.connect(lambda checked: taps.append(checked))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        button.click()
    taps.clear()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert abs(after[0] - before[0]) < 20 and abs(after[1] - before[1]) < 20
