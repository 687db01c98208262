"""Exports and slips on disk: whole or not at all (a real file-size limit, not a mock), and never
over a file the kiosk lives on."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import Settings, config_path
from kiosk.i18n import Translator
from kiosk.paths import signing_key_path, user_data_dir
from kiosk.protected_files import kiosk_files
from kiosk.reports.period_export import export_period
from kiosk.services.dossiers import DossierService
from tests.conftest import NOW, ROOT, run_kiosk
from tests.kiosk.signing import sign_stations

DAY = ["export", "daily", "--date", "2026-11-23"]
# A child process whose files cannot grow past a limit: the kernel refuses the write (EFBIG)
# as a full disk would, after part of the file is out.
UNDER_LIMIT = """
import resource, signal, sys
from datetime import datetime
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from kiosk.cli.main import main
sys.exit(main(sys.argv[2:], clock=lambda: datetime(2026, 11, 23, 9, 30)))
"""


def run_with_file_limit(limit: int, argv: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", UNDER_LIMIT, str(limit), *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def busy_day(database, office, clock):
    """Sixty dossiers: the register's CSV is several kilobytes, the other tables much less."""
    sign_stations(database)  # the machine's keys, as an installed station has them
    dossiers = DossierService(database.factory, station="test", clock=clock)
    for _ in range(60):
        dossiers.register("HT-KS", clerk_id=1)


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_csv_export_to_a_full_disk_leaves_the_earlier_files_and_no_empty_one(
    busy_day, db_url, tmp_path
):
    out = tmp_path / "csv"
    assert run_kiosk([*DAY, "--out", str(out), "--db", db_url]) == 0
    earlier = folder_state(out)
    sizes = sorted(len(data) for data in earlier.values())
    assert sizes[-1] > 2 * sizes[-2]  # one table (the register) is the big one
    limit = sizes[-2] + 64  # room for every file but the register

    done = run_with_file_limit(limit, [*DAY, "--out", str(out), "--db", db_url])

    assert done.returncode == 1, done.stderr
    assert "Không ghi được" in done.stderr and "Traceback" not in done.stderr
    assert folder_state(out) == earlier  # every earlier file as it was, nothing beside them


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_a_report_file_to_a_full_disk_keeps_the_earlier_one(busy_day, db_url, tmp_path, suffix):
    out = tmp_path / f"bao-cao{suffix}"
    out.write_bytes(b"the earlier report")
    done = run_with_file_limit(1024, [*DAY, "--out", str(out), "--db", db_url])
    assert done.returncode == 1, done.stderr
    assert str(out) in done.stderr and "Traceback" not in done.stderr
    left = {name: data for name, data in folder_state(tmp_path).items() if "sqlite3" not in name}
    assert left == {out.name: b"the earlier report"}


