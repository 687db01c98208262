"""The manager's catalogue and staff tab, driven by clicks and keys: procedures added, edited,
retired and restored; clerks deactivated and given a new PIN; each change allowed by the
manager's PIN typed in its form, and a refusal shown in that form in words."""

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.errors import InvalidInputError
from kiosk.services.offices import list_services
from kiosk.services.sign_in import SignInService
from tests.ui.manager_windows import shown_manager_window
from ui.widgets.catalogue_dialogs import ManagerChangeDialog


@pytest.fixture
def window(qtbot, database, manager, clock, tmp_path):
    win = shown_manager_window(qtbot, database, clock, tmp_path)
    with (
        qtbot.waitSignal(win.refreshed),
        qtbot.waitSignal(win.period_shown),
        qtbot.waitSignal(win.catalogue.shown),
    ):
        win.sign_in(0, "9999")
    win.desk.tabs.setCurrentWidget(win.desk.catalogue)
    return win


def type_text(widget, text):
    """Key presses carrying Vietnamese letters, as a Telex input method delivers them (QTest's
    keyClicks takes ASCII only)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def open_form(qtbot, tab, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in tab.findChildren(ManagerChangeDialog) if d.isVisible()]
    return dialog


def confirm(qtbot, window, dialog, pin="9999"):
    """Types the manager's PIN and presses Enter; waits for the lists to show the change."""
    qtbot.keyClicks(dialog.manager_pin, pin)
    with qtbot.waitSignal(window.catalogue.shown):
        qtbot.keyClick(dialog.manager_pin, Qt.Key.Key_Return)


def refuse(qtbot, window, dialog, pin="9999"):
    qtbot.keyClicks(dialog.manager_pin, pin)
    with qtbot.waitSignal(window.catalogue.refused):
        qtbot.keyClick(dialog.manager_pin, Qt.Key.Key_Return)


def codes(tab):
    return [tab.services.item(row, 0).text() for row in range(tab.services.rowCount())]


def offered(database):
    with database.factory() as session:
        return {s.code: s for s in list_services(session)}


def test_the_tab_lists_every_procedure_and_clerk(window):
    tab = window.desk.catalogue
    assert sorted(codes(tab)) == ["HT-KS", "HT-KSL", "HT-XNHN"]
    names = [tab.clerks.item(row, 1).text() for row in range(tab.clerks.rowCount())]
    assert names == ["Võ Minh Tuấn", "Nguyễn Thị Hương", "Trần Văn Đức"]
    assert not tab.edit_button.isEnabled() and not tab.deactivate_button.isEnabled()


def test_a_procedure_is_added_with_the_managers_pin(qtbot, window, database):
    tab = window.desk.catalogue
    dialog = open_form(qtbot, tab, tab.add_button)
    qtbot.keyClicks(dialog.code, "1.000894")
    type_text(dialog.name_vi, "Đăng ký kết hôn")
    type_text(dialog.field, "Hộ tịch")
    dialog.days.setValue(5)
    confirm(qtbot, window, dialog)
    assert not shiboken6.isValid(dialog)  # closed, and gone
    assert "1.000894" in codes(tab)
    added = offered(database)["1.000894"]
    assert (added.name_en, added.processing_days) == ("Đăng ký kết hôn", 5)
    assert "1.000894" in window.desk.message.text()


def test_a_wrong_pin_leaves_the_form_open_with_the_reason(qtbot, window, database):
    tab = window.desk.catalogue
    dialog = open_form(qtbot, tab, tab.add_button)
    qtbot.keyClicks(dialog.code, "1.000894")
    type_text(dialog.name_vi, "Đăng ký kết hôn")
    type_text(dialog.field, "Hộ tịch")
    refuse(qtbot, window, dialog, pin="0000")
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "4" in dialog.problem.text()  # tries left, said in words
    assert dialog.manager_pin.text() == "" and dialog.ok_button.isEnabled()
    assert "1.000894" not in offered(database)
    confirm(qtbot, window, dialog)  # the right PIN on the same form
    assert "1.000894" in offered(database)


