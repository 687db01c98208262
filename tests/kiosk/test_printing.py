"""Printing to real printers that go away and come back: every slip printed exactly once."""

import subprocess
import time
import uuid

import pytest
import zxingcpp
from PIL import Image

from kiosk.db.models import PrintKind, PrintStatus
from kiosk.i18n import Translator
from kiosk.printing.printers import printer_from_setting
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.dossiers import DossierService
from kiosk.services.print_queue import PrintQueueService
from kiosk.views import CitizenDetails
from tests.kiosk.printer_fixtures import SocketPrinter, add_pdf_queue, pdf_output_dir, remove_queue

VI = Translator("vi")


@pytest.fixture
def signer():
    return ReceiptSigner(b"print-test-key".ljust(32, b"-"))


@pytest.fixture
def counter(database, office, clock):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    queue = PrintQueueService(database.factory, station="clerk-1", clock=clock)
    return dossiers, queue


@pytest.fixture
def pdf_queue():
    name = f"KIOSKTEST{uuid.uuid4().hex[:12]}"  # unique beside any other run on the machine
    add_pdf_queue(name)
    yield name
    remove_queue(name)


def pdf_outputs():
    folder = pdf_output_dir()
    return set(folder.glob("*.pdf")) if folder.exists() else set()


def printed_copies(code, since):
    """The PDF printer's new output files that carry this dossier's code."""
    return [
        path
        for path in pdf_outputs() - since
        if code
        in subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    ]


def wait_for(condition, timeout=20):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_cups_receipt_waits_for_a_paused_printer_and_prints_once(counter, pdf_queue, signer):
    dossiers, queue = counter
    printer = printer_from_setting(f"cups:{pdf_queue}", "80mm")
    before = pdf_outputs()
    subprocess.run(["cupsdisable", pdf_queue], check=True)
    code = dossiers.register(
        "HT-KS", clerk_id=1, print_receipt=True, citizen=CitizenDetails(name="Phạm Thị Thu")
    ).code
    [failed] = queue.process(printer, signer, VI)
    assert failed.status is PrintStatus.QUEUED and "tạm dừng" in failed.last_error
    assert dossiers.show(code).code == code  # registered although its receipt did not print
    assert [job.code for job in queue.pending()] == [code]
    subprocess.run(["cupsenable", pdf_queue], check=True)
    [done] = queue.process(printer, signer, VI)
    assert done.status is PrintStatus.PRINTED and done.attempts == 2
    assert queue.process(printer, signer, VI) == []  # nothing left: no second copy
    wait_for(lambda: len(printed_copies(code, before)) == 1)
    time.sleep(1)  # a second copy would have arrived by now
    [copy] = printed_copies(code, before)
    # The PDF printer redraws the text without its Unicode map, so the printed copy is checked
    # by its QR code, read from the page as a scanner would.
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", str(copy), str(copy.parent / "scan")], check=True
    )
    scans = sorted(copy.parent.glob("scan*.png"))
    payloads = [b.text for png in scans for b in zxingcpp.read_barcodes(Image.open(png))]
    for png in scans:
        png.unlink()
    assert [signer.verify(p) for p in payloads] == [code]


def test_missing_cups_queue_keeps_the_job_with_a_clear_error(counter, signer):
    dossiers, queue = counter
    code = dossiers.register("HT-KS", clerk_id=1, print_receipt=True).code
    [failed] = queue.process(printer_from_setting("cups:NO_SUCH_QUEUE", "a5"), signer, VI)
    assert failed.status is PrintStatus.QUEUED and "không tồn tại" in failed.last_error
    assert [job.code for job in queue.pending()] == [code]


def test_thermal_printer_that_goes_away_gets_the_slip_once_it_is_back(counter, signer):
    dossiers, queue = counter
    thermal = SocketPrinter()
    port = thermal.port
    printer = printer_from_setting(f"escpos-net:127.0.0.1:{port}", "80mm")
    first = dossiers.register("HT-KS", clerk_id=1, print_receipt=True).code
    [done] = queue.process(printer, signer, VI)
    assert done.status is PrintStatus.PRINTED
    wait_for(lambda: len(thermal.jobs) == 1)
    assert signer.payload(first).encode() in thermal.jobs[0]
    thermal.close()  # unplugged
    second = dossiers.register("HT-XNHN", clerk_id=2, print_receipt=True).code
    [failed] = queue.process(printer, signer, VI)
    assert failed.status is PrintStatus.QUEUED and failed.code == second
    assert "không phản hồi" in failed.last_error
    back = SocketPrinter(port)  # plugged in again
    try:
        [done] = queue.process(printer, signer, VI)
        assert done.status is PrintStatus.PRINTED and done.code == second
        wait_for(lambda: len(back.jobs) == 1)
        assert signer.payload(second).encode() in back.jobs[0]
        assert queue.process(printer, signer, VI) == []
    finally:
        back.close()
    assert len(back.jobs) == 1


def test_reprint_is_a_new_job_and_audited(counter, signer):
    dossiers, queue = counter
    code = dossiers.register("HT-KS", clerk_id=1).code
    assert queue.pending() == []
    job = queue.queue(code, PrintKind.RECEIPT, clerk_id=2)
    assert job.status is PrintStatus.QUEUED and [j.id for j in queue.pending()] == [job.id]


def test_command_line_print_without_a_printer_says_what_to_do(counter, db_url, capsys):
    from tests.conftest import run_kiosk

    dossiers, _queue = counter
    code = dossiers.register("HT-KS", clerk_id=1).code
    assert run_kiosk(["print", "receipt", code, "--db", db_url]) == 1
    assert "Chưa thiết lập máy in" in capsys.readouterr().err


def test_command_line_print_goes_through_the_queue(
    counter, db_url, pdf_queue, tmp_path, monkeypatch, capsys
):
    from tests.kiosk.signing import machine_keys

    machine_keys()  # the office's receipt key, as `kiosk keys init` makes it
    from tests.conftest import run_kiosk

    dossiers, _queue = counter
    code = dossiers.register("HT-KS", clerk_id=1).code
    config = tmp_path / "kiosk.toml"
    config.write_text(f'printer = "cups:{pdf_queue}"\nstation_name = "clerk-9"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    subprocess.run(["cupsdisable", pdf_queue], check=True)
    assert run_kiosk(["print", "receipt", code, "--db", db_url]) == 4
    assert "đang chờ in" in capsys.readouterr().out
    subprocess.run(["cupsenable", pdf_queue], check=True)
    assert run_kiosk(["print", "retry", "--db", db_url]) == 0
    assert f"{code}: đã in." in capsys.readouterr().out
    assert run_kiosk(["print", "pending", "--db", db_url]) == 0
    assert "Không có bản nào chờ in." in capsys.readouterr().out
