"""Screenshots of the clerk's and the manager's stations on the demo data.

xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/station_screenshots.py out/
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from kiosk.clock import office_now
from kiosk.config import Settings
from kiosk.db.open import open_database
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.demo import seed_demo
from ui.app import build_application
from ui.clerk_window import ClerkWindow
from ui.manager_window import ManagerWindow
from ui.window_display import show_station


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kiosk-stations-"))
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    database = open_database(url)
    seed_demo(database.factory, office_now())
    build_application(sys.argv[:1])
    settings = Settings(database_url=url)
    clerk = ClerkWindow(
        settings,
        factory=database.factory,
        printer=None,
        signer=ReceiptSigner(b"screenshots".ljust(32, b"-")),
    )
    show_station(clerk, windowed=False)
    settle()
    clerk.grab().save(str(out / "clerk-sign-in.png"))
    clerk.sign_in(1, "1111")  # the demo's first clerk
    settle(1500)  # the PIN is checked and the board read on a worker
    clerk.grab().save(str(out / "clerk-desk.png"))
    clerk.close()
    manager = ManagerWindow(settings, factory=database.factory, export_folder=folder / "exports")
    show_station(manager, windowed=False)
    manager.sign_in(0, "9999")  # the demo's manager
    settle(1500)
    manager.grab().save(str(out / "manager-today.png"))
    manager.desk.choose_preset("30")
    settle(1500)
    for index, name in enumerate(("today", "charts", "people", "comments")):
        manager.desk.tabs.setCurrentIndex(index)
        settle()
        manager.grab().save(str(out / f"manager-{index + 1}-{name}.png"))
    for path in sorted(out.glob("*.png")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
