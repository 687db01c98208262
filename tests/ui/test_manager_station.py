"""The manager's station: manager PIN, today's tiles beside their targets, charts and the
clerks' indicators for a chosen period, alerts, comments followed up, exports with progress
(the save dialog itself: test_manager_export.py)."""

from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from kiosk.answers import RatingInput, Satisfaction
from kiosk.services.dossiers import DossierService
from kiosk.services.ratings import RatingService
from kiosk.services.stations import StationService
from tests.ui.export_dialogs import name_field, open_dialog, save
from tests.ui.manager_windows import shown_manager_window


@pytest.fixture
def window(qtbot, database, manager, clock, tmp_path):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock)
    # Friday 20/11: two dossiers of clerk 1 returned on time and rated very satisfied.
    for minute in (0, 10):
        received = datetime(2026, 11, 20, 8, minute)
        with clock.at(received):
            code = dossiers.register("HT-KS", clerk_id=1).code
        with clock.at(received + timedelta(hours=1)):
            dossiers.return_result(code, clerk_id=1)
        clock.now = received + timedelta(hours=1, minutes=5)
        ratings.record(
            RatingInput(Satisfaction.VERY_SATISFIED, service_code="HT-KS", dossier_code=code)
        )
    # Today, Monday 23/11 from 9:31: four walk-in ratings, two unhappy.
    clock.now = datetime(2026, 11, 23, 9, 30)
    for satisfaction, comment, reasons in (
        (Satisfaction.DISSATISFIED, "Chờ quá lâu", ("slow",)),
        (Satisfaction.DISSATISFIED, None, ()),
        (Satisfaction.SATISFIED, None, ()),
        (Satisfaction.VERY_SATISFIED, "Cán bộ tận tình", ()),
    ):
        clock.now += timedelta(minutes=1)
        ratings.record(
            RatingInput(satisfaction, service_code="HT-KS", comment=comment, reasons=reasons)
        )
    win = shown_manager_window(qtbot, database, clock, tmp_path, size=(1600, 1000))
    return win


def signed_in(qtbot, window):
    with qtbot.waitSignal(window.refreshed), qtbot.waitSignal(window.period_shown):
        window.sign_in(0, "9999")
    return window.desk


def cell_texts(table):
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def tiles(desk):
    return {tile.name.text(): (tile.value.text(), tile.note.text()) for tile in desk.glance.tiles}


def test_only_a_manager_signs_in(qtbot, window):
    window.sign_in(1, "1234")  # a counter clerk
    assert "chỉ dành cho lãnh đạo" in window.sign_in_screen.message.text()
    signed_in(qtbot, window)
    assert window.stack.currentWidget() is window.desk


def test_today_shows_each_figure_beside_its_target_and_the_alerts(qtbot, window):
    desk = signed_in(qtbot, window)
    figures = tiles(desk)
    assert figures["Lượt đánh giá hôm nay"][0] == "4"
    value, note = figures["Tỷ lệ hài lòng"]
    assert value == "50\u00a0%" and "▼ dưới chỉ tiêu 80 %" in note  # said in words, not colour
    assert desk.glance.tiles[6].value.objectName() == "tileValueBelow"
    assert "không hài lòng" in desk.alerts.text()  # 2 of the last 4 in 15 minutes
    assert desk.alerts.isVisible()


def test_a_kiosk_gone_quiet_shows_in_the_banner(qtbot, window, database, clock):
    StationService(
        database.factory, station="kiosk-sanh", clock=lambda: datetime(2026, 11, 23, 8, 0)
    ).report_contact("kiosk")
    desk = signed_in(qtbot, window)
    assert "kiosk-sanh" in desk.alerts.text() and "08:00" in desk.alerts.text()


