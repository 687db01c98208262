"""Every widget test ends with no worker thread left behind."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool


@pytest.fixture(autouse=True)
def _no_leftover_threads() -> Iterator[None]:
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(5000), "a worker was still running when the test ended"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """The screens run on the embedded database; the domain tests cover PostgreSQL."""
    return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
