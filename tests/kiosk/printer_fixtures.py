"""Real printers for tests: a CUPS server with a PDF queue, and a loopback ESC/POS printer."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

CUPS_PDF_PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"


def _scheduler_running() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "is running" in result.stdout


def ensure_cups() -> None:
    """Starts the machine's CUPS scheduler when it is not running (no systemd in CI)."""
    if _scheduler_running():
        return
    assert shutil.which("cupsd"), "scripts/setup.sh installs cups"
    subprocess.Popen(
        ["cupsd", "-f"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 15
    while not _scheduler_running():
        assert time.monotonic() < deadline, "cupsd did not start"
        time.sleep(0.1)


def add_pdf_queue(name: str) -> None:
    ensure_cups()
    subprocess.run(
        ["lpadmin", "-p", name, "-E", "-v", "cups-pdf:/", "-P", CUPS_PDF_PPD],
        check=True,
        capture_output=True,
    )


def remove_queue(name: str) -> None:
    subprocess.run(["lpadmin", "-x", name], capture_output=True)


def pdf_output_dir() -> Path:
    return Path(os.path.expanduser("~")) / "PDF"  # cups-pdf's "Out ${HOME}/PDF"


class SocketPrinter:
    """A thermal printer on 127.0.0.1: it keeps every byte it is sent, job by job."""

    def __init__(self, port: int = 0) -> None:
        self._server = socket.create_server(("127.0.0.1", port))
        self.port = self._server.getsockname()[1]
        self.jobs: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            with connection:
                chunks = []
                while chunk := connection.recv(65536):
                    chunks.append(chunk)
                self.jobs.append(b"".join(chunks))

    def close(self) -> None:
        # shutdown() wakes the blocked accept(); close() alone would leave the port listening.
        try:
            self._server.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._server.close()
        self._thread.join(timeout=5)
