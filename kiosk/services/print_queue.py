"""The print queue: a job is written with the change it prints, and printed exactly once.

A dossier is registered whether or not its receipt prints (the job is added in the same
transaction), and a job stays queued, with the printer's words, until a printer takes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kiosk.db.models import Dossier, PrintJob, PrintKind, PrintStatus
from kiosk.i18n import Translator
from kiosk.printing.printers import Printer, PrinterError, Slip
from kiosk.printing.slip_fields import slip_content
from kiosk.printing.slips import TITLES
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.dossier_reads import dossier_view, find_dossier
from kiosk.services.offices import office_view
from kiosk.services.print_jobs import enqueue


@dataclass(frozen=True)
class PrintJobView:
    id: int
    kind: str
    code: str
    status: PrintStatus
    attempts: int
    last_error: str | None


def _view(job: PrintJob, code: str) -> PrintJobView:
    return PrintJobView(job.id, job.kind.value, code, job.status, job.attempts, job.last_error)


class PrintQueueService(StationUseCases):
    def queue(self, code: str, kind: PrintKind, *, clerk_id: int | None = None) -> PrintJobView:
        """A (re)print of a dossier's slip, for the clerk who asks for one."""
        with self._factory.begin() as session:
            dossier = find_dossier(session, code, office_id=self._office_id(session))
            job = enqueue(session, dossier, kind, station=self._station, at=self._clock())
            record_audit(
                session,
                at=self._clock(),
                station=self._station,
                clerk_id=clerk_id,
                action=f"print.{kind.value}",
                subject=dossier.code,
            )
            session.flush()
            return _view(job, dossier.code)

    def pending(self) -> list[PrintJobView]:
        with self._factory() as session:
            rows = session.execute(
                select(PrintJob, Dossier.code)
                .join(Dossier, PrintJob.dossier_id == Dossier.id)
                .where(
                    PrintJob.station == self._station,
                    PrintJob.status == PrintStatus.QUEUED,
                    Dossier.office_id == self._office_id(session),
                )
                .order_by(PrintJob.id)
            ).all()
            return [_view(job, code) for job, code in rows]

    def process(
        self, printer: Printer, signer: ReceiptSigner, tr: Translator
    ) -> list[PrintJobView]:
        """Sends every queued job of this station, oldest first; stops at the first failure
        (the printer is down: the rest would fail too, and order matters at a counter)."""
        done = []
        for job in self.pending():
            slip = self._slip(job, signer, tr)
            try:
                printer.print_slip(slip)
            except PrinterError as error:
                done.append(self._record(job.id, printed=False, error=error.render(tr)))
                break
            done.append(self._record(job.id, printed=True, error=None))
        return done

    def _slip(self, job: PrintJobView, signer: ReceiptSigner, tr: Translator) -> Slip:
        with self._factory() as session:
            found = find_dossier(session, job.code, office_id=self._office_id(session))
            dossier = dossier_view(found, self._clock().date())
            office = office_view(found.office)
        kind = PrintKind(job.kind)
        return Slip(
            load_template(kind.value),
            slip_content(dossier, office, tr, check_number=signer.check_number(dossier.code)),
            tr,
            signer.payload(dossier.code),
            tr(TITLES[kind], code=dossier.code),
            f"{kind.value}-{dossier.code}",
        )

    def _record(self, job_id: int, *, printed: bool, error: str | None) -> PrintJobView:
        with self._factory.begin() as session:
            job = session.get_one(PrintJob, job_id)
            job.attempts += 1
            job.updated_at = self._clock()
            job.last_error = error
            if printed:
                job.status = PrintStatus.PRINTED
            code = session.scalar(select(Dossier.code).where(Dossier.id == job.dossier_id)) or ""
            return _view(job, code)
