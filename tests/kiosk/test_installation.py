"""Runs for years: the installer's units (restart, watchdog, backup timer, capped logs), the
nightly backup keeping 30 days, and the watchdog pings systemd listens for."""

import shutil
import socket
import sqlite3
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.systemd_notify import notify_alive, notify_ready, watchdog_interval_ms
from tests.conftest import NOW, run_kiosk

ROOT = Path(__file__).resolve().parents[2]


def test_the_installer_writes_a_kiosk_that_restarts_and_backs_up(tmp_path):
    subprocess.run(
        [ROOT / "scripts" / "install_kiosk.sh", "--root", tmp_path, "--station", "kiosk-sanh"],
        check=True,
        capture_output=True,
    )
    units = tmp_path / "etc" / "systemd" / "system"
    kiosk = (units / "kiosk-mot-cua.service").read_text()
    for line in (
        "Restart=always",
        "RestartSec=2",
        "WatchdogSec=30",
        "Type=notify",
        "NotifyAccess=all",
        "User=kiosk",
        "ExecStart=/usr/bin/cage -s -- ",
    ):
        assert line in kiosk
    assert "OnCalendar=*-*-* 02:30" in (units / "kiosk-mot-cua-backup.timer").read_text()
    assert "kiosk db backup" in (units / "kiosk-mot-cua-backup.service").read_text()
    journal = (tmp_path / "etc/systemd/journald.conf.d/kiosk-mot-cua.conf").read_text()
    assert "SystemMaxUse=200M" in journal
    settings = load_settings(tmp_path / "etc/kiosk-mot-cua/kiosk.toml")
    assert (settings.station_name, settings.backup_keep_days) == ("kiosk-sanh", 30)
    if shutil.which("systemd-analyze"):  # systemd's own check, where systemd is installed
        checked = subprocess.run(
            ["systemd-analyze", "verify", *sorted(units.iterdir())],
            capture_output=True,
            text=True,
            cwd=units,
        )
        problems = [
            line
            for line in checked.stderr.splitlines()
            if line and "is not executable" not in line  # cage and /opt are not on this machine
        ]
        assert problems == []


@pytest.mark.sqlite_only  # the station backs up its own file; PostgreSQL uses pg_dump
def test_the_nightly_backup_is_a_whole_database_and_keeps_thirty_days(
    database, office, db_url, tmp_path, capsys
):
    folder = tmp_path / "backups"
    folder.mkdir()
    today = NOW.date()
    for age in (45, 31, 30, 29, 1):  # earlier nights' files
        (folder / f"kiosk-{today - timedelta(days=age)}.sqlite3").write_bytes(b"old")
    assert run_kiosk(["db", "backup", "--folder", str(folder), "--db", db_url, "--lang", "en"]) == 0
    assert "3 older than 30 days removed" in capsys.readouterr().out
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted(f"kiosk-{today - timedelta(days=age)}.sqlite3" for age in (29, 1, 0))
    with sqlite3.connect(folder / f"kiosk-{today}.sqlite3") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT code FROM offices").fetchone()[0] == office


def test_a_shared_database_is_not_backed_up_by_a_station(capsys):
    url = "postgresql+psycopg://kiosk@127.0.0.1:1/kiosk"
    assert run_kiosk(["db", "backup", "--db", url, "--lang", "en"]) != 0
    assert "pg_dump" in capsys.readouterr().err


def test_systemd_hears_ready_and_the_watchdog(tmp_path, monkeypatch):
    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(address)
        listener.settimeout(2)
        monkeypatch.setenv("NOTIFY_SOCKET", address)
        assert notify_ready() and listener.recv(64) == b"READY=1"
        assert notify_alive() and listener.recv(64) == b"WATCHDOG=1"
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    assert watchdog_interval_ms() == 15000  # pinged twice per watchdog period
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert notify_ready() is False  # not started by systemd: nothing to tell
