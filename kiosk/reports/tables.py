"""The tables of a period report — summary, per service, per clerk, register (Form 07) —
as plain rows, so the XLSX, CSV and PDF exports all show the same figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kiosk.chain import BAD_SIGNATURE, FORGED_KEY, UNREGISTERED, UNSIGNED
from kiosk.clock import day_range
from kiosk.db.models import Clerk, Dossier, DossierSource, Service
from kiosk.formats import day_text, number_text
from kiosk.i18n import N_, Translator
from kiosk.reports.cells import Cell
from kiosk.reports.corrected import corrected_count, corrected_header, corrected_rows
from kiosk.reports.figures import PeriodFigures, period_figures
from kiosk.reports.indicator_words import CLASS_WORDS as CLASS_WORDS
from kiosk.reports.indicator_words import classification_words
from kiosk.reports.indicators import Tally, judged_class, unit_class
from kiosk.reports.integrity import PeriodIntegrity
from kiosk.reports.targets import Targets as Targets  # where the screens and reports import it


@dataclass(frozen=True)
class Table:
    name: str
    header: list[str]
    rows: list[list[Cell]]


def _figures(tally: Tally) -> list[Cell]:
    indicators = tally.indicators
    return [
        tally.due,
        tally.early,
        tally.on_time,
        tally.late,
        tally.on_time_rate,
        tally.early_rate,
        tally.rate_766,
        tally.ratings,
        tally.satisfaction_rate,
        indicators.get(1),
        indicators.get(3),
        tally.indicator_3_asked,
        indicators.get(4),
        indicators.get(7),
        tally.indicator_total,
    ]


def _figure_header(tr: Translator) -> list[str]:
    return [
        tr("Due"),
        tr("Early"),
        tr("On time"),
        tr("Late"),
        tr("On-time rate (%)"),
        tr("Early rate (%)"),
        tr("Decision 766 rate (%)"),
        tr("Ratings"),
        tr("Satisfaction rate (%)"),
        tr("Indicator 1"),
        tr("Indicator 3"),
        tr("Indicator 3 as answered"),
        tr("Indicator 4"),
        tr("Indicator 7"),
        tr("Total"),
    ]


def build_tables(
    session: Session,
    office_code: str | None,
    start: date,
    end: date,
    today: date,
    tr: Translator,
    *,
    figures: PeriodFigures | None = None,
) -> list[Table]:
    """`figures`: the period's, when the caller already computed them for another format."""
    if figures is None:
        figures = period_figures(
            session, office_code, start, end, datetime.combine(today, time.min)
        )
    office, report, targets = figures.office, figures.report, figures.targets
    unit = report.unit
    unit_words = classification_words(unit_class(unit), unit, tr)
    corrections = figures.corrections
    summary_rows: list[list[Cell]] = [
        [tr("Dossiers received"), report.received, None, None],
        [tr("Results returned"), report.returned, None, None],
        [tr("Dossiers due"), unit.due, None, None],
        [tr("Supplement requests issued (Form 02)"), report.supplements, None, None],
        [tr("Dossiers refused (Form 03)"), report.refused, None, None],
        [
            tr("Dossiers with a corrected time"),
            corrected_count(corrections),
            None,
            tr("listed in the table '{table}'", table=tr("Corrected times")),
        ],
        [
            tr("On-time rate (%)"),
            unit.on_time_rate,
            targets.on_time,
            tr(
                "{part} early or on time of {whole} due",
                part=unit.early + unit.on_time,
                whole=unit.due,
            ),
        ],
        [
            tr("Early rate (%)"),
            unit.early_rate,
            targets.early,
            tr("{part} early of {whole} due", part=unit.early, whole=unit.due),
        ],
        [
            tr("Decision 766 rate (%)"),
            unit.rate_766,
            None,
            tr(
                "{whole} due − {part} late, unsatisfied or complained about",
                whole=unit.due,
                part=unit.bad_766,
            ),
        ],
        [
            tr("Ratings"),
            unit.ratings,
            None,
            tr("{paper} of them on paper slips", paper=unit.paper_ratings),
        ],
        [
            tr("Satisfaction rate (%)"),
            unit.satisfaction_rate,
            targets.satisfaction,
            tr(
                "{part} satisfied or very satisfied of {whole}",
                part=unit.satisfied,
                whole=unit.ratings,
            ),
        ],
    ]
    summary_rows += [
        [tr("Indicator {number} (Circular 01/2018)", number=n), value, None, None]
        for n, value in unit.indicators.items()
    ]
    summary_rows.append(
        [
            tr("Indicator 3 as the citizens answered"),
            unit.indicator_3_asked,
            None,
            tr("indicator 3 above counts the Form 02s recorded for each rated dossier"),
        ]
    )
    summary_rows.append([tr("Unit classification"), unit_words, None, None])
    summary = Table(
        tr("Summary"), [tr("Figure"), tr("Value"), tr("Target"), tr("From")], summary_rows
    )
    services = {s.id: s for s in session.scalars(select(Service))}
    by_service = Table(
        tr("By service"),
        [tr("Service code"), tr("Service"), *_figure_header(tr)],
        [
            [
                services[sid].code,
                services[sid].name_vi if tr.language == "vi" else services[sid].name_en,
                *_figures(tally),
            ]
            for sid, tally in sorted(report.by_service.items(), key=lambda i: services[i[0]].code)
        ],
    )
    clerks = {c.id: c for c in session.scalars(select(Clerk))}
    by_clerk = Table(
        tr("By clerk"),
        [tr("Clerk"), tr("Counter"), *_figure_header(tr), tr("Classification")],
        [
            [
                clerks[cid].display_name,
                clerks[cid].counter,
                *_figures(tally),
                classification_words(judged_class(tally), tally, tr),
            ]
            for cid, tally in sorted(report.by_clerk.items(), key=lambda i: clerks[i[0]].counter)
        ],
    )
    integrity = figures.integrity
    summary_rows.append([tr("Rating chain"), integrity_sentence(integrity, tr), None, None])
    return [
        summary,
        by_service,
        by_clerk,
        _register(session, office.id, office.name, start, end, tr),
        _chain_heads(integrity, tr),
        Table(tr("Corrected times"), corrected_header(tr), corrected_rows(corrections, tr)),
    ]


