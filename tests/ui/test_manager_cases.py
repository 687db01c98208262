"""The manager's Cases tab driven by clicks: a case assigned, answered, rated on a call-back and
closed, each change in the database once; the assign form never offers the clerk a case is
about; a petition received on paper; the Decision 766 parts as the report computes them."""

from datetime import date, datetime
from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.answers import RatingInput, Satisfaction
from kiosk.db.case_models import AnswerChannel, CaseEvent, CaseSource, CaseState, FeedbackCase
from kiosk.db.models import Rating
from kiosk.reports.decision_766 import office_group_766
from kiosk.services.case_desk import CaseDesk
from kiosk.services.cases import Contact
from kiosk.services.offices import find_office
from kiosk.services.ratings import RatingService
from tests.kiosk.signing import sign_stations
from tests.ui.manager_windows import shown_manager_window

WAIT = 10000
MONDAY = datetime(2026, 11, 23, 9, 30)
HUONG, DUC, MANAGER = 1, 2, 3


@pytest.fixture
def desk_service(database, office, manager, clock):
    clock.now = MONDAY
    return CaseDesk(database.factory, station="test", clock=clock)


@pytest.fixture
def window(qtbot, database, office, manager, clock, tmp_path):
    clock.now = MONDAY
    win = shown_manager_window(qtbot, database, clock, tmp_path, size=(1600, 1000))
    return win


def signed_in(qtbot, window):
    with (
        qtbot.waitSignal(window.refreshed, timeout=WAIT),
        qtbot.waitSignal(window.cases.shown, timeout=WAIT),
        qtbot.waitSignal(window.cases.group_shown, timeout=WAIT),
    ):
        window.sign_in(0, "9999")
    window.desk.tabs.setCurrentWidget(window.desk.cases)
    return window.desk.cases


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pick(qtbot, window, number):
    """One click on the case's row; returns once its detail is shown."""
    tab = window.desk.cases
    row = tab.visible_numbers().index(number)
    rect = tab.table.visualItemRect(tab.table.item(row, 2))
    with qtbot.waitSignal(window.cases.detail_shown, timeout=WAIT):
        qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.shown_case.number == number


def confirm(qtbot, window, dialog):
    """The form's OK: waits until the change is saved and the case shown again."""
    with (
        qtbot.waitSignal(window.cases.changed, timeout=WAIT),
        qtbot.waitSignal(window.cases.detail_shown, timeout=WAIT),
        qtbot.waitSignal(window.cases.shown, timeout=WAIT),
    ):
        click(qtbot, dialog.ok_button)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed once saved


def events(database, number):
    with database.factory() as session:
        case = session.scalar(select(FeedbackCase).where(FeedbackCase.number == number))
        rows = session.scalars(select(CaseEvent.action).where(CaseEvent.case_id == case.id))
        return case.state, case.owner_id, list(rows)


def test_a_case_is_assigned_answered_rated_and_closed_from_the_tab(
    qtbot, window, desk_service, database, clock
):
    sign_stations(database, "manager")  # the call-back rating is signed at this station
    case = desk_service.open(
        MANAGER,
        source=CaseSource.PHONE,
        subject="Thái độ cán bộ tiếp nhận",
        text="Gọi điện phản ánh cán bộ không hướng dẫn",
        contact=Contact("Phạm Thị Lan", "0987654321"),
        about_clerk_id=HUONG,
    )
    tab = signed_in(qtbot, window)
    assert tab.visible_numbers() == [case.number]
    pick(qtbot, window, case.number)
    assert "Phạm Thị Lan" in tab.detail.contact.text()  # the manager's view of one case
    assert "0987654321" in tab.detail.contact.text()

    click(qtbot, tab.action_buttons["assign"])
    assign = tab.dialog
    assert HUONG not in assign.offered_ids() and DUC in assign.offered_ids()
    assign.owner.setCurrentIndex(assign.offered_ids().index(DUC))
    confirm(qtbot, window, assign)
    assert events(database, case.number) == (CaseState.ASSIGNED, DUC, ["open", "assign"])
    assert "Trần Văn Đức" in tab.detail.facts.text()

    click(qtbot, tab.action_buttons["answer"])
    answer = tab.dialog
    answer.answer.setPlainText("Đã gọi điện xin lỗi và hướng dẫn lại")
    answer.channel.setCurrentIndex(answer.channel.findData(AnswerChannel.PHONE))
    confirm(qtbot, window, answer)
    assert events(database, case.number)[0] is CaseState.ANSWERED

    clock.now = datetime(2026, 11, 26, 10, 0)
    click(qtbot, tab.action_buttons["rate"])
    rating = tab.dialog
    click(qtbot, rating.face_buttons[Satisfaction.SATISFIED])
    confirm(qtbot, window, rating)
    assert not tab.action_buttons["rate"].isEnabled()  # one rating per case

    click(qtbot, tab.action_buttons["close"])
    confirm(qtbot, window, tab.dialog)
    state, owner, actions = events(database, case.number)
    assert state is CaseState.CLOSED and owner == DUC
    assert actions == ["open", "assign", "answer", "rate", "call_back", "close"]
    with database.factory() as session:
        ratings = session.scalars(select(Rating).where(Rating.case_id == case.id)).all()
    assert [r.satisfaction for r in ratings] == [Satisfaction.SATISFIED]
    assert ratings[0].signature is not None and ratings[0].station == "manager"
    assert "26/11/2027" in tab.detail.contact.text()  # removed 12 months after closing
    history = tab.detail.history.text()  # in words, never the stored action names
    assert "Trần Văn Đức" in history and "call_back" not in history and "assign" not in history
    assert not any(button.isEnabled() for button in tab.action_buttons.values())


