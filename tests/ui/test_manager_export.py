"""The manager's export from the desk: asked where in a save dialog opened in the folder used
last (remembered across restarts) with the period's name offered, the file written there, then
buttons that open the file and its folder; a folder that cannot be written, a full disk or a
kiosk file is told in words and nothing is left there."""

import errno
import os
import shutil
import subprocess
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from kiosk.answers import RatingInput, Satisfaction
from kiosk.atomic_file import write_atomically
from kiosk.config import Settings
from kiosk.errors import InvalidInputError, StorageError
from kiosk.i18n import Translator
from kiosk.protected_files import check_output
from kiosk.services.ratings import RatingService
from tests.kiosk.signing import sign_stations
from tests.ui.export_dialogs import DesktopOpener, name_field, open_dialog, save
from ui.manager_window import ManagerWindow
from ui.widgets.export_outcome import failure_words


@pytest.fixture
def rated(database, manager, clock):
    # Signed, as an installed kiosk's are: the report's chain check reads every rating.
    signer = sign_stations(database, "kiosk-1")
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock, signer=signer)
    for satisfaction in (Satisfaction.VERY_SATISFIED, Satisfaction.DISSATISFIED):
        clock.now += timedelta(minutes=1)
        ratings.record(RatingInput(satisfaction, service_code="HT-KS"))


def manager_window(qtbot, database, clock, tmp_path, language="vi"):
    window = ManagerWindow(
        Settings(database_url=database.url, station_name="manager", language=language),
        factory=database.factory,
        export_folder=tmp_path / "exports",
        clock=clock,
        desk_memory=tmp_path / "manager-desk.ini",
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.refreshed), qtbot.waitSignal(window.period_shown):
        window.sign_in(0, "9999")
    return window


@pytest.fixture
def window(qtbot, database, rated, clock, tmp_path):
    return manager_window(qtbot, database, clock, tmp_path)


@pytest.fixture
def desktop():
    opener = DesktopOpener()
    QDesktopServices.setUrlHandler("file", opener, "open_url")
    yield opener
    QDesktopServices.unsetUrlHandler("file")


@contextmanager
def read_only(folder: Path):
    """A folder nobody may write, root included (file permissions do not stop root: the
    immutable flag does)."""
    folder.chmod(0o555)
    immutable = os.geteuid() == 0
    if immutable and (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode
    ):
        folder.chmod(0o755)
        pytest.skip("running as root without chattr: no folder can be made read-only")
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_the_offered_name_is_the_period_and_enter_saves_it_in_the_export_folder(
    qtbot, window, tmp_path
):
    window.desk.choose_preset("month")  # 01/11 – 23/11
    dialog = open_dialog(qtbot, window, "xlsx")
    assert Path(dialog.directory().absolutePath()) == tmp_path / "exports"
    assert name_field(dialog).text() == "Bao-cao-01-11-2026_23-11-2026.xlsx"
    dialog.reject()
    window.desk.choose_preset("today")
    [written] = save(qtbot, window, "pdf")
    assert written == tmp_path / "exports" / "Bao-cao-23-11-2026.pdf"
    assert written.read_bytes().startswith(b"%PDF")


def test_english_names_the_file_in_english(qtbot, database, rated, clock, tmp_path):
    window = manager_window(qtbot, database, clock, tmp_path, language="en")
    dialog = open_dialog(qtbot, window, "pdf")
    assert name_field(dialog).text() == "Report-Nov-23-2026.pdf"
    dialog.reject()


