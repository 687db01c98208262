"""A large face with its words under it: the mood is in the shape and the words, not only colour."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.answers import Satisfaction

MOOD = {
    Satisfaction.VERY_SATISFIED: 2,
    Satisfaction.SATISFIED: 1,
    Satisfaction.NEUTRAL: 0,
    Satisfaction.DISSATISFIED: -1,
    Satisfaction.VERY_DISSATISFIED: -2,
}
# Fill colours; every one carries dark ink (contrast > 7:1) for the features and the words.
FILL = {2: "#4caf50", 1: "#a5d6a7", 0: "#fff176", -1: "#ffb74d", -2: "#e57373"}
INK = QColor("#1a1a1a")
WORDS_SIDE = 4  # px between the card's edge and the words


class FaceButton(QAbstractButton):
    chosen = Signal(object)  # Satisfaction

    def __init__(self, satisfaction: Satisfaction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.satisfaction = satisfaction
        self.setMinimumSize(200, 300)  # five faces side by side on a 1366-wide screen
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Its words' size comes from the stylesheet (FaceButton in 10_kiosk.qss): large text too.
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(lambda: self.chosen.emit(self.satisfaction))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        mood = MOOD[self.satisfaction]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        # The words take the height they need (up to three lines in large text), the same in
        # every face of the row, so that the faces stay the same size; the face the rest.
        parent = self.parentWidget()
        row = parent.findChildren(FaceButton) if parent is not None else [self]
        words_height = max(
            self.fontMetrics()
            .boundingRect(QRect(0, 0, self.width() - 2 * WORDS_SIDE, 10_000), flags, face.text())
            .height()
            for face in row
            if face.isVisible()
        )
        size = min(self.width() - 48, self.height() - words_height - 48)
        face = QRectF((self.width() - size) / 2, 24, size, size)
        if self.isDown():
            face.adjust(6, 6, -6, -6)
        # A card behind the face says "this can be pressed".
        painter.setPen(QPen(QColor("#0b3d91"), 3))
        painter.setBrush(QColor("#062a66" if self.isDown() else "#e8eef9"))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), 24, 24)
        painter.setPen(QPen(INK, max(4.0, size / 40)))
        painter.setBrush(QColor(FILL[mood]))
        painter.drawEllipse(face)
        self._draw_features(painter, face, mood)
        painter.setPen(QColor("#ffffff") if self.isDown() else INK)
        painter.setFont(self.font())
        words = QRectF(WORDS_SIDE, face.bottom() + 8, self.width() - 2 * WORDS_SIDE, words_height)
        painter.drawText(words, flags, self.text())
        painter.end()

    @staticmethod
    def _draw_features(painter: QPainter, face: QRectF, mood: int) -> None:
        cx, cy, r = face.center().x(), face.center().y(), face.width() / 2
        painter.setBrush(INK)
        for dx in (-0.35, 0.35):
            painter.drawEllipse(QPointF(cx + dx * r, cy - 0.25 * r), r * 0.08, r * 0.1)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = painter.pen()
        pen.setWidthF(max(5.0, r / 12))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        mouth_y = cy + 0.35 * r
        half = 0.42 * r
        bend = 0.22 * r * mood / 2  # smile down-curve for good moods, frown for bad ones
        path = QPainterPath(QPointF(cx - half, mouth_y - bend / 2))
        path.quadTo(QPointF(cx, mouth_y + bend * 1.5), QPointF(cx + half, mouth_y - bend / 2))
        painter.drawPath(path)
