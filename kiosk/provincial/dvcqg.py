"""The national portal's dossier sync, {"service": "DongBoHoSoMC", "isUpdating": …, "data": […]},
read into dossiers.

Only what Form 07 needs is read: no e-mail (Email), no ID number (MaDoiTuong). Dates are
"yyyyMMddHHmmss" in Vietnam time, kept as naive wall-clock times like every time we store.

Supplements and re-appointments: DanhSachHoSoBoSung lists the supplement requests (Form 02),
each with the appointment before it (NgayHenTraTruoc) and the one after the citizen brought the
papers (NgayHenTraMoi); an apology with a new appointment (Form 04) is not in the list, it only
moves NgayHenTra, the current appointment. Time waiting for the first supplement does not count
against the office, a second request does. So: with no supplement that moved the appointment,
`due_at` is NgayHenTra; otherwise `due_at` is the first supplement's NgayHenTraMoi, and a current
appointment later than that (a second supplement, or an apology) is the re-appointment. When
NgayHenTra is empty the last NgayHenTraMoi is the current appointment.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import orjson

from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.provincial.checks import (
    cell_text,
    check_dossier,
    duplicate,
    phone_text,
    read_moment,
    required_moment,
    required_text,
)
from kiosk.provincial.moments import dvcqg_moment
from kiosk.provincial.records import FileFormat, ImportedDossier, ParsedFile, RefusedRow
from kiosk.provincial.statuses import NOT_PROCESSED

SERVICE = "DongBoHoSoMC"
# The JSON's own names are the "columns" a refused row's message names.
COLUMNS = {
    "code": "MaHoSo",
    "procedure_code": "MaTTHC",
    "procedure_name": "TenTTHC",
    "field_code": "MaLinhVuc",
    "field_name": "TenLinhVuc",
    "citizen_name": "ChuHoSo",
    "citizen_address": "DiaChi",
    "citizen_phone": "SoDienThoai",
    "received_at": "NgayTiepNhan",
    "due_at": "NgayHenTra",
    "returned_at": "NgayTra",
    "status_code": "TrangThaiHoSo",
    "notes": "GhiChu",
}
# Not in the published field lists, but some provincial systems add the applicant's address.
ADDRESS_FIELDS = ("DiaChi", "DiaChiChuHoSo", "DiaChiThuongTru")


def load_sync(path: Path, data: bytes) -> list[object]:
    """The "data" list of a DongBoHoSoMC file, or InvalidInputError saying why it is not one."""
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise InvalidInputError(
            N_("{file} is not valid JSON ({problem}); nothing was imported."),
            file=path.name,
            problem=error,
        ) from None
    if not isinstance(document, dict) or "data" not in document:
        raise InvalidInputError(
            N_(
                "{file} is not a dossier sync of the national portal: it must be a JSON object "
                'with "service": "DongBoHoSoMC" and a "data" list.'
            ),
            file=path.name,
        )
    service = document.get("service")
    if service != SERVICE:
        raise InvalidInputError(
            N_(
                '{file} holds "{service}", not the dossier sync "DongBoHoSoMC": only dossiers '
                "are imported."
            ),
            file=path.name,
            service=str(service)[:40],
        )
    items = document["data"]
    if not isinstance(items, list):
        raise InvalidInputError(N_('In {file}, "data" must be a list of dossiers.'), file=path.name)
    if not items:
        raise InvalidInputError(N_("{file} lists no dossier."), file=path.name)
    return items


def read_dvcqg(path: Path, data: bytes) -> ParsedFile:
    dossiers: list[ImportedDossier] = []
    refused: list[RefusedRow] = []
    first_line: dict[str, int] = {}
    for line, item in enumerate(load_sync(path, data), 1):
        code = cell_text(item.get("MaHoSo")) if isinstance(item, dict) else None
        try:
            if not isinstance(item, dict):
                raise InvalidInputError(N_("This entry of the list is not a dossier (an object)."))
            dossier = _dossier(line, code, item)
            if dossier.code in first_line:
                raise duplicate(dossier.code, first_line[dossier.code])
        except KioskError as problem:
            refused.append(RefusedRow(line, code, problem))
            continue
        first_line[dossier.code] = line
        dossiers.append(dossier)
    return ParsedFile(FileFormat.DVCQG, tuple(dossiers), tuple(refused))


def _moment(item: Mapping[str, object], name: str) -> datetime | None:
    return read_moment(item.get(name), name, dvcqg_moment)


def _appointments(
    item: Mapping[str, object],
) -> tuple[datetime, datetime | None]:
    """(the appointment judged, the re-appointment or None), by the rule in the docstring."""
    current = _moment(item, "NgayHenTra")
    supplements = item.get("DanhSachHoSoBoSung") or []
    if not isinstance(supplements, list):
        raise InvalidInputError(N_("DanhSachHoSoBoSung must be a list."))
    moved: list[datetime] = []
    for entry in supplements:
        if not isinstance(entry, dict):
            raise InvalidInputError(N_("An entry of DanhSachHoSoBoSung is not an object."))
        new = _moment(entry, "NgayHenTraMoi")
        if new is not None:  # a supplement that did not move the appointment changes nothing
            moved.append(new)
    current = required_moment(current or (moved[-1] if moved else None), "NgayHenTra")
    if not moved or current <= moved[0]:
        return current, None
    return moved[0], current


def _dossier(line: int, code: str | None, item: Mapping[str, object]) -> ImportedDossier:
    code = required_text(code, N_("The dossier code ({column}) is empty."), "MaHoSo")
    procedure_code = required_text(
        cell_text(item.get("MaTTHC")), N_("The procedure code ({column}) is empty."), "MaTTHC"
    )
    received = required_moment(_moment(item, "NgayTiepNhan"), "NgayTiepNhan")
    due, again = _appointments(item)
    status = cell_text(item.get("TrangThaiHoSo"))
    address = None
    for name in ADDRESS_FIELDS:
        if name in item:
            address = address or cell_text(item[name])
    dossier = ImportedDossier(
        line=line,
        code=code,
        procedure_code=procedure_code,
        procedure_name=cell_text(item.get("TenTTHC")) or procedure_code,
        field_code=cell_text(item.get("MaLinhVuc")),
        field_name=cell_text(item.get("TenLinhVuc")),
        citizen_name=cell_text(item.get("ChuHoSo")),
        citizen_address=address,
        citizen_phone=phone_text(item.get("SoDienThoai")),
        received_at=received,
        due_at=due,
        reappointed_due_at=again,
        returned_at=_moment(item, "NgayTra"),
        status_code=status,
        processing_days=None,
        not_processed=status in NOT_PROCESSED,
        notes=cell_text(item.get("GhiChu")),
    )
    check_dossier(dossier, COLUMNS)
    return dossier
