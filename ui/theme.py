"""The stylesheets, and the large-text mode that scales every font size in them."""

from __future__ import annotations

import re

from kiosk.paths import resources_dir

LARGE_TEXT_FACTOR = 1.5
# The sizes are set for a 21.5-inch 1920×1080 screen (0.248 mm a pixel). A 1366×768 counter PC
# has an 18.5-inch screen (0.3 mm a pixel): 0.8 × the points draws letters as tall in millimetres.
REFERENCE_HEIGHT = 1080
SMALLEST_SCALE = 0.8
_POINT_SIZE = re.compile(r"(\d+)pt")


def screen_scale(height: int) -> float:
    """The factor for a screen (or window) this many pixels high."""
    return max(SMALLEST_SCALE, min(1.0, height / REFERENCE_HEIGHT))


def stylesheet(*, large_text: bool = False, scale: float = 1.0) -> str:
    """Every file of resources/styles, in name order, scaled for the screen and large text."""
    sheets = sorted((resources_dir() / "styles").glob("*.qss"))
    text = "\n".join(path.read_text(encoding="utf-8") for path in sheets)
    factor = scale * (LARGE_TEXT_FACTOR if large_text else 1.0)
    if factor != 1.0:
        text = _POINT_SIZE.sub(lambda m: f"{round(int(m[1]) * factor)}pt", text)
    return text


def desk_stylesheet() -> str:
    """The staff desks' denser look, set on the desk widget over the application's sheet."""
    return (resources_dir() / "styles" / "desk" / "desk.qss").read_text(encoding="utf-8")
