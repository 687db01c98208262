"""Feedback cases in words, for `kiosk cases …`: the list as a table, one case with its history,
and the three Decision 766 parts. The citizen's contact is written only when the caller passes
it, which the service does for a manager's view of one case alone."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from kiosk.answers import FACE_WORDS, Satisfaction
from kiosk.case_words import (
    CHANNEL_WORDS,
    SCORING_NOTE,
    SOURCE_WORDS,
    STATE_WORDS,
    alert,
    alert_words,
    event_words,
)
from kiosk.cli.context import fmt_moment
from kiosk.db.case_models import CaseState
from kiosk.formats import day_text, points_text
from kiosk.i18n import Translator, format_percent
from kiosk.reports.decision_766 import Group766
from kiosk.services.case_desk import CaseDetail, CaseView
from kiosk.services.case_settings import CaseSettings

SUBJECT_WIDTH = 40


def case_data(view: CaseView) -> dict[str, Any]:
    data = dataclasses.asdict(view)
    data["alert"] = alert(view)
    return data


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _short(text: str) -> str:
    """One line of the table: a subject typed with line breaks, or long, is cut to fit."""
    text = " ".join(text.split())
    return text if len(text) <= SUBJECT_WIDTH else text[: SUBJECT_WIDTH - 1] + "…"


def list_text(views: Sequence[CaseView], tr: Translator) -> str:
    header = (
        tr("Number"),
        tr("Received"),
        tr("Due"),
        tr("State"),
        tr("Owner"),
        tr("Subject"),
        tr("Alert"),
    )
    rows = [
        (
            v.number,
            fmt_moment(v.opened_at, tr.language),
            fmt_moment(v.due_at, tr.language),
            tr(STATE_WORDS[v.state]),
            v.owner_name or "—",
            _short(v.subject),
            alert_words(v, tr),
        )
        for v in views
    ]
    summary = tr("{count} cases", count=len(views))
    return "\n".join([*_table([header, *rows]), summary]) if rows else summary


def _face(satisfaction: Satisfaction | None, tr: Translator) -> str:
    return tr(FACE_WORDS[satisfaction]) if satisfaction else "—"


def _concerns(view: CaseView, tr: Translator) -> str | None:
    what = []
    if view.service_name:
        what.append(tr("service {name}", name=view.service_name))
    if view.dossier_code:
        what.append(tr("dossier {code}", code=view.dossier_code))
    if view.about_clerk_name:
        what.append(tr("clerk {name}", name=view.about_clerk_name))
    return tr("Concerns: {what}", what=", ".join(what)) if what else None


def case_text(view: CaseView, tr: Translator) -> str:
    received = fmt_moment(view.opened_at, tr.language) + " — " + tr(SOURCE_WORDS[view.source])
    rows = [(tr("Number"), view.number), (tr("Received"), received)]
    rows.append((tr("Subject"), view.subject))
    if view.text:
        rows.append((tr("Text"), view.text))
    lines = [f"{label}: {value}" for label, value in rows]
    concerns = _concerns(view, tr)
    if concerns:
        lines.append(concerns)
    warning = alert_words(view, tr)
    rows = [
        (tr("Due"), fmt_moment(view.due_at, tr.language) + (f" ({warning})" if warning else "")),
        (tr("State"), tr(STATE_WORDS[view.state])),
        (tr("Owner"), view.owner_name or "—"),
    ]
    if view.answer and view.answer_channel:
        how = tr(CHANNEL_WORDS[view.answer_channel]).lower()
        rows.append(
            (tr("Answer"), f"{view.answer} ({how}, {fmt_moment(view.answered_at, tr.language)})")
        )
    if view.transferred_to:
        rows.append((tr("Transferred to"), view.transferred_to))
    if view.closed_at and view.state is CaseState.CLOSED:
        rows.append((tr("Closed"), fmt_moment(view.closed_at, tr.language)))
    if view.answered_at:
        rows.append((tr("Handling rated"), _face(view.handling_rated, tr)))
    lines += [f"{label}: {value}" for label, value in rows]
    return "\n".join(lines)


def detail_data(detail: CaseDetail) -> dict[str, Any]:
    return {
        "case": case_data(detail.case),
        "events": [dataclasses.asdict(e) for e in detail.events],
        "contact": dataclasses.asdict(detail.contact) if detail.contact else None,
        "contact_removed_on": detail.contact_removed_on,
    }


def detail_text(
    detail: CaseDetail, tr: Translator, *, contact_months: int, staff: dict[int, str]
) -> str:
    lines = [case_text(detail.case, tr)]
    if detail.contact is not None:
        if detail.contact_removed_on is not None:
            kept = tr("removed on {day}", day=day_text(detail.contact_removed_on, tr.language))
        else:
            kept = tr("removed {months} months after the case is closed", months=contact_months)
        lines.append(
            tr(
                "Call back: {name}, {phone} ({kept}; managers only).",
                name=detail.contact.name,
                phone=detail.contact.phone,
                kept=kept,
            )
        )
    lines.append(tr("History:"))
    for event in detail.events:
        # No clerk: the citizen at the kiosk, or the station recording their rating.
        who = f"{event.clerk_name}, {event.station}" if event.clerk_name else event.station
        lines.append(
            f"  {fmt_moment(event.at, tr.language)}  {event_words(event, tr, staff)} — {who}"
        )
    return "\n".join(lines)


def _points(points: Decimal, tr: Translator) -> str:
    return points_text(points, tr.language)


def group_data(group: Group766, start: date, end: date) -> dict[str, Any]:
    def part(p: Any) -> dict[str, Any]:
        return {
            "title": p.title,
            "counted": p.counted,
            "good": p.good,
            "rate": float(p.rate) if p.rate is not None else None,
            "points": float(p.points),
            "out_of": 6,
        }

    return {
        "start": start,
        "end": end,
        "dossiers": part(group.dossiers),
        "cases_on_time": part(group.cases_on_time),
        "cases_satisfied": part(group.cases_satisfied),
        "points": float(group.points),
        "out_of": 18,
        "scoring": SCORING_NOTE,
    }


def group_text(group: Group766, start: date, end: date, tr: Translator) -> str:
    header = (tr("Part"), tr("Counted"), tr("Good"), tr("Rate"), tr("Points"))
    rows = [
        (
            tr(p.title),
            str(p.counted),
            str(p.good),
            format_percent(p.rate, tr.language) if p.rate is not None else "—",
            f"{_points(p.points, tr)} / 6",
        )
        for p in group.parts
    ]
    total = tr("Total: {points} / 18", points=_points(group.points, tr))
    period = tr(
        "Decision 766, satisfaction group, {start} – {end}",
        start=day_text(start, tr.language),
        end=day_text(end, tr.language),
    )
    return "\n".join([period, *_table([header, *rows]), total, tr(SCORING_NOTE)])


def settings_data(settings: CaseSettings) -> dict[str, Any]:
    return dataclasses.asdict(settings)


def settings_text(settings: CaseSettings, tr: Translator) -> str:
    return "\n".join(
        [
            tr("A case is answered within {days} working days.", days=settings.case_days),
            tr(
                "A citizen's contact is removed {months} months after the case is closed.",
                months=settings.contact_months,
            ),
            tr(
                "(The national portal counts a case as answered on time for Decision 766 "
                "within 15 working days.)"
            ),
        ]
    )
