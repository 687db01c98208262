"""The manager's station: manager PIN, today's figures, alerts, comments followed up, exports."""

from datetime import timedelta

import pytest
from openpyxl import load_workbook

from kiosk.answers import RatingInput, Satisfaction
from kiosk.config import Settings
from kiosk.db.models import ClerkRole
from kiosk.services.clerks import add_clerk
from kiosk.services.offices import find_office
from kiosk.services.ratings import RatingService
from ui.manager_window import ManagerWindow


@pytest.fixture
def window(qtbot, database, office, clock, tmp_path):
    with database.factory.begin() as session:
        add_clerk(
            session,
            find_office(session),
            display_name="Võ Minh Tuấn",
            counter=0,
            role=ClerkRole.MANAGER,
            pin="9999",
            at=clock.now,
            station="test",
        )
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock)
    for satisfaction, comment in (
        (Satisfaction.DISSATISFIED, "Chờ quá lâu"),
        (Satisfaction.DISSATISFIED, None),
        (Satisfaction.SATISFIED, None),
        (Satisfaction.VERY_SATISFIED, "Cán bộ tận tình"),
    ):
        clock.now += timedelta(minutes=1)
        ratings.record(RatingInput(satisfaction, service_code="HT-KS", comment=comment))
    win = ManagerWindow(
        Settings(database_url=database.url, station_name="manager"),
        factory=database.factory,
        export_folder=tmp_path / "exports",
        clock=clock,
    )
    qtbot.addWidget(win)
    win.show()
    return win


def cell_texts(table):
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_only_a_manager_signs_in(window):
    window.sign_in(1, "1234")  # a counter clerk
    assert "chỉ dành cho lãnh đạo" in window.sign_in_screen.message.text()
    window.sign_in(0, "9999")
    assert window.stack.currentWidget() is window.today


def test_day_at_a_glance_with_alerts_and_comments_followed_up(window):
    window.sign_in(0, "9999")
    figures = {row[0]: row[1:] for row in cell_texts(window.today.figures)}
    assert figures["Lượt đánh giá"][0] == "4"
    assert figures["Tỷ lệ hài lòng (%)"][:2] == ["50.0", "80"]
    assert "không hài lòng" in window.today.alerts.text()  # 2 of the last 4 in 15 minutes
    comments = cell_texts(window.today.comments)
    assert [row[3] for row in comments] == ["Cán bộ tận tình", "Chờ quá lâu"]
    window.today.comments.selectRow(1)
    window.today.follow_up_button.click()
    assert "đã xử lý" in cell_texts(window.today.comments)[1][3]
    window.today.follow_up_button.click()  # a second mark is refused, in words
    assert "đã được đánh dấu" in window.today.message.text()


def test_exports_write_the_days_files(qtbot, window, tmp_path):
    window.sign_in(0, "9999")
    with qtbot.waitSignal(window.exported) as pdf:
        window.today.export_buttons["pdf"].click()
    assert pdf.args[0][0].read_bytes().startswith(b"%PDF")
    with qtbot.waitSignal(window.exported) as xlsx:
        window.today.export_buttons["xlsx"].click()
    book = load_workbook(xlsx.args[0][0])
    assert book.sheetnames[0] == "Tổng hợp"
    with qtbot.waitSignal(window.exported) as csv_files:
        window.today.export_buttons["csv"].click()
    assert len(csv_files.args[0]) == 4


def test_end_of_day_export_writes_the_days_files_once_without_a_click(window, clock, tmp_path):
    folder = tmp_path / "exports"
    clock.now = clock.now.replace(hour=17, minute=0)
    assert window.run_scheduled_export() == []  # not yet 17:30
    clock.now = clock.now.replace(hour=17, minute=31)
    written = window.run_scheduled_export()
    names = sorted(p.name for p in written)
    assert "bao-cao-2026-11-23.pdf" in names and "bao-cao-2026-11-23.xlsx" in names
    assert (folder / "bao-cao-2026-11-23.pdf").read_bytes().startswith(b"%PDF")
    assert window.run_scheduled_export() == []  # once a day
