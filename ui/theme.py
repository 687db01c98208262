"""The stylesheets, and the large-text mode that scales every font size in them."""

from __future__ import annotations

import re

from kiosk.paths import resources_dir

LARGE_TEXT_FACTOR = 1.5
_POINT_SIZE = re.compile(r"(\d+)pt")


def stylesheet(*, large_text: bool = False) -> str:
    """Every file of resources/styles, in name order, scaled for large text if asked."""
    sheets = sorted((resources_dir() / "styles").glob("*.qss"))
    text = "\n".join(path.read_text(encoding="utf-8") for path in sheets)
    if large_text:
        text = _POINT_SIZE.sub(lambda m: f"{round(int(m[1]) * LARGE_TEXT_FACTOR)}pt", text)
    return text


def desk_stylesheet() -> str:
    """The staff desks' denser look, set on the desk widget over the application's sheet."""
    return (resources_dir() / "styles" / "desk" / "desk.qss").read_text(encoding="utf-8")
