"""Screenshots of the clerk's and the manager's stations on the demo data, at the resolution of
the screen it runs on; every file name ends with that resolution (clerk-desk-1366x768.png), so
one folder can hold the runs at both sizes a counter has:

xvfb-run -a -s "-screen 0 1366x768x24" python scripts/station_screenshots.py out/
xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/station_screenshots.py out/

The clerk's desk is taken fresh after signing in, with the service suggestions open, with a
dossier selected and a refusal shown, and after a result is returned (a success message). The
manager's catalogue tab is taken with a procedure's form open and with a refusal in a form; the
Cases tab with a case selected (its contact shown) and each of its forms open, and the clerk's
own cases with the answer form. The import folder is then given a DVCQG sync and a register with
a bad row: the desk is taken with both outcomes shown, then with the report open.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.answers import Satisfaction
from kiosk.clock import office_now
from kiosk.config import Settings
from kiosk.db.case_models import CaseSource, CaseState
from kiosk.db.open import open_database
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.case_desk import CaseView
from kiosk.services.demo import seed_demo
from ui.app import build_application
from ui.clerk_window import ClerkWindow
from ui.manager_window import ManagerWindow
from ui.widgets.case_dialogs import CallBackRatingDialog, CaseFormDialog, OpenCaseDialog
from ui.window_display import show_station


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


Save = Callable[[QWidget | None, str], None]


def wait_for(condition: Callable[[], bool], ms: int = 10000) -> None:
    """Lets the event loop run until `condition()` holds (the desk answers on a worker)."""
    for _ in range(ms // 50):
        if condition():
            return
        settle(50)
    raise SystemExit(f"the station did not answer in {ms} ms")


def clerk_shots(clerk: ClerkWindow, save: Save) -> None:
    desk = clerk.desk
    save(clerk, "clerk-sign-in")
    clerk.sign_in(1, "1111")  # the demo's first clerk
    wait_for(lambda: clerk.stack.currentWidget() is desk and desk.board.topLevelItemCount() > 0)
    settle()
    save(clerk, "clerk-desk")
    QTest.keyClicks(desk.service, "ket hon")
    settle()
    save(None, "clerk-suggestions")  # the suggestions are a pop-up: the whole screen
    QTest.keyClick(desk.service, Qt.Key.Key_Return)  # picks the suggestion, saves nothing
    desk.focus_board()
    settle()
    desk.save()  # no name: refused in words
    settle()
    save(clerk, "clerk-desk-selected-refusal")
    code = desk.selected_code()
    desk.return_button.click()
    wait_for(lambda: code is not None and code in desk.message.text())
    settle()
    save(clerk, "clerk-desk-returned")
    clerk_case_shots(clerk, save)
    clerk.close()


def clerk_case_shots(clerk: ClerkWindow, save: Save) -> None:
    """The cases given to the signed-in clerk, and the form that answers one."""
    listing = clerk.cases.open_list()
    wait_for(lambda: listing.table.rowCount() > 0)
    settle()
    save(None, "clerk-cases")  # a dialog: the whole screen
    for row, case in enumerate(listing.cases):
        if case.state is CaseState.ASSIGNED:
            listing.table.selectRow(row)
            listing.answer_button.click()
            settle()
            save(None, "clerk-cases-answer")
            if clerk.cases.answer_dialog is not None:
                clerk.cases.answer_dialog.reject()
            break
    listing.reject()


def case_shots(manager: ManagerWindow, save: Save) -> None:
    """The Cases tab: a case with a contact in detail, then each form over the tab."""
    tab = manager.desk.cases
    manager.desk.tabs.setCurrentWidget(tab)
    tab.choose_filter("all")
    wait_for(lambda: tab.table.rowCount() > 0)

    def shown(case: CaseView) -> bool:
        return tab.shown_case is not None and tab.shown_case.id == case.id

    def pick(wanted: Callable[[CaseView], bool]) -> CaseView | None:
        case = next((c for c in tab.cases if wanted(c)), None)
        if case is not None:
            tab.table.selectRow(tab.cases.index(case))
            wait_for(lambda: shown(case))
            settle()
        return case

    pick(lambda c: c.source is CaseSource.PHONE)  # the demo's petition with a contact
    save(manager, "manager-cases-detail")
    forms: list[tuple[Callable[[CaseView], bool], Callable[[], CaseFormDialog | None], str]] = [
        (lambda c: c.state is CaseState.OPEN, tab.assign, "assign"),
        (lambda c: c.state is CaseState.ASSIGNED, tab.answer, "answer"),
        (
            lambda c: c.answered_at is not None and c.handling_rated is None,
            tab.record_rating,
            "rate",
        ),
        (lambda c: c.state is CaseState.ANSWERED, tab.close_case, "close"),
        (lambda c: c.state is CaseState.ASSIGNED, tab.transfer, "transfer"),
    ]
    for wanted, open_form, name in forms:
        if pick(wanted) is None:
            continue
        form = open_form()
        if isinstance(form, CallBackRatingDialog):
            form.face_buttons[Satisfaction.SATISFIED].click()  # the chosen face, ticked
        settle()
        save(None, f"manager-cases-{name}")  # a dialog: the whole screen
        if form is not None:
            form.reject()
    form = tab.receive()
    if isinstance(form, OpenCaseDialog):
        form.subject.setText("Thái độ phục vụ")
        form.text.setPlainText("Công dân gọi điện phản ánh phải chờ lâu ở quầy tiếp nhận.")
        form.contact_name.setText("Nguyễn Văn Nam")
        form.ok_button.click()  # a name with no phone: refused in words, in the form
        settle()
        save(None, "manager-cases-receive")
        form.reject()


def catalogue_shots(manager: ManagerWindow, save: Save) -> None:
    """The catalogue tab's forms: a procedure being edited, and a refusal shown in the form."""
    tab = manager.desk.catalogue
    tab.services.selectRow(0)
    edit = tab.edit_service()
    settle()
    save(None, "manager-catalogue-edit")  # a dialog: the whole screen
    if edit is not None:
        edit.reject()
    tab.clerks.selectRow(0)  # the demo's only manager: deactivating them is refused
    refusal = tab.deactivate_or_restore_clerk()
    if refusal is None:
        return
    QTest.keyClicks(refusal.manager_pin, "9999")
    QTest.keyClick(refusal.manager_pin, Qt.Key.Key_Return)
    wait_for(lambda: refusal.problem.isVisible())
    settle()
    save(None, "manager-catalogue-refused")
    refusal.reject()