def test_the_next_export_opens_in_the_folder_chosen_also_after_a_restart(
    qtbot, window, database, clock, tmp_path
):
    usb = tmp_path / "usb"
    usb.mkdir()
    [written] = save(qtbot, window, "pdf", typed="bao cao tuan", folder=usb)
    assert written == usb / "bao cao tuan.pdf"  # the format's suffix added
    assert written.read_bytes().startswith(b"%PDF")
    dialog = open_dialog(qtbot, window, "xlsx")
    assert Path(dialog.directory().absolutePath()) == usb
    dialog.reject()
    window.close()
    again = manager_window(qtbot, database, clock, tmp_path)
    dialog = open_dialog(qtbot, again, "pdf")
    assert Path(dialog.directory().absolutePath()) == usb
    [written] = save(qtbot, again, "xlsx")  # the offered name, in the remembered folder
    assert written == usb / "Bao-cao-23-11-2026.xlsx"
    dialog.reject()


def test_saved_offers_to_open_the_file_and_its_folder_on_the_desktop(
    qtbot, window, desktop, tmp_path
):
    [written] = save(qtbot, window, "pdf")
    done = window.export_done
    assert done.isVisible() and "Bao-cao-23-11-2026.pdf" in done.text()
    assert done.open_file_button.text() == "Mở tệp"
    assert done.open_folder_button.text() == "Mở thư mục"
    done.open_folder_button.click()
    assert desktop.opened == [QUrl.fromLocalFile(str(tmp_path / "exports"))]
    assert not done.isVisible()
    dialog = open_dialog(qtbot, window, "pdf")  # the same name again: asked before replacing
    qtbot.keyClick(name_field(dialog), Qt.Key.Key_Return)
    question = dialog.replace_question
    assert question.isVisible() and "Đã có tệp Bao-cao-23-11-2026.pdf" in question.text()
    with qtbot.waitSignal(window.exported):
        question.defaultButton().click()  # "Thay thế"
    window.export_done.open_file_button.click()
    assert desktop.opened[-1] == QUrl.fromLocalFile(str(written))


def test_csv_tables_go_into_a_folder_of_the_period_inside_the_folder_chosen(
    qtbot, window, desktop, tmp_path
):
    written = save(qtbot, window, "csv")
    report = tmp_path / "exports" / "Bao-cao-23-11-2026"
    assert written and {path.parent for path in written} == {report}
    assert window.export_done.open_file_button is None  # a folder of tables, not one file
    window.export_done.open_folder_button.click()
    assert desktop.opened == [QUrl.fromLocalFile(str(report))]


def test_a_folder_that_cannot_be_written_is_told_in_words_and_left_empty(qtbot, window, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    with read_only(locked):
        assert save(qtbot, window, "pdf", typed="bao-cao.pdf", folder=locked) == []
        assert list(locked.iterdir()) == []  # no report, not even half of one
    failure = window.export_failure
    assert failure.isVisible()
    assert "máy tính này không cho phép ghi vào thư mục đó" in failure.text()
    assert "Không có tệp nào được ghi" in failure.text()
    assert "không cho phép ghi" in window.desk.message.text()
    assert window.desk.export_buttons["pdf"].isEnabled() and window.export_done is None


def test_the_end_of_day_export_still_asks_nothing(qtbot, window, clock, tmp_path):
    clock.now = datetime(2026, 11, 23, 17, 31)
    with qtbot.waitSignal(window.exported) as exported:
        assert window.run_scheduled_export() is True
    assert exported.args[0] and window.export_dialog is None and window.export_done is None


def test_a_full_disk_and_a_kiosk_file_are_told_in_words(tmp_path):
    vi = Translator("vi")

    def disk_full(partial: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    target = tmp_path / "Bao-cao-23-11-2026.pdf"
    with pytest.raises(StorageError) as full:
        write_atomically(target, disk_full)
    assert "ổ đĩa đã đầy. Không có tệp nào được ghi vào đó." in failure_words(
        full.value, target, vi
    )
    assert list(tmp_path.iterdir()) == []
    database = tmp_path / "kiosk.sqlite3"
    with pytest.raises(InvalidInputError) as kept:
        check_output(database, [database])
    assert failure_words(kept.value, database, vi) == kept.value.render(vi)  # names the file
