from dataclasses import replace

import pytest

from kiosk.cli.main import main
from kiosk.config import Settings
from ui.station_window import StationWindow, start_station


def _start(qtbot, settings: Settings, station: str) -> StationWindow:
    window = start_station(settings, station, windowed=True)
    qtbot.addWidget(window)
    return window


def _services_shown(window: StationWindow) -> list[str]:
    tree = window.screen_widget.services
    return [
        tree.topLevelItem(i).child(j).text(0)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]


@pytest.fixture
def demo_url(db_url, capsys):
    assert main(["demo", "--no-gui", "--db", db_url]) == 0
    capsys.readouterr()
    return db_url


def test_kiosk_window_shows_office_and_services_in_vietnamese(qtbot, demo_url):
    window = _start(qtbot, Settings(database_url=demo_url, language="vi"), "kiosk")
    screen = window.screen_widget
    assert screen.title.text() == "Đánh giá mức độ hài lòng"
    qtbot.waitUntil(lambda: screen.services.topLevelItemCount() > 0, timeout=10000)
    assert screen.office_name.text() == "Trung tâm Phục vụ hành chính công xã Tân Phú"
    shown = _services_shown(window)
    assert len(shown) >= 20
    assert "Xác nhận tình trạng hôn nhân" in shown
    assert window.windowTitle() == "Đánh giá mức độ hài lòng"


def test_each_station_has_its_own_title_and_english_on_request(qtbot, demo_url):
    settings = Settings(database_url=demo_url, language="en")
    clerk = _start(qtbot, settings, "clerk")
    manager = _start(qtbot, replace(settings, language="vi"), "manager")
    assert clerk.screen_widget.title.text() == "Reception and results"
    assert manager.screen_widget.title.text() == "Theo dõi và báo cáo"
    qtbot.waitUntil(lambda: clerk.screen_widget.services.topLevelItemCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: manager.screen_widget.services.topLevelItemCount() > 0, timeout=10000)
    assert "Confirmation of marital status" in _services_shown(clerk)


def test_empty_database_gets_a_clear_message_not_a_crash(qtbot, db_url):
    window = _start(qtbot, Settings(database_url=db_url, language="vi"), "kiosk")
    status = window.screen_widget.status
    qtbot.waitUntil(lambda: "Chưa thiết lập đơn vị" in status.text(), timeout=10000)
    assert window.screen_widget.services.topLevelItemCount() == 0


def test_clerk_station_shows_no_individual_rating(qtbot, demo_url):
    from PySide6.QtWidgets import QLabel, QTreeWidget

    from kiosk.services import demo_catalog

    window = _start(qtbot, Settings(database_url=demo_url, language="vi"), "clerk")
    qtbot.waitUntil(lambda: window.screen_widget.services.topLevelItemCount() > 0, timeout=10000)
    shown = [label.text() for label in window.findChildren(QLabel)]
    for tree in window.findChildren(QTreeWidget):
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            shown += [item.child(j).text(0) for j in range(item.childCount())]
    comments = demo_catalog.HAPPY_COMMENTS + demo_catalog.UNHAPPY_COMMENTS
    assert not [text for text in shown if any(c in text for c in comments)]
    assert not [text for text in shown if "hài lòng" in text.lower()]