@pytest.mark.sqlite_only
def test_an_export_is_never_written_over_the_database_or_its_journal(
    busy_day, db_url, database, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    db_file = tmp_path / "kiosk.sqlite3"
    (tmp_path / "link.pdf").symlink_to(db_file)
    os.link(db_file, tmp_path / "hard-link.pdf")
    before = db_file.read_bytes()
    for out in (
        "kiosk.sqlite3",  # relative
        "./sub/../kiosk.sqlite3",
        "link.pdf",  # a symbolic link to it
        "hard-link.pdf",  # another name of the same file
        "KIOSK.sqlite3",  # another case: the same file on Windows and macOS disks
        "kiosk.sqlite3-wal",
        "kiosk.sqlite3-shm",
        "kiosk.sqlite3-journal",
    ):
        assert run_kiosk([*DAY, "--format", "pdf", "--out", out, "--db", db_url]) == 1, out
        err = capsys.readouterr().err
        assert str(Path(out)) in err and "Traceback" not in err, err
    assert db_file.read_bytes() == before
    assert run_kiosk(["verify", "--db", db_url]) == 0


@pytest.mark.sqlite_only
def test_an_export_is_never_written_over_settings_keys_or_an_outbox(
    office, db_url, tmp_path, capsys
):
    key = signing_key_path(None)
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_text("00" * 32 + "\n")
    settings_file = config_path()
    settings_file.write_text('language = "vi"\n')
    outbox = user_data_dir() / "outbox-kiosk-1.sqlite3"
    outbox.write_bytes(b"ratings waiting")
    station_key = user_data_dir() / "station-kiosk-1.key"
    station_key.write_bytes(b"a station's private key")
    backup = user_data_dir() / "backups" / "kiosk-2026-11-22.sqlite3"
    backup.parent.mkdir()
    backup.write_bytes(b"yesterday")
    protected = (
        (key, "pdf"),
        (settings_file, "xlsx"),
        (outbox, "pdf"),
        (outbox.with_name(outbox.name + "-wal"), "pdf"),
        (station_key, "pdf"),
        (backup, "xlsx"),
    )
    for out, kind in protected:
        if not out.exists():
            out.write_bytes(b"")
        before = out.read_bytes()
        assert run_kiosk([*DAY, "--format", kind, "--out", str(out), "--db", db_url]) == 1
        assert str(out) in capsys.readouterr().err
        assert out.read_bytes() == before
    # A CSV folder is refused when it is one of them; a file it would write there, too.
    assert run_kiosk([*DAY, "--out", str(key), "--db", db_url]) == 1
    assert key.read_text() == "00" * 32 + "\n"


@pytest.mark.sqlite_only
def test_a_folder_is_not_a_report_file(office, db_url, tmp_path, capsys):
    folder = tmp_path / "reports.pdf"
    folder.mkdir()
    assert run_kiosk([*DAY, "--format", "pdf", "--out", str(folder), "--db", db_url]) == 1
    assert str(folder) in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_a_printed_slip_is_never_written_over_the_database(
    database, office, clock, db_url, tmp_path, capsys
):
    sign_stations(database)
    code = (
        DossierService(database.factory, station="test", clock=clock)
        .register("HT-KS", clerk_id=1)
        .code
    )
    settings_file = config_path()
    settings_file.write_text('language = "vi"\n')
    assert run_kiosk(["print", "receipt", code, "--out", str(settings_file), "--db", db_url]) == 1
    assert str(settings_file) in capsys.readouterr().err
    assert settings_file.read_text() == 'language = "vi"\n'
    slip = tmp_path / "receipt.pdf"
    assert run_kiosk(["print", "receipt", code, "--out", str(slip), "--db", db_url]) == 0
    assert slip.read_bytes().startswith(b"%PDF")


@pytest.mark.sqlite_only
def test_the_managers_export_goes_through_the_same_check(database, office, db_url):
    settings = Settings(database_url=db_url)
    db_file = Path(db_url.removeprefix("sqlite:///"))
    with pytest.raises(Exception, match="kiosk.sqlite3"):
        export_period(
            database.factory,
            None,
            NOW.date(),
            NOW.date(),
            "xlsx",
            db_file.with_name(db_file.name + "-wal"),
            NOW,
            Translator("vi"),
            protected=kiosk_files(settings),
        )


def test_files_written_together_replace_the_earlier_ones_only_when_all_are_whole(tmp_path):
    from kiosk.atomic_file import replacing_together

    first, second = tmp_path / "1.csv", tmp_path / "2.csv"
    first.write_text("earlier 1")
    second.write_text("earlier 2")

    def half_then_fail(partial: Path) -> None:
        partial.write_text("half a tab")
        raise ValueError("the writer gave up")

    with pytest.raises(ValueError), replacing_together() as stage:
        stage(first, lambda partial: partial.write_text("new 1"))
        stage(second, half_then_fail)
    assert folder_state(tmp_path) == {"1.csv": b"earlier 1", "2.csv": b"earlier 2"}

    with replacing_together() as stage:
        stage(first, lambda partial: partial.write_text("new 1"))
        stage(second, lambda partial: partial.write_text("new 2"))
    assert folder_state(tmp_path) == {"1.csv": b"new 1", "2.csv": b"new 2"}
    assert oct(first.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
