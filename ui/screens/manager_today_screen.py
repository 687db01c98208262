"""The manager's day at a glance: the official figures beside their targets, the alerts, the
comments to follow up, and the exports."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Translator
from kiosk.reports.tables import Table
from kiosk.services.comments import CommentView


class ManagerTodayScreen(QWidget):
    export_requested = Signal(str)  # "pdf" | "xlsx" | "csv"
    follow_up_requested = Signal(object)  # rating id
    sign_out_requested = Signal()

    def __init__(self, tr: Translator) -> None:
        super().__init__()
        self._tr = tr
        self.who = QLabel()
        self.who.setObjectName("officeName")
        self.alerts = QLabel(wordWrap=True)
        self.alerts.setObjectName("problem")
        self.alerts.hide()
        self.figures = QTableWidget(0, 4)
        self.figures.verticalHeader().hide()
        self.comments = QTableWidget(0, 4)
        self.comments.verticalHeader().hide()
        self.comments.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.follow_up_button = QPushButton()
        self.follow_up_button.clicked.connect(self._follow_up)
        self.export_buttons = {kind: QPushButton() for kind in ("pdf", "xlsx", "csv")}
        for kind, button in self.export_buttons.items():
            button.clicked.connect(lambda _=False, k=kind: self.export_requested.emit(k))
        self.sign_out_button = QPushButton()
        for button in (*self.export_buttons.values(), self.sign_out_button, self.follow_up_button):
            button.setObjectName("secondary")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.message = QLabel(wordWrap=True)
        header = QHBoxLayout()
        header.addWidget(self.who, 1)
        for button in (*self.export_buttons.values(), self.sign_out_button):
            header.addWidget(button)
        comments = QVBoxLayout()
        comments.addWidget(self.comments, 1)
        comments.addWidget(self.follow_up_button)
        body = QHBoxLayout()
        body.addWidget(self.figures, 1)
        body.addLayout(comments, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.alerts)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self._comment_ids: list[object] = []
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.follow_up_button.setText(tr("Mark the selected comment as followed up"))
        self.export_buttons["pdf"].setText(tr("Report (PDF)"))
        self.export_buttons["xlsx"].setText(tr("Excel (XLSX)"))
        self.export_buttons["csv"].setText(tr("CSV"))
        self.sign_out_button.setText(tr("Sign out"))
        self.comments.setHorizontalHeaderLabels(
            [tr("Time"), tr("Service"), tr("Answer"), tr("Comment")]
        )

    def show_figures(self, summary: Table) -> None:
        self.figures.setColumnCount(len(summary.header))
        self.figures.setHorizontalHeaderLabels(summary.header)
        self.figures.setRowCount(len(summary.rows))
        for row, values in enumerate(summary.rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem("" if value is None else str(value))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.figures.setItem(row, column, item)
        self.figures.resizeColumnsToContents()

    def show_alerts(self, messages: list[str]) -> None:
        self.alerts.setText("\n".join("⚠ " + m for m in messages))
        self.alerts.setVisible(bool(messages))

    def show_comments(self, comments: list[CommentView], face_words: dict[object, str]) -> None:
        tr = self._tr
        self._comment_ids = [c.rating_id for c in comments]
        self.comments.setRowCount(len(comments))
        for row, comment in enumerate(comments):
            text = comment.comment
            if comment.followed_up_at:
                text += "  ✓ " + tr("followed up: {note}", note=comment.follow_up_note or "")
            for column, value in enumerate(
                (
                    f"{comment.at:%H:%M %d/%m}",
                    comment.service_name,
                    face_words[comment.satisfaction],
                    text,
                )
            ):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.comments.setItem(row, column, item)
        self.comments.resizeColumnsToContents()

    def _follow_up(self) -> None:
        rows = {index.row() for index in self.comments.selectedIndexes()}
        if rows:
            self.follow_up_requested.emit(self._comment_ids[min(rows)])
