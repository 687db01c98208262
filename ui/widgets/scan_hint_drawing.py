"""A small drawing for citizens who read pictures before words: a receipt with its QR code,
and an arrow pointing down to the scanner fitted below the screen."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

NAVY = QColor("#0b3d91")
INK = QColor("#1a1a1a")
LINE = QColor("#8c8c8c")
# A fixed, made-up pattern: it only has to look like a QR code, never to scan as one.
QR_MODULES = (
    "1110111",
    "1010101",
    "1110111",
    "0001000",
    "1101011",
    "0110110",
    "1011101",
)
# The drawing's own units; it is scaled to the widget's height.
WIDTH, HEIGHT = 120.0, 200.0


class ScanHintDrawing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(96, 160)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(int(WIDTH), int(HEIGHT))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = min(self.width() / WIDTH, self.height() / HEIGHT)
        painter.translate((self.width() - WIDTH * scale) / 2, (self.height() - HEIGHT * scale) / 2)
        painter.scale(scale, scale)
        self._receipt(painter)
        self._arrow(painter)

    def _receipt(self, painter: QPainter) -> None:
        left, top, right, bottom = 14.0, 4.0, 106.0, 118.0
        # A torn-off bottom edge: the paper from a counter's printer.
        outline = [QPointF(left, top), QPointF(right, top), QPointF(right, bottom)]
        teeth = 6
        for tooth in range(teeth * 2, -1, -1):
            x = left + (right - left) * tooth / (teeth * 2)
            outline.append(QPointF(x, bottom - (5 if tooth % 2 else 0)))
        painter.setPen(
            QPen(NAVY, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        painter.setBrush(QBrush(Qt.GlobalColor.white))
        painter.drawPolygon(QPolygonF(outline))
        painter.setPen(QPen(LINE, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for y, length in ((18.0, 60.0), (28.0, 44.0), (102.0, 52.0)):
            painter.drawLine(QPointF(left + 12, y), QPointF(left + 12 + length, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(INK))
        module, qr_left, qr_top = 7.0, 35.5, 40.0
        for row, line in enumerate(QR_MODULES):
            for column, mark in enumerate(line):
                if mark == "1":
                    painter.drawRect(
                        QRectF(qr_left + column * module, qr_top + row * module, module, module)
                    )

    def _arrow(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(NAVY))
        painter.drawRect(QRectF(52, 128, 16, 36))
        painter.drawPolygon(QPolygonF([QPointF(32, 160), QPointF(88, 160), QPointF(60, 196)]))
