"""The watched import folder: each export of the provincial system is imported whole or not at
all and moved to done/ or refused/ beside a report in words; a file still being copied waits; a
file that cannot be moved stays, and is told once."""

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine

from kiosk.db.models import Dossier, DossierSource
from kiosk.i18n import Translator
from kiosk.services.dossier_import import DossierImportService
from kiosk.services.import_folder import (
    ImportFolder,
    Outcome,
    free_name,
    is_importable,
    watched_folder,
)
from tests.kiosk.dropped_files import (
    BAD_ROW_CODE,
    BAD_ROW_LINE,
    DVCQG_CODES,
    REGISTER_CODES,
    write_dvcqg_json,
    write_register_csv,
)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "tu-tinh"
    folder.mkdir()
    return folder


@pytest.fixture
def watch(database, office, clock, inbox) -> ImportFolder:
    service = DossierImportService(database.factory, station="manager-1", clock=clock)
    return watched_folder(inbox, service, Translator("vi"))


def provincial_codes(database) -> set[str]:
    with database.factory() as session:
        return set(
            session.scalars(select(Dossier.code).where(Dossier.source == DossierSource.PROVINCIAL))
        )


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def two_passes(watch: ImportFolder):
    assert watch.run_pass() == []  # seen for the first time: it may still be being copied
    return watch.run_pass()


def test_a_good_file_is_imported_and_moved_to_done_beside_its_report(watch, inbox, database):
    write_dvcqg_json(inbox / "dvcqg-2611.json")
    [outcome] = two_passes(watch)
    assert outcome.outcome is Outcome.IMPORTED
    assert provincial_codes(database) == set(DVCQG_CODES)
    assert files_under(inbox) == {"done/dvcqg-2611.json", "done/dvcqg-2611.json.report.txt"}
    report = (inbox / "done" / "dvcqg-2611.json.report.txt").read_text(encoding="utf-8")
    assert "dvcqg-2611.json" in report and "3" in report
    assert watch.run_pass() == []  # nothing left to do


def test_a_file_with_a_bad_row_imports_nothing_and_its_report_names_the_row(watch, inbox, database):
    write_register_csv(inbox / "register.csv", bad_row=True)
    [outcome] = two_passes(watch)
    assert outcome.outcome is Outcome.REFUSED
    assert provincial_codes(database) == set()
    assert files_under(inbox) == {"refused/register.csv", "refused/register.csv.report.txt"}
    report = (inbox / "refused" / "register.csv.report.txt").read_text(encoding="utf-8")
    assert str(BAD_ROW_LINE) in report and BAD_ROW_CODE in report


def test_a_refused_file_fixed_and_dropped_again_under_its_name_is_imported(watch, inbox, database):
    write_register_csv(inbox / "register.csv", bad_row=True)
    two_passes(watch)
    write_register_csv(inbox / "register.csv")  # the office fixed it
    [outcome] = two_passes(watch)
    assert outcome.outcome is Outcome.IMPORTED
    assert provincial_codes(database) == set(REGISTER_CODES)
    assert "done/register.csv" in files_under(inbox)
    assert "refused/register.csv" in files_under(inbox)  # the first try is kept


def test_a_name_already_in_done_gets_a_number_and_nothing_is_overwritten(watch, inbox):
    write_dvcqg_json(inbox / "dvcqg-2611.json")
    two_passes(watch)
    write_dvcqg_json(inbox / "dvcqg-2611.json")  # the same export dropped twice
    [outcome] = two_passes(watch)
    assert outcome.report is not None and outcome.report.unchanged == 3
    assert files_under(inbox) == {
        "done/dvcqg-2611.json",
        "done/dvcqg-2611.json.report.txt",
        "done/dvcqg-2611 (2).json",
        "done/dvcqg-2611 (2).json.report.txt",
    }


