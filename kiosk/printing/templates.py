"""Slip templates: the blocks of a printed form, in a TOML file an office can edit."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.paths import resources_dir

BLOCK_KINDS = (
    "masthead",
    "title",
    "centered",
    "right",
    "line",
    "paragraph",
    "emphasis",
    "items",
    "signatures",
    "qr",
)
TEXT_KEYS = ("text", "left", "right", "left_name", "right_name", "caption")
# The lists an "items" block may print, one line per entry (see slip_fields.SlipContent).
LIST_SOURCES = ("documents", "missing")
DEFAULT_BLANK_LINES = 3


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    left: str = ""
    right: str = ""
    left_name: str = ""
    right_name: str = ""
    caption: str = ""
    source: str = ""  # items: which list
    blank_lines: int = DEFAULT_BLANK_LINES  # items: lines left to fill by hand when it is empty


@dataclass(frozen=True)
class SlipTemplate:
    name: str
    blocks: tuple[Block, ...]


def template_path(name: str, folder: Path | None = None) -> Path:
    return (folder or resources_dir() / "templates") / f"{name}.toml"


def _block(raw: dict[str, object], path: Path, number: int) -> Block:
    kind = raw.get("kind")
    allowed = {"kind", *TEXT_KEYS, *(("source", "blank_lines") if kind == "items" else ())}
    source = raw.get("source", "")
    blank_lines = raw.get("blank_lines", DEFAULT_BLANK_LINES)
    if (
        kind not in BLOCK_KINDS
        or set(raw) - allowed
        or (kind == "items" and source not in LIST_SOURCES)
        or not isinstance(blank_lines, int)
        or not 0 <= blank_lines <= 20
    ):
        raise InvalidInputError(
            N_("Slip template {path}, block {number}: unknown kind or key."),
            path=path,
            number=number,
        )
    texts = {key: str(raw[key]) for key in TEXT_KEYS if key in raw}
    return Block(kind=str(kind), source=str(source), blank_lines=blank_lines, **texts)


def load_template(name: str, folder: Path | None = None) -> SlipTemplate:
    path = template_path(name, folder)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InvalidInputError(
            N_("Slip template {path} cannot be read: {problem}"), path=path, problem=error
        ) from error
    blocks = [_block(raw, path, number) for number, raw in enumerate(data.get("block", []), 1)]
    return SlipTemplate(name, tuple(blocks))


def template_messages(folder: Path | None = None) -> dict[str, list[tuple[str, int]]]:
    """Every text of the shipped templates, for the translation catalogue."""
    found: dict[str, list[tuple[str, int]]] = {}
    for path in sorted((folder or resources_dir() / "templates").glob("*.toml")):
        for number, block in enumerate(load_template(path.stem, path.parent).blocks, 1):
            for key in TEXT_KEYS:
                value = getattr(block, key)
                if value and not value.startswith("{"):
                    found.setdefault(value, []).append((f"templates/{path.name}", number))
    return found
