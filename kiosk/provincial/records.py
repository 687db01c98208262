"""What an export of the provincial one-stop system says about each dossier, read and checked.

The readers (a Form 07 register sheet in XLSX or CSV, the DVCQG "DongBoHoSoMC" JSON) turn a file
into these records; kiosk.services.dossier_import applies them to the database. Times are naive
Vietnam wall-clock time, like every time in the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from kiosk.errors import KioskError


class FileFormat(Enum):
    XLSX = "xlsx"
    CSV = "csv"
    DVCQG = "dvcqg"


@dataclass(frozen=True)
class ImportedDossier:
    line: int  # the sheet's row number, or the item's position (from 1) in the JSON's "data"
    code: str  # MaHoSo, NFC, stripped
    procedure_code: str  # MaTTHC: the national catalogue's code, e.g. "1.001193"
    procedure_name: str  # TenTTHC
    field_code: str | None  # MaLinhVuc
    field_name: str | None  # TenLinhVuc
    citizen_name: str | None  # ChuHoSo: only what Form 07 lists (no e-mail, no ID number)
    citizen_address: str | None
    citizen_phone: str | None
    received_at: datetime  # NgayTiepNhan
    due_at: datetime  # the appointment the office is judged on (before any re-appointment)
    reappointed_due_at: datetime | None  # the new appointment after an apology, if any
    returned_at: datetime | None  # NgayTra
    status_code: str | None  # TrangThaiHoSo as the DVCQG codes it ("10": result returned …)
    processing_days: int | None  # working days, where the file gives them
    not_processed: bool = False  # refused, withdrawn or stopped in the provincial system
    notes: str | None = None


@dataclass(frozen=True)
class RefusedRow:
    """A row that cannot be imported, and why: the whole file is then refused."""

    line: int
    code: str | None
    reason: KioskError  # N_() message with its parameters, translated when the report is shown


@dataclass(frozen=True)
class ParsedFile:
    format: FileFormat
    dossiers: tuple[ImportedDossier, ...]
    refused: tuple[RefusedRow, ...] = ()
    # The column each field was read from (sheets only), so the report can say what was matched.
    columns: Mapping[str, str] = field(default_factory=dict)
    # A CSV that was not UTF-8 and was read as "cp1258" (Vietnamese Windows) or "cp1252"; None
    # for UTF-8 and for other formats. The report says so: a wrong guess garbles the names.
    encoding: str | None = None


@dataclass(frozen=True)
class NewProcedure:
    """A procedure an import created because our catalogue did not have its code."""

    code: str
    name: str
    field: str
    processing_days: int
    confirmed: bool  # False: guessed from the appointments; the office must confirm it


@dataclass(frozen=True)
class ImportReport:
    file_name: str
    format: FileFormat
    imported: bool  # False when the file was refused, or on a dry run
    dry_run: bool
    created: tuple[str, ...]  # the codes of the dossiers added
    updated: tuple[str, ...]  # the codes whose appointment, re-appointment or return changed
    unchanged: int
    refused: tuple[RefusedRow, ...]  # bad rows and conflicts: any one refuses the whole file
    new_procedures: tuple[NewProcedure, ...]
    # Set when a file with the same bytes was imported before: then nothing is done again.
    previously_imported_at: datetime | None = None
