"""A cheaper answer to the question PySide6 asks of every module imported after it.

For its `__feature__` switches, PySide6 notes of each newly imported module whether its source
mentions "PySide6", and reads that source with inspect.getsource: every module a station imports
after Qt (its own screens, then SQLAlchemy on the kiosk's worker) costs inspect's search for the
file, and its lines then stay in linecache for good (some 4 MiB on the kiosk). The same
question is answered here by reading the file's bytes once and keeping nothing. Anything but a
plain .py file is left to PySide6's own check, as is every module when PySide6 has changed its
internals.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # loaded with PySide6 itself
CHECK = "_mod_uses_pyside"


def mentions_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False  # what inspect.getsource's OSError means to PySide6 too


def make_import_check_cheap() -> bool:
    """Installs the cheap check once PySide6 is loaded; False when PySide6 has no such check."""
    import PySide6.QtCore  # noqa: F401 - loads shibokensupport

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "__module__", None) == __name__:
        return True  # already installed

    def check(module: ModuleType) -> bool:
        return mentions_pyside(module, original)

    check.__module__ = __name__
    setattr(feature, CHECK, check)
    return True
