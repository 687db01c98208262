"""A message told by its kind in a sign and in words as well as in colour: ✓ done, ⚠ take
care, ✕ refused or failed. It wraps rather than clip, and is hidden while there is nothing to say.

The colours are in resources/styles/desk/desk.qss (QLabel[kind="…"]), each ≥ 4.5:1.
"""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QLabel, QSizePolicy

from kiosk.i18n import N_, Translator


class MessageKind(enum.Enum):
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


SYMBOLS = {MessageKind.SUCCESS: "✓", MessageKind.WARNING: "⚠", MessageKind.ERROR: "✕"}
# Read out by a screen reader, which may not say the sign.
KIND_WORDS = {
    MessageKind.SUCCESS: N_("Done"),
    MessageKind.WARNING: N_("Take care"),
    MessageKind.ERROR: N_("Not done"),
}


class MessageBar(QLabel):
    def __init__(self, tr: Translator, *, object_name: str = "message") -> None:
        super().__init__(wordWrap=True)
        self._tr = tr
        self.setObjectName(object_name)
        # As tall as its wrapped text needs, never less: a message is never cut off.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # Margins, not a stylesheet padding: QLabel wraps its text within its margins, but
        # would wrap a padded text as if the padding were not there, and clip it.
        self.setMargin(6)
        self.kind: MessageKind | None = None
        self.hide()

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr

    def show_message(self, kind: MessageKind, text: str) -> None:
        self.kind = kind
        self.setText(f"{SYMBOLS[kind]} {text}")
        self.setAccessibleName(self._tr(KIND_WORDS[kind]))
        self.setProperty("kind", kind.value)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def clear_message(self) -> None:
        self.kind = None
        self.setText("")
        self.hide()