# The chain's findings in plain words, for a reader who has never heard of hashes; the XLSX and
# CSV carry the same sentences, and each station's head (below them) for later checks.
SIGNATURE_SENTENCES = {
    UNREGISTERED: N_(
        "Rating data NOT PROVEN intact: station {station} has no registered signing key, so its "
        "ratings from no. {sequence} cannot be checked."
    ),
    UNSIGNED: N_(
        "Rating data checked for integrity: rating no. {sequence} of station {station} is not "
        "signed by the station's key, so it may have been added or changed outside the kiosk."
    ),
    BAD_SIGNATURE: N_(
        "Rating data checked for integrity: rating no. {sequence} of station {station} is not "
        "signed by the station's key, so it may have been added or changed outside the kiosk."
    ),
    FORGED_KEY: N_(
        "Rating data checked for integrity: the signing key of station {station} (from rating "
        "no. {sequence}) was not registered by a manager, so its ratings cannot be trusted."
    ),
}


def integrity_sentence(integrity: PeriodIntegrity, tr: Translator) -> str:
    broken = next((s.broken for s in integrity.segments if s.broken), None)
    if broken is not None and broken.problem in SIGNATURE_SENTENCES:
        return tr(
            SIGNATURE_SENTENCES[broken.problem], sequence=broken.sequence, station=broken.station
        )
    if broken is not None:
        return tr(
            "Rating data checked for integrity: rating no. {sequence} of station {station} was "
            "changed or deleted after it was recorded.",
            sequence=broken.sequence,
            station=broken.station,
        )
    if integrity.unchecked is not None:
        return tr("Rating chain NOT CHECKED: {problem}", problem=integrity.unchecked.render(tr))
    return tr(
        "Rating data checked for integrity: no change or deletion found ({count} ratings in "
        "the period).",
        count=number_text(integrity.checked, tr.language),
    )


def _chain_heads(integrity: PeriodIntegrity, tr: Translator) -> Table:
    return Table(
        tr("Chain heads"),
        [tr("Station"), tr("First no. in the period"), tr("Latest no."), tr("Head (SHA-256)")],
        [
            [segment.station, segment.first or None, segment.last, segment.head]
            for segment in integrity.segments
        ],
    )


def register_query(office_id: int, begin: datetime, finish: datetime) -> Select[*tuple[Any, ...]]:
    """The columns of Form 07 for the dossiers received between two moments, oldest first."""
    return (
        select(
            Dossier.code,
            Service.name_vi,
            Dossier.citizen_name,
            Dossier.citizen_address,
            Dossier.citizen_phone,
            Dossier.received_at,
            Dossier.due_at,
            Dossier.returned_at,
            Dossier.reappointed_due_at,
            Dossier.reappointment_reason,
            Dossier.source,
        )
        .join(Service, Dossier.service_id == Service.id)
        .where(
            Dossier.office_id == office_id,
            Dossier.received_at >= begin,
            Dossier.received_at < finish,
        )
        .order_by(Dossier.received_at)
    )


def _register(
    session: Session, office_id: int, office_name: str, start: date, end: date, tr: Translator
) -> Table:
    """Form 07, "Sổ theo dõi hồ sơ", for the dossiers received in the period."""
    begin, finish = day_range(start, end)
    # Plain columns through Core, not ORM rows: a province's day is 100,000 dossiers.
    dossiers = session.connection().execute(register_query(office_id, begin, finish)).all()
    header = [
        tr("No."),
        tr("Dossier code"),
        tr("Procedure"),
        tr("Citizen"),
        tr("Address, phone"),
        tr("Handling agency"),
        tr("Received"),
        tr("Appointment"),
        tr("Returned"),
        tr("How the result was collected"),
        tr("Notes"),
    ]
    at_counter = tr("At the counter")
    imported = tr("Imported from the provincial one-stop system")
    provincial = DossierSource.PROVINCIAL
    rows: list[list[Cell]] = []
    append = rows.append
    for number, (
        code,
        procedure,
        name,
        address,
        phone,
        received,
        due,
        returned,
        *rest,
    ) in enumerate(dossiers, 1):
        reappointed_to, reason, source = rest
        note = None  # most dossiers have none: the words are only built for the few that do
        if reappointed_to is not None or source is provincial:
            notes = [
                _reappointment_note(reappointed_to, reason, tr),
                imported if source is provincial else None,
            ]
            note = "; ".join(n for n in notes if n) or None
        append(
            [
                number,
                code,
                procedure,
                name,
                f"{address}, {phone}" if address and phone else address or phone or None,
                office_name,
                received,
                due,
                returned,
                at_counter if returned else None,
                note,
            ]
        )
    return Table(tr("Register (Form 07)"), header, rows)


def _reappointment_note(due: datetime | None, reason: str | None, tr: Translator) -> str | None:
    if due is None:
        return None
    day = day_text(due, tr.language)
    if not reason:  # an imported re-appointment: the provincial system's file gives no reason
        return tr("Re-appointed to {day}", day=day)
    return tr("Re-appointed to {day}: {reason}", day=day, reason=reason)
