"""Citizens' comments and reasons, newest first, filtered by what the manager is looking for;
one can be marked "followed up" with a note, never edited or hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.answers import UNHAPPY
from kiosk.i18n import Translator
from kiosk.service_search import fold
from kiosk.services.comments import CommentView
from kiosk.text import nfc

FILTERS = ("all", "open", "unhappy")


class ManagerCommentsTab(QWidget):
    follow_up_requested = Signal(object, str)  # rating id, note
    filter_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.which = QComboBox()
        self.which.currentIndexChanged.connect(self.filter_changed)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_search)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.note = QLineEdit()
        self.follow_up_button = QPushButton()
        self.follow_up_button.setObjectName("secondary")
        self.follow_up_button.clicked.connect(self._follow_up)
        filters = QHBoxLayout()
        filters.addWidget(self.which)
        filters.addWidget(self.search, 1)
        follow = QHBoxLayout()
        follow.addWidget(self.note, 1)
        follow.addWidget(self.follow_up_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(follow)
        self._comments: list[CommentView] = []

    def retranslate(self, tr: Translator) -> None:
        index = max(0, self.which.currentIndex())
        self.which.blockSignals(True)
        self.which.clear()
        self.which.addItems(
            [tr("All comments"), tr("Not yet followed up"), tr("From unhappy citizens")]
        )
        self.which.setCurrentIndex(index)
        self.which.blockSignals(False)
        self.search.setPlaceholderText(tr("Find a word in the comments or services"))
        self.note.setPlaceholderText(tr("What was done (optional)"))
        self.follow_up_button.setText(tr("Mark the selected comment as followed up"))
        self.table.setHorizontalHeaderLabels(
            [tr("Time"), tr("Service"), tr("Answer"), tr("Reasons and comment"), tr("Followed up")]
        )

    @property
    def chosen_filter(self) -> str:
        return FILTERS[max(0, self.which.currentIndex())]

    def show_comments(
        self,
        comments: list[CommentView],
        face_words: dict[object, str],
        reason_words: dict[str, str],
        tr: Translator,
    ) -> None:
        self._comments = comments
        self.table.setRowCount(len(comments))
        for row, comment in enumerate(comments):
            reasons = "; ".join(reason_words.get(r, r) for r in comment.reasons)
            followed = (
                tr(
                    "✓ {at}: {note}",
                    at=f"{comment.followed_up_at:%H:%M %d/%m}",
                    note=comment.follow_up_note or "",
                )
                if comment.followed_up_at
                else ""
            )
            for column, value in enumerate(
                (
                    f"{comment.at:%H:%M %d/%m/%Y}",
                    comment.service_name,
                    face_words[comment.satisfaction],
                    " — ".join(part for part in (reasons, comment.comment) if part),
                    followed,
                )
            ):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == COMMENT_COLUMN:
                    item.setToolTip(value)  # the whole text, when the row cannot hold it
                if column == FACE_COLUMN and comment.satisfaction in UNHAPPY:
                    mark_unhappy(item, self.table)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        # The citizen's words take the width left and wrap: the follow-up column stays on
        # screen at 1366 px instead of being pushed off to the side.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COMMENT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self._apply_search(self.search.text())

    def _apply_search(self, text: str) -> None:
        """Every typed word, accent-insensitive: a desk keyboard often types without diacritics."""
        words = fold(nfc(text)).split()
        for row in range(self.table.rowCount()):
            cells = (self.table.item(row, column) for column in (1, 3))
            haystack = " ".join(fold(cell.text()) for cell in cells if cell is not None)
            self.table.setRowHidden(row, not all(word in haystack for word in words))

    def _follow_up(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if rows:
            self.follow_up_requested.emit(self._comments[min(rows)].rating_id, self.note.text())
            self.note.clear()


FACE_COLUMN, COMMENT_COLUMN = 2, 3
UNHAPPY_COLOUR = "#b3261e"


def mark_unhappy(item: QTableWidgetItem, table: QTableWidget) -> None:
    """An unhappy face is marked by an icon and bold red words beside the words themselves:
    never by colour alone."""
    item.setIcon(table.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
    item.setForeground(QBrush(QColor(UNHAPPY_COLOUR)))
    font = item.font()
    font.setBold(True)
    item.setFont(font)
