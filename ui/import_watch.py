"""Imports from the provincial one-stop system on the manager's desk: the watched folder, passed
over every 30 seconds off the UI thread, and the button that imports one chosen file. Either way
the outcome is shown in a sentence under the alerts, with the report in words one click away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog

from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.db.session import SessionFactory
from kiosk.errors import KioskError
from kiosk.i18n import N_, Translator
from kiosk.provincial.records import ImportReport
from kiosk.provincial.report_words import report_lines
from kiosk.services.dossier_import import DossierImportService
from kiosk.services.import_folder import FolderOutcome, ImportFolder, Outcome, watched_folder
from ui.widgets.import_strip import ImportStrip, PreviewDialog, ReportDialog
from ui.window_display import describe_failure
from ui.workers import run_in_background

PASS_MS = 30_000
# A file seen for the first time is imported at the next pass if it has not changed; this one
# comes sooner than the half-minute tick, so a dropped file is not kept waiting for a minute.
SETTLE_MS = 5_000
FILE_FILTER = N_("Exports of the provincial system (*.xlsx *.csv *.json)")


def outcome_words(outcome: FolderOutcome, tr: Translator) -> str:
    """One sentence (two when a file could not be moved) for the manager."""
    name, report = outcome.file_name, outcome.report
    if outcome.outcome is Outcome.NO_FOLDER:
        return tr(
            N_("The import folder {folder} cannot be read ({problem})."),
            folder=name,
            problem=_problem(outcome, tr),
        )
    if outcome.outcome is Outcome.LEFT:
        return tr(
            N_("{file} was not imported now ({problem}); it will be tried again."),
            file=name,
            problem=_problem(outcome, tr),
        )
    if report is None:  # no reader could read it
        words = tr(
            N_("File {file} was refused: {reason} — see the report."),
            file=name,
            reason=_problem_of(outcome.problem, tr),
        )
    elif not report.imported:
        words = tr(
            N_("File {file} was refused: rows with errors: {count} — see the report."),
            file=name,
            count=len(report.refused),
        )
    else:
        words = _imported_words(report, tr)
    if outcome.outcome is Outcome.NOT_MOVED:
        words += " " + tr(
            N_("It could not be moved to {folder}/ ({problem}); it stays in the import folder."),
            folder=outcome.destination,
            problem=_problem(outcome, tr),
        )
    return words


def _imported_words(report: ImportReport, tr: Translator) -> str:
    count = len(report.created) + len(report.updated)
    if report.unchanged:
        words = tr(
            N_("Imported {count} dossiers from {file} ({unchanged} already up to date)."),
            count=count,
            file=report.file_name,
            unchanged=report.unchanged,
        )
    else:
        words = tr(N_("Imported {count} dossiers from {file}."), count=count, file=report.file_name)
    to_confirm = [p for p in report.new_procedures if not p.confirmed]
    if to_confirm:
        words += " " + tr(
            N_("{count} new procedures need their processing time confirmed."),
            count=len(to_confirm),
        )
    return words


def preview_words(report: ImportReport, tr: Translator) -> str:
    return tr(
        N_(
            "{file}: {created} new dossiers, {updated} changed, {unchanged} already up to date."
            " Nothing is recorded until you press Import."
        ),
        file=report.file_name,
        created=len(report.created),
        updated=len(report.updated),
        unchanged=report.unchanged,
    )


def _marked(outcome: FolderOutcome, words: str) -> str:
    """A file that was not imported catches the eye like the desk's other problems."""
    return words if outcome.outcome is Outcome.IMPORTED else "⚠ " + words


def _problem(outcome: FolderOutcome, tr: Translator) -> str:
    return _problem_of(outcome.problem, tr)


def _problem_of(problem: BaseException | None, tr: Translator) -> str:
    if problem is None:
        return ""
    if isinstance(problem, OSError) and problem.strerror:
        return problem.strerror
    return describe_failure(problem, tr).rstrip(".")