def test_a_file_still_growing_waits_for_the_next_pass(watch, inbox, database):
    whole = write_dvcqg_json(inbox.parent / "whole.json").read_bytes()
    growing = inbox / "dvcqg-2611.json"
    growing.write_bytes(whole[: len(whole) // 2])
    assert watch.run_pass() == []
    growing.write_bytes(whole)  # the copy goes on between the passes
    assert watch.run_pass() == []
    assert provincial_codes(database) == set() and growing.exists()
    [outcome] = watch.run_pass()
    assert outcome.outcome is Outcome.IMPORTED
    assert provincial_codes(database) == set(DVCQG_CODES)


@pytest.mark.parametrize(
    "name", ["~$register.xlsx", ".~lock.register.csv#", "dvcqg.json.part", "x.tmp", "notes.txt"]
)
def test_temporary_and_other_files_are_left_alone(name):
    assert not is_importable(Path(name))


def test_only_files_directly_in_the_folder_are_taken(watch, inbox, database):
    (inbox / "cu").mkdir()
    write_dvcqg_json(inbox / "cu" / "dvcqg-2611.json")
    write_dvcqg_json(inbox / "dvcqg-2611.json.part")
    assert two_passes(watch) == []
    assert provincial_codes(database) == set()


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder nobody may write, root included (the tests may run as root, whom file
    permissions do not stop: the immutable flag does)."""
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


def test_a_file_that_cannot_be_moved_stays_in_place_and_is_told_once(watch, inbox, database):
    (inbox / "done").mkdir()
    write_dvcqg_json(inbox / "dvcqg-2611.json")
    with read_only(inbox / "done"):
        [outcome] = two_passes(watch)
        assert outcome.outcome is Outcome.NOT_MOVED and outcome.destination == "done"
        assert "not permitted" in str(outcome.problem) or "denied" in str(outcome.problem)
        assert files_under(inbox) == {"dvcqg-2611.json"}  # no report left half-way either
        assert provincial_codes(database) == set(DVCQG_CODES)  # what was recorded stays
        assert watch.run_pass() == []  # told once, not every 30 seconds
    [moved] = watch.run_pass()  # the folder can be written again: moved, not imported again
    assert moved.outcome is Outcome.IMPORTED
    assert moved.report is not None and len(moved.report.created) == 3
    assert files_under(inbox) == {"done/dvcqg-2611.json", "done/dvcqg-2611.json.report.txt"}


@pytest.mark.sqlite_only
def test_a_database_that_went_away_leaves_the_file_for_the_next_pass(watch, inbox, database):
    """SQLite's own read-only error, as a file system gone read-only would raise it."""
    away = {"on": True}

    def refuse_writes(connection):
        if connection.engine.url == database.engine.url:
            connection.exec_driver_sql(f"PRAGMA query_only = {int(away['on'])}")

    write_dvcqg_json(inbox / "dvcqg-2611.json")
    event.listen(Engine, "begin", refuse_writes)
    try:
        [outcome] = two_passes(watch)
        assert outcome.outcome is Outcome.LEFT
        assert watch.run_pass() == []  # still away: not told again
        assert files_under(inbox) == {"dvcqg-2611.json"}
        away["on"] = False  # back: the next pass imports it
        [outcome] = watch.run_pass()
    finally:
        event.remove(Engine, "begin", refuse_writes)
    assert outcome.outcome is Outcome.IMPORTED
    assert provincial_codes(database) == set(DVCQG_CODES)


def test_each_import_is_recorded_in_the_imports_ledger(watch, inbox, database):
    from kiosk.db.models import DossierImport

    write_dvcqg_json(inbox / "dvcqg-2611.json")
    two_passes(watch)
    with database.factory() as session:
        assert session.scalar(select(func.count()).select_from(DossierImport)) == 1


@given(
    taken=st.sets(st.integers(min_value=1, max_value=6), max_size=6),
    with_report=st.booleans(),
)
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_free_name_is_never_taken_by_a_file_or_a_report(tmp_path_factory, taken, with_report):
    folder = tmp_path_factory.mktemp("done")
    for number in taken:
        name = "so.xlsx" if number == 1 else f"so ({number}).xlsx"
        # A report left alone (its file moved away by hand) holds its name too.
        (folder / (name + ".report.txt" if with_report else name)).write_text("x")
    chosen = free_name(folder, "so.xlsx")
    assert not chosen.exists()
    assert not chosen.with_name(chosen.name + ".report.txt").exists()
    assert chosen.suffix == ".xlsx" and chosen.name.startswith("so")
