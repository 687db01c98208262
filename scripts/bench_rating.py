"""Times the tap that completes a rating until the thank-you frame is painted, commit included.

    python scripts/bench_rating.py [--ratings 1000] [--load] [--json]

Drives the real kiosk window (offscreen unless DISPLAY is set) against a real SQLite file
(WAL, synchronous=FULL): each rating scans a dossier's code, taps the face and the questions, and
the clock runs from the completing tap to the paint of the thank-you screen. Reports p50/p99
and the resident memory at the start (the start screen showing this month's figures, as a
kiosk's does), after the first 10 ratings and after all of them.
Floors, measured in the same run: a bare window's tap → next page painted (one QLabel page of a
QStackedWidget, no database), and the resident memory of a bare PySide6 window at its first
frame (scripts/bench_startup.py's, in a child process on the same platform).
Targets: p99 ≤ 16.7 ms (one frame at 60 Hz); memory ≤ 2× the bare window at the start and after
all ratings; memory after all ratings within 5 % of memory after 10.
--load runs scripts/bench_exports.py (a small office, exporting over and over) in a child
process beside the ratings, as a busy office PC would: the p99 to quote under load.
"""

# ruff: noqa: E402 - the offscreen platform and PySide6's import check come before the imports

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# As `kiosk run` does before the screens' modules load (ui/main.py).
from ui.pyside_import_check import make_import_check_cheap

make_import_check_cheap()

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from kiosk.answers import Satisfaction
from kiosk.config import Settings
from kiosk.db.open import open_database
from kiosk.key_loading import StationKeys
from kiosk.rating_flow import Step
from kiosk.receipt_signing import ReceiptSigner, create_receipt_key
from kiosk.services.kiosk_backend import KioskBackend
from kiosk.station_keys import StationSigner
from ui.app import build_application
from ui.first_frame import resident_kb
from ui.kiosk_window import KioskWindow

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import BARE_WINDOW, time_child, verdict  # the same bare window and line

P99_TARGET_MS = 16.7  # one frame at 60 Hz
MEMORY_RATIO_TARGET = 2.0
MEMORY_GROWTH_TARGET = 0.05
LOAD_ARGS = ["--day-rows", "2000", "--total-rows", "6000", "--repeat", "1000000"]


class PaintClock(QObject):
    """Notes when a widget has been painted."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted_at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def prepare(url: str, count: int) -> list[str]:
    """An office with one service, one clerk and `count` returned dossiers to rate."""
    # Imported here, in the child that prepares: the measured process holds only the kiosk's.
    from datetime import timedelta

    from kiosk.clock import office_now
    from kiosk.db.models import ClerkRole, Service
    from kiosk.services.clerks import add_clerk
    from kiosk.services.dossier_changes import register_dossier
    from kiosk.services.offices import create_office

    database = open_database(url)
    now = office_now()
    with database.factory.begin() as session:
        office = create_office(
            session, code="000.00.30.H12", name="UBND xã Tân Phú", at=now, station="bench"
        )
        session.add(
            Service(
                code="HT-KS",
                name_vi="Đăng ký khai sinh",
                name_en="Birth registration",
                field="Hộ tịch",
                processing_days=0,
            )
        )
        clerk = add_clerk(
            session,
            office,
            display_name="Nguyễn Thị Hương",
            counter=1,
            role=ClerkRole.CLERK,
            pin="1234",
            at=now,
            station="bench",
        )
        codes = []
        for index in range(count):
            received = now - timedelta(days=1 + index // 9000, seconds=index)
            dossier = register_dossier(
                session,
                office,
                service_code="HT-KS",
                clerk=clerk,
                received_at=received,
                station="bench",
            )
            dossier.returned_at = received + timedelta(minutes=30)
            codes.append(dossier.code)
    database.engine.dispose()
    return codes


def wait_until(app: QApplication, condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the kiosk did not get there in time")
        # Sleeps until an event comes, as app.exec() would: a loop spinning processEvents()
        # keeps the GIL from the worker that commits the rating (the kiosk's main thread waits
        # in the event loop). The kiosk's 250 ms tick wakes it at the latest.
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        # Outside app.exec() Qt never runs deleteLater(): do it here, as the event loop would.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def tap(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def p99_of(latencies: list[float]) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def bare_window_rss_kb() -> int:
    """A bare PySide6 window's resident memory at its first frame, in a fresh process."""
    env = dict(os.environ, KIOSK_REPORT_FIRST_FRAME="1")
    sample = time_child(
        "bare", [sys.executable, "-c", BARE_WINDOW], {"first-frame"}, env=env, timeout=60
    )
    return int(sample["first-frame-rss-kb"])


