"""The manager's Today tab below its figures (due next working day, today's unhappy ratings,
kiosks' last contact) and the Clerks and unit tab (named indicator columns; no classification
on fewer than 10 ratings, for the unit as for a clerk, with the reason in words)."""

from datetime import date, datetime, timedelta

import pytest

from kiosk.answers import RatingInput, Satisfaction
from kiosk.i18n import Translator
from kiosk.reports.trends import period_trends
from kiosk.services.dossiers import DossierService
from kiosk.services.ratings import RatingService
from tests.kiosk.test_today_lists import today  # noqa: F401 - the day's hand-built data
from tests.ui.manager_windows import shown_manager_window
from ui.screens.manager_people_tab import ManagerPeopleTab


def texts(table):
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def headers(table):
    """As read: the no-break space that keeps "1." with its word reads as a space."""
    return [
        table.horizontalHeaderItem(c).text().replace("\u00a0", " ")
        for c in range(table.columnCount())
    ]


def fits_sideways(table):
    widths = sum(table.columnWidth(c) for c in range(table.columnCount()))
    return widths <= table.viewport().width()


@pytest.fixture
def desk(qtbot, database, manager, clock, today, tmp_path):  # noqa: F811
    window = shown_manager_window(qtbot, database, clock, tmp_path)
    with qtbot.waitSignal(window.refreshed), qtbot.waitSignal(window.period_shown):
        window.sign_in(0, "9999")
    return window.desk


def test_today_lists_the_dossiers_due_next_the_unhappy_ratings_and_the_kiosks(desk, today):  # noqa: F811
    _, due_next = today
    tab = desk.glance
    assert tab.due_next.title.text().startswith("Đến hạn thứ Tư 25/11, chưa trả kết quả (1)")
    assert texts(tab.due_next.table) == [
        [due_next, "Xác nhận tình trạng hôn nhân", "Trần Văn Đức", "17:00 25/11"]
    ]
    unhappy = texts(tab.unhappy.table)
    # Friday's unhappy rating is not today's; the satisfied one is not unhappy.
    assert [row[0] for row in unhappy] == ["09:20", "09:10"]
    words = "Giải quyết chậm; Cán bộ thiếu lịch sự — Chờ hai tiếng"  # reasons, then the comment
    assert unhappy[1][3:] == ["Không hài lòng", words]
    assert tab.unhappy.table.item(1, 4).toolTip() == words  # the whole text on hover
    assert not tab.unhappy.table.item(0, 3).icon().isNull()  # an icon beside the words
    kiosks = {row[0]: row for row in texts(tab.kiosks.table)}
    assert kiosks["kiosk-sanh"][1:] == [
        "08:00",
        "Mất liên lạc quá 10 phút trong giờ làm việc",
    ]
    assert kiosks["kiosk-1"][2].startswith("✓")
    for listing in (tab.due_next, tab.unhappy, tab.kiosks):
        assert fits_sideways(listing.table)
    # The lists scroll, and the tab with them, rather than push the desk past a 768 px screen.
    assert desk.window().minimumSizeHint().height() <= 768


def test_a_day_with_nothing_to_list_says_so(qtbot, database, manager, clock, tmp_path):
    from kiosk.reports.glance import day_glance
    from ui.screens.manager_glance_tab import ManagerGlanceTab

    tab = ManagerGlanceTab()
    qtbot.addWidget(tab)
    with database.factory() as session:
        tab.show_glance(day_glance(session, None, clock.now), Translator("vi"))
    assert tab.unhappy.empty.text() == "Hôm nay chưa có đánh giá không hài lòng nào."
    assert tab.kiosks.table.rowCount() == 0 and not tab.kiosks.empty.isHidden()


def rate_clerk_one(database, clock, count, day):
    """`count` dossiers of clerk 1 returned on time, each rated very satisfied with no other
    agency contacted and no complaint: 1 + 2 + 2 + 1 = 6 points, "completes duties"."""
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock)
    for number in range(count):
        received = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=number)
        with clock.at(received):
            code = dossiers.register("HT-KS", clerk_id=1).code
        with clock.at(received + timedelta(hours=1)):
            dossiers.return_result(code, clerk_id=1)
        with clock.at(received + timedelta(hours=1, minutes=1)):
            ratings.record(
                RatingInput(
                    Satisfaction.VERY_SATISFIED,
                    dossier_code=code,
                    agencies_score=2,
                    conduct_complaint=False,
                )
            )


def people_tab(qtbot, database, clock, day, language="vi"):
    tab = ManagerPeopleTab()
    qtbot.addWidget(tab)
    tab.resize(1340, 500)
    tab.show()
    with database.factory() as session:
        trends = period_trends(session, None, day, day, clock.now.date(), language)
    tab.show_people(trends, Translator(language))
    return tab


def test_every_column_is_named_and_the_indicators_in_full_on_hover(qtbot, database, office, clock):
    tab = people_tab(qtbot, database, clock, date(2026, 11, 20))
    names = headers(tab.table)
    assert names[0] == "Công chức / đơn vị"
    assert names[3:7] == [
        "1. Tiến độ giải quyết",
        "3. Số lần phải liên hệ",
        "4. Số cơ quan phải liên hệ",
        "7. Thái độ công chức",
    ]
    assert tab.table.horizontalHeaderItem(6).toolTip().startswith("Chỉ số 7 (Thông tư 01/2018)")
    assert fits_sideways(tab.table)


def test_a_unit_with_fewer_than_ten_ratings_is_not_classified_and_says_why(
    qtbot, database, office, clock
):
    friday = date(2026, 11, 20)
    rate_clerk_one(database, clock, 4, friday)
    tab = people_tab(qtbot, database, clock, friday)
    rows = texts(tab.table)
    assert rows[0][0] == "Toàn đơn vị" and rows[0][2] == "4"
    assert rows[0][-1] == "Chưa xếp loại: mới có 4/10 lượt đánh giá"
    assert rows[1][-1] == "Chưa xếp loại: mới có 4/10 lượt đánh giá"


def test_a_clerk_with_ten_ratings_is_classified_as_before(qtbot, database, office, clock):
    friday = date(2026, 11, 20)
    rate_clerk_one(database, clock, 10, friday)
    tab = people_tab(qtbot, database, clock, friday)
    rows = texts(tab.table)
    [clerk] = [row for row in rows if row[0].startswith("Nguyễn Thị Hương")]
    assert clerk[2:] == [
        "10",
        "1 (n=10)",
        "2 (n=10)",
        "2 (n=10)",
        "1 (n=10)",
        "6",
        "hoàn thành nhiệm vụ",
    ]
    assert rows[0][-1] != "" and not rows[0][-1].startswith("Chưa xếp loại")  # the unit too


def test_means_are_written_as_english_writes_them(qtbot, database, office, clock):
    friday = date(2026, 11, 20)
    rate_clerk_one(database, clock, 3, friday)
    tab = people_tab(qtbot, database, clock, friday, "en")
    assert headers(tab.table)[3] == "1. Processing time"
    assert texts(tab.table)[0][-1] == "Not classified: only 3/10 ratings"


def test_a_silent_kiosk_is_marked_by_an_icon_and_words(desk):
    table = desk.glance.kiosks.table
    [row] = [r for r in range(table.rowCount()) if table.item(r, 0).text() == "kiosk-sanh"]
    state = table.item(row, 2)
    assert state.font().bold() and not state.icon().isNull()  # never by colour alone
