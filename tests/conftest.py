"""Shared fixtures: a real SQLite file per test, migrated; a fixed office clock; Qt offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_LANG", "vi")
os.environ.pop("KIOSK_DATABASE_URL", None)

import subprocess  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kiosk.clock import Clock  # noqa: E402
from kiosk.db.open import Database, open_database  # noqa: E402
from kiosk.services.offices import create_office  # noqa: E402
from tests.postgres_server import PostgresServer, postgres_bin  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture(autouse=True)
def _no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests never read or write the developer's own settings or database.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("KIOSK_CONFIG", str(home / "kiosk.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


ENGINES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One private PostgreSQL server for the session, with a migrated template database."""
    assert postgres_bin(), "PostgreSQL is missing: run scripts/setup.sh"
    server = PostgresServer()
    server.start()
    template = open_database(server.create_database("kiosk_template"), migrate=True)
    template.engine.dispose()
    yield server
    server.remove()


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each domain test runs on the embedded SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    server = request.getfixturevalue("postgres")
    name = "t_" + uuid.uuid4().hex[:12]
    return server.create_database(name, template="kiosk_template")


ROOT = Path(__file__).resolve().parents[1]


def work_tree_changes() -> set[str] | None:
    """`git status --porcelain` of the project, one entry per line; None outside a checkout."""
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return set(status.stdout.splitlines())


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_WORK_TREE_BEFORE] = work_tree_changes()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tests write under tmp_path only: a file the run left in the work tree fails the run."""
    before = session.config.stash.get(_WORK_TREE_BEFORE, None)
    after = work_tree_changes()
    if before is None or after is None:
        return
    left = sorted(after - before)
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line("The tests left files in the work tree:", red=True)
            for line in left:
                reporter.write_line(f"  {line}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_WORK_TREE_BEFORE = pytest.StashKey[set[str] | None]()


# Modules whose tests read no date or time: the runs at other hours (tests/test_any_hour.py)
# leave them out, and leave themselves out.
CLOCK_FREE_MODULES = {
    "test_any_hour.py",
    "test_architecture.py",
    "test_chain_encoding.py",
    "test_code_quality.py",
    "test_crash_drill.py",
    "test_fault_drill.py",
    "test_lockdown.py",
    "test_qt_binding.py",
    "test_translations.py",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked sqlite_only (file pragmas, file locks) run on SQLite alone."""
    for item in items:
        if item.path.name in CLOCK_FREE_MODULES:
            item.add_marker(pytest.mark.clock_free)
    dropped = [
        item
        for item in items
        if item.get_closest_marker("sqlite_only")
        and getattr(item, "callspec", None)
        and item.callspec.params.get("db_url") == "postgresql"
    ]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.engine.dispose()


@pytest.fixture
def clock() -> MutableClock:
    return MutableClock(NOW)


def run_kiosk(argv: list[str], clock: Clock | None = None) -> int:
    """The `kiosk` command at the tests' office time (NOW unless told), never the machine's."""
    from kiosk.cli.main import main

    return main(argv, clock=clock or MutableClock(NOW))


class MutableClock:
    """The office's wall clock, set by the test, and a monotonic clock beside it: moving the
    wall clock forward moves both; moving it back (NTP fixing a wrong clock) moves only the wall."""

    def __init__(self, now: datetime) -> None:
        self._now = now
        self._ticks = 1000.0

    def __call__(self) -> datetime:
        return self._now

    @property
    def now(self) -> datetime:
        return self._now

    @now.setter
    def now(self, value: datetime) -> None:
        self._ticks += max(0.0, (value - self._now).total_seconds())
        self._now = value

    def ticks(self) -> float:
        return self._ticks

    @contextmanager
    def at(self, moment: datetime) -> Iterator[None]:
        """The clock reads `moment` for the block, then what it read before: dossiers are
        stamped by the clock, so a test's history is made at the times it happened."""
        before, self.now = self.now, moment
        try:
            yield
        finally:
            self.now = before


@pytest.fixture
def manager(database, office, clock) -> None:
    """The office's manager: counter 0, PIN 9999."""
    from kiosk.db.models import ClerkRole
    from kiosk.services.clerks import add_clerk
    from kiosk.services.offices import find_office

    with database.factory.begin() as session:
        add_clerk(
            session,
            find_office(session),
            display_name="Võ Minh Tuấn",
            counter=0,
            role=ClerkRole.MANAGER,
            pin="9999",
            at=clock.now,
            station="test",
        )


@pytest.fixture
def office(database: Database) -> str:
    """A small office: services due same day, in 3 and in 5 days; two clerks. Returns its code."""
    return seed_small_office(database)


def seed_small_office(database: Database) -> str:
    from kiosk.db.models import ClerkRole, Service
    from kiosk.services.clerks import add_clerk

    with database.factory.begin() as session:
        office = create_office(
            session, code="000.00.30.H12", name="UBND xã Tân Phú", at=NOW, station="test"
        )
        session.add_all(
            [
                Service(
                    code="HT-KS",
                    name_vi="Đăng ký khai sinh",
                    name_en="Birth registration",
                    field="Hộ tịch",
                    processing_days=0,
                ),
                Service(
                    code="HT-XNHN",
                    name_vi="Xác nhận tình trạng hôn nhân",
                    name_en="Confirmation of marital status",
                    field="Hộ tịch",
                    processing_days=3,
                ),
                Service(
                    code="HT-KSL",
                    name_vi="Đăng ký lại khai sinh",
                    name_en="Late re-registration of birth",
                    field="Hộ tịch",
                    processing_days=5,
                ),
            ]
        )
        for name, counter in (("Nguyễn Thị Hương", 1), ("Trần Văn Đức", 2)):
            add_clerk(
                session,
                office,
                display_name=name,
                counter=counter,
                role=ClerkRole.CLERK,
                pin="1234",
                at=NOW,
                station="test",
            )
        return office.code
