"""The clerk's board: dossiers in groups (search results, overdue, due today, due next), one row
each with its number of the day, service, citizen, received, appointment, status and clerk.

The columns always fit the board's width: the short ones (number, times, status) get what they
need, the others share the rest and elide, with the full text in a tooltip. There is never a
horizontal scroll bar. A status is told by an icon and in words, not by colour alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from kiosk.formats import moment_text, short_day_text
from kiosk.i18n import N_, Translator
from kiosk.status import STATUS_LABELS, DossierStatus
from kiosk.views import DossierView

COLUMNS = (
    N_("No. of the day"),  # the last digits of the code, not the register's STT
    N_("Service"),
    N_("Citizen"),
    N_("Received"),
    N_("Due at"),
    N_("Status"),
    N_("Clerk"),
)
NUMBER, SERVICE, CITIZEN, RECEIVED, APPOINTMENT, STATUS, CLERK = range(len(COLUMNS))
# How the width left by the short columns is shared out.
_SHARES = {SERVICE: 0.44, CITIZEN: 0.30, CLERK: 0.26}

_RED, _AMBER, _BLUE, _GREEN = "#b3261e", "#8a5300", "#0b3d91", "#1e6b34"


def daily_number(code: str) -> str:
    """The last part of UNIT-YYMMDD-XXXX: what the clerk and the citizen say aloud."""
    return code.rsplit("-", 1)[-1]


def appointment(view: DossierView) -> datetime:
    """The appointment in force: the new one after a re-appointment."""
    return view.reappointed_due_at or view.due_at


def status_words(view: DossierView, tr: Translator) -> str:
    words = tr(STATUS_LABELS[view.status])
    if view.returned_at is not None:
        return tr("returned, {status}", status=words)
    if view.reappointed_at is not None:
        return tr("{status}, re-appointed", status=words)
    return words


def _pen(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _icon(shape: str, colour: str, size: int = 32) -> QIcon:
    """A small drawn sign, the same on every machine (no font needed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    s = float(size)
    white = _pen("#ffffff", s / 9)
    if shape == "warning":
        path = QPainterPath(QPointF(s / 2, s * 0.06))
        path.lineTo(s * 0.97, s * 0.92)
        path.lineTo(s * 0.03, s * 0.92)
        path.closeSubpath()
        painter.drawPath(path)
        painter.setPen(white)
        painter.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.62))
        painter.drawPoint(QPointF(s / 2, s * 0.78))
    else:
        if shape != "search":
            painter.drawEllipse(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92))
            painter.setPen(white)
        if shape == "done":
            painter.drawPolyline(
                [
                    QPointF(s * 0.28, s * 0.52),
                    QPointF(s * 0.44, s * 0.68),
                    QPointF(s * 0.72, s * 0.34),
                ]
            )
        elif shape == "search":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(colour, s / 9))
            painter.drawEllipse(QRectF(s * 0.12, s * 0.12, s * 0.5, s * 0.5))
            painter.drawLine(QPointF(s * 0.56, s * 0.56), QPointF(s * 0.88, s * 0.88))
        else:  # a clock: still being worked on
            painter.drawLine(QPointF(s / 2, s / 2), QPointF(s / 2, s * 0.24))
            painter.drawLine(QPointF(s / 2, s / 2), QPointF(s * 0.7, s * 0.6))
    painter.end()
    return QIcon(pixmap)


def status_icon(view: DossierView) -> QIcon:
    if view.returned_at is not None:
        return _icon("done", _GREEN)
    if view.status is DossierStatus.LATE:
        return _icon("warning", _RED)
    return _icon("clock", _BLUE)


_GROUP_BACKGROUNDS = {
    "search": "#e8eef9",
    "overdue": "#fbe9e7",
    "today": "#fff4d6",
    "next": "#e8eef9",
}
_GROUP_SIGNS = {
    "search": ("search", _BLUE),
    "overdue": ("warning", _RED),
    "today": ("clock", _AMBER),
    "next": ("clock", _BLUE),
}


