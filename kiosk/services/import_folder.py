"""The watched folder: exports of the provincial one-stop system dropped there are imported, each
whole or not at all, then moved to done/ or refused/ beside a report in words.

A file is taken only once it has stood still between two passes (same size, same modification
time), so a file still being copied is never read half-written. The check compares passes, never
the wall clock, which may be wrong or far from the file server's.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from kiosk.atomic_file import write_bytes_atomically
from kiosk.errors import KioskError, StorageError
from kiosk.i18n import N_, Translator
from kiosk.provincial.records import ImportReport
from kiosk.provincial.report_words import report_lines
from kiosk.services.dossier_import import DossierImportService

IMPORTABLE_SUFFIXES = frozenset({".xlsx", ".csv", ".json"})
DONE_FOLDER, REFUSED_FOLDER = "done", "refused"
REPORT_SUFFIX = ".report.txt"

Importer = Callable[[Path], ImportReport]  # imports one file whole or not at all
Describer = Callable[[ImportReport], list[str]]  # the report in words, one line each


class Outcome(Enum):
    IMPORTED = "imported"  # moved to done/
    REFUSED = "refused"  # nothing imported; moved to refused/
    NOT_MOVED = "not-moved"  # imported or refused, but it could not be moved: it stays
    LEFT = "left"  # not imported now (database away, file unreadable): tried again next pass
    NO_FOLDER = "no-folder"  # the folder itself cannot be read


@dataclass(frozen=True)
class FolderOutcome:
    file_name: str
    outcome: Outcome
    report: ImportReport | None = None  # None: the file could not be read at all
    report_path: Path | None = None  # the report in words, beside the moved file
    problem: BaseException | None = None  # why it was refused whole, left or not moved
    destination: str | None = None  # "done" or "refused", where it went or should have gone


def is_importable(path: Path) -> bool:
    """An export by its suffix, and not one of the names that copy tools and office programs
    give a file still being written or open (~$register.xlsx, .~lock…#, x.csv.part)."""
    name = path.name
    return path.suffix.lower() in IMPORTABLE_SUFFIXES and not (
        name.startswith(("~$", ".")) or name.endswith((".part", ".tmp", ".crdownload"))
    )


def free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or "stem (2).ext", "stem (3).ext" … if taken: never overwrite."""
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 1
    while candidate.exists() or _report_path(candidate).exists():
        number += 1
        candidate = folder / f"{stem} ({number}){suffix}"
    return candidate


def _report_path(moved: Path) -> Path:
    return moved.with_name(moved.name + REPORT_SUFFIX)


@dataclass
class _Settled:
    """A file's outcome that could not be moved yet: moving is retried, importing is not."""

    signature: tuple[int, int]
    outcome: FolderOutcome
    lines: list[str]


class ImportFolder:
    """One pass over the folder imports every file that has stopped changing. Keeps, between
    passes, what each file looked like and which outcomes were already told, so a problem that
    lasts (a folder that cannot be written) is told once and not every 30 seconds."""

    def __init__(
        self, folder: Path, importer: Importer, describe: Describer, tr: Translator
    ) -> None:
        self.folder = folder
        self._import, self._describe, self._tr = importer, describe, tr
        self._seen: dict[str, tuple[int, int]] = {}
        self._settled: dict[str, _Settled] = {}
        self._told: set[tuple[str, Outcome, str]] = set()

    def waiting(self) -> list[str]:
        """Files seen once: the next pass imports them if they have not changed."""
        return sorted(set(self._seen) - set(self._settled))

    def run_pass(self) -> list[FolderOutcome]:
        """Imports what is ready; returns what the manager should be told (each thing once)."""
        try:
            entries = sorted(p for p in self.folder.iterdir() if p.is_file())
        except OSError as error:
            return self._tell_once(
                [FolderOutcome(str(self.folder), Outcome.NO_FOLDER, problem=error)]
            )
        present = {p.name for p in entries}
        for gone in set(self._seen) - present:
            self._forget(gone)
        outcomes: list[FolderOutcome] = []
        for path in entries:
            if not is_importable(path):
                continue
            outcome = self._take(path)
            if outcome is not None:
                outcomes.append(outcome)
        return self._tell_once(outcomes)

    def _take(self, path: Path) -> FolderOutcome | None:
        try:
            status = path.stat()
        except OSError:
            return None  # gone between listing and looking: nothing to do
        signature = (status.st_size, status.st_mtime_ns)
        settled = self._settled.get(path.name)
        if settled is not None and settled.signature == signature:
            return self._move(path, settled)
        if self._seen.get(path.name) != signature:
            self._seen[path.name] = signature  # new or still growing: look again next pass
            self._settled.pop(path.name, None)
            return None
        return self._import_one(path, signature)

    def _import_one(self, path: Path, signature: tuple[int, int]) -> FolderOutcome:
        try:
            report = self._import(path)
        except StorageError as error:
            return FolderOutcome(path.name, Outcome.LEFT, problem=error)
        except KioskError as error:  # a file no reader can read: refused whole
            outcome = FolderOutcome(path.name, Outcome.REFUSED, problem=error)
            lines = [path.name, self._tr(N_("Refused: {reason}"), reason=error.render(self._tr))]
            return self._move(path, _Settled(signature, outcome, lines))
        except Exception as error:  # noqa: BLE001 - the database went away: try again later
            return FolderOutcome(path.name, Outcome.LEFT, problem=error)
        kind = Outcome.IMPORTED if report.imported else Outcome.REFUSED
        outcome = FolderOutcome(path.name, kind, report=report)
        return self._move(path, _Settled(signature, outcome, self._describe(report)))

    def _move(self, path: Path, settled: _Settled) -> FolderOutcome:
        """Writes the report, then moves the file beside it; on failure both stay as they were
        (the report is removed again) and the move is retried at the next pass."""
        first = settled.outcome
        where = DONE_FOLDER if first.outcome is Outcome.IMPORTED else REFUSED_FOLDER
        text = "\n".join(settled.lines) + "\n"
        report_path: Path | None = None
        try:
            target_folder = self.folder / where
            target_folder.mkdir(exist_ok=True)
            target = free_name(target_folder, path.name)
            write_bytes_atomically(_report_path(target), text.encode("utf-8"))
            report_path = _report_path(target)
            path.rename(target)
        except (OSError, StorageError) as error:
            if report_path is not None:  # written, but the file could not follow it
                _remove_quietly(report_path)
            self._settled[path.name] = settled
            return FolderOutcome(
                first.file_name,
                Outcome.NOT_MOVED,
                report=first.report,
                problem=error,
                destination=where,
            )
        self._forget(path.name)
        return FolderOutcome(
            first.file_name,
            first.outcome,
            report=first.report,
            report_path=report_path,
            problem=first.problem,
            destination=where,
        )

    def _forget(self, name: str) -> None:
        self._seen.pop(name, None)
        self._settled.pop(name, None)
        self._told = {told for told in self._told if told[0] != name}

    def _tell_once(self, outcomes: list[FolderOutcome]) -> list[FolderOutcome]:
        told: list[FolderOutcome] = []
        for outcome in outcomes:
            key = (outcome.file_name, outcome.outcome, type(outcome.problem).__name__)
            if outcome.outcome in (Outcome.IMPORTED, Outcome.REFUSED) or key not in self._told:
                told.append(outcome)
            self._told.add(key)
        return told


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def watched_folder(
    folder: Path, service: DossierImportService, tr: Translator, *, columns: Path | None = None
) -> ImportFolder:
    """The folder as the manager station watches it: files imported by no clerk, reports in the
    office's language."""
    return ImportFolder(
        folder,
        lambda path: service.import_file(path, columns=columns),
        lambda report: report_lines(report, tr),
        tr,
    )
