"""The key files: made only by `kiosk keys init` (with the copy instructions), registered only
with a manager's PIN, and a missing, damaged or exposed file refused in one line that names it
and the command that fixes it — never replaced behind anyone's back."""

import io
import json
import stat

import pytest

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.errors import KioskError
from kiosk.i18n import Translator
from kiosk.key_files import KeyFileError
from kiosk.paths import signing_key_path, station_key_path
from kiosk.receipt_signing import load_receipt_key
from kiosk.services.offices import create_office, find_office
from kiosk.services.ratings import record_rating
from kiosk.station_keys import load_station_signer
from tests.conftest import NOW, run_kiosk
from tests.kiosk.signing import MANAGER_COUNTER, MANAGER_PIN, add_manager, sign_stations

EN = Translator("en")


def run(capsys, *args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run_kiosk(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def rendered(error: KioskError) -> str:
    return error.render(EN)


@pytest.mark.sqlite_only
def test_keys_init_makes_both_keys_private_and_says_to_copy_the_office_key(
    database, office, db_url, capsys
):
    code, out, err = run(capsys, "keys", "init", "--db", db_url, "--lang", "en")
    assert code == 0, err
    receipt, station = signing_key_path(None), station_key_path(None)
    for path in (receipt, station):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert f"New office receipt key written to {receipt}. Copy this file" in out
    assert "every other station of the office" in out
    fingerprint = load_station_signer(station).public_hex
    before = (receipt.read_bytes(), station.read_bytes())
    code, out, _ = run(capsys, "keys", "init", "--db", db_url, "--lang", "en")
    assert code == 0 and "is in place" in out
    assert (receipt.read_bytes(), station.read_bytes()) == before  # nothing replaced
    assert load_station_signer(station).public_hex == fingerprint


@pytest.mark.sqlite_only
def test_keys_init_refuses_a_second_office_key_once_stations_are_sealed(
    database, office, db_url, capsys
):
    sign_stations(database, "kiosk-1")
    signing_key_path(None).unlink()
    code, _out, err = run(capsys, "keys", "init", "--db", db_url, "--lang", "en")
    assert code != 0
    assert "already has a receipt key" in err and str(signing_key_path(None)) in err
    assert not signing_key_path(None).exists()


def test_a_new_office_makes_its_first_key_beside_an_office_whose_keys_are_sealed(
    database, office, db_url, tmp_path, capsys
):
    with database.factory.begin() as session:
        create_office(session, code="000.00.31.H12", name="UBND xã Bình Minh", at=NOW, station="t")
    # Office B's machine (its own folder) has sealed its kiosk's key; A's machine has no key yet.
    sign_stations(database, "kiosk-b", office_code="000.00.31.H12", folder=tmp_path)
    code, _out, err = run(capsys, "keys", "init", "--office", office, "--db", db_url)
    assert code == 0, err
    assert signing_key_path(None).exists()


def test_verify_on_a_database_of_two_offices_names_one(database, office, db_url, capsys):
    with database.factory.begin() as session:
        create_office(session, code="000.00.31.H12", name="UBND xã Bình Minh", at=NOW, station="t")
    assert run(capsys, "keys", "init", "--office", office, "--db", db_url)[0] == 0
    code, _out, err = run(capsys, "verify", "--db", db_url, "--lang", "en")
    assert code != 0 and "name one with --office" in err
    assert run(capsys, "verify", "--office", office, "--db", db_url)[0] == 0


@pytest.mark.sqlite_only
def test_registering_paper_covers_the_older_shared_chain_too(
    database, office, db_url, capsys, monkeypatch
):
    add_manager(database)
    assert run(capsys, "keys", "init", "--db", db_url)[0] == 0
    with database.factory.begin() as session:  # a slip entered before offices were kept apart
        record_rating(
            session,
            find_office(session, office),
            RatingInput(Satisfaction.SATISFIED, service_code="HT-KS", channel=RatingChannel.PAPER),
            station="paper",
            at=NOW,
            signer=None,
        )
    assert run(capsys, "verify", "--db", db_url)[0] == 3  # unsigned, no key: not vouched for
    code, out, err = run(
        capsys,
        "keys", "register", "paper", "--counter", str(MANAGER_COUNTER), "--db", db_url,
        "--lang", "en", stdin=MANAGER_PIN + "\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert code == 0, err
    assert f"station paper-{office} from no. 1" in out and "station paper from no. 2" in out
    code, out, err = run(capsys, "verify", "--db", db_url, "--lang", "en")
    assert code == 0, out + err


def test_register_needs_a_managers_pin_and_show_prints_fingerprints(
    database, office, db_url, capsys, monkeypatch
):
    add_manager(database)
    assert run(capsys, "keys", "init", "--db", db_url)[0] == 0
    code, _out, err = run(
        capsys,
        "keys", "register", "kiosk-1", "--counter", "1", "--db", db_url, "--lang", "en",
        stdin="1234\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert code != 0 and "Only a manager" in err  # counter 1 is a clerk
    code, _out, err = run(
        capsys,
        "keys", "register", "kiosk-1", "--counter", str(MANAGER_COUNTER), "--db", db_url,
        stdin="0000\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert code != 0 and "PIN" in err
    code, out, err = run(
        capsys,
        "keys", "register", "kiosk-1", "paper", "--counter", str(MANAGER_COUNTER),
        "--db", db_url, "--lang", "en", stdin=MANAGER_PIN + "\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert code == 0, err
    assert "signs the ratings of station kiosk-1 from no. 1" in out and "paper" in out
    code, out, _ = run(capsys, "keys", "show", "--db", db_url, "--json")
    shown = json.loads(out)
    assert [(r["station"], r["sealed"]) for r in shown["registered"]] == [
        ("kiosk-1", True),
        ("paper-000.00.30.H12", True),  # "paper" names the office's own chain of slips
    ]
    assert {r["fingerprint"] for r in shown["registered"]} == {shown["station_key"]}
    assert MANAGER_PIN not in out and load_receipt_key(signing_key_path(None)).hex() not in out


@pytest.mark.parametrize(
    "load", [load_receipt_key, load_station_signer], ids=["receipt", "station"]
)
def test_missing_damaged_and_exposed_key_files_are_refused_with_the_fix(tmp_path, load):
    path = tmp_path / "keys" / "some.key"
    with pytest.raises(KeyFileError) as missing:
        load(path)
    assert str(path) in rendered(missing.value) and "kiosk keys init" in rendered(missing.value)
    assert not path.exists()  # never made behind anyone's back
    path.parent.mkdir()
    path.write_text("not hex at all\n")
    path.chmod(0o600)
    with pytest.raises(KeyFileError) as damaged:
        load(path)
    assert f"{path} is damaged" in rendered(damaged.value)
    path.write_text("ab" * 32 + "\n")
    path.chmod(0o644)
    with pytest.raises(KeyFileError) as exposed:
        load(path)
    assert f"can be read by other users: run 'chmod 600 {path}'" in rendered(exposed.value)
    path.chmod(0o600)
    load(path)  # fine once private


def test_the_cli_says_a_missing_station_key_in_one_line(database, office, db_url, tmp_path, capsys):
    slips = tmp_path / "slips.csv"
    slips.write_text(
        "date,dossier_code,service_code,satisfaction,contacts,agencies,complaint,reasons,comment\n"
        "2026-11-23T10:00,,HT-KS,satisfied,,,,,\n",
        encoding="utf-8",
    )
    code, _out, err = run(capsys, "ratings", "paper", "--file", str(slips), "--db", db_url)
    assert code != 0
    assert err.count("\n") == 1 and str(station_key_path(None)) in err
    assert "kiosk keys init" in err and "Traceback" not in err
