"""The one way a file of the provincial one-stop system is read: a Form 07 register in XLSX or
CSV, or the national portal's dossier sync (DVCQG "DongBoHoSoMC" JSON).

A file that cannot be read as a whole raises InvalidInputError; a bad row does not: it comes
back in ParsedFile.refused with the reason, beside the rows that were read.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.provincial.collector import collector_paused
from kiosk.provincial.columns import load_columns
from kiosk.provincial.dvcqg import read_dvcqg
from kiosk.provincial.records import FileFormat, ParsedFile
from kiosk.provincial.sheets import read_csv, read_xlsx

_BY_EXTENSION = {
    ".json": FileFormat.DVCQG,
    ".xlsx": FileFormat.XLSX,
    ".xlsm": FileFormat.XLSX,
    ".csv": FileFormat.CSV,
    ".txt": FileFormat.CSV,
}
ZIP_START = b"PK\x03\x04"  # an XLSX workbook is a zip archive


def detect_format(path: Path, head: bytes) -> FileFormat:
    """By the file's extension, else by its first bytes: a JSON object is the sync, a zip
    archive a workbook, anything else CSV."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InvalidInputError(
            N_("{file} is in the old Excel format (.xls): save it as .xlsx or CSV first."),
            file=path.name,
        )
    if suffix in _BY_EXTENSION:
        return _BY_EXTENSION[suffix]
    if head.startswith(ZIP_START):
        return FileFormat.XLSX
    if head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{":
        return FileFormat.DVCQG
    return FileFormat.CSV


def read_dossier_file(
    path: Path, file_format: FileFormat | None = None, columns: Path | None = None
) -> ParsedFile:
    """Every dossier of the file, read and checked, and every row refused with its reason.

    `file_format` None: found from the file. `columns`: an office's column mapping for
    registers (None: resources/provincial/register-columns.json)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInputError(
            N_("Cannot read {file}: {problem}"), file=path.name, problem=error.strerror or error
        ) from error
    if not data.strip():
        raise InvalidInputError(N_("{file} is empty; nothing was imported."), file=path.name)
    file_format = file_format or detect_format(path, data[:64])
    if file_format is FileFormat.DVCQG:
        with collector_paused():
            return read_dvcqg(path, data)
    fields_by_key = load_columns(columns)
    if file_format is FileFormat.XLSX and not data.startswith(ZIP_START):
        raise InvalidInputError(
            N_("{file} is not an Excel (XLSX) workbook; nothing was imported."), file=path.name
        )
    with collector_paused():
        if file_format is FileFormat.XLSX:
            return read_xlsx(path, fields_by_key)
        return read_csv(path, data, fields_by_key)
