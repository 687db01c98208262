"""A station's two keys, read once at start: a missing or damaged file stops only what needs
it. Without the office's receipt key no receipt is printed or checked here; without the
station's own key no rating is taken here. Each problem goes to the log in words that name the
file and the command that fixes it; the screens say the calm part to citizens."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kiosk.case_qr import CaseQrSigner
from kiosk.config import Settings
from kiosk.i18n import Translator
from kiosk.key_files import KeyFileError
from kiosk.paths import signing_key_path, station_key_path
from kiosk.receipt_signing import ReceiptSigner, UnavailableReceiptSigner, load_receipt_key
from kiosk.station_keys import StationSigner, load_station_signer

log = logging.getLogger("kiosk.keys")


@dataclass(frozen=True)
class StationKeys:
    receipt: ReceiptSigner  # an UnavailableReceiptSigner when the office's key is not usable
    station: StationSigner | None
    receipt_problem: KeyFileError | None = None
    station_problem: KeyFileError | None = None
    case_qr: CaseQrSigner | None = None  # the office's key too: a case slip's QR

    @property
    def problems(self) -> list[KeyFileError]:
        return [p for p in (self.receipt_problem, self.station_problem) if p is not None]


def load_station_keys(settings: Settings) -> StationKeys:
    receipt: ReceiptSigner
    receipt_problem = station_problem = None
    case_qr = None
    try:
        office_key = load_receipt_key(signing_key_path(settings.signing_key_path))
        receipt, case_qr = ReceiptSigner(office_key), CaseQrSigner(office_key)
    except KeyFileError as problem:
        receipt, receipt_problem = UnavailableReceiptSigner(problem), problem
    station: StationSigner | None = None
    try:
        station = load_station_signer(station_key_path(settings.station_key_path))
    except KeyFileError as problem:
        station_problem = problem
    keys = StationKeys(receipt, station, receipt_problem, station_problem, case_qr)
    tr = Translator(settings.language)
    for unusable in keys.problems:
        log.warning("%s", unusable.render(tr))
    return keys
