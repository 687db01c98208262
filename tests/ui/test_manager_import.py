"""The manager's station imports from the provincial one-stop system: a file dropped into the
watched folder is picked up and its outcome shown on the desk; a file chosen with the button is
previewed, then imported or left alone."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from kiosk.config import Settings
from kiosk.db.models import Dossier, DossierSource
from kiosk.i18n import N_, Translator
from tests.kiosk.dropped_files import (
    BAD_ROW_CODE,
    BAD_ROW_LINE,
    write_dvcqg_json,
    write_register_csv,
)
from ui.manager_window import ManagerWindow

vi = Translator("vi")


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "tu-tinh"
    folder.mkdir()
    return folder


@pytest.fixture
def window(qtbot, database, manager, clock, tmp_path, inbox):
    win = ManagerWindow(
        Settings(database_url=database.url, station_name="manager", import_folder=str(inbox)),
        factory=database.factory,
        export_folder=tmp_path / "exports",
        clock=clock,
    )
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    # The station passes over the folder once as it starts; the tests drop files after that.
    with qtbot.waitSignal(win.imports.pass_finished):
        win.show()
    with qtbot.waitSignal(win.refreshed), qtbot.waitSignal(win.period_shown):
        win.sign_in(0, "9999")
    return win


def provincial_dossiers(database) -> int:
    with database.factory() as session:
        return session.scalar(
            select(func.count())
            .select_from(Dossier)
            .where(Dossier.source == DossierSource.PROVINCIAL)
        )


def imported_words(count: int, file: str) -> str:
    """The procedure 1.001193 is not in the office's catalogue: the import creates it with a
    processing time guessed from the appointments, which the office must confirm."""
    return " ".join(
        [
            vi(N_("Imported {count} dossiers from {file}."), count=count, file=file),
            vi(N_("{count} new procedures need their processing time confirmed."), count=1),
        ]
    )


def two_passes(qtbot, window) -> str:
    """The first pass sees the file, the second (the file unchanged) imports it."""
    watch = window.imports
    with qtbot.waitSignal(watch.pass_finished):
        watch.run_pass()
    assert watch.strip.outcome.text() == ""  # seen, not yet taken
    with qtbot.waitSignal(watch.outcome_shown) as shown, qtbot.waitSignal(watch.pass_finished):
        watch.run_pass()
    return shown.args[0]


def test_a_file_dropped_in_the_folder_is_imported_and_the_outcome_shown(
    qtbot, window, database, inbox
):
    write_dvcqg_json(inbox / "dvcqg-2611.json")
    said = two_passes(qtbot, window)
    assert said == imported_words(3, "dvcqg-2611.json")
    assert window.imports.strip.outcome.isVisible()
    assert provincial_dossiers(database) == 3
    assert (inbox / "done" / "dvcqg-2611.json").exists()
    assert (inbox / "done" / "dvcqg-2611.json.report.txt").exists()
    assert not (inbox / "dvcqg-2611.json").exists()


def test_a_refused_file_is_told_with_its_report_one_click_away(qtbot, window, database, inbox):
    write_register_csv(inbox / "register.csv", bad_row=True)
    said = two_passes(qtbot, window)
    assert said == "⚠ " + vi(
        N_("File {file} was refused: rows with errors: {count} — see the report."),
        count=1,
        file="register.csv",
    )
    assert provincial_dossiers(database) == 0
    assert window.imports.strip.report_button.isVisible()
    dialog = window.imports.show_report()
    qtbot.addWidget(dialog)
    written = (inbox / "refused" / "register.csv.report.txt").read_text(encoding="utf-8")
    assert dialog.text.toPlainText() == written.strip()
    assert str(BAD_ROW_LINE) in written and BAD_ROW_CODE in written


def test_the_button_previews_a_chosen_file_then_imports_it(
    qtbot, window, database, tmp_path, monkeypatch
):
    chosen = tmp_path / "tai-ve" / "dvcqg-2611.json"
    chosen.parent.mkdir()
    write_dvcqg_json(chosen)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(chosen), ""))
    watch = window.imports
    with qtbot.waitSignal(watch.preview_shown) as previewed:
        watch.strip.import_button.click()
    preview = previewed.args[0]
    assert "dvcqg-2611.json" in preview.summary.text()
    assert provincial_dossiers(database) == 0  # a preview records nothing
    with qtbot.waitSignal(watch.outcome_shown, check_params_cb=lambda words: "…" not in words):
        preview.import_button.click()
    assert watch.strip.outcome.text() == imported_words(3, "dvcqg-2611.json")
    assert provincial_dossiers(database) == 3
    assert chosen.exists()  # a chosen file is the manager's: it stays where it was
    assert watch.last_folder == chosen.parent


def test_cancelling_the_preview_imports_nothing(qtbot, window, database, tmp_path, monkeypatch):
    chosen = tmp_path / "dvcqg-2611.json"
    write_dvcqg_json(chosen)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(chosen), ""))
    with qtbot.waitSignal(window.imports.preview_shown) as previewed:
        window.imports.strip.import_button.click()
    previewed.args[0].cancel_button.click()
    assert window.imports.strip.outcome.text() == vi(
        "Nothing was imported from {file}.", file="dvcqg-2611.json"
    )
    assert provincial_dossiers(database) == 0


def test_a_chosen_file_with_a_bad_row_is_refused_without_a_preview(
    qtbot, window, database, tmp_path, monkeypatch
):
    chosen = tmp_path / "register.csv"
    write_register_csv(chosen, bad_row=True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(chosen), ""))
    watch = window.imports
    with qtbot.waitSignal(watch.outcome_shown, check_params_cb=lambda words: "…" not in words):
        watch.strip.import_button.click()
    assert "register.csv" in watch.strip.outcome.text()
    assert watch.strip.report_button.isVisible()
    assert provincial_dossiers(database) == 0
