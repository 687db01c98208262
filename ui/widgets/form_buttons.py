"""The bottom of a staff form that stays open until its change is saved: the refusal line
(hidden until there is one) and the primary OK beside a secondary Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from kiosk.i18n import Translator


def problem_label() -> QLabel:
    label = QLabel(wordWrap=True)
    label.setObjectName("problem")
    label.hide()
    return label


def ok_cancel(
    tr: Translator, ok: str, confirm: Callable[[], None], cancel: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox()
    ok_button = QPushButton(ok)
    ok_button.setObjectName("primary")
    ok_button.setDefault(True)
    buttons.addButton(ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel_button = buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    cancel_button.setObjectName("secondary")
    buttons.accepted.connect(confirm)
    buttons.rejected.connect(cancel)
    return buttons, ok_button
