"""The office's emblem or logo, drawn at the size it is shown (an SVG is rendered at that size,
not scaled from a small bitmap). Whatever the setting names, citizens see an emblem: a missing
or unreadable file falls back to the neutral one shipped with the kiosk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.paths import resources_dir


def default_emblem_path() -> Path:
    return resources_dir() / "icons" / "emblem-default.svg"


def read_emblem(path: Path, size: QSize) -> QImage | None:
    """The image fitted into `size`, or None when the file cannot be read as an image."""
    reader = QImageReader(str(path))
    if not reader.canRead():
        return None
    natural = reader.size()
    fitted = natural.scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
    vector = bytes(reader.format().data()).lower().startswith(b"svg")
    if vector and natural.isValid():
        reader.setScaledSize(fitted)  # drawn at the size shown: sharp at any size
    image = reader.read()
    if image.isNull():
        return None
    if image.size() != fitted and fitted.isValid():
        image = image.scaled(
            fitted, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


class EmblemWidget(QWidget):
    def __init__(self, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(side, side)
        self.source: Path | None = None  # the file shown, once known
        self._image: QImage | None = None

    def show_emblem(self, configured: str | None) -> None:
        """Shows the configured file, or the neutral emblem when it cannot be shown."""
        pixels = self.size() * self.devicePixelRatio()
        image = read_emblem(Path(configured), pixels) if configured else None
        self.source = Path(configured) if image is not None and configured else None
        if image is None:
            self.source = default_emblem_path()
            image = read_emblem(self.source, pixels)
        if image is not None:
            image.setDevicePixelRatio(self.devicePixelRatio())
        self._image = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self._image is None:
            return
        shown = self._image.deviceIndependentSize()
        corner = QPointF((self.width() - shown.width()) / 2, (self.height() - shown.height()) / 2)
        QPainter(self).drawImage(corner, self._image)