def test_charts_and_clerks_follow_the_chosen_period(qtbot, window):
    desk = signed_in(qtbot, window)
    with qtbot.waitSignal(window.period_shown):
        desk.choose_preset("7")  # 17/11 – 23/11
    assert desk.period == (date(2026, 11, 17), date(2026, 11, 23))
    by_day = desk.charts.by_day
    points = [mark.value for mark in by_day.marks()]
    assert points == [100.0, 50.0]  # Friday: 2 of 2; Monday: 2 of 4; nobody rated on other days
    assert "17/11/2026" in by_day.title
    [by_service] = desk.charts.by_service.drawings()
    assert by_service.labels[0][0] == "66,7\u00a0%"
    assert by_service.name_lines == ["Đăng ký khai sinh (n=6)"]  # each bar says what it rests on
    people = cell_texts(desk.people.table)
    assert people[0][0] == "Toàn đơn vị"
    [clerk] = [row for row in people if row[0].startswith("Nguyễn Thị Hương")]
    assert clerk[1:4] == ["2", "2", "1 (n=2)"]  # two due, both on time
    assert clerk[-1] == "Chưa xếp loại: mới có 2/10 lượt đánh giá"  # nobody is judged on two
    with qtbot.waitSignal(window.period_shown):
        desk.set_period(date(2026, 11, 23), date(2026, 11, 23))
    assert [mark.value for mark in desk.charts.by_day.marks()] == [50.0]


def test_comments_filter_and_follow_up_with_a_note(qtbot, window):
    desk = signed_in(qtbot, window)
    comments = desk.comments
    assert [row[3] for row in cell_texts(comments.table)] == [
        "Cán bộ tận tình",
        "Giải quyết chậm — Chờ quá lâu",  # the ticked reason, then the citizen's words
    ]
    comments.search.setText("cho lau")  # typed without diacritics
    assert [comments.table.isRowHidden(r) for r in range(2)] == [True, False]
    comments.table.selectRow(1)
    comments.note.setText("Đã gọi điện xin lỗi")
    with qtbot.waitSignal(window.refreshed):
        comments.follow_up_button.click()
    assert "Đã gọi điện xin lỗi" in cell_texts(comments.table)[1][4]
    with qtbot.waitSignal(window.refreshed):
        comments.which.setCurrentIndex(1)  # not yet followed up
    assert [row[3] for row in cell_texts(comments.table)] == ["Cán bộ tận tình"]
    with qtbot.waitSignal(window.refreshed):
        comments.which.setCurrentIndex(0)
    comments.search.clear()
    comments.table.selectRow(1)
    comments.follow_up_button.click()  # a second mark is refused, in words
    assert "đã được đánh dấu" in desk.message.text()


def test_exports_of_the_chosen_period_run_off_screen(qtbot, window, tmp_path):
    desk = signed_in(qtbot, window)
    with qtbot.waitSignal(window.period_shown):
        desk.choose_preset("7")
    dialog = open_dialog(qtbot, window, "pdf")
    with qtbot.waitSignal(window.exported) as pdf:
        qtbot.keyClick(name_field(dialog), Qt.Key.Key_Return)  # the name offered
        assert not desk.export_buttons["xlsx"].isEnabled()  # one export at a time
    assert pdf.args[0][0] == tmp_path / "exports" / "Bao-cao-17-11-2026_23-11-2026.pdf"
    assert pdf.args[0][0].read_bytes().startswith(b"%PDF")
    assert desk.export_buttons["xlsx"].isEnabled() and not desk.progress.isVisible()
    book = load_workbook(save(qtbot, window, "xlsx")[0])
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Lượt đánh giá"] == 6
    # summary, services, clerks, register, chain heads, corrected times, cases, Decision 766
    assert len(save(qtbot, window, "csv")) == 8
    assert "Bao-cao-17-11-2026_23-11-2026" in desk.message.text()


def test_end_of_day_export_writes_the_days_files_once_without_a_click(
    qtbot, window, clock, tmp_path
):
    folder = tmp_path / "exports"
    clock.now = clock.now.replace(hour=17, minute=0)
    assert window.run_scheduled_export() is False  # not yet 17:30
    clock.now = clock.now.replace(hour=17, minute=31)
    with qtbot.waitSignal(window.exported) as exported:
        assert window.run_scheduled_export() is True
    names = sorted(p.name for p in exported.args[0])
    assert "bao-cao-2026-11-23.pdf" in names and "bao-cao-2026-11-23.xlsx" in names
    assert (folder / "bao-cao-2026-11-23.pdf").read_bytes().startswith(b"%PDF")
    assert window.run_scheduled_export() is False  # once a day
