"""What a widget test may leave behind by mistake: timers still running once it is over."""

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication


def _name(timer: QTimer) -> str:
    owner = timer.parent()
    attribute = next((name for name, value in vars(owner).items() if value is timer), None)
    label = attribute or timer.objectName() or "a QTimer"
    return f"{type(owner).__name__}.{label} (every {timer.interval()} ms)"


def running_timers() -> dict[str, QTimer]:
    """Every active QTimer owned by a live window, widget or the application, by a readable name.

    Found through the object tree: top-level widgets (with everything they own) and the
    application's own children. A timer with no parent is out of reach: give timers a parent.
    """
    app = QApplication.instance()
    if app is None:
        return {}
    roots: list[QObject] = [app, *QApplication.topLevelWidgets()]
    found = {}
    for root in roots:
        if not shiboken6.isValid(root):
            continue
        for timer in root.findChildren(QTimer):
            if shiboken6.isValid(timer) and timer.isActive():
                found[_name(timer)] = timer
    return found
