"""Secrets stay secret: no PIN hash and no receipt-signing key in any export or command output;
the key file is readable by its owner only."""

import base64
import subprocess

import pytest
from sqlalchemy import select

from kiosk.db.models import Clerk
from kiosk.paths import signing_key_path
from kiosk.receipt_signing import create_receipt_key
from tests.conftest import run_kiosk


@pytest.mark.sqlite_only
def test_no_pin_hash_or_signing_key_leaves_in_exports_or_output(
    database, office, db_url, tmp_path, capsys
):
    key_path = signing_key_path(None)
    key = create_receipt_key(key_path)
    assert key_path.stat().st_mode & 0o777 == 0o600
    with database.factory() as session:
        hashes = [c.pin_hash for c in session.scalars(select(Clerk))]
    secrets = [*hashes, key.hex(), base64.b64encode(key).decode(), base64.b32encode(key).decode()]
    outputs = []
    for command in (
        ["clerks", "list", "--json"],
        ["office", "show", "--json"],
        ["verify", "--json"],
        ["export", "daily", "--date", "2026-11-23", "--out", str(tmp_path / "d.pdf")],
        ["export", "daily", "--date", "2026-11-23", "--out", str(tmp_path / "d.xlsx")],
        ["export", "daily", "--date", "2026-11-23", "--out", str(tmp_path / "csv")],
    ):
        run_kiosk([*command, "--db", db_url])
        captured = capsys.readouterr()
        outputs += [captured.out, captured.err]
    outputs.append(
        subprocess.run(
            ["pdftotext", str(tmp_path / "d.pdf"), "-"], capture_output=True, text=True
        ).stdout
    )
    import zipfile

    with zipfile.ZipFile(tmp_path / "d.xlsx") as book:
        outputs += [book.read(name).decode("utf-8", "replace") for name in book.namelist()]
    outputs += [p.read_text(encoding="utf-8-sig") for p in (tmp_path / "csv").iterdir()]
    text = "\n".join(outputs)
    assert "argon2" not in text
    assert [secret for secret in secrets if secret in text] == []
