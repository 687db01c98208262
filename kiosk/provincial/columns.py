"""Which column of a register sheet holds which field, from a mapping an office can adjust.

The mapping (resources/provincial/register-columns.json, or the office's copy named by the
`import_columns` setting) lists, for each field, the headers exports write for it. A header is
matched by its letters and digits only: accents (đ as d), case, spaces and punctuation do not
count, so "Mã hồ sơ", "MÃ HỒ SƠ" and "Ma ho so." are one header.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.paths import resources_dir
from kiosk.service_search import fold
from kiosk.text import nfc

FIELDS = (
    "code",
    "procedure_code",
    "procedure_name",
    "field_code",
    "field_name",
    "citizen_name",
    "citizen_address",
    "citizen_phone",
    "citizen_contact",  # Form 07's one column "Địa chỉ, số điện thoại"
    "received_at",
    "due_at",
    "reappointed_due_at",
    "returned_at",
    "status",
    "processing_days",
    "notes",
)
# Without these a row cannot become a dossier; the header each is asked for by.
REQUIRED = {
    "code": "Mã hồ sơ",
    "procedure_code": "Mã TTHC",
    "received_at": "Ngày tiếp nhận",
    "due_at": "Ngày hẹn trả",
}


def default_columns_path() -> Path:
    return resources_dir() / "provincial" / "register-columns.json"


def header_key(text: object) -> str:
    """A header as it is compared: folded letters and digits, nothing else."""
    return "".join(c for c in fold(nfc(str(text or ""))) if c.isalnum())


def load_columns(path: Path | None = None) -> dict[str, str]:
    """Header key -> field, from the mapping file; InvalidInputError says what is wrong in it."""
    path = path or default_columns_path()
    try:
        mapping = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise InvalidInputError(
            N_("Cannot read the column mapping {path}: {problem}"), path=path, problem=error
        ) from error
    except ValueError as error:
        raise InvalidInputError(
            N_("The column mapping {path} is not JSON: {problem}"), path=path.name, problem=error
        ) from error
    if not isinstance(mapping, dict):
        raise InvalidInputError(
            N_("The column mapping {path} must be a JSON object: field -> list of headers."),
            path=path.name,
        )
    return _headers_by_key(mapping, path)


def _headers_by_key(mapping: Mapping[str, object], path: Path) -> dict[str, str]:
    fields: dict[str, str] = {}
    for field, headers in mapping.items():
        if field.startswith("_"):
            continue  # a comment for the person who edits the file
        if field not in FIELDS:
            raise InvalidInputError(
                N_("The column mapping {path} names an unknown field '{field}' (known: {known})."),
                path=path.name,
                field=field,
                known=", ".join(FIELDS),
            )
        if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
            raise InvalidInputError(
                N_("In the column mapping {path}, '{field}' must be a list of headers."),
                path=path.name,
                field=field,
            )
        for header in headers:
            key = header_key(header)
            if fields.get(key, field) != field:
                raise InvalidInputError(
                    N_("In the column mapping {path}, the header '{header}' is given twice."),
                    path=path.name,
                    header=header,
                )
            if key:
                fields[key] = field
    return fields
