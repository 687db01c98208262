"""The exports an office drops into the watched folder, written by the sample-file writers: the
DVCQG sync with three dossiers, and a register CSV (BOM, ';') with or without a bad row."""

from datetime import datetime
from pathlib import Path

from tests.kiosk import provincial_files

DVCQG_CODES = (
    "000.00.30.H12-261120-0001",
    "000.00.30.H12-261120-0002",
    "000.00.30.H12-261120-0003",
)
REGISTER_CODES = ("H12.30-261120-0101", "H12.30-261120-0102")
BAD_ROW_CODE = "H12.30-261120-0103"
BAD_ROW_LINE = 4  # the header is line 1, the good rows lines 2 and 3
DUE = datetime(2026, 11, 25, 17, 0)


def write_dvcqg_json(path: Path) -> Path:
    return provincial_files.write_dvcqg_json(
        path,
        [
            provincial_files.dvcqg_item(
                code, "1.001193", datetime(2026, 11, 20, 8, minute), DUE, status="2"
            )
            for minute, code in enumerate(DVCQG_CODES)
        ],
    )


def write_register_csv(path: Path, *, bad_row: bool = False) -> Path:
    """With `bad_row`, line 4 is due before it was received."""
    rows = [
        provincial_files.register_row(code, "1.001193", datetime(2026, 11, 20, 8, minute), DUE)
        for minute, code in enumerate(REGISTER_CODES)
    ]
    if bad_row:
        rows.append(
            provincial_files.register_row(
                BAD_ROW_CODE, "1.001193", datetime(2026, 11, 20, 9, 0), datetime(2026, 11, 19)
            )
        )
    return provincial_files.write_register_csv(path, rows)
