"""Times a cold start of `kiosk run --station kiosk` to its first painted frame, beside a bare
PySide6 window (one QLabel in a QMainWindow) started the same way, and reports both, the ratio
and the resident memory (VmRSS) of each at its first frame.

    python scripts/bench_startup.py [--runs 15] [--warmup 2] [--timeout 30] [--no-compile] [--json]

Each child is a fresh process with KIOSK_REPORT_FIRST_FRAME=1 and prints `first-frame <kB> <ms>`
(resident memory, CPU time) once its first paint has been handled (the kiosk also `data-ready`),
then quits; the wall time is taken in this process from just before Popen to reading that line.
The kiosk uses a demo database seeded beforehand (untimed) in a temporary directory, and its
bytecode compiled beforehand as an installed kiosk has it (pip compiles on install; a checkout
run with PYTHONDONTWRITEBYTECODE=1 would compile its sources at every start): --no-compile
leaves that out. Display: $DISPLAY if set, else an Xvfb started for the run, else
QT_QPA_PLATFORM=offscreen.
Targets: first frame ≤ 1.5× bare; data ready ≤ 400 ms; resident memory ≤ 2× bare's at the first
frame and at data ready. One line each: floor, ours, ratio, target met or NOT met.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TARGET_RATIO = 1.5
DATA_READY_TARGET_S = 0.400
MEMORY_RATIO_TARGET = 2.0

# The bare window, run as `python -c BARE_WINDOW`: shown as the kiosk shows its own (full screen,
# geometry set first), reporting its first frame the way ui/first_frame.py does.
BARE_WINDOW = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def resident_kb():
    with open("/proc/self/status", encoding="ascii") as status:
        return next((int(ln.split()[1]) for ln in status if ln.startswith("VmRSS:")), 0)

def cpu_ms():
    import time
    return round(time.process_time() * 1000)

class Reporter(QObject):
    painted = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        print(f"first-frame {resident_kb()} {cpu_ms()}", flush=True)
        QTimer.singleShot(0, QApplication.quit)

app = QApplication(["bare"])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.installEventFilter(Reporter(window))  # parented to the window, which keeps it
window.setGeometry((window.screen() or app.primaryScreen()).geometry())
window.showFullScreen()
raise SystemExit(app.exec())
"""


class ChildFailed(RuntimeError):
    pass


