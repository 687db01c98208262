"""The report's headline: the rates with their targets said in words ("Tỷ lệ hài lòng 86,7 % —
đạt chỉ tiêu ≥ 80 %"), the two counts of late dossiers each under its own name, then every
figure in a table with its target and whether it was met."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from kiosk.formats import day_text, number_text, percent_text
from kiosk.i18n import N_, Translator
from kiosk.reports.figures import PeriodFigures
from kiosk.reports.indicator_words import classification_words
from kiosk.reports.indicators import unit_class
from kiosk.reports.pdf_styles import ReportStyles, headed_table, header_cells

# The names a reader quotes: "late in the period" counts the dossiers due in it and returned late
# or not at all; "overdue now" counts what the office still owes today, whenever it was due.
LATE_IN_PERIOD = N_("Dossiers late in the period")
OVERDUE_NOW = N_("Dossiers overdue, not yet returned (as of {moment})")


def moment_text(moment: datetime, language: str) -> str:
    return f"{moment:%H:%M} {day_text(moment.date(), language)}"


def overdue_now_label(figures: PeriodFigures, tr: Translator) -> str:
    return tr(OVERDUE_NOW, moment=moment_text(figures.now, tr.language))


def _target_words(
    name: str, value: Decimal | None, target: Decimal, tr: Translator
) -> tuple[str, str]:
    """The sentence for a rate and the table's assessment cell."""
    shown, goal = percent_text(value, tr.language), percent_text(target, tr.language)
    if value is None:
        return tr(N_("{figure}: no data in the period"), figure=name), "—"
    if value >= target:
        sentence, mark = N_("{figure} {value} — meets the target of {target}"), N_("met")
    else:
        sentence, mark = N_("{figure} {value} — below the target of {target}"), N_("not met")
    return tr(sentence, figure=name, value=shown, target=goal), tr(mark)


def headline(figures: PeriodFigures, tr: Translator, s: ReportStyles) -> list[Flowable]:
    unit, targets, language = figures.report.unit, figures.targets, tr.language
    rates = [
        (tr(N_("On-time rate")), tr("On-time rate (%)"), unit.on_time_rate, targets.on_time),
        (tr(N_("Early rate")), tr("Early rate (%)"), unit.early_rate, targets.early),
        (
            tr(N_("Satisfaction rate")),
            tr("Satisfaction rate (%)"),
            unit.satisfaction_rate,
            targets.satisfaction,
        ),
    ]
    said = [
        (_target_words(name, value, target, tr), label, value, target)
        for name, label, value, target in rates
    ]
    late_label = tr(LATE_IN_PERIOD)
    overdue_label = overdue_now_label(figures, tr)
    overdue = figures.overdue_now.overdue
    sentences = [words for (words, _mark), *_rest in said]
    sentences += [
        f"{late_label}: {number_text(unit.late, language)}",
        f"{overdue_label}: {number_text(overdue, language)}",
    ]
    out: list[Flowable] = [
        Paragraph(escape(tr(N_("1. Results at a glance"))), s.heading),
        *(Paragraph(f"– {escape(text)}", s.body) for text in sentences),
        Paragraph(escape(tr(N_("2. The figures in detail"))), s.heading),
    ]

    def count(value: int) -> str:
        return number_text(value, language)

    def mean(value: Decimal | None) -> str:
        return "—" if value is None else number_text(value, language)

    rows: list[tuple[str, str, str, str]] = [
        (tr("Dossiers received"), count(figures.report.received), "", ""),
        (tr("Results returned"), count(figures.report.returned), "", ""),
        (tr("Dossiers due"), count(unit.due), "", ""),
        (late_label, count(unit.late), "", ""),
        (overdue_label, count(overdue), "", ""),
        (tr("Supplement requests issued (Form 02)"), count(figures.report.supplements), "", ""),
        (tr("Dossiers refused (Form 03)"), count(figures.report.refused), "", ""),
    ]
    for (_words, mark), label, value, target in said:
        rows.append((label, percent_text(value, language), percent_text(target, language), mark))
    rows.insert(-1, (tr("Decision 766 rate (%)"), percent_text(unit.rate_766, language), "", ""))
    rows.insert(-1, (tr("Ratings"), count(unit.ratings), "", ""))
    for number, value in unit.indicators.items():
        rows.append(
            (tr("Indicator {number} (Circular 01/2018)", number=number), mean(value), "", "")
        )
    rows.append((tr("Indicator 3 as the citizens answered"), mean(unit.indicator_3_asked), "", ""))
    words = classification_words(unit_class(unit), unit, tr)
    rows.append((tr("Unit classification"), words, "", ""))
    header = header_cells(
        [tr("Figure"), tr("Value"), tr(N_("Target (at least)")), tr(N_("Assessment"))], s.cell_bold
    )
    body = [
        [
            Paragraph(escape(name), s.cell),
            Paragraph(escape(value), s.number),
            Paragraph(escape(target), s.number),
            Paragraph(escape(mark), s.cell),
        ]
        for name, value, target, mark in rows
    ]
    out.append(headed_table(header, body, [86, 24, 30, 25]))
    return out
