"""Loads the fonts shipped in resources/fonts, so Vietnamese looks the same on every machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from kiosk.paths import resources_dir

FAMILY = "Noto Sans"
# Noto Sans has no ✓ ⚠ ◀ ☑ ⌫: they come from here (the application font's second family,
# which every widget's font inherits), not from whatever the machine has.
SYMBOLS = "Noto Sans Symbols2"  # its family name, as the file declares it


# The faces the screens use. The italics shipped beside them are the PDF report's: loaded here
# they would cost every station a megabyte and some milliseconds before its first frame.
SCREEN_FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansSymbols2-Regular.ttf")


def load_shipped_fonts() -> str:
    """Registers the shipped fonts and returns the family the application should use."""
    folder = resources_dir() / "fonts"
    for name in SCREEN_FONTS:
        QFontDatabase.addApplicationFont(str(folder / name))
    return FAMILY


def base_font(family: str, point_size: int = 24) -> QFont:
    font = QFont(family, point_size)
    font.setFamilies([family, SYMBOLS])
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