def drop_exports(inbox: Path) -> None:
    """What an office drops into the import folder: the portal's sync of three dossiers (a
    procedure the demo catalogue lacks among them) and a register whose third row is wrong."""
    items = [
        {
            "MaHoSo": f"000.00.30.H12-261126-500{n}",
            "MaTTHC": code,
            "TenTTHC": name,
            "MaLinhVuc": "G09-TP03",
            "TenLinhVuc": "Hộ tịch",
            "ChuHoSo": "Nguyễn Văn An",
            "SoDienThoai": "0912345678",
            "NgayTiepNhan": f"2026112008{n}000",
            "NgayHenTra": "20261125170000",
            "NgayTra": "",
            "TrangThaiHoSo": "4",
            "DonViXuLy": "UBND xã",
            "DanhSachHoSoBoSung": [],
        }
        for n, (code, name) in enumerate(
            [
                ("1.001193", "Thủ tục đăng ký khai sinh"),
                ("1.001193", "Thủ tục đăng ký khai sinh"),
                ("2.000986", "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản"),
            ],
            1,
        )
    ]
    sync = {"service": "DongBoHoSoMC", "isUpdating": False, "data": items}
    (inbox / "dvcqg-2611.json").write_text(json.dumps(sync, ensure_ascii=False), "utf-8")
    rows = [
        "STT;Mã hồ sơ;Mã TTHC;Tên thủ tục hành chính;Chủ hồ sơ;Ngày tiếp nhận;Ngày hẹn trả",
        "1;H12.30-0101;1.001193;Đăng ký khai sinh;Trần Thị Bình;20/11/2026 08:00;25/11/2026",
        "2;H12.30-0102;1.001193;Đăng ký khai sinh;Lê Văn Cường;20/11/2026 09:00;19/11/2026",
    ]
    (inbox / "register.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8-sig"))


def import_shots(manager: ManagerWindow, inbox: Path, save: Save) -> None:
    watch = manager.imports
    drop_exports(inbox)
    for _ in range(2):  # the first pass sees the files, the second imports them
        wait_for(lambda: not watch.passing)
        watch.run_pass()
    wait_for(lambda: "register.csv" in watch.strip.outcome.text())
    manager.desk.tabs.setCurrentIndex(0)
    settle()
    save(manager, "manager-import")
    report = watch.show_report()
    settle()
    save(None, "manager-import-report")  # a dialog: the whole screen
    report.reject()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kiosk-stations-"))
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    database = open_database(url)
    seed_demo(database.factory, office_now())
    build_application(sys.argv[:1])
    screen = QApplication.primaryScreen()
    size = f"{screen.size().width()}x{screen.size().height()}"

    def save(window: QWidget | None, name: str) -> None:
        picture = window.grab() if window else screen.grabWindow(0)
        picture.save(str(out / f"{name}-{size}.png"))

    # A second argument, "en", takes the stations in English (into their own folder).
    settings = Settings(database_url=url, language=sys.argv[2] if len(sys.argv) > 2 else "vi")
    clerk = ClerkWindow(
        settings,
        factory=database.factory,
        printer=None,
        signer=ReceiptSigner(b"screenshots".ljust(32, b"-")),
    )
    show_station(clerk, windowed=False)
    settle()
    clerk_shots(clerk, save)
    inbox = folder / "tu-tinh"
    inbox.mkdir()
    manager = ManagerWindow(
        replace(settings, import_folder=str(inbox)),
        factory=database.factory,
        export_folder=folder / "exports",
    )
    show_station(manager, windowed=False)
    manager.sign_in(0, "9999")  # the demo's manager
    settle(1500)
    save(manager, "manager-today")
    manager.desk.choose_preset("30")
    settle(1500)
    tabs = ("today", "charts", "people", "comments", "cases", "catalogue")
    for index, name in enumerate(tabs):
        manager.desk.tabs.setCurrentIndex(index)
        settle()
        save(manager, f"manager-{index + 1}-{name}")
    catalogue_shots(manager, save)
    case_shots(manager, save)
    import_shots(manager, inbox, save)
    for path in sorted(out.glob(f"*-{size}.png")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
