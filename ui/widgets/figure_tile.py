"""One headline figure: its name, its value, and a line saying how it stands against its
target — in words and a sign, not by colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


class FigureTile(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.name = QLabel(wordWrap=True)
        self.name.setObjectName("tileName")
        self.value = QLabel()
        self.value.setObjectName("tileValue")
        self.note = QLabel(wordWrap=True)
        self.note.setObjectName("tileNote")
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def show_figure(self, name: str, value: str, note: str = "", *, below: bool = False) -> None:
        self.name.setText(name)
        self.value.setText(value)
        self.note.setText(note)
        look = "tileValueBelow" if below else "tileValue"
        if self.value.objectName() != look:
            self.value.setObjectName(look)
            self.value.style().unpolish(self.value)
            self.value.style().polish(self.value)