@contextmanager
def display_env() -> Iterator[tuple[str, dict[str, str]]]:
    """Yields (description, environment for the children), with Xvfb running if one was started."""
    env = dict(os.environ, KIOSK_REPORT_FIRST_FRAME="1")
    if env.get("DISPLAY"):
        yield f"DISPLAY={env['DISPLAY']} (from the environment)", env
        return
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        env["QT_QPA_PLATFORM"] = "offscreen"
        yield "QT_QPA_PLATFORM=offscreen (no DISPLAY, no Xvfb on PATH)", env
        return
    number = next(n for n in range(99, 1000) if not Path(f"/tmp/.X{n}-lock").exists())
    cmd = [xvfb, f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"]
    log = tempfile.TemporaryFile()  # not a pipe: a chatty server must never block on it
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                why = log.read().decode(errors="replace")
                raise ChildFailed(f"Xvfb :{number} did not start:\n{why}")
            time.sleep(0.05)
        env |= {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        yield f"Xvfb :{number} 1920x1080x24 (started for this run, xcb)", env
    finally:
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def time_child(
    label: str, cmd: list[str], wanted: set[str], *, env: dict[str, str], timeout: float
) -> dict[str, float]:
    """Starts `cmd`; returns {event: seconds since Popen, event-rss-kb: kB, event-cpu-s: CPU
    seconds} per wanted line."""
    result: dict[str, float] = {}
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=errors)
        assert child.stdout is not None
        fd, pending = child.stdout.fileno(), b""
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(fd, selectors.EVENT_READ)
                while not wanted <= result.keys():
                    left = start + timeout - time.perf_counter()
                    if left <= 0 or not selector.select(left):
                        raise ChildFailed(f"no {sorted(wanted - result.keys())} in {timeout} s")
                    chunk = os.read(fd, 65536)
                    now = time.perf_counter()
                    if not chunk:
                        missing = sorted(wanted - result.keys())
                        raise ChildFailed(f"exited ({child.wait()}) before {missing}")
                    *lines, pending = (pending + chunk).split(b"\n")
                    for line in lines:
                        name, *figures = line.decode(errors="replace").split()
                        if name in wanted and name not in result:
                            rss, cpu = (int(f) for f in [*figures, "0", "0"][:2])
                            result[name], result[f"{name}-rss-kb"] = now - start, rss
                            result[f"{name}-cpu-s"] = cpu / 1000
            code = child.wait(max(1.0, start + timeout - time.perf_counter()))
            if code != 0:
                raise ChildFailed(f"exit status {code}")
        except (ChildFailed, subprocess.TimeoutExpired) as failure:
            errors.seek(0)
            stderr = errors.read().decode(errors="replace")
            raise ChildFailed(f"{label} ({cmd[0]}): {failure}\n--- stderr ---\n{stderr}") from None
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
    return result


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def compile_project() -> str:
    """The project's bytecode, as pip leaves it on an installed kiosk."""
    import compileall
    import importlib.util

    for package in ("kiosk", "ui"):
        spec = importlib.util.find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(folder, quiet=1)
    return "bytecode compiled beforehand, as on an installed kiosk"


def verdict(label: str, floor: str, ours: str, ratio: float, target: str, met: bool) -> str:
    """The one line a note can quote: floor, ours, ratio, target met or not."""
    outcome = "target met" if met else "target NOT met"
    return f"{label}: floor {floor}, ours {ours}, ratio {ratio:.2f}× ({target}): {outcome}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="measured runs of each (default 15)")
    parser.add_argument("--warmup", type=int, default=2, help="discarded runs of each first")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per child")
    parser.add_argument(
        "--no-compile", action="store_true", help="leave the project's bytecode as it is"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if args.runs < 2 or args.warmup < 0:
        parser.error("--runs must be ≥ 2 and --warmup ≥ 0")
    bytecode = "bytecode left as it is" if args.no_compile else compile_project()
    kiosk = str(Path(sys.executable).parent / "kiosk")
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp, display_env() as (shown, env):
        db = f"sqlite:///{tmp}/bench.sqlite3"
        # A station of its own (data, lock, settings): a kiosk running on this machine is not
        # disturbed, and does not stop the benchmark.
        env = {**env, "XDG_DATA_HOME": f"{tmp}/data", "KIOSK_CONFIG": f"{tmp}/kiosk.toml"}
        seed = subprocess.run(
            [kiosk, "demo", "--no-gui", "--db", db], env=env, capture_output=True, text=True
        )
        if seed.returncode != 0:
            raise ChildFailed(f"kiosk demo failed ({seed.returncode}):\n{seed.stderr}")
        print(
            f"display: {shown}; {bytecode}",
            file=sys.stderr if args.json else sys.stdout,
            flush=True,
        )
        kiosk_run = [kiosk, "run", "--station", "kiosk", "--db", db]
        commands = {
            "bare": ([sys.executable, "-c", BARE_WINDOW], {"first-frame"}),
            "kiosk": (kiosk_run, {"first-frame", "data-ready"}),
        }
        samples: dict[str, list[dict[str, float]]] = {"bare": [], "kiosk": []}
        for i in range(args.warmup + args.runs):
            for name in ("bare", "kiosk") if i % 2 == 0 else ("kiosk", "bare"):
                sample = time_child(name, *commands[name], env=env, timeout=args.timeout)
                if i >= args.warmup:
                    samples[name].append(sample)

    def med(name: str, key: str) -> float:
        return statistics.median(s[key] for s in samples[name])

    summary = {
        name: {
            "first_frame_median_s": med(name, "first-frame"),
            "first_frame_p90_s": p90([s["first-frame"] for s in samples[name]]),
            "first_frame_cpu_median_s": med(name, "first-frame-cpu-s"),
            "first_frame_rss_median_kb": med(name, "first-frame-rss-kb"),
        }
        for name in samples
    }
    bare, ours = summary["bare"], summary["kiosk"]
    ours["data_ready_median_s"] = med("kiosk", "data-ready")
    ours["data_ready_cpu_median_s"] = med("kiosk", "data-ready-cpu-s")
    ours["data_ready_rss_median_kb"] = med("kiosk", "data-ready-rss-kb")
    ratio = ours["first_frame_median_s"] / bare["first_frame_median_s"]
    cpu_ratio = ours["first_frame_cpu_median_s"] / bare["first_frame_cpu_median_s"]
    ready_ratio = ours["data_ready_median_s"] / bare["first_frame_median_s"]
    rss_ratio = ours["first_frame_rss_median_kb"] / bare["first_frame_rss_median_kb"]
    ready_rss_ratio = ours["data_ready_rss_median_kb"] / bare["first_frame_rss_median_kb"]
    checks = {
        "first_frame": ratio <= TARGET_RATIO,
        "data_ready": ours["data_ready_median_s"] <= DATA_READY_TARGET_S,
        "memory_first_frame": rss_ratio <= MEMORY_RATIO_TARGET,
        "memory_data_ready": ready_rss_ratio <= MEMORY_RATIO_TARGET,
    }
    if args.json:
        report = {"display": shown, "bytecode": bytecode, "runs": args.runs, "ratio": ratio}
        report |= {"warmup": args.warmup, "target_ratio": TARGET_RATIO, "targets_met": checks}
        print(json.dumps(report | {"summary": summary, "samples": samples}, indent=2))
        return 0
    print(f"{args.runs} runs of each (bare/kiosk alternating), after {args.warmup} warm-up runs")
    for name, row in summary.items():
        print(
            f"{name:>5}: first frame median {row['first_frame_median_s'] * 1000:7.1f} ms "
            f"(CPU {row['first_frame_cpu_median_s'] * 1000:5.0f} ms), "
            f"p90 {row['first_frame_p90_s'] * 1000:7.1f} ms, "
            f"RSS at first frame {row['first_frame_rss_median_kb'] / 1024:6.1f} MiB"
        )
    floor_ms, floor_mib = (
        bare["first_frame_median_s"] * 1000,
        bare["first_frame_rss_median_kb"] / 1024,
    )
    print(
        verdict(
            "first frame",
            f"{floor_ms:.1f} ms (bare window)",
            f"{ours['first_frame_median_s'] * 1000:.1f} ms",
            ratio,
            f"≤ {TARGET_RATIO}× bare",
            checks["first_frame"],
        )
        + f" [CPU {bare['first_frame_cpu_median_s'] * 1000:.0f} / "
        f"{ours['first_frame_cpu_median_s'] * 1000:.0f} ms, {cpu_ratio:.2f}×]"
    )
    print(
        verdict(
            "data ready",
            f"{floor_ms:.1f} ms (bare window's first frame)",
            f"{ours['data_ready_median_s'] * 1000:.1f} ms",
            ready_ratio,
            f"≤ {DATA_READY_TARGET_S * 1000:.0f} ms",
            checks["data_ready"],
        )
        + f" [CPU {ours['data_ready_cpu_median_s'] * 1000:.0f} ms]"
    )
    for label, kb, rss_ratio_of, key in (
        (
            "memory at first frame",
            ours["first_frame_rss_median_kb"],
            rss_ratio,
            "memory_first_frame",
        ),
        (
            "memory at data ready",
            ours["data_ready_rss_median_kb"],
            ready_rss_ratio,
            "memory_data_ready",
        ),
    ):
        print(
            verdict(
                label,
                f"{floor_mib:.1f} MiB (bare window at its first frame)",
                f"{kb / 1024:.1f} MiB",
                rss_ratio_of,
                f"≤ {MEMORY_RATIO_TARGET:g}× bare",
                checks[key],
            )
        )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ChildFailed as failure:
        print(f"bench_startup: {failure}", file=sys.stderr)
        sys.exit(1)