def test_the_assign_form_never_offers_the_clerk_the_case_is_about(qtbot, window, desk_service):
    case = desk_service.open(
        MANAGER, source=CaseSource.IN_PERSON, subject="Chậm trả kết quả", about_clerk_id=DUC
    )
    tab = signed_in(qtbot, window)
    pick(qtbot, window, case.number)
    click(qtbot, tab.action_buttons["assign"])
    offered = tab.dialog.offered_ids()
    assert DUC not in offered and HUONG in offered and MANAGER in offered
    assert "Trần Văn Đức" not in [tab.dialog.owner.itemText(i) for i in range(len(offered))]
    tab.dialog.reject()


def test_a_petition_received_on_paper_is_recorded_once_and_a_refusal_is_told(
    qtbot, window, database
):
    tab = signed_in(qtbot, window)
    click(qtbot, tab.receive_button)
    form = tab.dialog
    form.source.setCurrentIndex(form.source.findData(CaseSource.MAIL))
    form.subject.setText("Đề nghị bố trí thêm ghế chờ")
    form.text.setPlainText("Người cao tuổi phải đứng chờ lâu")
    form.contact_name.setText("Lê Văn Bình")  # a name without a phone: refused in the form
    click(qtbot, form.ok_button)
    assert form.isVisible() and form.problem.isVisible()
    form.contact_phone.setText("0912 345 678")
    form.dossier_code.setText("KHONG-CO-HO-SO")  # no such dossier: refused by the service
    with qtbot.waitSignal(window.cases.refused, timeout=WAIT):
        click(qtbot, form.ok_button)
    assert form.isVisible() and "KHONG-CO-HO-SO" in form.problem.text()
    form.dossier_code.clear()
    confirm(qtbot, window, form)
    with database.factory() as session:
        cases = session.scalars(select(FeedbackCase)).all()
    assert [(c.source, c.subject, c.state) for c in cases] == [
        (CaseSource.MAIL, "Đề nghị bố trí thêm ghế chờ", CaseState.OPEN)
    ]
    assert tab.visible_numbers() == [cases[0].number]


def test_filters_by_state_owner_and_subject_and_alerts_in_words(qtbot, window, desk_service, clock):
    late = desk_service.open(MANAGER, source=CaseSource.PHONE, subject="Hồ sơ đất đai chậm")
    desk_service.assign(late.number, DUC, MANAGER)
    clock.now = datetime(2026, 12, 10, 9, 0)  # after the first case's due date, 8/12
    soon = desk_service.open(MANAGER, source=CaseSource.MAIL, subject="Phí chứng thực")
    desk_service.assign(soon.number, HUONG, MANAGER)
    tab = signed_in(qtbot, window)
    assert sorted(tab.visible_numbers()) == sorted([late.number, soon.number])
    alert = {tab.table.item(r, 0).text(): tab.table.item(r, 7).text() for r in range(2)}
    assert alert[late.number] == "Quá hạn"  # an icon beside it, and red
    assert tab.count_buttons["overdue"].text().endswith("1")

    with qtbot.waitSignal(window.cases.shown, timeout=WAIT):
        click(qtbot, tab.count_buttons["overdue"])
    assert tab.visible_numbers() == [late.number]
    with qtbot.waitSignal(window.cases.shown, timeout=WAIT):
        tab.choose_filter("to_answer")
    with qtbot.waitSignal(window.cases.shown, timeout=WAIT):
        tab.owner_filter.setCurrentIndex(tab.owner_filter.findData(HUONG))
    assert tab.visible_numbers() == [soon.number]
    with qtbot.waitSignal(window.cases.shown, timeout=WAIT):
        tab.owner_filter.setCurrentIndex(0)
    qtbot.keyClicks(tab.subject_filter, "dat dai")  # without diacritics, as desks often type
    assert tab.visible_numbers() == [late.number]


