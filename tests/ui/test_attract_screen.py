"""The start screen: the office's emblem, and this month's public results from the backend."""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.config import Settings
from kiosk.i18n import Translator
from kiosk.reports.public_results import month_results
from kiosk.services.demo import seed_demo
from kiosk.services.kiosk_backend import KioskBackend
from kiosk.services.public_results import MonthResults
from ui.kiosk_window import KioskWindow
from ui.screens.attract_screen import AttractScreen
from ui.widgets.emblem import default_emblem_path

WAIT = 10000


@pytest.fixture
def demo_kiosk(qtbot, database, db_url, clock):
    """The kiosk on the demo office, at the tests' office time, with the results wired."""

    def open_with(**overrides):
        seed_demo(database.factory, clock.now)
        settings = Settings(database_url=db_url, virtual_keyboard=False, **overrides)
        window = KioskWindow(settings, clock=clock)
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        backend = KioskBackend(
            database.factory, station="kiosk-test", clock=clock, month_results=month_results
        )
        window.attach_backend(backend, backend.start())
        return window, backend

    return open_with


def test_the_start_screen_shows_this_months_results_from_the_backend(qtbot, demo_kiosk):
    window, backend = demo_kiosk()
    panel = window.attract.results
    qtbot.waitUntil(panel.isVisible, timeout=WAIT)
    expected = backend.public_results()
    assert expected is not None and expected.satisfaction_rate is not None
    figure = f"{expected.satisfaction_rate:f}".rstrip("0").rstrip(".").replace(".", ",")
    assert panel.satisfaction.value.text() == f"{figure}\u00a0%"
    assert panel.satisfaction.name.text() == "Người dân hài lòng"
    assert "mục tiêu 80\u00a0%" in panel.satisfaction.target.text()
    assert panel.on_time.isVisible() and panel.early.isVisible()
    assert f"{expected.ratings} lượt đánh giá" in panel.caption.text()
    assert "11/2026" in panel.caption.text()
    assert not panel.notes.isVisible()


def test_the_emblem_falls_back_to_the_shipped_one_when_the_file_is_missing(demo_kiosk, tmp_path):
    window, _backend = demo_kiosk(emblem_path=str(tmp_path / "no-such-emblem.png"))
    assert window.attract.emblem.source == default_emblem_path()


def test_an_unreadable_emblem_falls_back_and_a_good_one_is_shown(qtbot, tmp_path):
    screen = AttractScreen()
    qtbot.addWidget(screen)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image at all")
    screen.show_emblem(str(broken))
    assert screen.emblem.source == default_emblem_path()
    logo = tmp_path / "logo.png"
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#0b3d91"))
    assert image.save(str(logo))
    screen.show_emblem(str(logo))
    assert screen.emblem.source == logo


def few(ratings: int, due: int) -> MonthResults:
    return MonthResults(
        month=date(2026, 11, 1),
        ratings=ratings,
        satisfaction_rate=Decimal("50.0") if ratings else None,
        due=due,
        on_time_rate=Decimal("100.0") if due else None,
        early_rate=Decimal("0.0") if due else None,
        target_satisfaction=Decimal(80),
        target_on_time=Decimal(100),
        target_early=Decimal(30),
    )


def test_below_the_floor_the_screen_says_when_results_will_show(qtbot):
    screen = AttractScreen()
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    screen.set_results(few(ratings=12, due=40), Translator("vi"))
    panel = screen.results
    assert not panel.satisfaction.isVisible()
    assert "Kết quả tháng này sẽ hiển thị khi có từ 30 lượt đánh giá." in panel.notes.text()
    assert panel.on_time.isVisible() and panel.on_time.value.text() == "100\u00a0%"
    assert "✓ đạt mục tiêu 100\u00a0%" == panel.on_time.target.text()
    assert panel.early.target.text() == "▼ chưa đạt mục tiêu 30\u00a0%"
    screen.set_results(few(ratings=45, due=3), Translator("vi"))
    assert panel.satisfaction.isVisible() and not panel.on_time.isVisible()
    assert "30 hồ sơ" in panel.notes.text()
    assert "lượt đánh giá." not in panel.notes.text()
