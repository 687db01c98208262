"""`kiosk report [--date D | --from D1 --to D2]`: the manager's figures for a period, and what the
office owes now — the same figures as the desk, the exports and the kiosk (one definition each:
kiosk.reports.indicators for the period, kiosk.services.due_dossiers for what is owed). The text
is written as the reader's language writes numbers and dates; `--json` keeps numbers as numbers
and dates in ISO form."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kiosk.errors import InvalidInputError
from kiosk.formats import day_text, mean_text, number_text, percent_text, short_day_text
from kiosk.i18n import N_, Translator
from kiosk.services.figure_names import (
    DUE_NEXT_OPEN,
    DUE_TODAY_OPEN,
    LATE_IN_PERIOD,
    OVERDUE_NOW,
    WHOLE_OFFICE,
)

if TYPE_CHECKING:
    # The parser imports this module for every command: the database layer only when it runs.
    from kiosk.cli.context import CliContext
    from kiosk.reports.indicators import PeriodReport
    from kiosk.reports.tables import Targets
    from kiosk.services.due_dossiers import DueCounts

FIGURES_FOR = N_("The office's figures, {period}")
OWED_ON = N_("Owed on {day}:")
WITH_TARGET = N_("{value} (target {target})")


def add_report_command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    p = commands.add_parser(
        "report", parents=[common], help=tr("the manager's figures for a day or a period")
    )
    p.add_argument("--date", help=tr("the day (default: today)"))
    p.add_argument("--from", dest="start", help=tr("first day of a period"))
    p.add_argument("--to", dest="end", help=tr("last day of a period"))
    p.set_defaults(handler="kiosk.cli.report_commands:report")


def _period(ctx: CliContext, args: argparse.Namespace) -> tuple[date, date]:
    from kiosk.cli.parsing import parse_day

    if args.date and (args.start or args.end):
        raise InvalidInputError(N_("Give either --date or --from/--to, not both."))
    first = args.start or args.date
    start = parse_day(first) if first else ctx.clock().date()
    end = parse_day(args.end) if args.end else start
    if end < start:
        raise InvalidInputError(N_("The period ends before it starts."))
    return start, end


def report(ctx: CliContext, args: argparse.Namespace) -> None:
    from kiosk.reports.indicators import compute
    from kiosk.reports.tables import Targets
    from kiosk.services.due_dossiers import due_counts
    from kiosk.services.offices import find_office

    start, end = _period(ctx, args)
    today = ctx.clock().date()
    with ctx.database().factory() as session:
        office = find_office(session, ctx.settings.office_code)
        figures = compute(session, office.id, start, end, today)
        owed = due_counts(session, office, today)
        targets = Targets.of(office)
    ctx.emit(report_data(figures, owed, targets), report_text(figures, owed, targets, ctx.tr))


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def report_data(figures: PeriodReport, owed: DueCounts, targets: Targets) -> dict[str, Any]:
    unit = figures.unit
    return {
        "start": figures.start,
        "end": figures.end,
        "received": figures.received,
        "returned": figures.returned,
        "due": unit.due,
        "early": unit.early,
        "on_time": unit.on_time,
        "late": unit.late,
        "on_time_rate": _number(unit.on_time_rate),
        "early_rate": _number(unit.early_rate),
        "rate_766": _number(unit.rate_766),
        "ratings": unit.ratings,
        "satisfaction_rate": _number(unit.satisfaction_rate),
        "indicators": {str(n): float(mean) for n, mean in unit.indicators.items()},
        "targets": {
            "satisfaction": float(targets.satisfaction),
            "on_time": float(targets.on_time),
            "early": float(targets.early),
        },
        "owed": {
            "day": owed.days.today,
            "next_working_day": owed.days.next_working_day,
            "overdue": owed.overdue,
            "due_today": owed.due_today,
            "due_next": owed.due_next,
        },
    }


def report_text(figures: PeriodReport, owed: DueCounts, targets: Targets, tr: Translator) -> str:
    language, unit = tr.language, figures.unit

    def rate(value: Decimal | None, target: Decimal | None = None) -> str:
        shown = percent_text(value, language)
        if target is None:
            return shown
        return tr(WITH_TARGET, value=shown, target=percent_text(target, language))

    start, end = day_text(figures.start, language), day_text(figures.end, language)
    period = start if figures.start == figures.end else f"{start} – {end}"
    rows = [
        (tr("Dossiers received"), number_text(figures.received, language)),
        (tr("Results returned"), number_text(figures.returned, language)),
        (tr("Dossiers due"), number_text(unit.due, language)),
        (tr("Early"), number_text(unit.early, language)),
        (tr("On time"), number_text(unit.on_time, language)),
        (tr(LATE_IN_PERIOD), number_text(unit.late, language)),
        (tr("On-time rate (%)"), rate(unit.on_time_rate, targets.on_time)),
        (tr("Early rate (%)"), rate(unit.early_rate, targets.early)),
        (tr("Decision 766 rate (%)"), rate(unit.rate_766)),
        (tr("Ratings"), number_text(unit.ratings, language)),
        (tr("Satisfaction rate (%)"), rate(unit.satisfaction_rate, targets.satisfaction)),
    ]
    rows += [
        (tr("Indicator {number} (Circular 01/2018)", number=n), mean_text(mean, language))
        for n, mean in unit.indicators.items()
    ]
    next_day = short_day_text(owed.days.next_working_day, language)
    owed_rows = [
        (tr(WHOLE_OFFICE, figure=tr(OVERDUE_NOW)), owed.overdue),
        (tr(WHOLE_OFFICE, figure=tr(DUE_TODAY_OPEN)), owed.due_today),
        (tr(WHOLE_OFFICE, figure=tr(DUE_NEXT_OPEN, day=next_day)), owed.due_next),
    ]
    width = max(len(label) for label, _ in rows + owed_rows)
    lines = [tr(FIGURES_FOR, period=period)]
    lines += [f"  {label:<{width}}  {value}" for label, value in rows]
    lines.append(tr(OWED_ON, day=day_text(owed.days.today, language)))
    lines += [f"  {label:<{width}}  {number_text(count, language)}" for label, count in owed_rows]
    return "\n".join(lines)
