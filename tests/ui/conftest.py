"""Every widget test ends with no worker thread and no running timer left behind."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from tests.ui.qt_leaks import running_timers


@pytest.fixture(autouse=True)
def _no_leftover_threads() -> Iterator[None]:
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(5000), "a worker was still running when the test ended"


@pytest.fixture(autouse=True)
def _no_running_timers(qtbot: object) -> Iterator[None]:
    # Asks for qtbot so that this runs after qtbot has closed the test's widgets: a closed
    # window that keeps ticking would keep working (and touching the database) unseen.
    yield
    leaked = running_timers()
    for timer in leaked.values():
        timer.stop()  # so that the next test is not blamed for this one
    if leaked:
        pytest.fail(f"timers still running after the test: {', '.join(sorted(leaked))}")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """The screens run on the embedded database; the domain tests cover PostgreSQL."""
    return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"


@pytest.fixture
def kiosk_look(qapp):
    """The kiosk's font and stylesheet, as ui.app.build_application sets them: what fits on a
    screen depends on them. The tests' application gets its own back afterwards."""
    from ui.fonts import base_font, load_shipped_fonts
    from ui.theme import stylesheet

    font, sheet = qapp.font(), qapp.styleSheet()
    qapp.setFont(base_font(load_shipped_fonts()))
    qapp.setStyleSheet(stylesheet())
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
