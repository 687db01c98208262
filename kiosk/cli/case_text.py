"""Feedback cases in words, for `kiosk cases …`: the list as a table, one case with its history,
and the three Decision 766 parts. The citizen's contact is written only when the caller passes
it, which the service does for a manager's view of one case alone."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kiosk.answers import FACE_WORDS, Satisfaction
from kiosk.cli.context import fmt_moment
from kiosk.db.case_models import AnswerChannel, CaseSource, CaseState
from kiosk.i18n import N_, Translator, format_percent
from kiosk.reports.decision_766 import Group766
from kiosk.services.case_desk import CaseDetail, CaseEventView, CaseView
from kiosk.services.case_settings import CaseSettings

STATE_WORDS = {
    CaseState.OPEN: N_("open"),
    CaseState.ASSIGNED: N_("assigned"),
    CaseState.ANSWERED: N_("answered"),
    CaseState.CLOSED: N_("closed"),
    CaseState.TRANSFERRED: N_("transferred"),
}
SOURCE_WORDS = {
    CaseSource.RATING: N_("an unhappy rating"),
    CaseSource.KIOSK: N_("typed at the kiosk"),
    CaseSource.IN_PERSON: N_("in person"),
    CaseSource.PHONE: N_("by phone"),
    CaseSource.MAIL: N_("by mail"),
}
CHANNEL_WORDS = {
    AnswerChannel.IN_PERSON: N_("in person"),
    AnswerChannel.PHONE: N_("by phone"),
    AnswerChannel.LETTER: N_("by letter"),
    AnswerChannel.SMS: N_("by SMS"),
}
EVENT_WORDS = {
    "open": N_("opened"),
    "assign": N_("assigned"),
    "answer": N_("answered"),
    "close": N_("closed"),
    "transfer": N_("transferred"),
    "call_back_asked": N_("call-back asked for"),
    "call_back": N_("called back"),
    "rate": N_("handling rated"),
}
OVERDUE = N_("overdue")
DUE_SOON = N_("due within 1 working day")
ANSWERED_LATE = N_("answered late")
SUBJECT_WIDTH = 40
SCORING_NOTE = N_(
    "Points as the national public service portal (Cổng DVCQG) scores Decision 766; "
    "the Decision's own appendix could not be consulted."
)


def alert(view: CaseView) -> str:
    """What needs attention: still to answer and overdue or due soon, or answered late."""
    if view.overdue:
        return OVERDUE if view.answered_at is None else ANSWERED_LATE
    return DUE_SOON if view.due_soon else ""


def case_data(view: CaseView) -> dict[str, Any]:
    data = dataclasses.asdict(view)
    data["alert"] = alert(view) or None
    return data


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _short(text: str) -> str:
    return text if len(text) <= SUBJECT_WIDTH else text[: SUBJECT_WIDTH - 1] + "…"


def list_text(views: Sequence[CaseView], tr: Translator) -> str:
    header = (
        tr("Number"),
        tr("Opened"),
        tr("Due"),
        tr("State"),
        tr("Owner"),
        tr("Subject"),
        tr("Alert"),
    )
    rows = [
        (
            v.number,
            fmt_moment(v.opened_at),
            fmt_moment(v.due_at),
            tr(STATE_WORDS[v.state]),
            v.owner_name or "—",
            _short(v.subject),
            tr(alert(v)) if alert(v) else "",
        )
        for v in views
    ]
    summary = tr("{count} cases", count=len(views))
    return "\n".join([*_table([header, *rows]), summary]) if rows else summary


def _face(satisfaction: Satisfaction | None, tr: Translator) -> str:
    return tr(FACE_WORDS[satisfaction]) if satisfaction else tr("not yet")


def case_text(view: CaseView, tr: Translator) -> str:
    due = fmt_moment(view.due_at) + (f" ({tr(alert(view))})" if alert(view) else "")
    rows = [
        (tr("Case"), view.number),
        (tr("Opened"), f"{fmt_moment(view.opened_at)} — {tr(SOURCE_WORDS[view.source])}"),
        (tr("Subject"), view.subject),
    ]
    if view.text:
        rows.append((tr("Text"), view.text))
    concerns = [
        name
        for name in (view.service_name, view.dossier_code, view.about_clerk_name)
        if name is not None
    ]
    if concerns:
        rows.append((tr("Concerns"), ", ".join(concerns)))
    rows += [
        (tr("Due"), due),
        (tr("State"), tr(STATE_WORDS[view.state])),
        (tr("Owner"), view.owner_name or "—"),
    ]
    if view.answer and view.answer_channel:
        how = tr(CHANNEL_WORDS[view.answer_channel])
        rows.append((tr("Answer"), f"{view.answer} ({how}, {fmt_moment(view.answered_at)})"))
    if view.transferred_to:
        rows.append((tr("Transferred to"), view.transferred_to))
    if view.closed_at and view.state is CaseState.CLOSED:
        rows.append((tr("Closed"), fmt_moment(view.closed_at)))
    if view.answered_at:
        rows.append((tr("Handling rated"), _face(view.handling_rated, tr)))
    return "\n".join(f"{label}: {value}" for label, value in rows)


def _event_details(event: CaseEventView, tr: Translator) -> str:
    details = event.details
    if event.action == "open" and "source" in details:
        return tr(SOURCE_WORDS[CaseSource(details["source"])])
    if event.action == "assign" and "owner_id" in details:
        return tr("to clerk {id}", id=details["owner_id"])
    if event.action == "answer" and "channel" in details:
        return tr(CHANNEL_WORDS[AnswerChannel(details["channel"])])
    if event.action == "transfer" and "to" in details:
        return str(details["to"])
    if event.action == "rate" and "satisfaction" in details:
        return _face(Satisfaction(details["satisfaction"]), tr)
    if event.action == "call_back" and "called_at" in details:
        return tr("call at {moment}", moment=_moment_text(str(details["called_at"])))
    return ""


def _moment_text(iso: str) -> str:
    return fmt_moment(datetime.fromisoformat(iso))


def detail_data(detail: CaseDetail) -> dict[str, Any]:
    return {
        "case": case_data(detail.case),
        "events": [dataclasses.asdict(e) for e in detail.events],
        "contact": dataclasses.asdict(detail.contact) if detail.contact else None,
        "contact_removed_on": detail.contact_removed_on,
    }


def detail_text(detail: CaseDetail, tr: Translator, contact_months: int) -> str:
    lines = [case_text(detail.case, tr)]
    if detail.contact is not None:
        contact = f"{detail.contact.name}, {detail.contact.phone}"
        if detail.contact_removed_on is not None:
            kept = tr("removed on {day}", day=_day(detail.contact_removed_on))
        else:
            kept = tr("removed {months} months after the case is closed", months=contact_months)
        lines.append(f"{tr('Contact')}: {contact} ({kept})")
    lines.append(tr("History") + ":")
    for event in detail.events:
        who = event.clerk_name or tr("citizen")
        what = tr(EVENT_WORDS.get(event.action, event.action))
        extra = _event_details(event, tr)
        lines.append(
            f"  {fmt_moment(event.at)}  {what}"
            + (f" ({extra})" if extra else "")
            + f" — {who}, {event.station}"
        )
    return "\n".join(lines)


def _day(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _points(points: Decimal, tr: Translator) -> str:
    text = f"{points:.2f}"
    return text.replace(".", ",") if tr.language == "vi" else text


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
    period = tr("Decision 766, satisfaction group, {start} – {end}", start=_day(start), end=_day(end))
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
        ]
    )