def test_a_procedure_that_does_not_fit_is_refused_in_the_form(qtbot, window, database):
    tab = window.desk.catalogue
    dialog = open_form(qtbot, tab, tab.add_button)
    qtbot.keyClicks(dialog.code, "HT KS 2")  # a space cannot be in a code
    type_text(dialog.name_vi, "Đăng ký")
    type_text(dialog.field, "Hộ tịch")
    refuse(qtbot, window, dialog)
    assert "HT KS 2" in dialog.problem.text() and dialog.isVisible()


def test_an_edit_changes_the_days_and_a_retired_procedure_can_be_restored(qtbot, window, database):
    tab = window.desk.catalogue
    tab.select_service("HT-XNHN")
    dialog = open_form(qtbot, tab, tab.edit_button)
    assert dialog.code.isReadOnly() and dialog.days.value() == 3
    dialog.days.setValue(4)
    confirm(qtbot, window, dialog)
    assert offered(database)["HT-XNHN"].processing_days == 4
    assert tab.selected_service().code == "HT-XNHN"  # the selection survives the refresh
    confirm(qtbot, window, open_form(qtbot, tab, tab.retire_button))
    assert "HT-XNHN" not in offered(database)
    assert "HT-XNHN" in codes(tab)  # still listed here, to be restored
    confirm(qtbot, window, open_form(qtbot, tab, tab.retire_button))
    assert "HT-XNHN" in offered(database)


def test_a_deactivated_clerk_can_no_longer_sign_in(qtbot, window, database, clock):
    tab = window.desk.catalogue
    tab.select_clerk(1)
    confirm(qtbot, window, open_form(qtbot, tab, tab.deactivate_button))
    assert not tab.selected_clerk().active and not tab.pin_button.isEnabled()
    with pytest.raises(InvalidInputError):
        SignInService(database.factory, station="clerk-1", clock=clock).sign_in(1, "1234")


def test_the_last_manager_is_not_deactivated_and_the_form_says_why(qtbot, window):
    tab = window.desk.catalogue
    tab.select_clerk(3)
    dialog = open_form(qtbot, tab, tab.deactivate_button)
    refuse(qtbot, window, dialog)
    assert "Võ Minh Tuấn" in dialog.problem.text()
    assert tab.selected_clerk().active


def test_a_new_pin_is_typed_twice_and_then_signs_in(qtbot, window, database, clock):
    tab = window.desk.catalogue
    tab.select_clerk(2)
    dialog = open_form(qtbot, tab, tab.pin_button)
    qtbot.keyClicks(dialog.new_pin, "2468")
    qtbot.keyClicks(dialog.again, "8642")
    qtbot.keyClicks(dialog.manager_pin, "9999")
    qtbot.keyClick(dialog.manager_pin, Qt.Key.Key_Return)
    assert dialog.problem.isVisible() and dialog.isVisible()  # refused by the form itself
    qtbot.keyClicks(dialog.new_pin, "2468")
    qtbot.keyClicks(dialog.again, "2468")
    confirm(qtbot, window, dialog)
    sign_in = SignInService(database.factory, station="clerk-2", clock=clock)
    assert sign_in.sign_in(2, "2468").display_name == "Trần Văn Đức"


def test_days_an_import_guessed_are_marked_until_the_procedure_is_saved(qtbot, window, database):
    from sqlalchemy import select, update

    from kiosk.db.models import Service

    with database.factory.begin() as session:
        session.execute(
            update(Service).where(Service.code == "HT-XNHN").values(days_confirmed=False)
        )
    tab = window.desk.catalogue
    with qtbot.waitSignal(window.catalogue.shown):
        window.catalogue.refresh()
    marked = tab.services.item(codes(tab).index("HT-XNHN"), 3).text()
    assert (
        marked.startswith("3 (") and tab.services.item(codes(tab).index("HT-KSL"), 3).text() == "5"
    )
    tab.select_service("HT-XNHN")
    confirm(qtbot, window, open_form(qtbot, tab, tab.edit_button))
    assert tab.services.item(codes(tab).index("HT-XNHN"), 3).text() == "3"
    with database.factory() as session:
        saved = session.scalars(select(Service).where(Service.code == "HT-XNHN")).one()
        assert saved.days_confirmed and saved.processing_days == 3
