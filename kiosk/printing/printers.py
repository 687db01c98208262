"""The counter's printers: a CUPS queue (PDF) or an ESC/POS thermal printer (raw bytes).

A printer either takes the whole slip or raises PrinterError with words a clerk understands;
the print queue keeps the job and tries again later.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_, Translator
from kiosk.printing.escpos_slip import render_escpos
from kiosk.printing.pdf_slip import PAPERS, render_pdf
from kiosk.printing.slip_fields import SlipContent
from kiosk.printing.templates import SlipTemplate

LP_TIMEOUT = 15  # seconds; lp only hands the job to the local CUPS server
MEDIA = {"a5": "A5", "80mm": "Custom.80x200mm"}


class PrinterError(KioskError):
    """The slip did not reach the printer; nothing was printed."""


@dataclass(frozen=True)
class Slip:
    template: SlipTemplate
    content: SlipContent
    tr: Translator
    qr_payload: str
    title: str  # in the PDF, in the slip's language
    job_name: str  # ASCII, for the print system's queue ("receipt-000.00.30.H12-261123-0042")


class Printer(Protocol):
    description: str

    def print_slip(self, slip: Slip) -> None: ...


class CupsPrinter:
    """A CUPS queue, fed PDFs through `lp` (CUPS' text filter would lose the Vietnamese)."""

    def __init__(self, queue: str, paper: str) -> None:
        if paper not in PAPERS:
            raise InvalidInputError(
                N_("Setting '{key}' must be one of {choices}."),
                key="printer_paper",
                choices=", ".join(PAPERS),
            )
        self.queue, self.paper = queue, PAPERS[paper]
        self.description = f"CUPS {queue}"

    def _check_ready(self) -> None:
        state = subprocess.run(
            ["lpstat", "-p", self.queue], capture_output=True, text=True, timeout=LP_TIMEOUT
        )
        if state.returncode != 0:
            raise PrinterError(N_("Printer {name} does not exist."), name=self.queue)
        if "disabled" in state.stdout:
            # Sending now would park the slip inside CUPS, out of the clerk's sight.
            raise PrinterError(N_("Printer {name} is paused or out of paper."), name=self.queue)

    def print_slip(self, slip: Slip) -> None:
        self._check_ready()
        pdf = render_pdf(
            slip.template,
            slip.content,
            slip.tr,
            qr_payload=slip.qr_payload,
            paper=self.paper,
            title=slip.title,
        )
        try:
            sent = subprocess.run(
                [
                    "lp",
                    "-d",
                    self.queue,
                    "-t",
                    slip.title,
                    "-o",
                    f"media={MEDIA[self.paper.name]}",
                    "-",
                ],
                input=pdf,
                capture_output=True,
                timeout=LP_TIMEOUT,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PrinterError(
                N_("The print system did not answer ({problem})."), problem=error
            ) from error
        if sent.returncode != 0:
            raise PrinterError(
                N_("Printer {name} refused the slip: {problem}"),
                name=self.queue,
                problem=sent.stderr.decode(errors="replace").strip(),
            )


class EscposPrinter:
    """A thermal receipt printer spoken to with python-escpos."""

    def __init__(self, connect: Callable[[], Any], description: str) -> None:
        self._connect = connect
        self.description = description

    def print_slip(self, slip: Slip) -> None:
        data = render_escpos(slip.template, slip.content, slip.tr, qr_payload=slip.qr_payload)
        try:
            device = self._connect()
            try:
                device._raw(data)  # noqa: SLF001 - python-escpos' way to send prepared bytes
            finally:
                device.close()
        except Exception as error:  # noqa: BLE001 - escpos raises many kinds; all mean "not printed"
            raise PrinterError(
                N_("Printer {name} is not answering ({problem})."),
                name=self.description,
                problem=error,
            ) from error


def printer_from_setting(setting: str, paper: str) -> Printer | None:
    """The printer a `printer` setting names, or None for "none"."""
    kind, _, rest = setting.partition(":")
    if kind == "none":
        return None
    if kind == "cups" and rest:
        return CupsPrinter(rest, paper)
    if kind == "escpos-net" and rest:
        host, _, port = rest.rpartition(":")
        from escpos.printer import Network

        return EscposPrinter(
            lambda: Network(host or rest, int(port or 9100), timeout=5), f"ESC/POS {rest}"
        )
    if kind == "escpos-serial" and rest:
        from escpos.printer import Serial

        return EscposPrinter(lambda: Serial(rest), f"ESC/POS {rest}")
    if kind == "escpos-usb" and rest:
        from escpos.printer import Usb

        vendor, _, product = rest.partition(":")
        return EscposPrinter(lambda: Usb(int(vendor, 16), int(product, 16)), f"ESC/POS {rest}")
    raise InvalidInputError(
        N_("Setting '{key}' is not a printer: {value!r}."), key="printer", value=setting
    )