def bare_commit_latencies(folder: Path, count: int) -> list[float]:
    """The storage floor: one INSERT of a rating-sized row and its commit, on a file of its own
    beside the kiosk's, with the kiosk's pragmas (WAL, synchronous=FULL) and one connection."""
    import sqlite3

    connection = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE rating (id TEXT PRIMARY KEY, answers TEXT, signature TEXT)")
    latencies = []
    for index in range(count):
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO rating VALUES (?, ?, ?)", (f"{index:032x}", "5" * 200, "s" * 128)
        )
        connection.execute("COMMIT")
        latencies.append((time.perf_counter() - started) * 1000)
    connection.close()
    return latencies


def bare_tap_latencies(app: QApplication, count: int) -> list[float]:
    """The floor: a tap on a bare window's button until the page it opens is painted."""
    window = QMainWindow()
    pages = QStackedWidget()
    button, page = QPushButton("Gửi"), QLabel("Cảm ơn")
    pages.addWidget(button)
    pages.addWidget(page)
    button.clicked.connect(lambda: pages.setCurrentWidget(page))
    window.setCentralWidget(pages)
    window.resize(1920, 1080)
    window.show()
    wait_until(app, window.isVisible)
    latencies = []
    for _ in range(count):
        pages.setCurrentWidget(button)
        app.processEvents()
        clock = PaintClock(page)
        started = time.perf_counter()
        tap(button)
        wait_until(app, lambda clock=clock: clock.painted_at is not None)
        latencies.append((clock.painted_at - started) * 1000)  # type: ignore[operator]
        clock.deleteLater()
    window.close()
    window.deleteLater()
    return latencies


