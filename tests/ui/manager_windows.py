"""The manager's station as the UI tests open it: a real window on the test's database and clock,
shown at a counter PC's size, its exports under the test's own folder."""

from kiosk.config import Settings
from ui.manager_window import ManagerWindow


def shown_manager_window(qtbot, database, clock, tmp_path, size=(1366, 768)) -> ManagerWindow:
    window = ManagerWindow(
        Settings(database_url=database.url, station_name="manager"),
        factory=database.factory,
        export_folder=tmp_path / "exports",
        clock=clock,
    )
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    return window