class DossierBoard(QTreeWidget):
    def __init__(self, tr: Translator) -> None:
        super().__init__()
        self._tr = tr
        self._views: dict[str, DossierView] = {}
        self.setColumnCount(len(COLUMNS))
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setIconSize(QSize(18, 18))
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.setHeaderLabels([tr(title) for title in COLUMNS])
        self.fit_columns()

    # -- contents ------------------------------------------------------------------------------

    def show_groups(self, groups: list[tuple[str, str, list[DossierView]]]) -> None:
        """Each group is (kind, title, dossiers); kind is "search", "overdue", "today" or "next".
        The count goes where the title says "{count}" (near the start: a narrow board elides the
        end), else after it in brackets."""
        chosen = self.selected_code()
        self.clear()
        self._views = {}
        for kind, title, views in groups:
            count = str(len(views))
            heading = (
                title.replace("{count}", count) if "{count}" in title else f"{title} ({count})"
            )
            group = QTreeWidgetItem([heading])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setToolTip(0, heading)
            font = QFont(self.font())
            font.setBold(True)
            group.setFont(0, font)
            group.setIcon(0, _icon(*_GROUP_SIGNS[kind]))
            group.setBackground(0, QBrush(QColor(_GROUP_BACKGROUNDS[kind])))
            self.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)  # the heading must not widen the number column
            for view in views:
                group.addChild(self._row(view))
                self._views.setdefault(view.code, view)
            group.setExpanded(True)
        self.fit_columns()
        if chosen:
            self.select(chosen)

    def _row(self, view: DossierView) -> QTreeWidgetItem:
        tr = self._tr
        service = view.service_name_en if tr.language == "en" else view.service_name_vi
        due, language = appointment(view), tr.language
        cells = {
            NUMBER: (daily_number(view.code), view.code),
            SERVICE: (service, f"{service} — {view.service_code}"),
            CITIZEN: (view.citizen.name or "—", view.citizen.name or tr("no name recorded")),
            RECEIVED: (
                short_day_text(view.received_at.date(), language),
                moment_text(view.received_at, language),
            ),
            APPOINTMENT: (moment_text(due, language, short=True), moment_text(due, language)),
            STATUS: (status_words(view, tr), status_words(view, tr)),
            CLERK: (view.clerk_name or tr("Provincial system"), handled_by(view, tr)),
        }
        item = QTreeWidgetItem([cells[column][0] for column in range(len(COLUMNS))])
        for column, (_text, full) in cells.items():
            item.setToolTip(column, full)
        if view.reappointed_due_at is not None:
            item.setToolTip(
                APPOINTMENT,
                tr(
                    "{new} (re-appointed; first appointment {first})",
                    new=moment_text(due, language),
                    first=moment_text(view.due_at, language),
                ),
            )
        bold = QFont(self.font())
        bold.setBold(True)
        item.setFont(NUMBER, bold)
        item.setIcon(STATUS, status_icon(view))
        item.setData(0, Qt.ItemDataRole.UserRole, view.code)
        return item

    def rows(self) -> Iterator[QTreeWidgetItem]:
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            for j in range(group.childCount() if group else 0):
                row = group.child(j) if group else None
                if row is not None:
                    yield row

    def view(self, code: str | None) -> DossierView | None:
        return self._views.get(code) if code else None

    def selected_code(self) -> str | None:
        items = self.selectedItems()
        code = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        return code if isinstance(code, str) else None

    def select(self, code: str) -> bool:
        # The first match, in board order: search results come before the day's groups.
        for item in self.rows():
            if item.data(0, Qt.ItemDataRole.UserRole) == code:
                self.setCurrentItem(item)
                self.scrollToItem(item)
                return True
        return False

    def select_first(self) -> None:
        if self.selected_code() is None:
            first = next(self.rows(), None)
            if first is not None:
                self.setCurrentItem(first)

    # -- widths --------------------------------------------------------------------------------

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit_columns()

    def _needed(self, column: int) -> int:
        """What a short column needs: its widest cell or its heading, whichever is wider."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold) if column == NUMBER else self.fontMetrics()
        heading = QFontMetrics(bold).horizontalAdvance(self.headerItem().text(column))
        widest = max(
            (metrics.horizontalAdvance(item.text(column)) for item in self.rows()), default=0
        )
        icon = self.iconSize().width() + 8 if column == STATUS else 0
        return max(heading + 24, widest + icon + 20)

    def fit_columns(self) -> None:
        available = self.viewport().width()
        if available <= 0:
            return
        short = {c: self._needed(c) for c in (NUMBER, RECEIVED, APPOINTMENT, STATUS)}
        # A long status may take up to a fifth of the board; beyond that it elides.
        short[STATUS] = min(short[STATUS], available // 5)
        left = max(available - sum(short.values()), 0)
        widths = {**short, **{c: int(left * share) for c, share in _SHARES.items()}}
        widths[SERVICE] += available - sum(widths.values())  # rounding goes to the service
        for column, width in widths.items():
            self.setColumnWidth(column, max(width, 0))


def handled_by(view: DossierView, tr: Translator) -> str:
    """Who took the dossier in: our clerk at a counter, or the provincial system it came from."""
    if view.counter is None:
        return tr("Imported from the provincial one-stop system")
    return tr("{name} — counter {counter}", name=view.clerk_name, counter=view.counter)