@contextmanager
def export_load(enabled: bool) -> Iterator[str]:
    """scripts/bench_exports.py at a small size, exporting over and over in a child process."""
    if not enabled:
        yield "quiet (no load started by this benchmark)"
        return
    script = Path(__file__).resolve().parent / "bench_exports.py"
    child = subprocess.Popen(
        [sys.executable, str(script), *LOAD_ARGS],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"under load: bench_exports.py {' '.join(LOAD_ARGS)} running beside it"
    finally:
        child.terminate()
        child.wait()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ratings", type=int, default=1000)
    parser.add_argument("--load", action="store_true", help="run the export benchmark beside")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--prepare", metavar="URL", help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args()
    if args.prepare:
        print(json.dumps(prepare(args.prepare, args.ratings)))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    # In a child process: the thousand dossiers made here would stay in this one's heap, and
    # the kiosk's memory is what is measured.
    made = subprocess.run(
        [sys.executable, __file__, "--prepare", url, "--ratings", str(args.ratings)],
        capture_output=True,
        text=True,
        check=True,
    )
    codes = json.loads(made.stdout)
    # Scanned as the receipt's signed QR: a bare code of the counter's own dossier is refused.
    receipts = ReceiptSigner(create_receipt_key(folder / "receipt-signing.key"))
    bare_rss = bare_window_rss_kb()

    app = build_application(sys.argv[:1])
    with export_load(args.load) as conditions:
        run_ratings(app, args, url, codes, receipts, bare_rss, conditions)
    # After the load is stopped (os._exit skips every finally).
    sys.stdout.flush()
    # PySide6 can crash while the interpreter tears its objects down; the figures are out.
    os._exit(0)


def run_ratings(  # type: ignore[no-untyped-def]
    app: QApplication, args, url: str, codes: list[str], receipts, bare_rss: int, conditions: str
) -> int:
    floor_count = min(200, max(20, len(codes)))
    floor = bare_tap_latencies(app, floor_count)
    commit_floor = bare_commit_latencies(Path(url.removeprefix("sqlite:///")).parent, floor_count)
    window = KioskWindow(Settings(database_url=url, virtual_keyboard=False))
    window.resize(1920, 1080)
    window.show()
    window.listen()
    # Signed as in service: the key is made in memory, its cost is the one a kiosk pays.
    signer = StationSigner(Ed25519PrivateKey.generate())
    # The start screen's monthly figures as a kiosk reads them (ui/app.py): their report
    # machinery and locale data are part of what a kiosk holds.
    from kiosk.reports.public_results import month_results

    backend = KioskBackend(
        open_database(url).factory,
        station="kiosk-bench",
        signer=signer,
        month_results=month_results,
    )
    window.attach_backend(backend, backend.start())
    window.use_keys(StationKeys(receipt=receipts, station=signer))
    wait_until(app, lambda: window.attract.results_read)
    flow = window.flow
    latencies: list[float] = []
    rss_after_10 = 0
    rss_at_start = resident_kb()
    cpu_started = time.process_time()
    for index, code in enumerate(codes):
        for character in receipts.payload(code):
            QTest.keyClick(window, character)
        QTest.keyClick(window, Qt.Key.Key_Return)
        wait_until(app, lambda: flow.step is Step.DOSSIER)
        tap(window.dossier.rate_button)
        tap(window.face.faces[Satisfaction.VERY_SATISFIED])
        tap(window.question.answer_buttons[0])
        tap(window.question.answer_buttons[1])
        clock = PaintClock(window.thanks)
        started = time.perf_counter()
        tap(window.question.answer_buttons[0])  # the completing tap
        wait_until(app, lambda clock=clock: clock.painted_at is not None)
        latencies.append((clock.painted_at - started) * 1000)  # type: ignore[operator]
        clock.deleteLater()
        tap(window.thanks.done_button)
        wait_until(app, lambda: flow.step is Step.ATTRACT)
        if index == 9:
            rss_after_10 = resident_kb()
    rss_after_all = resident_kb()
    cpu_per_rating_ms = (time.process_time() - cpu_started) * 1000 / max(1, len(latencies))
    p99, tap_p99, commit_p99 = p99_of(latencies), p99_of(floor), p99_of(commit_floor)
    floor_p99 = tap_p99 + commit_p99  # the thanks come only after the commit
    growth = (rss_after_all - rss_after_10) / rss_after_10 if rss_after_10 else 0.0
    result = {
        "ratings": len(latencies),
        "conditions": conditions,
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(p99, 2),
        "max_ms": round(max(latencies), 2),
        "floor_p50_ms": round(statistics.median(floor), 2),
        "floor_p99_ms": round(floor_p99, 2),
        "floor_tap_p99_ms": round(tap_p99, 2),
        "floor_commit_p99_ms": round(commit_p99, 2),
        "cpu_per_rating_ms": round(cpu_per_rating_ms, 2),
        "bare_window_rss_mib": round(bare_rss / 1024, 1),
        "rss_start_mib": round(rss_at_start / 1024, 1),
        "rss_after_10_mib": round(rss_after_10 / 1024, 1),
        "rss_after_all_mib": round(rss_after_all / 1024, 1),
        "rss_growth": round(growth, 4),
        "platform": app.platformName(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['ratings']} ratings on {result['platform']}, {conditions}")
        print(
            verdict(
                "tap → thanks p99",
                f"{floor_p99:.2f} ms (bare window's tap → page painted {tap_p99:.2f} ms + bare "
                f"SQLite insert+commit, WAL, synchronous=FULL {commit_p99:.2f} ms)",
                f"{p99:.2f} ms",
                p99 / floor_p99 if floor_p99 else float("inf"),
                f"p99 ≤ {P99_TARGET_MS} ms",
                p99 <= P99_TARGET_MS,
            )
            + f" [p50 {result['p50_ms']} ms, max {result['max_ms']} ms, "
            f"CPU {cpu_per_rating_ms:.1f} ms a rating, all taps included]"
        )
        for label, rss in (("start", rss_at_start), (f"after {len(latencies)}", rss_after_all)):
            ratio = rss / bare_rss if bare_rss else float("inf")
            print(
                verdict(
                    f"memory at {label}",
                    f"{bare_rss / 1024:.1f} MiB (bare window)",
                    f"{rss / 1024:.1f} MiB",
                    ratio,
                    f"≤ {MEMORY_RATIO_TARGET:g}× bare",
                    ratio <= MEMORY_RATIO_TARGET,
                )
            )
        print(
            verdict(
                "memory growth",
                f"{rss_after_10 / 1024:.1f} MiB (after 10 ratings)",
                f"{rss_after_all / 1024:.1f} MiB (after {len(latencies)})",
                rss_after_all / rss_after_10 if rss_after_10 else float("inf"),
                f"growth ≤ {MEMORY_GROWTH_TARGET:.0%}",
                growth <= MEMORY_GROWTH_TARGET,
            )
        )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