def test_the_766_parts_shown_are_the_reports(qtbot, window, database, desk_service, clock):
    sign_stations(database, "kiosk-1")
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock)
    numbers = [
        desk_service.open(MANAGER, source=CaseSource.IN_PERSON, subject=f"Kiến nghị {n}").number
        for n in range(3)
    ]
    for number in numbers:
        desk_service.assign(number, DUC, MANAGER)
    clock.now = datetime(2026, 11, 26, 9, 0)
    for number in numbers[:2]:
        desk_service.answer(number, "Đã trả lời", AnswerChannel.IN_PERSON, DUC)
    first = desk_service.show(numbers[0], MANAGER).case.id
    ratings.record(RatingInput(Satisfaction.DISSATISFIED, case_id=first))
    clock.now = datetime(2026, 12, 15, 9, 0)  # the third is overdue now
    tab = signed_in(qtbot, window)
    with qtbot.waitSignal(window.cases.group_shown, timeout=WAIT):
        window.desk.set_period(date(2026, 11, 1), date(2026, 12, 31))
    with database.factory() as session:
        group = office_group_766(
            session, find_office(session).id, date(2026, 11, 1), date(2026, 12, 31), clock.now
        )
    # By hand: 2 of 3 answered on time; satisfied 3 − 1 rated unhappy − 1 late = 1.
    assert group.cases_on_time.points == Decimal("4.00")
    assert group.cases_satisfied.points == Decimal("2.00")
    shown = tab.group.rows()[1:]  # under the headings
    for row, part in zip(shown, group.parts, strict=False):
        assert row[1].endswith(f"({part.good}/{part.counted})")
        assert row[2] == f"{part.points:.2f}".replace(".", ",") + " / 6"
    assert shown[3][2] == f"{group.points:.2f}".replace(".", ",") + " / 18"
    assert "Cổng DVCQG" in tab.group.note.text()  # the scoring assumed is said


def test_a_case_transferred_elsewhere_says_where_and_takes_no_more_changes(
    qtbot, window, desk_service, database
):
    case = desk_service.open(MANAGER, source=CaseSource.MAIL, subject="Tranh chấp đất đai")
    tab = signed_in(qtbot, window)
    pick(qtbot, window, case.number)
    click(qtbot, tab.action_buttons["transfer"])
    form = tab.dialog
    click(qtbot, form.ok_button)  # nowhere said: refused in the form
    assert form.isVisible() and form.problem.isVisible()
    form.place.setText("Phòng Tài nguyên và Môi trường")
    confirm(qtbot, window, form)
    state, _owner, actions = events(database, case.number)
    assert state is CaseState.TRANSFERRED and actions == ["open", "transfer"]
    assert "Phòng Tài nguyên và Môi trường" in tab.detail.facts.text()
    assert not any(button.isEnabled() for button in tab.action_buttons.values())


def test_without_the_stations_key_a_call_back_rating_is_refused_in_words(
    qtbot, window, desk_service, database
):
    case = desk_service.open(MANAGER, source=CaseSource.PHONE, subject="Hướng dẫn chưa rõ")
    desk_service.assign(case.number, DUC, MANAGER)
    desk_service.answer(case.number, "Đã hướng dẫn lại", AnswerChannel.PHONE, DUC)
    tab = signed_in(qtbot, window)  # no key was made for this machine
    pick(qtbot, window, case.number)
    click(qtbot, tab.action_buttons["rate"])
    form = tab.dialog
    click(qtbot, form.face_buttons[Satisfaction.SATISFIED])
    with qtbot.waitSignal(window.cases.refused, timeout=WAIT):
        click(qtbot, form.ok_button)
    assert form.isVisible() and "kiosk keys init" in form.problem.text()
    with database.factory() as session:
        assert session.scalars(select(Rating).where(Rating.case_id == case.id)).all() == []
    form.reject()
