"""Saves a screenshot of a station once its data is on screen.

    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshot.py --station kiosk out/kiosk.png

Uses the database the station would use (KIOSK_DATABASE_URL or --db).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer

from kiosk.config import load_settings
from ui.app import build_application
from ui.station_window import start_station


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--station", default="kiosk", choices=("kiosk", "clerk", "manager"))
    parser.add_argument("--db")
    parser.add_argument("--lang")
    parser.add_argument("--windowed", action="store_true")
    args = parser.parse_args()
    settings = load_settings()
    if args.db:
        settings = replace(settings, database_url=args.db)
    if args.lang:
        settings = replace(settings, language=args.lang)
    app = build_application(sys.argv[:1])
    window = start_station(settings, args.station, windowed=args.windowed)
    screen = window.screen_widget

    def grab_when_loaded() -> None:
        if screen.services.topLevelItemCount() == 0 and screen.status.text().endswith("…"):
            QTimer.singleShot(50, grab_when_loaded)
            return
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        print(args.out)
        app.quit()

    QTimer.singleShot(200, grab_when_loaded)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
