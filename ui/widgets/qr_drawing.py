"""A QR code on screen, drawn module by module at the size shown, dark on white: sharp for a
phone's camera and for the kiosk's own scanner."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class QrDrawing(QWidget):
    def __init__(self, side: int) -> None:
        super().__init__()
        self._matrix: list[list[bool]] = []
        self.payload = ""
        self.setMinimumSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._side = side

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._side, self._side)

    def show_payload(self, payload: str) -> None:
        # Imported on the first code shown: the kiosk builds this screen at start, and the PDF
        # layout brings reportlab, qrcode and Pillow with it (some 110 ms, 10 MiB).
        from kiosk.printing.pdf_layout import qr_matrix

        self.payload = payload
        self._matrix = qr_matrix(payload) if payload else []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self._matrix:
            return
        painter = QPainter(self)
        side = min(self.width(), self.height())
        painter.fillRect(0, 0, side, side, Qt.GlobalColor.white)
        module = side / len(self._matrix)
        dark = QColor("#000000")
        for row, modules in enumerate(self._matrix):
            for column, on in enumerate(modules):
                if on:
                    painter.fillRect(
                        QRectF(column * module, row * module, module + 0.5, module + 0.5), dark
                    )
        painter.end()