class ImportWatch(QObject):
    outcome_shown = Signal(str)  # what the manager was told
    preview_shown = Signal(object)  # PreviewDialog: what a chosen file would change
    pass_finished = Signal()  # a pass over the folder ended, whatever it found

    def __init__(
        self,
        strip: ImportStrip,
        settings: Settings,
        factory: SessionFactory,
        *,
        clock: Clock,
        tr: Translator,
        manager_id: Callable[[], int | None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.strip, self._tr, self._manager_id = strip, tr, manager_id
        service = DossierImportService(
            factory, station=settings.station_name, clock=clock, office_code=settings.office_code
        )
        self._import_file = service.import_file
        self._columns = Path(settings.import_columns) if settings.import_columns else None
        self.folder: ImportFolder | None = None
        self.last_folder = Path(settings.import_folder or Path.home())
        self._passing = self._importing = False
        self._report_text = ""
        self._report_title = ""
        strip.import_button.clicked.connect(self.choose_file)
        strip.report_button.clicked.connect(self.show_report)
        self.ticker = QTimer(self, interval=PASS_MS)
        self.ticker.timeout.connect(self.run_pass)
        self.settler = QTimer(self, interval=SETTLE_MS, singleShot=True)
        self.settler.timeout.connect(self.run_pass)
        if settings.import_folder:
            self.folder = watched_folder(
                Path(settings.import_folder), service, tr, columns=self._columns
            )
            self.ticker.start()
            QTimer.singleShot(0, self, self.run_pass)

    def _import(self, path: Path, clerk_id: int | None, dry_run: bool) -> ImportReport:
        return self._import_file(path, columns=self._columns, clerk_id=clerk_id, dry_run=dry_run)

    # -- the watched folder ---------------------------------------------------------------

    @property
    def passing(self) -> bool:
        """A pass over the folder is running (a new one would be ignored)."""
        return self._passing

    def run_pass(self) -> None:
        folder = self.folder
        if folder is None or self._passing:
            return
        self._passing = True

        def done(outcomes: list[FolderOutcome]) -> None:
            self._passing = False
            if outcomes:
                self._show(outcomes)
            if folder.waiting():
                self.settler.start()
            self.pass_finished.emit()

        def failed(error: BaseException) -> None:
            self._passing = False
            self._say(describe_failure(error, self._tr))
            self.pass_finished.emit()

        run_in_background(folder.run_pass, done, failed, parent=self)

    # -- one file chosen by the manager ----------------------------------------------------

    def choose_file(self) -> None:
        if self._importing:
            return
        tr = self._tr
        chosen, _filter = QFileDialog.getOpenFileName(
            self.strip,
            tr("Import from the provincial system"),
            str(self.last_folder),
            tr(FILE_FILTER),
        )
        if chosen:
            self.preview(Path(chosen))

    def preview(self, path: Path) -> None:
        """A dry run first: the manager sees what would change, then imports or cancels."""
        tr, clerk_id = self._tr, self._manager_id()
        self._start(path, tr("Reading {file}…", file=path.name))

        def done(report: ImportReport) -> None:
            self._finish_import()
            if report.refused:  # the import itself would refuse it: say so straight away
                self._show([FolderOutcome(path.name, Outcome.REFUSED, report=report)])
                return
            self._say("")
            dialog = PreviewDialog(
                preview_words(report, tr), "\n".join(report_lines(report, tr)), tr, self.strip
            )
            dialog.accepted.connect(lambda: self.import_file(path))
            dialog.rejected.connect(
                lambda: self._say(tr("Nothing was imported from {file}.", file=path.name))
            )
            dialog.open()
            self.preview_shown.emit(dialog)

        run_in_background(
            lambda: self._import(path, clerk_id, True), done, self._failed_for(path), parent=self
        )

    def import_file(self, path: Path) -> None:
        clerk_id = self._manager_id()
        self._start(path, self._tr("Importing {file}…", file=path.name))

        def done(report: ImportReport) -> None:
            self._finish_import()
            kind = Outcome.IMPORTED if report.imported else Outcome.REFUSED
            self._show([FolderOutcome(path.name, kind, report=report)])

        run_in_background(
            lambda: self._import(path, clerk_id, False), done, self._failed_for(path), parent=self
        )

    def _start(self, path: Path, words: str) -> None:
        self.last_folder = path.parent
        self._importing = True
        self.strip.import_button.setEnabled(False)
        self._say(words)

    def _failed_for(self, path: Path) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            self._finish_import()
            if isinstance(error, KioskError):  # a file no reader can read
                self._show([FolderOutcome(path.name, Outcome.REFUSED, problem=error)])
            else:
                self._say(describe_failure(error, self._tr))

        return failed

    def _finish_import(self) -> None:
        self._importing = False
        self.strip.import_button.setEnabled(True)

    # -- telling the manager -----------------------------------------------------------------

    def _show(self, outcomes: list[FolderOutcome]) -> None:
        tr = self._tr
        reports = [text for o in outcomes if (text := self._report_text_of(o))]
        self._report_text = "\n\n".join(reports)
        self._report_title = ", ".join(o.file_name for o in outcomes)
        words = "\n".join(_marked(o, outcome_words(o, tr)) for o in outcomes)
        self._say(words, with_report=bool(reports))

    def _report_text_of(self, outcome: FolderOutcome) -> str:
        """The report as written beside the moved file, else as it would be written."""
        if outcome.report_path is not None:
            try:
                return outcome.report_path.read_text(encoding="utf-8").strip()
            except OSError:
                pass
        if outcome.report is not None:
            return "\n".join(report_lines(outcome.report, self._tr))
        if isinstance(outcome.problem, KioskError) and outcome.outcome is not Outcome.LEFT:
            return outcome.file_name + "\n" + outcome.problem.render(self._tr)
        return ""

    def _say(self, words: str, *, with_report: bool = False) -> None:
        self.strip.outcome.setText(words)
        self.strip.report_button.setVisible(with_report)
        self.outcome_shown.emit(words)

    def show_report(self) -> ReportDialog:
        dialog = ReportDialog(self._report_title, self._report_text, self._tr, self.strip)
        dialog.open()
        return dialog
